/** "Find related good practices": the practices most like the active note, filterable by typing; choosing one opens it. */
import { SuggestModal, type App } from 'obsidian';
import type { RelatedPractice } from '../../core/practices';
import { t } from '../i18n/i18n';

export class RelatedPracticesModal extends SuggestModal<RelatedPractice> {
  constructor(app: App, noteName: string, private readonly related: readonly RelatedPractice[], private readonly openPractice: (practice: RelatedPractice) => unknown) {
    super(app);
    this.emptyStateText = t('practice.related.empty');
    this.setPlaceholder(t('practice.related.placeholder', { name: noteName }));
  }

  getSuggestions(query: string): RelatedPractice[] {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    return this.related.filter((r) => {
      const haystack = [r.record.title, r.record.subject ?? '', r.record.group ?? '', ...r.record.elementTitles].join(' ').toLowerCase();
      return words.every((w) => haystack.includes(w));
    });
  }

  renderSuggestion(item: RelatedPractice, el: HTMLElement): void {
    el.addClass('visiewijzer-related');
    el.createDiv({ cls: 'visiewijzer-related-title', text: item.record.title });
    const why = item.sharedElements.length > 0 ? t('practice.related.shared', { list: item.sharedElements.join(', ') }) : t('practice.related.similar');
    const facts = [why, item.record.subject, item.record.group].filter((x): x is string => Boolean(x));
    el.createDiv({ cls: 'visiewijzer-related-meta', text: facts.join(' · ') });
  }

  onChooseSuggestion(item: RelatedPractice): void {
    void this.openPractice(item);
  }
}
