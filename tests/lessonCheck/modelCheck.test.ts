import { describe, expect, it } from 'vitest';
import { checkLessonPlanWithModel, LessonChecker, type LessonCheckReport } from '../../src/core/lessonCheck';
import { parseNote } from '../../src/core/notes/parseNote';
import { RedactingChatModel } from '../../src/core/llm/redactingChatModel';
import { ProviderError } from '../../src/core/llm/providerError';
import { redact, restore, type RedactionMapping } from '../../src/core/privacy';
import { reply } from '../helpers/fakeOpenAiServer';
import { useFakeProvider } from '../llm/harness';
import { PLAN, smallSchool } from './fixtures';

const h = useFakeProvider();

/** The plan of the fixtures with two people in it, so the privacy guard has work to do (line 20). */
const PLAN_WITH_NAMES = `${PLAN}\n\nJuf Marloes Bakker helpt Sanne de Vries bij de planning.`;

async function run(answers: unknown[]): Promise<LessonCheckReport> {
  const { plan: _plan, namingPlan: _naming, ...sources } = smallSchool();
  let mapping: RedactionMapping = {};
  const keepTerms = ['Visiewijzer', ...sources.elements.map((e) => e.title)];
  const model = new RedactingChatModel(h.model(), {
    redactor: (text) => {
      const result = redact(text, { keepTerms, mapping });
      mapping = result.mapping;
      return { text: result.text, findings: result.findings };
    },
  });
  h.server.enqueue(...answers.map((a) => (typeof a === 'string' ? reply.text(a) : reply.text(JSON.stringify(a)))));
  const plan = parseNote('Lessen/Breuken groep 5.md', PLAN_WITH_NAMES);
  const checker = await LessonChecker.prepare(sources, null);
  return checkLessonPlanWithModel({ ...sources, plan, model, embedder: null, checker, options: { restore: (t) => restore(t, mapping) } });
}

const GOOD = {
  elements: [
    {
      id: 'E1',
      status: 'strong',
      evidence: [
        { quote: 'De leerlingen kiezen zelf de volgorde van de taken op het planbord.', visionQuote: 'De leerling kiest zelf in welke volgorde hij de taken op het planbord afwerkt.' },
        { quote: '[PERSOON-1] helpt [PERSOON-2] bij de planning', visionQuote: 'De leerling houdt zijn eigen planning bij' },
      ],
      suggestions: [],
    },
    { id: 'E2', status: 'absent', evidence: [], suggestions: ['Laat de leerlingen de breuken in tweetallen vergelijken, met [PERSOON-1] als begeleider.'] },
  ],
};

describe('checkLessonPlanWithModel', () => {
  it('sends the plan and the elements through the privacy guard and maps verified quotes to plan lines', async () => {
    const report = await run([GOOD]);
    const sent = h.server.requests[0]?.json?.messages?.map((m) => m.content).join('\n') ?? '';
    expect(sent).not.toContain('Marloes Bakker');
    expect(sent).toContain('[PERSOON-1]');
    expect(sent).toContain('De leerling kiest zelf in welke volgorde');

    expect(report.mode).toBe('model');
    const [ownership, collaboration] = report.elements;
    expect(ownership).toMatchObject({ title: 'Eigenaarschap', status: 'strong', verified: true });
    expect(ownership!.score).toBeGreaterThanOrEqual(0.6);
    expect(ownership!.evidence.map((e) => [e.startLine, e.endLine])).toEqual([[14, 14], [20, 20]]);
    expect(ownership!.evidence[0]).toMatchObject({ visionPath: 'Visie/Kernwaarden.md', visionHeading: 'Eigenaarschap', visionLine: 9 });
    expect(ownership!.evidence[1]!.text).toContain('Marloes Bakker');
    expect(collaboration).toMatchObject({ status: 'absent', verified: true });
    expect(collaboration!.score).toBeLessThan(0.25);
    expect(collaboration!.suggestions).toEqual(['Laat de leerlingen de breuken in tweetallen vergelijken, met Marloes Bakker als begeleider.']);
    expect(report.model).toMatchObject({ provider: 'custom', model: 'fake-model', droppedQuotes: 0 });
    expect(report.model!.requests).toHaveLength(1);
    expect(report.model!.redactionCount).toBeGreaterThanOrEqual(2);
  });

  it('drops a quote the model invented and marks the element unverified', async () => {
    const invented = structuredClone(GOOD);
    invented.elements[0]!.evidence = [
      { quote: 'De leerlingen maken zelf een eigen planbord voor de hele week.', visionQuote: 'De leerling kiest zelf in welke volgorde hij de taken op het planbord afwerkt.' },
      { quote: 'Ze houden hun planning bij op hun weekkaart', visionQuote: 'Elke leerling heeft een persoonlijk ontwikkelplan.' },
    ];
    const report = await run([invented]);
    const ownership = report.elements[0]!;
    expect(ownership.verified).toBe(false);
    expect(ownership.evidence.map((e) => e.startLine)).toEqual([15]);
    // The plan quote was real; its invented vision quote was dropped, so it cites the element itself.
    expect(ownership.evidence[0]).toMatchObject({ visionPath: 'Visie/Kernwaarden.md', visionText: null });
    expect(report.elements[1]!.verified).toBe(true);
    expect(report.model!.droppedQuotes).toBe(2);
    expect(report.warnings.join(' ')).toMatch(/2 quote\(s\).*left out/);
  });

  it('repairs a broken JSON answer once', async () => {
    const report = await run(['{"elements": [ {"id": "E1", "status": "strong"', GOOD]);
    expect(h.server.requests).toHaveLength(2);
    expect(report.model!.requests[0]!.repaired).toBe(true);
    expect(report.elements[0]!.status).toBe('strong');
  });

  it('fails with a clear error when the answer stays broken', async () => {
    const error = await run(['geen json', '{"elements": "nog steeds niet"}']).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).kind).toBe('malformed');
    expect((error as ProviderError).messageIn('en')).toMatch(/repair/);
  });

  it('falls back to the extractive result, with a warning, for an element the model skipped', async () => {
    const report = await run([{ elements: [GOOD.elements[0]] }]);
    expect(report.elements[1]).toMatchObject({ title: 'Samenwerken', status: 'absent', verified: true });
    expect(report.elements[1]!.suggestions.length).toBeGreaterThan(0);
    expect(report.warnings.join(' ')).toMatch(/no judgement for "Samenwerken"/);
  });
});
