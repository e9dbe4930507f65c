/**
 * Practice records read from notes, related practices, and new-note paths that never overwrite.
 */
import { describe, expect, it } from 'vitest';
import { parseNote } from '../../src/core/notes/parseNote';
import { dateOf, loadPracticesVault, planNewNotePath, planNewNotePaths, practiceRecord, relatedPractices } from '../../src/core/practices';
import { MemoryNoteSource } from '../helpers/memoryNoteSource';
import { exampleVault } from './vaultFixture';

describe('practice records', () => {
  it('leaves the overview note out: it lives in the practices folder but is no practice', async () => {
    const source = new MemoryNoteSource({
      'Visie/Kernwaarden.md': '# Kernwaarden\n\n## Samenwerken\n\n- Leerlingen werken in tweetallen.\n',
      'Praktijk/Duo.md': '---\nkernwaarden: [Samenwerken]\n---\n# Duo\n',
      'Praktijk/Overzicht.md': '# Overzicht\n\n<!-- visiewijzer:overzicht:start -->\n- [[Praktijk/Duo|Duo]]\n<!-- visiewijzer:overzicht:end -->\n',
    });
    const vault = await loadPracticesVault(source, { folders: { visie: 'Visie', beleid: 'Beleid', les: 'Lessen', praktijk: 'Praktijk' } });
    expect(vault.records.map((r) => r.path)).toEqual(['Praktijk/Duo.md']);
    expect(vault.practices.map((n) => n.path)).toEqual(['Praktijk/Duo.md']);
  });

  it('reads the example vault: four practices in the folder and one tagged elsewhere', async () => {
    const vault = await exampleVault();
    expect(vault.records.map((r) => [r.title, r.elementTitles, r.subject, r.group, r.date])).toEqual([
      ['Schrijfconferenties in groep 8', ['Eigenaarschap'], 'stellen', '8', null],
      ['Leesmaatjes groep 8 en groep 3', ['Samenwerken'], 'technisch lezen', '3 en 8', '2026-02-14'],
      ['Maandagkring in groep 1-2', ['Samenwerken', 'Veiligheid en vertrouwen'], 'sociaal-emotionele ontwikkeling', '1-2', '2025-11-20'],
      ['Planbord in groep 4', ['Eigenaarschap'], 'rekenen en taal', '4', '2026-03-10'],
      ['Vragenmuur bij wereldoriëntatie', ['Nieuwsgierigheid'], 'wereldoriëntatie', '6-8', '2026-06-02'],
    ]);
  });

  it('takes subject, group and date from the usual keys and value shapes', async () => {
    const { elements } = await exampleVault();
    const note = parseNote('P.md', '---\nVak: [rekenen, taal]\nleerjaar: 4\ncreated: 2026-05-01T10:00\nkernwaarden: [creativiteit]\n---\n# P\n');
    expect(practiceRecord(note, elements)).toMatchObject({ subject: 'rekenen, taal', group: '4', date: '2026-05-01', elementTitles: ['Creativiteit'] });
    expect(dateOf(new Date(Date.UTC(2026, 0, 2)))).toBe('2026-01-02');
    expect(dateOf('vorige week')).toBeNull();
  });
});

describe('relatedPractices', () => {
  it('ranks practices of the same element first, leaves the note itself out, and says what they share', async () => {
    const vault = await exampleVault();
    const docs = vault.practices.map((note) => ({ note, record: vault.records.find((r) => r.path === note.path)! }));
    const planbord = vault.records.find((r) => r.title === 'Planbord in groep 4')!;
    const text = docs.find((d) => d.record === planbord)!.note.sections.map((s) => s.text).join('\n');
    const related = relatedPractices({ path: planbord.path, elementIds: planbord.elementIds, text }, docs);
    expect(related.map((r) => r.record.title)).not.toContain('Planbord in groep 4');
    expect(related[0]!.record.title).toBe('Schrijfconferenties in groep 8');
    expect(related[0]!.sharedElements).toEqual(['Eigenaarschap']);
    for (const r of related.slice(1)) expect(r.sharedElements).toEqual([]);
  });

  it('finds practices by content alone for a note about no element yet', async () => {
    const vault = await exampleVault();
    const docs = vault.practices.map((note) => ({ note, record: vault.records.find((r) => r.path === note.path)! }));
    const related = relatedPractices({ path: 'Lessen/Nieuw.md', elementIds: [], text: 'Leesmaatjes uit groep 8 lezen met de kinderen van groep 3; het duo houdt een leeskaart bij.' }, docs);
    expect(related[0]!.record.title).toBe('Leesmaatjes groep 8 en groep 3');
    expect(related[0]!.similarity).toBeGreaterThan(0);
  });
});

describe('planNewNotePath', () => {
  const existing = new Set(['Good practices/Planbord.md', 'Good practices/Planbord 2.md']);
  const exists = (p: string): boolean => existing.has(p);

  it('never returns the path of an existing note: " 2", " 3", …', () => {
    expect(planNewNotePath('Good practices', 'Vragenkist', exists)).toBe('Good practices/Vragenkist.md');
    expect(planNewNotePath('Good practices', 'Planbord', exists)).toBe('Good practices/Planbord 3.md');
    expect(planNewNotePaths('Good practices/', ['Planbord', 'Planbord', 'Kist'], exists)).toEqual(['Good practices/Planbord 3.md', 'Good practices/Planbord 4.md', 'Good practices/Kist.md']);
  });

  it('cleans characters Obsidian refuses in a name or reads as link syntax, and falls back for an empty title', () => {
    expect(planNewNotePath('Good practices', 'Kiezen: wat / hoe? [#1]', () => false)).toBe('Good practices/Kiezen wat hoe 1.md');
    expect(planNewNotePath('Good practices', '  ///  ', () => false)).toBe('Good practices/Good practice.md');
  });
});
