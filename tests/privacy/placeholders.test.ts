import { describe, expect, it } from 'vitest';
import {
  mergeRosters,
  parseRosterNote,
  previewRedaction,
  redact,
  restore,
  rosterFromFrontmatter,
} from '../../src/core/privacy';

describe('stable placeholders', () => {
  it('gives one person one placeholder within a call, whatever part of the name is used', () => {
    const result = redact('Sanne de Vries (groep 5) is ziek. Sanne komt morgen; de Vries staat op de lijst.');
    expect(result.text).toBe('[LEERLING-1] (groep 5) is ziek. [LEERLING-1] komt morgen; [LEERLING-1] staat op de lijst.');
    expect(result.mapping['[LEERLING-1]']).toBe('Sanne de Vries');
  });

  it('gives different people and different values different placeholders', () => {
    const result = redact('Daan en Sem mailen daan@x.nl en sem@x.nl.');
    expect(result.text).toBe('[PERSOON-1] en [PERSOON-2] mailen [E-MAIL-1] en [E-MAIL-2].');
  });

  it('keeps placeholders across calls when the caller passes the previous mapping', () => {
    const first = redact('Juf Petra sprak met Daan (groep 5). Bel 06-12345678.');
    const second = redact('Daan en zijn broertje Milan; juf Petra belt 06 1234 5678.', { mapping: first.mapping });
    expect(second.text).toBe('[LEERLING-1] en zijn broertje [LEERLING-2]; juf [PERSOON-1] belt [TELEFOON-1].');
    expect(second.mapping).toMatchObject(first.mapping);
  });

  it('upgrades a known first name to the full name when the surname appears later', () => {
    const first = redact('Leerling: Sanne.');
    const second = redact('Sanne de Vries is jarig.', { mapping: first.mapping });
    expect(second.text).toBe('[LEERLING-1] is jarig.');
    expect(second.mapping['[LEERLING-1]']).toBe('Sanne de Vries');
  });

  it('does not change the mapping it was given', () => {
    const previous = { '[LEERLING-1]': 'Sanne' };
    redact('Sanne de Vries en Daan.', { mapping: previous });
    expect(previous).toEqual({ '[LEERLING-1]': 'Sanne' });
  });

  it('only redacts the requested types', () => {
    const result = redact('Daan belt 06-12345678.', { types: ['phone'] });
    expect(result.text).toBe('Daan belt [TELEFOON-1].');
  });
});

describe('restore', () => {
  it('puts the originals back into a redacted text', () => {
    const text = 'Gesprek met moeder van Elif Yılmaz (groep 6), tel. 06-12345678, BSN 123456782, IBAN NL91ABNA0417164300.';
    const result = redact(text);
    expect(result.text).not.toContain('Elif');
    expect(restore(result.text, result.mapping)).toBe(text);
  });

  it('restores a model answer that writes placeholders a little differently', () => {
    const { mapping } = redact('Leerling: Daan Verhoeven. Mail daan@voorbeeld.nl.');
    const answer = 'Plan voor [leerling-1]: stuur een bericht naar [E-MAIL 1]. [LEERLING-1] kiest zelf.';
    expect(restore(answer, mapping)).toBe('Plan voor Daan Verhoeven: stuur een bericht naar daan@voorbeeld.nl. Daan Verhoeven kiest zelf.');
  });

  it('leaves placeholders the mapping does not know', () => {
    expect(restore('Zie [LEERLING-9] en [BSN-1].', { '[BSN-1]': '123456782' })).toBe('Zie [LEERLING-9] en 123456782.');
  });
});

describe('previewRedaction', () => {
  it('splits the text to be sent into plain and redacted segments that join to it exactly', () => {
    const result = redact('Juf Petra belt moeder van Daan op 06-12345678.');
    const segments = previewRedaction(result);
    expect(segments.map((s) => s.text).join('')).toBe(result.text);
    expect(segments.filter((s) => s.redacted)).toEqual([
      { text: '[PERSOON-1]', redacted: true, type: 'name', original: 'Petra' },
      { text: '[LEERLING-1]', redacted: true, type: 'name', original: 'Daan' },
      { text: '[TELEFOON-1]', redacted: true, type: 'phone', original: '06-12345678' },
    ]);
    expect(segments[0]).toEqual({ text: 'Juf ', redacted: false });
  });

  it('gives one plain segment for a text without personal data', () => {
    expect(previewRedaction(redact('Samenwerken in groep 6.'))).toEqual([{ text: 'Samenwerken in groep 6.', redacted: false }]);
  });
});

describe('roster sources', () => {
  it('reads pupils, staff and others from frontmatter, resolving wikilinks', () => {
    const roster = rosterFromFrontmatter({
      personen: ['[[Sanne de Vries]]', 'Hans de Wit'],
      leerlingen: '[[Daan Verhoeven|Daan]], Elif Yılmaz',
      personeel: ['Marloes Bakker'],
      tags: ['gesprek'],
    });
    expect(roster).toEqual({
      pupils: ['Daan Verhoeven', 'Elif Yılmaz'],
      staff: ['Marloes Bakker'],
      others: ['Sanne de Vries', 'Hans de Wit'],
    });
  });

  it('reads a roster note by its headings, from list items and table rows', () => {
    const note = [
      '# Leerlingen groep 5',
      '- Sanne de Vries (groep 5)',
      '- [[Daan Verhoeven]] - zorgleerling',
      '## Team',
      '| Naam | Functie |',
      '| --- | --- |',
      '| Marloes Bakker | IB |',
    ].join('\n');
    expect(parseRosterNote(note)).toEqual({
      pupils: ['Sanne de Vries', 'Daan Verhoeven'],
      staff: ['Marloes Bakker'],
      others: [],
    });
  });

  it('merges rosters without duplicates', () => {
    expect(mergeRosters({ pupils: ['A B'] }, { pupils: ['A B', 'C D'], staff: ['E F'] }, undefined)).toEqual({
      pupils: ['A B', 'C D'],
      staff: ['E F'],
      others: [],
    });
  });
});
