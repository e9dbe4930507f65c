import type { AnalyzedDoc } from './keywordAnalyzer';

/** One document added since the base was written. */
export interface OverlayDoc extends AnalyzedDoc {
  id: string;
}

/** Postings of one term in the overlay, in ascending local document number. */
export interface OverlayPostings {
  docs: number[];
  bodyTfs: number[];
  headingTfs: number[];
}

/**
 * The mutable, in-memory part of the keyword index: documents added since the base segment, with their
 * own small inverted index. Local document numbers count from 0 in the order added. A removed document
 * only loses its slot (`docs[n]` becomes null); its postings stay, skipped at search time, until the next
 * compaction folds base and overlay into a new base. `postingCount` counts those leftovers too, so that
 * compaction comes due however the overlay grows.
 */
export class KeywordOverlay {
  /** Documents by local number; null once removed or replaced. */
  readonly docs: (OverlayDoc | null)[] = [];
  private readonly byId = new Map<string, number>();
  private readonly index = new Map<string, OverlayPostings>();
  private live = 0;
  private liveBodyLength = 0;
  private liveHeadingLength = 0;
  private postings = 0;

  /** Live documents. */
  get size(): number {
    return this.live;
  }

  /** Sum of the live documents' body lengths. */
  get bodyLength(): number {
    return this.liveBodyLength;
  }

  /** Sum of the live documents' heading lengths. */
  get headingLength(): number {
    return this.liveHeadingLength;
  }

  /** Postings written to the overlay so far, including those of removed documents. */
  get postingCount(): number {
    return this.postings;
  }

  /** Local number of the live document `id`, or undefined. */
  find(id: string): number | undefined {
    return this.byId.get(id);
  }

  /** Adds a document (its id must not be live here) and returns its local number. */
  add(doc: OverlayDoc): number {
    const local = this.docs.length;
    this.docs.push(doc);
    this.byId.set(doc.id, local);
    this.live++;
    this.liveBodyLength += doc.bodyLength;
    this.liveHeadingLength += doc.headingLength;
    this.postings += doc.terms.length;
    for (let i = 0; i < doc.terms.length; i++) {
      const term = doc.terms[i]!;
      let list = this.index.get(term);
      if (!list) {
        list = { docs: [], bodyTfs: [], headingTfs: [] };
        this.index.set(term, list);
      }
      list.docs.push(local);
      list.bodyTfs.push(doc.bodyTfs[i]!);
      list.headingTfs.push(doc.headingTfs[i]!);
    }
    return local;
  }

  remove(local: number): void {
    const doc = this.docs[local];
    if (!doc) return;
    this.docs[local] = null;
    this.byId.delete(doc.id);
    this.live--;
    this.liveBodyLength -= doc.bodyLength;
    this.liveHeadingLength -= doc.headingLength;
  }

  isLive(local: number): boolean {
    return this.docs[local] != null;
  }

  postingsOf(term: string): OverlayPostings | undefined {
    return this.index.get(term);
  }

  /** Every term the overlay has seen that starts with `prefix` (unsorted). */
  termsWithPrefix(prefix: string): string[] {
    const found: string[] = [];
    for (const term of this.index.keys()) if (term.startsWith(prefix)) found.push(term);
    return found;
  }

  /** Every term the overlay has seen, sorted. */
  sortedTerms(): string[] {
    return [...this.index.keys()].sort();
  }

  /** The live documents in local order. */
  liveDocs(): OverlayDoc[] {
    return this.docs.filter((doc): doc is OverlayDoc => doc !== null);
  }
}
