/**
 * Benchmark of the privacy guard: per-type precision and recall on the labelled Dutch test set, and the
 * time to redact a 5,000-word note (p50 of 20 runs; target under 50 ms).
 *
 * Run ad hoc:
 *   npx esbuild bench/privacyBench.ts --bundle --platform=node --format=cjs --outfile=/tmp/pb.cjs && node /tmp/pb.cjs
 */
import { redact } from '../src/core/privacy';
import type { PiiType } from '../src/core/privacy';
import { evaluateLabelledSet, LABELLED_KEEP_TERMS, loadLabelledSet, type TypeScore } from '../tests/privacy/labelledSet';

export interface PrivacyBenchResult {
  texts: number;
  perType: Record<PiiType, TypeScore>;
  /** Found names whose placeholder has the role the fixture gives (LEERLING vs PERSOON). */
  nameRoleAccuracy: number;
  noteWords: number;
  runs: number;
  p50Ms: number;
  maxMs: number;
}

const NOTE_WORDS = 5000;
const RUNS = 20;

/** A long note made of the labelled texts, repeated until it holds exactly `words` words. */
export function buildLongNote(words = NOTE_WORDS): string {
  const texts = loadLabelledSet().map((item) => item.text);
  const out: string[] = [];
  let count = 0;
  for (let k = 0; count < words; k += 1) {
    const lines = (texts[k % texts.length] ?? '').split('\n');
    for (const line of lines) {
      const lineWords = line.split(/\s+/).filter((w) => w.length > 0);
      const room = words - count;
      out.push(lineWords.length <= room ? line : lineWords.slice(0, room).join(' '));
      count += Math.min(lineWords.length, room);
      if (count >= words) break;
    }
    out.push('');
  }
  return out.join('\n');
}

/** Quality on the labelled set and speed on a 5,000-word note. */
export function runPrivacyBench(): PrivacyBenchResult {
  const items = loadLabelledSet();
  const score = evaluateLabelledSet(items);
  const names = score.perType.name;

  const note = buildLongNote();
  const options = { keepTerms: LABELLED_KEEP_TERMS };
  for (let k = 0; k < 3; k += 1) redact(note, options);
  const times: number[] = [];
  for (let k = 0; k < RUNS; k += 1) {
    const started = performance.now();
    redact(note, options);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return {
    texts: items.length,
    perType: score.perType,
    nameRoleAccuracy: names.found === 0 ? 1 : (names.roleCorrect ?? 0) / names.found,
    noteWords: note.split(/\s+/).filter((w) => w.length > 0).length,
    runs: RUNS,
    p50Ms: ((times[RUNS / 2 - 1] ?? 0) + (times[RUNS / 2] ?? 0)) / 2,
    maxMs: times[times.length - 1] ?? 0,
  };
}

function printReport(result: PrivacyBenchResult): void {
  const lines = [`Privacy guard on ${result.texts} labelled texts`, 'type            gold  recall  precision'];
  for (const [type, s] of Object.entries(result.perType)) {
    lines.push(`${type.padEnd(15)} ${String(s.gold).padStart(4)}  ${s.recall.toFixed(3)}   ${s.precision.toFixed(3)}`);
  }
  lines.push(`name role (LEERLING/PERSOON) right: ${result.nameRoleAccuracy.toFixed(3)}`);
  lines.push(`redact ${result.noteWords} words: p50 ${result.p50Ms.toFixed(1)} ms, max ${result.maxMs.toFixed(1)} ms (${result.runs} runs)`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

// Run directly (node on the bundle of this file, e.g. /tmp/pb.cjs): print the report. Importing never prints.
const entry = typeof process !== 'undefined' ? (process.argv[1] ?? '') : '';
if (/(?:privacyBench|pb)\.(?:c?js|ts)$/.test(entry)) printReport(runPrivacyBench());
