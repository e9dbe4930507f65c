/**
 * Runs in headless Chromium for `scripts/browser-worker-check.mjs`: the plugin's own host code starts
 * the inlined worker from a Blob, exactly as main.js does, with `readFile` served by the local test
 * server in place of the vault adapter.
 */
import type { EmbedKind, EmbedderInfo } from '../../src/core/index/types';
import type { ModelDtype } from '../../src/core/embedding/modelFiles';
import { ortWasmPath } from '../../src/core/embedding/modelFiles';
import { ORT_WEB_VERSION } from '../../src/plugin/embedding/ortWebVersion';
import { spawnEmbeddingWorker } from '../../src/plugin/embedding/spawnEmbeddingWorker';
import { WorkerEmbedder } from '../../src/plugin/embedding/workerEmbedder';
import { readFile } from './pageFiles';

export interface PageCheckInput {
  modelId: string;
  dtype: ModelDtype;
  /** Folder under `/files/` holding the model and its runtime, as the plugin's model folder would. */
  modelDir: string;
  texts: string[];
}

export interface PageCheckResult {
  info: EmbedderInfo;
  vectors: Record<EmbedKind, number[][]>;
  loadMs: number;
  embedMs: number;
  cancelRejected: boolean;
  embedAfterCancelOk: boolean;
  afterDispose: string;
  spawned: number;
  terminated: number;
}

async function runEmbeddingCheck(input: PageCheckInput): Promise<PageCheckResult> {
  if (ORT_WEB_VERSION === null) throw new Error('page bundle was built without the onnxruntime-web version');
  let spawned = 0;
  let terminated = 0;
  const embedder = new WorkerEmbedder({
    modelId: input.modelId,
    dtype: input.dtype,
    modelDir: input.modelDir,
    wasmPath: `${input.modelDir}/${ortWasmPath(ORT_WEB_VERSION)}`,
    readFile,
    spawn: () => {
      const started = spawnEmbeddingWorker();
      spawned++;
      const terminate = started.worker.terminate.bind(started.worker);
      started.worker.terminate = () => {
        terminated++;
        terminate();
      };
      return started;
    },
  });

  const t0 = performance.now();
  const info = await embedder.load();
  const t1 = performance.now();
  const passage = await embedder.embed(input.texts, 'passage');
  const t2 = performance.now();
  const query = await embedder.embed(input.texts, 'query');

  const abort = new AbortController();
  const doomed = embedder.embed(input.texts, 'passage', { signal: abort.signal });
  abort.abort();
  const cancelRejected = await doomed.then(() => false, (error: Error) => error.name === 'EmbeddingCancelledError');
  const again = await embedder.embed(input.texts.slice(0, 1), 'passage');

  await embedder.dispose();
  const afterDispose = await embedder.embed(input.texts, 'passage').then(() => 'resolved', (error: Error) => error.name);

  return {
    info,
    vectors: { passage: passage.map((v) => Array.from(v)), query: query.map((v) => Array.from(v)) },
    loadMs: t1 - t0,
    embedMs: t2 - t1,
    cancelRejected,
    embedAfterCancelOk: again.length === 1 && again[0]!.length === info.dim,
    afterDispose,
    spawned,
    terminated,
  };
}

/** What `load()` ended in when one file is replaced by junk: the error text, or `timeout` if it hung. */
async function loadWithJunk(input: PageCheckInput, junkSuffix: string): Promise<string> {
  if (ORT_WEB_VERSION === null) throw new Error('page bundle was built without the onnxruntime-web version');
  const embedder = new WorkerEmbedder({
    modelId: input.modelId,
    dtype: input.dtype,
    modelDir: input.modelDir,
    wasmPath: `${input.modelDir}/${ortWasmPath(ORT_WEB_VERSION)}`,
    readFile: async (path) => (path.endsWith(junkSuffix) ? new Uint8Array(4096).fill(42).buffer : readFile(path)),
    spawn: spawnEmbeddingWorker,
  });
  const timeout = new Promise<string>((resolve) => window.setTimeout(() => resolve('timeout'), 20_000));
  const outcome = embedder.load().then(() => 'loaded', (error: Error) => `error: ${error.message}`);
  const result = await Promise.race([outcome, timeout]);
  await embedder.dispose();
  return result;
}

/** Corrupt runtime and corrupt weights must come back as errors from the worker, not hang or vanish. */
async function runFailureCheck(input: PageCheckInput): Promise<{ badWasm: string; badOnnx: string }> {
  return { badWasm: await loadWithJunk(input, '.wasm'), badOnnx: await loadWithJunk(input, '.onnx') };
}

const exposed = window as unknown as { runEmbeddingCheck: typeof runEmbeddingCheck; runFailureCheck: typeof runFailureCheck };
exposed.runEmbeddingCheck = runEmbeddingCheck;
exposed.runFailureCheck = runFailureCheck;
