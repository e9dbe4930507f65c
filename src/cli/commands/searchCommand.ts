import type { CliIo } from '../cliIo';
import type { NoteRole } from '../../core/notes/types';
import { NOTE_ROLES } from '../../core/notes/types';
import { openVault } from '../openVault';
import { CliError, flagNumber, flagString, parseArgs } from '../args';
import { INDEX_FLAGS } from './indexCommand';
import { citation } from '../../core/retrieval/citation';

const SEARCH_FLAGS = { values: [...INDEX_FLAGS.values, 'k', 'role', 'folder'], booleans: INDEX_FLAGS.booleans };

/** `visiewijzer search VAULT "QUERY"`: brings the index up to date, then prints the best passages. */
export async function searchCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, SEARCH_FLAGS);
  const [vaultArg, query] = args.positional;
  if (!query || query.trim() === '') throw new CliError('Give a query, e.g. visiewijzer search examples/vault "eigenaarschap"');
  const role = flagString(args, 'role');
  if (role !== undefined && !NOTE_ROLES.includes(role as NoteRole)) throw new CliError(`--role must be one of ${NOTE_ROLES.join(', ')}`);
  const k = flagNumber(args, 'k', 5);
  const vault = await openVault(vaultArg, args);
  if (vault.notice) io.err(vault.notice);
  await vault.index.update();
  const folder = flagString(args, 'folder');
  const result = await vault.index.search(query, {
    k,
    ...(role ? { roles: [role as NoteRole] } : {}),
    ...(folder ? { folder } : {}),
  });
  if (result.notice && !vault.notice) io.err(result.notice);
  if (args.flags.has('json')) {
    io.out(JSON.stringify(result.hits.map((h) => ({ path: h.path, heading: h.heading, startLine: h.startLine, endLine: h.endLine, snippet: h.snippet, score: round(h.score) }))));
    return 0;
  }
  if (result.hits.length === 0) {
    io.out(`Nothing found for "${query}".`);
    return 0;
  }
  io.out(result.hits.map((h, i) => `${i + 1}. ${citation(h.path, h.heading)} (lines ${h.startLine}-${h.endLine}, score ${round(h.score)})\n   ${h.snippet}`).join('\n'));
  return 0;
}

function round(value: number): number {
  return Math.round(value * 10000) / 10000;
}
