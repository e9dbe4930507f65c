/**
 * Groups name mentions into people and gives each person one placeholder: "Sanne de Vries", later
 * "Sanne" and "de Vries" are one `[LEERLING-1]`, but "mevrouw De Vries" (an adult) is someone else.
 */
import { PARTICLES } from './nameLexicon';
import type { NameSpan } from './nameDetector';
import { ADULT_WORD, parsePlaceholder, PUPIL_WORD, type PlaceholderBook } from './placeholderBook';
import type { PersonCategory } from './rosterIndex';
import { tokenize } from './tokenize';

/** A mention: the span and its exact text. */
export interface NameMention {
  span: NameSpan;
  original: string;
}

interface NameParts {
  first?: string;
  surname?: string;
  single?: string;
  wordCount: number;
}

interface Person {
  placeholder?: string;
  canonical: string;
  parts: NameParts;
  rosterName?: string;
  /** Set for people from an earlier mapping or the roster: the placeholder word cannot change. */
  fixed?: PersonCategory;
  votes: { pupil: number; adult: number };
  lastSeen: number;
}

/** Splits a name into first name and surname, lower-cased; initials are left out. */
function nameParts(name: string): NameParts {
  const words = tokenize(name)
    .map((t) => t.lower)
    .filter((w) => w.length > 1 || PARTICLES.has(w));
  const heads = words.filter((w) => !PARTICLES.has(w));
  const [firstWord = ''] = words;
  if (PARTICLES.has(firstWord)) return { surname: words.join(' '), wordCount: words.length };
  if (heads.length <= 1) return { single: heads[0] ?? firstWord, wordCount: words.length };
  return { first: firstWord, surname: words.slice(1).join(' '), wordCount: words.length };
}

function categoryOf(person: Person): PersonCategory {
  if (person.fixed && person.fixed !== 'unknown') return person.fixed;
  if (person.votes.pupil > person.votes.adult) return 'pupil';
  if (person.votes.adult > person.votes.pupil) return 'adult';
  return person.fixed ?? 'unknown';
}

/** How well a mention fits a person: 0 for not at all. */
function fit(person: Person, parts: NameParts, rosterName: string | undefined): number {
  if (rosterName && person.rosterName) return rosterName === person.rosterName ? 100 : 0;
  const p = person.parts;
  if (parts.first && parts.surname) {
    if (p.first === parts.first && p.surname === parts.surname) return 90;
    // "Sanne" earlier, now "Sanne de Vries": the same person, now with a surname.
    if (!p.surname && p.single === parts.first) return 50;
    return 0;
  }
  if (parts.single) {
    if (p.first === parts.single || p.single === parts.single) return 40;
    if (p.surname === parts.single) return 30;
    return 0;
  }
  if (parts.surname && p.surname === parts.surname) return 40;
  return 0;
}

/** The words a person or mention can be found by: first name, single name, surname and its head, roster name. */
function keysOf(parts: NameParts, rosterName: string | undefined): string[] {
  const keys: string[] = [];
  if (parts.first) keys.push(`w:${parts.first}`);
  if (parts.single) keys.push(`w:${parts.single}`);
  if (parts.surname) keys.push(`s:${parts.surname}`, `w:${parts.surname}`);
  if (rosterName) keys.push(`r:${rosterName}`);
  return keys;
}

/** The placeholder of every mention, in the order given; new people are added to the book's mapping. */
export function assignPersonPlaceholders(mentions: readonly NameMention[], book: PlaceholderBook): string[] {
  const people: Person[] = [];
  for (const [placeholder, original] of Object.entries(book.mapping)) {
    const word = parsePlaceholder(placeholder)?.word;
    if (word !== PUPIL_WORD && word !== ADULT_WORD) continue;
    people.push({
      placeholder,
      canonical: original,
      parts: nameParts(original),
      fixed: word === PUPIL_WORD ? 'pupil' : 'adult',
      votes: { pupil: 0, adult: 0 },
      lastSeen: -1,
    });
  }

  // People by each word they answer to, so a mention only looks at people who could fit it.
  const byWord = new Map<string, Person[]>();
  const index = (person: Person): void => {
    for (const key of keysOf(person.parts, person.rosterName)) {
      const list = byWord.get(key) ?? [];
      if (!list.includes(person)) list.push(person);
      byWord.set(key, list);
    }
  };
  people.forEach(index);

  const owners: Person[] = [];
  mentions.forEach((mention, position) => {
    const parts = nameParts(mention.original);
    const { category, rosterName } = mention.span;
    let best: Person | undefined;
    let bestScore = 0;
    const candidates = new Set(keysOf(parts, rosterName).flatMap((key) => byWord.get(key) ?? []));
    for (const person of candidates) {
      const known = categoryOf(person);
      // A mention the context calls a pupil is not the adult of the same name, and the other way round.
      if (category !== 'unknown' && known !== 'unknown' && known !== category) continue;
      const score = fit(person, parts, rosterName);
      if (score > bestScore || (score === bestScore && score > 0 && best && person.lastSeen > best.lastSeen)) {
        best = person;
        bestScore = score;
      }
    }
    const person = best ?? {
      canonical: mention.original.replace(/\s+/g, ' '),
      parts,
      votes: { pupil: 0, adult: 0 },
      lastSeen: position,
      ...(rosterName && category !== 'unknown' ? { fixed: category } : {}),
    };
    if (!best) people.push(person);
    if (rosterName) person.rosterName = rosterName;
    if (category === 'pupil') person.votes.pupil += 1;
    if (category === 'adult') person.votes.adult += 1;
    person.lastSeen = position;
    if (parts.wordCount > person.parts.wordCount) {
      // Keep the fullest form, so restoring an answer writes the whole name.
      person.canonical = mention.original.replace(/\s+/g, ' ');
      person.parts = parts;
      if (person.placeholder) book.setPerson(person.placeholder, person.canonical);
    }
    index(person);
    owners.push(person);
  });

  for (const person of owners) {
    if (person.placeholder) continue;
    person.placeholder = book.next(categoryOf(person) === 'pupil' ? PUPIL_WORD : ADULT_WORD);
    book.setPerson(person.placeholder, person.canonical);
  }
  return owners.map((person) => person.placeholder ?? '');
}
