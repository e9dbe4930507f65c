/**
 * Each generator in extractive mode on the example vault (and the secondary-school vault of a different
 * structure): what a school leader relies on, from the vault's own words, cited, deterministic.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { generate, isOpenQuestion, renderGeneratedNote, UnknownElementError, type GeneratorContext, type GeneratorResult } from '../../src/core/generators';
import { contextFor, EXAMPLE_VAULT, HAS_VO_VAULT, VO_VAULT } from './generatorHarness';

let ctx: GeneratorContext;
beforeAll(async () => {
  ctx = (await contextFor(EXAMPLE_VAULT)).context;
});

const SAMENWERKEN = 'kernwaarden/samenwerken';
const EIGENAARSCHAP = 'kernwaarden/eigenaarschap';

describe('indicators', () => {
  it('lists the element’s own indicators with their source, and flags the flawed one', async () => {
    const result = await generate({ kind: 'indicators', elements: [SAMENWERKEN] }, ctx);
    const element = ctx.vault.elements.find((e) => e.id === SAMENWERKEN)!;
    for (const own of element.indicators) {
      const item = result.items.find((i) => i.text === own);
      expect(item, own).toBeDefined();
      expect(item!.sources).toEqual(['Visie/Kernwaarden#Samenwerken']);
      expect(item!.origin).toBe('extracted');
    }
    const flawed = result.items.find((i) => i.text === 'Leerlingen begrijpen waarom samenwerken belangrijk is.')!;
    expect(flawed.lint.map((f) => f.rule)).toEqual(['inner-state']);
    expect(result.notes.join('\n')).toMatch(/1 van de \d+ kijkpunten voldoet niet/);
  });

  it('adds behaviour sentences from policy found through the index, cited to their own heading', async () => {
    const result = await generate({ kind: 'indicators', elements: [SAMENWERKEN] }, ctx);
    const policy = result.items.filter((i) => !i.sources[0]!.startsWith('Visie/'));
    expect(policy.map((i) => [i.text, i.sources[0]])).toContainEqual([
      'De leraar doet elke dag een korte kennismakings- of samenwerkingsactiviteit.',
      'Beleid/Sociale veiligheid en pesten#Preventie werken aan een goede groep',
    ]);
    // Passage sentences are kept only when observable: none carries a lint error.
    expect(policy.every((i) => i.lint.every((f) => f.severity !== 'error'))).toBe(true);
  });

  it('never lists the same look-for twice', async () => {
    const result = await generate({ kind: 'indicators', elements: [] }, ctx);
    for (const id of result.elements) {
      const texts = result.items.filter((i) => i.element === id).map((i) => i.text);
      expect(new Set(texts).size).toBe(texts.length);
    }
    expect(result.elements).toEqual(ctx.vault.elements.map((e) => e.id));
  });

  it('says that levels need a model instead of inventing them', async () => {
    const result = await generate({ kind: 'indicators', elements: [EIGENAARSCHAP], levels: true }, ctx);
    expect(result.items.some((i) => i.levels)).toBe(false);
    expect(result.notes.join('\n')).toMatch(/alleen met een taalmodel/);
  });

  it('is deterministic', async () => {
    const a = await generate({ kind: 'kijkwijzer', elements: [], icalt: true }, ctx);
    const b = await generate({ kind: 'kijkwijzer', elements: [], icalt: true }, ctx);
    expect(b).toEqual(a);
  });

  it('rejects an unknown element with the valid ids', async () => {
    const error = await generate({ kind: 'indicators', elements: ['kernwaarden/lef'] }, ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnknownElementError);
    expect((error as Error).message).toContain(EIGENAARSCHAP);
  });
});

describe('kijkwijzer and flitsbezoek', () => {
  it('groups look-fors by actor and leaves every tick and note empty, saying it is no assessment', async () => {
    const result = await generate({ kind: 'kijkwijzer', elements: [EIGENAARSCHAP] }, ctx);
    const note = renderGeneratedNote(result, { elements: ctx.vault.elements });
    expect(note).toContain('| Kijkpunt | Gezien | Niet gezien | n.v.t. | Voorbeeld of citaat | Notities |');
    expect(note).toMatch(/niet om de leraar te beoordelen/);
    for (const heading of ['### De leerlingen', '### De omgeving']) expect(note).toContain(heading);
    const rows = note.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Kijkpunt'));
    expect(rows.length).toBe(result.items.length);
    for (const row of rows) expect(row).toMatch(/\]\] \| \| \| \| \| \|$/);
  });

  it('groups the same look-fors under ICALT domains when asked, without scores', async () => {
    const result = await generate({ kind: 'kijkwijzer', elements: ['kernwaarden/veiligheid-en-vertrouwen'], icalt: true }, ctx);
    const greeting = result.items.find((i) => i.text.startsWith('De leraar begroet'))!;
    expect(greeting.icalt).toBe('leerklimaat');
    const note = renderGeneratedNote(result, { elements: ctx.vault.elements });
    expect(note).toContain('## Dezelfde kijkpunten per ICALT-domein');
    expect(note).toContain('### Veilig en stimulerend leerklimaat');
    expect(note).not.toMatch(/score|\b[1-4]\/4\b/i);
  });

  it('keeps a flitsbezoek to five look-fors and one open question', async () => {
    const result = await generate({ kind: 'flitsbezoek', elements: [EIGENAARSCHAP, SAMENWERKEN] }, ctx);
    const lookFors = result.items.filter((i) => i.role !== 'question');
    const questions = result.items.filter((i) => i.role === 'question');
    expect(lookFors).toHaveLength(5);
    expect(new Set(lookFors.map((i) => i.element))).toEqual(new Set([EIGENAARSCHAP, SAMENWERKEN]));
    expect(lookFors.every((i) => i.lint.length === 0)).toBe(true);
    expect(questions).toHaveLength(1);
    expect(isOpenQuestion(questions[0]!.text)).toBe(true);
    expect(result.notes[0]).toMatch(/hoogstens vijf kijkpunten/);
  });
});

describe('reflectie', () => {
  it('asks open, non-judging questions in the element’s own words, about what, why and effect', async () => {
    const result = await generate({ kind: 'reflectie', elements: ['pijlers-2024-2028/pijler-1-rijke-taal'] }, ctx);
    expect(result.items.length).toBeGreaterThanOrEqual(5);
    for (const q of result.items) {
      expect(isOpenQuestion(q.text), q.text).toBe(true);
      expect(q.sources).toEqual(['Schoolplan/Pijlers 2024-2028#Pijler 1 Rijke taal']);
    }
    const all = result.items.map((i) => i.text).join('\n');
    expect(all).toContain('‘rijke taal’');
    expect(all).toMatch(/^Waarom /m);
    expect(all).toMatch(/leerlingen/);
    expect(all).toContain('De leraar introduceert bij elk thema nieuwe woorden');
  });

  it('writes English questions when asked', async () => {
    const result = await generate({ kind: 'reflectie', elements: [EIGENAARSCHAP], lang: 'en' }, ctx);
    expect(result.items[0]!.text).toMatch(/^At which moments in this lesson did ‘eigenaarschap’/);
    expect(result.items.every((q) => isOpenQuestion(q.text))).toBe(true);
  });
});

describe('lesideeen and vakvoorbeelden', () => {
  it('offers what colleagues already do first, and says a model can suggest new ideas', async () => {
    const result = await generate({ kind: 'lesideeen', elements: [EIGENAARSCHAP] }, ctx);
    expect(result.items[0]!.text).toMatch(/Schrijfconferenties|Planbord in groep 4/);
    expect(result.items.map((i) => i.text)).toContain('Planbord in groep 4');
    // Naming a value is not showing it: the procenten lesson names Eigenaarschap but is no idea for it.
    expect(result.items.some((i) => i.text.includes('procenten'))).toBe(false);
    expect(result.notes.join('\n')).toMatch(/taalmodel .* nieuwe ideeën/);
    const planbord = result.items.find((i) => i.text === 'Planbord in groep 4')!;
    expect(planbord.details?.map((d) => d.field)).toEqual(expect.arrayContaining(['activiteit', 'zichtbaar', 'vak', 'groep']));
  });

  it('puts ideas for the chosen subject and group first', async () => {
    const result = await generate({ kind: 'lesideeen', elements: [EIGENAARSCHAP], subjects: ['rekenen'], group: '4' }, ctx);
    expect(result.items[0]!.text).toBe('Planbord in groep 4');
  });

  it('says plainly where the vault has nothing for a subject', async () => {
    const result = await generate({ kind: 'vakvoorbeelden', elements: ['kernwaarden/creativiteit'] }, ctx);
    expect(result.subjects).toEqual(['rekenen', 'taal', 'wereldoriëntatie', 'bewegingsonderwijs', 'muziek']);
    expect(result.gaps.map((g) => g.subject)).toContain('bewegingsonderwijs');
    expect(result.gaps.find((g) => g.subject === 'bewegingsonderwijs')!.message).toBe('Je kluis zegt nog niets over Creativiteit bij bewegingsonderwijs.');
    const rekenen = result.items.filter((i) => i.subject === 'rekenen');
    expect(rekenen.map((i) => i.text).join(' ')).toContain('een eigen aanpak bij rekenen');
    const muziek = result.items.filter((i) => i.subject === 'muziek').map((i) => i.text);
    expect(muziek).toContain('Muziek groep 5: een geluidsverhaal maken');
  });
});

describe.runIf(HAS_VO_VAULT)('a vault of a different structure (secondary school, pillars as whole notes, "De docent")', () => {
  let vo: GeneratorContext;
  beforeAll(async () => {
    vo = (await contextFor(VO_VAULT)).context;
  });

  it('finds elements of both shapes and makes every kind for them', async () => {
    const ids = vo.vault.elements.map((e) => e.id);
    expect(ids).toContain('formatief-evalueren');
    expect(ids).toContain('kernwaarden/verantwoordelijkheid');
    const results: GeneratorResult[] = [];
    for (const kind of ['indicators', 'kijkwijzer', 'flitsbezoek', 'reflectie', 'lesideeen', 'vakvoorbeelden'] as const) {
      results.push(await generate({ kind, elements: ['formatief-evalueren', 'kernwaarden/verantwoordelijkheid'], subjects: ['wiskunde', 'lichamelijke opvoeding'] }, vo));
    }
    for (const result of results) expect(result.items.length + result.gaps.length).toBeGreaterThan(0);
    const kijkwijzer = results[1]!;
    const docent = kijkwijzer.items.find((i) => i.text.startsWith('De docent bespreekt aan het begin'))!;
    expect(docent.actor).toBe('leraar');
    expect(docent.sources).toEqual(['Visie/Formatief evalueren']);
    const subItems = kijkwijzer.items.filter((i) => i.element === 'kernwaarden/verantwoordelijkheid');
    expect(subItems.every((i) => i.sources[0] === 'Visie/Kernwaarden#Verantwoordelijkheid')).toBe(true);
  });
});
