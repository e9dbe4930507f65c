/**
 * The on-disk format of the vector index: two files written one after the other.
 *
 * `vectors.bin`: a 32-byte header, one little-endian Float32 row per chunk, then the ids of the rows.
 *
 * | offset | size | field                                                                  |
 * |--------|------|------------------------------------------------------------------------|
 * | 0      | 4    | magic `VWVS`                                                           |
 * | 4      | 4    | format version (u32)                                                   |
 * | 8      | 4    | dim (u32)                                                              |
 * | 12     | 4    | count (u32)                                                            |
 * | 16     | 4    | how the ids are stored: 1 = packed hashes (7 bytes each), 2 = UTF-8 JSON |
 * | 20     | 4    | bytes of the ids                                                       |
 * | 24     | 4    | MurmurHash3 of everything after the header (rows and ids)              |
 * | 28     | 4    | reserved, zero                                                         |
 * | 32     |      | rows (count × dim × 4 bytes), then the ids                              |
 *
 * The ids are chunk-text hashes, which pack into 7 bytes (see `packedHashes.ts`); any other ids are
 * kept as a JSON array. They come after the rows so the rows stay 4-byte aligned for a zero-copy view.
 *
 * `vectors.json`, the small metadata sidecar: `{format, dim, count, fingerprint, checksum}`, where
 * `checksum` is the same hash as in the header. A pair torn apart by a crash between the two writes, a
 * truncated file or random bytes are all detected and reported as an {@link IndexFormatError}, never
 * loaded as a mix.
 *
 * Because both files name the hash, a torn pair is seen without reading the rows. Hashing 30 MB of rows
 * (about 15 ms) can therefore wait until the index is usable: `deferRowCheck` returns a `verifyRows`
 * to call later (the index does, before its next update), which reports damage inside the rows.
 */
import { checksumLabel, murmur3 } from '../util/checksum';
import { canPackHashes, packHashes, PACKED_HASH_BYTES, unpackHashes } from './packedHashes';
import { VectorStore } from './vectorStore';

/** Name of the binary file in the index folder. */
export const VECTORS_FILE = 'vectors.bin';
/** Name of the metadata sidecar in the index folder. */
export const VECTORS_META_FILE = 'vectors.json';
/** Version of this layout; bump it when the layout changes so old files are rebuilt, not misread. */
export const VECTOR_FORMAT_VERSION = 3;

const IDS_PACKED = 1;
const IDS_JSON = 2;

const MAGIC = [0x56, 0x57, 0x56, 0x53]; // "VWVS"
const HEADER_BYTES = 32;
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Why stored vectors could not be used. Every reason means: rebuild the vector index. */
export type IndexFormatReason = 'corrupt' | 'foreign' | 'version' | 'model-changed';

/** The stored vector index cannot be used; the message says why in plain words. */
export class IndexFormatError extends Error {
  override readonly name = 'IndexFormatError';
  constructor(
    readonly reason: IndexFormatReason,
    message: string,
  ) {
    super(message);
  }
}

/** What `vectors.json` holds. */
export interface VectorMeta {
  format: number;
  dim: number;
  count: number;
  /** The embedder's fingerprint: vectors from another model or settings are not comparable. */
  fingerprint: string;
  /** Hash of `vectors.bin` after its header, as in the header, e.g. `murmur3:0e26c5af`. */
  checksum: string;
}

/** The two encoded files, ready to be written (binary first, sidecar last). */
export interface EncodedVectorFiles {
  vectors: Uint8Array;
  meta: Uint8Array;
}

/** Encodes the store's live rows (gaps from deletions are left out) with the embedder's fingerprint. */
export function encodeVectorFiles(store: VectorStore, fingerprint: string): EncodedVectorFiles {
  const ids = store.ids();
  const rows = store.packedRows();
  const packed = canPackHashes(ids);
  const idBytes = packed ? packHashes(ids) : new TextEncoder().encode(JSON.stringify(ids));
  const rowsAt = HEADER_BYTES;
  const idsAt = rowsAt + rows.length * 4;
  const vectors = new Uint8Array(idsAt + idBytes.length);
  const header = new DataView(vectors.buffer);
  vectors.set(MAGIC, 0);
  header.setUint32(4, VECTOR_FORMAT_VERSION, true);
  header.setUint32(8, store.dim, true);
  header.setUint32(12, ids.length, true);
  header.setUint32(16, packed ? IDS_PACKED : IDS_JSON, true);
  header.setUint32(20, idBytes.length, true);
  if (LITTLE_ENDIAN) {
    vectors.set(new Uint8Array(rows.buffer, rows.byteOffset, rows.byteLength), rowsAt);
  } else {
    for (let i = 0; i < rows.length; i++) header.setFloat32(rowsAt + i * 4, rows[i]!, true);
  }
  vectors.set(idBytes, idsAt);
  const body = murmur3(vectors.subarray(HEADER_BYTES));
  header.setUint32(24, body, true);
  const meta = { format: VECTOR_FORMAT_VERSION, dim: store.dim, count: ids.length, fingerprint, checksum: checksumLabel(body) };
  return { vectors, meta: new TextEncoder().encode(JSON.stringify(meta)) };
}

/**
 * Decodes a pair written by {@link encodeVectorFiles}. With `expected`, also checks that the vectors
 * came from the current embedder (fingerprint) and have its vector size (dim).
 *
 * When `vectors` spans its whole ArrayBuffer, as the result of a file read does, the store uses that
 * memory directly instead of copying it: do not change or reuse those bytes afterwards.
 * @throws IndexFormatError for anything that cannot be trusted; the caller rebuilds the index.
 */
export function decodeVectorFiles(
  vectors: Uint8Array,
  meta: Uint8Array,
  expected?: { fingerprint?: string; dim?: number },
): VectorStore {
  return decodeVectorFilesWithMeta(vectors, meta, expected).store;
}

/**
 * As {@link decodeVectorFiles}, also returning the sidecar (its checksum names this exact file). With
 * `deferRowCheck`, the rows and ids are not hashed now: call the returned `verifyRows` later; it throws
 * the same `IndexFormatError` the eager check would have.
 */
export function decodeVectorFilesWithMeta(
  vectors: Uint8Array,
  meta: Uint8Array,
  expected?: { fingerprint?: string; dim?: number },
  options: { deferRowCheck?: boolean } = {},
): { store: VectorStore; meta: VectorMeta; verifyRows: () => void } {
  const info = parseMeta(meta);
  const { dim, count, idEncoding, idsAt, bodyHash } = checkHeader(vectors, info);
  if (checksumLabel(bodyHash) !== info.checksum) {
    throw corrupt('does not match its metadata (checksum differs)');
  }
  const verifyRows = (): void => {
    if (murmur3(vectors.subarray(HEADER_BYTES)) !== bodyHash) throw corrupt('is damaged (checksum differs)');
  };
  if (!options.deferRowCheck) verifyRows();
  const ids = readIds(vectors.subarray(idsAt), idEncoding, count);
  if (expected?.fingerprint !== undefined && expected.fingerprint !== info.fingerprint) {
    throw new IndexFormatError(
      'model-changed',
      'The vector index was made with a different embedding model or settings; it will be rebuilt.',
    );
  }
  if (expected?.dim !== undefined && expected.dim !== dim) {
    throw new IndexFormatError(
      'model-changed',
      `The vector index holds vectors of ${dim} dimensions, but the embedding model makes ${expected.dim}; it will be rebuilt.`,
    );
  }
  return { store: VectorStore.fromTrustedRows(dim, ids, readRows(vectors, count * dim)), meta: info, verifyRows };
}

function corrupt(what: string): IndexFormatError {
  return new IndexFormatError('corrupt', `The vector index ${what}; it will be rebuilt.`);
}

function parseMeta(bytes: Uint8Array): VectorMeta {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new IndexFormatError('corrupt', 'The vector index metadata is damaged (not valid JSON); it will be rebuilt.');
  }
  if (typeof value !== 'object' || value === null || !('format' in value)) {
    throw new IndexFormatError('foreign', 'The vector index metadata is not a Visiewijzer file; it will be rebuilt.');
  }
  const m = value as Record<string, unknown>;
  if (m.format !== VECTOR_FORMAT_VERSION) {
    throw new IndexFormatError(
      'version',
      `The vector index uses format ${String(m.format)}, this version reads format ${VECTOR_FORMAT_VERSION}; it will be rebuilt.`,
    );
  }
  const wellFormed =
    isCount(m.dim) &&
    m.dim > 0 &&
    isCount(m.count) &&
    typeof m.fingerprint === 'string' &&
    typeof m.checksum === 'string';
  if (!wellFormed) throw corrupt('metadata is incomplete or inconsistent');
  return m as unknown as VectorMeta;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 0xffffffff;
}

function checkHeader(vectors: Uint8Array, info: VectorMeta): { dim: number; count: number; idEncoding: number; idsAt: number; bodyHash: number } {
  const magicSeen = MAGIC.every((byte, i) => i >= vectors.length || vectors[i] === byte);
  if (!magicSeen) {
    throw new IndexFormatError('foreign', 'The vector index file is not a Visiewijzer vector file; it will be rebuilt.');
  }
  if (vectors.length < HEADER_BYTES) throw corrupt('file is incomplete (cut off)');
  const header = new DataView(vectors.buffer, vectors.byteOffset, HEADER_BYTES);
  const version = header.getUint32(4, true);
  if (version !== VECTOR_FORMAT_VERSION) {
    throw new IndexFormatError(
      'version',
      `The vector index file uses format ${version}, this version reads format ${VECTOR_FORMAT_VERSION}; it will be rebuilt.`,
    );
  }
  const dim = header.getUint32(8, true);
  const count = header.getUint32(12, true);
  const idEncoding = header.getUint32(16, true);
  const idBytes = header.getUint32(20, true);
  const bodyHash = header.getUint32(24, true);
  if (header.getUint32(28, true) !== 0) throw corrupt('has a damaged header');
  if (dim !== info.dim || count !== info.count) {
    throw corrupt('does not match its metadata (different size)');
  }
  const idsAt = HEADER_BYTES + dim * count * 4;
  if (vectors.length !== idsAt + idBytes) {
    throw corrupt(vectors.length < idsAt + idBytes ? 'file is incomplete (cut off)' : 'file has extra data');
  }
  if ((idEncoding !== IDS_PACKED && idEncoding !== IDS_JSON) || (idEncoding === IDS_PACKED && idBytes !== PACKED_HASH_BYTES * count)) {
    throw corrupt('has an unreadable list of chunks');
  }
  return { dim, count, idEncoding, idsAt, bodyHash };
}

function readIds(bytes: Uint8Array, encoding: number, count: number): string[] {
  if (encoding === IDS_PACKED) return unpackHashes(bytes);
  let ids: unknown;
  try {
    ids = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw corrupt('has an unreadable list of chunks');
  }
  if (!isStringList(ids) || ids.length !== count) throw corrupt('has an unreadable list of chunks');
  return ids;
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((id) => typeof id === 'string');
}

/**
 * The rows as a Float32Array for the store. Bytes that fill their whole buffer (a file just read) are
 * used in place, saving a 30 MB copy at 20,000 chunks; a slice of a larger buffer (possibly shared,
 * like Node's small-Buffer pool, or not 4-byte aligned) is copied once. Never a loop over rows.
 */
function readRows(vectors: Uint8Array, length: number): Float32Array {
  const start = vectors.byteOffset + HEADER_BYTES;
  const ownsBuffer = vectors.byteOffset === 0 && vectors.byteLength === vectors.buffer.byteLength;
  if (LITTLE_ENDIAN && ownsBuffer && vectors.buffer instanceof ArrayBuffer) {
    return new Float32Array(vectors.buffer, start, length);
  }
  const rows = new Float32Array(length);
  if (!LITTLE_ENDIAN) {
    const view = new DataView(vectors.buffer, start, length * 4);
    for (let i = 0; i < length; i++) rows[i] = view.getFloat32(i * 4, true);
  } else {
    new Uint8Array(rows.buffer).set(vectors.subarray(HEADER_BYTES, HEADER_BYTES + length * 4));
  }
  return rows;
}
