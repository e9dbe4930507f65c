import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EmbedKind, Embedder, EmbedderInfo } from '../src/core/index/types';
import { VisionIndex } from '../src/core/visionIndex';
import { hybridSearch } from '../src/core/retrieval/hybridSearch';
import { FolderNoteSource } from '../src/cli/folderNoteSource';
import { NodeIndexStorage } from '../src/cli/nodeIndexStorage';

/** The flag that makes `dist/bench.cjs` measure one cold load and exit (see `measureColdLoads`). */
export const COLD_LOAD_FLAG = '--cold-load';

export interface ColdLoad {
  /** `VisionIndex.open`: read and decode every index file, ready to search. */
  openMs: number;
  /** The first hybrid query after it, excluding the query's embedding (done by the parent). */
  firstQueryMs: number;
}

/** What the parent hands the child: the model's identity and the query's vector, computed once. */
interface ColdLoadJob {
  indexDir: string;
  vaultDir: string;
  model: EmbedderInfo;
  query: string;
  queryVector: number[];
}

/**
 * Opens the index in `runs` fresh Node processes, as the plugin does when Obsidian starts: nothing
 * cached, nothing compiled by the engine yet. As in Obsidian, where the model runs in a Web Worker with a
 * heap of its own, the child does not load the model library: it gets the model's identity and the
 * query's vector from here. Returns the runs sorted by open time.
 */
export async function measureColdLoads(indexDir: string, vaultDir: string, embedder: Embedder, query: string, runs: number): Promise<ColdLoad[]> {
  const model = await embedder.load();
  const [vector] = await embedder.embed([query], 'query');
  const dir = mkdtempSync(join(tmpdir(), 'vw-cold-'));
  const jobFile = join(dir, 'job.json');
  const job: ColdLoadJob = { indexDir, vaultDir, model, query, queryVector: Array.from(vector ?? []) };
  writeFileSync(jobFile, JSON.stringify(job));
  try {
    const results: ColdLoad[] = [];
    for (let run = 0; run < runs; run++) {
      const out = execFileSync(process.execPath, [process.argv[1]!, COLD_LOAD_FLAG, jobFile], { encoding: 'utf8' });
      results.push(JSON.parse(out.trim().split('\n').pop()!) as ColdLoad);
    }
    return results.sort((a, b) => a.openMs - b.openMs);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Answers with the model identity and query vector it was given, as the worker's answers reach the main thread. */
class HandedEmbedder implements Embedder {
  constructor(private readonly job: ColdLoadJob) {}
  get modelId(): string {
    return this.job.model.modelId;
  }
  load(): Promise<EmbedderInfo> {
    return Promise.resolve(this.job.model);
  }
  embed(texts: string[], kind: EmbedKind): Promise<Float32Array[]> {
    if (kind !== 'query' || texts.length !== 1 || texts[0] !== this.job.query) throw new Error('The cold-load child only embeds its one query.');
    return Promise.resolve([Float32Array.from(this.job.queryVector)]);
  }
  dispose(): Promise<void> {
    return Promise.resolve();
  }
}

/** The child's side: one cold open and one query, printed as JSON. */
export async function coldLoadChild([jobFile]: string[]): Promise<void> {
  const job = JSON.parse(readFileSync(jobFile!, 'utf8')) as ColdLoadJob;
  const embedder = new HandedEmbedder(job);
  const storage = new NodeIndexStorage(job.indexDir);
  const source = new FolderNoteSource(job.vaultDir);
  let start = performance.now();
  const index = await VisionIndex.open({ storage, source, embedder });
  const openMs = performance.now() - start;
  start = performance.now();
  await hybridSearch(index.state, embedder, job.query, { k: 10 });
  const firstQueryMs = performance.now() - start;
  console.log(JSON.stringify({ openMs, firstQueryMs } satisfies ColdLoad));
}
