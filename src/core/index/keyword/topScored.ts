import type { ScoredId } from '../types';

interface Entry {
  id: string;
  score: number;
}

/** Ranks by score, highest first; equal scores by id, so results never depend on insertion order. */
export function compareScored(a: Entry, b: Entry): number {
  return b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function worse(a: Entry, b: Entry): boolean {
  return compareScored(a, b) > 0;
}

/**
 * The `k` best documents with a positive score, best first. A bounded min-heap keeps the current top
 * `k`, so `accept` (which may be a costly filter) is asked only about documents that would enter it,
 * never about the long tail.
 */
export function selectTop(scores: Float64Array, idOf: (doc: number) => string, k: number, accept?: (id: string) => boolean): ScoredId[] {
  if (k <= 0) return [];
  const heap: Entry[] = [];
  for (let doc = 0; doc < scores.length; doc++) {
    const score = scores[doc]!;
    if (!(score > 0)) continue;
    if (heap.length === k && score < heap[0]!.score) continue;
    const entry = { id: idOf(doc), score };
    if (heap.length === k && !worse(heap[0]!, entry)) continue;
    if (accept && !accept(entry.id)) continue;
    if (heap.length < k) {
      heap.push(entry);
      siftUp(heap, heap.length - 1);
    } else {
      heap[0] = entry;
      siftDown(heap, 0);
    }
  }
  return heap.sort(compareScored).map(({ id, score }) => ({ id, score }));
}

function siftUp(heap: Entry[], at: number): void {
  const entry = heap[at]!;
  while (at > 0) {
    const parent = (at - 1) >> 1;
    if (!worse(entry, heap[parent]!)) break;
    heap[at] = heap[parent]!;
    at = parent;
  }
  heap[at] = entry;
}

function siftDown(heap: Entry[], at: number): void {
  const entry = heap[at]!;
  for (;;) {
    const left = 2 * at + 1;
    if (left >= heap.length) break;
    const right = left + 1;
    const child = right < heap.length && worse(heap[right]!, heap[left]!) ? right : left;
    if (!worse(heap[child]!, entry)) break;
    heap[at] = heap[child]!;
    at = child;
  }
  heap[at] = entry;
}
