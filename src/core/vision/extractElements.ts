import type { ParsedNote, Section } from '../notes/types';
import type { VisionElement } from './visionElement';
import { slugify } from '../util/slug';

export interface ExtractedElements {
  elements: VisionElement[];
  /** Problems handled on the way, in words for the user, prefixed with the note path. */
  warnings: string[];
}

/**
 * Vision elements of one vision note. Each level-2 heading is an element and takes the sections below
 * it (level 3 and deeper) along; without any level-2 heading the whole note is one element.
 */
export function extractElements(note: ParsedNote): ExtractedElements {
  const warnings: string[] = [];
  const noteSlug = slugify(note.title) || 'notitie';
  const groups = groupByLevel2(note.sections);

  if (groups.length === 0) {
    const content = note.sections;
    if (content.every((s) => s.blocks.length === 0)) {
      warnings.push(`${note.path}: vision note has no text; no element made`);
      return { elements: [], warnings };
    }
    const first = content[0];
    const last = content[content.length - 1];
    return {
      elements: [
        makeElement(`${noteSlug}`, note.title, null, note.path, content, first?.startLine ?? 1, last?.endLine ?? note.lineCount),
      ],
      warnings,
    };
  }

  const used = new Map<string, number>();
  const elements: VisionElement[] = [];
  for (const group of groups) {
    const head = group[0];
    if (!head) continue;
    const title = head.heading?.trim() ?? '';
    if (title === '') {
      warnings.push(`${note.path}: level-2 heading on line ${head.startLine} is empty; skipped as a vision element`);
      continue;
    }
    const base = `${noteSlug}/${slugify(title) || 'element'}`;
    const seen = (used.get(base) ?? 0) + 1;
    used.set(base, seen);
    if (seen > 1) warnings.push(`${note.path}: element "${title}" appears more than once; the copy on line ${head.startLine} gets id ${base}-${seen}`);
    const id = seen > 1 ? `${base}-${seen}` : base;
    const last = group[group.length - 1] ?? head;
    elements.push(makeElement(id, title, title, note.path, group, head.startLine, last.endLine));
  }
  return { elements, warnings };
}

function groupByLevel2(sections: Section[]): Section[][] {
  const groups: Section[][] = [];
  let current: Section[] | null = null;
  for (const section of sections) {
    if (section.level === 2) {
      current = [section];
      groups.push(current);
    } else if (section.level === 1 || section.level === 0) {
      current = null;
    } else if (current) {
      current.push(section);
    }
  }
  return groups;
}

function makeElement(id: string, title: string, heading: string | null, path: string, sections: Section[], startLine: number, endLine: number): VisionElement {
  const blocks = sections.flatMap((s) => s.blocks);
  return {
    id,
    title,
    description: blocks.filter((b) => b.kind !== 'listItem').map((b) => b.text).join('\n'),
    indicators: blocks.filter((b) => b.kind === 'listItem').map((b) => b.text),
    path,
    heading,
    startLine,
    endLine,
  };
}
