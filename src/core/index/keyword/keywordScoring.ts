import { B, HEADING_WEIGHT, idf, K1, PREFIX_MIN_LENGTH, PREFIX_WEIGHT } from './bm25';
import type { KeywordOverlay } from './keywordOverlay';
import type { KeywordSegment } from './keywordSegment';
import { postingsBuffers, type PostingsBuffers } from './postingsCodec';

/** What scoring reads: the base, its tombstones and the overlay (documents numbered base first). */
export interface ScoringSource {
  segment: KeywordSegment;
  /** 1 for each removed base document. */
  tombstones: Uint8Array;
  /** How many base documents are removed. */
  tombstoneCount: number;
  overlay: KeywordOverlay;
  /** Live documents, base and overlay together. */
  liveDocs: number;
  /** Sum of the live documents' body lengths. */
  bodyLength: number;
  /** Sum of the live documents' heading lengths. */
  headingLength: number;
}

/**
 * The indexed terms a query's terms match, as (term, weight, query term number): each query term
 * itself, and for a query term of `PREFIX_MIN_LENGTH` or more the longer terms that start with it. The
 * order is fixed (query order, then sorted), whichever of base and overlay holds a term, so that a
 * loaded base plus delta scores bit for bit like a freshly built index.
 */
export function matchedTerms(source: ScoringSource, queryTerms: readonly string[]): [string, number, number][] {
  const matches: [string, number, number][] = [];
  queryTerms.forEach((query, q) => {
    matches.push([query, 1, q]);
    if (query.length < PREFIX_MIN_LENGTH) return;
    const [from, to] = source.segment.prefixRange(query);
    const longer = new Set(source.segment.terms.slice(from, to));
    for (const term of source.overlay.termsWithPrefix(query)) longer.add(term);
    longer.delete(query);
    for (const term of [...longer].sort()) matches.push([term, PREFIX_WEIGHT, q]);
  });
  return matches;
}

/**
 * Working arrays for scoring, kept between queries: a query over 20,000 documents needs about 1 MB of
 * them, and allocating that anew each time keeps the garbage collector busy.
 */
export class ScoringScratch {
  scores = new Float64Array(0);
  matched = new Int32Array(0);
  lastQuery = new Int32Array(0);
  decoded: PostingsBuffers = postingsBuffers(0);

  /** Cleared arrays for `docCount` documents, `baseCount` of them in the base. */
  prepare(docCount: number, baseCount: number): this {
    if (this.scores.length !== docCount) {
      this.scores = new Float64Array(docCount);
      this.matched = new Int32Array(docCount);
      this.lastQuery = new Int32Array(docCount);
    } else {
      this.scores.fill(0);
      this.matched.fill(0);
    }
    this.lastQuery.fill(-1);
    if (this.decoded.docs.length < baseCount) this.decoded = postingsBuffers(baseCount);
    return this;
  }
}

/**
 * Score per document number (0 for documents that match nothing, removed ones included), as described
 * in `bm25.ts`: each field has its own document frequency and length normalisation, so a word in a short
 * heading says more than one in a long text. The result is `scratch.scores`, valid until its next use.
 */
export function scoreDocuments(source: ScoringSource, queryTerms: readonly string[], scratch: ScoringScratch): Float64Array {
  const { segment, tombstones, overlay, liveDocs } = source;
  const baseCount = segment.docCount;
  const { scores, matched, lastQuery, decoded } = scratch.prepare(baseCount + overlay.docs.length, baseCount);
  if (liveDocs === 0) return scores;
  // The length part of BM25, K1 × (1 − B + B × length / average), as `fixed + perTerm × length`.
  const fixedNorm = K1 * (1 - B);
  const bodyNorm = (K1 * B) / (source.bodyLength / liveDocs || 1);
  const headingNorm = (K1 * B) / (source.headingLength / liveDocs || 1);
  const { bodyLengths, headingLengths } = segment;
  const anyTombstone = source.tombstoneCount > 0;
  // Per document: how many of the query's terms it matches (`matched`), and the last one counted.

  for (const [term, weight, q] of matchedTerms(source, queryTerms)) {
    // Document frequencies (and so idf) count live documents only; decoding counts the base's.
    const t = segment.findTerm(term);
    const n = t >= 0 ? segment.postingsOf(t, decoded, anyTombstone ? tombstones : undefined) : 0;
    let bodyDf = n > 0 ? decoded.bodyDf : 0;
    let headingDf = n > 0 ? decoded.headingDf : 0;
    const list = overlay.postingsOf(term);
    const overlayCount = list?.docs.length ?? 0;
    for (let i = 0; i < overlayCount; i++) {
      if (!overlay.docs[list!.docs[i]!]) continue;
      if (list!.bodyTfs[i]! > 0) bodyDf++;
      if (list!.headingTfs[i]! > 0) headingDf++;
    }
    if (bodyDf + headingDf === 0) continue;

    const bodyWeight = weight * idf(liveDocs, bodyDf) * (K1 + 1);
    const headingWeight = weight * HEADING_WEIGHT * idf(liveDocs, headingDf) * (K1 + 1);
    // Two plain loops rather than one helper per posting: this is the hot path of a query, and of the
    // first query after loading, which runs before the JIT has optimised anything.
    const { docs, bodyTfs, headingTfs } = decoded;
    for (let i = 0; i < n; i++) {
      const doc = docs[i]!;
      const bodyTf = bodyTfs[i]!;
      const headingTf = headingTfs[i]!;
      let score = bodyTf > 0 ? (bodyWeight * bodyTf) / (bodyTf + fixedNorm + bodyNorm * bodyLengths[doc]!) : 0;
      if (headingTf > 0) score += (headingWeight * headingTf) / (headingTf + fixedNorm + headingNorm * headingLengths[doc]!);
      scores[doc] = scores[doc]! + score;
      if (lastQuery[doc] !== q) {
        lastQuery[doc] = q;
        matched[doc] = matched[doc]! + 1;
      }
    }
    for (let i = 0; i < overlayCount; i++) {
      const local = list!.docs[i]!;
      const lengths = overlay.docs[local];
      if (!lengths) continue;
      const doc = baseCount + local;
      const bodyTf = list!.bodyTfs[i]!;
      const headingTf = list!.headingTfs[i]!;
      let score = bodyTf > 0 ? (bodyWeight * bodyTf) / (bodyTf + fixedNorm + bodyNorm * lengths.bodyLength) : 0;
      if (headingTf > 0) score += (headingWeight * headingTf) / (headingTf + fixedNorm + headingNorm * lengths.headingLength);
      scores[doc] = scores[doc]! + score;
      if (lastQuery[doc] !== q) {
        lastQuery[doc] = q;
        matched[doc] = matched[doc]! + 1;
      }
    }
  }
  // Removed documents may have collected a score above; they are not results.
  for (let doc = 0; doc < scores.length; doc++) {
    const live = doc < baseCount ? !tombstones[doc] : overlay.docs[doc - baseCount] != null;
    scores[doc] = live ? scores[doc]! * matched[doc]! : 0;
  }
  return scores;
}
