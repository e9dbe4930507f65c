import type { CliIo } from '../cliIo';
import { openVault } from '../openVault';
import { parseArgs } from '../args';
import { INDEX_FLAGS } from './indexCommand';
import { citation } from '../../core/retrieval/citation';

/** `visiewijzer elements VAULT`: the vision elements (kernwaarden, pijlers) with their indicators. */
export async function elementsCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, INDEX_FLAGS);
  // Roles come from the keyword part of the index: listing elements never needs the model.
  const vault = await openVault(args.positional[0], args, { keywordOnly: true });
  await vault.index.update();
  const { elements, warnings } = await vault.index.elements();
  for (const warning of warnings) io.err(`Warning: ${warning}`);
  if (args.flags.has('json')) {
    io.out(JSON.stringify(elements.map((e) => ({ id: e.id, title: e.title, description: e.description, indicators: e.indicators, path: e.path, heading: e.heading, startLine: e.startLine, endLine: e.endLine }))));
    return 0;
  }
  if (elements.length === 0) {
    io.out('No vision elements found. Mark a vision note with "visiewijzer: visie" in its frontmatter, the tag #visie, or put it in the folder Visie.');
    return 0;
  }
  io.out(elements.map((e) => [`${e.title}  (${e.id})  ${citation(e.path, e.heading)}`, ...e.indicators.map((i) => `  - ${i}`)].join('\n')).join('\n\n'));
  return 0;
}
