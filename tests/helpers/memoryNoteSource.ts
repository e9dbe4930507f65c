import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { NoteFile, NoteSource } from '../../src/core/notes/types';

/** Notes held in a map: edit, rename and delete them between index updates. Counts reads. */
export class MemoryNoteSource implements NoteSource {
  readonly notes = new Map<string, { text: string; mtime: number }>();
  readonly reads: string[] = [];
  private clock = 1_000;

  constructor(initial: Record<string, string> = {}) {
    for (const [path, text] of Object.entries(initial)) this.set(path, text);
  }

  set(path: string, text: string): void {
    this.notes.set(path, { text, mtime: this.clock++ });
  }

  delete(path: string): void {
    this.notes.delete(path);
  }

  rename(from: string, to: string): void {
    const note = this.notes.get(from);
    if (!note) throw new Error(`no note ${from}`);
    this.notes.delete(from);
    this.notes.set(to, note);
  }

  async list(): Promise<NoteFile[]> {
    return [...this.notes.entries()].map(([path, n]) => ({ path, mtime: n.mtime, size: new TextEncoder().encode(n.text).length }));
  }

  async read(path: string): Promise<string> {
    this.reads.push(path);
    const note = this.notes.get(path);
    if (!note) throw new Error(`ENOENT: ${path}`);
    return note.text;
  }
}

/** The example vault's Markdown files as a map of path → text. */
export function loadExampleVault(root = join(__dirname, '../../examples/vault')): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      if (name.startsWith('.')) continue;
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.md')) out[relative(root, full).split('\\').join('/')] = readFileSync(full, 'utf8');
    }
  };
  walk(root);
  return out;
}
