import type { ParsedNote, TextBlock } from '../notes/types';
import { termKeys } from './terms';

/**
 * What part of a lesson plan a piece of text sits in. Only `activity` shows what happens in the lesson;
 * the other fields say what the lesson is for or needs, and count for less as evidence.
 */
export type PlanField = 'activity' | 'goal' | 'naming' | 'materials' | 'header';

/**
 * How much a match in each field counts. A value named in a "Kernwaarden:" line is not a value shown
 * (the plan names it, the lesson may not do it); a lesson goal often does describe what pupils do.
 */
export const FIELD_WEIGHT: Record<PlanField, number> = {
  activity: 1,
  goal: 0.7,
  materials: 0.5,
  naming: 0.3,
  header: 0.2,
};

/**
 * The words of Dutch lesson-plan forms that mark a field, matched against a section heading or a
 * `Label:` at the start of a block. These are the forms' own parts (lesdoel, beginsituatie, materialen,
 * kernwaarden), never a school's values: the same list serves every vault.
 */
const FIELD_LABELS: [PlanField, RegExp][] = [
  ['naming', /kernwaarde|\bwaarden?\b|\bvisie|pijler|speerpunt|schoolplan|\bwaarde in deze les/i],
  ['materials', /materia|benodigd|\bmat\.?$|hulpmiddel|voorbereiding van de leraar/i],
  ['goal', /doel|succescriteri|beginsituatie|voorkennis|aanleiding|toetsing|beoordeling|\bweging|\bthema\b/i],
];

/** One sentence (or table cell) of a plan, the grain at which the plan is compared with the vision. */
export interface PlanUnit {
  text: string;
  /** Lines of the block it is part of (1-based, inclusive). */
  startLine: number;
  endLine: number;
  /** Index of its block in the plan, so evidence lists each block once. */
  block: number;
  field: PlanField;
  /** Heading of the section it is in (not the plan's title), to say where a suggestion fits. */
  section: string | null;
  /** Term keys (see `terms.ts`). */
  keys: string[];
}

const LABEL = /^([\p{L}][\p{L}\p{N} .()/&-]{0,40}?)\s*:\s+(?=\S)/u;
/** Where a new `Label:` starts inside a paragraph: a capitalised word group and a colon. */
const LABEL_START = /\s(?=\p{Lu}[\p{L}\p{N} ().&/-]{0,40}?:\s)/u;

/**
 * Splits a lesson plan into units: each paragraph, list item and table cell, cut into sentences, with
 * the field it belongs to (from its own `Label:` or the nearest heading that names a field).
 */
export function planUnits(plan: ParsedNote): PlanUnit[] {
  const units: PlanUnit[] = [];
  let blockIndex = 0;
  const levels = new Map<string, number>();
  for (const section of plan.sections) {
    levels.set(section.headingPath.join('\u0000'), section.level);
    const sectionField = fieldOfSection(section.headingPath, levels);
    section.blocks.forEach((block, i) => {
      const index = blockIndex++;
      const next = section.blocks[i + 1];
      const isTableHeader = block.kind === 'tableRow' && next?.kind === 'tableRow' && next.startLine === block.endLine + 2;
      // Field lines written without a blank line between them ("Kernwaarden: …" then "Lesdoel: …") are
      // one paragraph; each label starts its own segment with its own field.
      const segments = block.kind === 'tableRow' ? [block.text] : block.text.split(LABEL_START);
      for (const segment of segments) {
        const label = LABEL.exec(segment);
        const labelField = label ? fieldOfLabel(label[1] ?? '') : null;
        const field: PlanField = isTableHeader ? 'header' : (labelField ?? sectionField);
        const body = label && labelField ? segment.slice(label[0].length) : segment;
        for (const text of pieces(block, body)) {
          const keys = termKeys(text);
          if (keys.length === 0) continue;
          units.push({ text, startLine: block.startLine, endLine: block.endLine, block: index, field, section: section.level >= 2 ? section.heading : null, keys });
        }
      }
    });
  }
  return units;
}

function fieldOfLabel(label: string): PlanField | null {
  for (const [field, pattern] of FIELD_LABELS) if (pattern.test(label.trim())) return field;
  return null;
}

/** The deepest heading of the section's path that names a field; the plan's title (level 1) does not count. */
function fieldOfSection(headingPath: readonly string[], levels: ReadonlyMap<string, number>): PlanField {
  for (let depth = headingPath.length; depth > 0; depth--) {
    if (levels.get(headingPath.slice(0, depth).join('\u0000')) === 1) continue;
    const field = fieldOfLabel(headingPath[depth - 1] ?? '');
    if (field) return field;
  }
  return 'activity';
}

/** Sentences of a paragraph or list item; cells (then sentences) of a table row. */
function pieces(block: TextBlock, text: string): string[] {
  const parts = block.kind === 'tableRow' ? text.split(/\s\|\s/) : [text];
  return parts.flatMap(splitSentences).map((s) => s.trim()).filter((s) => s.length > 0);
}

/** Splits after `.`, `!` or `?` (and a closing quote) when a capital, digit or quote follows. */
export function splitSentences(text: string): string[] {
  return text.split(/(?<=[.!?]["'”’)]?)\s+(?=["'“‘(]?[\p{Lu}\p{N}])/u);
}
