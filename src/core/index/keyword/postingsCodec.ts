import { KeywordIndexError } from './keywordIndexError';
import type { ByteWriter } from '../byteWriter';

/**
 * Postings are stored as LEB128 varints. Per term a run of postings, each: the doc delta (the first
 * counted from doc 0), then `bodyTf × 2 + (headingTf > 0 ? 1 : 0)`, then `headingTf` only when it is not
 * 0. Most deltas and frequencies fit in one byte and few terms are in a heading, so a posting costs about
 * 2 bytes.
 */

/** One term's postings as parallel arrays: documents ascending, body and heading term frequencies. */
export interface PostingsBuffers {
  docs: Int32Array;
  bodyTfs: Int32Array;
  headingTfs: Int32Array;
  /** Set by `decodePostings`: live postings with the term in the body, and in the heading. */
  bodyDf: number;
  headingDf: number;
}

/** Buffers for up to `capacity` postings. */
export function postingsBuffers(capacity: number): PostingsBuffers {
  return { docs: new Int32Array(capacity), bodyTfs: new Int32Array(capacity), headingTfs: new Int32Array(capacity), bodyDf: 0, headingDf: 0 };
}

/** Appends one term's first `count` postings; documents must be strictly ascending. */
export function encodePostings(writer: ByteWriter, postings: PostingsBuffers, count: number): void {
  const { docs, bodyTfs, headingTfs } = postings;
  let previous = 0;
  for (let i = 0; i < count; i++) {
    const doc = docs[i]!;
    const headingTf = headingTfs[i]!;
    writer.varint(doc - previous);
    writer.varint(bodyTfs[i]! * 2 + (headingTf > 0 ? 1 : 0));
    if (headingTf > 0) writer.varint(headingTf);
    previous = doc;
  }
}

/**
 * Decodes the postings in `bytes[start, end)` into `out` and returns how many there are; also counts
 * the document frequencies of the documents not marked in `removed` (done here, in the one pass over the
 * postings, because scoring needs them before it can start). Throws `KeywordIndexError` when the
 * postings run past `docLimit` documents or out of the buffers, which only a damaged file can cause.
 */
export function decodePostings(bytes: Uint8Array, start: number, end: number, docLimit: number, out: PostingsBuffers, removed?: Uint8Array): number {
  const { docs, bodyTfs, headingTfs } = out;
  let at = start;
  let doc = 0;
  let count = 0;
  let bodyDf = 0;
  let headingDf = 0;
  while (at < end) {
    let byte = bytes[at++]!;
    let delta = byte & 0x7f;
    for (let shift = 7; byte >= 0x80; shift += 7) {
      byte = bytes[at++]!;
      delta += (byte & 0x7f) * 2 ** shift;
    }
    byte = bytes[at++]!;
    let packed = byte & 0x7f;
    for (let shift = 7; byte >= 0x80; shift += 7) {
      byte = bytes[at++]!;
      packed += (byte & 0x7f) * 2 ** shift;
    }
    let headingTf = 0;
    if (packed % 2 === 1) {
      byte = bytes[at++]!;
      headingTf = byte & 0x7f;
      for (let shift = 7; byte >= 0x80; shift += 7) {
        byte = bytes[at++]!;
        headingTf += (byte & 0x7f) * 2 ** shift;
      }
    }
    doc += delta;
    if (at > end || doc >= docLimit || count >= docs.length || (count > 0 && delta === 0)) {
      throw new KeywordIndexError('The keyword index is damaged (postings out of range); it will be rebuilt.');
    }
    const bodyTf = Math.floor(packed / 2);
    docs[count] = doc;
    bodyTfs[count] = bodyTf;
    headingTfs[count] = headingTf;
    count++;
    if (removed?.[doc]) continue;
    if (bodyTf > 0) bodyDf++;
    if (headingTf > 0) headingDf++;
  }
  out.bodyDf = bodyDf;
  out.headingDf = headingDf;
  return count;
}
