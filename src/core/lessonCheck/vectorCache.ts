import type { EmbedKind, Embedder } from '../index/types';

/** Texts per embedding call; the embedders take at most 32. */
const BATCH = 32;
/** Plan sentences kept at most; above this the oldest are forgotten (a long editing session must not grow forever). */
const MAX_UNPINNED = 4000;

/**
 * Embedding vectors by kind and text, so a plan re-checked after an edit only embeds its new sentences
 * and the vision's probes are embedded once per checker. Every vector is checked before it is kept.
 */
export class VectorCache {
  private readonly vectors = new Map<string, Float32Array>();
  private readonly pinned = new Set<string>();

  constructor(private readonly embedder: Embedder) {}

  /**
   * Embeds the texts not cached yet. Vectors that are not finite are left out (the text then has none).
   * `pin` keeps them for the cache's life (the vision's probes, the calibration background).
   */
  async ensure(texts: readonly string[], kind: EmbedKind, signal?: AbortSignal, pin = false): Promise<void> {
    if (pin) for (const t of texts) this.pinned.add(key(kind, t));
    this.evictIfFull(texts.length);
    const missing = [...new Set(texts)].filter((t) => !this.vectors.has(key(kind, t)));
    for (let i = 0; i < missing.length; i += BATCH) {
      signal?.throwIfAborted();
      const batch = missing.slice(i, i + BATCH);
      const result = await this.embedder.embed(batch, kind);
      batch.forEach((text, j) => {
        const vector = result[j];
        if (vector && vector.every(Number.isFinite)) this.vectors.set(key(kind, text), vector);
      });
    }
  }

  private evictIfFull(incoming: number): void {
    const unpinned = [...this.vectors.keys()].filter((k) => !this.pinned.has(k));
    const excess = unpinned.length + incoming - MAX_UNPINNED;
    // Map keeps insertion order: the first keys are the oldest.
    for (const k of unpinned.slice(0, Math.max(0, excess))) this.vectors.delete(k);
  }

  /** The vector of a text embedded as a query (vision probes) or a passage (plan and background text). */
  get(text: string, kind: EmbedKind): Float32Array | undefined {
    return this.vectors.get(key(kind, text));
  }

  get size(): number {
    return this.vectors.size;
  }
}

function key(kind: EmbedKind, text: string): string {
  return `${kind === 'query' ? 'q' : 'p'}:${text}`;
}

/** Cosine similarity of two vectors (the embedders return unit vectors, but a cache must not assume it). */
export function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i]!;
    const y = b[i]!;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}
