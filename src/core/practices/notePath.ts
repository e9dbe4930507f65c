import { freeNotePath, noteNameFor } from '../llm/answerNote';

/** Name of a practice whose title leaves nothing usable for a file name. */
const FALLBACK_NAME = 'Good practice';

/**
 * Where a new practice note goes: `folder/<title>.md`, or `<title> 2.md`, `<title> 3.md`, … when that
 * exists: never the path of an existing note. The title is cleaned of characters Obsidian refuses in a
 * file name or reads as link syntax, and cut at about 60 characters. `exists` answers for a vault path
 * (in the plugin the vault's file list, in the CLI the disk).
 */
export function planNewNotePath(folder: string, title: string, exists: (path: string) => boolean): string {
  return freeNotePath(folder.replace(/^\/+|\/+$/g, ''), noteNameFor(title, FALLBACK_NAME), exists);
}

/** Paths for several new notes at once: none over an existing note, and no two the same. */
export function planNewNotePaths(folder: string, titles: readonly string[], exists: (path: string) => boolean): string[] {
  const taken = new Set<string>();
  return titles.map((title) => {
    const path = planNewNotePath(folder, title, (p) => taken.has(p.toLowerCase()) || exists(p));
    taken.add(path.toLowerCase());
    return path;
  });
}
