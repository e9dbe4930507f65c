/**
 * Shared steps for the generator tests in the stub host: run a command, wait for the dialog to have read
 * the vault, tick elements, press the buttons, and read back the notes written under `Visiewijzer/`.
 */
import { ButtonComponent, DropdownComponent, Setting, TextComponent, ToggleComponent, type App, type StubElement } from '../../stubs/obsidian';
import { GeneratorModal } from '../../../src/plugin/generators/generatorModal';
import type { GeneratorOutcome } from '../../../src/plugin/generators/generatorService';
import { nl } from '../../../src/plugin/i18n/nl';
import { until } from '../helpers/exampleVault';

export const el = (x: unknown): StubElement => x as StubElement;

/** The dialog on top, once it has drawn its form (or its "no elements" message). */
export async function openedModal(app: App): Promise<GeneratorModal> {
  await until(() => app.openModals.at(-1) instanceof GeneratorModal);
  const modal = app.openModals.at(-1) as unknown as GeneratorModal;
  await until(() => !el(modal.contentEl).textContent.includes(nl['generator.loading']));
  return modal;
}

/** Runs `visiewijzer:<id>` and returns its dialog, ready to fill in. */
export async function runCommand(app: App, id: string): Promise<GeneratorModal> {
  app.runCommand(`visiewijzer:${id}`);
  return openedModal(app);
}

export function row(modal: GeneratorModal, name: string): Setting {
  return Setting.find(el(modal.contentEl), name);
}

/** Whether a row is shown (the modal hides rows a kind or mode does not need). */
export function shown(modal: GeneratorModal, name: string): boolean {
  return !row(modal, name).settingEl.hasClass('stub-hidden');
}

export async function tick(modal: GeneratorModal, ...titles: string[]): Promise<void> {
  for (const title of titles) await row(modal, title).control(ToggleComponent).simulateToggle(true);
}

export async function choose(modal: GeneratorModal, name: string, value: string): Promise<void> {
  await row(modal, name).control(DropdownComponent).simulateSelect(value);
}

export async function type(modal: GeneratorModal, name: string, value: string): Promise<void> {
  await row(modal, name).control(TextComponent).simulateInput(value);
}

/** The dialog's last row: Cancel (or Stop while running) and Create. */
export function buttons(modal: GeneratorModal): { cancel: ButtonComponent; submit: ButtonComponent } {
  const last = Setting.all(el(modal.contentEl)).at(-1)!;
  return { cancel: last.control(ButtonComponent, 0), submit: last.control(ButtonComponent, 1) };
}

/** Clicks Create and waits for the run to end. */
export async function create(modal: GeneratorModal): Promise<GeneratorOutcome | null> {
  void buttons(modal).submit.simulateClick();
  return (await modal.running) ?? null;
}

/** Paths of the notes under `Visiewijzer/`, sorted. */
export function generatedNotes(app: App): string[] {
  return [...app.vault.adapter.files.keys()].filter((p) => p.startsWith('Visiewijzer/')).sort();
}
