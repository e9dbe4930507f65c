/**
 * The indicator lint: each rule's own examples are its tests (a bad example trips the rule, a good one
 * passes the whole lint), the example vault's own indicators are judged as a school leader would, and
 * every finding says what to fix in the language asked for.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeLintRules, LINT_RULES, lintIndicator, lintLevels, summarizeLint, actorOf } from '../../src/core/generators';
import { parseNote } from '../../src/core/notes/parseNote';
import { extractElements } from '../../src/core/vision/extractElements';
import { EXAMPLE_VAULT, HAS_VO_VAULT, VO_VAULT } from './generatorHarness';

function vaultIndicators(root: string, paths: string[]): string[] {
  return paths.flatMap((p) => extractElements(parseNote(p, readFileSync(join(root, p), 'utf8'))).elements.flatMap((e) => e.indicators));
}

describe('lint rules, by their own examples', () => {
  for (const rule of LINT_RULES) {
    for (const bad of rule.examples.bad) {
      it(`${rule.id} flags: ${bad}`, () => {
        const findings = lintIndicator(bad);
        expect(findings.map((f) => f.rule)).toContain(rule.id);
        const finding = findings.find((f) => f.rule === rule.id)!;
        expect(finding.severity).toBe(rule.severity);
        expect(finding.message).not.toContain('{match}');
      });
    }
    for (const good of rule.examples.good) {
      it(`${rule.id} passes: ${good}`, () => {
        expect(lintIndicator(good)).toEqual([]);
      });
    }
  }
});

describe('lint on the vaults’ own indicators', () => {
  const own = vaultIndicators(EXAMPLE_VAULT, ['Visie/Kernwaarden.md', 'Schoolplan/Pijlers 2024-2028.md']);

  it('fails exactly the two deliberately flawed indicators of the example vault, with errors', () => {
    const summary = summarizeLint(own);
    expect(summary.total).toBe(own.length);
    expect(summary.flagged.map((f) => f.text)).toEqual(['Leerlingen begrijpen waarom samenwerken belangrijk is.', 'De leraar is betrokken bij alle leerlingen.']);
    expect(summary.flagged[0]!.findings.map((f) => [f.rule, f.severity, f.match])).toEqual([['inner-state', 'error', 'begrijpen']]);
    expect(summary.flagged[1]!.findings.map((f) => [f.rule, f.severity, f.match])).toEqual([['trait', 'error', 'is betrokken']]);
    expect(summary.passRate).toBeCloseTo((own.length - 2) / own.length, 5);
  });

  it.runIf(HAS_VO_VAULT)('flags two behaviours joined by "en" in the secondary-school vault, and no inner states or traits', () => {
    const vo = vaultIndicators(VO_VAULT, ['Visie/Kernwaarden.md', 'Visie/Formatief evalueren.md', 'Visie/Leren in de echte wereld.md', 'Visie/Wereldburgerschap.md']);
    const summary = summarizeLint(vo);
    expect(summary.total).toBeGreaterThan(20);
    const rules = new Set(summary.flagged.flatMap((f) => f.findings.map((x) => x.rule)));
    expect(rules.has('one-behaviour')).toBe(true);
    expect(rules.has('inner-state')).toBe(false);
    expect(summary.observableRate).toBe(1);
    // "of alle leerlingen het begrijpen" is what the teacher checks, not an inner state claimed.
    expect(lintIndicator('De docent controleert tijdens de les of alle leerlingen het begrijpen, bijvoorbeeld met wisbordjes of een snelle peiling.')).toEqual([]);
  });
});

describe('lint messages and helpers', () => {
  it('says what to fix in Dutch by default and in English when asked', () => {
    const nl = lintIndicator('De leraar is proactief.');
    const en = lintIndicator('De leraar is proactief.', 'en');
    expect(nl[0]!.message).toMatch(/eigenschap, geen gedrag/);
    expect(en[0]!.message).toMatch(/trait, not a behaviour/);
  });

  it('lints English indicators with English word lists', () => {
    expect(lintIndicator('The teacher greets every pupil by name at the door.')).toEqual([]);
    expect(lintIndicator('Pupils understand why cooperation matters.').map((f) => f.rule)).toContain('inner-state');
    expect(lintIndicator('The teacher is engaged with all pupils.').map((f) => f.rule)).toContain('trait');
  });

  it('names who an indicator is about: teacher, pupils or the room', () => {
    expect(actorOf('De leraar begroet elke leerling bij de deur bij naam.')).toBe('leraar');
    expect(actorOf('Na de les formuleert de leerling zelf een antwoord.')).toBe('leerlingen');
    expect(actorOf('In het lokaal hangt een planbord waarop leerlingen hun taken bijhouden.')).toBe('omgeving');
    expect(actorOf('Aandacht voor samenwerking.')).toBeNull();
  });

  it('flags levels that differ only in how often, and accepts levels that differ in kind', () => {
    const often = lintLevels(['De leraar geeft soms feedback.', 'De leraar geeft vaak feedback.', 'De leraar geeft altijd feedback.']);
    expect(often.map((f) => f.rule)).toEqual(['levels']);
    expect(often[0]!.message).toMatch(/alleen in hoe vaak/);
    const kind = lintLevels([
      'De leraar noemt het lesdoel.',
      'De leraar schrijft het lesdoel met succescriteria op het bord.',
      'Leerlingen zeggen aan het eind van de les in eigen woorden of ze het doel hebben gehaald.',
    ]);
    expect(kind).toEqual([]);
  });

  it('documents every rule with its examples', () => {
    const doc = describeLintRules('nl');
    for (const rule of LINT_RULES) {
      expect(doc).toContain(`\`${rule.id}\``);
      for (const example of [...rule.examples.bad, ...rule.examples.good]) expect(doc).toContain(example);
    }
    expect(doc).not.toContain('{match}');
  });
});
