import type { ScoredId } from './types';
import { TopScored } from './topScored';

/** Rows allocated by a new, empty store; the buffer doubles from there. */
const INITIAL_CAPACITY = 64;

/**
 * Rows scored per call of `dotProducts`. Scoring in blocks through a small function lets V8 optimise
 * it after a few calls, so even the first search after loading runs at full speed.
 */
const SCORE_BLOCK_ROWS = 512;

/** How far a vector's length may be from 1 before it is rescaled; embedders round a little. */
const UNIT_TOLERANCE = 1e-4;

/**
 * Embedding vectors in memory, searched by brute-force cosine similarity.
 *
 * All rows live in one growable `Float32Array` (capacity doubles when full), so a search is a tight
 * loop over contiguous memory: about 10 ms for 20,000 vectors of 384 dimensions. Rows of deleted ids
 * are reused by later inserts; {@link VectorStore.compact} (and saving, see `vectorFile.ts`) closes
 * the gaps. Vectors are kept at unit length, so cosine similarity is a dot product.
 *
 * Pure: no I/O, usable in Node, tests and a Web Worker.
 */
export class VectorStore {
  /** Number of dimensions every vector in this store has. */
  readonly dim: number;
  /**
   * Rows as loaded from a file, used in place and never grown: adding a vector after opening a large
   * index then copies nothing (doubling one buffer would copy all 30 MB at the first edit).
   */
  private base: Float32Array = new Float32Array(0);
  private baseRows = 0;
  /** Rows from `baseRows` on, in a buffer whose capacity doubles when full. */
  private data: Float32Array;
  /** The id stored in each row; `undefined` marks a free row. */
  private rowIds: (string | undefined)[] = [];
  /** Row of each id; built on first use, because a store opened only to be searched never needs it. */
  private rowOfMap: Map<string, number> | null = new Map();
  private liveRows = 0;
  /** Rows freed by `delete`, reused before the store grows. */
  private freeRows: number[] = [];

  /**
   * An empty store for vectors of `dim` dimensions.
   * @throws Error when `dim` is not a positive integer.
   */
  constructor(dim: number) {
    if (!Number.isInteger(dim) || dim <= 0) {
      throw new Error(`A vector store needs a positive whole number of dimensions, got ${String(dim)}.`);
    }
    this.dim = dim;
    this.data = new Float32Array(INITIAL_CAPACITY * dim);
  }

  /**
   * A store holding `ids.length` rows taken from `rows` (row `i` belongs to `ids[i]`), without
   * checking or normalising them. For decoders whose data was validated when it was first stored.
   * @internal
   */
  static fromTrustedRows(dim: number, ids: readonly string[], rows: Float32Array): VectorStore {
    const store = new VectorStore(dim);
    store.base = rows;
    store.baseRows = ids.length;
    store.rowIds = ids.slice();
    store.rowOfMap = null;
    store.liveRows = ids.length;
    return store;
  }

  private get rowOf(): Map<string, number> {
    if (!this.rowOfMap) {
      const map = new Map<string, number>();
      this.rowIds.forEach((id, row) => {
        if (id === undefined) return;
        const earlier = map.get(id);
        // Only a file written by something else can name an id twice: the last row wins, as with `set`.
        if (earlier !== undefined) this.freeRow(earlier);
        map.set(id, row);
      });
      this.rowOfMap = map;
    }
    return this.rowOfMap;
  }

  /** Number of vectors stored. */
  get size(): number {
    return this.liveRows;
  }

  /** Whether a vector is stored under `id`. */
  has(id: string): boolean {
    return this.rowOf.has(id);
  }

  /** A copy of the (unit-length) vector stored under `id`, or undefined. */
  get(id: string): Float32Array | undefined {
    const row = this.rowOf.get(id);
    if (row === undefined) return undefined;
    const [array, offset] = this.locate(row);
    return array.slice(offset, offset + this.dim);
  }

  /**
   * Stores `vector` under `id`, replacing any earlier vector for that id. A vector whose length is
   * not 1 is rescaled to unit length, so searches compare directions (cosine similarity).
   * @throws Error when the vector has the wrong number of dimensions, holds NaN or Infinity, or is
   *   all zeros (it could not be ranked).
   */
  set(id: string, vector: ArrayLike<number>): void {
    const scale = this.checkedScale(vector, `the vector for "${id}"`);
    let row = this.rowOf.get(id);
    if (row === undefined) {
      row = this.freeRows.pop() ?? this.appendRow();
      this.rowIds[row] = id;
      this.rowOf.set(id, row);
      this.liveRows++;
    }
    const [array, offset] = this.locate(row);
    for (let i = 0; i < this.dim; i++) array[offset + i] = vector[i]! * scale;
  }

  /** Removes the vector stored under `id`. Returns whether there was one. */
  delete(id: string): boolean {
    const row = this.rowOf.get(id);
    if (row === undefined) return false;
    this.rowOf.delete(id);
    this.freeRow(row);
    return true;
  }

  private freeRow(row: number): void {
    this.liveRows--;
    this.rowIds[row] = undefined;
    const [array, offset] = this.locate(row);
    array.fill(0, offset, offset + this.dim);
    this.freeRows.push(row);
  }

  /** The stored ids, in row order (stable between saves and loads). */
  ids(): string[] {
    return this.rowIds.filter((id): id is string => id !== undefined);
  }

  /**
   * The live rows, packed without gaps, in the order of {@link VectorStore.ids}. Returns a view of
   * the store's own buffer when there are no gaps (do not modify it), a packed copy otherwise.
   */
  packedRows(): Float32Array {
    const dim = this.dim;
    if (this.freeRows.length === 0 && this.baseRows === 0) return this.data.subarray(0, this.rowIds.length * dim);
    if (this.freeRows.length === 0 && this.rowIds.length === this.baseRows) return this.base.subarray(0, this.baseRows * dim);
    const packed = new Float32Array(this.size * dim);
    let target = 0;
    for (let row = 0; row < this.rowIds.length; row++) {
      if (this.rowIds[row] === undefined) continue;
      const [array, offset] = this.locate(row);
      packed.set(array.subarray(offset, offset + dim), target * dim);
      target++;
    }
    return packed;
  }

  /** Closes the gaps left by deletions and releases spare capacity. Ids keep their relative order. */
  compact(): void {
    const ids = this.ids();
    this.data = this.packedRows().slice();
    this.base = new Float32Array(0);
    this.baseRows = 0;
    this.rowIds = ids;
    this.rowOfMap = null;
    this.freeRows = [];
  }

  /**
   * The `k` stored vectors most similar to `query` (cosine similarity), best first; equal scores are
   * ordered by id so results are deterministic. The query is normalised here, so it need not be unit
   * length; an all-zero query matches nothing.
   *
   * @param accept Optional filter: only ids it accepts are returned. It is called only for candidates
   *   that would enter the current top k, so it must not rely on being called for every id.
   * @throws Error when the query has the wrong number of dimensions or holds NaN or Infinity.
   */
  search(query: ArrayLike<number>, k: number, accept?: (id: string) => boolean): ScoredId[] {
    const dim = this.dim;
    if (query.length !== dim) {
      throw new Error(`The query vector has ${query.length} dimensions, but this index holds vectors of ${dim}.`);
    }
    const scale = this.queryScale(query);
    const limit = Math.min(Math.floor(k), this.size);
    if (scale === 0 || !(limit > 0)) return [];

    const q = new Float32Array(dim);
    for (let i = 0; i < dim; i++) q[i] = query[i]! * scale;

    const top = new TopScored(limit, accept);
    const rowIds = this.rowIds;
    const scores = new Float64Array(SCORE_BLOCK_ROWS);
    for (let first = 0, end = 0; first < rowIds.length; first = end) {
      // Blocks never straddle the two buffers: the first block after `baseRows` starts there.
      end = Math.min(rowIds.length, first + SCORE_BLOCK_ROWS, first < this.baseRows ? this.baseRows : Infinity);
      if (first < this.baseRows) dotProducts(this.base, q, dim, first, end, scores);
      else dotProducts(this.data, q, dim, first - this.baseRows, end - this.baseRows, scores);
      for (let row = first; row < end; row++) {
        const id = rowIds[row];
        const score = scores[row - first]!;
        if (id !== undefined && top.mayEnter(score)) top.offer(id, score);
      }
    }
    return top.result();
  }

  /** Factor that brings `vector` to unit length, after checking it can be stored. */
  private checkedScale(vector: ArrayLike<number>, what: string): number {
    if (!vector || typeof vector.length !== 'number' || vector.length !== this.dim) {
      const got = vector && typeof vector.length === 'number' ? `${vector.length} dimensions` : 'no vector';
      throw new Error(`Cannot store ${what}: expected ${this.dim} dimensions, got ${got}.`);
    }
    let squares = 0;
    for (let i = 0; i < this.dim; i++) {
      const value = vector[i]!;
      if (!Number.isFinite(value)) {
        throw new Error(`Cannot store ${what}: value ${i} is ${String(value)}; the embedding failed for this text.`);
      }
      squares += value * value;
    }
    if (squares === 0) throw new Error(`Cannot store ${what}: it is all zeros, so it cannot be compared.`);
    const norm = Math.sqrt(squares);
    return Math.abs(norm - 1) <= UNIT_TOLERANCE ? 1 : 1 / norm;
  }

  /** Like `checkedScale` for a query, except that an all-zero query is allowed (it matches nothing). */
  private queryScale(query: ArrayLike<number>): number {
    let squares = 0;
    for (let i = 0; i < this.dim; i++) {
      const value = query[i]!;
      if (!Number.isFinite(value)) throw new Error(`The query vector holds ${String(value)} at position ${i}.`);
      squares += value * value;
    }
    if (squares === 0) return 0;
    return 1 / Math.sqrt(squares);
  }

  /** The buffer holding `row`, and where the row starts in it. */
  private locate(row: number): [Float32Array, number] {
    return row < this.baseRows ? [this.base, row * this.dim] : [this.data, (row - this.baseRows) * this.dim];
  }

  /** Index of a fresh row at the end, doubling the growable buffer when it is full. */
  private appendRow(): number {
    const row = this.rowIds.length;
    const local = row - this.baseRows;
    if ((local + 1) * this.dim > this.data.length) {
      const grown = new Float32Array(Math.max(INITIAL_CAPACITY, local * 2) * this.dim);
      grown.set(this.data.subarray(0, local * this.dim));
      this.data = grown;
    }
    this.rowIds.push(undefined);
    return row;
  }
}

/** Writes the dot product of `query` with each row in `[firstRow, endRow)` into `out`, from index 0. */
function dotProducts(data: Float32Array, query: Float32Array, dim: number, firstRow: number, endRow: number, out: Float64Array): void {
  const unrolled = dim - (dim % 4);
  for (let row = firstRow; row < endRow; row++) {
    const offset = row * dim;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let i = 0;
    for (; i < unrolled; i += 4) {
      s0 += query[i]! * data[offset + i]!;
      s1 += query[i + 1]! * data[offset + i + 1]!;
      s2 += query[i + 2]! * data[offset + i + 2]!;
      s3 += query[i + 3]! * data[offset + i + 3]!;
    }
    for (; i < dim; i++) s0 += query[i]! * data[offset + i]!;
    out[row - firstRow] = s0 + s1 + s2 + s3;
  }
}
