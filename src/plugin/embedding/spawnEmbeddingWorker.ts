/**
 * The embedding worker as the plugin starts it: the bundle of `embeddingWorker.ts`, inlined into
 * main.js as a string by the build (see `scripts/inline-worker-plugin.mjs`).
 */
import embeddingWorkerSource from 'inline-worker:./embeddingWorker';
import { spawnBlobWorker } from './blobWorker';
import type { SpawnedWorker } from './workerEmbedder';

/** Starts a fresh embedding worker. Pass this as `spawn` to `WorkerEmbedder`. */
export function spawnEmbeddingWorker(): SpawnedWorker {
  return spawnBlobWorker(embeddingWorkerSource, 'visiewijzer-embedding');
}
