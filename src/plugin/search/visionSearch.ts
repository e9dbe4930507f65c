/**
 * The search behind the "Search the vision and policy" command: hybrid search limited to vision and
 * policy notes, widened to all notes when those give nothing, with a line saying how it searched. A
 * query that starts with `praktijk:` (or `practice:`) searches the good practices only, never widened.
 */
import type { NoteRole } from '../../core/notes/types';
import type { SearchOptions } from '../../core/retrieval/hybridSearch';
import type { SearchHit, SearchResult } from '../../core/retrieval/searchHit';
import { OVERVIEW_NAME } from '../../core/practices/practicesVault';
import { t } from '../i18n/i18n';

const VISION_AND_POLICY: NoteRole[] = ['visie', 'beleid'];
const PRACTICES: NoteRole[] = ['praktijk'];
/** Either prefix works in either language, so a leader who switches the UI language keeps their habit. */
const PRACTICE_PREFIX = /^\s*(?:praktijk|practice)\s*:\s*/i;
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

/** The query without its filter prefix, and whether it asks for good practices only. */
export function searchFilter(query: string): { practicesOnly: boolean; text: string } {
  const match = PRACTICE_PREFIX.exec(query);
  return match ? { practicesOnly: true, text: query.slice(match[0].length).trim() } : { practicesOnly: false, text: query };
}

export async function searchVisionAndPolicy(source: SearchSource, query: string): Promise<SearchOutcome> {
  const filter = searchFilter(query);
  if (filter.practicesOnly) return searchPractices(source, filter.text);
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

/** Good practices only (role `praktijk`): no widening, since "practices only" is what the user asked. */
async function searchPractices(source: SearchSource, query: string): Promise<SearchOutcome> {
  if (query === '') return { hits: [], notice: t('search.practicesNeedQuery') };
  // Room for passages of the generated overview, which sits in the practices folder but is no practice.
  const result = await source.search(query, { k: SEARCH_LIMIT * 2, roles: PRACTICES });
  if (!result) return { hits: [], notice: t('search.notReady') };
  const hits = result.hits.filter((hit) => !isOverview(hit.path)).slice(0, SEARCH_LIMIT);
  const notes = [t('search.practicesOnly')];
  if (result.mode === 'keyword-only') notes.push(t('search.keywordOnly'));
  if (source.busy) notes.push(t('search.indexing'));
  return { hits, notice: notes.join(' ') };
}

function isOverview(path: string): boolean {
  const name = path.split('/').pop() ?? path;
  return name.toLowerCase() === OVERVIEW_NAME.toLowerCase();
}
