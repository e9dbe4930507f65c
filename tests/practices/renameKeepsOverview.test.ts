/**
 * Renaming or moving a practice note and the vision note that holds the elements keeps the overview
 * working: Obsidian rewrites the links (imitated here as its "Automatically update internal links"
 * does), and the next refresh lists every practice under its element with a link to its NEW path,
 * while the leader's text around the markers stays byte for byte.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { TFile, Vault } from '../stubs/obsidian';
import { overviewBlockOf } from '../../src/core/practices';
import { setLanguage } from '../../src/plugin/i18n/i18n';
import { PracticeService, type PracticeVaultApi } from '../../src/plugin/practices/practiceService';
import { DEFAULT_SETTINGS, type VisiewijzerSettings } from '../../src/plugin/settings/settings';
import { VaultNoteSource, type NoteVault } from '../../src/plugin/vault/vaultNoteSource';
import { addNotes, exampleNotes } from '../plugin/helpers/exampleVault';

const OVERVIEW = 'Good practices/Overzicht.md';
const MARBLES = 'Good practices/Samen bouwen aan een knikkerbaan.md';
const MARBLES_MOVED = 'Good practices/Techniek/Knikkerbaan groep 5.md';
const PLANBORD = 'Good practices/Planbord in groep 4.md';
const PLANBORD_MOVED = 'Good practices/Onderbouw/Planbord groep 4.md';
const VISION = 'Visie/Kernwaarden.md';
const VISION_MOVED = 'Schoolplan/Visie 2026/Onze kernwaarden.md';
/** Filed under Creativiteit by a link only (no frontmatter value): the vision's rename must not lose it. */
const MARBLES_TEXT = '# Samen bouwen aan een knikkerbaan\n\nGroep 5 ontwerpt in tweetallen een knikkerbaan en probeert eigen oplossingen uit. Dit sluit aan bij [[Kernwaarden#Creativiteit]].\n';
const LEADER_ABOVE = '# Onze good practices\n\nBespreken in het MT van december.  \n';
const LEADER_BELOW = '\n\n## Eigen aantekeningen\n\n- [ ] Techniek: meer delen\n';

beforeEach(() => {
  setLanguage('nl');
});

/**
 * Renames `path` to `newPath` as Obsidian does with "Automatically update internal links" on: the file
 * moves, and every `[[link]]` to it (by path or by name, with heading and alias kept) is rewritten.
 */
async function renameLikeObsidian(vault: Vault, path: string, newPath: string): Promise<void> {
  const file = vault.getFileByPath(path);
  if (!file) throw new Error(`no note ${path}`);
  const oldFull = path.replace(/\.md$/, '');
  const oldName = oldFull.split('/').pop()!;
  await vault.rename(file, newPath);
  const newFull = newPath.replace(/\.md$/, '');
  const newName = newFull.split('/').pop()!;
  const unique = vault.getMarkdownFiles().filter((f) => f.basename === newName).length === 1;
  for (const note of vault.getMarkdownFiles()) {
    const text = await vault.read(note);
    const next = text.replace(/\[\[([^\]|#]+)((?:#[^\]|]*)?)((?:\|[^\]]*)?)\]\]/g, (link, target: string, heading: string, alias: string) => {
      const t = target.trim().replace(/\.md$/, '');
      if (t === oldFull) return `[[${newFull}${heading}${alias}]]`;
      if (t === oldName) return `[[${unique ? newName : newFull}${heading}${alias}]]`;
      return link;
    });
    if (next !== text) await vault.modify(note, next);
  }
}

/** The example vault plus a practice filed by a link only, in the stub vault, and the plugin's practice service on it. */
function practicesInStubVault(): { vault: Vault; service: PracticeService } {
  const vault = new Vault();
  addNotes(vault, exampleNotes());
  vault.addNote(MARBLES, MARBLES_TEXT);
  const settings: VisiewijzerSettings = { ...DEFAULT_SETTINGS, folders: { ...DEFAULT_SETTINGS.folders } };
  // The stub imitates the part of `Vault` these use; its classes are not Obsidian's types.
  const api = vault as unknown as PracticeVaultApi & NoteVault;
  const service = new PracticeService({ vault: api, source: new VaultNoteSource(api), settings: () => settings, now: () => new Date(2026, 10, 20, 12) });
  return { vault, service };
}

/** The `**Element** (n)` lines and the list under each, from the "Per visie-element" part of the block. */
function perElement(block: string): Map<string, string[]> {
  const part = block.slice(block.indexOf('## Per visie-element'), block.indexOf('## Nog zonder good practice'));
  const result = new Map<string, string[]>();
  let current: string[] | null = null;
  for (const line of part.split('\n')) {
    const head = /^\*\*(.+)\*\* \((\d+)\)$/.exec(line);
    if (head) result.set(head[1]!, (current = []));
    else if (line.startsWith('- ') && current) current.push(line);
  }
  return result;
}

function linkTargets(block: string): string[] {
  return [...block.matchAll(/\[\[([^\]|#]+)/g)].map((m) => m[1]!);
}

describe('renaming practices and the vision note', () => {
  it('keeps every practice under its element, links to the new paths, and leaves the leader’s text alone', async () => {
    const { vault, service } = practicesInStubVault();

    expect((await service.refreshOverview()).outcome).toBe('created');
    const overview = vault.getFileByPath(OVERVIEW)!;
    await vault.process(overview, (data) => `${LEADER_ABOVE}${overviewBlockOf(data)!}${LEADER_BELOW}`);
    const before = perElement(overviewBlockOf(await vault.read(overview))!);
    expect(before.get('Creativiteit')).toEqual([`- [[${MARBLES.replace(/\.md$/, '')}|Samen bouwen aan een knikkerbaan]]`]);
    expect(before.get('Eigenaarschap')!.join('\n')).toContain('[[Good practices/Planbord in groep 4|Planbord in groep 4]]');

    await renameLikeObsidian(vault, MARBLES, MARBLES_MOVED);
    await renameLikeObsidian(vault, PLANBORD, PLANBORD_MOVED);
    await renameLikeObsidian(vault, VISION, VISION_MOVED);
    // What Obsidian did: the practices now point at the vision note's new name.
    expect(await vault.read(vault.getFileByPath(MARBLES_MOVED)!)).toContain('[[Onze kernwaarden#Creativiteit]]');
    expect(vault.getFileByPath(VISION)).toBeNull();

    service.invalidate();
    await service.refreshOverview();
    const note = await vault.read(overview);
    expect(note.startsWith(LEADER_ABOVE)).toBe(true);
    expect(note.endsWith(LEADER_BELOW)).toBe(true);
    const block = overviewBlockOf(note)!;
    expect(note).toBe(`${LEADER_ABOVE}${block}${LEADER_BELOW}`);

    const after = perElement(block);
    // Every element keeps its practices (by count), in the same order: nothing fell off with the vision's new name.
    expect([...after].map(([title, lines]) => [title, lines.length])).toEqual([...before].map(([title, lines]) => [title, lines.length]));
    expect(after.get('Creativiteit')).toEqual(['- [[Good practices/Techniek/Knikkerbaan groep 5|Knikkerbaan groep 5]]']);
    expect(after.get('Eigenaarschap')!.join('\n')).toContain('[[Good practices/Onderbouw/Planbord groep 4|Planbord groep 4]]');
    expect(block.slice(block.indexOf('## Nog zonder good practice'), block.indexOf('## Per vak'))).not.toContain('Creativiteit');
    // No link to an old path survives, and every link in the block opens a note that exists.
    for (const old of [MARBLES, PLANBORD]) expect(block).not.toContain(old.replace(/\.md$/, ''));
    for (const target of linkTargets(block)) expect(vault.getFileByPath(`${target}.md`), target).toBeInstanceOf(TFile);
  });

  it('refreshes again without a change once the renames are taken in', async () => {
    const { vault, service } = practicesInStubVault();
    await service.refreshOverview();
    await renameLikeObsidian(vault, VISION, VISION_MOVED);
    await renameLikeObsidian(vault, MARBLES, MARBLES_MOVED);
    service.invalidate();
    expect((await service.refreshOverview()).outcome).toBe('updated');
    const once = await vault.read(vault.getFileByPath(OVERVIEW)!);
    service.invalidate();
    expect((await service.refreshOverview()).outcome).toBe('unchanged');
    expect(await vault.read(vault.getFileByPath(OVERVIEW)!)).toBe(once);
  });
});
