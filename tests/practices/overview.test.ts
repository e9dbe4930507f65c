/**
 * The overview: approved Markdown for the example vault (per element and per subject with counts, the
 * elements without practice, the newest, a Mermaid chart), and a rewrite that touches only the block
 * between the markers, so the leader's own text stays byte for byte across refreshes.
 */
import { describe, expect, it } from 'vitest';
import { parseNote } from '../../src/core/notes/parseNote';
import { noteIsAbout } from '../../src/core/lessonCheck/practiceLinks';
import {
  OVERVIEW_END, OVERVIEW_START, OverviewMarkerError, overviewBlockOf, practiceRecords, renderOverview, replaceOverviewBlock, type PracticeRecord,
} from '../../src/core/practices';
import { expectApproved } from './approval';
import { exampleVault } from './vaultFixture';

const LEADER_ABOVE = '# Onze good practices\n\nDit overzicht bespreken we elke maand in het MT.  \nOpmerkingen van Anouk:\n\n';
const LEADER_BELOW = '\n\n## Eigen aantekeningen\n\n- [ ] Creativiteit: vragen bij de bovenbouw\n\t- met een tab ingesprongen\n';

describe('renderOverview', () => {
  it('writes the approved overview of the example vault', async () => {
    const vault = await exampleVault();
    expectApproved('overview-example-vault.md', renderOverview(vault.records, vault.elements, new Date(2026, 9, 20, 12)));
  });

  it('writes the approved English overview with the bar chart', async () => {
    const vault = await exampleVault();
    expectApproved('overview-example-vault-en-bar.md', renderOverview(vault.records, vault.elements, '2026-10-20', { lang: 'en', chart: 'bar', newest: 2 }));
  });

  it('counts practices per element and per subject, and calls out the elements without any', async () => {
    const vault = await exampleVault();
    const block = renderOverview(vault.records, vault.elements, '2026-10-20');
    expect(block).toContain('**Eigenaarschap** (2)');
    expect(block).toContain('**Samenwerken** (2)');
    const missing = block.slice(block.indexOf('## Nog zonder good practice'), block.indexOf('## Per vak'));
    expect(missing.split('\n').filter((l) => l.startsWith('- ')).sort()).toEqual(['- Creativiteit', '- Pijler 1: Rijke taal', '- Pijler 2: Leren zichtbaar maken', '- Pijler 3: De school als gemeenschap']);
    expect(block).toContain('"Eigenaarschap" : 2');
    const newest = block.slice(block.indexOf('## Nieuwste'), block.indexOf('## Grafiek')).split('\n').filter((l) => l.startsWith('- '));
    expect(newest[0]).toContain('2026-06-02');
  });

  it('says so when there are no practices, and links no vision passage (so it is never "about" an element itself)', async () => {
    const vault = await exampleVault();
    expect(renderOverview([], vault.elements, '2026-10-20')).toContain('Nog geen good practices');
    const note = parseNote('Good practices/Overzicht.md', `# Overzicht\n\n${renderOverview(vault.records, vault.elements, '2026-10-20')}\n`);
    for (const element of vault.elements) expect(noteIsAbout(note, element)).toBe(false);
    expect(practiceRecords([note], vault.elements)[0]!.elementIds).toEqual([]);
  });

  it('lists a practice filed under no element apart, so it is not lost', async () => {
    const vault = await exampleVault();
    const loose: PracticeRecord = { path: 'Good practices/Los.md', title: 'Los', elementIds: [], elementTitles: [], subject: null, group: null, date: '2026-01-01' };
    const block = renderOverview([...vault.records, loose], vault.elements, '2026-10-20');
    expect(block).toContain('**Nog bij geen visie-element** (1)\n\n- [[Good practices/Los|Los]]');
    expect(block).toContain('**zonder vak** (1)');
  });
});

describe('replaceOverviewBlock', () => {
  it("keeps the leader's text outside the markers byte for byte across two refreshes", async () => {
    const vault = await exampleVault();
    const first = renderOverview(vault.records, vault.elements, '2026-10-20');
    const note = replaceOverviewBlock(`${LEADER_ABOVE}${OVERVIEW_START}\noud\n${OVERVIEW_END}${LEADER_BELOW}`, first);
    expect(note).toBe(`${LEADER_ABOVE}${first}${LEADER_BELOW}`);
    const second = renderOverview(vault.records.slice(1), vault.elements, '2026-10-21');
    const again = replaceOverviewBlock(note, second);
    expect(again).toBe(`${LEADER_ABOVE}${second}${LEADER_BELOW}`);
    expect(again.startsWith(LEADER_ABOVE)).toBe(true);
    expect(again.endsWith(LEADER_BELOW)).toBe(true);
    expect(overviewBlockOf(again)).toBe(second);
  });

  it('appends the block after a blank line when the note has no markers, changing nothing before it', () => {
    const block = `${OVERVIEW_START}\nx\n${OVERVIEW_END}`;
    expect(replaceOverviewBlock('# Titel\n\nTekst', block)).toBe(`# Titel\n\nTekst\n\n${block}\n`);
    expect(replaceOverviewBlock('# Titel\n', block)).toBe(`# Titel\n\n${block}\n`);
    expect(replaceOverviewBlock('', block)).toBe(`${block}\n`);
    expect(replaceOverviewBlock('# Titel\n', 'alleen tekst')).toBe(`# Titel\n\n${block.replace('x', 'alleen tekst')}\n`);
  });

  it('keeps Windows line ends in a note that has them', () => {
    const existing = `Boven\r\n${OVERVIEW_START}\r\noud\r\n${OVERVIEW_END}\r\nOnder\r\n`;
    expect(replaceOverviewBlock(existing, `${OVERVIEW_START}\nnieuw\nregel\n${OVERVIEW_END}`)).toBe(`Boven\r\n${OVERVIEW_START}\r\nnieuw\r\nregel\r\n${OVERVIEW_END}\r\nOnder\r\n`);
  });

  it('refuses damaged markers instead of guessing which text is the leader’s', () => {
    const block = `${OVERVIEW_START}\nx\n${OVERVIEW_END}`;
    for (const damaged of [`a\n${OVERVIEW_START}\nb`, `a\n${OVERVIEW_END}\nb`, `${OVERVIEW_END}\n${OVERVIEW_START}`, `${OVERVIEW_START}\n${OVERVIEW_START}\n${OVERVIEW_END}`]) {
      expect(() => replaceOverviewBlock(damaged, block)).toThrow(OverviewMarkerError);
    }
  });
});
