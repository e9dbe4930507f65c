/** The plugin in the stub host with the example vault plus the split fixture, the layout ready, and helpers to drive the dialogs. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ButtonComponent, MarkdownView, Setting, TextComponent, ToggleComponent, type App, type StubElement } from '../../stubs/obsidian';
import { exampleNotes, until } from '../helpers/exampleVault';
import { loadPlugin, statusBarText } from '../helpers/pluginHost';

export const STUDY_DAY = 'Teamoverleg/Studiedag 2026-11-04 - wat werkt bij ons.md';
export const MEETING = 'Teamoverleg/2026-10-13 Studiemiddag leerteams.md';

export function practiceNotes(): Map<string, string> {
  const notes = exampleNotes();
  notes.set(STUDY_DAY, readFileSync(fileURLToPath(new URL('../../practices/fixtures/Studiedag 2026-11-04 - wat werkt bij ons.md', import.meta.url)), 'utf8'));
  return notes;
}

/** The plugin loaded and indexed, so no background work is still starting when a test acts. */
export async function readyHost(notes = practiceNotes()): Promise<App> {
  const { app } = await loadPlugin({ notes });
  app.workspace.finishLayout();
  await until(() => statusBarText(app).startsWith('Visiewijzer: klaar'));
  return app;
}

/** Opens a note in the editor, as the user would, and returns its view. */
export async function openInEditor(app: App, path: string): Promise<MarkdownView> {
  await app.workspace.getLeaf(false).openFile(app.vault.getFileByPath(path)!);
  return app.workspace.getActiveViewOfType(MarkdownView)!;
}

/** The modal of `kind` on top, once it is open. */
export async function topModal<T>(app: App, kind: abstract new (...args: never[]) => T): Promise<T> {
  await until(() => app.openModals.at(-1) instanceof kind);
  return app.openModals.at(-1) as unknown as T;
}

export const el = (x: unknown): StubElement => x as StubElement;

export function setting(modal: { contentEl: unknown }, name: string, index = 0): Setting {
  const found = Setting.all(el(modal.contentEl)).filter((s) => s.nameEl.textContent === name)[index];
  if (!found) throw new Error(`No setting "${name}" #${index}`);
  return found;
}

export async function type(modal: { contentEl: unknown }, name: string, value: string, index = 0): Promise<void> {
  await setting(modal, name, index).control(TextComponent).simulateInput(value);
}

export function toggle(modal: { contentEl: unknown }, name: string, index = 0): ToggleComponent {
  return setting(modal, name, index).control(ToggleComponent);
}

/** Clicks button `index` of the dialog's last row (0: cancel, 1: the main action). */
export async function press(modal: { contentEl: unknown }, index: number): Promise<void> {
  await Setting.all(el(modal.contentEl)).at(-1)!.control(ButtonComponent, index).simulateClick();
}

/** Every `modify` of `path` from now on. */
export function watchModify(app: App, path: string): string[] {
  const seen: string[] = [];
  app.vault.on('modify', (file: { path: string }) => {
    if (file.path === path) seen.push(file.path);
  });
  return seen;
}
