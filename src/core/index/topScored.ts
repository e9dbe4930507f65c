import type { ScoredId } from './types';

/** Ranks by score, highest first; equal scores by id, so results never depend on insertion order. */
export function compareScored(a: ScoredId, b: ScoredId): number {
  return b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function worse(a: ScoredId, b: ScoredId): boolean {
  return compareScored(a, b) > 0;
}

/**
 * The `k` best of a stream of scored ids, for both searches (keyword and vector). A bounded min-heap keeps
 * the current top `k`, so `accept` (which may be a costly filter) is asked only about candidates that
 * would enter it, never about the long tail; `mayEnter` lets a caller skip building an id that could not.
 */
export class TopScored {
  private readonly heap: ScoredId[] = [];

  constructor(
    private readonly k: number,
    private readonly accept?: (id: string) => boolean,
  ) {}

  /** False when a candidate with this score cannot enter, whatever its id. */
  mayEnter(score: number): boolean {
    return this.k > 0 && (this.heap.length < this.k || score >= this.heap[0]!.score);
  }

  offer(id: string, score: number): void {
    if (!this.mayEnter(score)) return;
    const entry = { id, score };
    const heap = this.heap;
    if (heap.length === this.k && !worse(heap[0]!, entry)) return;
    if (this.accept && !this.accept(id)) return;
    if (heap.length < this.k) {
      heap.push(entry);
      this.siftUp(heap.length - 1);
    } else {
      heap[0] = entry;
      this.siftDown(0);
    }
  }

  /** The kept entries, best first. */
  result(): ScoredId[] {
    return [...this.heap].sort(compareScored);
  }

  private siftUp(at: number): void {
    const heap = this.heap;
    const entry = heap[at]!;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!worse(entry, heap[parent]!)) break;
      heap[at] = heap[parent]!;
      at = parent;
    }
    heap[at] = entry;
  }

  private siftDown(at: number): void {
    const heap = this.heap;
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
}

/** The `k` best documents with a positive score, best first (see `TopScored`). */
export function selectTop(scores: Float64Array, idOf: (doc: number) => string, k: number, accept?: (id: string) => boolean): ScoredId[] {
  const top = new TopScored(k, accept);
  for (let doc = 0; doc < scores.length; doc++) {
    const score = scores[doc]!;
    if (score > 0 && top.mayEnter(score)) top.offer(idOf(doc), score);
  }
  return top.result();
}
