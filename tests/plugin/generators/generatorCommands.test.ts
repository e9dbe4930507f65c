/**
 * The five generator commands in the stub host with the example vault, extractive (offline): each opens
 * the dialog with the fields its kind needs, Create stays off until an element is chosen, a run writes a
 * new note under `Visiewijzer/` (never over an existing one) and opens it, stopping writes nothing, and
 * the lesson-check sidebar can open the same dialog for a plan.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../../src/plugin/embedding/spawnEmbeddingWorker', () => ({ spawnEmbeddingWorker: vi.fn() }));

import { ButtonComponent, DropdownComponent, Notice, Setting, ToggleComponent, setStubLanguage, type App } from '../../stubs/obsidian';
import type { App as ObsidianApp } from 'obsidian';
import { checkWikilinks } from '../../../src/core/generators';
import { parseNote } from '../../../src/core/notes/parseNote';
import { frontmatterOf } from '../../../src/core/privacy/rosterLoader';
import { GENERATOR_COMMANDS } from '../../../src/plugin/generators/generatorCommands';
import { openGeneratorModal } from '../../../src/plugin/generators/generatorModal';
import { GeneratorService } from '../../../src/plugin/generators/generatorService';
import { nl } from '../../../src/plugin/i18n/nl';
import { DEFAULT_SETTINGS } from '../../../src/plugin/settings/settings';
import { VaultNoteSource } from '../../../src/plugin/vault/vaultNoteSource';
import { exampleNotes, until } from '../helpers/exampleVault';
import { unloadAll } from '../helpers/pluginHost';
import { loadReady } from '../provider/providerHost';
import { buttons, choose, create, el, generatedNotes, openedModal, row, runCommand, shown, tick, type } from './generatorHost';

beforeEach(() => {
  setStubLanguage('nl');
  Notice.reset();
});
afterEach(() => unloadAll());

const start = (): Promise<App> => loadReady(exampleNotes(), null);

/** Every wikilink of `markdown` that does not resolve in the host's vault. */
function brokenLinks(app: App, markdown: string): string[] {
  const notes = [...app.vault.adapter.files].filter(([p, d]) => p.endsWith('.md') && typeof d === 'string').map(([p, d]) => parseNote(p, d as string));
  return checkWikilinks(markdown, notes).broken.map((b) => b.link);
}

describe('the generator commands', () => {
  it('each opens the one dialog with its title, and shows only the fields its kind needs', async () => {
    const app = await start();
    const expected: Record<string, { title: string; form: boolean; subject: boolean; subjects: boolean }> = {
      'generate-indicators': { title: nl['generator.title.indicators'], form: false, subject: false, subjects: false },
      'create-observation-form': { title: nl['generator.title.form'], form: true, subject: false, subjects: false },
      'generate-lesson-ideas': { title: nl['generator.title.lesideeen'], form: false, subject: true, subjects: false },
      'create-reflection-questions': { title: nl['generator.title.reflectie'], form: false, subject: false, subjects: false },
      'show-vision-in-subject': { title: nl['generator.title.vakvoorbeelden'], form: false, subject: false, subjects: true },
    };
    expect(GENERATOR_COMMANDS.map((c) => c.id).sort()).toEqual(Object.keys(expected).sort());
    for (const [id, want] of Object.entries(expected)) {
      const modal = await runCommand(app, id);
      expect(el(modal.titleEl).textContent).toBe(want.title);
      expect(app.commands.get(`visiewijzer:${id}`)!.name).toBe(nl[GENERATOR_COMMANDS.find((c) => c.id === id)!.name]);
      // The example vault's eight elements (the school plan's pillars and the core values), none ticked yet.
      const titles = el(modal.contentEl).findAllByClass('visiewijzer-generator-element').map((e) => e.findByClass('setting-item-name')!.textContent);
      expect(titles).toEqual([
        'Pijler 1: Rijke taal', 'Pijler 2: Leren zichtbaar maken', 'Pijler 3: De school als gemeenschap', 'Eigenaarschap', 'Samenwerken', 'Nieuwsgierigheid', 'Veiligheid en vertrouwen', 'Creativiteit',
      ]);
      expect(titles.some((title) => row(modal, title).control(ToggleComponent).getValue())).toBe(false);
      expect([shown(modal, nl['generator.form.name']), shown(modal, nl['generator.subject.name']), shown(modal, nl['generator.subjects.name'])]).toEqual([want.form, want.subject, want.subjects]);
      expect(shown(modal, nl['generator.icalt.name'])).toBe(want.form);
      // Without a language model there is only the offline way, and the dialog says how to add one.
      expect([...row(modal, nl['generator.mode.name']).control(DropdownComponent).options.keys()]).toEqual(['extractive']);
      expect(row(modal, nl['generator.mode.name']).descEl.textContent).toBe(nl['generator.mode.noModel']);
      expect(shown(modal, nl['generator.levels.name'])).toBe(false);
      modal.close();
    }
    expect(app.openModals).toEqual([]);
  });

  it('keeps Create off and says why until at least one element is chosen', async () => {
    const app = await start();
    const modal = await runCommand(app, 'generate-indicators');
    const hint = (): string => el(modal.contentEl).findByClass('visiewijzer-generator-hint')!.textContent;
    expect(buttons(modal).submit.disabled).toBe(true);
    expect(hint()).toBe(nl['generator.pickElement']);
    await buttons(modal).submit.simulateClick();
    expect(modal.running).toBeNull();
    await tick(modal, 'Samenwerken');
    expect(buttons(modal).submit.disabled).toBe(false);
    expect(hint()).toBe('');
    expect(generatedNotes(app)).toEqual([]);
  });

  it('says how to mark the vision when the vault has no vision elements, and offers nothing to create', async () => {
    const app = await loadReady(new Map([['Notities/Boodschappen.md', '# Boodschappen\n\n- melk\n']]), null);
    const modal = await runCommand(app, 'generate-lesson-ideas');
    expect(el(modal.contentEl).textContent).toContain(nl['generator.noElements'].replace('{folder}', 'Visie'));
    const rows = Setting.all(el(modal.contentEl));
    expect(rows).toHaveLength(1);
    await rows[0]!.control(ButtonComponent).simulateClick();
    expect(app.openModals).toEqual([]);
  });

  it('writes a kijkwijzer as a new note under Visiewijzer/ and opens it; a second run never overwrites it', async () => {
    const app = await start();
    const modal = await runCommand(app, 'create-observation-form');
    await tick(modal, 'Eigenaarschap');
    await tick(modal, nl['generator.icalt.name']);
    await type(modal, nl['generator.group.name'], '5');
    const outcome = await create(modal);
    const path = 'Visiewijzer/Kijkwijzer - Eigenaarschap.md';
    expect(outcome).toMatchObject({ status: 'written', path });
    expect(generatedNotes(app)).toEqual([path]);
    const note = app.vault.adapter.text(path)!;
    expect(frontmatterOf(note)).toEqual({
      visiewijzer: 'kijkwijzer',
      kernwaarden: ['Eigenaarschap'],
      groep: '5',
      modus: 'extractief',
      cssclasses: ['visiewijzer-note', 'visiewijzer-form'],
    });
    expect(note).toContain('| Kijkpunt |');
    expect(note).toContain('ICALT');
    expect(brokenLinks(app, note)).toEqual([]);
    expect(app.workspace.getActiveFile()?.path).toBe(path);
    expect(Notice.texts()).toContain(nl['generator.done'].replace('{path}', path));
    expect(app.openModals).toEqual([]);

    const again = await runCommand(app, 'create-observation-form');
    await tick(again, 'Eigenaarschap');
    expect(await create(again)).toMatchObject({ status: 'written', path: 'Visiewijzer/Kijkwijzer - Eigenaarschap 2.md' });
    expect(app.vault.adapter.text(path)).toBe(note);
    expect(app.workspace.getActiveFile()?.path).toBe('Visiewijzer/Kijkwijzer - Eigenaarschap 2.md');
  });

  it('makes a flitsbezoek and subject examples from the choices in the dialog', async () => {
    const app = await start();
    const visit = await runCommand(app, 'create-observation-form');
    await choose(visit, nl['generator.form.name'], 'flitsbezoek');
    expect(shown(visit, nl['generator.icalt.name'])).toBe(false);
    await tick(visit, 'Samenwerken', 'Nieuwsgierigheid');
    const flits = await create(visit);
    expect(flits?.status).toBe('written');
    const visitNote = app.vault.adapter.text((flits as { path: string }).path)!;
    expect(frontmatterOf(visitNote)).toMatchObject({ visiewijzer: 'kijkwijzer', vorm: 'flitsbezoek', kernwaarden: ['Samenwerken', 'Nieuwsgierigheid'] });
    // At most five look-fors: the table has a header, a separator and five rows at most.
    expect(visitNote.split('\n').filter((l) => l.startsWith('|')).length).toBeLessThanOrEqual(7);

    const subjects = await runCommand(app, 'show-vision-in-subject');
    expect(row(subjects, nl['generator.subjects.name']).components).toHaveLength(1);
    await type(subjects, nl['generator.subjects.name'], 'rekenen; muziek');
    await tick(subjects, 'Samenwerken');
    const made = await create(subjects);
    const note = app.vault.adapter.text((made as { path: string }).path)!;
    expect(frontmatterOf(note)).toMatchObject({ visiewijzer: 'vakvoorbeelden', kernwaarden: ['Samenwerken'], modus: 'extractief' });
    expect(note).toContain('### rekenen');
    expect(note).toContain('### muziek');
    expect(note).not.toContain('### taal');
    expect(brokenLinks(app, note)).toEqual([]);
  });

  it('writes nothing when stopped, and keeps the dialog open with the choices', async () => {
    const app = await start();
    const modal = await runCommand(app, 'create-reflection-questions');
    await tick(modal, 'Eigenaarschap');
    void buttons(modal).submit.simulateClick();
    expect(buttons(modal).cancel.buttonEl.textContent).toBe(nl['generator.stop']);
    expect(buttons(modal).submit.disabled).toBe(true);
    await buttons(modal).cancel.simulateClick();
    expect(await modal.running).toEqual({ status: 'stopped' });
    expect(generatedNotes(app)).toEqual([]);
    expect(Notice.texts()).toContain(nl['generator.stopped']);
    expect(app.openModals).toEqual([modal]);
    expect(buttons(modal).cancel.buttonEl.textContent).toBe(nl['generator.cancel']);
    expect(buttons(modal).submit.disabled).toBe(false);
  });

  it('reads the vault once for its dialogs, and again after a note changed', async () => {
    const app = await start();
    const elementTitles = (modal: Awaited<ReturnType<typeof runCommand>>): string[] =>
      el(modal.contentEl).findAllByClass('visiewijzer-generator-element').map((e) => e.findByClass('setting-item-name')!.textContent);
    (await runCommand(app, 'generate-indicators')).close();
    app.vault.readLog.length = 0;
    (await runCommand(app, 'create-reflection-questions')).close();
    expect(app.vault.readLog).toEqual([]);
    await app.vault.create('Visie/Burgerschap.md', '---\nvisiewijzer: visie\n---\n# Burgerschap\n\n## Verantwoordelijkheid\n\nDe leerling ruimt zelf zijn werkplek op.\n');
    const modal = await runCommand(app, 'generate-indicators');
    expect(elementTitles(modal)).toContain('Verantwoordelijkheid');
  });

  it('opens for the lesson-check sidebar with the plan’s elements ticked and its subject and group filled in', async () => {
    const app = await start();
    const vault = app.vault as unknown as ObsidianApp['vault'];
    const service = new GeneratorService({
      settings: () => DEFAULT_SETTINGS,
      index: { search: async () => null },
      source: new VaultNoteSource(vault),
      vault,
      secrets: { getSecret: () => null },
      requestUrl: () => Promise.reject(new Error('no network')),
      audit: { append: async () => undefined },
      confirmSend: async () => false,
      openNote: async () => undefined,
    });
    const plan = 'Lessen/Groep 4 Rekenen - Tafel van 4 (IGDI).md';
    openGeneratorModal(app as unknown as ObsidianApp, service, 'lesideeen', { elements: ['kernwaarden/samenwerken', 'Creativiteit', 'geen-element'], planPath: plan });
    const modal = await openedModal(app);
    expect(el(modal.contentEl).textContent).toContain(nl['generator.plan'].replace('{name}', 'Groep 4 Rekenen - Tafel van 4 (IGDI)'));
    const titles = el(modal.contentEl).findAllByClass('visiewijzer-generator-element').map((r) => r.findByClass('setting-item-name')!.textContent);
    expect(titles.filter((title) => row(modal, title).control(ToggleComponent).getValue())).toEqual(['Samenwerken', 'Creativiteit']);
    const outcome = await create(modal);
    const note = app.vault.adapter.text((outcome as { path: string }).path)!;
    expect(frontmatterOf(note)).toMatchObject({ visiewijzer: 'lesideeen', kernwaarden: ['Samenwerken', 'Creativiteit'], vak: 'rekenen', groep: '4' });
    await until(() => app.openModals.length === 0);
  });
});
