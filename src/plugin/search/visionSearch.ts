/**
 * The search behind the "Search the vision and policy" command: hybrid search limited to vision and
 * policy notes, widened to all notes when those give nothing, with a line saying how it searched.
 */
import type { NoteRole } from '../../core/notes/types';
import type { SearchOptions } from '../../core/retrieval/hybridSearch';
import type { SearchHit, SearchResult } from '../../core/retrieval/searchHit';
import { t } from '../i18n/i18n';

const VISION_AND_POLICY: NoteRole[] = ['visie', 'beleid'];
/** Hits shown in the modal. */
export const SEARCH_LIMIT = 20;

export interface SearchOutcome {
  hits: SearchHit[];
  /** Shown above the results: keyword-only, still indexing, widened; null when there is nothing to say. */
  notice: string | null;
}

/** What the search needs from the index service. */
export interface SearchSource {
  search(query: string, options: SearchOptions): Promise<SearchResult | null>;
  readonly busy: boolean;
}

export async function searchVisionAndPolicy(source: SearchSource, query: string): Promise<SearchOutcome> {
  let result = await source.search(query, { k: SEARCH_LIMIT, roles: VISION_AND_POLICY });
  if (!result) return { hits: [], notice: t('search.notReady') };
  const notes: string[] = [];
  if (result.hits.length === 0) {
    const wider = await source.search(query, { k: SEARCH_LIMIT });
    if (wider && wider.hits.length > 0) {
      result = wider;
      notes.push(t('search.otherNotes'));
    }
  }
  if (result.mode === 'keyword-only') notes.push(t('search.keywordOnly'));
  if (source.busy) notes.push(t('search.indexing'));
  return { hits: result.hits, notice: notes.length > 0 ? notes.join(' ') : null };
}
