/**
 * Okapi BM25 per field (body and heading), over live documents only: removed documents count neither
 * in N, nor in the average lengths, nor in a term's document frequency. A (term, document, field)
 * scores `idf × tf × (K1 + 1) / (tf + K1 × (1 − B + B × length / average length))`; a document's score
 * is the sum over the matched terms (heading field × `HEADING_WEIGHT`, prefix matches × `PREFIX_WEIGHT`),
 * times the number of distinct query terms it matches.
 *
 * The last factor is MiniSearch's "quality" factor, kept because it measurably helps: a passage that has
 * all the words of "startgesprekken met ouders" beats one that repeats only "ouders". On the example
 * vault's labelled keyword queries this scoring gives recall@5 0.92 and MRR 0.88, as MiniSearch did;
 * a single combined field (heading words counted twice in the text) gave MRR 0.79.
 */

/** Term-frequency saturation. */
export const K1 = 1.2;
/** Length normalisation: 0 ignores length, 1 divides by it fully. */
export const B = 0.75;
/** The heading field's score counts this many times the body's (a chunk is about its heading). */
export const HEADING_WEIGHT = 2;
/** Weight of an indexed term that merely starts with a query term (`toetskalender` for `toetsen`). */
export const PREFIX_WEIGHT = 0.5;
/** Query terms (after stemming) at least this long also match longer terms they are a prefix of. */
export const PREFIX_MIN_LENGTH = 5;

/** Inverse document frequency; always positive, so a term in every document still counts a little. */
export function idf(docCount: number, docFrequency: number): number {
  return Math.log(1 + (docCount - docFrequency + 0.5) / (docFrequency + 0.5));
}
