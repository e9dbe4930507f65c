/**
 * The main-thread side of in-Obsidian embedding: an `Embedder` whose work runs in a Web Worker.
 *
 * Obsidian's renderer looks like Node to transformers.js and onnxruntime (`process.release.name` is
 * `node`), so both pick a backend that fails there. A worker has no `process`, so the browser path is
 * taken. The worker never touches the network or the vault: this class reads the model files with
 * the injected `readFile` and posts their bytes.
 */
import type { EmbedKind, Embedder, EmbedderInfo } from '../../core/index/types';
import { joinModelPath, modelFilePaths, type ModelDtype } from '../../core/embedding/modelFiles';
import {
  EmbeddingCancelledError,
  PendingRequests,
  isWorkerReply,
  unpackVectors,
  type EmbedPrefixes,
  type HostMessage,
  type WorkerReply,
} from './workerProtocol';

/** The part of `Worker` this class uses, so tests can hand in a fake. */
export interface WorkerLike {
  postMessage(message: HostMessage, transfer: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
}

/** A started worker plus what must be freed with it (the Blob URL it was created from). */
export interface SpawnedWorker {
  worker: WorkerLike;
  release: () => void;
}

export interface WorkerEmbedderOptions {
  modelId: string;
  dtype: ModelDtype;
  /** Folder holding the model in hub layout (`config.json`, `onnx/...`), as `readFile` understands it. */
  modelDir: string;
  /** Path of `ort-wasm-simd-threaded.wasm`, as `readFile` understands it. */
  wasmPath: string;
  /** Reads a whole file; the plugin passes the vault adapter's `readBinary`. */
  readFile: (path: string) => Promise<ArrayBuffer>;
  /** Starts the worker; the plugin passes `spawnEmbeddingWorker` (a Blob of the inlined bundle). */
  spawn: () => SpawnedWorker;
  /** Query/passage prefixes for e5-style models; omitted means the worker's default for the model. */
  prefixes?: EmbedPrefixes;
}

type Reply = EmbedderInfo | Float32Array[];

/** An `Embedder` backed by a Web Worker. Call `dispose()` on plugin unload: it terminates the worker. */
export class WorkerEmbedder implements Embedder {
  readonly modelId: string;
  private readonly options: WorkerEmbedderOptions;
  private readonly pending = new PendingRequests<Reply>();
  private spawned: SpawnedWorker | null = null;
  private loading: Promise<EmbedderInfo> | null = null;
  private disposed = false;

  constructor(options: WorkerEmbedderOptions) {
    this.options = options;
    this.modelId = options.modelId;
  }

  /** Reads the model files, starts the worker and loads the model once; later calls share the result. */
  load(): Promise<EmbedderInfo> {
    if (this.disposed) return Promise.reject(new EmbeddingCancelledError('Embedder disposed.'));
    if (!this.loading) {
      const loading = this.start();
      this.loading = loading;
      // A failed load must not stick: the user may fix the folder and try again.
      loading.catch(() => {
        if (this.loading === loading) this.shutdown(null);
      });
    }
    return this.loading;
  }

  /**
   * Embeds texts in the worker (callers batch, at most 32). `signal` cancels: the promise rejects at
   * once with `EmbeddingCancelledError` and the worker drops the request if it has not started it.
   */
  async embed(texts: string[], kind: EmbedKind, options: { signal?: AbortSignal } = {}): Promise<Float32Array[]> {
    const { signal } = options;
    if (signal?.aborted) throw new EmbeddingCancelledError();
    await this.load();
    if (signal?.aborted) throw new EmbeddingCancelledError();
    // dispose() or a crash may have happened while this call waited for the load.
    if (!this.spawned) throw new EmbeddingCancelledError('Embedding worker stopped.');
    const { id, promise } = this.pending.open();
    const onAbort = (): void => {
      if (this.pending.reject(id, new EmbeddingCancelledError())) this.post({ type: 'cancel', id });
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      this.post({ type: 'embed', id, texts, kind });
      return (await promise) as Float32Array[];
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  /**
   * Rejects every request in flight with `EmbeddingCancelledError` and tells the worker to skip the
   * ones it has not started; the model stays loaded. A load in progress is cancelled too.
   */
  cancelAll(): void {
    for (const id of this.pending.ids()) {
      if (this.pending.reject(id, new EmbeddingCancelledError()) && this.spawned) this.post({ type: 'cancel', id });
    }
  }

  /** Terminates the worker (freeing the model's memory) and revokes its Blob URL. Safe to call twice. */
  async dispose(): Promise<void> {
    this.disposed = true;
    this.shutdown(new EmbeddingCancelledError('Embedder disposed.'));
  }

  private async start(): Promise<EmbedderInfo> {
    const { modelId, dtype, modelDir, wasmPath, readFile, prefixes } = this.options;
    const paths = modelFilePaths(dtype);
    const buffers = await Promise.all(paths.map((p) => readModelFile(readFile, joinModelPath(modelDir, p))));
    const wasm = await readModelFile(readFile, wasmPath);
    if (this.disposed) throw new EmbeddingCancelledError('Embedder disposed.');
    const files: Record<string, ArrayBuffer> = {};
    paths.forEach((p, i) => (files[p] = buffers[i]!));

    this.spawned = this.options.spawn();
    const { worker } = this.spawned;
    worker.onmessage = (event) => this.onReply(event.data);
    worker.onerror = (event) => {
      event.preventDefault?.();
      this.fail(new Error(`Embedding worker crashed: ${event.message || 'unknown error'}`));
    };
    worker.onmessageerror = () => this.fail(new Error('Embedding worker sent a message that could not be read.'));

    const { id, promise } = this.pending.open();
    const init: HostMessage = { type: 'init', id, modelId, dtype, files, wasm, ...(prefixes ? { prefixes } : {}) };
    // Transfer, not copy: the model can be hundreds of MB.
    this.post(init, [...buffers, wasm]);
    return (await promise) as EmbedderInfo;
  }

  private onReply(data: unknown): void {
    if (!isWorkerReply(data)) {
      this.fail(new Error('Embedding worker sent an unknown message.'));
      return;
    }
    const reply: WorkerReply = data;
    switch (reply.type) {
      case 'ready':
        this.pending.resolve(reply.id, reply.info);
        break;
      case 'embedded':
        this.settleEmbedded(reply.id, () => unpackVectors(reply));
        break;
      case 'error':
        if (reply.id === null) this.fail(new Error(reply.message));
        else this.pending.reject(reply.id, new Error(reply.message));
        break;
    }
  }

  private settleEmbedded(id: number, unpack: () => Float32Array[]): void {
    try {
      this.pending.resolve(id, unpack());
    } catch (error) {
      this.pending.reject(id, error instanceof Error ? error : new Error(String(error)));
    }
  }

  /** A failure not tied to one request: everything in flight fails and the next `load()` restarts. */
  private fail(error: Error): void {
    this.shutdown(error);
  }

  private shutdown(reason: Error | null): void {
    const spawned = this.spawned;
    this.spawned = null;
    this.loading = null;
    if (spawned) {
      spawned.worker.onmessage = null;
      spawned.worker.onerror = null;
      spawned.worker.onmessageerror = null;
      spawned.worker.terminate();
      spawned.release();
    }
    if (reason) this.pending.rejectAll(reason);
  }

  private post(message: HostMessage, transfer: Transferable[] = []): void {
    if (!this.spawned) throw new Error('Embedding worker is not running.');
    this.spawned.worker.postMessage(message, transfer);
  }
}

async function readModelFile(readFile: (path: string) => Promise<ArrayBuffer>, path: string): Promise<ArrayBuffer> {
  try {
    return await readFile(path);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(`Modelbestand ${path} kon niet gelezen worden (${detail}).`);
  }
}
