/**
 * How well `suggestElements` ranks the vision elements of a good practice: on a labelled set of invented
 * practice texts (`tests/fixtures/labels/practices-elements.json`) against `examples/vault`, the share of
 * texts with a labelled element among the first three suggestions (the modal shows the ranking and ticks
 * the best ones, so the top three is what a user sees first). Also the top-1 rate, the share of texts
 * with every labelled element in the top three, and how right the default ticks are (`preselectedIds`;
 * its rule, "partial or better and at least half the best score", was picked from three simple rules on
 * this same set, so its figures are optimistic). The texts were written and labelled before anything was
 * measured; nothing in the scorer was changed for them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Embedder } from '../src/core/index/types';
import { TransformersEmbedder } from '../src/core/embedding/transformersEmbedder';
import { FolderNoteSource } from '../src/cli/folderNoteSource';
import { LessonChecker, loadLessonCheckVault } from '../src/core/lessonCheck';
import { preselectedIds, suggestElements } from '../src/core/practices/suggestElements';

/** One labelled practice text. */
export interface PracticeLabel {
  id: string;
  title: string;
  subject: string;
  group: string;
  text: string;
  /** Titles of the vision elements it embodies. */
  elements: string[];
}

export interface PracticesEvalMiss {
  id: string;
  expected: string[];
  top3: string[];
}

export interface PracticesEvalRow {
  mode: 'keyword-only' | 'hybrid (tiny model)';
  texts: number;
  /** Share of texts with at least one labelled element in the top 3. */
  top3: number;
  /** Share of texts whose first suggestion is labelled. */
  top1: number;
  /** Share of texts with every labelled element in the top 3. */
  allInTop3: number;
  /** Of the elements ticked by default (`preselectedIds`), the share that is labelled. */
  tickedPrecision: number;
  /** Of the labelled elements, the share ticked by default. */
  tickedRecall: number;
  /** Mean time of one suggestion (parse and check), after the checker is prepared. */
  meanMs: number;
  misses: PracticesEvalMiss[];
}

export interface PracticesEval {
  vault: string;
  elements: number;
  rows: PracticesEvalRow[];
}

/** Reads the labelled set. */
export function readPracticeLabels(root: string): { vault: string; practices: PracticeLabel[] } {
  const raw = JSON.parse(readFileSync(join(root, 'tests/fixtures/labels/practices-elements.json'), 'utf8')) as { vault: string; practices: PracticeLabel[] };
  return { vault: raw.vault, practices: raw.practices };
}

/**
 * Runs the evaluation from the repository `root`, keyword-only, and with the model in `modelDir` too
 * when one is given (the tiny test model says little about meaning; a real model's folder can be passed).
 */
export async function runPracticesEval(root: string, model?: { dir: string; id: string }): Promise<PracticesEval> {
  const labels = readPracticeLabels(root);
  const vault = await loadLessonCheckVault(new FolderNoteSource(join(root, labels.vault)));
  const known = new Set(vault.elements.map((e) => e.title));
  for (const label of labels.practices) {
    for (const title of label.elements) if (!known.has(title)) throw new Error(`${label.id}: no element "${title}" in ${labels.vault}`);
  }
  const modes: [PracticesEvalRow['mode'], () => Embedder | null][] = [['keyword-only', () => null]];
  if (model) modes.push(['hybrid (tiny model)', () => new TransformersEmbedder({ modelId: model.id, localModelDir: model.dir })]);

  const rows: PracticesEvalRow[] = [];
  for (const [mode, make] of modes) {
    const embedder = make();
    try {
      const checker = await LessonChecker.prepare(vault, embedder);
      let top3 = 0;
      let top1 = 0;
      let all = 0;
      let elapsed = 0;
      const ticked = { right: 0, wrong: 0, missed: 0 };
      const misses: PracticesEvalMiss[] = [];
      for (const label of labels.practices) {
        const started = performance.now();
        const ranked = await suggestElements(`# ${label.title}\n\n${label.text}\n`, vault, checker);
        elapsed += performance.now() - started;
        const first3 = ranked.slice(0, 3).map((s) => s.title);
        if (label.elements.some((t) => first3.includes(t))) top3++;
        else misses.push({ id: label.id, expected: label.elements, top3: first3 });
        if (label.elements.includes(ranked[0]?.title ?? '')) top1++;
        if (label.elements.every((t) => first3.includes(t))) all++;
        const ids = new Set(preselectedIds(ranked));
        const tickedTitles = ranked.filter((s) => ids.has(s.id)).map((s) => s.title);
        for (const title of tickedTitles) ticked[label.elements.includes(title) ? 'right' : 'wrong']++;
        ticked.missed += label.elements.filter((t) => !tickedTitles.includes(t)).length;
      }
      const n = labels.practices.length;
      const tickedPrecision = ticked.right / Math.max(1, ticked.right + ticked.wrong);
      const tickedRecall = ticked.right / Math.max(1, ticked.right + ticked.missed);
      rows.push({ mode, texts: n, top3: top3 / n, top1: top1 / n, allInTop3: all / n, tickedPrecision, tickedRecall, meanMs: elapsed / n, misses });
    } finally {
      await embedder?.dispose();
    }
  }
  return { vault: labels.vault, elements: vault.elements.length, rows };
}

/** A small Markdown table, as BENCHMARKS.md shows figures, and the misses under it. */
export function formatPracticesEval(result: PracticesEval): string {
  const pct = (x: number): string => `${(x * 100).toFixed(0)} %`;
  const lines = [
    `Good-practice element suggestions on ${result.vault} (${result.elements} elements)`,
    '',
    '| mode | texts | labelled element in top 3 | top 1 labelled | all labelled in top 3 | ticked by default: precision / recall | mean per text |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...result.rows.map((r) => `| ${r.mode} | ${r.texts} | ${pct(r.top3)} | ${pct(r.top1)} | ${pct(r.allInTop3)} | ${pct(r.tickedPrecision)} / ${pct(r.tickedRecall)} | ${r.meanMs.toFixed(1)} ms |`),
  ];
  for (const row of result.rows) {
    for (const miss of row.misses) lines.push(`- ${row.mode}: ${miss.id} expected ${miss.expected.join(' / ')}, got ${miss.top3.join(', ')}`);
  }
  return lines.join('\n');
}
