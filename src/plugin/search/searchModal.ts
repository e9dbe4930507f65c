/**
 * The search modal: type a question, see passages from the vision and policy notes (as
 * `[[note#heading]]` with a role badge, a snippet and which search found it), choose one to open the
 * note at that passage. Typing is debounced; only the latest query's results are shown.
 */
import { SuggestModal, type App } from 'obsidian';
import type { SearchHit } from '../../core/retrieval/searchHit';
import { citation } from '../../core/retrieval/citation';
import { t } from '../i18n/i18n';
import { reportError } from '../messages';
import { latestOnly, type Schedule } from './latestOnly';
import { SEARCH_LIMIT, searchFilter, type SearchOutcome } from './visionSearch';

export interface SearchModalDeps {
  search(query: string): Promise<SearchOutcome>;
  open(hit: SearchHit): Promise<unknown>;
  /** Timer for the typing debounce; returns a cancel function. */
  schedule: Schedule;
  /** Quiet time after typing before searching; default 200 ms. */
  debounceMs?: number;
}

export class VisionSearchModal extends SuggestModal<SearchHit> {
  private readonly lookup: (query: string) => Promise<SearchOutcome>;
  private readonly noticeEl: HTMLElement;

  constructor(app: App, private readonly deps: SearchModalDeps) {
    super(app);
    this.lookup = latestOnly((query: string) => deps.search(query), deps.debounceMs ?? 200, deps.schedule);
    this.limit = SEARCH_LIMIT;
    this.emptyStateText = t('search.empty');
    this.setPlaceholder(t('search.placeholderWithPractices'));
    this.setInstructions([
      { command: t('search.practicePrefix'), purpose: t('search.instructionPractices') },
      { command: '↑↓', purpose: t('search.instructionMove') },
      { command: '↵', purpose: t('search.instructionOpen') },
      { command: 'esc', purpose: t('search.instructionClose') },
    ]);
    this.noticeEl = this.modalEl.createDiv({ cls: 'visiewijzer-search-notice visiewijzer-hidden' });
    // Between the input and the results, so it is read before the list.
    this.resultContainerEl.parentElement?.insertBefore(this.noticeEl, this.resultContainerEl);
  }

  async getSuggestions(query: string): Promise<SearchHit[]> {
    const trimmed = query.trim();
    if (trimmed === '') {
      this.showNotice(null);
      return [];
    }
    // The empty state names what was searched: good practices, or vision and policy.
    this.emptyStateText = searchFilter(trimmed).practicesOnly ? t('search.practicesEmpty') : t('search.empty');
    try {
      const outcome = await this.lookup(trimmed);
      this.showNotice(outcome.notice);
      return outcome.hits;
    } catch (error) {
      reportError(error, 'error.search');
      return [];
    }
  }

  renderSuggestion(hit: SearchHit, el: HTMLElement): void {
    el.addClass('visiewijzer-hit');
    const title = el.createDiv({ cls: 'visiewijzer-hit-title' });
    title.createSpan({ cls: `visiewijzer-role visiewijzer-role-${hit.role ?? 'none'}`, text: t(hit.role ? `role.${hit.role}` : 'role.none') });
    title.createSpan({ cls: 'visiewijzer-hit-citation', text: citation(hit.path, hit.heading) });
    if (hit.snippet) el.createDiv({ cls: 'visiewijzer-hit-snippet', text: hit.snippet });
    el.createDiv({ cls: 'visiewijzer-hit-meta', text: t('search.meta', { how: foundBy(hit), start: hit.startLine, end: hit.endLine }) });
  }

  onChooseSuggestion(hit: SearchHit): void {
    void this.deps.open(hit);
  }

  private showNotice(text: string | null): void {
    this.noticeEl.setText(text ?? '');
    this.noticeEl.toggleClass('visiewijzer-hidden', !text);
  }
}

/** Which of the two searches found a hit, in words. */
export function foundBy(hit: Pick<SearchHit, 'keywordScore' | 'vectorScore'>): string {
  if (hit.keywordScore !== null && hit.vectorScore !== null) return t('search.foundBoth');
  return hit.vectorScore !== null ? t('search.foundVector') : t('search.foundKeyword');
}
