import { seededRandom as random } from '../../src/core/util/seededRandom';
import { describe, expect, it } from 'vitest';
import {
  decodeVectorFiles,
  decodeVectorFilesWithMeta,
  encodeVectorFiles,
  IndexFormatError,
  VECTOR_FORMAT_VERSION,
  type IndexFormatReason,
} from '../../src/core/index/vectorFile';
import { VectorStore } from '../../src/core/index/vectorStore';
import { checksumLabel, murmur3 } from '../../src/core/util/checksum';
import { hashText } from '../../src/core/util/hash';

const FINGERPRINT = 'Xenova/multilingual-e5-small|q8|mean|norm';
const text = new TextEncoder();


function randomStore(count: number, dim: number, seed: number): VectorStore {
  const next = random(seed);
  const store = new VectorStore(dim);
  for (let i = 0; i < count; i++) {
    store.set(`note-${i}#${i % 7}`, Array.from({ length: dim }, () => next() * 2 - 1));
  }
  return store;
}

function metaOf(bytes: Uint8Array): Record<string, unknown> {
  return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
}

function withMeta(bytes: Uint8Array, change: (meta: Record<string, unknown>) => void): Uint8Array {
  const meta = metaOf(bytes);
  change(meta);
  return text.encode(JSON.stringify(meta));
}

/** The reason of the IndexFormatError that decoding throws; fails the test on success or any other error. */
function failureReason(run: () => unknown): IndexFormatReason {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(IndexFormatError);
    expect((error as Error).message).toMatch(/^The vector index .*; it will be rebuilt\.$/);
    return (error as IndexFormatError).reason;
  }
  throw new Error('decoding succeeded, but it should have been refused');
}

/** MurmurHash3 x86_32 written as plainly as possible, byte by byte, to check the fast one against. */
function referenceMurmur3(bytes: Uint8Array, seed: number): number {
  const rotl = (x: number, r: number) => (x << r) | (x >>> (32 - r));
  const scramble = (k: number) => Math.imul(rotl(Math.imul(k, 0xcc9e2d51), 15), 0x1b873593);
  let h = seed;
  const whole = bytes.length - (bytes.length % 4);
  for (let i = 0; i < whole; i += 4) {
    h ^= scramble(bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24));
    h = (Math.imul(rotl(h, 13), 5) + 0xe6546b64) | 0;
  }
  let k = 0;
  for (let i = bytes.length - 1; i >= whole; i--) k = (k << 8) | bytes[i]!;
  if (bytes.length > whole) h ^= scramble(k);
  h ^= bytes.length;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

describe('murmur3 checksum', () => {
  it('matches the reference implementation', () => {
    expect(murmur3(new Uint8Array(0))).toBe(0);
    expect(murmur3(new Uint8Array(0), 1)).toBe(0x514e28b7);
    expect(murmur3(text.encode('The quick brown fox jumps over the lazy dog'))).toBe(0x2e4ff723);
    expect(murmur3(text.encode('Hello, world!'), 1234)).toBe(0xfaf6cdb3);
    // One, two and three bytes after the last whole word.
    expect(murmur3(text.encode('a'), 0x9747b28c)).toBe(0x7fa09ea6);
    expect(murmur3(text.encode('ab'), 0x9747b28c)).toBe(0x74875592);
    expect(murmur3(text.encode('abc'), 0x9747b28c)).toBe(0xc84a62dd);
    expect(murmur3(text.encode('aaaa'), 0x9747b28c)).toBe(0x5a97808a);
  });

  it('hashes inputs longer than one internal block like a plain one-loop implementation', () => {
    const next = random(13);
    const bytes = Uint8Array.from({ length: 200_003 }, () => Math.floor(next() * 256));
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    const expected = referenceMurmur3(bytes, 99);
    expect(murmur3(bytes, 99)).toBe(expected);
    expect(murmur3(shifted.subarray(1), 99)).toBe(expected);
  });

  it('gives the same answer for bytes that are not 4-byte aligned', () => {
    const bytes = text.encode('Eigenaarschap: leerlingen plannen zelf hun werk.');
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    expect(murmur3(shifted.subarray(1))).toBe(murmur3(bytes));
  });
});

describe('vector files', () => {
  it('round-trips ids, vectors and search results', () => {
    const store = randomStore(300, 32, 1);
    const { vectors, meta } = encodeVectorFiles(store, FINGERPRINT);
    const loaded = decodeVectorFiles(vectors, meta, { fingerprint: FINGERPRINT, dim: 32 });
    expect(loaded.dim).toBe(32);
    expect(loaded.ids()).toEqual(store.ids());
    for (const id of store.ids()) expect(Array.from(loaded.get(id)!)).toEqual(Array.from(store.get(id)!));
    const query = store.get('note-5#5')!;
    expect(loaded.search(query, 10)).toEqual(store.search(query, 10));
  });

  it('lays out a small header and little-endian rows, with the sidecar describing them', () => {
    const store = new VectorStore(2);
    store.set('a', [1, 0]);
    store.set('b', [0, 1]);
    const { vectors, meta } = encodeVectorFiles(store, FINGERPRINT);
    expect(new TextDecoder().decode(vectors.subarray(0, 4))).toBe('VWVS');
    const view = new DataView(vectors.buffer, vectors.byteOffset, vectors.byteLength);
    expect(view.getUint32(4, true)).toBe(VECTOR_FORMAT_VERSION);
    expect(view.getUint32(8, true)).toBe(2);
    expect(view.getUint32(12, true)).toBe(2);
    expect([0, 1, 2, 3].map((i) => view.getFloat32(32 + i * 4, true))).toEqual([1, 0, 0, 1]);
    // Ids that are not chunk hashes follow the rows as JSON (encoding 2).
    expect(view.getUint32(16, true)).toBe(2);
    expect(new TextDecoder().decode(vectors.subarray(32 + 16))).toBe('["a","b"]');
    expect(vectors.length).toBe(32 + 2 * 2 * 4 + 9);
    const { checksum, ...rest } = metaOf(meta);
    expect(checksum).toMatch(/^murmur3:[0-9a-f]{8}$/);
    expect(rest).toEqual({ format: VECTOR_FORMAT_VERSION, dim: 2, count: 2, fingerprint: FINGERPRINT });
  });

  it('stores chunk hashes as ids in 7 bytes each', () => {
    const store = new VectorStore(2);
    const hashes = [hashText('Eigenaarschap'), hashText('Samenwerken'), '00000000000000', '1fffffffffffff'];
    hashes.forEach((hash, i) => store.set(hash, [1, i]));
    const { vectors, meta } = encodeVectorFiles(store, FINGERPRINT);
    expect(new DataView(vectors.buffer).getUint32(16, true)).toBe(1);
    expect(vectors.length).toBe(32 + 4 * 2 * 4 + 4 * 7);
    expect(decodeVectorFiles(vectors, meta).ids()).toEqual(hashes);
  });

  it('leaves deleted rows out of the file', () => {
    const store = randomStore(10, 8, 2);
    const full = encodeVectorFiles(store, FINGERPRINT);
    store.delete('note-3#3');
    store.delete('note-7#0');
    const { vectors, meta } = encodeVectorFiles(store, FINGERPRINT);
    expect(new DataView(vectors.buffer).getUint32(12, true)).toBe(8);
    expect(vectors.length).toBeLessThan(full.vectors.length - 2 * 8 * 4);
    const loaded = decodeVectorFiles(vectors, meta);
    expect(loaded.size).toBe(8);
    expect(loaded.has('note-3#3')).toBe(false);
    expect(Array.from(loaded.get('note-9#2')!)).toEqual(Array.from(store.get('note-9#2')!));
  });

  it('decodes bytes that do not start on a 4-byte boundary', () => {
    const store = randomStore(20, 16, 3);
    const { vectors, meta } = encodeVectorFiles(store, FINGERPRINT);
    const shifted = new Uint8Array(vectors.length + 3);
    shifted.set(vectors, 3);
    const loaded = decodeVectorFiles(shifted.subarray(3), meta);
    expect(Array.from(loaded.get('note-4#4')!)).toEqual(Array.from(store.get('note-4#4')!));
  });

  it('keeps loaded vectors intact while the loaded store is changed and grows', () => {
    const store = randomStore(100, 4, 4);
    const { vectors, meta } = encodeVectorFiles(store, FINGERPRINT);
    const loaded = decodeVectorFiles(vectors, meta);
    loaded.set('note-0#0', [1, 0, 0, 0]);
    loaded.delete('note-1#1');
    for (let i = 0; i < 300; i++) loaded.set(`new-${i}`, [0, 1, 0, i]);
    expect(loaded.size).toBe(399);
    expect(Array.from(loaded.get('note-0#0')!)).toEqual([1, 0, 0, 0]);
    for (const id of store.ids().slice(2)) expect(Array.from(loaded.get(id)!)).toEqual(Array.from(store.get(id)!));
    // Loaded rows and rows added since live in two buffers; search, saving and compaction see them as one.
    const same = new VectorStore(4);
    for (const id of loaded.ids()) same.set(id, loaded.get(id)!);
    for (const query of [[1, 0, 0, 0], [0, 1, 0, 5], [0.3, -0.2, 0.9, 0.1]]) expect(loaded.search(query, 25)).toEqual(same.search(query, 25));
    const files = encodeVectorFiles(loaded, FINGERPRINT);
    const reloaded = decodeVectorFiles(files.vectors, files.meta);
    expect(reloaded.ids()).toEqual(loaded.ids());
    loaded.compact();
    expect(loaded.search([0, 1, 0, 5], 25)).toEqual(same.search([0, 1, 0, 5], 25));
    expect(Array.from(loaded.get('new-299')!)).toEqual(Array.from(same.get('new-299')!));
  });

  it('does not let a store loaded from part of a shared buffer write into the rest of it', () => {
    const store = randomStore(3, 4, 12);
    const { vectors, meta } = encodeVectorFiles(store, FINGERPRINT);
    const shared = new Uint8Array(vectors.length + 64);
    shared.set(vectors, 0);
    const before = shared.slice();
    decodeVectorFiles(shared.subarray(0, vectors.length), meta).set('note-2#2', [0, 0, 0, 1]);
    expect(shared).toEqual(before);
  });

  it('round-trips an empty store', () => {
    const { vectors, meta } = encodeVectorFiles(new VectorStore(384), FINGERPRINT);
    const loaded = decodeVectorFiles(vectors, meta, { dim: 384 });
    expect(loaded.size).toBe(0);
    expect(loaded.dim).toBe(384);
  });

  it('detects a file cut off by a crash', () => {
    const { vectors, meta } = encodeVectorFiles(randomStore(50, 16, 5), FINGERPRINT);
    for (const length of [0, 3, 10, 32, vectors.length - 4, vectors.length - 1]) {
      expect(failureReason(() => decodeVectorFiles(vectors.subarray(0, length), meta))).toBe('corrupt');
    }
    expect(failureReason(() => decodeVectorFiles(vectors, meta.subarray(0, meta.length - 5)))).toBe('corrupt');
  });

  it('refuses a pair from two different saves instead of mixing them', () => {
    const store = randomStore(50, 16, 6);
    const older = encodeVectorFiles(store, FINGERPRINT);
    store.set('note-10#3', Array.from({ length: 16 }, (_, i) => i + 1));
    const newer = encodeVectorFiles(store, FINGERPRINT);
    expect(failureReason(() => decodeVectorFiles(newer.vectors, older.meta))).toBe('corrupt');
    expect(failureReason(() => decodeVectorFiles(older.vectors, newer.meta))).toBe('corrupt');

    store.set('note-50#1', Array.from({ length: 16 }, (_, i) => 16 - i));
    const grown = encodeVectorFiles(store, FINGERPRINT);
    expect(failureReason(() => decodeVectorFiles(grown.vectors, older.meta))).toBe('corrupt');
  });

  it('notices an edited list of ids, and keeps one vector for a chunk a list names twice', () => {
    const store = new VectorStore(4);
    for (let i = 0; i < 5; i++) store.set(hashText(`passage ${i}`), [1, i, 0, 0]);
    const { vectors, meta } = encodeVectorFiles(store, FINGERPRINT);
    const idsAt = 32 + 5 * 4 * 4;
    const swapped = vectors.slice();
    swapped.set(vectors.subarray(idsAt, idsAt + 7), idsAt + 7);
    swapped.set(vectors.subarray(idsAt + 7, idsAt + 14), idsAt);
    expect(failureReason(() => decodeVectorFiles(swapped, meta))).toBe('corrupt');
    // With a matching checksum (written by another tool, say) a twice-named chunk keeps its last row.
    const twice = vectors.slice().copyWithin(idsAt + 7, idsAt, idsAt + 7);
    const hash = murmur3(twice.subarray(32));
    new DataView(twice.buffer).setUint32(24, hash, true);
    const loaded = decodeVectorFiles(twice, withMeta(meta, (m) => (m.checksum = checksumLabel(hash))));
    const first = store.ids()[0]!;
    expect(loaded.has(store.ids()[1]!)).toBe(false);
    expect(Array.from(loaded.get(first)!)).toEqual(Array.from(store.get(store.ids()[1]!)!));
    expect(loaded.size).toBe(4);
    expect(loaded.ids()).toHaveLength(4);
  });

  it('tells foreign files, other versions and other models apart', () => {
    const { vectors, meta } = encodeVectorFiles(randomStore(5, 8, 8), FINGERPRINT);

    const wrongMagic = vectors.slice();
    wrongMagic.set(text.encode('VWVX'), 0);
    expect(failureReason(() => decodeVectorFiles(wrongMagic, meta))).toBe('foreign');
    const vectraIndex = text.encode('{"version":1,"metadata_config":{},"items":[]}');
    expect(failureReason(() => decodeVectorFiles(vectors, vectraIndex))).toBe('foreign');

    const newerFile = vectors.slice();
    new DataView(newerFile.buffer).setUint32(4, VECTOR_FORMAT_VERSION + 1, true);
    expect(failureReason(() => decodeVectorFiles(newerFile, meta))).toBe('version');
    const oldMeta = withMeta(meta, (m) => {
      m.format = 0;
    });
    expect(failureReason(() => decodeVectorFiles(vectors, oldMeta))).toBe('version');

    expect(failureReason(() => decodeVectorFiles(vectors, meta, { fingerprint: 'other-model' }))).toBe(
      'model-changed',
    );
    expect(failureReason(() => decodeVectorFiles(vectors, meta, { dim: 384 }))).toBe('model-changed');
    expect(decodeVectorFiles(vectors, meta, { fingerprint: FINGERPRINT, dim: 8 }).size).toBe(5);
  });

  it('refuses random bytes and damaged metadata without crashing', () => {
    const next = random(9);
    const noise = Uint8Array.from({ length: 4096 }, () => Math.floor(next() * 256));
    const { vectors, meta } = encodeVectorFiles(randomStore(5, 8, 9), FINGERPRINT);
    expect(failureReason(() => decodeVectorFiles(noise, meta))).toBe('foreign');
    expect(failureReason(() => decodeVectorFiles(vectors, noise))).toBe('corrupt');
    expect(failureReason(() => decodeVectorFiles(vectors, text.encode('[]')))).toBe('foreign');
    for (const change of [
      (m: Record<string, unknown>) => delete m.checksum,
      (m: Record<string, unknown>) => (m.count = 4),
      (m: Record<string, unknown>) => (m.dim = -8),
      (m: Record<string, unknown>) => (m.checksum = 42),
    ]) {
      expect(failureReason(() => decodeVectorFiles(vectors, withMeta(meta, change)))).toBe('corrupt');
    }
  });

  it('can leave hashing the rows for later, and still refuses a torn pair at once', () => {
    const store = randomStore(40, 16, 11);
    const { vectors, meta } = encodeVectorFiles(store, FINGERPRINT);
    const damaged = vectors.slice();
    damaged[32 + 5 * 16 * 4 + 3]! ^= 0x40; // inside row 5
    const later = decodeVectorFilesWithMeta(damaged, meta, undefined, { deferRowCheck: true });
    expect(later.store.size).toBe(40);
    expect(failureReason(() => later.verifyRows())).toBe('corrupt');
    expect(() => decodeVectorFilesWithMeta(vectors, meta, undefined, { deferRowCheck: true }).verifyRows()).not.toThrow();

    // Same size, other vector: only the hashes the two files name tell them apart.
    store.set('note-10#3', Array.from({ length: 16 }, (_, i) => i + 1));
    const newer = encodeVectorFiles(store, FINGERPRINT);
    expect(newer.vectors.length).toBe(vectors.length);
    expect(failureReason(() => decodeVectorFilesWithMeta(newer.vectors, meta, undefined, { deferRowCheck: true }))).toBe('corrupt');
  });

  it('detects any single damaged byte in either file', () => {
    const next = random(10);
    const { vectors, meta } = encodeVectorFiles(randomStore(40, 16, 10), FINGERPRINT);
    const expected = { fingerprint: FINGERPRINT, dim: 16 };
    for (let trial = 0; trial < 300; trial++) {
      const damagedVectors = vectors.slice();
      const at = Math.floor(next() * vectors.length);
      damagedVectors[at] = damagedVectors[at]! ^ (1 + Math.floor(next() * 255));
      failureReason(() => decodeVectorFiles(damagedVectors, meta, expected));

      const damagedMeta = meta.slice();
      const metaAt = Math.floor(next() * meta.length);
      damagedMeta[metaAt] = damagedMeta[metaAt]! ^ (1 + Math.floor(next() * 255));
      failureReason(() => decodeVectorFiles(vectors, damagedMeta, expected));
    }
  });
});
