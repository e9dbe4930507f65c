/** Opens a search hit's note with the passage's first line in view. */
import type { Vault, Workspace } from 'obsidian';
import type { SearchHit } from '../../core/retrieval/searchHit';
import { t } from '../i18n/i18n';
import { notify } from '../messages';

/**
 * Opens `hit.path` in the current tab (a new one when it is pinned) and scrolls to the hit. Obsidian's
 * markdown view reads `eState.line` (0-based) the way its own search results do. False when the note is gone.
 */
export async function openPassage(workspace: Pick<Workspace, 'getLeaf'>, vault: Pick<Vault, 'getFileByPath'>, hit: Pick<SearchHit, 'path' | 'startLine'>): Promise<boolean> {
  const file = vault.getFileByPath(hit.path);
  if (!file) {
    notify(t('search.noteGone', { path: hit.path }));
    return false;
  }
  const line = Math.max(0, hit.startLine - 1);
  await workspace.getLeaf(false).openFile(file, { active: true, eState: { line } });
  return true;
}
