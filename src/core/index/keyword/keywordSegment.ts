import { murmur3 } from '../../util/checksum';
import { ByteWriter } from '../byteWriter';
import { readVarints } from '../varints';
import { decodePostings, encodePostings, type PostingsBuffers } from './postingsCodec';
import { KeywordIndexError } from './keywordIndexError';

/**
 * The immutable on-disk base of the keyword index. Layout, little-endian, every section 4-byte aligned:
 *
 * | bytes | content |
 * |---|---|
 * | 0-3 | magic `VWKW` |
 * | 4-7 | format version (2) |
 * | 8-15 | base id: 64-bit hash of the body (sections below), two u32 |
 * | 16-43 | u32 each: docs, terms, postings, id bytes, term bytes, postings bytes, total file length |
 * | 44-47 | u32: bytes of the document lengths |
 * | 48- | term offsets (u32 × (terms + 1)); document lengths (body, heading: varints per document) |
 * |  | doc ids, front-coded (see below); the terms, sorted, `\n`-separated |
 * |  | postings (see `postingsCodec.ts`); last 4 bytes: murmur3 of everything before them |
 *
 * Ids are front-coded, because consecutive chunks of a note share all but the end of their id
 * (`Beleid/Pesten.md#3`, `…#4`): per document a varint with the length of the prefix it shares with the
 * previous id and one with the length of the rest (both in UTF-16 code units), then all the rests as one
 * UTF-8 blob. That is 4-7 bytes per chunk instead of 30.
 *
 * Loading checks the checksum and then takes views: ids, terms and lengths are decoded in one pass each;
 * postings are decoded per query term at search time.
 */

const MAGIC = 0x574b5756; // 'VWKW' read as a little-endian u32
const VERSION = 2;
const HEADER_BYTES = 48;
const TERM_SEPARATOR = '\n';
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function damaged(detail: string): KeywordIndexError {
  return new KeywordIndexError(`The keyword index file is unusable (${detail}); it will be rebuilt.`);
}

function padded(bytes: number): number {
  return (bytes + 3) & ~3;
}

/** Collects one segment's terms (in ascending order) and postings, then writes the file. */
export class SegmentWriter {
  private readonly terms: string[] = [];
  private readonly offsets: number[] = [0];
  private readonly postings = new ByteWriter(1 << 16);
  private postingCount = 0;

  /** Adds a term with its first `count` postings; terms must come in ascending order, documents ascending. */
  addTerm(term: string, postings: PostingsBuffers, count: number): void {
    encodePostings(this.postings, postings, count);
    this.terms.push(term);
    this.offsets.push(this.postings.length);
    this.postingCount += count;
  }

  /** The finished file for documents `ids` (numbered by position) with their body and heading lengths. */
  finish(ids: readonly string[], bodyLengths: ArrayLike<number>, headingLengths: ArrayLike<number>): Uint8Array {
    const encoder = new TextEncoder();
    const idBytes = encodeIds(ids);
    const termBytes = encoder.encode(this.terms.join(TERM_SEPARATOR));
    const postingBytes = this.postings.result();
    const docCount = ids.length;
    const lengths = new ByteWriter(2 * docCount + 4);
    for (let d = 0; d < docCount; d++) {
      lengths.varint(bodyLengths[d]!);
      lengths.varint(headingLengths[d]!);
    }
    const lengthBytes = lengths.result();
    const total = HEADER_BYTES + 4 * this.offsets.length + padded(lengthBytes.length) + padded(idBytes.length) + padded(termBytes.length) + padded(postingBytes.length) + 4;

    const out = new ByteWriter(total);
    for (let i = 0; i < HEADER_BYTES; i += 4) out.u32(0);
    for (const offset of this.offsets) out.u32(offset);
    out.bytes(lengthBytes);
    out.align4();
    out.bytes(idBytes);
    out.align4();
    out.bytes(termBytes);
    out.align4();
    out.bytes(postingBytes);
    out.align4();
    out.u32(0);
    const file = out.result();

    const view = new DataView(file.buffer, file.byteOffset, file.length);
    const body = file.subarray(HEADER_BYTES, total - 4);
    const header = [MAGIC, VERSION, murmur3(body, 0x9e3779b9), murmur3(body, 0x7f4a7c15), docCount, this.terms.length, this.postingCount, idBytes.length, termBytes.length, postingBytes.length, total, lengthBytes.length];
    header.forEach((value, i) => view.setUint32(4 * i, value, true));
    view.setUint32(total - 4, murmur3(file.subarray(0, total - 4)), true);
    return file;
  }
}

/** Front-codes `ids`: shared-prefix and rest lengths as varints, then the rests as one UTF-8 blob. */
function encodeIds(ids: readonly string[]): Uint8Array {
  const lengths = new ByteWriter(3 * ids.length + 8);
  const rests: string[] = [];
  let previous = '';
  for (const id of ids) {
    let shared = 0;
    const limit = Math.min(previous.length, id.length);
    while (shared < limit && previous.charCodeAt(shared) === id.charCodeAt(shared)) shared++;
    // Never split a surrogate pair: the rest must be valid UTF-16 on its own to survive UTF-8.
    if (shared > 0 && shared < id.length && isLowSurrogate(id.charCodeAt(shared))) shared--;
    lengths.varint(shared);
    lengths.varint(id.length - shared);
    rests.push(id.slice(shared));
    previous = id;
  }
  const blob = new TextEncoder().encode(rests.join(''));
  const out = new ByteWriter(lengths.length + blob.length + 4);
  out.u32(lengths.length);
  out.bytes(lengths.result());
  out.bytes(blob);
  return out.result();
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Reverses `encodeIds`; null when the section does not add up (a damaged file). */
function decodeIds(bytes: Uint8Array, count: number): string[] | null {
  if (bytes.length < 4) return null;
  const lengthBytes = bytes[0]! | (bytes[1]! << 8) | (bytes[2]! << 16) | (bytes[3]! << 24);
  if (lengthBytes < 0 || 4 + lengthBytes > bytes.length) return null;
  const numbers = readAllVarints(bytes.subarray(4, 4 + lengthBytes), 2 * count);
  if (!numbers) return null;
  const rests = new TextDecoder().decode(bytes.subarray(4 + lengthBytes));
  const ids = new Array<string>(count);
  let previous = '';
  let at = 0;
  for (let d = 0; d < count; d++) {
    const shared = numbers[2 * d]!;
    const rest = numbers[2 * d + 1]!;
    if (shared > previous.length || at + rest > rests.length) return null;
    previous = previous.slice(0, shared) + rests.slice(at, at + rest);
    at += rest;
    ids[d] = previous;
  }
  return at === rests.length ? ids : null;
}

/** `count` varints filling `bytes` exactly, or null. */
function readAllVarints(bytes: Uint8Array, count: number): Uint32Array | null {
  const read = readVarints(bytes, 0, count);
  return read && read.end === bytes.length ? read.values : null;
}

/** A decoded base segment: documents numbered 0..docCount-1, terms sorted, postings still encoded. */
export class KeywordSegment {
  private constructor(
    /** 16 hex digits; a delta names the base it applies to. Equal content gives an equal id. */
    readonly baseId: string,
    readonly ids: readonly string[],
    /** Terms in each document's body. */
    readonly bodyLengths: Uint32Array,
    /** Terms in each document's heading. */
    readonly headingLengths: Uint32Array,
    readonly terms: readonly string[],
    private readonly offsets: Uint32Array,
    private readonly postings: Uint8Array,
    /** Number of (term, doc) pairs. */
    readonly postingCount: number,
  ) {}

  /** An empty base, for an index that was never saved. */
  static empty(): KeywordSegment {
    return new KeywordSegment('0000000000000000', [], new Uint32Array(0), new Uint32Array(0), [], new Uint32Array(1), new Uint8Array(0), 0);
  }

  get docCount(): number {
    return this.ids.length;
  }

  /** Opens a file written by `SegmentWriter`; throws `KeywordIndexError` on anything else. */
  static decode(input: Uint8Array): KeywordSegment {
    if (input.length < HEADER_BYTES + 8) throw damaged('too short to be a keyword index');
    // Typed-array views need 4-byte alignment; a file read into a shared Node buffer may not have it.
    const bytes = LITTLE_ENDIAN && (input.byteOffset & 3) === 0 ? input : input.slice();
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
    const word = (i: number): number => view.getUint32(4 * i, true);
    if (word(0) !== MAGIC) throw damaged('not a Visiewijzer keyword index');
    if (word(1) !== VERSION) throw damaged(`format version ${word(1)}, expected ${VERSION}`);
    const [docCount, termCount, postingCount, idBytes, termBytes, postingBytes, total, lengthBytes] = [4, 5, 6, 7, 8, 9, 10, 11].map(word) as [number, number, number, number, number, number, number, number];
    if (total !== bytes.length) throw damaged(`length ${bytes.length}, expected ${total}: truncated or extended`);
    const offsetsAt = HEADER_BYTES;
    const lengthsAt = offsetsAt + 4 * (termCount + 1);
    const idsAt = lengthsAt + padded(lengthBytes);
    const termsAt = idsAt + padded(idBytes);
    const postingsAt = termsAt + padded(termBytes);
    if (postingsAt + padded(postingBytes) + 4 !== total) throw damaged('section sizes do not add up');
    if (murmur3(bytes.subarray(0, total - 4)) !== view.getUint32(total - 4, true)) throw damaged('checksum mismatch');

    const offsets = LITTLE_ENDIAN ? new Uint32Array(bytes.buffer, bytes.byteOffset + offsetsAt, termCount + 1) : readWords(view, offsetsAt, termCount + 1);
    const lengths = readAllVarints(bytes.subarray(lengthsAt, lengthsAt + lengthBytes), 2 * docCount);
    if (!lengths) throw damaged('document lengths do not add up');
    const bodyLengths = new Uint32Array(docCount);
    const headingLengths = new Uint32Array(docCount);
    for (let d = 0; d < docCount; d++) {
      bodyLengths[d] = lengths[2 * d]!;
      headingLengths[d] = lengths[2 * d + 1]!;
    }
    const ids = decodeIds(bytes.subarray(idsAt, idsAt + idBytes), docCount);
    const terms = termCount === 0 ? [] : new TextDecoder().decode(bytes.subarray(termsAt, termsAt + termBytes)).split(TERM_SEPARATOR);
    if (!ids || terms.length !== termCount) throw damaged('id or term count does not match');
    if (offsets[0] !== 0 || offsets[termCount] !== postingBytes) throw damaged('postings offsets out of range');
    for (let t = 0; t < termCount; t++) if (offsets[t]! > offsets[t + 1]!) throw damaged('postings offsets out of order');
    const baseId = word(3).toString(16).padStart(8, '0') + word(2).toString(16).padStart(8, '0');
    return new KeywordSegment(baseId, ids, bodyLengths, headingLengths, terms, offsets, bytes.subarray(postingsAt, postingsAt + postingBytes), postingCount);
  }

  /** Position of `term` in `terms`, or -1. */
  findTerm(term: string): number {
    const at = this.lowerBound(term);
    return this.terms[at] === term ? at : -1;
  }

  /** Positions [from, to) of the terms that start with `prefix`. */
  prefixRange(prefix: string): [number, number] {
    const from = this.lowerBound(prefix);
    let to = from;
    while (to < this.terms.length && this.terms[to]!.startsWith(prefix)) to++;
    return [from, to];
  }

  /**
   * Decodes the postings of term number `t` into `out` (room for `docCount`) and returns how many;
   * `out.bodyDf`/`out.headingDf` count those of documents not marked in `removed`.
   */
  postingsOf(t: number, out: PostingsBuffers, removed?: Uint8Array): number {
    return decodePostings(this.postings, this.offsets[t]!, this.offsets[t + 1]!, this.docCount, out, removed);
  }

  private lowerBound(term: string): number {
    let lo = 0;
    let hi = this.terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.terms[mid]! < term) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

function readWords(view: DataView, at: number, count: number): Uint32Array {
  const words = new Uint32Array(count);
  for (let i = 0; i < count; i++) words[i] = view.getUint32(at + 4 * i, true);
  return words;
}
