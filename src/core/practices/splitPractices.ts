/**
 * Splits a note that holds many practices (a study-day report, a list from a team meeting) into
 * candidates: one per heading when the note has two or more headings on its first level below the
 * title, else one per top-level list item. Nothing is written here: the user reviews and ticks.
 */
import type { LessonChecker } from '../lessonCheck/lessonChecker';
import { PARTIAL_AT } from '../lessonCheck/scoring';
import type { ParsedNote, Section } from '../notes/types';
import { suggestElements } from './suggestElements';
import type { SplitCandidate } from './types';

export interface SplitOptions {
  /** The note's Markdown. With it, a candidate's text is its own Markdown; without, the plain text the parser kept. */
  markdown?: string;
  /** Suggests elements per candidate; without one, `suggested` stays empty. */
  checker?: LessonChecker;
  signal?: AbortSignal;
}

/** A candidate with fewer words than this is rarely a practice ("Afsluiting", "De volgende bijeenkomst is …"). */
export const MIN_PRACTICE_WORDS = 12;
/** A candidate this long is proposed even when no element is recognised in it: the words may just differ from the vision's. */
export const SUBSTANTIAL_WORDS = 25;
/** Longest title taken from the start of a list item. */
const MAX_TITLE = 60;

type Piece = Omit<SplitCandidate, 'suggested' | 'recommended'>;

/** The candidates in document order, with suggested elements when a checker is given. */
export async function splitIntoPractices(note: ParsedNote, options: SplitOptions = {}): Promise<SplitCandidate[]> {
  const lines = options.markdown?.replace(/\r\n?/g, '\n').split('\n') ?? null;
  const pieces = byHeadings(note, lines) ?? byListItems(note, lines);
  const candidates: SplitCandidate[] = [];
  for (const piece of pieces) {
    const suggested = options.checker ? await suggestElements(`${piece.title}\n\n${piece.text}`, { elements: [] }, options.checker, { path: note.path, signal: options.signal }) : [];
    const words = wordCount(piece.text);
    const shows = (suggested[0]?.score ?? 0) >= PARTIAL_AT;
    candidates.push({ ...piece, suggested, recommended: words >= SUBSTANTIAL_WORDS || (words >= MIN_PRACTICE_WORDS && shows) });
  }
  return candidates;
}

/** One piece per heading on the shallowest level below the title, with its sub-sections; null when fewer than two. */
function byHeadings(note: ParsedNote, lines: string[] | null): Piece[] | null {
  const below = note.sections.filter((s) => s.level >= 2);
  if (below.length === 0) return null;
  const level = Math.min(...below.map((s) => s.level));
  const heads = below.filter((s) => s.level === level);
  if (heads.length < 2) return null;
  const pieces: Piece[] = [];
  for (const head of heads) {
    const start = note.sections.indexOf(head);
    const group = [head];
    for (const next of note.sections.slice(start + 1)) {
      if (next.level <= level) break;
      group.push(next);
    }
    const endLine = group[group.length - 1]!.endLine;
    const text = lines ? trimLines(lines.slice(head.startLine, endLine)) : plainText(group);
    if (text.trim() === '') continue;
    pieces.push({ title: cleanTitle(head.heading ?? ''), text, startLine: head.startLine, endLine, kind: 'heading' });
  }
  return pieces;
}

/** One piece per top-level list item, with its nested items. */
function byListItems(note: ParsedNote, lines: string[] | null): Piece[] {
  const pieces: Piece[] = [];
  for (const section of note.sections) {
    const depthAt = new Map(section.listItems.map((i) => [i.line, i.depth]));
    section.blocks.forEach((block, i) => {
      if (block.kind !== 'listItem' || depthAt.get(block.startLine) !== 0) return;
      let endLine = block.endLine;
      const nested: string[] = [];
      for (const next of section.blocks.slice(i + 1)) {
        if (next.kind !== 'listItem' || (depthAt.get(next.startLine) ?? 0) === 0) break;
        endLine = next.endLine;
        nested.push(`- ${next.text}`);
      }
      const text = lines ? unlist(lines.slice(block.startLine - 1, endLine)) : [block.text, ...nested].join('\n');
      pieces.push({ title: titleOfItem(block.text), text, startLine: block.startLine, endLine, kind: 'listItem' });
    });
  }
  return pieces;
}

/** A heading without its numbering ("3. Gedeelde praktijk" → "Gedeelde praktijk"). */
function cleanTitle(heading: string): string {
  return heading.replace(/^\s*(\d+[.)]|[-–•])\s+/, '').trim() || heading.trim();
}

/** The part before a colon or dash when short enough ("Planbord in groep 4: de kinderen …"), else the first words. */
function titleOfItem(text: string): string {
  const lead = /^(.{3,60}?)\s*(?::\s|\s[–-]\s)/.exec(text)?.[1];
  if (lead) return lead.trim();
  const sentence = text.split(/(?<=[.!?])\s/)[0] ?? text;
  if (sentence.length <= MAX_TITLE) return sentence.replace(/[.!?]$/, '').trim();
  const cut = sentence.slice(0, MAX_TITLE);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 20 ? cut.lastIndexOf(' ') : MAX_TITLE).trim()}…`;
}

/** A list item's Markdown without its marker, its continuation lines dedented by the same width. */
function unlist(lines: string[]): string {
  const marker = /^(\s*(?:[-*+]|\d+[.)])\s+)/.exec(lines[0] ?? '')?.[1] ?? '';
  const width = marker.length;
  const rest = lines.slice(1).map((l) => l.replace(new RegExp(`^ {0,${width}}`), ''));
  return trimLines([(lines[0] ?? '').slice(width), ...rest]);
}

function plainText(sections: readonly Section[]): string {
  return sections
    .map((s, i) => [i > 0 && s.heading ? `${'#'.repeat(Math.min(s.level, 6))} ${s.heading}` : null, ...s.blocks.map((b) => (b.kind === 'listItem' ? `- ${b.text}` : b.text))].filter((x): x is string => x !== null).join('\n'))
    .join('\n\n');
}

function trimLines(lines: string[]): string {
  const copy = [...lines];
  while (copy.length > 0 && copy[0]!.trim() === '') copy.shift();
  while (copy.length > 0 && copy[copy.length - 1]!.trim() === '') copy.pop();
  return copy.join('\n');
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
}
