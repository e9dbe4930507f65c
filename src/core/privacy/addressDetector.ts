/**
 * Dutch street addresses: a street name that ends in a street word (…straat, …laan, …weg), a house number,
 * and an optional addition ("Lindelaan 12a", "Van Goghstraat 3-II", "Laan van Meerdervoort 5 bis").
 * A street name without a number ("de Lindelaan wordt afgesloten") is not an address.
 */
import { PRIORITY, type Candidate } from './patternDetectors';

const STREET_WORDS =
  'straat|straatweg|laan|weg|plein|gracht|kade|dijk|singel|hof|pad|steeg|dreef|park|plantsoen|markt|wal|' +
  'haven|allee|boulevard|akker|hoeve|wetering|vaart';

/** Words that end in a street word but are school or everyday words ("Leerpad 2" is a heading, not a street). */
const NOT_A_STREET = new Set(['leerpad', 'leerweg', 'groeipad', 'ontwikkelpad', 'onderweg', 'halfweg', 'stappad']);

/** House number and addition: 12, 12a, 12-II, 12-2, 12/3, 12 bis, 12 A, 12 hs. */
const HOUSE_NUMBER =
  '\\d{1,5}(?:[a-zA-Z]{1,2}(?![\\p{L}\\d])|[-/](?:[A-Za-z0-9]{1,4})(?![\\p{L}\\d])|[ \\u00a0](?:[A-Z]|I{1,3}|IV|bis|hs|zw|rd)(?![\\p{L}\\d]))?';

/** A capitalised word and a house number; whether the word is a street is checked in code (faster than one regex). */
const WORD_AND_NUMBER = new RegExp(
  `(?<![\\p{L}])(\\p{Lu}[\\p{L}'’-]*)[ \\u00a0]+(${HOUSE_NUMBER})(?![\\d])`,
  'gu',
);
const ENDS_IN_STREET_WORD = new RegExp(`(?:${STREET_WORDS})$`, 'u');
/** A capitalised street word on its own, valid only after a capitalised word: "Oude Gracht 4", "Nieuwe Markt 3". */
const BARE_STREET_WORD = /^(?:Gracht|Kade|Dijk|Singel|Markt|Haven|Weg|Laan|Plein|Straat|Wal|Dreef)$/u;

/** Streets that start with the street word: "Laan van Meerdervoort 12", "Plein 1813"-like names with a particle. */
const STREET_FIRST_ADDRESS = new RegExp(
  `(?<![\\p{L}])(?:Laan|Plein|Weg|Hof|Kade|Singel|Dreef|Burgemeester|Prins|Prinses|Koningin|Koning)` +
    `[ ](?:(?:van|der|de|den|het|ter|ten|'t)[ ]){1,3}\\p{Lu}[\\p{L}'’-]+[ \\u00a0]+(${HOUSE_NUMBER})(?![\\d])`,
  'gu',
);

/** Capitalised words that may stand before the street word (Van Goghstraat, Prins Hendrikkade). */
const PREFIX_WORD = /^(?:\p{Lu}[\p{L}'’.-]*|van|de|der|den|het|ter|ten|'t)$/u;
/** Sentence words that are never part of a street name, even when capitalised at the start. */
const NOT_A_PREFIX = new Set([
  'op', 'in', 'aan', 'naar', 'bij', 'woont', 'adres', 'wonen', 'via', 'vanaf', 'tot', 'en', 'of', 'nieuw',
  'oud', 'postadres', 'bezoekadres', 'huisadres', 'verhuisd', 'verhuist', 'straat', 'locatie', 'is', 'een',
]);
/** A capitalised article at a sentence start belongs to the sentence: "De Kerkstraat 5 is verkocht." */
const SENTENCE_ARTICLE = /^(?:De|Het)$/u;

/**
 * Extends a street name backwards over capitalised words and particles on the same line
 * ("Van Goghstraat", "Jan van Galenstraat"), at most three words, never over a sentence word.
 */
function extendBackwards(text: string, start: number): number {
  let begin = start;
  for (let words = 0; words < 3; words += 1) {
    const before = text.slice(Math.max(0, begin - 40), begin);
    const m = /([\p{L}'’.-]+)[ ]$/u.exec(before);
    if (!m) break;
    const word = m[1] ?? '';
    if (!PREFIX_WORD.test(word) || NOT_A_PREFIX.has(word.toLowerCase())) break;
    const wordStart = begin - m[0].length;
    if (SENTENCE_ARTICLE.test(word) && /(?:^|[\n.!?:]\s*)$/.test(text.slice(Math.max(0, wordStart - 3), wordStart))) break;
    // A lowercase particle only counts when a capitalised word stands before it (Jan van Galenstraat).
    if (/^\p{Ll}/u.test(word)) {
      const earlier = /(\p{Lu}[\p{L}'’.-]*)[ ]$/u.exec(text.slice(Math.max(0, wordStart - 40), wordStart));
      if (!earlier || NOT_A_PREFIX.has((earlier[1] ?? '').toLowerCase())) break;
    }
    begin = wordStart;
  }
  return begin;
}

/** Street addresses with a house number; the span runs from the street name to the addition. */
export function findAddresses(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of text.matchAll(WORD_AND_NUMBER)) {
    const word = m[1] ?? '';
    const end = m.index + m[0].length;
    if (BARE_STREET_WORD.test(word)) {
      const start = extendBackwards(text, m.index);
      if (start < m.index) found.push({ type: 'address', start, end, priority: PRIORITY.address });
      continue;
    }
    // The street word alone ("Hof 3", "Park 2") is too often something else.
    if (word.length < 5 || !ENDS_IN_STREET_WORD.test(word) || NOT_A_STREET.has(word.toLowerCase())) continue;
    found.push({ type: 'address', start: extendBackwards(text, m.index), end, priority: PRIORITY.address });
  }
  for (const m of text.matchAll(STREET_FIRST_ADDRESS)) {
    found.push({ type: 'address', start: m.index, end: m.index + m[0].length, priority: PRIORITY.address + 1 });
  }
  return found;
}
