import type { NoteRole, NoteSource, ParsedNote } from '../notes/types';
import { parseNote } from '../notes/parseNote';
import { detectRole, DEFAULT_ROLE_FOLDERS, type RoleFolders } from '../notes/roles';
import { extractElements } from '../vision/extractElements';
import type { VisionElement } from '../vision/visionElement';
import type { LessonCheckSources } from './types';

/** Everything a lesson check needs from a vault, read once. */
export interface LessonCheckVault extends LessonCheckSources {
  elements: VisionElement[];
  visionNotes: ParsedNote[];
  policy: ParsedNote[];
  practices: ParsedNote[];
  /** Lesson plans and notes without a role: idf and calibration background. */
  corpus: ParsedNote[];
  /** Role of every note read, by path. */
  roles: Map<string, NoteRole | null>;
  /** Problems met on the way (an unreadable note, an empty vision note), in words for the user. */
  warnings: string[];
}

export interface LoadLessonCheckVaultOptions {
  /** Roles the index already knows (`VisionIndex.state.notes`), so notes need not be classified again. */
  roles?: ReadonlyMap<string, NoteRole | null>;
  /** Role folders as the user named them (when `roles` is not given). */
  folders?: RoleFolders;
  /** Notes larger than this are skipped (default 1 MiB, as the index does). */
  maxNoteBytes?: number;
}

/**
 * Reads the vault's vision, policy, good-practice and lesson notes for the lesson check. Notes the user
 * marked with another role are left out; notes without a role join the corpus (they are ordinary school
 * text, good for word weights). Never throws on one bad note: it is skipped with a warning.
 */
export async function loadLessonCheckVault(source: NoteSource, options: LoadLessonCheckVaultOptions = {}): Promise<LessonCheckVault> {
  const maxBytes = options.maxNoteBytes ?? 1024 * 1024;
  const vault: LessonCheckVault = { elements: [], visionNotes: [], policy: [], practices: [], corpus: [], roles: new Map(), warnings: [] };
  const files = (await source.list()).sort((a, b) => a.path.localeCompare(b.path));
  for (const file of files) {
    if (file.size > maxBytes) continue;
    let note: ParsedNote;
    try {
      note = parseNote(file.path, await source.read(file.path));
    } catch (error) {
      vault.warnings.push(`${file.path}: could not be read (${error instanceof Error ? error.message : String(error)})`);
      continue;
    }
    const role = options.roles?.has(file.path) ? (options.roles.get(file.path) ?? null) : detectRole(note, options.folders ?? DEFAULT_ROLE_FOLDERS).role;
    vault.roles.set(file.path, role);
    if (role === 'visie') {
      const { elements, warnings } = extractElements(note);
      vault.elements.push(...elements);
      vault.warnings.push(...warnings);
      vault.visionNotes.push(note);
    } else if (role === 'beleid') {
      vault.policy.push(note);
    } else if (role === 'praktijk') {
      vault.practices.push(note);
    } else {
      vault.corpus.push(note);
    }
  }
  return vault;
}
