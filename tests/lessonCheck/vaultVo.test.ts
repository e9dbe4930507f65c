/** The second example vault has another vision structure: one note per pillar, and H3 groups under each kernwaarde. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FolderNoteSource } from '../../src/cli/folderNoteSource';
import { LessonChecker, loadLessonCheckVault } from '../../src/core/lessonCheck';

const ROOT = join(__dirname, '../../examples/vault-vo');

describe('lesson check on a vault with pillar notes and grouped indicators', () => {
  it('reads each pillar note as one element and each kernwaarde with the indicators of all its groups', async () => {
    const vault = await loadLessonCheckVault(new FolderNoteSource(ROOT));
    expect(vault.elements.map((e) => [e.title, e.heading])).toEqual([
      ['Formatief evalueren', null],
      ['Verantwoordelijkheid', 'Verantwoordelijkheid'],
      ['Respect', 'Respect'],
      ['Lef', 'Lef'],
      ['Onderzoekende houding', 'Onderzoekende houding'],
      ['Verbondenheid', 'Verbondenheid'],
      ['Leren in de echte wereld', null],
      ['Wereldburgerschap', null],
    ]);
    const responsibility = vault.elements[1]!;
    expect(responsibility.indicators).toHaveLength(5);
    expect(responsibility.indicators.some((i) => i.startsWith('De leerling'))).toBe(true);
    expect(responsibility.indicators.some((i) => i.startsWith('De docent'))).toBe(true);
    expect(vault.policy.length).toBeGreaterThanOrEqual(3);
    expect(vault.practices.length).toBeGreaterThanOrEqual(3);
  });

  it('finds evidence inside a lesson plan written as a table, citing the table rows', async () => {
    const vault = await loadLessonCheckVault(new FolderNoteSource(ROOT));
    const checker = await LessonChecker.prepare(vault, null);
    const path = 'Lessen/Havo 1 LO - Turnen in een circuit.md';
    const lines = readFileSync(join(ROOT, path), 'utf8').split('\n');
    const tableLines = lines.map((l, i) => (l.startsWith('|') ? i + 1 : 0)).filter(Boolean);
    const report = await checker.check(vault.corpus.find((n) => n.path === path)!);
    const responsibility = report.elements.find((e) => e.title === 'Verantwoordelijkheid')!;
    expect(responsibility.status).not.toBe('absent');
    const inTable = responsibility.evidence.filter((e) => tableLines.includes(e.startLine));
    expect(inTable.length).toBeGreaterThan(0);
    for (const e of inTable) expect(lines[e.startLine - 1]).toContain(e.text);
  });
});
