/**
 * Quality and speed of the generators on the example vaults: the lint pass rate of each vault's own
 * indicators, whether every extractive look-for passes the lint or carries its findings (must be 100%),
 * the share of wikilinks in generated notes that resolve (must be 100%, both modes; the model mode with
 * a scripted model that cites every passage it gets), and the time per generator (extractive, all
 * elements, median of several runs).
 *
 * Run ad hoc:
 *   npx esbuild bench/generatorsEval.ts --bundle --platform=node --format=cjs --outfile=/tmp/ge.cjs \
 *     --external:@huggingface/transformers --external:onnxruntime-node && node /tmp/ge.cjs
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { VisionIndex } from '../src/core/visionIndex';
import {
  checkWikilinks,
  GENERATOR_KINDS,
  generate,
  lintIndicator,
  openGeneratorContext,
  renderGeneratedNote,
  summarizeLint,
  type GeneratorContext,
  type GeneratorKind,
} from '../src/core/generators';
import type { ChatModel, ChatRequest, ChatResponse } from '../src/core/llm/types';
import { MemoryIndexStorage } from '../tests/helpers/memoryIndexStorage';
import { loadExampleVault, MemoryNoteSource } from '../tests/helpers/memoryNoteSource';

export interface VaultEval {
  vault: string;
  elements: number;
  ownIndicators: { total: number; passed: number; observable: number; flagged: string[] };
  extractiveLookFors: { total: number; passed: number; carryFindings: number; rate: number };
  links: { notes: number; total: number; resolved: number; rate: number };
  /** Median milliseconds per generator, extractive, all elements. */
  msPerKind: Record<GeneratorKind, number>;
}

const RUNS = 5;

/** A model that answers every kind with well-formed items citing all sources it was given. */
function citingModel(kind: GeneratorKind, subjects: readonly string[]): ChatModel {
  const ids = (r: ChatRequest): string[] => [...(r.messages[0]?.content ?? '').matchAll(/<bron id="([^"]+)"/g)].map((m) => m[1] ?? '');
  const answer = (r: ChatRequest): unknown => {
    const sources = ids(r);
    if (kind === 'reflectie') return { items: [{ text: 'Wat deed je toen?', sources }] };
    if (kind === 'lesideeen') return { items: [{ title: 'Idee', goal: 'Doel.', activity: 'Activiteit.', visible: 'Zichtbaar.', differentiation: 'Verschil.', sources }] };
    if (kind === 'vakvoorbeelden') return { items: subjects.map((subject) => ({ subject, text: 'Voorbeeld.', sources })) };
    return { items: [{ text: 'De leerling kiest zelf een taak.', sources }], question: { text: 'Wat wilde je dat ze deden?', sources } };
  };
  return {
    config: { preset: 'custom', baseUrl: 'http://127.0.0.1:9/v1', model: 'scripted' },
    complete: (r: ChatRequest): Promise<ChatResponse> => Promise.resolve({ text: JSON.stringify(answer(r)), model: 'scripted', streamed: false }),
    listModels: () => Promise.resolve({ models: [], latencyMs: 0 }),
  };
}

async function contextOf(root: string): Promise<GeneratorContext> {
  const source = new MemoryNoteSource(loadExampleVault(root));
  const index = await VisionIndex.open({ storage: new MemoryIndexStorage(), source, embedder: null });
  await index.update();
  return openGeneratorContext(index, source);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Evaluates one vault folder. */
export async function evaluateVault(root: string, subjects: readonly string[]): Promise<VaultEval> {
  const ctx = await contextOf(root);
  const own = summarizeLint(ctx.vault.elements.flatMap((e) => e.indicators));

  const lookFors = (await generate({ kind: 'indicators', elements: [] }, ctx)).items;
  const carry = lookFors.filter((i) => JSON.stringify(i.lint) === JSON.stringify(lintIndicator(i.text))).length;

  const links = { notes: 0, total: 0, resolved: 0, rate: 1 };
  const msPerKind = {} as Record<GeneratorKind, number>;
  for (const kind of GENERATOR_KINDS) {
    const request = { kind, elements: [], subjects: [...subjects], icalt: true };
    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      // A fresh context each run: the lesson check's work is part of what lesideeen and vakvoorbeelden cost.
      const fresh = await contextOf(root);
      const started = performance.now();
      await generate(request, fresh);
      times.push(performance.now() - started);
    }
    msPerKind[kind] = median(times);
    for (const result of [await generate(request, ctx), await generate(request, ctx, { chatModel: citingModel(kind, subjects) })]) {
      const check = checkWikilinks(renderGeneratedNote(result, { elements: ctx.vault.elements, date: '2026-11-23' }), ctx.vault.notes.values());
      links.notes++;
      links.total += check.total;
      links.resolved += check.resolved;
    }
  }
  links.rate = links.total ? links.resolved / links.total : 1;
  return {
    vault: root,
    elements: ctx.vault.elements.length,
    ownIndicators: { total: own.total, passed: own.passed, observable: own.observable, flagged: own.flagged.map((f) => `${f.text} (${f.findings.map((x) => x.rule).join(', ')})`) },
    extractiveLookFors: { total: lookFors.length, passed: lookFors.filter((i) => i.lint.length === 0).length, carryFindings: carry, rate: lookFors.length ? carry / lookFors.length : 1 },
    links,
    msPerKind,
  };
}

/** Both example vaults (the secondary-school one when present) under the repository `root`. */
export async function runGeneratorsEval(root = process.cwd()): Promise<VaultEval[]> {
  const out = [await evaluateVault(join(root, 'examples/vault'), ['rekenen', 'taal', 'wereldoriëntatie', 'bewegingsonderwijs', 'muziek'])];
  const vo = join(root, 'examples/vault-vo');
  if (existsSync(join(vo, 'Visie'))) out.push(await evaluateVault(vo, ['wiskunde', 'Nederlands', 'biologie', 'lichamelijke opvoeding']));
  return out;
}

const pct = (a: number, b: number): string => `${b ? ((100 * a) / b).toFixed(1) : '100.0'}% (${a}/${b})`;

/** Markdown for BENCHMARKS.md. */
export function formatGeneratorsEval(results: readonly VaultEval[]): string {
  const lines = ['| vault | elements | own indicators passing lint | own indicators observable | extractive look-fors passing | look-fors passing or carrying their findings | links resolving |', '|---|---|---|---|---|---|---|'];
  for (const r of results) {
    const name = r.vault.split(/[\\/]/).pop() ?? r.vault;
    lines.push(
      `| ${name} | ${r.elements} | ${pct(r.ownIndicators.passed, r.ownIndicators.total)} | ${pct(r.ownIndicators.observable, r.ownIndicators.total)} | ${pct(r.extractiveLookFors.passed, r.extractiveLookFors.total)} | ${pct(r.extractiveLookFors.carryFindings, r.extractiveLookFors.total)} | ${pct(r.links.resolved, r.links.total)} in ${r.links.notes} notes |`,
    );
  }
  lines.push('', '| vault | ' + GENERATOR_KINDS.join(' | ') + ' |', '|---|' + GENERATOR_KINDS.map(() => '---').join('|') + '|');
  for (const r of results) lines.push(`| ${r.vault.split(/[\\/]/).pop() ?? r.vault} | ${GENERATOR_KINDS.map((k) => `${r.msPerKind[k].toFixed(0)} ms`).join(' | ')} |`);
  lines.push('', 'Median of 5 extractive runs over all elements, keyword-only index; lesideeen and vakvoorbeelden include the lesson check of every plan.');
  for (const r of results) for (const f of r.ownIndicators.flagged) lines.push(`- ${r.vault.split(/[\\/]/).pop() ?? ''}: flagged own indicator: ${f}`);
  return lines.join('\n');
}
