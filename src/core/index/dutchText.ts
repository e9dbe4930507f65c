import { stemmer } from '@orama/stemmers/dutch';

/**
 * Dutch stop words: function words that say nothing about a passage's topic. Kept short on purpose:
 * words such as "samen", "zelf" and "niet" carry meaning in a school vision and stay searchable.
 */
const STOP_WORDS = new Set(
  (
    'de het een en of maar dus want dan als of in op aan bij met voor van naar uit om over onder tot door ' +
    'te tegen tussen na sinds zonder ik jij je u hij zij ze wij we jullie hun hen hem haar mij me mijn ' +
    'jouw uw ons onze zijn is ben bent was waren wordt worden werd werden zal zullen zou zouden kan kunnen ' +
    'kon konden moet moeten mag mogen wil willen heb hebt heeft hebben had hadden die dat deze dit wat wie ' +
    'waar wanneer hoe er hier daar nog al ook wel zo zeer heel veel meer meest toch reeds eens even ' +
    'omdat terwijl zodat waardoor welke welk elk elke ieder iedere geen niets iets alle alles andere ' +
    'the a an and or of to in on for with is are be'
  ).split(/\s+/),
);

/** Folds accents and case so `ideeën` and `Ideeen` meet. */
export function foldText(word: string): string {
  return word.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/**
 * Turns one token into its index term: lower-cased, accent-folded, Snowball-stemmed; null for stop words,
 * so `samenwerking` and `samenwerken` meet at `samenwerk`.
 */
export function dutchTerm(token: string): string | null {
  const folded = foldText(token);
  if (folded.length < 2 || STOP_WORDS.has(folded)) return null;
  if (/^\d+$/.test(folded)) return folded;
  return stemmer(folded);
}

/** Splits text into word tokens (letters and digits, keeping inner hyphens out). */
export function tokenize(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+/gu) ?? [];
}
