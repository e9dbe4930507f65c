/**
 * Which files an embedding model needs on disk, where they live inside a model folder, and where they
 * can be downloaded from. Pure: no I/O, so the plugin, the CLI and tests share one answer.
 *
 * A model folder uses the Hugging Face hub layout (`config.json`, `onnx/model_quantized.onnx`, ...) and
 * also holds the onnxruntime-web `.wasm` the browser runtime needs, under a versioned sub-folder because
 * a `.wasm` from another onnxruntime-web build does not fit the JavaScript that loads it.
 */

/** The model used when none is configured: multilingual (handles Dutch), 384 dims, about 120 MB in q8. */
export const DEFAULT_MODEL_ID = 'Xenova/multilingual-e5-small';

/** Weight precision. `q8` is the quantized ONNX file (about 4x smaller), `fp32` the full one. */
export type ModelDtype = 'q8' | 'fp32';

/** The onnxruntime-web binary used by the `onnxruntime-web/wasm` build (SIMD, no WebGPU, no asyncify). */
export const ORT_WASM_FILE_NAME = 'ort-wasm-simd-threaded.wasm';

const HUB_BASE = 'https://huggingface.co';
const JSDELIVR_BASE = 'https://cdn.jsdelivr.net/npm';

/** One file a model folder must contain, with where to get it. */
export interface ModelFileEntry {
  /** Path inside the model folder, forward slashes, e.g. `onnx/model_quantized.onnx`. */
  path: string;
  /** Where the downloader fetches it from. */
  url: string;
  /** `model` files come from the hub; the `runtime` file from the onnxruntime-web package on jsDelivr. */
  kind: 'model' | 'runtime';
}

// Hub names are `owner/name` (or a legacy bare `name`); refusing anything else keeps `..` and
// absolute paths out of both URLs and folder paths. The hub (and transformers.js) also refuse `--`.
const MODEL_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)?$/;
// npm versions such as `1.31.0-dev.20260914-8d85527a0`.
const VERSION_PATTERN = /^[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.-]+)?$/;

/** True when `modelId` is a hub id this plugin is willing to turn into a URL and a folder path. */
export function isValidModelId(modelId: string): boolean {
  return MODEL_ID_PATTERN.test(modelId) && !modelId.includes('..') && !modelId.includes('--');
}

/** Throws a readable error for ids that are not `owner/name`. */
export function assertValidModelId(modelId: string): void {
  if (!isValidModelId(modelId)) {
    throw new Error(`Ongeldige model-id "${modelId}": verwacht "eigenaar/naam", bijvoorbeeld "Xenova/multilingual-e5-small".`);
  }
}

/** The ONNX weights file for a precision, in hub layout. */
export function onnxFileFor(dtype: ModelDtype): string {
  return dtype === 'q8' ? 'onnx/model_quantized.onnx' : 'onnx/model.onnx';
}

/** The hub files transformers.js reads for a feature-extraction model, in load order. */
export function modelFilePaths(dtype: ModelDtype): string[] {
  return ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'special_tokens_map.json', onnxFileFor(dtype)];
}

/** Where the `.wasm` lives inside a model folder, e.g. `onnxruntime-web-1.31.0/ort-wasm-simd-threaded.wasm`. */
export function ortWasmPath(ortVersion: string): string {
  assertValidVersion(ortVersion);
  return `onnxruntime-web-${ortVersion}/${ORT_WASM_FILE_NAME}`;
}

/** Download URL of one hub file, pinned to the `main` revision. */
export function hubFileUrl(modelId: string, file: string): string {
  assertValidModelId(modelId);
  return `${HUB_BASE}/${modelId}/resolve/main/${file}`;
}

/** jsDelivr URL of the `.wasm` for exactly this onnxruntime-web version. */
export function ortWasmUrl(ortVersion: string): string {
  assertValidVersion(ortVersion);
  return `${JSDELIVR_BASE}/onnxruntime-web@${ortVersion}/dist/${ORT_WASM_FILE_NAME}`;
}

/** Everything a model folder needs for `modelId` at `dtype` with this onnxruntime-web build. */
export function modelFolderContents(modelId: string, dtype: ModelDtype, ortVersion: string): ModelFileEntry[] {
  const model = modelFilePaths(dtype).map((path): ModelFileEntry => ({ path, url: hubFileUrl(modelId, path), kind: 'model' }));
  return [...model, { path: ortWasmPath(ortVersion), url: ortWasmUrl(ortVersion), kind: 'runtime' }];
}

/** Joins folder and relative path with single forward slashes (vault paths, not OS paths). */
export function joinModelPath(dir: string, relative: string): string {
  const trimmed = dir.replace(/\/+$/, '');
  return trimmed === '' ? relative : `${trimmed}/${relative}`;
}

function assertValidVersion(version: string): void {
  if (!VERSION_PATTERN.test(version)) {
    throw new Error(`Ongeldige onnxruntime-web-versie "${version}".`);
  }
}
