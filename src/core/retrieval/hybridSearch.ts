import type { Embedder, ScoredId } from '../index/types';
import type { IndexState, ChunkRecord } from '../index/indexState';
import type { SearchFilter, SearchHit, SearchResult } from './searchHit';
import { reciprocalRankFusion } from './reciprocalRankFusion';

export interface SearchOptions extends SearchFilter {
  /** Number of hits to return (default 10). */
  k?: number;
  /** Candidates taken from each list before fusion (default 50). */
  candidates?: number;
}

/**
 * Hybrid search: BM25 keyword hits and vector hits fused by reciprocal rank fusion. Without vectors it
 * runs keyword-only and says so in `notice`. Snippets are left empty: `withSnippets` reads them.
 */
export async function hybridSearch(state: IndexState, embedder: Embedder | null, query: string, options: SearchOptions = {}): Promise<SearchResult> {
  const k = options.k ?? 10;
  const candidates = Math.max(k, options.candidates ?? 50);
  const accept = chunkFilter(state, options);
  // Without a filter, skip the per-row check: it is most of the cost of a scan over 20,000 vectors.
  const filtered = (options.roles?.length ?? 0) > 0 || Boolean(options.folder);
  const keywordHits = state.keyword.search(query, candidates, filtered ? accept : (id) => state.chunks.has(id));

  let vectorHits: ScoredId[] = [];
  let notice: string | null = null;
  if (!embedder) {
    notice = 'Keyword search only: no embedding model is available, so passages that use other words are not found.';
  } else if (!state.vectors || state.vectors.size === 0) {
    notice = 'Keyword search only: the vector index is empty. Build the index with a model first.';
  } else {
    const [queryVector] = await embedder.embed([query], 'query');
    if (queryVector) vectorHits = vectorSearch(state, queryVector, candidates, accept, filtered);
  }

  const keywordScore = new Map(keywordHits.map((h) => [h.id, h.score]));
  const vectorScore = new Map(vectorHits.map((h) => [h.id, h.score]));
  const fused = reciprocalRankFusion([keywordHits, vectorHits]).slice(0, k);
  const hits: SearchHit[] = [];
  for (const { id, score } of fused) {
    const chunk = state.chunks.get(id);
    if (chunk) hits.push(toHit(chunk, score, keywordScore.get(id) ?? null, vectorScore.get(id) ?? null));
  }
  return { mode: notice ? 'keyword-only' : 'hybrid', notice, hits };
}

/** Vectors are stored per text hash; several chunks can share one. Expands hashes to chunk ids. */
function vectorSearch(state: IndexState, query: Float32Array, k: number, accept: (id: string) => boolean, filtered: boolean): ScoredId[] {
  const acceptHash = filtered ? (hash: string): boolean => state.chunkIdsOfHash(hash).some(accept) : (hash: string): boolean => state.hasHash(hash);
  const scored = state.vectors?.search(query, k, acceptHash) ?? [];
  return scored.flatMap((h) => state.chunkIdsOfHash(h.id).filter(accept).map((id) => ({ id, score: h.score }))).slice(0, k);
}

function chunkFilter(state: IndexState, filter: SearchFilter): (id: string) => boolean {
  const folder = filter.folder ? `${filter.folder.replace(/\/+$/, '')}/` : null;
  return (id) => {
    const chunk = state.chunks.get(id);
    if (!chunk) return false;
    if (filter.roles && filter.roles.length > 0 && (chunk.role === null || !filter.roles.includes(chunk.role))) return false;
    if (folder && !chunk.path.startsWith(folder)) return false;
    return true;
  };
}

function toHit(chunk: ChunkRecord, score: number, keywordScore: number | null, vectorScore: number | null): SearchHit {
  return {
    chunkId: chunk.id,
    path: chunk.path,
    headingPath: chunk.headingPath,
    heading: chunk.headingPath.filter(Boolean).slice(-1)[0] ?? null,
    startLine: chunk.startLine,
    endLine: chunk.endLine,
    role: chunk.role,
    score,
    keywordScore,
    vectorScore,
    snippet: '',
  };
}
