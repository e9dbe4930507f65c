/**
 * Splitting a note that holds several practices: one candidate per heading (with its sub-headings) or
 * per top-level list item, with lines, Markdown text, suggested elements and a sensible default tick;
 * the notes a split creates are approved Markdown.
 */
import { describe, expect, it } from 'vitest';
import { LessonChecker } from '../../src/core/lessonCheck';
import { parseNote } from '../../src/core/notes/parseNote';
import { preselectedIds, renderPracticeNote, splitIntoPractices, type SplitCandidate } from '../../src/core/practices';
import { expectApproved } from './approval';
import { exampleVault, fixture, STUDY_DAY, TEAM_LIST } from './vaultFixture';

async function split(name: string): Promise<SplitCandidate[]> {
  const vault = await exampleVault();
  const markdown = fixture(name);
  return splitIntoPractices(parseNote(`Teamoverleg/${name}`, markdown), { markdown, checker: await LessonChecker.prepare(vault, null) });
}

/** The notes a split would write for its proposed candidates, one after the other. */
async function writtenNotes(name: string): Promise<string> {
  const vault = await exampleVault();
  const candidates = (await split(name)).filter((c) => c.recommended);
  return candidates
    .map((c) => {
      const ids = new Set(preselectedIds(c.suggested));
      const elements = vault.elements.filter((e) => ids.has(e.id));
      return renderPracticeNote({ title: c.title, subject: '', group: '', description: '', elements, origin: `Teamoverleg/${name}`, text: c.text, date: '2026-11-05' });
    })
    .join('\n<!-- next note -->\n');
}

describe('splitIntoPractices', () => {
  it('makes one candidate per level-2 heading, sub-headings included, numbering dropped from the title', async () => {
    const candidates = await split(STUDY_DAY);
    expect(candidates.map((c) => [c.title, c.startLine, c.endLine, c.kind])).toEqual([
      ['Stoplichtkaarten bij rekenen (groep 5)', 10, 12, 'heading'],
      ['Vertelkring met een voorwerp (groep 1-2)', 14, 20, 'heading'],
      ['Een eigen oplossing bij meten (groep 7)', 22, 24, 'heading'],
      ['Afsluiting', 26, 28, 'heading'],
    ]);
    const lines = fixture(STUDY_DAY).split('\n');
    expect(candidates[1]!.text).toBe(lines.slice(15, 20).join('\n'));
    expect(candidates[1]!.text).toContain('### Tip van de collega');
  });

  it('suggests the element each candidate shows, and proposes those with some substance', async () => {
    const candidates = await split(STUDY_DAY);
    expect(candidates.map((c) => c.recommended)).toEqual([true, true, true, false]);
    expect(candidates[0]!.suggested.slice(0, 3).map((s) => s.title)).toContain('Pijler 2: Leren zichtbaar maken');
    expect(candidates[1]!.suggested.slice(0, 3).map((s) => s.title)).toContain('Pijler 1: Rijke taal');
    expect(candidates[2]!.suggested.slice(0, 3).map((s) => s.title)).toContain('Creativiteit');
    for (const c of candidates) expect(c.suggested).toHaveLength((await exampleVault()).elements.length);
  });

  it('makes one candidate per top-level list item when the note has no headings to split on', async () => {
    const candidates = await split(TEAM_LIST);
    expect(candidates.map((c) => [c.title, c.startLine, c.endLine, c.kind, c.recommended])).toEqual([
      ['Buddy-lezen met groep 6', 5, 5, 'listItem', true],
      ['Vragenkist', 6, 7, 'listItem', true],
      ['Koffie voortaan om half elf', 8, 8, 'listItem', false],
    ]);
    expect(candidates[1]!.text).toBe('**Vragenkist**: in de klas staat een kist waarin kinderen briefjes stoppen met dingen die ze zich afvragen. Eén keer per week pakken we een briefje en zoeken we het antwoord samen uit.\n- Werkt het best als de leraar zelf ook vragen in de kist stopt.');
    expect(candidates[1]!.suggested[0]!.title).toBe('Nieuwsgierigheid');
  });

  it('works without the Markdown (plain text) and without a checker (no suggestions, proposed when 25 words or more)', async () => {
    const note = parseNote(STUDY_DAY, fixture(STUDY_DAY));
    const candidates = await splitIntoPractices(note);
    expect(candidates.map((c) => c.title)).toHaveLength(4);
    expect(candidates[1]!.text).toContain('### Tip van de collega');
    expect(candidates.every((c) => c.suggested.length === 0)).toBe(true);
    expect(candidates.map((c) => c.recommended)).toEqual([true, true, true, false]);
  });

  it('finds nothing to split in a note of plain paragraphs', async () => {
    expect(await splitIntoPractices(parseNote('x.md', '# Titel\n\nEen alinea.\n\nNog een alinea.\n'))).toEqual([]);
  });

  it('writes the approved notes for the proposed candidates of both fixtures', async () => {
    expectApproved('split-study-day.md', await writtenNotes(STUDY_DAY));
    expectApproved('split-team-list.md', await writtenNotes(TEAM_LIST));
  });
});
