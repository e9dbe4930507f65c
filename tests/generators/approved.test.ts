/**
 * Approval tests: each generator's extractive note on the example vault, and the notes rendered from a
 * fixed model answer, compared exactly with golden Markdown in tests/fixtures/approved/. After an
 * intended change: `UPDATE_APPROVED=1 npx vitest run tests/generators/approved.test.ts`, then review
 * the diff of the fixtures like any other change.
 */
import { beforeAll, describe, it } from 'vitest';
import { generate, renderGeneratedNote, type GeneratorContext, type GeneratorRequest } from '../../src/core/generators';
import { answerCiting, contextFor, EXAMPLE_VAULT, expectApproved, ScriptedChatModel, sourceIds } from './generatorHarness';

let ctx: GeneratorContext;
beforeAll(async () => {
  ctx = (await contextFor(EXAMPLE_VAULT)).context;
});

const EXTRACTIVE: [string, GeneratorRequest][] = [
  ['indicators.md', { kind: 'indicators', elements: [] }],
  ['kijkwijzer.md', { kind: 'kijkwijzer', elements: ['kernwaarden/eigenaarschap', 'kernwaarden/veiligheid-en-vertrouwen'], icalt: true }],
  ['flitsbezoek.md', { kind: 'flitsbezoek', elements: ['kernwaarden/eigenaarschap', 'kernwaarden/samenwerken'] }],
  ['reflectie.md', { kind: 'reflectie', elements: ['kernwaarden/nieuwsgierigheid'] }],
  ['reflectie-en.md', { kind: 'reflectie', elements: ['kernwaarden/nieuwsgierigheid'], lang: 'en' }],
  ['lesideeen.md', { kind: 'lesideeen', elements: ['kernwaarden/eigenaarschap', 'kernwaarden/nieuwsgierigheid'], subjects: ['rekenen'] }],
  ['vakvoorbeelden.md', { kind: 'vakvoorbeelden', elements: ['kernwaarden/creativiteit'] }],
];

describe('approved extractive notes (example vault)', () => {
  for (const [name, request] of EXTRACTIVE) {
    it(name, async () => {
      const result = await generate(request, ctx);
      const subject = request.subjects?.length === 1 ? request.subjects[0] : undefined;
      expectApproved(`extractive/${name}`, renderGeneratedNote(result, { elements: ctx.vault.elements, ...(subject ? { subject } : {}) }));
    });
  }
});

describe('approved notes rendered from a fixed model answer', () => {
  for (const kind of ['kijkwijzer', 'flitsbezoek', 'lesideeen'] as const) {
    it(`${kind}.md`, async () => {
      const model = new ScriptedChatModel((r) => answerCiting(kind, sourceIds(r)));
      const result = await generate({ kind, elements: ['kernwaarden/eigenaarschap'], icalt: true }, ctx, { chatModel: model });
      expectApproved(`model/${kind}.md`, renderGeneratedNote(result, { elements: ctx.vault.elements, date: '2026-11-23' }));
    });
  }
});
