/**
 * The model fingerprint as the worker computes it. It must equal what `TransformersEmbedder` computes
 * in Node for the same files (the browser check compares them), so an index built by the CLI stays
 * valid in the plugin and the reverse.
 */
import type { EmbedPrefixes } from '../../core/embedding/modelPrefixes';
import type { ModelDtype } from '../../core/embedding/modelFiles';
import { sha256Hex } from './sha256';

/** Keep in step with `FINGERPRINT_SCHEME` in transformersEmbedder.ts. */
const FINGERPRINT_SCHEME = 1;

export interface FingerprintInput {
  modelId: string;
  dtype: ModelDtype;
  dim: number;
  prefixes: EmbedPrefixes;
  /** Bytes of `config.json`. */
  config: Uint8Array;
  tokenizerBytes: number | null;
  onnxBytes: number | null;
}

/** `<modelId>@<dtype>/<dim>/<16 hex>`, from everything that shapes the vectors. */
export function workerFingerprint(input: FingerprintInput): string {
  const { modelId, dtype, dim, prefixes, config, tokenizerBytes, onnxBytes } = input;
  // Same keys in the same order as the Node embedder: the hash is over this JSON text.
  const facts = {
    scheme: FINGERPRINT_SCHEME,
    modelId,
    dtype,
    dim,
    prefixes: { query: prefixes.query, passage: prefixes.passage },
    config: sha256Hex(config),
    tokenizerBytes,
    onnxBytes,
  };
  return `${modelId}@${dtype}/${dim}/${sha256Hex(JSON.stringify(facts)).slice(0, 16)}`;
}
