import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { EmbedKind, Embedder, EmbedderInfo } from '../core/index/types';
import { DEFAULT_MODEL_ID, type TransformersEmbedderOptions } from '../core/embedding/transformersEmbedder';
import type { ThreadReply, ThreadRequest } from './threadProtocol';

/** The built thread script, beside the CLI bundle (`dist/`); absent when running from sources. */
export function embeddingThreadScript(dir = __dirname): string | null {
  const script = join(dir, 'embedding-thread.cjs');
  return existsSync(script) ? script : null;
}

/**
 * The Node embedder (`TransformersEmbedder`) in a worker thread. onnxruntime-node's forward pass blocks
 * the thread it runs on; here it blocks the embedding thread, so indexing reads and parses the next
 * notes meanwhile (on a machine with two or more cores). Same vectors and fingerprint as in-process.
 */
export class ThreadEmbedder implements Embedder {
  readonly modelId: string;
  /** Time the model spent on this embedder's requests, measured in the thread (for the benchmark). */
  modelMs = 0;
  private worker: Worker | null = null;
  private readonly waiting = new Map<number, { resolve: (reply: ThreadReply) => void; reject: (error: Error) => void }>();
  private nextId = 1;
  private loading: Promise<EmbedderInfo> | null = null;

  constructor(private readonly script: string, private readonly options: TransformersEmbedderOptions = {}) {
    this.modelId = options.modelId ?? DEFAULT_MODEL_ID;
  }

  load(): Promise<EmbedderInfo> {
    this.loading ??= this.request({ type: 'load', id: 0 }).then((reply) => {
      if (reply.type !== 'loaded') throw new Error(`Embedding thread answered "${reply.type}" to a load.`);
      return reply.info;
    }).catch((error: unknown) => {
      this.loading = null; // a later call may retry, e.g. after the user placed the files
      throw error;
    });
    return this.loading;
  }

  async embed(texts: string[], kind: EmbedKind): Promise<Float32Array[]> {
    await this.load();
    if (texts.length === 0) return [];
    const reply = await this.request({ type: 'embed', id: 0, texts, kind });
    if (reply.type !== 'embedded') throw new Error(`Embedding thread answered "${reply.type}" to an embed.`);
    this.modelMs += reply.busyMs;
    return reply.vectors;
  }

  async dispose(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.loading = null;
    this.failAll(new Error('The embedder was closed.'));
    await worker?.terminate();
  }

  private request(message: ThreadRequest): Promise<ThreadReply> {
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    return new Promise<ThreadReply>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      // Keeps the CLI alive while an answer is due, and lets it exit when idle even if nobody disposes.
      worker.ref();
      worker.postMessage({ ...message, id });
    });
  }

  private start(): Worker {
    // One core stays with the main thread (parsing); the model gets the rest, at least one.
    const workerData: TransformersEmbedderOptions = { intraOpThreads: Math.max(1, availableParallelism() - 1), ...this.options };
    const worker = new Worker(this.script, { workerData });
    worker.unref();
    worker.on('message', (reply: ThreadReply) => {
      const waiter = this.waiting.get(reply.id);
      if (!waiter) return;
      this.waiting.delete(reply.id);
      if (this.waiting.size === 0) worker.unref();
      if (reply.type === 'failed') {
        const error = new Error(reply.message);
        error.name = reply.name;
        waiter.reject(error);
      } else {
        waiter.resolve(reply);
      }
    });
    worker.on('error', (error) => this.stopped(worker, error));
    worker.on('exit', (code) => this.stopped(worker, new Error(`The embedding thread stopped (exit code ${code}).`)));
    this.worker = worker;
    return worker;
  }

  /** A crashed thread fails what was waiting; the next request starts a new one. */
  private stopped(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = null;
    this.loading = null;
    this.failAll(error);
  }

  private failAll(error: Error): void {
    for (const waiter of this.waiting.values()) waiter.reject(error);
    this.waiting.clear();
  }
}
