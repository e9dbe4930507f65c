import { execFileSync } from 'node:child_process';
import { VisionIndex } from '../src/core/visionIndex';
import { hybridSearch } from '../src/core/retrieval/hybridSearch';
import { TransformersEmbedder } from '../src/core/embedding/transformersEmbedder';
import { FolderNoteSource } from '../src/cli/folderNoteSource';
import { NodeIndexStorage } from '../src/cli/nodeIndexStorage';
import { TimingEmbedder } from './timingEmbedder';

/** The flag that makes `dist/bench.cjs` measure one cold load and exit (see `measureColdLoads`). */
export const COLD_LOAD_FLAG = '--cold-load';

export interface ColdLoad {
  /** `VisionIndex.open`: read and decode every index file, ready to search. */
  openMs: number;
  /** The first hybrid query after it, excluding the query's embedding (pre-computed). */
  firstQueryMs: number;
}

/**
 * Opens the index in `runs` fresh Node processes, as the plugin does when Obsidian starts: nothing
 * cached, nothing compiled by the engine yet. Timed inside the child, after the model has loaded.
 * Returns the runs sorted by open time.
 */
export function measureColdLoads(indexDir: string, vaultDir: string, modelDir: string, modelId: string, query: string, runs: number): ColdLoad[] {
  const results: ColdLoad[] = [];
  for (let run = 0; run < runs; run++) {
    const out = execFileSync(process.execPath, [process.argv[1]!, COLD_LOAD_FLAG, indexDir, vaultDir, modelDir, modelId, query], { encoding: 'utf8' });
    results.push(JSON.parse(out.trim().split('\n').pop()!) as ColdLoad);
  }
  return results.sort((a, b) => a.openMs - b.openMs);
}

/** The child's side: one cold open and one query, printed as JSON. */
export async function coldLoadChild([indexDir, vaultDir, modelDir, modelId, query]: string[]): Promise<void> {
  const embedder = new TimingEmbedder(new TransformersEmbedder({ modelId: modelId!, localModelDir: modelDir! }));
  await embedder.load();
  await embedder.precomputeQueries([query!]);
  // onnxruntime's worker threads keep spinning for a while after an inference and, on two cores, would
  // be timed as part of the open; in Obsidian the model runs in its own worker. Let them go idle.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const storage = new NodeIndexStorage(indexDir!);
  const source = new FolderNoteSource(vaultDir!);
  let start = performance.now();
  const index = await VisionIndex.open({ storage, source, embedder });
  const openMs = performance.now() - start;
  start = performance.now();
  await hybridSearch(index.state, embedder, query!, { k: 10 });
  const firstQueryMs = performance.now() - start;
  console.log(JSON.stringify({ openMs, firstQueryMs } satisfies ColdLoad));
}
