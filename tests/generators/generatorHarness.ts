/**
 * Shared set-up for the generator tests: an example vault indexed keyword-only in memory (as the CLI's
 * extractive mode does), a scripted in-process chat model that cites the sources it was given, and the
 * approval helper for golden Markdown files.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { VisionIndex } from '../../src/core/visionIndex';
import { openGeneratorContext, type GeneratorContext, type GeneratorKind } from '../../src/core/generators';
import type { ChatModel, ChatRequest, ChatResponse, ModelListing } from '../../src/core/llm/types';
import { MemoryNoteSource, loadExampleVault } from '../helpers/memoryNoteSource';
import { MemoryIndexStorage } from '../helpers/memoryIndexStorage';

export const EXAMPLE_VAULT = join(__dirname, '../../examples/vault');
export const VO_VAULT = join(__dirname, '../../examples/vault-vo');
/** The secondary-school vault of a different structure, when it is in the tree. */
export const HAS_VO_VAULT = existsSync(join(VO_VAULT, 'Visie'));

/** A fresh context over a vault folder (or over notes given as a map), keyword-only like the CLI's extractive mode. */
export async function contextFor(vault: string | Record<string, string>): Promise<{ context: GeneratorContext; source: MemoryNoteSource }> {
  const source = new MemoryNoteSource(typeof vault === 'string' ? loadExampleVault(vault) : vault);
  const index = await VisionIndex.open({ storage: new MemoryIndexStorage(), source, embedder: null });
  await index.update();
  return { context: await openGeneratorContext(index, source), source };
}

/** The source ids (`S1`, …) of the `<bron>` blocks in a request. */
export function sourceIds(request: ChatRequest): string[] {
  const user = request.messages.find((m) => m.role === 'user')?.content ?? '';
  return [...user.matchAll(/<bron id="([^"]+)"/g)].map((m) => m[1] ?? '');
}

/** A well-formed answer for `kind` that cites every source it was given. */
export function answerCiting(kind: GeneratorKind, ids: string[], subjects: readonly string[] = []): unknown {
  switch (kind) {
    case 'reflectie':
      return { items: [{ text: 'Wat deed je toen de leerlingen zelf mochten kiezen?', sources: ids }] };
    case 'lesideeen':
      return { items: [{ title: 'Kiesbord bij het rekencircuit', goal: 'De leerlingen kiezen zelf de volgorde van drie rekentaken.', activity: 'Drie tafels met rekentaken.', visible: 'Leerlingen zetten hun naam bij de taak die ze kiezen.', differentiation: 'Een extra uitdagende taak.', sources: ids }] };
    case 'vakvoorbeelden':
      return { items: subjects.map((subject) => ({ subject, text: `Bij ${subject} kiezen leerlingen zelf hun aanpak.`, sources: ids })) };
    default:
      return {
        items: [
          { text: 'De leerling kiest zelf de volgorde van de taken op het planbord.', actor: 'leerlingen', sources: ids },
          { text: 'De leraar vraagt een leerling uit te leggen waarom hij een taak koos.', actor: 'leraar', sources: ids },
        ],
        question: { text: 'Wat wilde je dat de leerlingen op dat moment deden?', sources: ids },
      };
  }
}

/** A chat model in this process: answers with `reply(request)`, records every request. */
export class ScriptedChatModel implements ChatModel {
  readonly config = { preset: 'custom' as const, baseUrl: 'http://127.0.0.1:9/v1', model: 'scripted-model' };
  readonly requests: ChatRequest[] = [];

  constructor(private readonly reply: (request: ChatRequest) => unknown) {}

  complete(request: ChatRequest): Promise<ChatResponse> {
    this.requests.push(request);
    const answer = this.reply(request);
    return Promise.resolve({ text: typeof answer === 'string' ? answer : JSON.stringify(answer), model: 'scripted-model', streamed: false });
  }

  listModels(): Promise<ModelListing> {
    return Promise.resolve({ models: ['scripted-model'], latencyMs: 0 });
  }
}

const APPROVED = join(__dirname, '../fixtures/approved');

/**
 * Compares `markdown` with the golden file `name`, exactly. `UPDATE_APPROVED=1 npx vitest run
 * tests/generators/approved.test.ts` writes the files instead; review the diff before committing.
 */
export function expectApproved(name: string, markdown: string): void {
  const path = join(APPROVED, name);
  if (process.env['UPDATE_APPROVED'] === '1') {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, markdown, 'utf8');
    return;
  }
  if (!existsSync(path)) throw new Error(`No approved file ${name}: run UPDATE_APPROVED=1 npx vitest run tests/generators/approved.test.ts`);
  expect(markdown).toBe(readFileSync(path, 'utf8'));
}
