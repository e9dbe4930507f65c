import { describe, expect, it } from 'vitest';
import { termKey, termKeys, TermMatcher, SYNONYM_MATCH } from '../../src/core/lessonCheck/terms';
import { DUTCH_SCHOOL_SYNONYMS, SynonymTable } from '../../src/core/lessonCheck/schoolSynonyms';
import { LessonChecker } from '../../src/core/lessonCheck';
import { parseNote } from '../../src/core/notes/parseNote';
import { extractElements } from '../../src/core/vision/extractElements';

const key = (word: string): string => termKey(word) ?? '';

describe('school-language synonyms', () => {
  it('lets a plan word stand for a vision word of its group, for less than the word itself', () => {
    const matcher = new TermMatcher([key('samenwerken'), key('kiest')], new SynonymTable());
    const matches = matcher.matches(termKeys('De kinderen werken in tweetallen en bepalen de volgorde.'));
    expect(matches.get(key('samenwerken'))).toBe(SYNONYM_MATCH);
    expect(matches.get(key('kiest'))).toBe(SYNONYM_MATCH);
    expect(SYNONYM_MATCH).toBeLessThan(0.7);
  });

  it('keeps the word itself and its forms at their own, higher match', () => {
    const matcher = new TermMatcher([key('samenwerken')], new SynonymTable());
    expect(matcher.matches(termKeys('Ze werken samen: samenwerken dus.')).get(key('samenwerken'))).toBe(1);
  });

  it('bridges nothing between words of different groups, or without a table', () => {
    const withTable = new TermMatcher([key('samenwerken'), key('feedback')], new SynonymTable());
    expect(withTable.matches(termKeys('We maken een woordweb over het weer.')).size).toBe(0);
    const without = new TermMatcher([key('samenwerken')]);
    expect(without.matches(termKeys('De kinderen werken in tweetallen.')).size).toBe(0);
  });

  it('leaves out "zelfstandig": in a plan it is the phase of independent practice, not ownership', () => {
    const words = DUTCH_SCHOOL_SYNONYMS.flat();
    expect(words).not.toContain('zelfstandig');
    const matcher = new TermMatcher([key('eigenaarschap')], new SynonymTable());
    expect(matcher.matches(termKeys('Zelfstandige verwerking: opgave 5 tot en met 16.')).size).toBe(0);
  });

  it('has no word in two groups, so one word never bridges two values', () => {
    const seen = new Map<string, number>();
    DUTCH_SCHOOL_SYNONYMS.forEach((group, g) => {
      for (const word of group) {
        const earlier = seen.get(key(word));
        expect(earlier === undefined || earlier === g, `${word} is in groups ${earlier} and ${g}`).toBe(true);
        seen.set(key(word), g);
      }
    });
  });

  it('finds a value a plan shows in other words, offline and without a model', async () => {
    const vision = parseNote('Visie/Kernwaarden.md', '---\nvisiewijzer: visie\n---\n# Kernwaarden\n\n## Samenwerken\n\nWij leren van en met elkaar.\n\n- Leerlingen samenwerken aan een gezamenlijke opdracht.\n\n## Creativiteit\n\nWij maken ruimte voor eigen ideeën.\n\n- Leerlingen bedenken een eigen oplossing.\n');
    const elements = extractElements(vision).elements;
    const checker = await LessonChecker.prepare({ elements, visionNotes: [vision] }, null);
    const plan = parseNote('Lessen/Rekenen.md', '# Rekenen\n\n## Kern\n\nDe kinderen werken in tweetallen aan een gezamenlijke puzzel.\n');
    const report = await checker.check(plan);
    const status = (title: string) => report.elements.find((e) => e.title === title)?.status;
    expect(status('Samenwerken')).not.toBe('absent');
    expect(status('Creativiteit')).toBe('absent');
  });
});
