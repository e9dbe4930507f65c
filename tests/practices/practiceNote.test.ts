/**
 * The note a captured practice becomes: approved Markdown, frontmatter that reads back exactly (as
 * Properties and Dataview read YAML), links to the element passages, the team only in the frontmatter,
 * and a note the vault recognises as a practice of the chosen elements.
 */
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseNote } from '../../src/core/notes/parseNote';
import { detectRole } from '../../src/core/notes/roles';
import { capturedBody, practiceRecord, renderPracticeNote, yamlString, type PracticeNoteInput } from '../../src/core/practices';
import { expectApproved } from './approval';
import { exampleVault } from './vaultFixture';

const SELECTION = `Na de instructie kiezen de kinderen zelf met welke taak ze beginnen. Ze zetten hun naam bij de taak op het bord.

- Wie klaar is, kiest een verdiepingstaak.
- Op vrijdag vertelt elk kind wat goed ging en wat het volgende week anders doet.`;

async function input(overrides: Partial<PracticeNoteInput> = {}): Promise<PracticeNoteInput> {
  const vault = await exampleVault();
  const pick = (title: string) => vault.elements.find((e) => e.title === title)!;
  return {
    title: 'Zelf kiezen: de takenrij in groep 6',
    subject: 'rekenen',
    group: '6',
    team: 'Juf Sanne de Vries',
    description: 'Kinderen kiezen zelf de volgorde van hun taken en kijken op vrijdag terug.',
    elements: [pick('Eigenaarschap'), pick('Pijler 2: Leren zichtbaar maken')],
    origin: 'Teamoverleg/2026-10-13 Studiemiddag leerteams.md',
    text: SELECTION,
    date: '2026-10-20',
    ...overrides,
  };
}

function frontmatterOf(markdown: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(markdown);
  return parseYaml(match![1]!) as Record<string, unknown>;
}

describe('renderPracticeNote', () => {
  it('writes the approved note for a captured selection', async () => {
    expectApproved('capture-selection.md', renderPracticeNote(await input()));
  });

  it('writes the approved note for a whole note captured without team, subject or group, in English', async () => {
    const whole = '---\nvak: techniek\n---\n\n# Techniek - Een brug van papier\n\n## Lesverloop\n\nIn groepjes bouwen de kinderen een brug.\n\n```\n# geen kop\n```\n';
    expectApproved('capture-whole-note-en.md', renderPracticeNote(await input({ team: '', subject: '', group: '', description: '', text: whole, origin: 'Groep 7/Techniek - Een brug van papier.md', lang: 'en' })));
  });

  it('has frontmatter that reads back exactly: role, element titles, subject, group as text, date, origin link, team', async () => {
    const note = renderPracticeNote(await input());
    expect(frontmatterOf(note)).toEqual({
      visiewijzer: 'praktijk',
      kernwaarden: ['Eigenaarschap', 'Pijler 2: Leren zichtbaar maken'],
      vak: 'rekenen',
      groep: '6',
      datum: '2026-10-20',
      bron: '[[Teamoverleg/2026-10-13 Studiemiddag leerteams]]',
      team: 'Juf Sanne de Vries',
    });
    const parsed = parseNote('Good practices/Zelf kiezen.md', note);
    expect(parsed.frontmatterError).toBeUndefined();
    expect(detectRole(parsed).role).toBe('praktijk');
  });

  it('puts the team in the frontmatter only, and leaves it out entirely when not given', async () => {
    const note = renderPracticeNote(await input());
    const body = note.slice(note.indexOf('\n---\n', 4) + 5);
    expect(body).not.toContain('Sanne');
    const without = renderPracticeNote(await input({ team: '  ' }));
    expect(without).not.toMatch(/^team:/m);
    expect(Object.keys(frontmatterOf(without))).not.toContain('team');
  });

  it('links each element to its vision passage and is recognised as a practice of exactly those elements', async () => {
    const vault = await exampleVault();
    const note = renderPracticeNote(await input());
    expect(note).toContain('[[Visie/Kernwaarden#Eigenaarschap]]');
    expect(note).toContain('[[Schoolplan/Pijlers 2024-2028#Pijler 2 Leren zichtbaar maken]]');
    const record = practiceRecord(parseNote('Good practices/Zelf kiezen.md', note), vault.elements);
    expect(record.elementTitles).toEqual(['Pijler 2: Leren zichtbaar maken', 'Eigenaarschap']);
    expect(record).toMatchObject({ subject: 'rekenen', group: '6', date: '2026-10-20' });
  });

  it('keeps the captured text, and omits the vision section when no element is chosen', async () => {
    const note = renderPracticeNote(await input({ elements: [] }));
    expect(note).toContain(SELECTION);
    expect(note).not.toContain('## Visie');
    expect(frontmatterOf(note)['kernwaarden']).toEqual([]);
  });
});

describe('capturedBody', () => {
  it("drops the origin's frontmatter and title, and moves headings below the note's own", () => {
    const body = capturedBody('---\na: 1\n---\n\n# Titel\n\n## Deel\n\nTekst.\n\n### Sub\n\n```\n## geen kop\n```\n\n');
    expect(body).toBe('### Deel\n\nTekst.\n\n#### Sub\n\n```\n## geen kop\n```');
  });

  it('leaves a plain selection as it is, apart from blank lines at the ends', () => {
    expect(capturedBody('\n\n- een\n- twee\n\n')).toBe('- een\n- twee');
    expect(capturedBody('Windows\r\nregels')).toBe('Windows\nregels');
  });
});

describe('yamlString', () => {
  it('gives back every string exactly when read as YAML, quoting only where needed', () => {
    const values = ['rekenen', '3 en 8', '1-2', '4', 'Pijler 1: Rijke taal', '[[Lessen/Les]]', 'yes', 'No', 'null', 'a # b', '- lijst', "Ouder's", 'x: y', '#tag', '2026-10-20', '"aanhalingstekens"', 'wereldoriëntatie', '@naam', '*ster'];
    for (const value of values) expect(parseYaml(`key: ${yamlString(value)}`)).toEqual({ key: value });
    expect(yamlString('rekenen en taal')).toBe('rekenen en taal');
    expect(yamlString('4')).toBe('"4"');
    expect(yamlString('yes')).toBe('"yes"');
  });
});
