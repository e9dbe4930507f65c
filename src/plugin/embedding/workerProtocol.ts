/**
 * Messages between Obsidian's main thread and the embedding Web Worker, and the pure bookkeeping both
 * sides need (matching replies to requests, packing vectors for transfer). No DOM or worker globals
 * here, so it is tested in Node.
 */
import type { EmbedKind, EmbedderInfo } from '../../core/index/types';
import type { ModelDtype } from '../../core/embedding/modelFiles';
import type { EmbedPrefixes } from '../../core/embedding/modelPrefixes';

export type { EmbedPrefixes };

/**
 * Loads the model from bytes the main thread read. `files` maps hub paths (`config.json`,
 * `onnx/model_quantized.onnx`) to their contents; `wasm` is the onnxruntime-web binary.
 */
export interface InitRequest {
  type: 'init';
  id: number;
  modelId: string;
  dtype: ModelDtype;
  files: Record<string, ArrayBuffer>;
  wasm: ArrayBuffer;
  prefixes?: EmbedPrefixes;
}

export interface EmbedRequest {
  type: 'embed';
  id: number;
  texts: string[];
  kind: EmbedKind;
}

/** Drops a queued embed request; one already running finishes but its reply is ignored. */
export interface CancelRequest {
  type: 'cancel';
  id: number;
}

/** Frees the model; the host terminates the worker right after, so this is courtesy, not a must. */
export interface DisposeRequest {
  type: 'dispose';
}

export type HostMessage = InitRequest | EmbedRequest | CancelRequest | DisposeRequest;

export interface ReadyReply {
  type: 'ready';
  id: number;
  info: EmbedderInfo;
}

/** All vectors of one request in one buffer (`count * dim` floats), so it transfers without a copy. */
export interface EmbeddedReply {
  type: 'embedded';
  id: number;
  dim: number;
  count: number;
  data: Float32Array;
}

/** A failure. `id` is null when no request caused it (for example an unhandled rejection). */
export interface ErrorReply {
  type: 'error';
  id: number | null;
  message: string;
}

export type WorkerReply = ReadyReply | EmbeddedReply | ErrorReply;

/** Narrows an untrusted `MessageEvent.data` to a reply the host understands. */
export function isWorkerReply(value: unknown): value is WorkerReply {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  switch (v['type']) {
    case 'ready':
      return typeof v['id'] === 'number' && typeof v['info'] === 'object' && v['info'] !== null;
    case 'embedded':
      return typeof v['id'] === 'number' && typeof v['dim'] === 'number' && typeof v['count'] === 'number'
        && v['data'] instanceof Float32Array;
    case 'error':
      return (typeof v['id'] === 'number' || v['id'] === null) && typeof v['message'] === 'string';
    default:
      return false;
  }
}

/** Copies vectors of equal length into one buffer. Throws on ragged input. */
export function packVectors(vectors: ArrayLike<number>[]): { dim: number; count: number; data: Float32Array } {
  const count = vectors.length;
  const dim = count === 0 ? 0 : vectors[0]!.length;
  const data = new Float32Array(count * dim);
  vectors.forEach((v, i) => {
    if (v.length !== dim) throw new Error(`Vector ${i} has ${v.length} values, expected ${dim}.`);
    data.set(v, i * dim);
  });
  return { dim, count, data };
}

/**
 * Splits a packed buffer into one view per vector. Throws when the sizes disagree or a value is not
 * finite: a NaN vector silently wrecks ranking, so it must never reach the index.
 */
export function unpackVectors(reply: Pick<EmbeddedReply, 'dim' | 'count' | 'data'>): Float32Array[] {
  const { dim, count, data } = reply;
  if (data.length !== dim * count) {
    throw new Error(`Embedding reply holds ${data.length} values, expected ${count} x ${dim}.`);
  }
  const out: Float32Array[] = [];
  for (let i = 0; i < count; i++) {
    const v = data.subarray(i * dim, (i + 1) * dim);
    if (!v.every(Number.isFinite)) throw new Error(`Embedding ${i} contains NaN or Infinity.`);
    out.push(v);
  }
  return out;
}

interface Waiter<T> {
  resolve(value: T): void;
  reject(error: Error): void;
}

/**
 * Requests in flight, keyed by id. Ids are never reused within one table, so a late reply to a
 * cancelled request cannot settle a newer one.
 */
export class PendingRequests<T> {
  private nextId = 1;
  private readonly waiters = new Map<number, Waiter<T>>();

  /** Registers a new request and returns its id with the promise its reply settles. */
  open(): { id: number; promise: Promise<T> } {
    const id = this.nextId++;
    const promise = new Promise<T>((resolve, reject) => this.waiters.set(id, { resolve, reject }));
    return { id, promise };
  }

  /** True while the request waits for its reply. */
  has(id: number): boolean {
    return this.waiters.has(id);
  }

  get size(): number {
    return this.waiters.size;
  }

  /** Ids of the requests still waiting, oldest first. */
  ids(): number[] {
    return [...this.waiters.keys()];
  }

  /** Settles a request with its value; returns false when it was already settled or cancelled. */
  resolve(id: number, value: T): boolean {
    const waiter = this.take(id);
    waiter?.resolve(value);
    return waiter !== undefined;
  }

  /** Fails one request; returns false when it was already settled. */
  reject(id: number, error: Error): boolean {
    const waiter = this.take(id);
    waiter?.reject(error);
    return waiter !== undefined;
  }

  /** Fails every open request, e.g. when the worker died or was terminated. */
  rejectAll(error: Error): void {
    const all = [...this.waiters.values()];
    this.waiters.clear();
    for (const waiter of all) waiter.reject(error);
  }

  private take(id: number): Waiter<T> | undefined {
    const waiter = this.waiters.get(id);
    this.waiters.delete(id);
    return waiter;
  }
}

/** Error raised for requests that were cancelled by the caller or by `dispose()`. */
export class EmbeddingCancelledError extends Error {
  constructor(message = 'Embedding cancelled.') {
    super(message);
    this.name = 'EmbeddingCancelledError';
  }
}
