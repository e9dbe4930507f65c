import { beforeEach, describe, expect, it } from 'vitest';
import { WorkerEmbedder, type SpawnedWorker, type WorkerLike } from '../../../src/plugin/embedding/workerEmbedder';
import { EmbeddingCancelledError, packVectors, type HostMessage } from '../../../src/plugin/embedding/workerProtocol';

/** Stands in for a Web Worker: records what the host posts and lets the test answer. */
class FakeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  readonly posted: { message: HostMessage; transfer: Transferable[] }[] = [];
  terminated = false;

  postMessage(message: HostMessage, transfer: Transferable[]): void {
    if (this.terminated) throw new Error('posted to a terminated worker');
    this.posted.push({ message, transfer });
  }

  terminate(): void {
    this.terminated = true;
  }

  reply(data: unknown): void {
    this.onmessage?.({ data } as MessageEvent);
  }

  crash(message: string): void {
    this.onerror?.({ message, preventDefault: () => undefined } as ErrorEvent);
  }

  lastOf<T extends HostMessage['type']>(type: T): Extract<HostMessage, { type: T }> {
    const found = [...this.posted].reverse().find((p) => p.message.type === type);
    if (!found) throw new Error(`nothing of type ${type} was posted`);
    return found.message as Extract<HostMessage, { type: T }>;
  }
}

const MODEL_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'special_tokens_map.json', 'onnx/model_quantized.onnx'];
const INFO = { modelId: 'owner/model', dim: 2, fingerprint: 'owner/model@q8/2/abc' };

/** Lets pending promise callbacks (file reads, posts) run. */
const flush = () => new Promise((resolve) => setImmediate(resolve));

let workers: FakeWorker[];
let released: number;
let reads: string[];
let disk: Map<string, ArrayBuffer>;

function makeEmbedder(): WorkerEmbedder {
  return new WorkerEmbedder({
    modelId: 'owner/model',
    dtype: 'q8',
    modelDir: 'plugins/vw/models/owner/model',
    wasmPath: 'plugins/vw/models/owner/model/ort/ort-wasm-simd-threaded.wasm',
    readFile: async (path) => {
      reads.push(path);
      const bytes = disk.get(path);
      if (!bytes) throw new Error('ENOENT');
      return bytes;
    },
    spawn: (): SpawnedWorker => {
      const worker = new FakeWorker();
      workers.push(worker);
      return { worker, release: () => released++ };
    },
  });
}

/** Starts `load()` and answers the init request as a healthy worker would. */
async function loaded(embedder: WorkerEmbedder): Promise<FakeWorker> {
  const loading = embedder.load();
  await flush();
  const worker = workers.at(-1)!;
  worker.reply({ type: 'ready', id: worker.lastOf('init').id, info: INFO });
  await loading;
  return worker;
}

function answer(worker: FakeWorker, id: number, vectors: number[][]): void {
  worker.reply({ type: 'embedded', id, ...packVectors(vectors.map((v) => new Float32Array(v))) });
}

beforeEach(() => {
  workers = [];
  released = 0;
  reads = [];
  disk = new Map();
  for (const file of MODEL_FILES) disk.set(`plugins/vw/models/owner/model/${file}`, new ArrayBuffer(8));
  disk.set('plugins/vw/models/owner/model/ort/ort-wasm-simd-threaded.wasm', new ArrayBuffer(16));
});

describe('WorkerEmbedder.load', () => {
  it('posts every model file and the wasm, transferred rather than copied, and returns the worker info', async () => {
    const embedder = makeEmbedder();
    const loading = embedder.load();
    await flush();
    const worker = workers[0]!;
    const init = worker.lastOf('init');
    expect(Object.keys(init.files).sort()).toEqual([...MODEL_FILES].sort());
    expect(init.wasm.byteLength).toBe(16);
    const transfer = worker.posted[0]!.transfer;
    expect(transfer).toContain(init.wasm);
    for (const file of MODEL_FILES) expect(transfer).toContain(init.files[file]);
    worker.reply({ type: 'ready', id: init.id, info: INFO });
    await expect(loading).resolves.toEqual(INFO);
    await expect(embedder.load()).resolves.toEqual(INFO);
    expect(workers).toHaveLength(1);
  });

  it('names the missing file and starts no worker when a model file cannot be read', async () => {
    disk.delete('plugins/vw/models/owner/model/tokenizer.json');
    const embedder = makeEmbedder();
    await expect(embedder.load()).rejects.toThrow('plugins/vw/models/owner/model/tokenizer.json');
    expect(workers).toHaveLength(0);
  });

  it('surfaces an init error, frees that worker, and starts a fresh one on the next try', async () => {
    const embedder = makeEmbedder();
    const loading = embedder.load();
    await flush();
    const first = workers[0]!;
    first.reply({ type: 'error', id: first.lastOf('init').id, message: 'tokenizer is broken' });
    await expect(loading).rejects.toThrow('tokenizer is broken');
    await flush();
    expect(first.terminated).toBe(true);
    expect(released).toBe(1);
    await loaded(embedder);
    expect(workers).toHaveLength(2);
  });
});

describe('WorkerEmbedder.embed', () => {
  it('matches replies to requests by id, whatever order they come in', async () => {
    const embedder = makeEmbedder();
    const worker = await loaded(embedder);
    const first = embedder.embed(['a'], 'passage');
    const second = embedder.embed(['b', 'c'], 'query');
    await flush();
    const [req1, req2] = worker.posted.filter((p) => p.message.type === 'embed').map((p) => p.message as Extract<HostMessage, { type: 'embed' }>);
    expect(req1).toMatchObject({ texts: ['a'], kind: 'passage' });
    expect(req2).toMatchObject({ texts: ['b', 'c'], kind: 'query' });
    answer(worker, req2!.id, [[0, 1], [1, 0]]);
    answer(worker, req1!.id, [[0.6, 0.8]]);
    expect((await first).map((v) => Array.from(v))).toEqual([[expect.closeTo(0.6), expect.closeTo(0.8)]]);
    expect((await second).map((v) => Array.from(v))).toEqual([[0, 1], [1, 0]]);
  });

  it('fails only the request the worker reports an error for', async () => {
    const embedder = makeEmbedder();
    const worker = await loaded(embedder);
    const bad = embedder.embed(['x'], 'passage');
    const good = embedder.embed(['y'], 'passage');
    await flush();
    const [badReq, goodReq] = worker.posted.filter((p) => p.message.type === 'embed').map((p) => p.message as { id: number });
    worker.reply({ type: 'error', id: badReq!.id, message: 'out of memory' });
    answer(worker, goodReq!.id, [[1, 0]]);
    await expect(bad).rejects.toThrow('out of memory');
    await expect(good).resolves.toHaveLength(1);
  });

  it('rejects a reply holding a NaN vector instead of passing it on', async () => {
    const embedder = makeEmbedder();
    const worker = await loaded(embedder);
    const pending = embedder.embed(['x'], 'passage');
    await flush();
    answer(worker, worker.lastOf('embed').id, [[NaN, 1]]);
    await expect(pending).rejects.toThrow(/NaN/);
  });

  it('fails everything in flight when the worker crashes, and restarts on the next call', async () => {
    const embedder = makeEmbedder();
    const worker = await loaded(embedder);
    const a = embedder.embed(['a'], 'passage');
    const b = embedder.embed(['b'], 'passage');
    await flush();
    worker.crash('wasm trap');
    await expect(a).rejects.toThrow('wasm trap');
    await expect(b).rejects.toThrow('wasm trap');
    expect(worker.terminated).toBe(true);
    expect(released).toBe(1);
    const again = embedder.embed(['c'], 'passage');
    await flush();
    const fresh = workers[1]!;
    fresh.reply({ type: 'ready', id: fresh.lastOf('init').id, info: INFO });
    await flush();
    answer(fresh, fresh.lastOf('embed').id, [[1, 0]]);
    await expect(again).resolves.toHaveLength(1);
  });

  it('treats an error without a request id as fatal', async () => {
    const embedder = makeEmbedder();
    const worker = await loaded(embedder);
    const pending = embedder.embed(['a'], 'passage');
    await flush();
    worker.reply({ type: 'error', id: null, message: 'unhandled rejection in worker' });
    await expect(pending).rejects.toThrow('unhandled rejection in worker');
    expect(worker.terminated).toBe(true);
  });

  it('cancels through an AbortSignal: rejects at once, tells the worker, ignores the late reply', async () => {
    const embedder = makeEmbedder();
    const worker = await loaded(embedder);
    const abort = new AbortController();
    const pending = embedder.embed(['a'], 'passage', { signal: abort.signal });
    await flush();
    const { id } = worker.lastOf('embed');
    abort.abort();
    await expect(pending).rejects.toBeInstanceOf(EmbeddingCancelledError);
    expect(worker.lastOf('cancel').id).toBe(id);
    answer(worker, id, [[1, 0]]); // arrives after the cancel: must not throw or settle anything
    const next = embedder.embed(['b'], 'passage');
    await flush();
    answer(worker, worker.lastOf('embed').id, [[0, 1]]);
    expect(Array.from((await next)[0]!)).toEqual([0, 1]);
  });

  it('cancelAll rejects every request in flight and tells the worker to skip them', async () => {
    const embedder = makeEmbedder();
    const worker = await loaded(embedder);
    const a = embedder.embed(['a'], 'passage');
    const b = embedder.embed(['b'], 'passage');
    await flush();
    const ids = worker.posted.filter((p) => p.message.type === 'embed').map((p) => (p.message as { id: number }).id);
    embedder.cancelAll();
    await expect(a).rejects.toBeInstanceOf(EmbeddingCancelledError);
    await expect(b).rejects.toBeInstanceOf(EmbeddingCancelledError);
    expect(worker.posted.filter((p) => p.message.type === 'cancel').map((p) => (p.message as { id: number }).id)).toEqual(ids);
    expect(worker.terminated).toBe(false);
  });

  it('does not even post a request whose signal is already aborted', async () => {
    const embedder = makeEmbedder();
    const worker = await loaded(embedder);
    const abort = new AbortController();
    abort.abort();
    await expect(embedder.embed(['a'], 'passage', { signal: abort.signal })).rejects.toBeInstanceOf(EmbeddingCancelledError);
    expect(worker.posted.some((p) => p.message.type === 'embed')).toBe(false);
  });
});

describe('WorkerEmbedder.dispose', () => {
  it('terminates the worker, revokes its Blob URL and rejects requests in flight', async () => {
    const embedder = makeEmbedder();
    const worker = await loaded(embedder);
    const pending = embedder.embed(['a'], 'passage');
    await flush();
    await embedder.dispose();
    expect(worker.terminated).toBe(true);
    expect(released).toBe(1);
    await expect(pending).rejects.toBeInstanceOf(EmbeddingCancelledError);
  });

  it('stays disposed: later calls reject and never start another worker', async () => {
    const embedder = makeEmbedder();
    await loaded(embedder);
    await embedder.dispose();
    await embedder.dispose();
    await expect(embedder.embed(['a'], 'passage')).rejects.toBeInstanceOf(EmbeddingCancelledError);
    await expect(embedder.load()).rejects.toBeInstanceOf(EmbeddingCancelledError);
    expect(workers).toHaveLength(1);
    expect(released).toBe(1);
  });

  it('starts no worker when disposed while the model files were still being read', async () => {
    const embedder = makeEmbedder();
    const loading = embedder.load();
    await embedder.dispose();
    await expect(loading).rejects.toBeInstanceOf(EmbeddingCancelledError);
    expect(workers).toHaveLength(0);
  });
});
