/**
 * Opens the `VisionIndex` with the language model when it can be had, and otherwise keyword-only, with a
 * notice either way (never a silent fallback): the model missing, the chooser failing and the model
 * failing to load all end in a working keyword index.
 */
import { VisionIndex } from '../../core/visionIndex';
import type { Embedder, IndexStorage } from '../../core/index/types';
import type { NoteSource } from '../../core/notes/types';
import type { RoleFolders } from '../../core/notes/roles';
import { t } from '../i18n/i18n';
import { errorSummary, notify } from '../messages';
import type { EmbedderChoice } from './embedderChoice';
import { GuardedEmbedder } from './guardedEmbedder';

export interface IndexParts {
  storage: IndexStorage;
  source: NoteSource;
  folders: RoleFolders;
}

export interface OpenedIndex {
  index: VisionIndex;
  /** The (guarded) model in use; null when keyword-only. The caller must dispose it. */
  embedder: Embedder | null;
}

/**
 * Returns null when the caller went away meanwhile (`stillWanted()` false); then nothing is left running.
 * Throws only when not even a keyword-only index can be opened (its storage failed).
 */
export async function openIndex(parts: IndexParts, choose: () => Promise<EmbedderChoice>, stillWanted: () => boolean): Promise<OpenedIndex | null> {
  let choice: EmbedderChoice;
  try {
    choice = await choose();
  } catch (error) {
    choice = { embedder: null, notice: t('notice.modelFailed', { detail: errorSummary(error) }) };
  }
  if (!stillWanted()) {
    await choice.embedder?.dispose();
    return null;
  }
  if (choice.notice) notify(choice.notice);
  const embedder = choice.embedder ? new GuardedEmbedder(choice.embedder) : null;
  let opened: OpenedIndex;
  try {
    opened = { index: await VisionIndex.open({ ...parts, embedder }), embedder };
  } catch (error) {
    await embedder?.dispose();
    if (!embedder) throw error;
    notify(t('notice.modelFailed', { detail: errorSummary(error) }));
    opened = { index: await VisionIndex.open({ ...parts, embedder: null }), embedder: null };
  }
  if (stillWanted()) return opened;
  await opened.embedder?.dispose();
  return null;
}

/** Opens keyword-only, for when the model stopped working after it was opened. */
export function openKeywordOnly(parts: IndexParts): Promise<VisionIndex> {
  return VisionIndex.open({ ...parts, embedder: null });
}
