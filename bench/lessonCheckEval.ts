import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NoteFile, NoteSource } from '../src/core/notes/types';
import type { Embedder } from '../src/core/index/types';
import { parseNote } from '../src/core/notes/parseNote';
import { TransformersEmbedder } from '../src/core/embedding/transformersEmbedder';
import { FolderNoteSource } from '../src/cli/folderNoteSource';
import { LessonChecker, loadLessonCheckVault, type LessonCheckReport } from '../src/core/lessonCheck';

/** One labelled lesson plan: which elements it clearly embodies (strong, partial) and which it clearly lacks. */
interface LessonLabel {
  path: string;
  strong: string[];
  partial: string[];
  absent: string[];
  /** Written and labelled after the rules were fixed; never used to change them. */
  heldOut?: boolean;
}

interface EvalVault {
  name: string;
  dir: string;
  labels: string;
  /** Extra plans laid over the vault (held-out plans kept outside the shared example vault). */
  overlay?: { dir: string; labels: string };
}

export interface LessonCheckEvalRow {
  mode: 'keyword-only' | 'hybrid (tiny model)';
  vault: string;
  subset: 'development' | 'held-out' | 'all';
  plans: number;
  present: number;
  absent: number;
  /** Share of labelled pairs where present (strong or partial) versus absent was called right. */
  accuracy: number;
  presentRecall: number;
  absentRecall: number;
}

export interface LessonCheckTiming {
  mode: LessonCheckEvalRow['mode'];
  words: number;
  elements: number;
  prepareMs: number;
  p50: number;
  p95: number;
}

export interface LessonCheckEval {
  rows: LessonCheckEvalRow[];
  timings: LessonCheckTiming[];
}

/** Notes of a folder plus those of a second folder, as one vault. */
class OverlaySource implements NoteSource {
  constructor(private readonly base: FolderNoteSource, private readonly extra: FolderNoteSource) {}
  async list(): Promise<NoteFile[]> {
    return [...(await this.base.list()), ...(await this.extra.list())];
  }
  async read(path: string): Promise<string> {
    return this.extra.read(path).catch(() => this.base.read(path));
  }
}

function vaults(root: string): EvalVault[] {
  return [
    {
      name: 'De Wilgenhoek (po)',
      dir: join(root, 'examples/vault'),
      labels: join(root, 'tests/fixtures/labels/example-vault-lessons.json'),
      overlay: { dir: join(root, 'tests/lessonCheck/heldOut/vault'), labels: join(root, 'tests/lessonCheck/heldOut/example-vault-lessons.json') },
    },
    { name: 'Baken College (vo)', dir: join(root, 'examples/vault-vo'), labels: join(root, 'tests/fixtures/labels/vault-vo-lessons.json') },
  ];
}

interface PairResult {
  vault: string;
  heldOut: boolean;
  present: boolean;
  predictedPresent: boolean;
}

/** Present-versus-absent pairs of one report against its label. */
function pairs(report: LessonCheckReport, label: LessonLabel, vault: string): PairResult[] {
  const out: PairResult[] = [];
  for (const element of report.elements) {
    const present = label.strong.includes(element.title) || label.partial.includes(element.title);
    if (!present && !label.absent.includes(element.title)) continue;
    out.push({ vault, heldOut: label.heldOut === true, present, predictedPresent: element.status !== 'absent' });
  }
  return out;
}

function row(mode: LessonCheckEvalRow['mode'], vault: string, subset: LessonCheckEvalRow['subset'], results: PairResult[], plans: number): LessonCheckEvalRow {
  const present = results.filter((r) => r.present);
  const absent = results.filter((r) => !r.present);
  const right = results.filter((r) => r.present === r.predictedPresent).length;
  return {
    mode, vault, subset, plans,
    present: present.length,
    absent: absent.length,
    accuracy: results.length ? right / results.length : 0,
    presentRecall: present.length ? present.filter((r) => r.predictedPresent).length / present.length : 0,
    absentRecall: absent.length ? absent.filter((r) => !r.predictedPresent).length / absent.length : 0,
  };
}

/**
 * Accuracy of present (strong or partial) versus absent on the labelled lesson plans of both example
 * vaults, keyword-only and with the tiny test model, split into the plans the rules were developed on
 * and the held-out plans; and the time to check a two-page plan against 8 elements with a warm checker.
 */
export async function runLessonCheckEval(root: string, modelDir: string, modelId: string): Promise<LessonCheckEval> {
  const rows: LessonCheckEvalRow[] = [];
  const timings: LessonCheckTiming[] = [];
  const modes: [LessonCheckEvalRow['mode'], () => Embedder | null][] = [
    ['keyword-only', () => null],
    ['hybrid (tiny model)', () => new TransformersEmbedder({ modelId, localModelDir: modelDir })],
  ];
  for (const [mode, makeEmbedder] of modes) {
    const all: PairResult[] = [];
    const planCount = { development: 0, heldOut: 0 };
    for (const vault of vaults(root)) {
      const base = new FolderNoteSource(vault.dir);
      const source = vault.overlay ? new OverlaySource(base, new FolderNoteSource(vault.overlay.dir)) : base;
      const labels = [vault.labels, ...(vault.overlay ? [vault.overlay.labels] : [])].flatMap((f) => JSON.parse(readFileSync(f, 'utf8')) as LessonLabel[]);
      const inputs = await loadLessonCheckVault(source);
      const checker = await LessonChecker.prepare(inputs, makeEmbedder());
      const results: PairResult[] = [];
      for (const label of labels) {
        const plan = inputs.corpus.find((n) => n.path === label.path);
        if (!plan) throw new Error(`Labelled plan not found: ${vault.name}/${label.path}`);
        results.push(...pairs(await checker.check(plan), label, vault.name));
      }
      const dev = labels.filter((l) => !l.heldOut).length;
      planCount.development += dev;
      planCount.heldOut += labels.length - dev;
      rows.push(row(mode, vault.name, 'development', results.filter((r) => !r.heldOut), dev));
      all.push(...results);
    }
    rows.push(row(mode, 'both', 'development', all.filter((r) => !r.heldOut), planCount.development));
    rows.push(row(mode, 'both', 'held-out', all.filter((r) => r.heldOut), planCount.heldOut));
    rows.push(row(mode, 'both', 'all', all, planCount.development + planCount.heldOut));
    timings.push(await timeTwoPagePlan(root, mode, makeEmbedder()));
  }
  return { rows, timings };
}

/** Two of the example vault's plans as one two-page plan (~800 words), checked 40 times by a warm checker. */
async function timeTwoPagePlan(root: string, mode: LessonCheckEvalRow['mode'], embedder: Embedder | null): Promise<LessonCheckTiming> {
  const dir = join(root, 'examples/vault');
  const inputs = await loadLessonCheckVault(new FolderNoteSource(dir));
  const started = performance.now();
  const checker = await LessonChecker.prepare(inputs, embedder);
  const prepareMs = performance.now() - started;
  const first = readFileSync(join(dir, 'Lessen/Groep 4 Rekenen - Tafel van 4 (IGDI).md'), 'utf8');
  const second = readFileSync(join(dir, 'Groep 7/Techniek - Een brug van papier.md'), 'utf8').replace(/^---[\s\S]*?---\n/, '');
  const text = `${first}\n${second}`;
  const times: number[] = [];
  for (let run = 0; run < 40; run++) {
    // Each run parses and checks, as the sidebar does after an edit; the first run also embeds the plan.
    const t = performance.now();
    await checker.check(parseNote('Lessen/Twee paginas.md', text));
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { mode, words: text.split(/\s+/).length, elements: inputs.elements.length, prepareMs, p50: times[20] ?? 0, p95: times[38] ?? 0 };
}

export function formatLessonCheckEval(result: LessonCheckEval): string {
  const pct = (x: number): string => x.toFixed(2);
  const table = [
    '| mode | vault | plans | pairs (present / absent) | accuracy | present recall | absent recall |',
    '|---|---|---|---|---|---|---|',
    ...result.rows.map((r) => `| ${r.mode} | ${r.vault}${r.subset === 'development' && r.vault !== 'both' ? '' : `, ${r.subset}`} | ${r.plans} | ${r.present + r.absent} (${r.present} / ${r.absent}) | ${pct(r.accuracy)} | ${pct(r.presentRecall)} | ${pct(r.absentRecall)} |`),
  ];
  const timing = [
    '| mode | plan | elements | prepare (once) | check p50 / p95 |',
    '|---|---|---|---|---|',
    ...result.timings.map((t) => `| ${t.mode} | ${t.words} words | ${t.elements} | ${t.prepareMs.toFixed(0)} ms | ${t.p50.toFixed(1)} / ${t.p95.toFixed(1)} ms |`),
  ];
  return `${table.join('\n')}\n\n${timing.join('\n')}`;
}
