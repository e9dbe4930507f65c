import type { LessonCheckReport } from '../../core/lessonCheck';
import type { NoteRole } from '../../core/notes/types';
import { t } from '../i18n/i18n';

/** The lines the sidebar shows above a check: what the reader should know about this report. */
export function checkHints(report: LessonCheckReport, role: NoteRole | null, lessonFolder: string): string[] {
  const hints: string[] = [];
  if (role !== 'les') hints.push(t('check.notLessonPlan', { folder: lessonFolder }));
  // Measured on plans it had never seen, a keyword-only check misses about four in ten values shown in other words.
  if (report.mode === 'extractive' && report.matching === 'keyword-only') hints.push(t('check.keywordOnly'));
  const dropped = report.model?.droppedQuotes ?? 0;
  if (dropped > 0) hints.push(t('check.model.dropped', { count: dropped }));
  return hints;
}
