/**
 * Small Markdown pieces the generated notes are built from: frontmatter, the wikilink of a source,
 * table rows with empty cells for people to fill in, and an item with its lint remarks.
 */
import type { Disclosure } from '../../llm/disclosure';
import type { GeneratedItem, Lang } from '../types';
import { GENERATOR_TEXT } from '../generatorText';

/** A YAML scalar that reads back as exactly this string (JSON strings are valid YAML). */
export function yamlString(value: string): string {
  return JSON.stringify(value);
}

/** `[[Visie/Kernwaarden#Eigenaarschap]]` for a `note#heading` source. */
export function wikilink(ref: string): string {
  return `[[${ref}]]`;
}

/** The sources of an item as links, comma-separated. */
export function links(item: Pick<GeneratedItem, 'sources'>): string {
  return item.sources.map(wikilink).join(', ');
}

/** Text safe inside a table cell: no pipes or line breaks. */
export function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|').trim();
}

/** A table with a header and rows; cells left empty are for people to fill in on paper or on screen. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.map(cell).join(' | ')} |`.replace(/ {2,}\|/g, ' |');
  return [line(header), `|${header.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n');
}

export interface FrontmatterInput {
  type: string;
  elements: readonly string[];
  subject?: string;
  group?: string;
  form?: string;
  mode: 'extractive' | 'model';
  cssClasses: readonly string[];
  disclosure?: Disclosure;
}

/**
 * The frontmatter: what the note is (`visiewijzer:`), the elements (`kernwaarden:`), subject and group
 * when given, and the `ai:` block of the disclosure only when a model helped write it.
 */
export function frontmatter(input: FrontmatterInput): string {
  const list = (values: readonly string[]): string => (values.length ? values.map((v) => `\n  - ${yamlString(v)}`).join('') : ' []');
  const lines = ['---', `visiewijzer: ${input.type}`, `kernwaarden:${list(input.elements)}`];
  if (input.subject) lines.push(`vak: ${yamlString(input.subject)}`);
  if (input.group) lines.push(`groep: ${yamlString(input.group)}`);
  if (input.form) lines.push(`vorm: ${input.form}`);
  lines.push(`modus: ${input.mode === 'model' ? 'model' : 'extractief'}`);
  lines.push(`cssclasses:${list(input.cssClasses)}`);
  const ai = input.disclosure?.frontmatter.ai;
  if (ai) {
    lines.push(
      'ai:',
      `  provider: ${yamlString(ai.provider)}`,
      `  model: ${yamlString(ai.model)}`,
      `  date: ${yamlString(ai.date)}`,
      `  sources:${ai.sources.length ? ai.sources.map((s) => `\n    - ${yamlString(s)}`).join('') : ' []'}`,
      `  reviewed: ${String(ai.reviewed)}`,
    );
  }
  lines.push('---');
  return lines.join('\n');
}

/** The origin label after an item, when a note mixes the vault's words and a model's. */
export function originLabel(item: GeneratedItem, lang: Lang, mixed: boolean): string {
  return mixed ? ` *(${GENERATOR_TEXT[lang].origin[item.origin]})*` : '';
}

/** Lint remarks under an item, as indented list lines (`labelled`: each starts with "Let op:"). */
export function lintLines(item: GeneratedItem, lang: Lang, indent = '  ', labelled = true): string[] {
  return item.lint.map((f) => `${indent}- ${labelled ? `${GENERATOR_TEXT[lang].lintLabel}: ` : ''}${f.message}`);
}

/** Levels under an indicator, as indented list lines. */
export function levelLines(item: GeneratedItem, lang: Lang, indent = '  '): string[] {
  if (!item.levels) return [];
  const names = GENERATOR_TEXT[lang].levels;
  return [`${indent}- ${names.beginnend}: ${item.levels.beginnend}`, `${indent}- ${names.gevorderd}: ${item.levels.gevorderd}`, `${indent}- ${names.sterk}: ${item.levels.sterk}`];
}

/** A bullet: the item, its sources, its origin when mixed, then its levels and lint remarks. */
export function itemBullet(item: GeneratedItem, lang: Lang, mixed: boolean): string {
  return [`- ${item.text} ${links(item)}${originLabel(item, lang, mixed)}`, ...levelLines(item, lang), ...lintLines(item, lang)].join('\n');
}

/** A lesson idea or other item with labelled details: a small heading and one line per detail. */
export function ideaBlock(item: GeneratedItem, lang: Lang, mixed: boolean, level = 4): string {
  const labels = GENERATOR_TEXT[lang].detail;
  const lines = [`${'#'.repeat(level)} ${item.text}`, ''];
  for (const detail of item.details ?? []) lines.push(`- **${labels[detail.field]}:** ${detail.text}`);
  lines.push(`- ${GENERATOR_TEXT[lang].heading.sources}: ${links(item)}${originLabel(item, lang, mixed)}`);
  return lines.join('\n');
}
