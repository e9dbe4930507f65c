/**
 * Wraps the embedder so the index service can tell "the model failed" apart from every other error
 * (a full disk, an unreadable note) and fall back to keyword-only search only for the former.
 */
import type { EmbedKind, Embedder, EmbedderInfo } from '../../core/index/types';

/** A failure of the embedding model (loading or running it); `cause` is the original error. */
export class EmbedderFailedError extends Error {
  constructor(override readonly cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'EmbedderFailedError';
  }
}

export class GuardedEmbedder implements Embedder {
  readonly modelId: string;

  constructor(private readonly inner: Embedder) {
    this.modelId = inner.modelId;
  }

  load(): Promise<EmbedderInfo> {
    return this.inner.load().catch(fail);
  }

  embed(texts: string[], kind: EmbedKind): Promise<Float32Array[]> {
    return this.inner.embed(texts, kind).catch(fail);
  }

  dispose(): Promise<void> {
    return this.inner.dispose();
  }
}

function fail(error: unknown): never {
  throw new EmbedderFailedError(error);
}
