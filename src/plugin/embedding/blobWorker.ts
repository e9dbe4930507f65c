/**
 * Starts a classic Web Worker from JavaScript source held in memory. Obsidian plugins ship as one
 * main.js, so the worker bundle travels inside it as a string and becomes a Blob URL here.
 */
import type { SpawnedWorker, WorkerLike } from './workerEmbedder';

/**
 * Creates a worker from `source`. The Blob URL stays valid until `release()` (called by the embedder's
 * `dispose()`), because revoking it before the worker has fetched its script would break the start.
 */
export function spawnBlobWorker(source: string, name: string): SpawnedWorker {
  const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  try {
    const worker: WorkerLike = new Worker(url, { name });
    return { worker, release: () => URL.revokeObjectURL(url) };
  } catch (error) {
    URL.revokeObjectURL(url);
    throw error;
  }
}
