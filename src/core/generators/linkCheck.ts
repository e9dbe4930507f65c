/**
 * Checks that every `[[note#heading]]` in a generated note resolves in the vault, as Obsidian resolves
 * it: a path with folders from the vault root, a bare name by file name; a heading by its text, with
 * the characters a link cannot hold (`: # | ^ \`) read as spaces and case ignored.
 */
import type { ParsedNote } from '../notes/types';

export interface BrokenLink {
  link: string;
  reason: 'no-note' | 'no-heading';
}

export interface LinkCheck {
  total: number;
  resolved: number;
  broken: BrokenLink[];
}

/** Every wikilink target in `markdown` (embeds too), without the alias. */
export function wikilinksIn(markdown: string): string[] {
  return [...markdown.matchAll(/!?\[\[([^\]|]+)(?:\|[^\]]*)?\]\]/g)].map((m) => (m[1] ?? '').trim());
}

/** A heading as a link matches it. */
export function linkHeading(heading: string): string {
  return heading.replace(/[:#|^\\[\]]/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Resolves wikilinks against parsed notes; `notes` are all notes of the vault. */
export function checkWikilinks(markdown: string, notes: Iterable<ParsedNote>): LinkCheck {
  const byPath = new Map<string, ParsedNote>();
  const byName = new Map<string, ParsedNote>();
  for (const note of notes) {
    byPath.set(note.path.replace(/\.md$/i, '').toLowerCase(), note);
    if (!byName.has(note.title.toLowerCase())) byName.set(note.title.toLowerCase(), note);
  }
  const check: LinkCheck = { total: 0, resolved: 0, broken: [] };
  for (const link of wikilinksIn(markdown)) {
    check.total++;
    const [target = '', ...headings] = link.split('#');
    const key = target.trim().replace(/\.md$/i, '').toLowerCase();
    const note = key.includes('/') ? byPath.get(key) : (byName.get(key) ?? byPath.get(key));
    if (!note) {
      check.broken.push({ link, reason: 'no-note' });
      continue;
    }
    const heading = headings.filter((h) => h.trim() !== '').pop();
    if (heading !== undefined && !note.sections.some((s) => s.heading !== null && linkHeading(s.heading) === linkHeading(heading))) {
      check.broken.push({ link, reason: 'no-heading' });
      continue;
    }
    check.resolved++;
  }
  return check;
}
