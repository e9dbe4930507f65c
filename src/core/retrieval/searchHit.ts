import type { NoteRole } from '../notes/types';

/** One passage found for a query. Lines are 1-based and inclusive. */
export interface SearchHit {
  chunkId: string;
  path: string;
  headingPath: string[];
  /** The deepest heading, for `[[note#heading]]`; null for text before the first heading. */
  heading: string | null;
  startLine: number;
  endLine: number;
  role: NoteRole | null;
  /** Fused rank score (reciprocal rank fusion); only comparable within one result list. */
  score: number;
  /** BM25 score, or null when the keyword search did not find this passage. */
  keywordScore: number | null;
  /** Cosine similarity, or null when the vector search did not run or did not find it. */
  vectorScore: number | null;
  /** A short piece of the passage, read from the note when the hit is shown. */
  snippet: string;
}

export interface SearchResult {
  mode: 'hybrid' | 'keyword-only';
  /** Set when the engine ran keyword-only, saying why, so the fallback is never silent. */
  notice: string | null;
  hits: SearchHit[];
}

export interface SearchFilter {
  roles?: NoteRole[];
  /** Only notes under this folder (vault-relative, no trailing slash). */
  folder?: string;
}
