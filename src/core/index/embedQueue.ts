import type { Chunk, Embedder } from './types';
import type { VectorStore } from './vectorStore';
import { findVectorProblem, type VectorProblem } from '../embedding/vectorCheck';

/**
 * Embeds chunks while the notes after them are still being read. The model runs elsewhere (the
 * plugin's Web Worker, the CLI's worker thread), so reading and parsing the next notes overlaps the
 * forward pass instead of adding to it. At most `maxInFlight` batches are handed to the embedder at
 * once: two keep the model busy while this thread is between notes, without queueing the whole vault.
 * New batches start only when the caller asks (between notes, after its pause/cancel checkpoint), so a
 * paused update stops handing out work.
 */
export class EmbedQueue {
  /** Texts whose hash has a vector neither in the store nor in this queue yet. */
  private readonly waiting: [hash: string, text: string][] = [];
  private readonly seen = new Set<string>();
  private readonly inFlight = new Set<Promise<void>>();
  /** Texts in the batches handed out and not answered yet. */
  private running = 0;
  /** Hashes embedded in this update. */
  readonly embedded = new Set<string>();
  /** Hashes whose vector came back unusable, with why; their chunks stay without a vector for now. */
  readonly failed = new Map<string, VectorProblem | 'missing'>();
  private failure: { error: unknown } | null = null;

  constructor(
    private readonly vectors: VectorStore,
    private readonly embedder: Embedder,
    private readonly dim: number,
    private readonly batchSize: number,
    private readonly maxInFlight = 2,
  ) {}

  /** Chunks in queue or running: what is left to embed, for progress. */
  get pending(): number {
    return this.waiting.length + this.running;
  }

  /** Queues the chunks that need a vector (one per distinct text). */
  add(chunks: readonly Chunk[]): void {
    for (const chunk of chunks) {
      if (this.seen.has(chunk.hash) || this.vectors.has(chunk.hash)) continue;
      this.seen.add(chunk.hash);
      this.waiting.push([chunk.hash, chunk.text]);
    }
  }

  /** Hands full batches to the embedder while there is room; throws the first embedding error, if any. */
  startFullBatches(): void {
    this.throwIfFailed();
    while (this.inFlight.size < this.maxInFlight && this.waiting.length >= this.batchSize) this.start();
  }

  /** Embeds everything still queued; `checkpoint` runs before each new batch (pause, cancel). */
  async drain(checkpoint: () => Promise<void>, onBatch?: () => void): Promise<void> {
    while (this.waiting.length > 0 || this.inFlight.size > 0) {
      if (this.waiting.length > 0 && this.inFlight.size < this.maxInFlight) {
        await checkpoint();
        while (this.inFlight.size < this.maxInFlight && this.waiting.length > 0) this.start();
      }
      await Promise.race(this.inFlight);
      this.throwIfFailed();
      onBatch?.();
    }
  }

  /** Waits for batches already handed out, so none outlives a cancelled or failed update. */
  async settle(): Promise<void> {
    await Promise.all(this.inFlight);
  }

  private start(): void {
    const batch = this.waiting.splice(0, this.batchSize);
    this.running += batch.length;
    const run = this.embedder.embed(batch.map(([, text]) => text), 'passage').then(
      (result) => this.store(batch, result),
      (error: unknown) => {
        this.failure ??= { error };
      },
    );
    const tracked: Promise<void> = run.finally(() => {
      this.running -= batch.length;
      this.inFlight.delete(tracked);
    });
    this.inFlight.add(tracked);
  }

  private store(batch: [string, string][], result: Float32Array[]): void {
    batch.forEach(([hash], j) => {
      const vector = result[j];
      const problem = vector ? findVectorProblem(vector, this.dim) : 'missing';
      if (vector && !problem) {
        this.vectors.set(hash, vector);
        this.embedded.add(hash);
      } else {
        // A broken vector would wreck ranking; the caller leaves its chunks without one until the next update.
        this.failed.set(hash, problem ?? 'missing');
      }
    });
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure.error;
  }
}
