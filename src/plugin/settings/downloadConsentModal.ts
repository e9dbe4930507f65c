/**
 * Asks before anything is downloaded: says exactly which files, about how big, from which hosts, where
 * they are stored, and that nothing else leaves the computer. Nothing is fetched unless the user clicks
 * the download button.
 */
import { Modal, Setting, type App } from 'obsidian';
import type { ModelDtype, ModelFileEntry } from '../../core/embedding/modelFiles';
import { t } from '../i18n/i18n';
import { DEFAULT_MODEL_ID } from './settings';

export interface ConsentDetails {
  modelId: string;
  dtype: ModelDtype;
  ortVersion: string;
  targetDir: string;
  files: ModelFileEntry[];
}

/**
 * Approximate download size (model files plus the 14 MB onnxruntime wasm), known for the default model
 * only: q8 weights ~118 MB, fp32 ~470 MB, tokenizer ~17 MB.
 */
export function estimatedDownloadSize(modelId: string, dtype: ModelDtype): string | null {
  if (modelId !== DEFAULT_MODEL_ID) return null;
  return dtype === 'q8' ? '150 MB' : '500 MB';
}

/** Opens the consent dialog; resolves true only when the user chose to download. */
export function askDownloadConsent(app: App, details: ConsentDetails): Promise<boolean> {
  return new Promise((resolve) => new DownloadConsentModal(app, details, resolve).open());
}

export class DownloadConsentModal extends Modal {
  private agreed = false;

  constructor(app: App, private readonly details: ConsentDetails, private readonly decide: (agreed: boolean) => void) {
    super(app);
  }

  override onOpen(): void {
    const { details } = this;
    const { contentEl } = this;
    this.setTitle(t('consent.title'));
    contentEl.addClass('visiewijzer-consent');
    contentEl.createEl('p', { text: t('consent.what', { model: details.modelId, dtype: details.dtype }) });
    const size = estimatedDownloadSize(details.modelId, details.dtype);
    contentEl.createEl('p', { text: size ? t('consent.size', { size }) : t('consent.sizeUnknown') });
    contentEl.createEl('p', { text: t('consent.sources', { ort: details.ortVersion }) });
    const list = contentEl.createEl('ul', { cls: 'visiewijzer-consent-files' });
    for (const file of details.files) list.createEl('li').createEl('code', { text: file.url });
    contentEl.createEl('p', { text: t('consent.target', { dir: details.targetDir }) });
    contentEl.createEl('p', { cls: 'visiewijzer-consent-privacy', text: t('consent.privacy') });
    new Setting(contentEl)
      .addButton((button) => button.setButtonText(t('consent.cancel')).onClick(() => this.close()))
      .addButton((button) =>
        button
          .setButtonText(t('consent.confirm'))
          .setCta()
          .onClick(() => {
            this.agreed = true;
            this.close();
          }),
      );
  }

  override onClose(): void {
    this.contentEl.empty();
    this.decide(this.agreed);
  }
}
