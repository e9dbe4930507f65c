/**
 * Gathers from a vault what the privacy guard should know before text leaves the machine: the people
 * (a roster note or folder, and every note's frontmatter `personen:`/`leerlingen:`/`personeel:`) and
 * the words that only look like names (the school's name, the titles of the vision elements).
 * Reads through a `NoteSource`, so the plugin and the CLI share it.
 */
import { parse as parseYaml } from 'yaml';
import { parseNote } from '../notes/parseNote';
import { DEFAULT_ROLE_FOLDERS, detectRole, type RoleFolders } from '../notes/roles';
import type { NoteSource } from '../notes/types';
import { extractElements } from '../vision/extractElements';
import { mergeRosters, parseRosterNote, rosterFromFrontmatter } from './rosterSources';
import type { Roster } from './types';

/**
 * Where the roster is looked for when nothing is configured: a note (or folder) with this name,
 * anywhere in the vault. A school keeps its pupils under a "Leerlingen" heading and its staff under
 * "Team" (see `parseRosterNote`).
 */
export const DEFAULT_ROSTER_PATH = 'Leerlingen en medewerkers';

export interface PrivacyContextOptions {
  /** Vault path of the roster note (`.md` optional) or folder; a bare name matches that note anywhere. */
  rosterPath?: string;
  /** Role folders, to find the vision notes; the defaults when omitted. */
  folders?: RoleFolders;
  /** The school's name(s) as the user configured them. */
  schoolNames?: readonly string[];
}

export interface PrivacyContext {
  roster: Roster;
  /** Words never redacted as a name: school names and vision element titles. */
  keepTerms: string[];
  /** Vault paths of the roster notes that were read; callers keep them out of prompts. */
  rosterNotes: string[];
}

/** Frontmatter keys that name people (see `rosterFromFrontmatter`) or the school. */
const PEOPLE_KEYS = /^(personen|persoon|people|leerlingen|leerling|personeel|leerkrachten|leerkracht|medewerkers|team|school)\s*:/m;
const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)\s*(?:\r?\n|$)/;

/** `Leerlingen en medewerkers`, `/Admin/Namen.md/` → a clean vault path without `.md`. */
function cleanRosterPath(path: string): string {
  return path.trim().replace(/\\/g, '/').replace(/^\/+|\/+$/g, '').replace(/\.md$/i, '');
}

/** Whether `notePath` is (in) the roster: the note itself, a note in the folder, or by bare name. */
export function isRosterNote(notePath: string, rosterPath: string = DEFAULT_ROSTER_PATH): boolean {
  const wanted = cleanRosterPath(rosterPath);
  if (wanted === '') return false;
  const path = notePath.replace(/\.md$/i, '');
  if (path === wanted || notePath.startsWith(`${wanted}/`)) return true;
  return !wanted.includes('/') && (path.split('/').pop() ?? '') === wanted;
}

/** The frontmatter of a note as data; empty when there is none or it is not valid YAML. */
export function frontmatterOf(markdown: string): Record<string, unknown> {
  const block = FRONTMATTER.exec(markdown);
  if (!block) return {};
  try {
    const value: unknown = parseYaml(block[1] ?? '');
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    // A broken frontmatter is reported by the indexer; here it simply names no one.
    return {};
  }
}

/** "Pijler 1: Rijke taal" keeps both the whole title and "Rijke taal". */
function titleTerms(title: string): string[] {
  const after = title.includes(':') ? title.slice(title.indexOf(':') + 1).trim() : '';
  return after ? [title.trim(), after] : [title.trim()];
}

/**
 * Could this note be a vision note? A cheap test before the full parse, never stricter than
 * `detectRole`: the vision folder, the word in the frontmatter (`visiewijzer: visie`, `tags: [visie]`),
 * or a `#visie` tag in the text.
 */
function mayBeVision(path: string, text: string, head: string, folders: RoleFolders): boolean {
  const top = path.includes('/') ? (path.split('/')[0] ?? '').toLowerCase() : '';
  return top === folders.visie.trim().toLowerCase() || /\b(?:visie|vision)\b/i.test(head) || /#visie\b/i.test(text);
}

/**
 * Reads the vault once and returns the roster and keep-terms for `redact`. Notes that cannot be read
 * are skipped: a missing name list must not stop the guard, which still finds names by their shape.
 */
export async function loadPrivacyContext(source: NoteSource, options: PrivacyContextOptions = {}): Promise<PrivacyContext> {
  const rosterPath = options.rosterPath ?? DEFAULT_ROSTER_PATH;
  const folders = options.folders ?? DEFAULT_ROLE_FOLDERS;
  const rosters: Roster[] = [];
  const keep = new Set<string>((options.schoolNames ?? []).map((s) => s.trim()).filter(Boolean));
  const rosterNotes: string[] = [];

  for (const file of await source.list()) {
    const text = await source.read(file.path).catch(() => null);
    if (text === null) continue;
    if (isRosterNote(file.path, rosterPath)) {
      rosterNotes.push(file.path);
      rosters.push(parseRosterNote(text));
    }
    const head = FRONTMATTER.exec(text)?.[1] ?? '';
    if (PEOPLE_KEYS.test(head)) {
      const frontmatter = frontmatterOf(text);
      rosters.push(rosterFromFrontmatter(frontmatter));
      if (typeof frontmatter['school'] === 'string') keep.add(frontmatter['school'].trim());
    }
    if (mayBeVision(file.path, text, head, folders)) {
      const parsed = parseNote(file.path, text);
      if (detectRole(parsed, folders).role !== 'visie') continue;
      for (const element of extractElements(parsed).elements) for (const term of titleTerms(element.title)) keep.add(term);
    }
  }
  keep.delete('');
  return { roster: mergeRosters(...rosters), keepTerms: [...keep], rosterNotes };
}
