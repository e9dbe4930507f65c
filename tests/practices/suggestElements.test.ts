/**
 * Element suggestions: every element ranked, best first; the default ticks; and the measured quality on
 * the labelled set of invented practices (`tests/fixtures/labels/practices-elements.json`): a labelled
 * element among the first three for at least 80 % of the texts, keyword-only.
 */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { LessonChecker } from '../../src/core/lessonCheck';
import { preselectedIds, suggestElements, type ElementSuggestion } from '../../src/core/practices';
import { formatPracticesEval, readPracticeLabels, runPracticesEval } from '../../bench/practicesEval';
import { exampleNotes } from '../plugin/helpers/exampleVault';
import { exampleVault } from './vaultFixture';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('suggestElements', () => {
  it('ranks every vision element, best first, with the lesson check scores', async () => {
    const vault = await exampleVault();
    const ranked = await suggestElements('Tijdens de instructie antwoorden alle leerlingen tegelijk op een wisbordje. Het lesdoel staat op het bord.', vault);
    expect(ranked.map((s) => s.id).sort()).toEqual(vault.elements.map((e) => e.id).sort());
    expect(ranked[0]!.title).toBe('Pijler 2: Leren zichtbaar maken');
    for (let i = 1; i < ranked.length; i++) expect(ranked[i]!.score).toBeLessThanOrEqual(ranked[i - 1]!.score);
    const checker = await LessonChecker.prepare(vault, null);
    expect(await suggestElements('Tijdens de instructie antwoorden alle leerlingen tegelijk op een wisbordje. Het lesdoel staat op het bord.', vault, checker)).toEqual(ranked);
  });

  it('gives every element score 0 for a text that shows none, and ticks nothing then', async () => {
    const ranked = await suggestElements('De fietsenstalling wordt in de herfstvakantie opnieuw ingedeeld.', await exampleVault());
    expect(ranked.every((s) => s.score === 0)).toBe(true);
    expect(preselectedIds(ranked)).toEqual([]);
  });
});

describe('preselectedIds', () => {
  const s = (id: string, score: number): ElementSuggestion => ({ id, title: id, score, status: score >= 0.6 ? 'strong' : score >= 0.25 ? 'partial' : 'absent' });

  it('ticks the elements shown at least partly and at least half as clearly as the best, three at most', () => {
    expect(preselectedIds([s('a', 0.9), s('b', 0.5), s('c', 0.4), s('d', 0.3)])).toEqual(['a', 'b']);
    expect(preselectedIds([s('a', 0.4), s('b', 0.3), s('c', 0.26), s('d', 0.25)])).toEqual(['a', 'b', 'c']);
    expect(preselectedIds([s('a', 0.2), s('b', 0.1)])).toEqual([]);
  });
});

describe('the labelled set', () => {
  it('holds at least 12 invented practices, none copied from the example vault, each labelled with elements of the vault', async () => {
    const { practices } = readPracticeLabels(ROOT);
    expect(practices.length).toBeGreaterThanOrEqual(12);
    const titles = new Set((await exampleVault()).elements.map((e) => e.title));
    const vaultText = [...exampleNotes().values()].join('\n').toLowerCase();
    for (const practice of practices) {
      expect(practice.elements.length).toBeGreaterThan(0);
      for (const title of practice.elements) expect(titles).toContain(title);
      // No sentence of a labelled text occurs in the vault: the set measures suggestions on new text.
      for (const sentence of practice.text.split(/(?<=[.!?])\s+/)) if (sentence.length > 40) expect(vaultText).not.toContain(sentence.toLowerCase());
    }
  });

  it('has a labelled element in the top 3 for at least 80 % of the texts, keyword-only (figures printed)', async () => {
    const result = await runPracticesEval(ROOT);
    console.log(formatPracticesEval(result));
    const row = result.rows.find((r) => r.mode === 'keyword-only')!;
    expect(row.texts).toBe(readPracticeLabels(ROOT).practices.length);
    expect(row.top3).toBeGreaterThanOrEqual(0.8);
  });
});
