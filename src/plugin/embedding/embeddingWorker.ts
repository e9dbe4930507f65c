/**
 * Entry of the embedding Web Worker (bundled as an iife and inlined into main.js as a string).
 *
 * It runs transformers.js on onnxruntime-web's wasm backend and never touches the network: the main
 * thread posts the model files and the `.wasm` as bytes, and a custom `env.fetch` serves the files
 * from memory. Every failure is posted back as an `error` message.
 *
 * It calls the pipeline directly rather than `TransformersEmbedder`, because that class reads the disk
 * with `node:fs` and hashes with `node:crypto`; the shared pure parts (prefixes, vector checks) are
 * reused, and the fingerprint is computed the same way (`workerFingerprint.ts`).
 */
import { env, LogLevel, pipeline, type FeatureExtractionPipeline } from '@huggingface/transformers';
import { applyPrefix, prefixesForModel, type EmbedPrefixes } from '../../core/embedding/modelPrefixes';
import { embedInCheckedBatches, findVectorProblem } from '../../core/embedding/vectorCheck';
import { onnxFileFor, type ModelDtype } from '../../core/embedding/modelFiles';
import { embedPipelineBatch } from '../../core/embedding/pipelineBatch';
import { packVectors, type EmbedRequest, type HostMessage, type InitRequest, type WorkerReply } from './workerProtocol';
import { workerFingerprint } from './workerFingerprint';

/** Where transformers.js believes local models live; only our `env.fetch` ever sees these paths. */
const MODEL_ROOT = '/models/';
/** Texts per model call; peer plugins ran out of memory with larger batches of long chunks. */
const BATCH_SIZE = 32;

interface LoadedModel {
  modelId: string;
  dtype: ModelDtype;
  extractor: FeatureExtractionPipeline;
  prefixes: EmbedPrefixes;
  dim: number;
}

let model: LoadedModel | null = null;
/** Embed requests run one at a time, in order; cancelled ones are skipped when their turn comes. */
let queue: Promise<void> = Promise.resolve();
const cancelled = new Set<number>();

function reply(message: WorkerReply, transfer: Transferable[] = []): void {
  self.postMessage(message, { transfer });
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Answers transformers.js' file requests from the posted bytes; 404 for anything else. */
function memoryFetch(modelId: string, files: Map<string, ArrayBuffer>): typeof fetch {
  const prefix = `${MODEL_ROOT}${modelId}/`;
  return async (input: RequestInfo | URL): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const file = url.startsWith(prefix) ? files.get(url.slice(prefix.length)) : undefined;
    if (file === undefined) return new Response(null, { status: 404, statusText: 'Not Found' });
    return new Response(file, { status: 200, headers: { 'content-length': String(file.byteLength) } });
  };
}

/** Points both libraries at memory only: no remote models, no caches, the `.wasm` from bytes. */
function configureRuntime(modelId: string, files: Map<string, ArrayBuffer>, wasm: ArrayBuffer): void {
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = MODEL_ROOT;
  env.useBrowserCache = false;
  env.useWasmCache = false;
  env.useCustomCache = false;
  env.fetch = memoryFetch(modelId, files);
  env.logLevel = LogLevel.ERROR;
  const wasmEnv = env.backends.onnx.wasm;
  if (!wasmEnv) throw new Error('onnxruntime-web has no wasm backend in this bundle.');
  // An object without `mjs` makes onnxruntime use the loader bundled in; the bytes replace the fetch.
  wasmEnv.wasmPaths = {};
  wasmEnv.wasmBinary = wasm;
  // Not cross-origin isolated: no SharedArrayBuffer, so no threads; and no proxy worker of its own.
  wasmEnv.numThreads = 1;
  wasmEnv.proxy = false;
}

async function init(request: InitRequest): Promise<void> {
  if (model) throw new Error('The embedding worker is already initialised.');
  const { modelId, dtype, wasm } = request;
  const files = new Map(Object.entries(request.files));
  const config = files.get('config.json');
  if (!config) throw new Error(`config.json is missing for model "${modelId}".`);
  const fileFacts = {
    config: new Uint8Array(config.slice(0)),
    tokenizerBytes: files.get('tokenizer.json')?.byteLength ?? null,
    onnxBytes: files.get(onnxFileFor(dtype))?.byteLength ?? null,
  };

  configureRuntime(modelId, files, wasm);
  const extractor = await pipeline('feature-extraction', modelId, { dtype, device: 'wasm', local_files_only: true });
  // The session holds its own copy now; drop ours so the model is not kept twice.
  files.clear();

  const prefixes = request.prefixes ?? prefixesForModel(modelId);
  const [probe] = await runBatch(extractor, [`${prefixes.passage}visie`]);
  if (!probe || findVectorProblem(probe) !== null) {
    await extractor.dispose();
    throw new Error(`Model "${modelId}" loaded but gives unusable vectors (NaN, Infinity or all zeros).`);
  }
  model = { modelId, dtype, extractor, prefixes, dim: probe.length };
  const fingerprint = workerFingerprint({ modelId, dtype, dim: probe.length, prefixes, ...fileFacts });
  reply({ type: 'ready', id: request.id, info: { modelId, dim: probe.length, fingerprint } });
}

function runBatch(extractor: FeatureExtractionPipeline, texts: string[]): Promise<Float32Array[]> {
  return embedPipelineBatch(extractor, texts);
}

async function embed(request: EmbedRequest): Promise<void> {
  if (cancelled.delete(request.id)) return;
  if (!model) throw new Error('The embedding worker has no model loaded.');
  const { extractor, prefixes, dim, modelId } = model;
  const vectors = await embedInCheckedBatches(applyPrefix(request.texts, request.kind, prefixes), (batch) => runBatch(extractor, batch), {
    batchSize: BATCH_SIZE,
    expectedDim: dim,
    modelId,
  });
  if (cancelled.delete(request.id)) return;
  const packed = packVectors(vectors);
  reply({ type: 'embedded', id: request.id, ...packed, dim: vectors.length === 0 ? dim : packed.dim }, [packed.data.buffer]);
}

async function dispose(): Promise<void> {
  const current = model;
  model = null;
  await current?.extractor.dispose();
  self.close();
}

function handle(message: HostMessage): void {
  switch (message.type) {
    case 'init':
      init(message).catch((error: unknown) => reply({ type: 'error', id: message.id, message: errorText(error) }));
      break;
    case 'embed':
      queue = queue
        .then(() => embed(message))
        .catch((error: unknown) => reply({ type: 'error', id: message.id, message: errorText(error) }));
      break;
    case 'cancel':
      cancelled.add(message.id);
      break;
    case 'dispose':
      queue = queue.then(dispose).catch((error: unknown) => reply({ type: 'error', id: null, message: errorText(error) }));
      break;
    default:
      reply({ type: 'error', id: null, message: `Unknown message ${JSON.stringify((message as { type?: unknown }).type)}.` });
  }
}

self.addEventListener('message', (event: MessageEvent) => {
  try {
    handle(event.data as HostMessage);
  } catch (error) {
    reply({ type: 'error', id: null, message: errorText(error) });
  }
});

// Anything that escapes the handlers above still reaches the host instead of vanishing.
self.addEventListener('unhandledrejection', (event: PromiseRejectionEvent) => {
  event.preventDefault();
  reply({ type: 'error', id: null, message: errorText(event.reason) });
});
