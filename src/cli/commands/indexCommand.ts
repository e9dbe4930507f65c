import type { CliIo } from '../cliIo';
import type { IndexReport } from '../../core/index/indexReport';
import { openVault } from '../openVault';
import { MODEL_FLAGS } from '../modelOption';
import { parseArgs } from '../args';

export const INDEX_FLAGS = { values: [...MODEL_FLAGS.values, 'index-dir'], booleans: [...MODEL_FLAGS.booleans, 'json'] };

/** `visiewijzer index VAULT`: builds or updates the index and reports what it did. */
export async function indexCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, INDEX_FLAGS);
  const vault = await openVault(args.positional[0], args);
  if (vault.notice) io.err(vault.notice);
  const report = await vault.index.update();
  if (args.flags.has('json')) {
    const { notes, chunks, embedded, reused, removed, skipped, mode, model } = report;
    io.out(JSON.stringify({ notes, chunks, embedded, reused, removed, skipped, mode, model }));
  } else {
    io.out(formatReport(report));
  }
  return 0;
}

export function formatReport(report: IndexReport): string {
  const lines = [
    `Indexed ${report.notes} notes in ${report.chunks} chunks: ${report.embedded} embedded, ${report.reused} reused, ${report.removed} notes removed.`,
    `Mode: ${report.mode}${report.model ? ` (${report.model})` : ''}`,
  ];
  for (const message of report.messages) lines.push(`Note: ${message}`);
  for (const skip of report.skipped) lines.push(`Skipped ${skip.path}: ${skip.reason}`);
  for (const warning of report.warnings) lines.push(`Warning ${warning.path}: ${warning.message}`);
  return lines.join('\n');
}
