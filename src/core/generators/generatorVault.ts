/**
 * What the generators read from a vault, read once: the vision elements and the parsed vision, policy,
 * good-practice and lesson notes, plus the passage search of the index. Also the one way generators
 * name a source: `note#heading` (vault path without `.md`), exactly what `citation()` puts in `[[ ]]`.
 */
import type { NoteRole, NoteSource, ParsedNote, Section } from '../notes/types';
import type { RoleFolders } from '../notes/roles';
import type { VisionElement } from '../vision/visionElement';
import type { PassageSearch } from '../llm/askVault';
import { citation } from '../retrieval/citation';
import { loadLessonCheckVault } from '../lessonCheck/vaultInputs';

export interface GeneratorVault {
  elements: VisionElement[];
  visionNotes: ParsedNote[];
  policy: ParsedNote[];
  practices: ParsedNote[];
  /** Notes with the role `les` (lesson plans). */
  lessons: ParsedNote[];
  /** Every note read, by path (also those without a role). */
  notes: Map<string, ParsedNote>;
  roles: Map<string, NoteRole | null>;
  /** Problems met while reading, in words for the user. */
  warnings: string[];
}

/** The vault and the search over its index: everything a generator needs besides its request. */
export interface GeneratorContext {
  vault: GeneratorVault;
  /** `VisionIndex.search`, or the plugin's service; keyword-only search keeps extractive output deterministic. */
  search: PassageSearch;
}

export interface LoadGeneratorVaultOptions {
  /** Roles the index already knows (from `VisionIndex.state.notes`), so notes are not classified twice. */
  roles?: ReadonlyMap<string, NoteRole | null>;
  folders?: RoleFolders;
}

/** Reads the vault's notes by role (the lesson check's loader, so both features see the same vault). */
export async function loadGeneratorVault(source: NoteSource, options: LoadGeneratorVaultOptions = {}): Promise<GeneratorVault> {
  const loaded = await loadLessonCheckVault(source, options);
  const all = [...loaded.visionNotes, ...loaded.policy, ...loaded.practices, ...loaded.corpus];
  return {
    elements: loaded.elements,
    visionNotes: loaded.visionNotes,
    policy: loaded.policy,
    practices: loaded.practices,
    lessons: loaded.corpus.filter((n) => loaded.roles.get(n.path) === 'les'),
    notes: new Map(all.map((n) => [n.path, n])),
    roles: loaded.roles,
    warnings: loaded.warnings,
  };
}

/** Roles as the index holds them, for `loadGeneratorVault`. */
export function rolesOf(notes: ReadonlyMap<string, { role: NoteRole | null }>): Map<string, NoteRole | null> {
  return new Map([...notes].map(([path, record]) => [path, record.role]));
}

/** `Visie/Kernwaarden#Eigenaarschap`: the inside of the `[[ ]]` that `citation()` writes. */
export function sourceRef(path: string, heading: string | null): string {
  return citation(path, heading).slice(2, -2);
}

/** The element's own passage as a source. */
export function elementRef(element: VisionElement): string {
  return sourceRef(element.path, element.heading);
}

const normalHeading = (heading: string): string => heading.replace(/[:#|^\\[\]]/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * The source for a section: its deepest heading that occurs once in the note (a link to a repeated
 * heading would open the first one), else the note itself.
 */
export function sectionRef(note: ParsedNote, section: Pick<Section, 'headingPath'>): string {
  const counts = new Map<string, number>();
  for (const s of note.sections) if (s.heading) counts.set(normalHeading(s.heading), (counts.get(normalHeading(s.heading)) ?? 0) + 1);
  for (let i = section.headingPath.length - 1; i >= 0; i--) {
    const heading = section.headingPath[i] ?? '';
    if (heading.trim() !== '' && counts.get(normalHeading(heading)) === 1) return sourceRef(note.path, heading);
  }
  return sourceRef(note.path, null);
}

/** The section of `note` that holds `line` (1-based), or undefined. */
export function sectionAt(note: ParsedNote, line: number): Section | undefined {
  return note.sections.find((s) => s.startLine <= line && line <= s.endLine);
}

/**
 * Elements by id, in the order asked; all of the vault's elements when `ids` is empty. Throws an error
 * that lists the valid ids when one is unknown (ids and titles both match, case-insensitively).
 */
export function pickElements(vault: GeneratorVault, ids: readonly string[]): VisionElement[] {
  if (ids.length === 0) return [...vault.elements];
  return ids.map((id) => {
    const wanted = id.trim().toLowerCase();
    const found = vault.elements.find((e) => e.id === wanted) ?? vault.elements.find((e) => e.title.toLowerCase() === wanted);
    if (!found) throw new UnknownElementError(id, vault.elements.map((e) => e.id));
    return found;
  });
}

/** An element id the vault does not have; the message lists the ones it does. */
export class UnknownElementError extends Error {
  constructor(
    readonly id: string,
    readonly validIds: readonly string[],
  ) {
    super(`Unknown element "${id}". Valid ids: ${validIds.join(', ') || '(none: the vault has no vision elements)'}`);
    this.name = 'UnknownElementError';
  }
}
