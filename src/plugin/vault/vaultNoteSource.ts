/**
 * The vault's Markdown notes as a `NoteSource` for the core. Listing costs no disk access (Obsidian
 * keeps the file list and stats in memory); reading uses `cachedRead`, which serves unchanged notes
 * from Obsidian's cache.
 */
import type { TFile, Vault } from 'obsidian';
import type { NoteFile, NoteSource } from '../../core/notes/types';

/** The part of `Vault` this source uses. */
export type NoteVault = Pick<Vault, 'getMarkdownFiles' | 'getFileByPath' | 'cachedRead'>;

export class VaultNoteSource implements NoteSource {
  constructor(private readonly vault: NoteVault) {}

  async list(): Promise<NoteFile[]> {
    return this.vault
      .getMarkdownFiles()
      .map((file: TFile) => ({ path: file.path, mtime: file.stat.mtime, size: file.stat.size }))
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  async read(path: string): Promise<string> {
    const file = this.vault.getFileByPath(path);
    if (!file) throw new Error(`Note not found: ${path}`);
    return this.vault.cachedRead(file);
  }
}
