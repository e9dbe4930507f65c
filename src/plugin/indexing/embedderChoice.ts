/**
 * Decides, before indexing, whether the language model can be used: the plugin must be a build with
 * the onnxruntime version baked in, and the model folder must hold every file. Otherwise the index
 * runs keyword-only and the returned notice says why (never silently).
 */
import type { DataAdapter } from 'obsidian';
import type { Embedder } from '../../core/index/types';
import { joinModelPath, modelFolderContents, ortWasmPath } from '../../core/embedding/modelFiles';
import { findModelProblems, type ModelProblem } from '../embedding/modelDownloader';
import { WorkerEmbedder, type SpawnedWorker } from '../embedding/workerEmbedder';
import { t } from '../i18n/i18n';
import { modelFolder, type PluginFolders } from '../vault/pluginPaths';
import type { VisiewijzerSettings } from '../settings/settings';

export interface EmbedderChoice {
  embedder: Embedder | null;
  /** Why the index runs keyword-only, for a notice; null when the model is used. */
  notice: string | null;
}

export interface EmbedderSetup {
  adapter: Pick<DataAdapter, 'exists' | 'readBinary'>;
  folders: PluginFolders;
  /** The onnxruntime-web version built into the worker; null outside a build (tests, type checks). */
  ortVersion: string | null;
  /** Starts the embedding worker (`spawnEmbeddingWorker` in the plugin). */
  spawn: () => SpawnedWorker;
}

/** What the model folder lacks, or null when this build cannot run a model at all. */
export async function modelProblems(settings: VisiewijzerSettings, setup: EmbedderSetup): Promise<{ dir: string; problems: ModelProblem[] } | null> {
  if (!setup.ortVersion) return null;
  const dir = modelFolder(setup.folders, settings);
  const problems = await findModelProblems({
    dir,
    modelId: settings.modelId,
    dtype: settings.dtype,
    ortVersion: setup.ortVersion,
    exists: (path) => setup.adapter.exists(path),
  });
  return { dir, problems };
}

/** The embedder to index with, or null plus the reason. Starts nothing: the model loads on first use. */
export async function chooseEmbedder(settings: VisiewijzerSettings, setup: EmbedderSetup): Promise<EmbedderChoice> {
  const check = await modelProblems(settings, setup);
  if (!check || !setup.ortVersion) return { embedder: null, notice: t('notice.noRuntime') };
  const { dir, problems } = check;
  if (problems.length > 0) {
    // Some files present means a broken download or a hand-placed folder: name what is missing.
    const partly = problems.length < modelFolderContents(settings.modelId, settings.dtype, setup.ortVersion).length;
    const notice = partly
      ? t('notice.incomplete', { dir, count: problems.length, files: problems.map((p) => p.path).join(', ') })
      : t('notice.notDownloaded');
    return { embedder: null, notice };
  }
  const embedder = new WorkerEmbedder({
    modelId: settings.modelId,
    dtype: settings.dtype,
    modelDir: dir,
    wasmPath: joinModelPath(dir, ortWasmPath(setup.ortVersion)),
    readFile: (path) => setup.adapter.readBinary(path),
    spawn: setup.spawn,
  });
  return { embedder, notice: null };
}
