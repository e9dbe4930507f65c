/**
 * "Save as good practice" in the stub host: from a selection or a whole note, the dialog with the
 * suggested elements ticked, the new note in the practices folder (never over an existing note), the
 * team only in its frontmatter, and the origin note untouched unless the backlink is switched on.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../../src/plugin/embedding/spawnEmbeddingWorker', () => ({ spawnEmbeddingWorker: vi.fn() }));

import { Notice, TextComponent, setStubLanguage, type App } from '../../stubs/obsidian';
import { parse as parseYaml } from 'yaml';
import { CaptureModal } from '../../../src/plugin/practices/captureModal';
import { until } from '../helpers/exampleVault';
import { unloadAll } from '../helpers/pluginHost';
import { el, MEETING, openInEditor, press, readyHost, setting, toggle, topModal, type, watchModify } from './practiceHost';

beforeEach(() => {
  setStubLanguage('nl');
  Notice.reset();
});
afterEach(() => unloadAll());

const PIJLER1 = 'Het leerteam heeft de woordmuren in de groepen 4 tot en met 8 bekeken.';

/** Selects the paragraph of "Leerteam pijler 1" (line 12) in the meeting note and opens the dialog. */
async function captureSelection(app: App): Promise<CaptureModal> {
  const view = await openInEditor(app, MEETING);
  const line = view.editor.getLine(11);
  expect(line.startsWith(PIJLER1)).toBe(true);
  view.editor.setSelection({ line: 11, ch: 0 }, { line: 11, ch: line.length });
  expect(app.runCommand('visiewijzer:save-good-practice')).toBe(true);
  const modal = await topModal(app, CaptureModal);
  await modal.elementsShown;
  return modal;
}

const isOpen = (app: App, modal: CaptureModal): boolean => app.openModals.some((m) => (m as unknown) === modal);

function frontmatter(text: string): Record<string, unknown> {
  return parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(text)![1]!) as Record<string, unknown>;
}

async function saved(app: App): Promise<string> {
  await until(() => Notice.texts().some((t) => t.startsWith('Good practice opgeslagen in ')));
  return Notice.texts().find((t) => t.startsWith('Good practice opgeslagen in '))!.slice('Good practice opgeslagen in '.length, -1);
}

describe('Save as good practice', () => {
  it('is offered only when a note is open', async () => {
    const app = await readyHost();
    expect(app.runCommand('visiewijzer:save-good-practice')).toBe(false);
    expect(app.openModals).toEqual([]);
  });

  it('saves a selection as a new practice with the confirmed fields, and leaves the origin note untouched', async () => {
    const app = await readyHost();
    const originBefore = app.vault.adapter.text(MEETING);
    const modified = watchModify(app, MEETING);
    const modal = await captureSelection(app);

    expect(el(modal.contentEl).textContent).toContain('Uit de selectie in 2026-10-13 Studiemiddag leerteams.');
    // The title starts as the selection's first words, cut at a word.
    expect(setting(modal, 'Titel').control(TextComponent).getValue()).toBe('Het leerteam heeft de woordmuren in de groepen 4 tot en met');
    // The element the text shows most clearly is listed first and ticked.
    const rows = el(modal.contentEl).findAll((x) => x.hasClass('visiewijzer-practice-element'));
    expect(rows[0]!.textContent).toContain('Pijler 1: Rijke taal');
    expect(toggle(modal, 'Pijler 1: Rijke taal').getValue()).toBe(true);
    expect(toggle(modal, 'Creativiteit').getValue()).toBe(false);
    expect(toggle(modal, 'Verwijzing toevoegen aan de bronnotitie').getValue()).toBe(false);

    await type(modal, 'Titel', 'Woorden van de muur gebruiken');
    await type(modal, 'Vak', 'woordenschat');
    await type(modal, 'Groep of leerjaar', '4-8');
    await type(modal, 'Leraar of team (optioneel)', 'Meester Jan Bakker');
    modal.descriptionEl!.value = 'Leerlingen gebruiken de woorden van de woordmuur in gesprekken.';
    await toggle(modal, 'Samenwerken').simulateToggle(true);
    await press(modal, 1);

    const path = await saved(app);
    expect(path).toBe('Good practices/Woorden van de muur gebruiken.md');
    const note = app.vault.adapter.text(path)!;
    expect(frontmatter(note)).toEqual({
      visiewijzer: 'praktijk',
      kernwaarden: ['Pijler 1: Rijke taal', 'Samenwerken'],
      vak: 'woordenschat',
      groep: '4-8',
      datum: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      bron: '[[Teamoverleg/2026-10-13 Studiemiddag leerteams]]',
      team: 'Meester Jan Bakker',
    });
    expect(note).toContain('Leerlingen gebruiken de woorden van de woordmuur in gesprekken.');
    expect(note).toContain('- Pijler 1: Rijke taal · [[Schoolplan/Pijlers 2024-2028#Pijler 1 Rijke taal]]');
    expect(note).toContain(`## Zo gaat het\n\n${PIJLER1}`);
    expect(note.slice(note.indexOf('\n---\n', 4))).not.toContain('Bakker');
    // The origin note: not one byte changed, not even rewritten.
    expect(app.vault.adapter.text(MEETING)).toBe(originBefore);
    expect(modified).toEqual([]);
    // The new note opens in a tab.
    expect(app.workspace.getActiveFile()?.path).toBe(path);
  });

  it('adds one backlink line at the end of the origin, through Vault.process, only when switched on', async () => {
    const app = await readyHost();
    const originBefore = app.vault.adapter.text(MEETING)!;
    const process = vi.spyOn(app.vault, 'process');
    const modal = await captureSelection(app);
    await type(modal, 'Titel', 'Woordmuur');
    await toggle(modal, 'Verwijzing toevoegen aan de bronnotitie').simulateToggle(true);
    await press(modal, 1);
    const path = await saved(app);

    expect(process).toHaveBeenCalledTimes(1);
    expect(process.mock.calls[0]![0].path).toBe(MEETING);
    expect(app.vault.adapter.text(MEETING)).toBe(`${originBefore}\nGood practice: [[Good practices/Woordmuur|Woordmuur]]\n`);
    expect(path).toBe('Good practices/Woordmuur.md');
  });

  it('saves the whole note when nothing is selected: its title as default, without its frontmatter and title line', async () => {
    const app = await readyHost();
    await openInEditor(app, MEETING);
    app.runCommand('visiewijzer:save-good-practice');
    const modal = await topModal(app, CaptureModal);
    await modal.elementsShown;
    expect(el(modal.contentEl).textContent).toContain('Uit de hele notitie 2026-10-13 Studiemiddag leerteams.');
    await press(modal, 1);
    const path = await saved(app);
    expect(path).toBe('Good practices/2026-10-13 Studiemiddag leerteams.md');
    const note = app.vault.adapter.text(path)!;
    expect(note).toContain('### Leerteam pijler 1');
    expect(note).not.toContain('tags: [teamoverleg, scholing]');
    expect(note).not.toContain('# Studiemiddag leerteams 13 oktober 2026');
    expect(frontmatter(note)).not.toHaveProperty('team');
  });

  it('never overwrites a practice with the same name, and asks for a title instead of saving without one', async () => {
    const app = await readyHost();
    const existing = 'Good practices/Planbord in groep 4.md';
    const before = app.vault.adapter.text(existing);
    const modal = await captureSelection(app);
    await type(modal, 'Titel', '   ');
    await press(modal, 1);
    expect(isOpen(app, modal)).toBe(true);
    expect(el(modal.contentEl).textContent).toContain('Geef de good practice een titel.');
    await type(modal, 'Titel', 'Planbord in groep 4');
    await press(modal, 1);
    expect(await saved(app)).toBe('Good practices/Planbord in groep 4 2.md');
    expect(app.vault.adapter.text(existing)).toBe(before);
  });

  it('writes nothing when the dialog is cancelled', async () => {
    const app = await readyHost();
    const files = [...app.vault.adapter.files.keys()].filter((p) => p.endsWith('.md')).sort();
    const modal = await captureSelection(app);
    await press(modal, 0);
    expect(isOpen(app, modal)).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect([...app.vault.adapter.files.keys()].filter((p) => p.endsWith('.md')).sort()).toEqual(files);
  });
});
