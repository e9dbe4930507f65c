import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { performance as nodePerformance } from 'node:perf_hooks';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { VisionIndex } from '../src/core/visionIndex';
import { hybridSearch } from '../src/core/retrieval/hybridSearch';
import { ThreadEmbedder, embeddingThreadScript } from '../src/cli/threadEmbedder';
import { FolderNoteSource } from '../src/cli/folderNoteSource';
import { NodeIndexStorage } from '../src/cli/nodeIndexStorage';
import { generateSyntheticVault } from './syntheticText';
import { TimingEmbedder } from './timingEmbedder';
import { measureColdLoads } from './coldLoad';

export interface IndexBenchRow {
  notes: number;
  chunks: number;
  fullIndexMs: number;
  /** Time the model thread spent embedding (tokenizer, forward pass, pooling). */
  modelMs: number;
  /** Busy time of the main thread during indexing: the pipeline's own work, overlapping the model. */
  mainThreadMs: number;
  /** Share of the indexing wall-clock time not covered by the model's time. */
  overheadShare: number;
  chunksPerSecond: number;
  bytesPerChunk: number;
  vectorBytesPerChunk: number;
  coldLoadMs: number;
  /** Fresh processes (as Obsidian starting): median open, and median first hybrid query after it. */
  freshOpenMs: number;
  freshFirstQueryMs: number;
  queryP50Ms: number;
  queryP95Ms: number;
  queryEmbedMs: number;
  incrementalMs: number;
  /** Median of five further one-note edits after the first. */
  laterIncrementalMs: number;
  incrementalEmbedded: number;
  incrementalChangedChunks: number;
}

const QUERIES = ['eigenaarschap van leerlingen', 'samenwerking in groepjes', 'formatief toetsen met wisbordjes', 'ouders betrekken bij het leren', 'veiligheid in de klas', 'nieuwsgierige vragen stellen', 'differentiatie in de kern', 'planning bijhouden op het planbord'];

/** Indexes a synthetic vault on disk with the tiny model and measures the figures the issue asks for. */
export async function runIndexBench(noteCounts: number[], modelDir: string, modelId: string): Promise<IndexBenchRow[]> {
  const rows: IndexBenchRow[] = [];
  for (const notes of noteCounts) {
    const root = mkdtempSync(join(tmpdir(), 'vw-bench-'));
    try {
      rows.push(await benchOne(root, notes, modelDir, modelId));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }
  return rows;
}

async function benchOne(root: string, noteCount: number, modelDir: string, modelId: string): Promise<IndexBenchRow> {
  const vaultDir = join(root, 'vault');
  const indexDir = join(root, 'index');
  const notes = generateSyntheticVault(noteCount, 42);
  for (const note of notes) {
    mkdirSync(dirname(join(vaultDir, note.path)), { recursive: true });
    writeFileSync(join(vaultDir, note.path), note.text);
  }
  const source = new FolderNoteSource(vaultDir);
  const storage = new NodeIndexStorage(indexDir);
  // The model in its own thread, as the plugin runs it in a Web Worker: the main thread reads and
  // parses notes meanwhile. Model time is what the thread spent in the embedder (tokenizer, forward
  // pass, pooling); everything else in the wall-clock time is the pipeline's.
  const script = embeddingThreadScript();
  if (!script) throw new Error('dist/embedding-thread.cjs is missing: run the benchmark through `npm run bench`.');
  const model = new ThreadEmbedder(script, { modelId, localModelDir: modelDir });
  const embedder = new TimingEmbedder(model);
  await embedder.load();

  let start = performance.now();
  const loopBefore = nodePerformance.eventLoopUtilization();
  const index = await VisionIndex.open({ storage, source, embedder });
  const report = await index.update();
  const fullIndexMs = performance.now() - start;
  const mainThreadMs = nodePerformance.eventLoopUtilization(loopBefore).active;
  const modelMs = model.modelMs;

  const files = readdirSync(indexDir).map((f) => statSync(join(indexDir, f)).size);
  const vectorBytes = statSync(join(indexDir, 'vectors.bin')).size + statSync(join(indexDir, 'vectors.json')).size;

  const queryEmbedMs = await embedder.precomputeQueries(QUERIES);
  start = performance.now();
  const cold = await VisionIndex.open({ storage, source, embedder });
  await hybridSearch(cold.state, embedder, QUERIES[0] ?? '', { k: 10 });
  const coldLoadMs = performance.now() - start;

  const fresh = await measureColdLoads(indexDir, vaultDir, embedder, QUERIES[0] ?? '', 9);
  const median = (values: number[]): number => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

  const times: number[] = [];
  for (let i = 0; i < 200; i++) {
    const q = QUERIES[i % QUERIES.length] ?? '';
    const t = performance.now();
    await hybridSearch(cold.state, embedder, q, { k: 10 });
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);

  // One edited note: a new sentence in one section.
  const edited = notes[Math.floor(notes.length / 2)];
  if (!edited) throw new Error('no notes');
  const changedText = edited.text.replace(/\n\n([^#\n][^\n]*)\n/, '\n\n$1 De leraar bespreekt dit ook met de kinderraad.\n');
  writeFileSync(join(vaultDir, edited.path), changedText);
  const before = new Set([...cold.state.chunks.values()].filter((c) => c.path === edited.path).map((c) => c.hash));
  const modelBefore = model.modelMs;
  start = performance.now();
  const incremental = await cold.update();
  const incrementalMs = performance.now() - start - (model.modelMs - modelBefore);
  const after = [...cold.state.chunks.values()].filter((c) => c.path === edited.path && !before.has(c.hash)).length;

  // Later edits: the first update after opening also builds the lookup maps that opening leaves for
  // later (ids, hashes); the edits after it show what a user typing in a note meets from then on.
  const later: number[] = [];
  for (let i = 1; i <= 5; i++) {
    const note = notes[Math.floor(notes.length / 2) + i];
    if (!note) break;
    writeFileSync(join(vaultDir, note.path), note.text.replace(/\n\n([^#\n][^\n]*)\n/, `\n\n$1 Aanvulling ${i} na de teamvergadering.\n`));
    const modelAt = model.modelMs;
    const t = performance.now();
    await cold.update();
    later.push(performance.now() - t - (model.modelMs - modelAt));
  }

  await model.dispose();
  return {
    notes: report.notes,
    chunks: report.chunks,
    fullIndexMs,
    modelMs,
    mainThreadMs,
    overheadShare: (fullIndexMs - modelMs) / fullIndexMs,
    chunksPerSecond: report.chunks / (fullIndexMs / 1000),
    bytesPerChunk: files.reduce((a, b) => a + b, 0) / report.chunks,
    vectorBytesPerChunk: vectorBytes / report.chunks,
    coldLoadMs,
    freshOpenMs: median(fresh.map((f) => f.openMs)),
    freshFirstQueryMs: median(fresh.map((f) => f.firstQueryMs)),
    queryP50Ms: times[Math.floor(times.length / 2)] ?? 0,
    queryP95Ms: times[Math.floor(times.length * 0.95)] ?? 0,
    queryEmbedMs,
    incrementalMs,
    laterIncrementalMs: median(later),
    incrementalEmbedded: incremental.embedded,
    incrementalChangedChunks: after,
  };
}

export function formatIndexBench(rows: IndexBenchRow[]): string {
  const lines = ['| notes | chunks | full index | model share of it | pipeline work on the main thread (overlaps the model) | chunks/s | bytes/chunk on disk (vectors only) | cold open, fresh process (p50 of 9) | 1st query after it | open + 1st query, same process | query p50 / p95 (excl. query embedding) | query embedding | incremental, 1 note, excl. model: first after opening / later (p50 of 5) | re-embedded / changed |', '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|'];
  for (const r of rows) {
    lines.push(`| ${r.notes} | ${r.chunks} | ${(r.fullIndexMs / 1000).toFixed(1)} s | ${(100 - r.overheadShare * 100).toFixed(1)}% (overhead ${(r.overheadShare * 100).toFixed(1)}%) | ${(r.mainThreadMs / 1000).toFixed(1)} s | ${r.chunksPerSecond.toFixed(0)} | ${r.bytesPerChunk.toFixed(0)} = ${(r.bytesPerChunk / 1024).toFixed(3)} KiB (${r.vectorBytesPerChunk.toFixed(0)}) | ${r.freshOpenMs.toFixed(0)} ms | ${r.freshFirstQueryMs.toFixed(0)} ms | ${r.coldLoadMs.toFixed(0)} ms | ${r.queryP50Ms.toFixed(1)} / ${r.queryP95Ms.toFixed(1)} ms | ${r.queryEmbedMs.toFixed(1)} ms | ${r.incrementalMs.toFixed(0)} / ${r.laterIncrementalMs.toFixed(0)} ms | ${r.incrementalEmbedded} / ${r.incrementalChangedChunks} |`);
  }
  return lines.join('\n');
}
