/**
 * "Save as good practice": asks title, subject, group, teacher or team (optional, personal data),
 * a short description, and the vision elements it embodies (suggested, the likely ones ticked). The
 * origin note gets a backlink only when the user switches that on.
 */
import { Modal, Setting, type App } from 'obsidian';
import { preselectedIds, type ElementSuggestion } from '../../core/practices';
import { t } from '../i18n/i18n';
import { renderElementToggles } from './elementToggles';

/** What the user confirmed. */
export interface CaptureRequest {
  title: string;
  subject: string;
  group: string;
  /** Personal data: goes into the new note's frontmatter only. */
  team: string;
  description: string;
  /** Ticked element ids, in the order shown. */
  elementIds: string[];
  /** Append a line linking to the new note at the end of the origin note. */
  backlink: boolean;
}

export interface CaptureContext {
  /** Name of the note the text comes from, for the intro and the backlink toggle; null without one. */
  originName: string | null;
  fromSelection: boolean;
  defaults: { title: string; subject: string; group: string };
  /** The elements, best first; the dialog opens at once and shows them when they arrive. */
  suggestions: Promise<ElementSuggestion[]>;
  /** Role folder of vision notes, for the message when the vault has none. */
  visionFolder: string;
}

/** Resolves with the confirmed request, or null when the dialog was closed without saving. */
export function captureDialog(app: App, context: CaptureContext): Promise<CaptureRequest | null> {
  return new Promise((resolve) => new CaptureModal(app, context, resolve).open());
}

export class CaptureModal extends Modal {
  private request: CaptureRequest | null = null;
  private readonly values: Omit<CaptureRequest, 'elementIds' | 'description'>;
  private readonly selected = new Set<string>();
  private order: string[] = [];
  /** The description field (tests type into it). */
  descriptionEl: HTMLTextAreaElement | null = null;
  private errorEl: HTMLElement | null = null;
  /** Settles when the element toggles are drawn (or the suggestions failed). */
  elementsShown: Promise<void> = Promise.resolve();

  constructor(app: App, private readonly context: CaptureContext, private readonly done: (request: CaptureRequest | null) => void) {
    super(app);
    this.values = { ...context.defaults, team: '', backlink: false };
  }

  override onOpen(): void {
    const { contentEl, context } = this;
    this.setTitle(t('practice.capture.title'));
    if (context.originName) contentEl.createEl('p', { text: t(context.fromSelection ? 'practice.capture.fromSelection' : 'practice.capture.fromNote', { name: context.originName }) });
    this.textField(t('practice.field.title'), 'title');
    this.textField(t('practice.field.subject'), 'subject');
    this.textField(t('practice.field.group'), 'group');
    this.textField(t('practice.field.team'), 'team', t('practice.field.teamDesc'));
    const description = new Setting(contentEl).setName(t('practice.field.description')).setClass('visiewijzer-practice-description');
    this.descriptionEl = description.controlEl.createEl('textarea', { attr: { rows: 3 } });

    new Setting(contentEl).setName(t('practice.elements.heading')).setDesc(t('practice.elements.desc')).setHeading();
    const elementsEl = contentEl.createDiv({ cls: 'visiewijzer-practice-elements' });
    const loading = elementsEl.createEl('p', { cls: 'visiewijzer-practice-muted', text: t('practice.elements.loading') });
    this.elementsShown = context.suggestions.then(
      (suggestions) => {
        loading.remove();
        if (suggestions.length === 0) elementsEl.createEl('p', { cls: 'visiewijzer-practice-muted', text: t('practice.elements.none', { folder: context.visionFolder }) });
        this.order = suggestions.map((s) => s.id);
        for (const id of preselectedIds(suggestions)) this.selected.add(id);
        renderElementToggles(elementsEl, suggestions, this.selected);
      },
      () => loading.setText(t('practice.elements.failed')),
    );

    if (context.originName) {
      new Setting(contentEl)
        .setName(t('practice.backlink.name'))
        .setDesc(t('practice.backlink.desc', { name: context.originName }))
        .addToggle((toggle) => toggle.setValue(false).onChange((on) => (this.values.backlink = on)));
    }
    this.errorEl = contentEl.createEl('p', { cls: 'visiewijzer-practice-error' });
    new Setting(contentEl)
      .addButton((button) => button.setButtonText(t('practice.cancel')).onClick(() => this.close()))
      .addButton((button) => button.setButtonText(t('practice.save')).setCta().onClick(() => this.submit()));
  }

  override onClose(): void {
    this.contentEl.empty();
    this.done(this.request);
  }

  private textField(name: string, key: 'title' | 'subject' | 'group' | 'team', desc?: string): void {
    const setting = new Setting(this.contentEl).setName(name);
    if (desc) setting.setDesc(desc);
    setting.addText((text) => text.setValue(this.values[key]).onChange((value) => (this.values[key] = value)));
  }

  private submit(): void {
    const title = this.values.title.trim();
    if (title === '') {
      this.errorEl?.setText(t('practice.titleRequired'));
      return;
    }
    this.request = {
      ...this.values,
      title,
      subject: this.values.subject.trim(),
      group: this.values.group.trim(),
      team: this.values.team.trim(),
      description: this.descriptionEl?.value.trim() ?? '',
      elementIds: this.order.filter((id) => this.selected.has(id)),
    };
    this.close();
  }
}
