/**
 * The note an answer becomes: disclosure frontmatter and line (from `renderDisclosure`), the question,
 * the answer and its sources. Pure text; the plugin picks a free name and writes it.
 */
import type { AskSource } from './askVault';
import type { Disclosure } from './disclosure';

export interface AnswerNoteInput {
  question: string;
  answer: string;
  sources: readonly AskSource[];
  disclosure: Disclosure;
  lang: 'nl' | 'en';
}

const HEADINGS = {
  nl: { question: 'Vraag', answer: 'Antwoord', sources: 'Bronnen' },
  en: { question: 'Question', answer: 'Answer', sources: 'Sources' },
};

/** A YAML scalar that is always read back as this exact string (JSON strings are valid YAML). */
function yamlString(value: string): string {
  return JSON.stringify(value);
}

function frontmatter(disclosure: Disclosure): string {
  const ai = disclosure.frontmatter.ai;
  const sources = ai.sources.length ? ai.sources.map((s) => `\n    - ${yamlString(s)}`).join('') : ' []';
  return [
    '---',
    'ai:',
    `  provider: ${yamlString(ai.provider)}`,
    `  model: ${yamlString(ai.model)}`,
    `  date: ${yamlString(ai.date)}`,
    `  sources:${sources}`,
    `  reviewed: ${String(ai.reviewed)}`,
    '---',
  ].join('\n');
}

/** The whole note: frontmatter, disclosure line, question, answer, sources. */
export function renderAnswerNote(input: AnswerNoteInput): string {
  const h = HEADINGS[input.lang];
  const question = input.question.trim().split(/\r?\n/).map((line) => `> ${line}`).join('\n');
  const sources = input.sources.map((s) => `- ${s.citation}`).join('\n');
  return [
    frontmatter(input.disclosure),
    input.disclosure.line,
    '',
    `## ${h.question}`,
    '',
    question,
    '',
    `## ${h.answer}`,
    '',
    input.answer.trim(),
    '',
    `## ${h.sources}`,
    '',
    sources,
    '',
  ].join('\n');
}

/**
 * A file name from the question: no characters Obsidian refuses or reads as link syntax, at most about
 * 60 characters, cut at a word. `fallback` when nothing is left.
 */
export function noteNameFor(question: string, fallback: string): string {
  const clean = question
    .replace(/[\\/:*?"<>|#^[\]]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  if (clean.length <= 60) return clean || fallback;
  const cut = clean.slice(0, 60);
  const space = cut.lastIndexOf(' ');
  return (space > 30 ? cut.slice(0, space) : cut).trim();
}

/** `folder/name.md`, or `folder/name 2.md`, `name 3.md`… : never the path of an existing file. */
export function freeNotePath(folder: string, name: string, exists: (path: string) => boolean): string {
  const base = folder ? `${folder.replace(/\/+$/, '')}/${name}` : name;
  if (!exists(`${base}.md`)) return `${base}.md`;
  for (let n = 2; ; n++) {
    const candidate = `${base} ${n}.md`;
    if (!exists(candidate)) return candidate;
  }
}
