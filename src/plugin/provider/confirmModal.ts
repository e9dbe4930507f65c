/** A yes/no question in a dialog; closing it any other way counts as no. */
import { Modal, Setting, type App } from 'obsidian';

export interface ConfirmText {
  title: string;
  message: string;
  confirm: string;
  cancel: string;
}

/** Resolves true only when the user clicked the confirm button. */
export function confirm(app: App, text: ConfirmText): Promise<boolean> {
  return new Promise((resolve) => new ConfirmModal(app, text, resolve).open());
}

export class ConfirmModal extends Modal {
  private confirmed = false;

  constructor(app: App, private readonly text: ConfirmText, private readonly decide: (confirmed: boolean) => void) {
    super(app);
  }

  override onOpen(): void {
    this.setTitle(this.text.title);
    this.contentEl.createEl('p', { text: this.text.message });
    new Setting(this.contentEl)
      .addButton((button) => button.setButtonText(this.text.cancel).onClick(() => this.close()))
      .addButton((button) =>
        button
          .setButtonText(this.text.confirm)
          // `setWarning` is deprecated from 1.13 and `setDestructive` is new in it; the class works in both.
          .then((b) => b.buttonEl.addClass('mod-warning'))
          .onClick(() => {
            this.confirmed = true;
            this.close();
          }),
      );
  }

  override onClose(): void {
    this.contentEl.empty();
    this.decide(this.confirmed);
  }
}
