import type { KeywordOverlay } from './keywordOverlay';
import { KeywordSegment, SegmentWriter } from './keywordSegment';
import { postingsBuffers } from './postingsCodec';

/**
 * Folds a base segment, its tombstones and the overlay into one new base segment file. Live base
 * documents keep their order and come first, live overlay documents follow in the order added, so
 * every term's postings stay ascending without sorting. Terms left without live postings are dropped.
 */
export function compactSegment(base: KeywordSegment, tombstones: Uint8Array, overlay: KeywordOverlay): Uint8Array {
  const ids: string[] = [];
  const bodyLengths: number[] = [];
  const headingLengths: number[] = [];
  const baseMap = new Int32Array(base.docCount).fill(-1);
  for (let d = 0; d < base.docCount; d++) {
    if (tombstones[d]) continue;
    baseMap[d] = ids.length;
    ids.push(base.ids[d]!);
    bodyLengths.push(base.bodyLengths[d]!);
    headingLengths.push(base.headingLengths[d]!);
  }
  const overlayMap = new Int32Array(overlay.docs.length).fill(-1);
  overlay.docs.forEach((doc, local) => {
    if (!doc) return;
    overlayMap[local] = ids.length;
    ids.push(doc.id);
    bodyLengths.push(doc.bodyLength);
    headingLengths.push(doc.headingLength);
  });

  const writer = new SegmentWriter();
  const decoded = postingsBuffers(base.docCount);
  const out = postingsBuffers(ids.length);
  const overlayTerms = overlay.sortedTerms();
  let b = 0;
  let o = 0;
  while (b < base.terms.length || o < overlayTerms.length) {
    const baseTerm = base.terms[b];
    const overlayTerm = overlayTerms[o];
    const term = overlayTerm === undefined || (baseTerm !== undefined && baseTerm <= overlayTerm) ? baseTerm! : overlayTerm;
    let count = 0;
    if (baseTerm === term) {
      const n = base.postingsOf(b++, decoded);
      for (let i = 0; i < n; i++) {
        const doc = baseMap[decoded.docs[i]!]!;
        if (doc < 0) continue;
        out.docs[count] = doc;
        out.bodyTfs[count] = decoded.bodyTfs[i]!;
        out.headingTfs[count++] = decoded.headingTfs[i]!;
      }
    }
    if (overlayTerm === term) {
      o++;
      const list = overlay.postingsOf(term);
      for (let i = 0; list && i < list.docs.length; i++) {
        const doc = overlayMap[list.docs[i]!]!;
        if (doc < 0) continue;
        out.docs[count] = doc;
        out.bodyTfs[count] = list.bodyTfs[i]!;
        out.headingTfs[count++] = list.headingTfs[i]!;
      }
    }
    if (count > 0) writer.addTerm(term, out, count);
  }
  return writer.finish(ids, bodyLengths, headingLengths);
}
