/**
 * The model-assisted generators against a real HTTP server on 127.0.0.1 speaking the OpenAI API,
 * through the privacy guard: grounded prompts, citations checked (an invalid one is dropped and
 * reported), broken JSON repaired once or reported, nothing sent for an element the vault is silent on,
 * and look-fors that break the lint asked again once.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generate, renderGeneratedNote, type GeneratorContext } from '../../src/core/generators';
import { OpenAiChatModel } from '../../src/core/llm/openAiChatModel';
import { resolveProviderConfig } from '../../src/core/llm/presets';
import { PrivacyGuard } from '../../src/core/llm/privacyGuard';
import { RedactingChatModel } from '../../src/core/llm/redactingChatModel';
import { reply, startFakeOpenAiServer, type FakeOpenAiServer } from '../helpers/fakeOpenAiServer';
import { contextFor, EXAMPLE_VAULT, ScriptedChatModel, sourceIds } from './generatorHarness';

let server: FakeOpenAiServer;
let ctx: GeneratorContext;
beforeAll(async () => {
  ctx = (await contextFor(EXAMPLE_VAULT)).context;
});
beforeEach(async () => {
  server = await startFakeOpenAiServer();
});
afterEach(async () => {
  await server.close();
});

function model(guard = new PrivacyGuard()): { chatModel: RedactingChatModel; restore: (t: string) => string } {
  const config = resolveProviderConfig({ preset: 'custom', baseUrl: server.baseUrl, model: 'fake-model', stream: false, timeoutMs: 5_000 });
  const chatModel = new RedactingChatModel(new OpenAiChatModel(config, { retry: { sleep: async () => undefined, random: () => 0 } }), { redactor: guard.redactor });
  return { chatModel, restore: (t) => guard.restore(t) };
}

const json = (value: unknown): ReturnType<typeof reply.text> => reply.text(JSON.stringify(value));
const userMessage = (i: number): string => server.requests[i]!.json!.messages!.find((m) => m.role === 'user')!.content;

describe('model-assisted generators', () => {
  it('sends the element’s passages as delimited sources and maps cited ids back to vault links', async () => {
    server.enqueue(
      json({
        items: [
          { text: 'De leerling kiest zelf met welke taak hij begint.', actor: 'leerlingen', sources: ['S1'] },
          { text: 'De leraar vraagt een leerling waarom hij dit hulpmiddel kiest.', actor: 'leraar', sources: ['[[Kernwaarden#Eigenaarschap]]'] },
        ],
      }),
    );
    const result = await generate({ kind: 'kijkwijzer', elements: ['kernwaarden/eigenaarschap'] }, ctx, model());
    expect(server.requests).toHaveLength(1);
    const user = userMessage(0);
    expect(user).toContain('<bron id="S1" citeer="[[Kernwaarden#Eigenaarschap]]" pad="Visie/Kernwaarden.md">');
    expect(user).toContain('De leerling kiest zelf in welke volgorde');
    expect(result.mode).toBe('model');
    expect(result.items.map((i) => [i.sources, i.origin, i.actor])).toEqual([
      [['Visie/Kernwaarden#Eigenaarschap'], 'generated', 'leerlingen'],
      [['Visie/Kernwaarden#Eigenaarschap'], 'generated', 'leraar'],
    ]);
    expect(result.model).toMatchObject({ provider: 'custom', model: 'fake-model', droppedItems: 0 });
    expect(result.model!.sentPrompts[0]).toContain('<bron id="S1"');
  });

  it('drops an item that cites a source it was not given, and says so in the note', async () => {
    server.enqueue(
      json({
        items: [
          { text: 'De leerling legt uit welke taak hij als eerste kiest.', sources: ['S1'] },
          { text: 'De leerling volgt de landelijke norm voor eigenaarschap.', sources: ['S9'] },
        ],
      }),
    );
    const result = await generate({ kind: 'indicators', elements: ['kernwaarden/eigenaarschap'] }, ctx, model());
    expect(result.items.map((i) => i.text)).toEqual(['De leerling legt uit welke taak hij als eerste kiest.']);
    expect(result.model!.droppedItems).toBe(1);
    expect(result.notes.join('\n')).toContain('Weggelaten: „De leerling volgt de landelijke norm voor eigenaarschap.”');
    expect(result.notes.join('\n')).toContain('(S9)');
    const note = renderGeneratedNote(result, { elements: ctx.vault.elements, date: '2026-11-23' });
    expect(note).toContain('landelijke norm');
    expect(note.split('## Opmerkingen')[0]).not.toContain('landelijke norm');
  });

  it('repairs broken JSON once, and reports an element whose answer stays broken', async () => {
    server.enqueue(reply.text('Hier zijn de kijkpunten: {items: [kapot'), json({ items: [{ text: 'De leerling kiest zelf een oefenniveau.', sources: ['S1'] }] }));
    const repaired = await generate({ kind: 'indicators', elements: ['kernwaarden/eigenaarschap'] }, ctx, model());
    expect(repaired.items).toHaveLength(1);
    expect(repaired.notes.join('\n')).toMatch(/eerste antwoord van het taalmodel onbruikbaar/);

    server.enqueue(reply.text('geen json'), reply.text('nog steeds geen json'));
    const broken = await generate({ kind: 'indicators', elements: ['kernwaarden/eigenaarschap'] }, ctx, model());
    expect(broken.items).toEqual([]);
    expect(broken.notes.join('\n')).toMatch(/Voor Eigenaarschap gaf het taalmodel geen bruikbaar antwoord/);
    expect(server.requests).toHaveLength(4);
  });

  it('asks once more for look-fors that break the lint, and keeps the better rewrite', async () => {
    server.enqueue(
      json({ items: [{ text: 'Leerlingen begrijpen waarom ze zelf kiezen.', sources: ['S1'] }, { text: 'De leerling kiest zelf een taak.', sources: ['S1'] }] }),
      json({ items: [{ text: 'De leerling legt uit waarom hij deze taak kiest.', sources: ['S1'] }] }),
    );
    const result = await generate({ kind: 'indicators', elements: ['kernwaarden/eigenaarschap'] }, ctx, model());
    expect(server.requests).toHaveLength(2);
    expect(userMessage(0)).not.toContain('voldoen niet aan de regels');
    const second = server.requests[1]!.json!.messages!.map((m) => m.content).join('\n');
    expect(second).toContain('"Leerlingen begrijpen waarom ze zelf kiezen."');
    expect(second).toMatch(/beschrijft wat iemand denkt, weet of voelt/);
    expect(result.items.map((i) => i.text)).toEqual(['De leerling legt uit waarom hij deze taak kiest.', 'De leerling kiest zelf een taak.']);
    expect(result.notes.join('\n')).toMatch(/1 kijkpunt is één keer opnieuw gevraagd/);
  });

  it('sends nothing for an element the vault says nothing about, and says so', async () => {
    const { context } = await contextFor({
      'Visie/Kernwaarden.md': '---\nvisiewijzer: visie\n---\n# Kernwaarden\n\n## Lef\n\n## Rust\n\nWe werken rustig.\n\n- De leraar wacht tot het stil is.\n',
    });
    server.enqueue(json({ items: [{ text: 'De leraar wacht tot iedereen stil is voordat hij begint.', sources: ['S1'] }] }));
    const result = await generate({ kind: 'indicators', elements: ['kernwaarden/lef', 'kernwaarden/rust'] }, context, model());
    expect(server.requests).toHaveLength(1);
    expect(userMessage(0)).toContain('Rust');
    expect(result.gaps).toEqual([{ element: 'kernwaarden/lef', message: 'Je kluis zegt niets over Lef: er is niets naar het taalmodel gestuurd en niets verzonnen.' }]);
    const note = renderGeneratedNote(result, { elements: context.vault.elements, date: '2026-11-23' });
    expect(note).toContain('*Je kluis zegt niets over Lef');
  });

  it('redacts names before sending and puts them back in the note', async () => {
    const { context } = await contextFor({
      'Visie/Kernwaarden.md': '---\nvisiewijzer: visie\n---\n# Kernwaarden\n\n## Zorg\n\nJuf Sanne de Vries begroet elke ochtend elk kind.\n\n- De leraar begroet elke leerling bij naam.\n',
    });
    server.enqueue(json({ items: [{ text: 'De leraar begroet elke leerling bij de deur, zoals [PERSOON-1] doet.', sources: ['S1'] }] }));
    const guard = new PrivacyGuard({ roster: { staff: ['Sanne de Vries'] } });
    const result = await generate({ kind: 'indicators', elements: ['kernwaarden/zorg'] }, context, model(guard));
    const sent = server.requests[0]!.body;
    expect(sent).not.toContain('Sanne de Vries');
    expect(sent).toContain('[PERSOON-1]');
    expect(result.model!.redactionCount).toBeGreaterThan(0);
    expect(result.model!.sentPrompts[0]).not.toContain('Sanne de Vries');
    expect(result.items[0]!.text).toBe('De leraar begroet elke leerling bij de deur, zoals Sanne de Vries doet.');
  });

  it('offers the vault’s own lesson ideas first and labels the model’s as suggested by AI', async () => {
    server.enqueue(
      json({ items: [{ title: 'Kiesbord bij rekenen', goal: 'De leerlingen kiezen de volgorde van drie taken.', activity: 'Drie taken op een bord.', visible: 'Leerlingen zetten hun naam bij hun keuze.', differentiation: 'Een extra taak.', sources: ['S1'] }] }),
    );
    const result = await generate({ kind: 'lesideeen', elements: ['kernwaarden/eigenaarschap'] }, ctx, model());
    expect(result.items[0]!.origin).toBe('extracted');
    expect(result.items.at(-1)).toMatchObject({ text: 'Kiesbord bij rekenen', origin: 'generated' });
    const note = renderGeneratedNote(result, { elements: ctx.vault.elements, date: '2026-11-23' });
    expect(note.indexOf('### Wat collega’s al doen')).toBeLessThan(note.indexOf('### Nieuwe ideeën (voorgesteld door AI)'));
    expect(note).toMatch(/^ai:\n {2}provider: "custom"\n {2}model: "fake-model"\n {2}date: "2026-11-23"/m);
    expect(note).toContain('> [!info] Concept, gemaakt met hulp van AI (custom, fake-model, 2026-11-23).');
  });

  it('keeps a flitsbezoek over several elements to five look-fors and one question', async () => {
    const chat = new ScriptedChatModel((r) => ({
      items: [1, 2, 3, 4, 5].map((n) => ({ text: `De leerling doet stap ${n} van de opdracht zelfstandig.`, sources: sourceIds(r) })),
      question: { text: 'Wat wilde je dat de leerlingen op dat moment deden?', sources: sourceIds(r) },
    }));
    const result = await generate({ kind: 'flitsbezoek', elements: ['kernwaarden/eigenaarschap', 'kernwaarden/samenwerken'] }, ctx, { chatModel: chat });
    expect(chat.requests).toHaveLength(2);
    expect(result.items.filter((i) => i.role !== 'question')).toHaveLength(5);
    expect(result.items.filter((i) => i.role === 'question')).toHaveLength(1);
    expect(new Set(result.items.map((i) => i.element))).toEqual(new Set(['kernwaarden/eigenaarschap', 'kernwaarden/samenwerken']));
    expect(result.notes[0]).toMatch(/5 van de 10 gekozen/);
  });

  it('reports progress per element and stops between elements when cancelled', async () => {
    const controller = new AbortController();
    const progress: number[] = [];
    const chat = new ScriptedChatModel((r) => ({ items: [{ text: 'De leraar noemt het lesdoel.', sources: sourceIds(r) }] }));
    const request = { kind: 'indicators' as const, elements: ['kernwaarden/eigenaarschap', 'kernwaarden/samenwerken', 'kernwaarden/creativiteit'], signal: controller.signal, onProgress: (done: number) => {
      progress.push(done);
      if (done === 1) controller.abort(new Error('gestopt'));
    } };
    await expect(generate(request, ctx, { chatModel: chat })).rejects.toThrow('gestopt');
    expect(progress).toEqual([1]);
    expect(chat.requests).toHaveLength(1);
    progress.length = 0;
    const extractive = { ...request, signal: undefined, onProgress: (done: number) => progress.push(done) };
    await generate(extractive, ctx);
    expect(progress).toEqual([1, 2, 3]);
  });

  it('writes levels only with a model, and flags levels that differ only in how often', async () => {
    const chat = new ScriptedChatModel((r) => ({
      items: [
        { text: 'De leraar geeft feedback met een top en een tip.', sources: sourceIds(r), levels: { beginnend: 'De leraar geeft soms feedback.', gevorderd: 'De leraar geeft vaak feedback.', sterk: 'De leraar geeft altijd feedback.' } },
        { text: 'De leerling kiest zelf een oefenniveau.', sources: sourceIds(r), levels: { beginnend: 'De leerling kiest uit twee niveaus die de leraar aanwijst.', gevorderd: 'De leerling kiest zelf een niveau.', sterk: 'De leerling legt uit waarom hij dit niveau kiest.' } },
      ],
    }));
    const result = await generate({ kind: 'indicators', elements: ['kernwaarden/eigenaarschap'], levels: true }, ctx, { chatModel: chat });
    expect(chat.requests[0]!.system).toMatch(/drie niveaus \(beginnend, gevorderd, sterk\) die verschillen in soort/);
    expect(result.items[0]!.lint.map((f) => f.rule)).toContain('levels');
    expect(result.items[1]!.lint).toEqual([]);
    const note = renderGeneratedNote(result, { elements: ctx.vault.elements, date: '2026-11-23' });
    expect(note).toContain('  - Sterk: De leerling legt uit waarom hij dit niveau kiest.');
    expect(note).toMatch(/niveaus verschillen alleen in hoe vaak/);
  });
});
