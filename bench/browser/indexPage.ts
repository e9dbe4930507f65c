/**
 * Runs in headless Chromium for `bench/browserIndexBench.mjs`: indexes a synthetic vault the way the
 * plugin does in Obsidian — the main thread reads, parses and chunks, the inlined worker (started from a
 * Blob, wasm on one thread) embeds, and the plugin's run control hands the event loop back every 10 ms —
 * then embeds the same chunk texts once more with nothing else going on, to learn the model's own time.
 */
import { VisionIndex } from '../../src/core/visionIndex';
import { parseNote } from '../../src/core/notes/parseNote';
import { detectRole, DEFAULT_ROLE_FOLDERS } from '../../src/core/notes/roles';
import { chunkNote, DEFAULT_CHUNK_OPTIONS } from '../../src/core/index/chunker';
import type { NoteFile, NoteSource } from '../../src/core/notes/types';
import { ortWasmPath } from '../../src/core/embedding/modelFiles';
import { ORT_WEB_VERSION } from '../../src/plugin/embedding/ortWebVersion';
import { spawnEmbeddingWorker } from '../../src/plugin/embedding/spawnEmbeddingWorker';
import { WorkerEmbedder } from '../../src/plugin/embedding/workerEmbedder';
import { makeRunControl, PauseGate } from '../../src/plugin/indexing/runControl';
import { MemoryIndexStorage } from '../../tests/helpers/memoryIndexStorage';
import { generateSyntheticVault } from '../syntheticText';
import { readFile } from '../../tests/browser/pageFiles';

export interface IndexTimingInput {
  modelId: string;
  modelDir: string;
  notes: number;
}

export interface IndexTimingResult {
  notes: number;
  chunks: number;
  /** Open + update, as the plugin runs it. */
  indexMs: number;
  /** The same chunk texts embedded alone, in batches of 32, one after the other: the faster of two runs. */
  modelAloneMs: number;
  /** Both runs of the model alone, before and after the index run. */
  modelRunsMs: [number, number];
}

class MemorySource implements NoteSource {
  constructor(private readonly notes: Map<string, string>) {}
  async list(): Promise<NoteFile[]> {
    return [...this.notes].map(([path, text]) => ({ path, mtime: 1, size: text.length }));
  }
  async read(path: string): Promise<string> {
    return this.notes.get(path) ?? '';
  }
}

async function runIndexTiming(input: IndexTimingInput): Promise<IndexTimingResult> {
  if (ORT_WEB_VERSION === null) throw new Error('page bundle was built without the onnxruntime-web version');
  const notes = new Map(generateSyntheticVault(input.notes, 42).map((n) => [n.path, n.text]));
  const embedder = new WorkerEmbedder({
    modelId: input.modelId,
    dtype: 'q8',
    modelDir: input.modelDir,
    wasmPath: `${input.modelDir}/${ortWasmPath(ORT_WEB_VERSION)}`,
    readFile,
    spawn: spawnEmbeddingWorker,
  });
  await embedder.load();
  const control = makeRunControl({
    signal: new AbortController().signal,
    gate: new PauseGate(),
    yieldToApp: () => new Promise((resolve) => window.setTimeout(resolve, 0)),
    onProgress: () => undefined,
  });

  const texts = new Map<string, string>();
  for (const [path, text] of notes) {
    const parsed = parseNote(path, text);
    for (const chunk of chunkNote(parsed, detectRole(parsed, DEFAULT_ROLE_FOLDERS).role, DEFAULT_CHUNK_OPTIONS)) texts.set(chunk.hash, chunk.text);
  }
  const all = [...texts.values()];
  const modelAlone = async (): Promise<number> => {
    const modelStart = performance.now();
    for (let i = 0; i < all.length; i += 32) await embedder.embed(all.slice(i, i + 32), 'passage');
    return performance.now() - modelStart;
  };
  // Once before, so the index run does not pay the runtime's warm-up (the first long batches run slower),
  // and once after; the faster of the two is the model's time, which keeps the overhead from looking smaller.
  const before = await modelAlone();

  const start = performance.now();
  const index = await VisionIndex.open({ storage: new MemoryIndexStorage(), source: new MemorySource(notes), embedder });
  const report = await index.update(control);
  const indexMs = performance.now() - start;

  const after = await modelAlone();
  await embedder.dispose();
  return { notes: report.notes, chunks: report.chunks, indexMs, modelAloneMs: Math.min(before, after), modelRunsMs: [before, after] };
}

(window as unknown as { runIndexTiming: typeof runIndexTiming }).runIndexTiming = runIndexTiming;
