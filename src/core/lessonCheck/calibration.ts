/**
 * Calibration of meaning-based (embedding) similarity, so a status means the same with any model.
 *
 * Raw cosine similarities are not comparable between models: one model puts unrelated Dutch sentences
 * at 0.75, another at 0.1. So a cosine is never compared with a fixed number. Instead, for every
 * element we measure how similar it is to ordinary lesson text of this vault (the background: blocks of
 * the other lesson plans and good practices), and express a plan block's similarity as a z-score
 * against that: "this block is 3.1 standard deviations more like the element than a typical lesson
 * line". The anchors below are in those units, so they hold for every model and every vault; the
 * statistics are recomputed whenever the model (its fingerprint) or the vault changes.
 */

/** z at which meaning-based similarity starts to count as evidence. */
export const VECTOR_Z_START = 2;
/** z at which it counts fully. */
export const VECTOR_Z_FULL = 4.5;
/** Fewer background blocks than this give no usable spread: meaning-based evidence is then left out. */
export const MIN_BACKGROUND = 12;

/** Mean and spread of one element's similarity to the background. */
export interface BackgroundStats {
  mean: number;
  std: number;
  count: number;
}

/**
 * Statistics of `scores`, leaving out the entries for which `skip` is true (the plan under check must
 * not be its own background). Null when too few remain.
 */
export function backgroundStats(scores: readonly number[], skip: (index: number) => boolean): BackgroundStats | null {
  let n = 0;
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < scores.length; i++) {
    if (skip(i)) continue;
    const s = scores[i] ?? 0;
    n++;
    sum += s;
    sumSq += s * s;
  }
  if (n < MIN_BACKGROUND) return null;
  const mean = sum / n;
  // A floor on the spread keeps a near-constant background from turning noise into huge z-scores.
  const std = Math.max(Math.sqrt(Math.max(sumSq / n - mean * mean, 0)), 0.01);
  return { mean, std, count: n };
}

/** Evidence strength in [0,1] from a cosine similarity, given the element's background. */
export function vectorStrength(cosine: number, stats: BackgroundStats | null): number {
  if (!stats) return 0;
  const z = (cosine - stats.mean) / stats.std;
  return clamp01((z - VECTOR_Z_START) / (VECTOR_Z_FULL - VECTOR_Z_START));
}

export function clamp01(value: number): number {
  return value < 0 ? 0 : value > 1 ? 1 : value;
}
