import MiniSearch from 'minisearch';
import type { ScoredId } from './types';
import { dutchTerm, tokenize } from './dutchText';

interface KeywordDoc {
  id: string;
  text: string;
  heading: string;
}

const OPTIONS = {
  fields: ['text', 'heading'],
  storeFields: [] as string[],
  tokenize: (text: string) => tokenize(text),
  processTerm: (term: string) => dutchTerm(term) ?? false,
  searchOptions: {
    boost: { heading: 2 },
    combineWith: 'OR' as const,
    prefix: (term: string) => term.length >= 5,
    fuzzy: (term: string) => (term.length >= 7 ? 0.15 : false),
  },
};

/**
 * BM25 keyword search over chunks with Dutch stemming and stop words (MiniSearch underneath).
 * Knows chunk ids only; the index around it maps them to notes.
 */
export class KeywordIndex {
  private constructor(private readonly search_: MiniSearch<KeywordDoc>) {}

  static empty(): KeywordIndex {
    return new KeywordIndex(new MiniSearch<KeywordDoc>(OPTIONS));
  }

  /** Restores an index saved with `toJSON`; throws when the text is not one. */
  static fromJSON(json: string): KeywordIndex {
    return new KeywordIndex(MiniSearch.loadJSON<KeywordDoc>(json, OPTIONS));
  }

  get size(): number {
    return this.search_.documentCount;
  }

  has(id: string): boolean {
    return this.search_.has(id);
  }

  add(id: string, text: string, heading: string): void {
    if (this.search_.has(id)) this.search_.discard(id);
    this.search_.add({ id, text, heading });
  }

  remove(id: string): void {
    if (this.search_.has(id)) this.search_.discard(id);
  }

  /** Best matches first. `accept` filters by id before ranking is cut to `k`. */
  search(query: string, k: number, accept?: (id: string) => boolean): ScoredId[] {
    const results = this.search_.search(query, accept ? { filter: (r) => accept(String(r.id)) } : {});
    return results.slice(0, k).map((r) => ({ id: String(r.id), score: r.score }));
  }

  toJSON(): string {
    return JSON.stringify(this.search_);
  }
}
