import type { ScoredId } from '../index/types';

/**
 * Fuses ranked lists by reciprocal rank fusion: each list adds 1 / (k + rank). Scores of different
 * kinds (BM25, cosine) cannot be added, ranks can. k = 60 is the value from the original paper.
 */
export function reciprocalRankFusion(lists: ScoredId[][], k = 60): ScoredId[] {
  const fused = new Map<string, number>();
  for (const list of lists) {
    list.forEach((item, rank) => fused.set(item.id, (fused.get(item.id) ?? 0) + 1 / (k + rank + 1)));
  }
  return [...fused.entries()]
    .map(([id, score]) => ({ id, score }))
    // Ties by code-unit order: deterministic, and unlike localeCompare it does not start the collator,
    // which costs several milliseconds on the first search after a cold start.
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
