import { describe, expect, it } from 'vitest';
import { redact, type RedactOptions } from '../../src/core/privacy';

/** The names found, as the exact input text they cover. */
function names(text: string, options: RedactOptions = {}): string[] {
  return redact(text, options)
    .findings.filter((f) => f.type === 'name')
    .map((f) => f.original);
}

describe('names with particles and double surnames', () => {
  it('keeps Dutch particles inside the name', () => {
    expect(names('Gesprek met Sanne de Vries en Kees van der Berg over Daan ter Horst.')).toEqual([
      'Sanne de Vries',
      'Kees van der Berg',
      'Daan ter Horst',
    ]);
  });

  it('handles El, Ben and van \u2019t', () => {
    expect(names('Mohammed El Amrani, Yassin ben Ali en Dirk van \u2019t Hof kwamen binnen.')).toEqual([
      'Mohammed El Amrani',
      'Yassin ben Ali',
      'Dirk van \u2019t Hof',
    ]);
  });

  it('takes a double surname whole', () => {
    expect(names('Emma Jansen-de Vries en Lisa Zeeman-Brouwer tekenden.')).toEqual([
      'Emma Jansen-de Vries',
      'Lisa Zeeman-Brouwer',
    ]);
  });

  it('finds a surname after a form of address, with or without a capital particle', () => {
    expect(names('Met mevrouw van Dijk, dhr. Van der Meer, meneer De Groot en dhr. J.P. Bakker.')).toEqual([
      'van Dijk',
      'Van der Meer',
      'De Groot',
      'J.P. Bakker',
    ]);
  });

  it('does not take a particle as a surname after a role word', () => {
    expect(names('Gesprek met de moeder van Sanne de Vries.')).toEqual(['Sanne de Vries']);
  });

  it('leaves the possessive outside the name', () => {
    const result = redact("Sanne's moeder belde.");
    expect(result.text).toBe("[PERSOON-1]'s moeder belde.");
  });

  it('finds names the list does not know after a title, a form label, a greeting or in a signature', () => {
    const text = 'Beste Jurriaan,\n\nJuf Gerdien en Roepnaam: Xandro.\n\nMet vriendelijke groet,\nTjalling Dijkema';
    expect(names(text)).toEqual(['Jurriaan', 'Gerdien', 'Xandro', 'Tjalling Dijkema']);
  });
});

describe('first names that are also words', () => {
  it('counts a capitalised word-like name mid-sentence, and leaves the word', () => {
    const text = 'Vandaag tekende Roos een roos. Daarna las Storm voor over de storm.';
    expect(names(text)).toEqual(['Roos', 'Storm']);
  });

  it('leaves a word-like name at a sentence start without other evidence', () => {
    const text = 'Storm en regen zorgden voor binnenspelen. Hoop doet leven. Elke leerling leest. Lieve ouders, welkom.';
    expect(names(text)).toEqual([]);
  });

  it('counts it at a sentence start with a surname, in a list with names, or where the text already uses it', () => {
    expect(names('Fleur van Dam hielp.')).toEqual(['Fleur van Dam']);
    expect(names('Sterre en Daan speelden.')).toEqual(['Sterre', 'Daan']);
    expect(names('Ik sprak met Noor. Noor heeft het goed gedaan.')).toEqual(['Noor', 'Noor']);
  });

  it('reads a word-like name followed by a pronoun as the verb', () => {
    expect(names('Ik sprak met Toon. Toon uw betrokkenheid! Ben je er morgen?')).toEqual(['Toon']);
  });

  it('leaves a word-like name after a word that names a thing', () => {
    expect(names('Het thema Lente en het project Storm starten in maart.')).toEqual([]);
  });
});

describe('words that only look like names', () => {
  it('leaves groups, subjects, months, days and vision words', () => {
    const text = [
      '# Kernwaarden',
      '## Samenwerken',
      'Groep 6 heeft in Maart Rekenen, Taal en Engels op Maandag.',
      'In december staat Sinterklaas centraal.',
    ].join('\n');
    expect(redact(text).text).toBe(text);
  });

  it('keeps the terms the caller names, even when they hold a first name', () => {
    const text = 'Op OBS Anne Frank en bij De Regenboog werken we met Eigenaarschap.';
    expect(names(text, { keepTerms: ['OBS Anne Frank', 'De Regenboog', 'Eigenaarschap'] })).toEqual([]);
  });

  it('does not read a place name with a capital particle as a surname', () => {
    expect(names('De school in Den Haag gaat naar De Efteling.')).toEqual([]);
  });

  it('does not mistake a capitalised particle after "met" for a person when nothing capitalised follows', () => {
    expect(names('Gesprek met De leerlingen van groep 8.')).toEqual([]);
  });
});

describe('roster', () => {
  const roster = { pupils: ['Kyan Boelens', 'Roos Vermeulen'], staff: ['Wietske Hoekstra'], others: ['Gonnie Terpstra'] };

  it('finds full names, first names and surnames of roster people the list does not know', () => {
    const text = 'Kyan had ruzie. Boelens zat ernaast. Wietske en Gonnie Terpstra losten het op.';
    expect(names(text, { roster })).toEqual(['Kyan', 'Boelens', 'Wietske', 'Gonnie Terpstra']);
  });

  it('uses the roster category for the placeholder', () => {
    const result = redact('Kyan Boelens en Wietske Hoekstra.', { roster });
    expect(result.text).toBe('[LEERLING-1] en [PERSOON-1].');
  });

  it('still leaves the word when a roster name is a word at a sentence start', () => {
    const text = 'Roos tekende. Er staat een roos op haar etui.';
    expect(names(text, { roster: { pupils: ['Roos Bakker'] } })).toEqual([]);
    expect(names('Roos Vermeulen tekende. Roos is blij.', { roster })).toEqual(['Roos Vermeulen', 'Roos']);
  });
});

describe('pupil or adult', () => {
  it('reads the role from the words around the name', () => {
    const result = redact(
      'Juf Petra sprak met Daan (groep 5) en met de moeder van Elif. Leerling: Sem. Fatima, moeder van Elif, belde.',
    );
    const byName = Object.fromEntries(result.findings.map((f) => [f.original, f.placeholder]));
    expect(byName.Petra).toMatch(/^\[PERSOON-/);
    expect(byName.Daan).toMatch(/^\[LEERLING-/);
    expect(byName.Elif).toMatch(/^\[LEERLING-/);
    expect(byName.Sem).toMatch(/^\[LEERLING-/);
    expect(byName.Fatima).toMatch(/^\[PERSOON-/);
  });

  it('shares a role across a list of names', () => {
    const result = redact('De leerlingen Ravi, Sofie en Hamza krijgen verlengde instructie.');
    expect(result.findings.map((f) => f.placeholder)).toEqual(['[LEERLING-1]', '[LEERLING-2]', '[LEERLING-3]']);
  });

  it('defaults to PERSOON without any cue', () => {
    expect(redact('Vandaag belde Hanna.').text).toBe('Vandaag belde [PERSOON-1].');
  });

  it('keeps a pupil and an adult with the same surname apart', () => {
    const result = redact('Sara Benali (groep 5) is ziek. Mevrouw Benali belde. Sara komt morgen.');
    expect(result.text).toBe('[LEERLING-1] (groep 5) is ziek. Mevrouw [PERSOON-1] belde. [LEERLING-1] komt morgen.');
  });
});
