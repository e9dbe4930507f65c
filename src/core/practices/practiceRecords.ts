import { noteIsAbout } from '../lessonCheck/practiceLinks';
import type { ParsedNote } from '../notes/types';
import type { VisionElement } from '../vision/visionElement';
import type { PracticeRecord } from './types';

/** Frontmatter keys read for each field, first found wins (Dutch as written by Visiewijzer, then common alternatives). */
const SUBJECT_KEYS = ['vak', 'vakken', 'subject'];
const GROUP_KEYS = ['groep', 'groepen', 'leerjaar', 'klas', 'group'];
const DATE_KEYS = ['datum', 'gedeeld', 'date', 'created', 'aangemaakt'];

/**
 * A practice note as the list and the overview show it. Its elements are those it is filed under by what
 * the school wrote itself (a frontmatter value naming the element, or a link to the element's passage:
 * the same rule the lesson check uses), in the order of the vision.
 */
export function practiceRecord(note: ParsedNote, elements: readonly VisionElement[]): PracticeRecord {
  const about = elements.filter((e) => noteIsAbout(note, e));
  return {
    path: note.path,
    title: note.title,
    elementIds: about.map((e) => e.id),
    elementTitles: about.map((e) => e.title),
    subject: textOf(first(note.frontmatter, SUBJECT_KEYS)),
    group: textOf(first(note.frontmatter, GROUP_KEYS)),
    date: dateOf(first(note.frontmatter, DATE_KEYS)),
  };
}

/**
 * Records of practice notes in path order, leaving out `exclude` (the overview note lives in the
 * practices folder too, but is not a practice).
 */
export function practiceRecords(notes: readonly ParsedNote[], elements: readonly VisionElement[], exclude: readonly string[] = []): PracticeRecord[] {
  const skip = new Set(exclude.map((p) => p.toLowerCase()));
  return notes
    .filter((n) => !skip.has(n.path.toLowerCase()))
    .map((n) => practiceRecord(n, elements))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function first(frontmatter: Record<string, unknown>, keys: readonly string[]): unknown {
  const lower = new Map(Object.entries(frontmatter).map(([k, v]) => [k.toLowerCase(), v] as const));
  for (const key of keys) {
    const value = lower.get(key);
    if (value !== undefined && value !== null && value !== '') return value;
  }
  return undefined;
}

function textOf(value: unknown): string | null {
  const parts = (Array.isArray(value) ? (value as unknown[]) : [value])
    .filter((v): v is string | number => typeof v === 'string' || typeof v === 'number')
    .map((v) => String(v).trim())
    .filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : null;
}

/** `YYYY-MM-DD` from a YAML date (a string, or a Date from readers that make one), else null. */
export function dateOf(value: unknown): string | null {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value === 'string') {
    const match = /^\s*(\d{4}-\d{2}-\d{2})/.exec(value);
    return match ? match[1]! : null;
  }
  return null;
}
