/**
 * The AI log, readable: one block per generation, newest first, with where the text went, which
 * passages were used, and (folded) the prompt exactly as sent and the answer as it came back.
 */
import { Modal, Setting, type App } from 'obsidian';
import type { AuditEntry } from '../../core/llm/auditLog';
import { currentLanguage, t } from '../i18n/i18n';

function when(time: string): string {
  const date = new Date(time);
  return Number.isNaN(date.getTime()) ? time : date.toLocaleString(currentLanguage() === 'nl' ? 'nl-NL' : 'en-GB');
}

export class AuditLogModal extends Modal {
  constructor(
    app: App,
    private readonly entries: readonly AuditEntry[],
    private readonly path: string,
    /** Clears the log (asks first); the modal closes when it did. */
    private readonly clear: () => Promise<boolean>,
  ) {
    super(app);
  }

  override onOpen(): void {
    const { contentEl } = this;
    this.setTitle(t('log.title'));
    contentEl.addClass('visiewijzer-audit-log');
    contentEl.createEl('p', { text: t('log.location', { path: this.path, count: this.entries.length }) });
    if (this.entries.length === 0) {
      contentEl.createEl('p', { cls: 'visiewijzer-audit-empty', text: t('log.empty') });
      return;
    }
    for (const entry of this.entries) this.renderEntry(contentEl.createDiv({ cls: 'visiewijzer-audit-entry' }), entry);
    new Setting(contentEl).addButton((button) =>
      button
        .setButtonText(t('log.clear'))
        // `setWarning` is deprecated from 1.13 and `setDestructive` is new in it; the class works in both.
        .then((b) => b.buttonEl.addClass('mod-warning'))
        .onClick(async () => {
          if (await this.clear()) this.close();
        }),
    );
  }

  override onClose(): void {
    this.contentEl.empty();
  }

  private renderEntry(el: HTMLElement, entry: AuditEntry): void {
    el.createDiv({
      cls: 'visiewijzer-audit-head',
      text: t('log.entry', { time: when(entry.time), provider: entry.provider, model: entry.model, host: entry.baseUrlHost, count: entry.redactionCount }),
    });
    el.createDiv({ cls: 'visiewijzer-audit-sources', text: t('log.sources', { sources: entry.sources.join(', ') || '—' }) });
    const prompt = el.createEl('details');
    prompt.createEl('summary', { text: t('log.prompt') });
    prompt.createEl('pre', { text: entry.redactedPrompt });
    const answer = el.createEl('details');
    answer.createEl('summary', { text: t('log.answer') });
    answer.createEl('pre', { text: entry.answer });
  }
}
