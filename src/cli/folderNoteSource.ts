import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { NoteFile, NoteSource } from '../core/notes/types';

/** Folders Obsidian and tools keep their own files in; never notes. */
const SKIPPED = new Set(['node_modules']);

/** Markdown notes in a folder on disk, as the CLI sees a vault. Hidden folders (`.obsidian`, `.trash`) are skipped. */
export class FolderNoteSource implements NoteSource {
  constructor(readonly root: string) {}

  async list(): Promise<NoteFile[]> {
    const files: NoteFile[] = [];
    await this.walk('', files);
    return files.sort((a, b) => a.path.localeCompare(b.path));
  }

  async read(path: string): Promise<string> {
    return readFile(join(this.root, path), 'utf8');
  }

  private async walk(folder: string, out: NoteFile[]): Promise<void> {
    const entries = await readdir(join(this.root, folder), { withFileTypes: true });
    for (const entry of entries) {
      if (entry.name.startsWith('.') || SKIPPED.has(entry.name)) continue;
      const path = folder ? `${folder}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await this.walk(path, out);
      else if (entry.isFile() && entry.name.toLowerCase().endsWith('.md')) {
        const info = await stat(join(this.root, path));
        out.push({ path, mtime: Math.floor(info.mtimeMs), size: info.size });
      }
    }
  }
}
