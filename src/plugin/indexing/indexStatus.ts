/** Where the index service stands, and how the status bar says it. */
import type { IndexProgress } from '../../core/index/indexReport';
import { t } from '../i18n/i18n';

export type IndexStatus =
  /** Not started: Obsidian's layout is not ready yet. */
  | { kind: 'idle' }
  /** Opening the saved index and (if there is one) loading the model. */
  | { kind: 'loading' }
  | { kind: 'indexing'; phase: IndexProgress['phase']; done: number; total: number; paused: boolean }
  | { kind: 'ready'; mode: 'hybrid' | 'keyword-only'; notes: number; chunks: number }
  /** The user stopped indexing; automatic updates wait until asked again. */
  | { kind: 'stopped' }
  | { kind: 'failed'; message: string };

/** The status bar text for a status. */
export function statusText(status: IndexStatus): string {
  switch (status.kind) {
    case 'idle':
      return t('status.idle');
    case 'loading':
      return t('status.loading');
    case 'indexing': {
      const counts = { done: status.done, total: status.total };
      if (status.paused) return t('status.paused', counts);
      if (status.phase === 'saving') return t('status.saving');
      return t(status.phase === 'embedding' ? 'status.embedding' : 'status.reading', counts);
    }
    case 'ready':
      return t(status.mode === 'hybrid' ? 'status.readyHybrid' : 'status.readyKeyword');
    case 'stopped':
      return t('status.stopped');
    case 'failed':
      return t('status.failed');
  }
}
