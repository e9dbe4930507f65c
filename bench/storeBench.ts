/**
 * Benchmark of the vector store and its files against vectra 0.15's `LocalIndex`, on the same random
 * unit vectors. Run: bundle with esbuild (vectra external) and `node storeBench.cjs [sizes...]`.
 *
 * "Cold load" is a fresh object reading the files and answering one query in the same process: the
 * operating system's file cache is warm, as it is when Obsidian restarts shortly after an index.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NodeIndexStorage } from '../src/cli/nodeIndexStorage';
import { decodeVectorFiles, encodeVectorFiles, VECTORS_FILE, VECTORS_META_FILE } from '../src/core/index/vectorFile';
import { VectorStore } from '../src/core/index/vectorStore';
import { seededRandom } from '../src/core/util/seededRandom';

/** Measurements of one system at one size; times in milliseconds. */
export interface StoreBenchRow {
  system: 'visiewijzer' | 'vectra';
  chunks: number;
  dim: number;
  /** Adding every vector (vectra: inside one beginUpdate/endUpdate, which also saves). */
  insertMs: number;
  /** Encoding and writing the files (vectra: included in insertMs, so 0). */
  saveMs: number;
  bytesOnDisk: number;
  bytesPerChunk: number;
  /** A fresh object: read the files, decode, answer the first query. */
  coldLoadMs: number;
  queryP50Ms: number;
  queryP95Ms: number;
  /** Replacing one vector and saving (vectra: `upsertItem` outside a batch). */
  upsertSaveMs: number;
}

/** vectra's cost divided by ours, per measure (above 1: we are faster or smaller). */
export interface StoreBenchRatio {
  chunks: number;
  insertAndSave: number;
  bytesOnDisk: number;
  coldLoad: number;
  queryP50: number;
  upsertSave: number;
}

/** The targets at 384 dimensions, checked at the largest size measured. */
export interface StoreBenchTargets {
  chunks: number;
  queryP50Under20Ms: boolean;
  coldLoadUnder100Ms: boolean;
  under1700BytesPerChunk: boolean;
}

export interface StoreBenchResult {
  rows: StoreBenchRow[];
  ratios: StoreBenchRatio[];
  targets: StoreBenchTargets | null;
  /** Set when vectra could not be loaded, so only our rows were measured. */
  vectraSkipped?: string;
}

export interface StoreBenchOptions {
  dim?: number;
  queries?: number;
  seed?: number;
  /** Measure vectra too (default true); it takes several seconds at 20,000 chunks. */
  vectra?: boolean;
}

type VectraModule = typeof import('vectra');

/** Runs the benchmark at each size (number of chunks) and returns the measurements. */
export async function runStoreBench(sizes: number[], options: StoreBenchOptions = {}): Promise<StoreBenchResult> {
  const dim = options.dim ?? 384;
  const queryCount = options.queries ?? 200;
  const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'visiewijzer-store-bench-'));
  let vectra: VectraModule | null = null;
  let vectraSkipped: string | undefined;
  if (options.vectra !== false) {
    try {
      vectra = await import('vectra');
    } catch (error) {
      vectraSkipped = `vectra not available: ${(error as Error).message}`;
    }
  }

  const result: StoreBenchResult = { rows: [], ratios: [], targets: null };
  if (vectraSkipped) result.vectraSkipped = vectraSkipped;
  try {
    for (const chunks of sizes) {
      const next = seededRandom((options.seed ?? 1) + chunks);
      const ids = Array.from({ length: chunks }, () => chunkId(next));
      const vectors = Array.from({ length: chunks }, () => unitVector(dim, next));
      const queries = Array.from({ length: queryCount }, () => unitVector(dim, next));
      const replacement = unitVector(dim, next);

      const ours = await benchOurs(path.join(scratch, `ours-${chunks}`), dim, ids, vectors, queries, replacement);
      result.rows.push(ours);
      if (vectra) {
        const theirs = await benchVectra(vectra, path.join(scratch, `vectra-${chunks}`), dim, ids, vectors, queries, replacement);
        result.rows.push(theirs);
        result.ratios.push({
          chunks,
          insertAndSave: (theirs.insertMs + theirs.saveMs) / (ours.insertMs + ours.saveMs),
          bytesOnDisk: theirs.bytesOnDisk / ours.bytesOnDisk,
          coldLoad: theirs.coldLoadMs / ours.coldLoadMs,
          queryP50: theirs.queryP50Ms / ours.queryP50Ms,
          upsertSave: theirs.upsertSaveMs / ours.upsertSaveMs,
        });
      }
    }
  } finally {
    await fs.rm(scratch, { recursive: true, force: true });
  }

  const largest = result.rows.filter((row) => row.system === 'visiewijzer').sort((a, b) => b.chunks - a.chunks)[0];
  if (largest) {
    result.targets = {
      chunks: largest.chunks,
      queryP50Under20Ms: largest.queryP50Ms < 20,
      coldLoadUnder100Ms: largest.coldLoadMs < 100,
      under1700BytesPerChunk: largest.bytesPerChunk < 1700,
    };
  }
  return result;
}

async function benchOurs(
  folder: string,
  dim: number,
  ids: string[],
  vectors: Float32Array[],
  queries: Float32Array[],
  replacement: Float32Array,
): Promise<StoreBenchRow> {
  const fingerprint = `bench|${dim}`;
  const storage = new NodeIndexStorage(folder);
  const save = async (store: VectorStore) => {
    const files = encodeVectorFiles(store, fingerprint);
    await storage.write(VECTORS_FILE, files.vectors);
    await storage.write(VECTORS_META_FILE, files.meta);
  };

  let start = performance.now();
  const store = new VectorStore(dim);
  ids.forEach((id, i) => store.set(id, vectors[i]!));
  const insertMs = performance.now() - start;

  start = performance.now();
  await save(store);
  const saveMs = performance.now() - start;
  const bytesOnDisk = await folderBytes(folder);

  start = performance.now();
  const fresh = new NodeIndexStorage(folder);
  const loaded = decodeVectorFiles((await fresh.read(VECTORS_FILE))!, (await fresh.read(VECTORS_META_FILE))!, {
    fingerprint,
    dim,
  });
  loaded.search(queries[0]!, 10);
  const coldLoadMs = performance.now() - start;

  const times = queries.map((query) => {
    const t = performance.now();
    loaded.search(query, 10);
    return performance.now() - t;
  });

  start = performance.now();
  loaded.set(ids[Math.floor(ids.length / 2)]!, replacement);
  await save(loaded);
  const upsertSaveMs = performance.now() - start;

  return row('visiewijzer', ids.length, dim, insertMs, saveMs, bytesOnDisk, coldLoadMs, times, upsertSaveMs);
}

async function benchVectra(
  vectra: VectraModule,
  folder: string,
  dim: number,
  ids: string[],
  vectors: Float32Array[],
  queries: Float32Array[],
  replacement: Float32Array,
): Promise<StoreBenchRow> {
  // vectra takes plain arrays; converting them is not part of its cost.
  const items = ids.map((id, i) => ({ id, vector: Array.from(vectors[i]!), metadata: {} }));
  const plainQueries = queries.map((query) => Array.from(query));

  let start = performance.now();
  const index = new vectra.LocalIndex(folder);
  await index.createIndex({ version: 1, deleteIfExists: true });
  await index.beginUpdate();
  for (const item of items) await index.insertItem(item);
  await index.endUpdate();
  const insertMs = performance.now() - start;
  const bytesOnDisk = await folderBytes(folder);

  start = performance.now();
  const fresh = new vectra.LocalIndex(folder);
  await fresh.queryItems(plainQueries[0]!, '', 10);
  const coldLoadMs = performance.now() - start;

  const times: number[] = [];
  for (const query of plainQueries) {
    const t = performance.now();
    await fresh.queryItems(query, '', 10);
    times.push(performance.now() - t);
  }

  start = performance.now();
  await fresh.upsertItem({ id: ids[Math.floor(ids.length / 2)]!, vector: Array.from(replacement), metadata: {} });
  const upsertSaveMs = performance.now() - start;

  return row('vectra', ids.length, dim, insertMs, 0, bytesOnDisk, coldLoadMs, times, upsertSaveMs);
}

function row(
  system: StoreBenchRow['system'],
  chunks: number,
  dim: number,
  insertMs: number,
  saveMs: number,
  bytesOnDisk: number,
  coldLoadMs: number,
  queryTimes: number[],
  upsertSaveMs: number,
): StoreBenchRow {
  const sorted = queryTimes.slice().sort((a, b) => a - b);
  const percentile = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? NaN;
  return {
    system,
    chunks,
    dim,
    insertMs,
    saveMs,
    bytesOnDisk,
    bytesPerChunk: bytesOnDisk / chunks,
    coldLoadMs,
    queryP50Ms: percentile(0.5),
    queryP95Ms: percentile(0.95),
    upsertSaveMs,
  };
}

/** A chunk id like the index's: 16 hex digits. */
function chunkId(next: () => number): string {
  let id = '';
  for (let i = 0; i < 16; i++) id += Math.floor(next() * 16).toString(16);
  return id;
}

/** A random direction: Gaussian components (Box-Muller), normalised. */
function unitVector(dim: number, next: () => number): Float32Array {
  const vector = new Float32Array(dim);
  let squares = 0;
  for (let i = 0; i < dim; i++) {
    const value = Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
    vector[i] = value;
    squares += value * value;
  }
  const scale = 1 / Math.sqrt(squares);
  for (let i = 0; i < dim; i++) vector[i] = vector[i]! * scale;
  return vector;
}

async function folderBytes(folder: string): Promise<number> {
  let total = 0;
  for (const name of await fs.readdir(folder)) total += (await fs.stat(path.join(folder, name))).size;
  return total;
}

/** The result as a plain-text table. */
export function formatStoreBench(result: StoreBenchResult): string {
  const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1)).padStart(8);
  const lines = [
    'system        chunks  insert ms  save ms   MB on disk  B/chunk  cold load ms  query p50  query p95  upsert+save ms',
  ];
  for (const r of result.rows) {
    lines.push(
      `${r.system.padEnd(12)} ${String(r.chunks).padStart(7)} ${ms(r.insertMs)}   ${ms(r.saveMs)} ` +
        `${(r.bytesOnDisk / 1e6).toFixed(2).padStart(11)} ${r.bytesPerChunk.toFixed(0).padStart(8)} ` +
        `${ms(r.coldLoadMs)}      ${ms(r.queryP50Ms)}   ${ms(r.queryP95Ms)}   ${ms(r.upsertSaveMs)}`,
    );
  }
  for (const r of result.ratios) {
    const x = (value: number) => `${value.toFixed(1)}x`;
    lines.push(
      `vectra / ours at ${r.chunks}: insert+save ${x(r.insertAndSave)}, disk ${x(r.bytesOnDisk)}, ` +
        `cold load ${x(r.coldLoad)}, query p50 ${x(r.queryP50)}, upsert+save ${x(r.upsertSave)}`,
    );
  }
  if (result.targets) {
    const t = result.targets;
    const mark = (ok: boolean) => (ok ? 'met' : 'NOT met');
    lines.push(
      `targets at ${t.chunks} chunks: query p50 < 20 ms ${mark(t.queryP50Under20Ms)}; ` +
        `cold load < 100 ms ${mark(t.coldLoadUnder100Ms)}; < 1.7 KB per chunk ${mark(t.under1700BytesPerChunk)}`,
    );
  }
  if (result.vectraSkipped) lines.push(result.vectraSkipped);
  return lines.join('\n');
}

/** `node storeBench.cjs [sizes...] [--no-vectra]`: prints the table, then the rows as JSON. */
export async function main(argv: string[] = process.argv.slice(2)): Promise<void> {
  const sizes = argv.filter((arg) => /^\d+$/.test(arg)).map(Number);
  const result = await runStoreBench(sizes.length > 0 ? sizes : [2000, 20000], { vectra: !argv.includes('--no-vectra') });
  process.stdout.write(`${formatStoreBench(result)}\n${JSON.stringify(result, null, 2)}\n`);
}

// Runs only when this file (or a bundle named after it) is the program, not when imported by another bench.
if (/(^|[\\/])storeBench(\.[cm]?[jt]s)?$/.test(process.argv[1] ?? '')) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
