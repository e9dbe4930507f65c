/**
 * School subjects and the words notes use for them ("gym" for bewegingsonderwijs, "begrijpend lezen" for
 * taal), so a lesson whose `vak` says "rekenen en taal" counts for both. Unknown subjects match on their
 * own words.
 */
import { foldWord } from './lint/lexicon';

export const SUBJECT_ALIASES: Readonly<Record<string, readonly string[]>> = {
  rekenen: ['rekenen', 'rekenles', 'wiskunde', 'math', 'maths', 'mathematics'],
  taal: ['taal', 'nederlands', 'lezen', 'begrijpend lezen', 'technisch lezen', 'spelling', 'schrijven', 'schrijfles', 'woordenschat', 'language', 'reading', 'writing'],
  wereldorientatie: ['wereldorientatie', 'geschiedenis', 'aardrijkskunde', 'natuur', 'biologie', 'techniek', 'wetenschap'],
  bewegingsonderwijs: ['bewegingsonderwijs', 'gym', 'gymles', 'lo', 'lichamelijke opvoeding', 'sport', 'pe'],
  muziek: ['muziek', 'zingen', 'music'],
};

function fold(text: string): string {
  return ` ${foldWord(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
}

/** The words that stand for `subject` (its aliases, or the subject itself). */
export function subjectWords(subject: string): string[] {
  const key = fold(subject).trim();
  return [...(SUBJECT_ALIASES[key] ?? [key])].map((w) => fold(w).trim()).filter((w) => w !== '');
}

/** Whether `text` (a `vak` value, a title, a sentence) is about `subject`, by whole words. */
export function mentionsSubject(text: string, subject: string): boolean {
  const hay = fold(text);
  return subjectWords(subject).some((w) => hay.includes(` ${w} `));
}

/** A frontmatter value as text (`groep: 5` is a number, `kernwaarden:` may be a list). */
export function frontmatterText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map(frontmatterText).filter((v) => v !== '').join(', ');
  return '';
}

/** Whether a `groep` value ("3 en 8", "6-8", "havo 4") includes `group` ("5", "havo 4"). */
export function matchesGroup(value: string, group: string): boolean {
  const wanted = fold(group).trim();
  if (wanted === '') return true;
  const hay = fold(value);
  if (hay.includes(` ${wanted} `)) return true;
  const n = Number(wanted);
  if (!Number.isInteger(n)) return false;
  // "6-8" and "1-2" are ranges of groups.
  for (const match of value.matchAll(/(\d+)\s*[-–]\s*(\d+)/g)) {
    if (n >= Number(match[1]) && n <= Number(match[2])) return true;
  }
  return false;
}
