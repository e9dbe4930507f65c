/**
 * Entry of the CLI's embedding thread (built to `dist/embedding-thread.cjs`): runs the Node embedder
 * off the main thread, as the plugin's Web Worker does in Obsidian, so the main thread reads and parses
 * notes while the model works. Requests are answered one at a time, in order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { TransformersEmbedder, type TransformersEmbedderOptions } from '../core/embedding/transformersEmbedder';
import type { ThreadReply, ThreadRequest } from './threadProtocol';

const port = parentPort;
if (!port) throw new Error('embeddingThread.ts runs only as a worker thread.');
const embedder = new TransformersEmbedder(workerData as TransformersEmbedderOptions);
let queue: Promise<void> = Promise.resolve();

function answer(request: ThreadRequest): Promise<ThreadReply> {
  if (request.type === 'load') return embedder.load().then((info) => ({ type: 'loaded', id: request.id, info }));
  const start = performance.now();
  return embedder.embed(request.texts, request.kind).then((vectors) => ({ type: 'embedded', id: request.id, vectors, busyMs: performance.now() - start }));
}

port.on('message', (request: ThreadRequest) => {
  queue = queue.then(async () => {
    try {
      port.postMessage(await answer(request));
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      port.postMessage({ type: 'failed', id: request.id, name: failure.name, message: failure.message } satisfies ThreadReply);
    }
  });
});
