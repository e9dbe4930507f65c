/**
 * "Related good practices" in the "Visiecheck" sidebar: for the checked note, the practices filed under
 * the elements it shows (strong or partial in the check) or written in the same words, at most five, as
 * a section folded shut by default. Each is a link that opens the practice note. Nothing is drawn when
 * there are none. The view only computes the list and draws it; the ranking is the core's.
 */
import { setIcon } from 'obsidian';
import type { LessonCheckReport, LessonCheckVault } from '../../core/lessonCheck';
import type { ParsedNote } from '../../core/notes/types';
import { overviewPathFor, practiceRecords, relatedPractices, type PracticeRecord, type RelatedPractice } from '../../core/practices';
import { t } from '../i18n/i18n';

/** How many related practices the sidebar lists. */
export const RELATED_LIMIT = 5;

/** The parts of the check's prepared vault the section reads. */
export type RelatedVault = Pick<LessonCheckVault, 'practices' | 'elements'>;

/** What the section needs from the view: whether it is unfolded, and what to do on a fold or a click. */
export interface RelatedSectionActions {
  /** Unfolded; the section starts folded. */
  open: boolean;
  toggle(open: boolean): void;
  /** Opens the practice note at `path`. */
  openPractice(path: string): void;
}

/** Records per prepared vault: the vault is read again (a new object) whenever a practice or the vision changes. */
const recordCache = new WeakMap<RelatedVault, { overview: string; docs: { record: PracticeRecord; note: ParsedNote }[] }>();

/**
 * The practices related to the checked note `plan`, best first, at most `limit`: sharing an element the
 * check found strong or partial, or similar in content. The overview note in `practicesFolder` is no
 * practice, and a practice is never related to itself.
 */
export function relatedToCheck(vault: RelatedVault, report: LessonCheckReport, plan: ParsedNote, practicesFolder: string, limit = RELATED_LIMIT): RelatedPractice[] {
  if (vault.practices.length === 0) return [];
  const docs = practiceDocs(vault, overviewPathFor(practicesFolder));
  const elementIds = report.elements.filter((e) => e.status === 'strong' || e.status === 'partial').map((e) => e.id);
  const text = [plan.title, ...plan.sections.map((s) => `${s.heading ?? ''}\n${s.text}`)].join('\n');
  return relatedPractices({ path: plan.path, elementIds, text }, docs, limit);
}

/** Draws the section at the end of `parent`; draws nothing when `related` is empty. */
export function renderRelatedSection(parent: HTMLElement, related: readonly RelatedPractice[], actions: RelatedSectionActions): void {
  if (related.length === 0) return;
  const section = parent.createDiv({ cls: 'visiewijzer-related-section' });
  const details = section.createEl('details');
  if (actions.open) details.setAttr('open', '');
  details.addEventListener('toggle', () => actions.toggle(details.open));
  const summary = details.createEl('summary', { cls: 'visiewijzer-related-summary' });
  setIcon(summary.createSpan({ cls: 'visiewijzer-check-icon' }), 'library');
  summary.createSpan({ cls: 'visiewijzer-related-heading', text: t('practice.related.sidebarHeading') });
  summary.createSpan({ cls: 'visiewijzer-related-count', text: ` (${related.length})` });
  const list = details.createEl('ul', { cls: 'visiewijzer-related-list' });
  for (const item of related) {
    const li = list.createEl('li', { cls: 'visiewijzer-related-item', attr: { 'data-path': item.record.path } });
    const target = item.record.path.replace(/\.md$/i, '');
    const link = li.createEl('a', { cls: 'internal-link', text: item.record.title, attr: { 'data-href': target, href: target, title: t('practice.related.openTitle', { name: item.record.title }) } });
    link.addEventListener('click', (event: MouseEvent) => {
      event.preventDefault();
      actions.openPractice(item.record.path);
    });
    const why = item.sharedElements.length > 0 ? t('practice.related.shared', { list: item.sharedElements.join(', ') }) : t('practice.related.similar');
    const facts = [why, item.record.subject, item.record.group].filter((x): x is string => Boolean(x));
    li.createDiv({ cls: 'visiewijzer-related-meta', text: facts.join(' · ') });
  }
}

function practiceDocs(vault: RelatedVault, overviewPath: string): { record: PracticeRecord; note: ParsedNote }[] {
  const cached = recordCache.get(vault);
  if (cached && cached.overview === overviewPath) return cached.docs;
  const byPath = new Map(vault.practices.map((note) => [note.path, note]));
  const docs = practiceRecords(vault.practices, vault.elements, [overviewPath]).flatMap((record) => {
    const note = byPath.get(record.path);
    return note ? [{ record, note }] : [];
  });
  recordCache.set(vault, { overview: overviewPath, docs });
  return docs;
}
