import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { AuditEntry } from '../core/llm/auditLog';
import { appendAuditEntry } from '../core/llm/auditLog';
import { CliError, flagString, type ParsedArgs } from './args';
import { pluginDirOf } from './openVault';

/** The AI log beside the index in the plugin folder, as the plugin keeps it; in `--index-dir` for a plain folder. */
export function auditLogPath(root: string, args: ParsedArgs): string {
  const pluginDir = pluginDirOf(root);
  if (pluginDir) return join(pluginDir, 'audit.jsonl');
  const indexDir = flagString(args, 'index-dir');
  if (!indexDir) throw new CliError('No plugin folder for the AI log: pass --index-dir DIR');
  return join(indexDir, 'audit.jsonl');
}

/**
 * Appends one JSON line per entry, keys scrubbed. A line cut short by an earlier crash is closed first, so
 * every new entry stays whole.
 */
export async function appendAuditLog(path: string, entries: AuditEntry[], secrets: readonly (string | undefined)[]): Promise<void> {
  if (entries.length === 0) return;
  await mkdir(dirname(path), { recursive: true });
  const existing = await readFile(path, 'utf8').catch(() => '');
  const lines = entries.reduce((log, entry) => appendAuditEntry(log, entry, secrets), '');
  await appendFile(path, (existing !== '' && !existing.endsWith('\n') ? '\n' : '') + lines, 'utf8');
}
