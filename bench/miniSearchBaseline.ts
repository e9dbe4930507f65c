import MiniSearch from 'minisearch';
import type { ScoredId } from '../src/core/index/types';
import { dutchTerm, tokenize } from '../src/core/index/dutchText';

/**
 * The keyword index as it was before the binary segment format (MiniSearch with JSON persistence),
 * kept only so `bench/keywordBench.ts` can compare the two. Not used by the plugin or the CLI.
 */

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

/** MiniSearch (BM25, prefix and fuzzy matching) with Dutch stemming; saved as one JSON text. */
export class MiniSearchBaseline {
  private constructor(private readonly search_: MiniSearch<KeywordDoc>) {}

  static empty(): MiniSearchBaseline {
    return new MiniSearchBaseline(new MiniSearch<KeywordDoc>(OPTIONS));
  }

  static fromJSON(json: string): MiniSearchBaseline {
    return new MiniSearchBaseline(MiniSearch.loadJSON<KeywordDoc>(json, OPTIONS));
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

  search(query: string, k: number, accept?: (id: string) => boolean): ScoredId[] {
    const results = this.search_.search(query, accept ? { filter: (r) => accept(String(r.id)) } : {});
    return results.slice(0, k).map((r) => ({ id: String(r.id), score: r.score }));
  }

  toJSON(): string {
    return JSON.stringify(this.search_);
  }
}
