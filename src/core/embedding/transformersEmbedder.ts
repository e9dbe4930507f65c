/**
 * The Node embedder (CLI, tests, benchmarks): transformers.js feature extraction on the native
 * onnxruntime-node backend, mean pooling (meanPool.ts), L2-normalised. Inside Obsidian a Web Worker does this instead.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { env, pipeline, type FeatureExtractionPipeline } from '@huggingface/transformers';
import type { EmbedKind, Embedder, EmbedderInfo } from '../index/types';
import { DEFAULT_MODEL_ID, onnxFileFor, type ModelDtype } from './modelFiles';
import { applyPrefix, prefixesForModel, type EmbedPrefixes } from './modelPrefixes';
import { embedInCheckedBatches, findVectorProblem } from './vectorCheck';
import { embedPipelineBatch } from './pipelineBatch';

export { EmbeddingError } from './vectorCheck';

export { DEFAULT_MODEL_ID };

/** Most texts per model call; larger batches of long chunks ran out of memory in peer plugins. */
export const MAX_BATCH_SIZE = 32;

/** Weight precision. `q8` (int8, `onnx/model_quantized.onnx`) is smaller and faster; `fp32` is `onnx/model.onnx`. */
export type EmbedderDtype = ModelDtype;

/** Bumped when the way fingerprints are computed changes, so old indexes are rebuilt rather than mixed. */
const FINGERPRINT_SCHEME = 1;

export interface TransformersEmbedderOptions {
  /** Model id as on the Hugging Face hub, also the folder name under `localModelDir`. Default `Xenova/multilingual-e5-small`. */
  modelId?: string;
  /**
   * Folder holding model folders in the hub layout (`<dir>/<modelId>/config.json`, `.../onnx/*.onnx`).
   * When set, nothing is ever downloaded: remote loading is switched off whatever `allowRemote` says.
   */
  localModelDir?: string;
  /** May the model be downloaded from the Hugging Face hub when missing? Default false; only on the user's request. */
  allowRemote?: boolean;
  /** Where downloaded models are kept (transformers.js `env.cacheDir`). Default: the library's own cache folder. */
  cacheDir?: string;
  /** Weight precision; always passed to transformers.js because its defaults differ between builds. Default `q8`. */
  dtype?: EmbedderDtype;
  /** Texts per model call, clamped to 1..32. Default 32. */
  batchSize?: number;
  /**
   * Threads the native runtime may use inside one model call (onnxruntime's intra-op threads). Default:
   * its own choice, one per core. The CLI's model thread asks for one core fewer, leaving one to the
   * main thread that parses notes meanwhile. Ignored by the browser build.
   */
  intraOpThreads?: number;
  /** `auto` (default): e5-family ids get `query: ` / `passage: `, other models nothing. Or give them explicitly. */
  prefixes?: EmbedPrefixes | 'auto';
}

/** The model could not be loaded; the message says what is missing and where it was looked for. */
export class ModelLoadError extends Error {
  override readonly name = 'ModelLoadError';
}

/** Serialises loads: transformers.js keeps its settings (`env`) in one global object. */
let loadQueue: Promise<unknown> = Promise.resolve();

/**
 * Embeds texts with a local transformers.js model. Offline unless `allowRemote` is set and no
 * `localModelDir` is given. Every vector is checked (see vectorCheck.ts) before it is returned.
 */
export class TransformersEmbedder implements Embedder {
  readonly modelId: string;
  readonly dtype: EmbedderDtype;
  readonly batchSize: number;
  readonly prefixes: EmbedPrefixes;
  private readonly options: TransformersEmbedderOptions;
  private extractor: FeatureExtractionPipeline | null = null;
  private loading: Promise<EmbedderInfo> | null = null;

  constructor(options: TransformersEmbedderOptions = {}) {
    this.options = options;
    this.modelId = options.modelId ?? DEFAULT_MODEL_ID;
    this.dtype = options.dtype ?? 'q8';
    this.batchSize = clampBatchSize(options.batchSize);
    const prefixes = options.prefixes ?? 'auto';
    this.prefixes = prefixes === 'auto' ? prefixesForModel(this.modelId) : { ...prefixes };
  }

  /** Loads the model once (later calls share the result) and probes one text to learn the vector size. */
  load(): Promise<EmbedderInfo> {
    if (!this.loading) {
      const loading = loadQueue.then(() => this.loadNow());
      loadQueue = loading.catch(() => undefined);
      this.loading = loading.catch((error: unknown) => {
        this.loading = null; // a later call may retry, e.g. after the user placed the files
        throw error;
      });
    }
    return this.loading;
  }

  async embed(texts: string[], kind: EmbedKind): Promise<Float32Array[]> {
    const info = await this.load();
    if (texts.length === 0) return [];
    return embedInCheckedBatches(applyPrefix(texts, kind, this.prefixes), (batch) => this.runBatch(batch), {
      batchSize: this.batchSize,
      expectedDim: info.dim,
      modelId: this.modelId,
    });
  }

  /** Frees the ONNX session; waits for a load in progress first so its session is not leaked. */
  async dispose(): Promise<void> {
    const pending = this.loading;
    this.loading = null;
    await pending?.catch(() => undefined);
    await this.releaseExtractor();
  }

  /** One model call for already-prefixed texts. Protected so tests can observe or corrupt what the model returns. */
  protected async runBatch(texts: string[]): Promise<Float32Array[]> {
    if (!this.extractor) throw new Error(`Model "${this.modelId}" is not loaded.`);
    return embedPipelineBatch(this.extractor, texts);
  }

  private async loadNow(): Promise<EmbedderInfo> {
    const { localModelDir, cacheDir } = this.options;
    const offline = localModelDir !== undefined || this.options.allowRemote !== true;
    if (localModelDir !== undefined) this.checkLocalFiles(localModelDir);

    env.allowLocalModels = true;
    env.allowRemoteModels = !offline;
    if (localModelDir !== undefined) env.localModelPath = localModelDir;
    if (cacheDir !== undefined) env.cacheDir = cacheDir;

    try {
      const threads = this.options.intraOpThreads;
      const session_options = threads === undefined ? undefined : { intraOpNumThreads: Math.max(1, Math.floor(threads)) };
      this.extractor = await pipeline('feature-extraction', this.modelId, { dtype: this.dtype, local_files_only: offline, session_options });
    } catch (error) {
      throw new ModelLoadError(this.describeLoadFailure(error, offline), { cause: error });
    }

    const [probe] = await this.runBatch([`${this.prefixes.passage}visie`]);
    if (!probe || findVectorProblem(probe) !== null) {
      await this.releaseExtractor();
      throw new ModelLoadError(`Model "${this.modelId}" loaded but gives unusable vectors (NaN, Infinity or all zeros).`);
    }
    return { modelId: this.modelId, dim: probe.length, fingerprint: this.fingerprint(probe.length) };
  }

  private async releaseExtractor(): Promise<void> {
    const extractor = this.extractor;
    this.extractor = null;
    await extractor?.dispose();
  }

  /** Clear messages for the usual mistakes, before transformers.js gives a less readable one. */
  private checkLocalFiles(dir: string): void {
    const modelDir = join(dir, this.modelId);
    const configPath = join(modelDir, 'config.json');
    if (!existsSync(configPath)) {
      throw new ModelLoadError(`Model "${this.modelId}" not found in ${dir} (expected ${configPath}).`);
    }
    const onnxFile = onnxFileFor(this.dtype);
    for (const file of ['tokenizer.json', 'tokenizer_config.json', onnxFile]) {
      if (!existsSync(join(modelDir, file))) {
        const hint = file === onnxFile ? ` (needed for dtype "${this.dtype}")` : '';
        throw new ModelLoadError(`Model "${this.modelId}" in ${dir} is incomplete: ${join(modelDir, file)} is missing${hint}.`);
      }
    }
  }

  private describeLoadFailure(error: unknown, offline: boolean): string {
    const reason = error instanceof Error ? error.message : String(error);
    const { localModelDir } = this.options;
    if (localModelDir !== undefined) return `Could not load model "${this.modelId}" from ${localModelDir}: ${reason}`;
    if (offline) {
      return `Model "${this.modelId}" is not available on this computer and downloading is off. ` +
        `Point localModelDir at a folder holding it, or allow a one-time download. (${reason})`;
    }
    return `Could not load or download model "${this.modelId}": ${reason}`;
  }

  /** Identity of everything that shapes the vectors: id, dtype, dim, prefixes and the model's files. */
  private fingerprint(dim: number): string {
    const folder = this.modelFolder();
    const fileFacts = folder === null ? this.loadedConfigFacts() : {
      config: sha256(readFileSync(join(folder, 'config.json'))),
      tokenizerBytes: sizeOf(join(folder, 'tokenizer.json')),
      onnxBytes: sizeOf(join(folder, onnxFileFor(this.dtype))),
    };
    const facts = { scheme: FINGERPRINT_SCHEME, modelId: this.modelId, dtype: this.dtype, dim, prefixes: this.prefixes, ...fileFacts };
    return `${this.modelId}@${this.dtype}/${dim}/${sha256(JSON.stringify(facts)).slice(0, 16)}`;
  }

  /** The folder the files were loaded from, when it can be found on disk. */
  private modelFolder(): string | null {
    const candidates = [this.options.localModelDir, env.cacheDir, env.localModelPath]
      .filter((dir): dir is string => typeof dir === 'string' && dir !== '')
      .map((dir) => join(dir, this.modelId));
    return candidates.find((dir) => existsSync(join(dir, 'config.json'))) ?? null;
  }

  private loadedConfigFacts(): Record<string, string> {
    return { config: sha256(JSON.stringify(this.extractor?.model.config ?? null)) };
  }
}

function clampBatchSize(requested: number | undefined): number {
  if (requested === undefined || !Number.isFinite(requested)) return MAX_BATCH_SIZE;
  return Math.min(MAX_BATCH_SIZE, Math.max(1, Math.floor(requested)));
}

function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

function sizeOf(path: string): number | null {
  return existsSync(path) ? statSync(path).size : null;
}
