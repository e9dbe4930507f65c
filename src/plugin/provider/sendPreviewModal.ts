/**
 * Shows exactly what will leave the computer before a language model is called: the prompt as it will
 * be sent, each redaction marked (its original only as a tooltip, on this screen). Nothing is sent
 * unless the user clicks Send; closing the dialog in any other way sends nothing.
 */
import { Modal, Setting, type App } from 'obsidian';
import type { RequestPreview } from '../../core/llm/privacyGuard';
import type { PiiType } from '../../core/privacy/types';
import { t, type MessageKey } from '../i18n/i18n';

/** What the preview says about where the text goes. */
export interface PreviewTarget {
  /** `Ollama`, `OpenAI`, … */
  service: string;
  /** Host and port only. */
  host: string;
  model: string;
}

const TYPE_KEYS: Record<PiiType, MessageKey> = {
  name: 'preview.type.name',
  bsn: 'preview.type.bsn',
  email: 'preview.type.email',
  phone: 'preview.type.phone',
  address: 'preview.type.address',
  postcode: 'preview.type.postcode',
  birthdate: 'preview.type.birthdate',
  student_number: 'preview.type.studentNumber',
  iban: 'preview.type.iban',
};

/** Opens the preview; resolves true only when the user chose to send. */
export function confirmSend(app: App, preview: RequestPreview, target: PreviewTarget): Promise<boolean> {
  return new Promise((resolve) => new SendPreviewModal(app, preview, target, resolve).open());
}

export class SendPreviewModal extends Modal {
  private send = false;

  constructor(
    app: App,
    private readonly preview: RequestPreview,
    private readonly target: PreviewTarget,
    private readonly decide: (send: boolean) => void,
  ) {
    super(app);
  }

  override onOpen(): void {
    const { contentEl, preview, target } = this;
    this.setTitle(t('preview.title'));
    contentEl.addClass('visiewijzer-send-preview');
    contentEl.createEl('p', { text: t('preview.target', { service: target.service, host: target.host, model: target.model }) });
    contentEl.createEl('p', {
      text: preview.redacted ? t('preview.redactions', { count: preview.redactionCount }) : t('preview.notRedacted'),
    });
    const body = contentEl.createDiv({ cls: 'visiewijzer-send-text' });
    for (const part of preview.parts) {
      body.createDiv({ cls: 'visiewijzer-send-role', text: `[${part.role}]` });
      const block = body.createEl('pre', { cls: 'visiewijzer-send-part' });
      for (const segment of part.segments) {
        if (!segment.redacted) {
          block.createSpan({ text: segment.text });
          continue;
        }
        const kind = segment.type ? t(TYPE_KEYS[segment.type]) : '';
        block.createSpan({
          cls: 'visiewijzer-redacted',
          text: segment.text,
          attr: { title: t('preview.tooltip', { kind, original: segment.original ?? '' }) },
        });
      }
    }
    new Setting(contentEl)
      .addButton((button) => button.setButtonText(t('preview.cancel')).onClick(() => this.close()))
      .addButton((button) =>
        button
          .setButtonText(t('preview.send'))
          .setCta()
          .onClick(() => {
            this.send = true;
            this.close();
          }),
      );
  }

  override onClose(): void {
    this.contentEl.empty();
    this.decide(this.send);
  }
}
