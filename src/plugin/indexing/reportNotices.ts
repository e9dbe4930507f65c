/** Turns what an index update reports into notices: each skipped note once per session, and the core's messages. */
import type { IndexReport } from '../../core/index/indexReport';
import { t } from '../i18n/i18n';
import { notify } from '../messages';

/** The core's own keyword-only message; the plugin gives its own, translated one when it opens the index. */
const CORE_KEYWORD_ONLY_PREFIX = 'No embedding model available';

export class ReportNotices {
  private readonly seenSkips = new Set<string>();

  announce(report: IndexReport): void {
    // A skipped note (too large, unreadable) is tried again on every update; say so only the first time.
    const fresh = report.skipped.filter((s) => !this.seenSkips.has(`${s.path}\n${s.reason}`));
    for (const s of fresh) this.seenSkips.add(`${s.path}\n${s.reason}`);
    const first = fresh[0];
    if (first) notify(t('notice.skipped', { count: fresh.length, path: first.path, reason: first.reason }));
    for (const message of report.messages) {
      if (!message.startsWith(CORE_KEYWORD_ONLY_PREFIX)) notify(t('notice.indexMessage', { message }));
    }
  }
}
