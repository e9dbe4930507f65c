/** The example school vault as test data, and a way to wait for background work without a clock. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Vault } from '../../stubs/obsidian';

export const EXAMPLE_VAULT = fileURLToPath(new URL('../../../examples/vault', import.meta.url));

/** The Markdown files of `examples/vault`, keyed by vault path. Hidden folders are skipped. */
export function exampleNotes(): Map<string, string> {
  const notes = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.md')) notes.set(relative(EXAMPLE_VAULT, full).split('\\').join('/'), readFileSync(full, 'utf8'));
    }
  };
  walk(EXAMPLE_VAULT);
  return notes;
}

export function addNotes(vault: Vault, notes: Map<string, string>): void {
  for (const [path, text] of notes) vault.addNote(path, text);
}

/**
 * Lets the plugin's background work run until `done()` holds, one event-loop turn at a time. No clock
 * is involved: a plugin that never gets there fails by the test's own timeout.
 */
export async function until(done: () => boolean): Promise<void> {
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 0));
}
