/**
 * Writes a generated note as a new file in the generators' folder, never over an existing one: the name
 * is planned against the vault's files (` 2`, ` 3`, …) and the note is written whole in one `create`,
 * so there is never a half-written note.
 */
import type { TFile, Vault } from 'obsidian';
import { planNewNotePath } from '../../core/generators';

export type GeneratedNoteVault = Pick<Vault, 'getFiles' | 'getFolderByPath' | 'createFolder' | 'getAbstractFileByPath' | 'create'>;

/** How often a name taken meanwhile (another note created at the same moment) is retried. */
const ATTEMPTS = 20;

/** Creates `<folder>/<baseName>.md` (or `<baseName> 2.md`, …) with `content` and returns the file. */
export async function writeGeneratedNote(vault: GeneratedNoteVault, folder: string, baseName: string, content: string): Promise<TFile> {
  if (!vault.getFolderByPath(folder)) {
    try {
      await vault.createFolder(folder);
    } catch (error) {
      // Made meanwhile by something else: fine. Anything else is a real failure.
      if (!vault.getFolderByPath(folder)) throw error;
    }
  }
  const taken = new Set(vault.getFiles().map((f) => f.path));
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const path = planNewNotePath(taken, folder, baseName);
    if (vault.getAbstractFileByPath(path)) {
      taken.add(path);
      continue;
    }
    try {
      return await vault.create(path, content);
    } catch (error) {
      if (!vault.getAbstractFileByPath(path)) throw error;
      taken.add(path);
    }
  }
  throw new Error(`no free note name for "${baseName}" in ${folder}`);
}
