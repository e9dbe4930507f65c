import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { KeywordIndex } from '../src/core/index/keywordIndex';
import { chunkNote } from '../src/core/index/chunker';
import { parseNote } from '../src/core/notes/parseNote';
import { seededRandom } from '../src/core/util/seededRandom';
import { MiniSearchBaseline } from './miniSearchBaseline';
import { generateSyntheticVault } from './syntheticText';

/**
 * The keyword index on a synthetic vault (~11 chunks per note): the binary base segment + delta against
 * the MiniSearch JSON index it replaced. Run ad hoc:
 * `npx esbuild bench/keywordBench.ts --bundle --platform=node --format=cjs --outfile=.tmp/kb.cjs && node .tmp/kb.cjs [notes]`.
 * Cold loads run in a fresh Node process, as at plugin start: the same script again, with
 * `VW_KEYWORD_BENCH_CHILD` set, which also works when this file is bundled into `dist/bench.cjs`.
 */

const CHILD_ENV = 'VW_KEYWORD_BENCH_CHILD';

/** The figures for one engine. Times in milliseconds, sizes in bytes. */
export interface KeywordBenchRow {
  engine: string;
  chunks: number;
  /** Adding every chunk to an empty index, then the first save (files in memory). */
  buildMs: number;
  bytesPerChunk: number;
  /** Fresh process: read the file(s) and open them. */
  coldOpenMs: number;
  /** Then the first query (the JIT is still cold). */
  coldFirstQueryMs: number;
  /** Then `has()` for every chunk id, as the index state does after loading. */
  coldHasAllMs: number;
  queryP50Ms: number;
  queryP95Ms: number;
  /** Median of 20 edits: replace one chunk, then produce the file(s) to write (no compaction). */
  editSaveMs: number;
  /** Bytes written by that save (after the 20th edit). */
  editSaveBytes: number;
  /** Save with `compact: true` after the edits (the new engine; MiniSearch always writes everything). */
  compactMs: number;
  /** Share of the top 10 the two engines have in common (for the new engine; 1 for the baseline). */
  top10Overlap: number;
}

interface BenchChunk {
  id: string;
  text: string;
  heading: string;
}

interface Engine {
  add(id: string, text: string, heading: string): void;
  search(query: string, k: number, accept?: (id: string) => boolean): { id: string; score: number }[];
}

const QUERY_WORDS = [
  'leerlingen', 'samenwerking', 'samenwerken', 'planbord', 'toetsen', 'ouders', 'veiligheid', 'instructie',
  'feedback', 'leesdossier', 'burgerschap', 'kernwaarden', 'eigenaarschap', 'evaluatie', 'resultaten', 'leerdoelen',
  'groepsplannen', 'portfolio', 'pesten', 'kringactiviteit', 'differentiatie', 'kwaliteitszorg', 'scholing',
  'reflectievragen', 'chromebooks', 'methodetoets', 'studiedag', 'bouwvergadering', 'kleuters', 'mentor',
  'verantwoordelijkheid', 'nieuwsgierig', 'vertrouwen', 'kinderraad', 'ontwikkelingsperspectief', 'weekoverzicht',
  'presenteren', 'onderzoeken', 'afspraken', 'herfstvakantie', 'zelfstandig', 'lesvoorbereiding', 'flitsbezoek',
  'rekenen', 'begrijpend', 'lezen', 'spelling', 'wereldoriëntatie', 'creativiteit', 'betrokkenheid',
];

/** 200 queries of 1-4 words, the same every run. */
export function benchQueries(count = 200): string[] {
  const next = seededRandom(7);
  return Array.from({ length: count }, () => {
    const words = 1 + Math.floor(next() * 4);
    return Array.from({ length: words }, () => QUERY_WORDS[Math.floor(next() * QUERY_WORDS.length)]).join(' ');
  });
}

/** Chunks of a synthetic vault, parsed once and cached in `.tmp/` (parsing 2,000 notes takes a while). */
export function benchChunks(notes: number, root: string): BenchChunk[] {
  const cache = join(root, `.tmp/keyword-bench-chunks-${notes}.json`);
  if (existsSync(cache)) return JSON.parse(readFileSync(cache, 'utf8')) as BenchChunk[];
  const chunks = generateSyntheticVault(notes, 42).flatMap((note) =>
    chunkNote(parseNote(note.path, note.text), null).map((c) => ({ id: c.id, text: c.text, heading: c.headingPath.join(' ') })),
  );
  mkdirSync(join(root, '.tmp'), { recursive: true });
  writeFileSync(cache, JSON.stringify(chunks));
  return chunks;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? 0;
}

function queryTimes(engine: Engine, queries: string[], accept: (id: string) => boolean): number[] {
  for (const q of queries.slice(0, 20)) engine.search(q, 50, accept); // warm-up
  return queries.map((q) => {
    const start = performance.now();
    engine.search(q, 50, accept);
    return performance.now() - start;
  });
}

/** The text of chunk `i`, edited a little (as when a sentence is added to a note). */
function editedText(chunk: BenchChunk, round: number): string {
  return `${chunk.text} De leraar bespreekt dit ook met de kinderraad in ronde ${round}.`;
}

/** Measures both engines on `notes` synthetic notes; writes its files under `.tmp/keyword-bench/`. */
export function runKeywordBench(notes = 2000, root = resolve(__dirname, '..')): KeywordBenchRow[] {
  const chunks = benchChunks(notes, root);
  const queries = benchQueries();
  const dir = join(root, '.tmp/keyword-bench');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'ids.txt'), chunks.map((c) => c.id).join('\n'));
  const ids = new Set(chunks.map((c) => c.id));
  const accept = (id: string): boolean => ids.has(id);
  const next = seededRandom(11);
  const editTargets = Array.from({ length: 20 }, () => chunks[Math.floor(next() * chunks.length)]!);

  // The new engine.
  let start = performance.now();
  const index = KeywordIndex.empty();
  for (const c of chunks) index.add(c.id, c.text, c.heading);
  const first = index.persist();
  const buildMs = performance.now() - start;
  writeFileSync(join(dir, 'keyword.base'), first.base!);
  writeFileSync(join(dir, 'keyword.delta'), first.delta);
  const newTimes = queryTimes(index, queries, accept);
  const newTop = queries.map((q) => index.search(q, 10, accept).map((h) => h.id));
  const edits: number[] = [];
  let lastDelta = 0;
  editTargets.forEach((c, round) => {
    const t = performance.now();
    index.add(c.id, editedText(c, round), c.heading);
    const files = index.persist();
    edits.push(performance.now() - t);
    if (files.base) throw new Error('an edit of one chunk compacted the index');
    lastDelta = files.delta.length;
    // The cold load below opens the first base with the last delta, as after a session of edits.
    writeFileSync(join(dir, 'keyword.delta'), files.delta);
  });
  start = performance.now();
  index.persist({ compact: true });
  const compactMs = performance.now() - start;
  const newCold = coldLoad('new', dir);

  // The MiniSearch baseline.
  start = performance.now();
  const mini = MiniSearchBaseline.empty();
  for (const c of chunks) mini.add(c.id, c.text, c.heading);
  const json = new TextEncoder().encode(mini.toJSON());
  const miniBuildMs = performance.now() - start;
  writeFileSync(join(dir, 'keyword.json'), json);
  const miniTimes = queryTimes(mini, queries, accept);
  const miniTop = queries.map((q) => mini.search(q, 10, accept).map((h) => h.id));
  const miniEdits: number[] = [];
  let miniBytes = 0;
  editTargets.forEach((c, round) => {
    const t = performance.now();
    mini.add(c.id, editedText(c, round), c.heading);
    miniBytes = new TextEncoder().encode(mini.toJSON()).length;
    miniEdits.push(performance.now() - t);
  });
  const miniCold = coldLoad('minisearch', dir);

  let shared = 0;
  let total = 0;
  newTop.forEach((top, i) => {
    const other = new Set(miniTop[i]);
    shared += top.filter((id) => other.has(id)).length;
    total += Math.max(top.length, other.size);
  });

  return [
    { engine: 'binary base + delta', chunks: chunks.length, buildMs, bytesPerChunk: (first.base!.length + first.delta.length) / chunks.length, ...newCold, queryP50Ms: median(newTimes), queryP95Ms: percentile(newTimes, 0.95), editSaveMs: median(edits), editSaveBytes: lastDelta, compactMs, top10Overlap: total ? shared / total : 1 },
    { engine: 'MiniSearch 7.2, JSON', chunks: chunks.length, buildMs: miniBuildMs, bytesPerChunk: json.length / chunks.length, ...miniCold, queryP50Ms: median(miniTimes), queryP95Ms: percentile(miniTimes, 0.95), editSaveMs: median(miniEdits), editSaveBytes: miniBytes, compactMs: median(miniEdits), top10Overlap: 1 },
  ];
}

interface ColdLoad {
  coldOpenMs: number;
  coldFirstQueryMs: number;
  coldHasAllMs: number;
}

/**
 * Runs `coldLoadChild` in fresh Node processes so the load is measured with a cold JIT; the run with the
 * median total of 5 (a shared machine makes single runs noisy).
 */
function coldLoad(engine: 'new' | 'minisearch', dir: string): ColdLoad {
  const runs = Array.from({ length: 5 }, () => {
    const out = execFileSync(process.execPath, [process.argv[1]!], { encoding: 'utf8', env: { ...process.env, [CHILD_ENV]: JSON.stringify([engine, dir]) } });
    return JSON.parse(out) as ColdLoad;
  });
  const total = (r: ColdLoad): number => r.coldOpenMs + r.coldFirstQueryMs + r.coldHasAllMs;
  return runs.sort((a, b) => total(a) - total(b))[2]!;
}

function coldLoadChild(engine: string, dir: string): void {
  const start = performance.now();
  let index: Engine & { has(id: string): boolean };
  if (engine === 'new') {
    index = KeywordIndex.load(readFileSync(join(dir, 'keyword.base')), readFileSync(join(dir, 'keyword.delta')));
  } else {
    index = MiniSearchBaseline.fromJSON(readFileSync(join(dir, 'keyword.json'), 'utf8'));
  }
  const opened = performance.now();
  index.search('eigenaarschap van leerlingen', 50);
  const queried = performance.now();
  const ids = readFileSync(join(dir, 'ids.txt'), 'utf8').split('\n');
  const idsStart = performance.now();
  let missing = 0;
  for (const id of ids) if (!index.has(id)) missing++;
  if (missing > 0) throw new Error(`${missing} ids missing after load`);
  const result: ColdLoad = { coldOpenMs: opened - start, coldFirstQueryMs: queried - opened, coldHasAllMs: performance.now() - idsStart };
  writeSync(1, JSON.stringify(result));
}

/** A Markdown table of the rows. */
export function formatKeywordBench(rows: KeywordBenchRow[]): string {
  const lines = [
    '| engine | chunks | build + 1st save | on disk per chunk | cold: read + open / 1st query / has() for all ids | query p50 / p95 (k 50) | edit 1 chunk + save | bytes written per save | compaction | top-10 overlap |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    lines.push(`| ${r.engine} | ${r.chunks.toLocaleString('en')} | ${r.buildMs.toFixed(0)} ms | ${r.bytesPerChunk.toFixed(0)} B | ${r.coldOpenMs.toFixed(1)} / ${r.coldFirstQueryMs.toFixed(1)} / ${r.coldHasAllMs.toFixed(1)} ms | ${r.queryP50Ms.toFixed(2)} / ${r.queryP95Ms.toFixed(2)} ms | ${r.editSaveMs.toFixed(2)} ms | ${r.editSaveBytes.toLocaleString('en')} | ${r.compactMs.toFixed(0)} ms | ${r.top10Overlap.toFixed(2)} |`);
  }
  return lines.join('\n');
}

/** Prints the table for `notes` notes (default 2,000); `.tmp/` under the repository holds the files. */
export function keywordBenchMain(argv: string[]): void {
  const notes = Number(argv[0] ?? 2000);
  console.log(formatKeywordBench(runKeywordBench(notes, resolve(__dirname, '..'))));
}

const child = process.env[CHILD_ENV];
if (child) {
  // A cold-load child: measure, print, and exit before whatever else the bundle would run.
  const [engine, dir] = JSON.parse(child) as [string, string];
  coldLoadChild(engine, dir);
  process.exit(0);
} else if (require.main === module && /keyword|kb/i.test(basename(process.argv[1] ?? ''))) {
  // Run directly (the ad hoc bundle `.tmp/kb.cjs`), not imported by another benchmark.
  keywordBenchMain(process.argv.slice(2));
}
