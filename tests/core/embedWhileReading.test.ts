/**
 * Indexing hands chunks to the model while later notes are still being read, so with the model in a
 * worker the two overlap. These tests pin what a user relies on around that: the same vectors and
 * counts, a bounded number of batches at once, and pause, cancel and errors that leave nothing running.
 */
import { describe, expect, it } from 'vitest';
import { VisionIndex } from '../../src/core/visionIndex';
import { IndexCancelledError } from '../../src/core/index/indexReport';
import type { EmbedKind } from '../../src/core/index/types';
import { FakeEmbedder } from '../helpers/fakeEmbedder';
import { MemoryNoteSource } from '../helpers/memoryNoteSource';
import { MemoryIndexStorage } from '../helpers/memoryIndexStorage';

/** Eight one-chunk notes with distinct texts. */
const NOTES = Object.fromEntries(
  ['samenwerken', 'eigenaarschap', 'veiligheid', 'nieuwsgierigheid', 'wereldburgerschap', 'plezier', 'ouders', 'toetsen'].map((topic, i) => [
    `Beleid/Notitie ${i + 1}.md`,
    `# Notitie ${i + 1}\n\nOver ${topic}: wat wij daarmee bedoelen in groep ${i + 1}.\n`,
  ]),
);

type Event = { kind: 'read'; path: string } | { kind: 'embed-start' | 'embed-end'; texts: number };

/** A fake model that takes a few milliseconds per batch, like one running in a worker, and logs what it does. */
class SlowEmbedder extends FakeEmbedder {
  running = 0;
  mostAtOnce = 0;
  failOnCall: number | null = null;
  private calls = 0;

  constructor(private readonly log: Event[], private readonly delayMs = 5) {
    super();
  }

  override async embed(texts: string[], kind: EmbedKind): Promise<Float32Array[]> {
    const call = ++this.calls;
    this.running++;
    this.mostAtOnce = Math.max(this.mostAtOnce, this.running);
    this.log.push({ kind: 'embed-start', texts: texts.length });
    try {
      await new Promise((resolve) => setTimeout(resolve, this.delayMs));
      if (call === this.failOnCall) throw new Error('the model worker stopped');
      return await super.embed(texts, kind);
    } finally {
      this.running--;
      this.log.push({ kind: 'embed-end', texts: texts.length });
    }
  }
}

/** Logs each read and yields to the event loop, as reading a file from disk does. */
class LoggedSource extends MemoryNoteSource {
  constructor(notes: Record<string, string>, private readonly log: Event[]) {
    super(notes);
  }

  override async read(path: string): Promise<string> {
    this.log.push({ kind: 'read', path });
    await new Promise((resolve) => setTimeout(resolve, 2));
    return super.read(path);
  }
}

/** Gives the event loop turns until `done` (a stuck update fails by vitest's timeout, not by a clock). */
async function until(done: () => boolean): Promise<void> {
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 0));
}

async function setup(delayMs = 5) {
  const log: Event[] = [];
  const embedder = new SlowEmbedder(log, delayMs);
  const source = new LoggedSource(NOTES, log);
  const index = await VisionIndex.open({ storage: new MemoryIndexStorage(), source, embedder, batchSize: 2 });
  return { log, embedder, source, index };
}

describe('embedding while the notes are read', () => {
  it('starts on the first full batch before the last note is read, and embeds every chunk exactly once', async () => {
    const { log, embedder, index } = await setup();
    const report = await index.update();
    const firstEmbed = log.findIndex((e) => e.kind === 'embed-start');
    const lastRead = log.map((e) => e.kind).lastIndexOf('read');
    expect(firstEmbed).toBeGreaterThan(-1);
    expect(firstEmbed).toBeLessThan(lastRead);
    expect(report).toMatchObject({ notes: 8, chunks: 8, embedded: 8, reused: 0 });
    expect(new Set(embedder.embeddedTexts).size).toBe(8);
    expect(embedder.embeddedTexts).toHaveLength(8);
    expect(index.state.vectors?.size).toBe(8);
  });

  it('gives the same vectors as a model that is never busy', async () => {
    const { index } = await setup();
    await index.update();
    const plain = await VisionIndex.open({ storage: new MemoryIndexStorage(), source: new MemoryNoteSource(NOTES), embedder: new FakeEmbedder(), batchSize: 32 });
    await plain.update();
    for (const chunk of plain.state.chunks.values()) {
      expect(index.state.vectors?.get(chunk.hash)).toEqual(plain.state.vectors?.get(chunk.hash));
    }
  });

  it('reports embedding progress that only goes up and ends at the total', async () => {
    const { index } = await setup();
    const seen: { done: number; total: number }[] = [];
    await index.update({ onProgress: (p) => { if (p.phase === 'embedding') seen.push({ done: p.done, total: p.total }); } });
    expect(seen.length).toBeGreaterThan(0);
    seen.forEach((p, i) => expect(p.done).toBeGreaterThanOrEqual(seen[i - 1]?.done ?? 0));
    const last = seen[seen.length - 1];
    expect(last?.done).toBe(last?.total);
  });

  it('hands the model at most two batches at once', async () => {
    const { embedder, index } = await setup(20);
    await index.update();
    expect(embedder.mostAtOnce).toBe(2);
  });

  it('hands out no new batch while paused, and finishes after resuming', async () => {
    const { log, embedder, index } = await setup();
    let resume: () => void = () => undefined;
    let paused: Promise<void> | null = null;
    let waitingWhilePaused = false;
    let reads = 0;
    const update = index.update({
      onProgress: (p) => {
        if (p.phase === 'reading' && ++reads === 6) paused = new Promise((r) => (resume = r));
      },
      waitIfPaused: () => {
        if (!paused) return Promise.resolve();
        waitingWhilePaused = true;
        return paused;
      },
    });
    // Paused at the next checkpoint; the batches already handed out finish on their own.
    await until(() => waitingWhilePaused && embedder.running === 0);
    const startedWhilePaused = log.filter((e) => e.kind === 'embed-start').length;
    for (let turn = 0; turn < 20; turn++) await new Promise((r) => setTimeout(r, 0));
    expect(log.filter((e) => e.kind === 'embed-start').length).toBe(startedWhilePaused);
    expect(reads).toBe(6);
    paused = null;
    resume();
    expect((await update).embedded).toBe(8);
  });

  it('when cancelled, lets the running batches end before it says so, and keeps their vectors', async () => {
    const { embedder, index } = await setup(15);
    const controller = new AbortController();
    let reads = 0;
    const update = index.update({ signal: controller.signal, onProgress: (p) => { if (p.phase === 'reading' && ++reads === 6) controller.abort(); } });
    await expect(update).rejects.toBeInstanceOf(IndexCancelledError);
    expect(embedder.running).toBe(0);
    const report = await index.update();
    expect(report.embedded + report.reused).toBe(8);
    expect(report.embedded).toBeLessThan(8);
    expect(index.state.vectors?.size).toBe(8);
  });

  it('ends with the model error once the running batches are done, and embeds everything on the next try', async () => {
    const { embedder, index } = await setup();
    embedder.failOnCall = 2;
    await expect(index.update()).rejects.toThrow('the model worker stopped');
    expect(embedder.running).toBe(0);
    embedder.failOnCall = null;
    const report = await index.update();
    expect(report.embedded + report.reused).toBe(8);
    expect(index.state.vectors?.size).toBe(8);
  });
});
