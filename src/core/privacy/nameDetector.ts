/**
 * Finds person names in text. Sources, strongest first: the roster; a title or role word before a
 * capitalised word ("juf Ineke", "dhr. J. Bakker", "Leerling: Daan"); the first-name list with
 * capitalisation rules; greetings and signatures in e-mails; and, in a second pass, every other capitalised
 * use of a first name or surname the text already showed to be a name.
 */
import { NEVER_ALONE, WORD_LIKE_FIRST_NAMES } from './dutchFirstNames';
import { ADULT_AFTER, GREETINGS, NOT_A_NAME, PARTICLES, PRONOUNS_AFTER_VERB, PUPIL_AFTER, THING_BEFORE } from './nameLexicon';
import { isListedFirstName, NameTokens } from './nameParsing';
import type { PersonCategory, RosterIndex } from './rosterIndex';
import type { Token } from './tokenize';

/** A name found in the text, as token indexes (inclusive) and character offsets. */
export interface NameSpan {
  first: number;
  last: number;
  start: number;
  end: number;
  /** What the roster or the words around the name say about the person. */
  category: PersonCategory;
  /** The roster's full name when the roster identifies one person. */
  rosterName?: string;
  /** True when the span starts with a particle ("de Vries"): it is a surname on its own. */
  surnameOnly: boolean;
}

/** Words after which a first name on its own and two capitalised words in a row are a name. */
const PERSON_CONTEXT = new Set(['met', 'namens', 'door', 'voor', 'aan', 'bij', 'en', 'of']);
/** Words before a surname written alone with a capital particle: "met Van Rijn", "aan De Jong". */
const SURNAME_CONTEXT = new Set(['met', 'namens', 'door', 'collega', 'aan']);
/** Particles that are first of all articles: "met Het Klokhuis" names a programme, not a person. */
const ARTICLES = new Set(['het', 't']);
const CLOSINGS = new Set(['groet', 'groeten', 'groetjes', 'regards', 'namens']);

/** All names in `tokens`, in text order, never overlapping a blocked token. */
export function findNames(tokens: readonly Token[], blocked: readonly boolean[], roster: RosterIndex): NameSpan[] {
  const words = new NameTokens(tokens, blocked);
  const spans: NameSpan[] = [];
  const covered = new Array<boolean>(tokens.length).fill(false);
  const deferred: number[] = [];

  const add = (first: number, last: number, extra: Partial<NameSpan> = {}): void => {
    const a = tokens[first];
    const b = tokens[last];
    if (!a || !b) return;
    for (let k = first; k <= last; k += 1) covered[k] = true;
    spans.push({
      first,
      last,
      start: a.start,
      end: b.end,
      category: extra.category ?? words.categoryAround(first, last),
      surnameOnly: PARTICLES.has(a.lower),
      ...(extra.rosterName ? { rosterName: extra.rosterName } : {}),
    });
  };

  for (let i = 0; i < tokens.length; i += 1) {
    if (covered[i] || blocked[i]) continue;
    const t = tokens[i];
    if (!t) continue;
    const match = roster.isEmpty ? undefined : roster.matchAt(tokens, i);
    if (match) {
      // A roster first name followed by another surname is someone else: "Sanne Bakker", not "Sanne de Vries".
      const last = match.kind === 'first' ? words.parseRestOfName(match.last) : match.last;
      const sameAsRoster = last === match.last;
      const around = words.categoryAround(i, last);
      const category = sameAsRoster && match.category !== 'unknown' ? match.category : around;
      add(i, last, { category, ...(sameAsRoster && match.fullName ? { rosterName: match.fullName } : {}) });
      i = last;
      continue;
    }
    if (!t.capitalised && !PARTICLES.has(t.lower)) continue;
    const title = words.titleBefore(i);
    if (title !== undefined) {
      const last = words.parseAfterTitle(i);
      if (last >= i) {
        add(i, last, title === 'unknown' ? {} : { category: title });
        i = last;
        continue;
      }
    }
    if (!t.capitalised || NOT_A_NAME.has(t.lower)) continue;
    const last = detectAt(words, i);
    if (last === 'defer') deferred.push(i);
    else if (last >= i) {
      add(i, last);
      i = last;
    }
  }

  acceptDeferred(words, deferred, spans, covered, add);
  addKnownAliases(words, spans, covered, add);
  inheritListCategories(tokens, spans);
  return spans.sort((a, b) => a.start - b.start);
}

/** Name rules for a capitalised word with no title before it: the last token of the name, -1, or 'defer'. */
function detectAt(words: NameTokens, i: number): number | 'defer' {
  const t = words.at(i);
  const prev = words.at(i - 1);
  if (!t) return -1;
  if (prev && THING_BEFORE.has(prev.lower) && !t.sentenceStart) return -1;
  // Initials with a particle or two initials: "S. de Vries", "J.P. Bakker".
  const afterInitials = words.initialsEnd(i);
  if (afterInitials > i) {
    const particle = PARTICLES.has(words.at(afterInitials)?.lower ?? '');
    if (particle || afterInitials - i >= 2) return words.parseSurname(afterInitials, false);
    return -1;
  }
  if (PARTICLES.has(t.lower) && !t.sentenceStart && !ARTICLES.has(t.lower)) return capitalisedParticleSurname(words, i);
  if (!words.isNameWord(i)) return -1;
  const listed = isListedFirstName(t.lower) && !NEVER_ALONE.has(t.lower);
  const rest = words.parseRestOfName(i);
  if (listed) {
    if (rest > i || !WORD_LIKE_FIRST_NAMES.has(t.lower)) return rest;
    // A word-like first name alone: a name mid-sentence, and at a sentence start only with more evidence.
    return t.sentenceStart ? 'defer' : rest;
  }
  const greeting = prev && GREETINGS.has(prev.lower) && prev.sentenceStart && isSpaceGapOnly(t.gapBefore);
  const lineEnd = /^[,!]|\n/.test(words.at(rest + 1)?.gapBefore ?? '\n');
  if (greeting && lineEnd) return rest;
  if (isSignatureLine(words, i, rest)) return rest;
  // Two capitalised words after "met", "namens", …: "gesprek met Jurriaan Koopmans".
  if (prev && PERSON_CONTEXT.has(prev.lower) && !t.sentenceStart && rest > i) return rest;
  return -1;
}

/**
 * A surname written on its own starts with a capital particle ("met Van Rijn", "De Jong (mentor)"). Place
 * names do too ("in Den Haag"), so a person cue must stand before or right after it.
 */
function capitalisedParticleSurname(words: NameTokens, i: number): number {
  const last = words.parseSurname(i, false);
  if (last < 0) return -1;
  const prev = words.at(i - 1);
  const next = words.at(last + 1);
  const before = !!prev && SURNAME_CONTEXT.has(prev.lower);
  const after = !!next && /[(,]/.test(next.gapBefore) && (ADULT_AFTER.has(next.lower) || PUPIL_AFTER.has(next.lower));
  return before || after ? last : -1;
}

function isSpaceGapOnly(gap: string): boolean {
  return /^[ \t]+$/.test(gap);
}

/** A line holding only a name, right after "Met vriendelijke groet," closes an e-mail. */
function isSignatureLine(words: NameTokens, i: number, last: number): boolean {
  const t = words.at(i);
  const prev = words.at(i - 1);
  if (!t || !prev || !t.gapBefore.includes('\n') || !CLOSINGS.has(prev.lower)) return false;
  return (words.at(last + 1)?.gapBefore ?? '\n').includes('\n');
}

type AddSpan = (first: number, last: number, extra?: Partial<NameSpan>) => void;

/**
 * Word-like first names at a sentence start ("Roos", "Storm") become names only when the text uses
 * them as a name elsewhere, or when they stand in a list with names ("Roos en Daan …").
 */
function acceptDeferred(words: NameTokens, deferred: number[], spans: NameSpan[], covered: boolean[], add: AddSpan): void {
  const known = new Set(spans.flatMap((s) => nameWords(words, s)));
  for (const i of deferred) {
    if (covered[i] || looksLikeVerb(words, i)) continue;
    const t = words.at(i);
    const next = words.at(i + 1);
    const listedWithName =
      (next?.lower === 'en' || /^,\s*$/.test(next?.gapBefore ?? '')) &&
      spans.some((s) => s.first === i + 1 || (next?.lower === 'en' && s.first === i + 2));
    // "- Madelief: stil in de les": a list item that opens with a name and a colon.
    const listLabel = /(^|\n)[ \t]*(?:[-*•+]|\d+[.)])[ \t]+$/.test(t?.gapBefore ?? '') && /^:/.test(next?.gapBefore ?? '');
    if (known.has(t?.lower ?? '') || listedWithName || listLabel) add(i, i);
  }
}

/** A sentence-initial word-like name followed by a pronoun is a verb: "Ben je …", "Toon uw …", "Hoop je …". */
function looksLikeVerb(words: NameTokens, i: number): boolean {
  const t = words.at(i);
  const next = words.at(i + 1);
  if (!t || !next || !t.sentenceStart || !WORD_LIKE_FIRST_NAMES.has(t.lower)) return false;
  return PRONOUNS_AFTER_VERB.has(next.lower) && /^[ \t]+$/.test(next.gapBefore);
}

/** The capitalised, non-particle words of a span, lower-cased. */
function nameWords(words: NameTokens, span: NameSpan): string[] {
  const out: string[] = [];
  for (let k = span.first; k <= span.last; k += 1) {
    const t = words.at(k);
    if (t && t.capitalised && !PARTICLES.has(t.lower) && t.text.length > 1) out.push(t.lower);
  }
  return out;
}

/**
 * Second pass: a first name or surname the text already used as a name counts wherever it is
 * capitalised ("Bakker zei …" after "Marloes Bakker"); a surname with particles only with them ("de Vries").
 */
function addKnownAliases(words: NameTokens, spans: NameSpan[], covered: boolean[], add: AddSpan): void {
  const single = new Set<string>();
  const withParticles = new Map<string, string[]>();
  for (const span of [...spans]) {
    const parts = nameWords(words, span);
    for (const part of parts) single.add(part);
    // Remember the particles before each surname head, so "Groot" alone does not match "De Groot".
    for (let k = span.first; k <= span.last; k += 1) {
      const t = words.at(k);
      const prev = words.at(k - 1);
      if (t && prev && k > span.first && PARTICLES.has(prev.lower) && !PARTICLES.has(t.lower)) {
        single.delete(t.lower);
        const particles: string[] = [];
        for (let p = k - 1; p >= span.first && PARTICLES.has(words.at(p)?.lower ?? ''); p -= 1) {
          particles.unshift(words.at(p)?.lower ?? '');
        }
        withParticles.set(t.lower, particles);
      }
    }
  }
  if (single.size === 0 && withParticles.size === 0) return;
  for (let i = 0; i < words.tokens.length; i += 1) {
    const t = words.at(i);
    if (!t || covered[i] || words.blocked[i] || !t.capitalised) continue;
    const particles = withParticles.get(t.lower);
    if (particles) {
      const first = i - particles.length;
      const fits = particles.every((p, k) => words.at(first + k)?.lower === p && !covered[first + k]);
      if (first >= 0 && fits) add(first, i);
      continue;
    }
    if (!single.has(t.lower) || NOT_A_NAME.has(t.lower) || looksLikeVerb(words, i)) continue;
    const last = words.parseRestOfName(i);
    add(i, last);
    i = last;
  }
}

/** Names in a list ("Daan, Sem en Noor (groep 5)") share the category one of them has. */
function inheritListCategories(tokens: readonly Token[], spans: NameSpan[]): void {
  const ordered = [...spans].sort((a, b) => a.start - b.start);
  const linked = (a: NameSpan, b: NameSpan): boolean => {
    const between = tokens.slice(a.last + 1, b.first);
    const gap = tokens[b.first]?.gapBefore ?? '';
    if (between.length === 0) return /^,\s*$/.test(gap);
    return between.length === 1 && ['en', 'of'].includes(between[0]?.lower ?? '') && !/[.!?\n]/.test(gap);
  };
  for (const pass of [ordered, [...ordered].reverse()]) {
    for (let k = 1; k < pass.length; k += 1) {
      const a = pass[k - 1];
      const b = pass[k];
      if (!a || !b || b.category !== 'unknown' || a.category === 'unknown') continue;
      const [left, right] = a.start < b.start ? [a, b] : [b, a];
      if (linked(left, right)) b.category = a.category;
    }
  }
}
