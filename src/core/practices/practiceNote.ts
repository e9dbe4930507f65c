/**
 * The note a captured good practice becomes: frontmatter that Obsidian's Properties and Dataview read
 * (`visiewijzer: praktijk`, `kernwaarden`, `vak`, `groep`, `datum`, `bron`, and `team` only when given),
 * a title and description, a link to the passage of every vision element it embodies, and the captured
 * text. Pure text; the plugin and the CLI pick a free path and write it.
 */
import { citation } from '../retrieval/citation';
import { yamlLine } from './frontmatterYaml';
import type { PracticeNoteInput } from './types';

const TEXT = {
  nl: { vision: 'Visie', shows: 'Deze praktijk laat zien:', how: 'Zo gaat het', captured: 'Vastgelegd op {date} uit {origin}.', capturedFresh: 'Vastgelegd op {date}.' },
  en: { vision: 'Vision', shows: 'This practice shows:', how: 'How it works', captured: 'Captured on {date} from {origin}.', capturedFresh: 'Captured on {date}.' },
};

/** Frontmatter key of the vision elements; the value Visiewijzer's own notes and the lesson check read. */
export const ELEMENTS_KEY = 'kernwaarden';

/** The whole note: frontmatter, title, description, vision links, the captured text and where it came from. */
export function renderPracticeNote(input: PracticeNoteInput): string {
  const words = TEXT[input.lang ?? 'nl'];
  const origin = input.origin ? citation(input.origin, null) : null;
  const properties = [
    yamlLine('visiewijzer', 'praktijk'),
    yamlLine(ELEMENTS_KEY, input.elements.map((e) => e.title)),
    ...optional('vak', input.subject),
    ...optional('groep', input.group),
    yamlLine('datum', input.date),
    ...(origin ? [yamlLine('bron', origin)] : []),
    // Personal data: the note's own frontmatter is the only place it goes.
    ...optional('team', input.team ?? ''),
  ];
  const parts = ['---', ...properties, '---', '', `# ${oneLine(input.title)}`, ''];
  const description = input.description.trim();
  if (description) parts.push(description, '');
  if (input.elements.length > 0) {
    parts.push(`## ${words.vision}`, '', words.shows, '');
    for (const e of input.elements) parts.push(`- ${e.title} · ${citation(e.path, e.heading)}`);
    parts.push('');
  }
  const body = capturedBody(input.text);
  if (body) parts.push(`## ${words.how}`, '', body, '');
  const line = origin ? words.captured.replace('{origin}', origin) : words.capturedFresh;
  parts.push(line.replace('{date}', input.date), '');
  return parts.join('\n');
}

function optional(key: string, value: string): string[] {
  const trimmed = value.trim();
  return trimmed ? [yamlLine(key, trimmed)] : [];
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The captured Markdown as the body of the new note: without the origin's frontmatter and its title
 * (the new note has its own), blank lines trimmed at both ends, and headings moved down so the
 * shallowest one is level 3, under "Zo gaat het". Code blocks are left as they are.
 */
export function capturedBody(text: string): string {
  let lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines[0]?.trim() === '---') {
    const end = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l));
    if (end > 0) lines = lines.slice(end + 1);
  }
  while (lines.length > 0 && lines[0]!.trim() === '') lines.shift();
  if (/^#\s/.test(lines[0] ?? '')) lines.shift();
  while (lines.length > 0 && lines[0]!.trim() === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
  return shiftHeadings(lines, 3).join('\n');
}

const FENCE = /^\s{0,3}(```|~~~)/;
const HEADING = /^(#{1,6})(\s)/;

function shiftHeadings(lines: string[], shallowest: number): string[] {
  let inFence = false;
  let min = 7;
  const isHeading = lines.map((line) => {
    if (FENCE.test(line)) inFence = !inFence;
    const match = !inFence && HEADING.exec(line);
    if (match) min = Math.min(min, match[1]!.length);
    return Boolean(match);
  });
  if (min >= shallowest || min === 7) return lines;
  const shift = shallowest - min;
  return lines.map((line, i) => (isHeading[i] ? line.replace(HEADING, (_all, hashes: string, space: string) => `${'#'.repeat(Math.min(hashes.length + shift, 6))}${space}`) : line));
}
