import { describe, expect, it } from 'vitest';
import { parseNote } from '../../src/core/notes/parseNote';
import { planUnits } from '../../src/core/lessonCheck/planUnits';
import { termGroups } from '../../src/core/lessonCheck/probeTerms';
import { termKey, termMatch } from '../../src/core/lessonCheck/terms';
import { findQuote } from '../../src/core/lessonCheck/quoteMatch';

describe('planUnits', () => {
  it('splits a plan into sentences and table cells with their lines and the field they are in', () => {
    const plan = parseNote('Lessen/x.md', [
      '# Les', // 1
      '', // 2
      '**Kernwaarden:** eigenaarschap', // 3
      '**Lesdoel:** De leerlingen meten een tafel. Ze noteren de maten.', // 4
      '', // 5
      '## Materialen', // 6
      '- Meetlinten', // 7
      '', // 8
      '## Lesverloop', // 9
      '', // 10
      '| Tijd | Wat de leerlingen doen |', // 11
      '|---|---|', // 12
      '| 10 min | Leerlingen kiezen zelf wat ze meten. |', // 13
      '| 20 min | Ze vergelijken hun maten in tweetallen. |', // 14
    ].join('\n'));
    const units = planUnits(plan).map((u) => [u.text, u.startLine, u.field]);
    expect(units).toEqual([
      // Two field lines without a blank line between them are one paragraph; the labels still split it.
      ['eigenaarschap', 3, 'naming'],
      ['De leerlingen meten een tafel.', 3, 'goal'],
      ['Ze noteren de maten.', 3, 'goal'],
      ['Meetlinten', 7, 'materials'],
      ['Tijd', 11, 'header'],
      ['Wat de leerlingen doen', 11, 'header'],
      ['10 min', 13, 'activity'],
      ['Leerlingen kiezen zelf wat ze meten.', 13, 'activity'],
      ['20 min', 14, 'activity'],
      ['Ze vergelijken hun maten in tweetallen.', 14, 'activity'],
    ]);
  });
});

describe('terms', () => {
  it('meets forms of one word that the stemmer leaves apart, and compound heads', () => {
    expect(termMatch(termKey('kiest')!, termKey('kiezen')!)).toBeGreaterThanOrEqual(0.9);
    expect(termMatch(termKey('tweetal')!, termKey('tweetallen')!)).toBe(1);
    expect(termMatch(termKey('presenteert')!, termKey('presenteren')!)).toBeGreaterThanOrEqual(0.9);
    expect(termMatch(termKey('schrijfopdracht')!, termKey('opdracht')!)).toBe(0.7);
    // Other words that only look alike stay apart.
    expect(termMatch(termKey('formule')!, termKey('formuleren')!)).toBe(0);
    expect(termMatch(termKey('groep')!, termKey('groepjes')!)).toBe(0);
  });

  it('meets a short verb stem and its -t form, and a noun in -atie and its verb in -eren', () => {
    expect(termMatch(termKey('geven')!, termKey('geeft')!)).toBe(0.9);
    expect(termMatch(termKey('komen')!, termKey('komt')!)).toBe(0.9);
    expect(termKey('presentatie')).toBe(termKey('presenteren'));
    expect(termMatch(termKey('presentatie')!, termKey('presenteert')!)).toBe(0.9);
    expect(termKey('evaluaties')).toBe(termKey('evalueren'));
    // Only the -t on a three-letter stem, and only -atie after four letters or more.
    expect(termMatch(termKey('geven')!, termKey('gevel')!)).toBe(0);
    expect(termKey('natie')).not.toBe(termKey('neren'));
  });

  it('groups alternatives and attaches examples to the term they illustrate', () => {
    const groups = termGroups('Leerlingen werken in tweetallen of groepjes met een vaste rol, zoals voorzitter, tijdbewaker of verslaggever.');
    expect(groups.map((g) => [g.keys, g.examples])).toEqual([
      [[termKey('leerlingen')], []],
      [[termKey('werken')], []],
      [[termKey('tweetallen'), termKey('groepjes')], []],
      [[termKey('vaste')], []],
      [[termKey('rol')], [termKey('voorzitter'), termKey('tijdbewaker'), termKey('verslaggever')]],
    ]);
  });

  it('drops the nouns of fixed prepositional phrases', () => {
    expect(termGroups('Leerlingen geven feedback aan de hand van een rubric.').flatMap((g) => g.keys)).not.toContain(termKey('hand'));
  });
});

describe('findQuote', () => {
  const blocks = [
    { text: 'De leerlingen kiezen zelf de volgorde van de taken.', value: 14 },
    { text: 'Ze houden hun planning bij op de weekkaart.', value: 15 },
  ];

  it('finds a quote regardless of whitespace, case, emphasis and quotation marks, across blocks', () => {
    expect(findQuote('de leerlingen  kiezen\nzelf de VOLGORDE', blocks)).toEqual({ first: 14, last: 14 });
    expect(findQuote('“van de *taken*. Ze houden hun planning”', blocks)).toEqual({ first: 14, last: 15 });
    expect(findQuote('[15] Ze houden hun planning bij', blocks)).toEqual({ first: 15, last: 15 });
  });

  it('lets a privacy placeholder stand for the words it replaced', () => {
    const named = [{ text: 'Sanne de Vries kiest zelf haar oefenniveau.', value: 3 }];
    expect(findQuote('[LEERLING-1] kiest zelf haar oefenniveau', named)).toEqual({ first: 3, last: 3 });
  });

  it('rejects quotes that are not there or too short to prove anything', () => {
    expect(findQuote('De leerlingen kiezen zelf hun maatje.', blocks)).toBeNull();
    expect(findQuote('zelf', blocks)).toBeNull();
  });
});
