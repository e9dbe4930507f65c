import { describe, expect, it } from 'vitest';
import { parseNote } from '../../src/core/notes/parseNote';
import { detectRole, DEFAULT_ROLE_FOLDERS } from '../../src/core/notes/roles';
import { loadExampleVault } from '../helpers/memoryNoteSource';

const role = (path: string, text: string, folders = DEFAULT_ROLE_FOLDERS) => detectRole(parseNote(path, text), folders);

describe('detectRole', () => {
  it('finds each role by frontmatter, by tag and by top-level folder', () => {
    const cases: [string, string, string, string][] = [
      ['visie', 'visie', '#visie', 'Visie'],
      ['beleid', 'beleid', '#beleid', 'Beleid'],
      ['les', 'les', '#lesplan', 'Lessen'],
      ['praktijk', 'praktijk', '#goodpractice', 'Good practices'],
    ];
    for (const [expected, fm, tag, folder] of cases) {
      expect(role('Elders/a.md', `---\nvisiewijzer: ${fm}\n---\ntekst`)).toEqual({ role: expected, via: 'frontmatter' });
      expect(role('Elders/b.md', `tekst ${tag}`)).toEqual({ role: expected, via: 'tag' });
      expect(role(`${folder}/c.md`, 'tekst')).toEqual({ role: expected, via: 'folder' });
    }
  });

  it('lets frontmatter override the folder and a tag override the folder', () => {
    expect(role('Visie/les.md', '---\nvisiewijzer: les\n---\n').role).toBe('les');
    expect(role('Visie/x.md', '#beleid').role).toBe('beleid');
  });

  it('only counts the top-level folder, case-insensitively, and follows renamed folders', () => {
    expect(role('Archief/Visie/oud.md', 'tekst').role).toBeNull();
    expect(role('visie/x.md', 'tekst').role).toBe('visie');
    expect(role('Onze visie/x.md', 'tekst', { ...DEFAULT_ROLE_FOLDERS, visie: 'Onze visie' }).role).toBe('visie');
    expect(role('Visie/x.md', 'tekst', { ...DEFAULT_ROLE_FOLDERS, visie: 'Onze visie' }).role).toBeNull();
  });

  it('warns about an unknown frontmatter role and falls back to tag and folder', () => {
    expect(role('Beleid/x.md', '---\nvisiewijzer: visioen\n---\n')).toMatchObject({ role: 'beleid', via: 'folder', warning: expect.stringContaining('visioen') });
  });

  it('does not warn about the kinds of draft Visiewijzer writes itself, and gives them no role', () => {
    expect(role('Visiewijzer/Kijkwijzer.md', '---\nvisiewijzer: kijkwijzer\n---\n')).toEqual({ role: null, via: null });
    expect(role('Visiewijzer/Lesideeen.md', '---\nvisiewijzer: lesideeen\n---\n#lesplan')).toEqual({ role: 'les', via: 'tag' });
  });

  it('finds all three ways in the example vault, and no role in ordinary notes', () => {
    const vault = loadExampleVault();
    const vias = new Set<string>();
    for (const [path, text] of Object.entries(vault)) {
      const decision = role(path, text);
      if (decision.via) vias.add(`${decision.role}:${decision.via}`);
    }
    for (const r of ['visie', 'beleid', 'les', 'praktijk']) {
      expect([...vias].filter((v) => v.startsWith(`${r}:`)).length, r).toBeGreaterThanOrEqual(2);
    }
    expect(vias.has('visie:tag')).toBe(true);
    expect(role('Welkom.md', vault['Welkom.md'] ?? '').role).toBeNull();
  });
});
