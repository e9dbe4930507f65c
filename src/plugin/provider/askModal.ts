/** Asks for the question to put to the vision and policy, and whether to see what will be sent first. */
import { Modal, Setting, type App } from 'obsidian';
import { t } from '../i18n/i18n';

export interface AskRequest {
  question: string;
  /** The user asked to see the prompt before it is sent. */
  preview: boolean;
}

/** Resolves with the question, or null when the dialog was closed without asking. */
export function askQuestion(app: App, previewByDefault: boolean): Promise<AskRequest | null> {
  return new Promise((resolve) => new AskModal(app, previewByDefault, resolve).open());
}

export class AskModal extends Modal {
  private request: AskRequest | null = null;
  private preview: boolean;
  /** The question field (tests type into it). */
  inputEl: HTMLTextAreaElement | null = null;

  constructor(app: App, previewByDefault: boolean, private readonly done: (request: AskRequest | null) => void) {
    super(app);
    this.preview = previewByDefault;
  }

  override onOpen(): void {
    const { contentEl } = this;
    this.setTitle(t('ask.title'));
    contentEl.createEl('p', { text: t('ask.intro') });
    this.inputEl = contentEl.createEl('textarea', { cls: 'visiewijzer-ask-input', attr: { rows: 3, placeholder: t('ask.placeholder') } });
    new Setting(contentEl)
      .setName(t('ask.preview.name'))
      .setDesc(t('ask.preview.desc'))
      .addToggle((toggle) => toggle.setValue(this.preview).onChange((value) => (this.preview = value)));
    new Setting(contentEl)
      .addButton((button) => button.setButtonText(t('ask.cancel')).onClick(() => this.close()))
      .addButton((button) => button.setButtonText(t('ask.submit')).setCta().onClick(() => this.submit()));
  }

  override onClose(): void {
    this.contentEl.empty();
    this.done(this.request);
  }

  private submit(): void {
    const question = this.inputEl?.value.trim() ?? '';
    if (question === '') return;
    this.request = { question, preview: this.preview };
    this.close();
  }
}
