import { dutchTerm, tokenize } from '../dutchText';

/**
 * A document as the index sees it: its distinct terms with their frequencies in the two fields, the
 * text (`body`) and the heading. A term may occur in either or both.
 */
export interface AnalyzedDoc {
  terms: string[];
  bodyTfs: number[];
  headingTfs: number[];
  /** Terms in the body (sum of `bodyTfs`): the length BM25 normalises the body field by. */
  bodyLength: number;
  /** Terms in the heading (sum of `headingTfs`). */
  headingLength: number;
}

/**
 * Token → term memo. Stemming is most of the indexing cost and a vault repeats the same few thousand
 * words, so remembering them makes a full build several times faster. Cleared when it grows large, so
 * memory stays bounded on odd input (number soup, many languages).
 */
const termCache = new Map<string, string | null>();
const TERM_CACHE_LIMIT = 200_000;

/** `dutchTerm` with the memo: the index term for one token, or null for a stop word. */
export function indexTerm(token: string): string | null {
  let term = termCache.get(token);
  if (term === undefined) {
    term = dutchTerm(token);
    if (termCache.size >= TERM_CACHE_LIMIT) termCache.clear();
    termCache.set(token, term);
  }
  return term;
}

/** Terms of a chunk's text and heading, in first-seen order. */
export function analyzeDoc(text: string, heading: string): AnalyzedDoc {
  const position = new Map<string, number>();
  const doc: AnalyzedDoc = { terms: [], bodyTfs: [], headingTfs: [], bodyLength: 0, headingLength: 0 };
  const count = (source: string, field: 'bodyTfs' | 'headingTfs'): number => {
    let length = 0;
    for (const token of tokenize(source)) {
      const term = indexTerm(token);
      if (term === null) continue;
      let at = position.get(term);
      if (at === undefined) {
        at = doc.terms.length;
        position.set(term, at);
        doc.terms.push(term);
        doc.bodyTfs.push(0);
        doc.headingTfs.push(0);
      }
      doc[field][at]!++;
      length++;
    }
    return length;
  };
  doc.bodyLength = count(text, 'bodyTfs');
  doc.headingLength = count(heading, 'headingTfs');
  return doc;
}

/** The distinct terms of a query, in the order typed; stop words dropped. */
export function queryTerms(query: string): string[] {
  const terms = new Set<string>();
  for (const token of tokenize(query)) {
    const term = indexTerm(token);
    if (term !== null) terms.add(term);
  }
  return [...terms];
}
