/**
 * What the privacy guard learns from a vault before a question is asked: the roster note (or folder),
 * frontmatter `personen:`, and the words that must stay (school name, vision element titles).
 */
import { describe, expect, it } from 'vitest';
import { PrivacyGuard } from '../../src/core/llm/privacyGuard';
import { frontmatterOf, isRosterNote, loadPrivacyContext } from '../../src/core/privacy/rosterLoader';
import { MemoryNoteSource, loadExampleVault } from '../helpers/memoryNoteSource';

const ROSTER = '# Leerlingen en medewerkers\n\n## Leerlingen groep 5\n\n- Bo Kok\n- Jip Gerritsen\n\n## Team\n\n| Naam | Functie |\n|---|---|\n| Wessel Bouma | ib |\n';
const VAULT = {
  'Administratie/Leerlingen en medewerkers.md': ROSTER,
  'Zorg/Overleg.md': '---\npersonen: [Fenna Oosterhuis]\nschool: De Kleine Beer\n---\n# Overleg\n\nGesprek met de ouders.\n',
  'Visie/Kernwaarden.md': '# Kernwaarden\n\n## Vertrouwen\n\nWe geven vertrouwen.\n\n## Pijler 2: Groei\n\nIedereen groeit.\n',
  'Notities/Los.md': '---\npersonen: [\n---\n# Kapotte frontmatter\n',
};

describe('loadPrivacyContext', () => {
  it('reads the roster note by name anywhere, frontmatter people and keep-terms', async () => {
    const context = await loadPrivacyContext(new MemoryNoteSource(VAULT), { schoolNames: ['Basisschool De Kleine Beer'] });
    expect(context.rosterNotes).toEqual(['Administratie/Leerlingen en medewerkers.md']);
    expect(context.roster.pupils).toEqual(['Bo Kok', 'Jip Gerritsen']);
    expect(context.roster.staff).toEqual(['Wessel Bouma']);
    expect(context.roster.others).toEqual(['Fenna Oosterhuis']);
    expect(context.keepTerms).toEqual(expect.arrayContaining(['Basisschool De Kleine Beer', 'De Kleine Beer', 'Vertrouwen', 'Pijler 2: Groei', 'Groei']));
  });

  it('takes a configured note or folder, and finds nothing when it is absent', async () => {
    const source = new MemoryNoteSource({ ...VAULT, 'Namen/Groep 5.md': '# Leerlingen\n\n- Sep Doornbos\n', 'Namen/Team.md': '# Team\n\n- Anouk Mulder\n' });
    const folder = await loadPrivacyContext(source, { rosterPath: 'Namen/' });
    expect(folder.rosterNotes.sort()).toEqual(['Namen/Groep 5.md', 'Namen/Team.md']);
    expect(folder.roster.pupils).toEqual(['Sep Doornbos']);
    expect(folder.roster.staff).toEqual(['Anouk Mulder']);
    const none = await loadPrivacyContext(source, { rosterPath: 'Bestaat/Niet.md' });
    expect(none.rosterNotes).toEqual([]);
    expect(none.roster.others).toEqual(['Fenna Oosterhuis']);
  });

  it('matches roster paths with or without .md, by bare name, never by a look-alike', () => {
    expect(isRosterNote('Leerlingen en medewerkers.md')).toBe(true);
    expect(isRosterNote('Admin/Leerlingen en medewerkers.md')).toBe(true);
    expect(isRosterNote('Admin/Leerlingen en medewerkers 2024.md')).toBe(false);
    expect(isRosterNote('Admin/Namen.md', 'Admin/Namen.md')).toBe(true);
    expect(isRosterNote('Oud/Namen.md', 'Admin/Namen')).toBe(false);
    expect(isRosterNote('Admin/Namen/Groep 3.md', '/Admin/Namen/')).toBe(true);
    expect(isRosterNote('Wat dan ook.md', '  ')).toBe(false);
  });

  it('reads frontmatter, and no frontmatter or broken YAML as none', () => {
    expect(frontmatterOf('---\npersonen:\n  - A B\n---\ntekst')).toEqual({ personen: ['A B'] });
    expect(frontmatterOf('# Geen\n---\na: 1\n---')).toEqual({});
    expect(frontmatterOf(VAULT['Notities/Los.md'])).toEqual({});
  });

  it('lets the guard find roster names no heuristic would, and keep the school name and element titles', async () => {
    const context = await loadPrivacyContext(new MemoryNoteSource(VAULT), {});
    const guard = new PrivacyGuard(context);
    const { text } = guard.redactor('Bo Kok en Wessel Bouma bespraken Vertrouwen op De Kleine Beer.');
    expect(text).toBe('[LEERLING-1] en [PERSOON-1] bespraken Vertrouwen op De Kleine Beer.');
    expect(guard.restore('Met [LEERLING-1].')).toBe('Met Bo Kok.');
  });

  it('knows the example school: its vision element titles are kept', async () => {
    const context = await loadPrivacyContext(new MemoryNoteSource(loadExampleVault()));
    expect(context.keepTerms).toEqual(expect.arrayContaining(['Eigenaarschap', 'Samenwerken', 'Veiligheid en vertrouwen', 'Rijke taal', 'Leren zichtbaar maken']));
    expect(context.rosterNotes).toEqual([]);
  });
});
