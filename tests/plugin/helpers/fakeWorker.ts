/**
 * A stand-in for the embedding Web Worker that answers the real protocol (`workerProtocol.ts`) with
 * `FakeEmbedder` vectors, so the plugin's `WorkerEmbedder` path runs in Node without transformers.js.
 */
import type { SpawnedWorker, WorkerLike } from '../../../src/plugin/embedding/workerEmbedder';
import { packVectors, type HostMessage, type WorkerReply } from '../../../src/plugin/embedding/workerProtocol';
import { FakeEmbedder } from '../../helpers/fakeEmbedder';

export class FakeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  terminated = false;
  /** When set, `init` answers with this error instead of "ready". */
  failInit: string | null = null;
  readonly received: HostMessage['type'][] = [];

  constructor(readonly embedder = new FakeEmbedder({ dim: 32 })) {}

  postMessage(message: HostMessage): void {
    this.received.push(message.type);
    void this.answer(message);
  }

  terminate(): void {
    this.terminated = true;
  }

  private async answer(message: HostMessage): Promise<void> {
    await Promise.resolve();
    if (this.terminated) return;
    if (message.type === 'init') {
      if (this.failInit) return this.reply({ type: 'error', id: message.id, message: this.failInit });
      return this.reply({ type: 'ready', id: message.id, info: await this.embedder.load() });
    }
    if (message.type === 'embed') {
      const vectors = await this.embedder.embed(message.texts, message.kind);
      return this.reply({ type: 'embedded', id: message.id, ...packVectors(vectors) });
    }
  }

  private reply(data: WorkerReply): void {
    this.onmessage?.({ data } as MessageEvent);
  }
}

/** A `spawn` for `WorkerEmbedder` that records the workers it made. */
export function fakeSpawner(configure: (worker: FakeWorker) => void = () => undefined): { spawn: () => SpawnedWorker; workers: FakeWorker[]; released: number } {
  const state = {
    workers: [] as FakeWorker[],
    released: 0,
    spawn: (): SpawnedWorker => {
      const worker = new FakeWorker();
      configure(worker);
      state.workers.push(worker);
      return { worker, release: () => void state.released++ };
    },
  };
  return state;
}
