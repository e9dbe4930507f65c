import type { EmbedKind, Embedder, EmbedderInfo } from '../src/core/index/types';

/**
 * Wraps an embedder to measure the time spent inside the model, so the benchmark can report the
 * pipeline's own overhead. Query vectors can be pre-computed to time search without the model.
 */
export class TimingEmbedder implements Embedder {
  modelMs = 0;
  texts = 0;
  private readonly cachedQueries = new Map<string, Float32Array>();

  constructor(private readonly inner: Embedder) {}

  get modelId(): string {
    return this.inner.modelId;
  }

  load(): Promise<EmbedderInfo> {
    return this.inner.load();
  }

  async precomputeQueries(queries: string[]): Promise<number> {
    const start = performance.now();
    const vectors = await this.inner.embed(queries, 'query');
    queries.forEach((q, i) => this.cachedQueries.set(q, vectors[i] ?? new Float32Array()));
    return (performance.now() - start) / queries.length;
  }

  async embed(texts: string[], kind: EmbedKind): Promise<Float32Array[]> {
    const cached = kind === 'query' ? texts.map((t) => this.cachedQueries.get(t)) : [];
    if (cached.length > 0 && cached.every((v) => v !== undefined)) return cached;
    const start = performance.now();
    const result = await this.inner.embed(texts, kind);
    this.modelMs += performance.now() - start;
    this.texts += texts.length;
    return result;
  }

  dispose(): Promise<void> {
    return this.inner.dispose();
  }
}
