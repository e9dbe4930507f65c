/**
 * What the generator modal asks for, per kind, and how the answers become a request: plain data and
 * functions, so the modal only draws and the rules can be read in one place.
 */
import { DEFAULT_SUBJECTS, type GeneratorKind, type GeneratorMode } from '../../core/generators';
import { frontmatterText } from '../../core/generators/subjects';
import type { ParsedNote } from '../../core/notes/types';
import type { VisionElement } from '../../core/vision/visionElement';
import type { GeneratorChoice } from './generatorService';

/** What a caller (a command, the lesson-check sidebar) can fill in beforehand. */
export interface GeneratorPreset {
  /** Element ids (or titles) to tick. */
  elements?: readonly string[];
  /** A lesson plan the generator is for: its `vak` and `groep` fill in subject and group. */
  planPath?: string;
}

/** The modal's answers. */
export interface GeneratorFormState {
  kind: GeneratorKind;
  elements: Set<string>;
  /** Lesson ideas: one subject (empty: all). */
  subject: string;
  /** Subject examples: subjects separated by commas. */
  subjects: string;
  group: string;
  icalt: boolean;
  levels: boolean;
  mode: GeneratorMode;
  preview: boolean;
}

/** Which fields a kind shows. */
export interface GeneratorFields {
  subject: boolean;
  subjects: boolean;
  /** The choice between a full kijkwijzer and a flitsbezoek. */
  form: boolean;
  icalt: boolean;
  /** Three levels: only a model can write them. */
  levels: boolean;
}

export function fieldsFor(state: Pick<GeneratorFormState, 'kind' | 'mode'>): GeneratorFields {
  const form = state.kind === 'kijkwijzer' || state.kind === 'flitsbezoek';
  return {
    subject: state.kind === 'lesideeen',
    subjects: state.kind === 'vakvoorbeelden',
    form,
    icalt: state.kind === 'kijkwijzer',
    levels: state.kind === 'indicators' && state.mode === 'model',
  };
}

/** Subjects typed as a list ("rekenen, taal; muziek"), trimmed, without doubles. */
export function parseSubjects(text: string): string[] {
  const seen = new Set<string>();
  return text
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '' && !seen.has(s.toLowerCase()) && seen.add(s.toLowerCase()));
}

/** The elements of `preset` that the vault has (by id or title, case-insensitively), as ids. */
export function presetElementIds(preset: GeneratorPreset | undefined, elements: readonly VisionElement[]): Set<string> {
  const ids = new Set<string>();
  for (const wanted of preset?.elements ?? []) {
    const key = wanted.trim().toLowerCase();
    const found = elements.find((e) => e.id === key) ?? elements.find((e) => e.title.toLowerCase() === key);
    if (found) ids.add(found.id);
  }
  return ids;
}

/** The first state of the form: ticks from the preset, subject and group from the plan's frontmatter. */
export function initialState(kind: GeneratorKind, elements: readonly VisionElement[], preset: GeneratorPreset | undefined, plan: ParsedNote | undefined, previewByDefault: boolean): GeneratorFormState {
  const subject = plan ? frontmatterText(plan.frontmatter['vak']).trim() : '';
  const group = plan ? frontmatterText(plan.frontmatter['groep'] ?? plan.frontmatter['leerjaar']).trim() : '';
  return {
    kind,
    elements: presetElementIds(preset, elements),
    subject,
    subjects: subject || DEFAULT_SUBJECTS.join(', '),
    group,
    icalt: false,
    levels: false,
    mode: 'extractive',
    preview: previewByDefault,
  };
}

/**
 * What is still missing before the generator can run (a message key), or null. Elements are kept in
 * the vault's order, so the note lists them as the vision does.
 */
export function missingChoice(state: GeneratorFormState): 'generator.pickElement' | 'generator.pickSubject' | null {
  if (state.elements.size === 0) return 'generator.pickElement';
  if (state.kind === 'vakvoorbeelden' && parseSubjects(state.subjects).length === 0) return 'generator.pickSubject';
  return null;
}

/** The request for the service; only the fields the kind shows are passed on. */
export function choiceFrom(state: GeneratorFormState, elements: readonly VisionElement[]): GeneratorChoice {
  const fields = fieldsFor(state);
  const subjects = fields.subjects ? parseSubjects(state.subjects) : fields.subject && state.subject.trim() ? [state.subject.trim()] : [];
  const group = state.group.trim();
  return {
    request: {
      kind: state.kind,
      elements: elements.filter((e) => state.elements.has(e.id)).map((e) => e.id),
      ...(subjects.length ? { subjects } : {}),
      ...(group ? { group } : {}),
      ...(fields.icalt && state.icalt ? { icalt: true } : {}),
      ...(fields.levels && state.levels ? { levels: true } : {}),
    },
    mode: state.mode,
    preview: state.mode === 'model' && state.preview,
  };
}
