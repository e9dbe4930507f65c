import { seededRandom as random } from '../../src/core/util/seededRandom';
import { describe, expect, it } from 'vitest';
import { VectorStore } from '../../src/core/index/vectorStore';


function randomVector(dim: number, next: () => number): number[] {
  return Array.from({ length: dim }, () => next() * 2 - 1);
}

function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return dot / Math.sqrt(na * nb);
}

describe('VectorStore', () => {
  it('stores, replaces and deletes vectors by id', () => {
    const store = new VectorStore(3);
    store.set('a', [1, 0, 0]);
    store.set('b', [0, 1, 0]);
    expect(store.size).toBe(2);
    expect(store.has('a')).toBe(true);
    expect(Array.from(store.get('b')!)).toEqual([0, 1, 0]);

    store.set('a', [0, 0, 1]);
    expect(store.size).toBe(2);
    expect(Array.from(store.get('a')!)).toEqual([0, 0, 1]);

    expect(store.delete('a')).toBe(true);
    expect(store.delete('a')).toBe(false);
    expect(store.has('a')).toBe(false);
    expect(store.get('a')).toBeUndefined();
    expect(store.ids()).toEqual(['b']);
    expect(store.search([0, 0, 1], 5).map((hit) => hit.id)).toEqual(['b']);
  });

  it('hands out copies, so changing a returned vector does not change the store', () => {
    const store = new VectorStore(2);
    store.set('a', [1, 0]);
    store.get('a')![0] = 42;
    expect(Array.from(store.get('a')!)).toEqual([1, 0]);
  });

  it('rescales vectors to unit length so scores are cosine similarities', () => {
    const store = new VectorStore(2);
    store.set('long', [3, 4]);
    expect(Array.from(store.get('long')!)).toEqual([expect.closeTo(0.6, 6), expect.closeTo(0.8, 6)]);
    expect(store.search([10, 0], 1)[0]!.score).toBeCloseTo(0.6, 6);
  });

  it('refuses vectors it could not rank, saying what is wrong', () => {
    const store = new VectorStore(3);
    expect(() => store.set('x', [1, 0])).toThrow(/expected 3 dimensions, got 2/);
    expect(() => store.set('x', [1, Number.NaN, 0])).toThrow(/value 1 is NaN/);
    expect(() => store.set('x', [Infinity, 0, 0])).toThrow(/value 0 is Infinity/);
    expect(() => store.set('x', [0, 0, 0])).toThrow(/all zeros/);
    expect(store.size).toBe(0);
    expect(() => new VectorStore(0)).toThrow(/positive whole number/);
    expect(() => store.search([1, 0], 3)).toThrow(/2 dimensions.*vectors of 3/);
    expect(() => store.search([1, Number.NaN, 0], 3)).toThrow(/NaN/);
  });

  it('keeps every vector intact while the buffer grows', () => {
    const next = random(7);
    const store = new VectorStore(16);
    const originals = new Map<string, number[]>();
    for (let i = 0; i < 1000; i++) {
      const vector = randomVector(16, next);
      originals.set(`c${i}`, vector);
      store.set(`c${i}`, vector);
    }
    expect(store.size).toBe(1000);
    for (const [id, vector] of originals) expect(cosine(store.get(id)!, vector)).toBeCloseTo(1, 5);
  });

  it('finds the same top k as sorting every cosine similarity', () => {
    const next = random(11);
    const dim = 24;
    const store = new VectorStore(dim);
    const vectors = new Map<string, number[]>();
    for (let i = 0; i < 500; i++) {
      const vector = randomVector(dim, next);
      vectors.set(`chunk-${i}`, vector);
      store.set(`chunk-${i}`, vector);
    }
    for (let trial = 0; trial < 20; trial++) {
      // Queries are deliberately not unit length.
      const query = randomVector(dim, next).map((x) => x * 5);
      const expected = [...vectors]
        .map(([id, vector]) => ({ id, score: cosine(query, vector) }))
        .sort((a, b) => b.score - a.score)
        .slice(0, 10);
      const hits = store.search(query, 10);
      expect(hits.map((hit) => hit.id)).toEqual(expected.map((hit) => hit.id));
      hits.forEach((hit, i) => expect(hit.score).toBeCloseTo(expected[i]!.score, 5));
    }
  });

  it('breaks ties by id, whatever the insertion order', () => {
    const store = new VectorStore(2);
    for (const id of ['d', 'b', 'e', 'a', 'c']) store.set(id, [1, 1]);
    store.set('far', [-1, 0]);
    expect(store.search([1, 1], 3).map((hit) => hit.id)).toEqual(['a', 'b', 'c']);
    expect(store.search([1, 1], 10).map((hit) => hit.id)).toEqual(['a', 'b', 'c', 'd', 'e', 'far']);
  });

  it('returns only accepted ids and still fills k from the rest', () => {
    const store = new VectorStore(2);
    store.set('visie-1', [1, 0]);
    store.set('beleid-1', [0.99, 0.1]);
    store.set('visie-2', [0.9, 0.4]);
    store.set('beleid-2', [0.5, 0.8]);
    store.set('visie-3', [0, 1]);
    const hits = store.search([1, 0], 2, (id) => id.startsWith('visie'));
    expect(hits.map((hit) => hit.id)).toEqual(['visie-1', 'visie-2']);
    expect(store.search([1, 0], 5, () => false)).toEqual([]);
  });

  it('handles empty stores, k of zero and an all-zero query', () => {
    const store = new VectorStore(2);
    expect(store.search([1, 0], 10)).toEqual([]);
    store.set('a', [1, 0]);
    expect(store.search([1, 0], 0)).toEqual([]);
    expect(store.search([0, 0], 5)).toEqual([]);
    expect(store.search([1, 0], 100)).toHaveLength(1);
  });

  it('reuses the rows of deleted ids before growing', () => {
    const store = new VectorStore(2);
    store.set('a', [1, 0]);
    store.set('b', [0, 1]);
    store.set('c', [1, 1]);
    store.delete('b');
    store.set('d', [-1, 0]);
    // `d` took the row `b` left, so it sits between `a` and `c` in row order.
    expect(store.ids()).toEqual(['a', 'd', 'c']);
    expect(store.packedRows()).toHaveLength(6);
  });

  it('compacts away deleted rows, keeping order and vectors', () => {
    const store = new VectorStore(2);
    ['a', 'b', 'c', 'd'].forEach((id, i) => store.set(id, [i + 1, 1]));
    const before = store.get('d')!;
    store.delete('a');
    store.delete('c');
    expect(store.packedRows()).toHaveLength(4);
    store.compact();
    expect(store.ids()).toEqual(['b', 'd']);
    expect(Array.from(store.get('d')!)).toEqual(Array.from(before));
    store.set('e', [0, 1]);
    expect(store.ids()).toEqual(['b', 'd', 'e']);
    expect(store.search([0, 1], 1)[0]!.id).toBe('e');
  });
});
