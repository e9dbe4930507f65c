import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Embedder } from '../core/index/types';
import { DEFAULT_MODEL_ID, TransformersEmbedder, type EmbedderDtype, type TransformersEmbedderOptions } from '../core/embedding/transformersEmbedder';
import { embeddingThreadScript, ThreadEmbedder } from './threadEmbedder';
import { CliError, flagString, type ParsedArgs } from './args';

export const MODEL_FLAGS = { values: ['model', 'model-dir', 'dtype'], booleans: ['keyword-only', 'download'] };

export interface ModelChoice {
  embedder: Embedder | null;
  /** Why the CLI runs keyword-only when the user did not ask for it; printed on stderr. */
  notice: string | null;
}

/**
 * Picks the embedder from the model options. An explicitly named model that cannot be found is an error;
 * with no model options the CLI uses the plugin's downloaded model if there is one, else runs keyword-only
 * and says so.
 */
export function chooseModel(args: ParsedArgs, pluginDir: string | null): ModelChoice {
  if (args.flags.has('keyword-only')) return { embedder: null, notice: null };
  const dtype = parseDtype(flagString(args, 'dtype'));
  const named = flagString(args, 'model');
  const modelDir = flagString(args, 'model-dir');

  if (modelDir !== undefined) {
    if (!existsSync(modelDir)) throw new CliError(`Model folder not found: ${modelDir}`);
    const location = locateModel(modelDir, named);
    return { embedder: localEmbedder({ modelId: location.modelId, localModelDir: location.parent, dtype }), notice: null };
  }
  const modelId = named ?? DEFAULT_MODEL_ID;
  const pluginModels = pluginDir ? join(pluginDir, 'models') : null;
  if (pluginModels && existsSync(join(pluginModels, modelId, 'config.json'))) {
    return { embedder: localEmbedder({ modelId, localModelDir: pluginModels, dtype }), notice: null };
  }
  if (args.flags.has('download')) {
    return { embedder: localEmbedder({ modelId, allowRemote: true, dtype }), notice: null };
  }
  if (named) {
    throw new CliError(`Model "${named}" is not on this machine. Pass --model-dir DIR with its files, or --download to fetch it once from the Hugging Face hub.`);
  }
  return {
    embedder: null,
    notice: `No embedding model found${pluginModels ? ` in ${pluginModels}` : ''}: running keyword-only. Use --model-dir DIR for a local model or --download to fetch ${DEFAULT_MODEL_ID} once.`,
  };
}

/**
 * The model in its own thread when the built thread script is there (the CLI as shipped), so indexing
 * parses while the model works; in-process otherwise (running from sources, as the tests do).
 */
export function localEmbedder(options: TransformersEmbedderOptions, threadScript = embeddingThreadScript()): Embedder {
  return threadScript ? new ThreadEmbedder(threadScript, options) : new TransformersEmbedder(options);
}

/** Accepts either the model's own folder (holding config.json) or a folder of model folders. */
function locateModel(dir: string, named: string | undefined): { parent: string; modelId: string } {
  if (existsSync(join(dir, 'config.json'))) return { parent: dirname(dir), modelId: named ?? basename(dir) };
  if (named) {
    if (!existsSync(join(dir, named, 'config.json'))) throw new CliError(`Model "${named}" not found in ${dir} (expected ${join(dir, named, 'config.json')})`);
    return { parent: dir, modelId: named };
  }
  if (existsSync(join(dir, DEFAULT_MODEL_ID, 'config.json'))) return { parent: dir, modelId: DEFAULT_MODEL_ID };
  const candidates = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory() && existsSync(join(dir, e.name, 'config.json')));
  if (candidates.length === 1 && candidates[0]) return { parent: dir, modelId: candidates[0].name };
  throw new CliError(`No model found in ${dir}: expected a folder with config.json and onnx/, or pass --model NAME`);
}

function parseDtype(value: string | undefined): EmbedderDtype {
  if (value === undefined || value === 'q8' || value === 'fp32') return value ?? 'q8';
  throw new CliError(`--dtype must be q8 or fp32, not "${value}"`);
}
