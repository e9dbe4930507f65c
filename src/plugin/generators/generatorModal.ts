/**
 * The one dialog of the five generators: pick the vision elements (at least one), and where the kind
 * needs them a subject, group, form and levels, and whether the language model helps. While it runs it
 * shows progress and a stop button; a finished run writes a new note and opens it. Nothing is written
 * when the run is stopped, declined at the preview, or fails.
 */
import { Modal, Setting, type App, type ButtonComponent } from 'obsidian';
import type { GeneratorContext, GeneratorKind } from '../../core/generators';
import { currentLanguage, t, type MessageKey } from '../i18n/i18n';
import { notify, reportError } from '../messages';
import { isProviderError } from '../../core/llm/providerError';
import { choiceFrom, fieldsFor, initialState, missingChoice, type GeneratorFormState, type GeneratorPreset } from './generatorForm';
import type { GeneratorOutcome, GeneratorService } from './generatorService';

export type { GeneratorPreset };

/** The title and intro keys per kind; kijkwijzer and flitsbezoek share the observation-form dialog. */
const TEXT: Record<GeneratorKind, { title: MessageKey; intro: MessageKey }> = {
  indicators: { title: 'generator.title.indicators', intro: 'generator.intro.indicators' },
  kijkwijzer: { title: 'generator.title.form', intro: 'generator.intro.form' },
  flitsbezoek: { title: 'generator.title.form', intro: 'generator.intro.form' },
  lesideeen: { title: 'generator.title.lesideeen', intro: 'generator.intro.lesideeen' },
  reflectie: { title: 'generator.title.reflectie', intro: 'generator.intro.reflectie' },
  vakvoorbeelden: { title: 'generator.title.vakvoorbeelden', intro: 'generator.intro.vakvoorbeelden' },
};

/** Opens the generator dialog for `kind`; `preset` ticks elements and takes subject and group from a lesson plan. */
export function openGeneratorModal(app: App, deps: GeneratorService, kind: GeneratorKind, preset?: GeneratorPreset): GeneratorModal {
  const modal = new GeneratorModal(app, deps, kind, preset);
  modal.open();
  return modal;
}

export class GeneratorModal extends Modal {
  private state: GeneratorFormState | null = null;
  private context: GeneratorContext | null = null;
  private controller: AbortController | null = null;
  /** Set when the dialog closes (Obsidian documents no "is open" flag). */
  private closed = false;
  private submitButton: ButtonComponent | null = null;
  private cancelButton: ButtonComponent | null = null;
  private hintEl: HTMLElement | null = null;
  private progressEl: HTMLElement | null = null;
  /** Rows shown or hidden as the kind, form or mode change. */
  private readonly rows: { el: HTMLElement; visible: (state: GeneratorFormState) => boolean }[] = [];
  /** The running generation, for tests and callers that want to wait for it; null before the first click. */
  running: Promise<GeneratorOutcome | null> | null = null;

  constructor(
    app: App,
    private readonly service: GeneratorService,
    private readonly kind: GeneratorKind,
    private readonly preset?: GeneratorPreset,
  ) {
    super(app);
  }

  override async onOpen(): Promise<void> {
    const { contentEl } = this;
    contentEl.addClass('visiewijzer-generator');
    this.setTitle(t(TEXT[this.kind].title));
    contentEl.createEl('p', { text: t(TEXT[this.kind].intro) });
    const loading = contentEl.createEl('p', { cls: 'visiewijzer-generator-status', text: t('generator.loading') });
    try {
      this.context = await this.service.loadContext();
    } catch (error) {
      reportError(error, 'error.generatorVault');
      this.close();
      return;
    }
    loading.remove();
    if (this.closed) return;
    const context = this.context;
    if (context.vault.elements.length === 0) {
      contentEl.createEl('p', { cls: 'visiewijzer-generator-status', text: t('generator.noElements', { folder: this.service.visionFolder() }) });
      new Setting(contentEl).addButton((b) => b.setButtonText(t('generator.cancel')).onClick(() => this.close()));
      return;
    }
    const plan = this.preset?.planPath ? context.vault.notes.get(this.preset.planPath) : undefined;
    if (this.preset?.planPath) contentEl.createEl('p', { text: t('generator.plan', { name: this.preset.planPath.replace(/^.*\//, '').replace(/\.md$/i, '') }) });
    this.state = initialState(this.kind, context.vault.elements, this.preset, plan, this.service.alwaysPreview());
    this.drawForm(this.state, context);
    this.refresh();
  }

  override onClose(): void {
    this.closed = true;
    // Closing while it runs stops it: nothing is written after the dialog is gone.
    this.controller?.abort();
    this.contentEl.empty();
  }

  private row(setting: Setting, visible: (state: GeneratorFormState) => boolean): Setting {
    this.rows.push({ el: setting.settingEl, visible });
    return setting;
  }

  private drawForm(state: GeneratorFormState, context: GeneratorContext): void {
    const { contentEl } = this;
    new Setting(contentEl).setName(t('generator.elements.name')).setDesc(t('generator.elements.desc')).setHeading();
    for (const element of context.vault.elements) {
      new Setting(contentEl)
        .setName(element.title)
        .setDesc(element.path.replace(/\.md$/i, ''))
        .setClass('visiewijzer-generator-element')
        .addToggle((toggle) =>
          toggle.setValue(state.elements.has(element.id)).onChange((on) => {
            if (on) state.elements.add(element.id);
            else state.elements.delete(element.id);
            this.refresh();
          }),
        );
    }
    this.row(new Setting(contentEl).setName(t('generator.form.name')), (s) => fieldsFor(s).form).addDropdown((dropdown) =>
      dropdown
        .addOption('kijkwijzer', t('generator.form.kijkwijzer'))
        .addOption('flitsbezoek', t('generator.form.flitsbezoek'))
        .setValue(state.kind)
        .onChange((value) => {
          state.kind = value === 'flitsbezoek' ? 'flitsbezoek' : 'kijkwijzer';
          this.refresh();
        }),
    );
    this.row(new Setting(contentEl).setName(t('generator.icalt.name')).setDesc(t('generator.icalt.desc')), (s) => fieldsFor(s).icalt).addToggle((toggle) =>
      toggle.setValue(state.icalt).onChange((on) => (state.icalt = on)),
    );
    this.row(new Setting(contentEl).setName(t('generator.subject.name')).setDesc(t('generator.subject.desc')), (s) => fieldsFor(s).subject).addText((text) =>
      text.setValue(state.subject).onChange((value) => (state.subject = value)),
    );
    this.row(new Setting(contentEl).setName(t('generator.subjects.name')).setDesc(t('generator.subjects.desc')), (s) => fieldsFor(s).subjects).addText((text) =>
      text.setValue(state.subjects).onChange((value) => {
        state.subjects = value;
        this.refresh();
      }),
    );
    new Setting(contentEl).setName(t('generator.group.name')).setDesc(t('generator.group.desc')).addText((text) =>
      text.setValue(state.group).onChange((value) => (state.group = value)),
    );
    this.drawModeRows(state);
    this.hintEl = contentEl.createEl('p', { cls: 'visiewijzer-generator-hint' });
    this.progressEl = contentEl.createEl('p', { cls: 'visiewijzer-generator-progress' });
    this.progressEl.hide();
    new Setting(contentEl)
      .addButton((button) => {
        this.cancelButton = button;
        button.setButtonText(t('generator.cancel')).onClick(() => this.cancelOrStop());
      })
      .addButton((button) => {
        this.submitButton = button;
        button.setButtonText(t('generator.submit')).setCta().onClick(() => void this.submit());
      });
  }

  private drawModeRows(state: GeneratorFormState): void {
    const { contentEl } = this;
    const model = this.service.configuredModel();
    new Setting(contentEl)
      .setName(t('generator.mode.name'))
      .setDesc(t(model ? 'generator.mode.desc' : 'generator.mode.noModel'))
      .addDropdown((dropdown) => {
        dropdown.addOption('extractive', t('generator.mode.extractive'));
        if (model) dropdown.addOption('model', t('generator.mode.model', { model }));
        dropdown.setValue(state.mode).onChange((value) => {
          state.mode = value === 'model' && model ? 'model' : 'extractive';
          this.refresh();
        });
      });
    this.row(new Setting(contentEl).setName(t('generator.levels.name')).setDesc(t('generator.levels.desc')), (s) => fieldsFor(s).levels).addToggle((toggle) =>
      toggle.setValue(state.levels).onChange((on) => (state.levels = on)),
    );
    this.row(new Setting(contentEl).setName(t('ask.preview.name')).setDesc(t('ask.preview.desc')), (s) => s.mode === 'model').addToggle((toggle) =>
      toggle.setValue(state.preview).onChange((on) => (state.preview = on)),
    );
  }

  /** Shows the rows the current choices need, and why the button is off when it is. */
  private refresh(): void {
    const state = this.state;
    if (!state) return;
    for (const row of this.rows) row.el.toggle(row.visible(state));
    const missing = missingChoice(state);
    this.hintEl?.setText(missing ? t(missing) : '');
    this.submitButton?.setDisabled(missing !== null || this.controller !== null);
  }

  private cancelOrStop(): void {
    if (this.controller) this.controller.abort();
    else this.close();
  }

  private submit(): Promise<GeneratorOutcome | null> {
    const { state, context } = this;
    if (!state || !context || this.controller || missingChoice(state)) return Promise.resolve(null);
    const controller = new AbortController();
    this.controller = controller;
    this.refresh();
    this.cancelButton?.setButtonText(t('generator.stop'));
    this.progressEl?.show();
    this.progressEl?.setText(t('generator.working'));
    const onProgress = (done: number, total: number): void => this.progressEl?.setText(t('generator.progress', { done, total }));
    this.running = this.service
      .run(choiceFrom(state, context.vault.elements), context, controller.signal, onProgress)
      .then(
        (outcome) => {
          this.report(outcome);
          if (outcome.status === 'written') this.close();
          return outcome;
        },
        (error: unknown) => {
          if (isProviderError(error)) notify(error.messageIn(currentLanguage()));
          else reportError(error, 'error.generate');
          return null;
        },
      )
      .finally(() => {
        this.controller = null;
        // Written: the note is open now. Otherwise the choices stay, to change or try again.
        if (this.closed) return;
        this.cancelButton?.setButtonText(t('generator.cancel'));
        this.progressEl?.hide();
        this.refresh();
      });
    return this.running;
  }

  private report(outcome: GeneratorOutcome): void {
    if (outcome.status === 'written') notify(t('generator.done', { path: outcome.path }));
    else if (outcome.status === 'stopped') notify(t('generator.stopped'));
    else if (outcome.status === 'not-sent') notify(t('generator.notSent'));
    else notify(t('generator.noModel'));
  }
}
