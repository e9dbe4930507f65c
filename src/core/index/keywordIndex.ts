import type { ScoredId } from './types';
import { analyzeDoc, queryTerms } from './keyword/keywordAnalyzer';
import { compactSegment } from './keyword/keywordCompaction';
import { decodeDelta, encodeDelta } from './keyword/keywordDelta';
import { KeywordIndexError } from './keyword/keywordIndexError';
import { KeywordOverlay } from './keyword/keywordOverlay';
import { scoreDocuments, ScoringScratch, type ScoringSource } from './keyword/keywordScoring';
import { KeywordSegment } from './keyword/keywordSegment';
import { selectTop } from './topScored';

export { KeywordIndexError } from './keyword/keywordIndexError';

/** What `persist` returns: the files to write (base first, then delta). */
export interface KeywordFiles {
  /** A new base segment, or null when the one on disk still holds (only the delta changed). */
  base: Uint8Array | null;
  /** The changes since the base; always written, replacing the previous delta. */
  delta: Uint8Array;
}

/** Compaction comes due when the changes since the base exceed this share of its documents or postings. */
const COMPACTION_SHARE = 0.1;

/**
 * BM25 keyword search over chunks with Dutch stemming and stop words, the heading scored as its own
 * field (weighted double) and prefix matching for longer query terms (see `keyword/bm25.ts`). Knows
 * chunk ids only; the index around it maps them to notes.
 *
 * Stored as two files: an immutable binary base segment (loads in milliseconds, postings decoded only
 * for query terms) and a small delta with the changes since, so a save after an edit writes kilobytes.
 * Once the changes outgrow about 10% of the base, `persist` compacts both into a new base.
 */
export class KeywordIndex {
  private idToBase: Map<string, number> | null = null;
  private tombstoneCount = 0;
  private baseBodyLength = 0;
  private baseHeadingLength = 0;
  private overlay = new KeywordOverlay();
  private readonly scratch = new ScoringScratch();

  private constructor(
    private segment: KeywordSegment,
    private tombstones: Uint8Array,
    /** False until the base has been written once: the first `persist` always writes it. */
    private baseSaved: boolean,
  ) {
    for (const length of segment.bodyLengths) this.baseBodyLength += length;
    for (const length of segment.headingLengths) this.baseHeadingLength += length;
  }

  /** An index with no documents and no base on disk yet. */
  static empty(): KeywordIndex {
    return new KeywordIndex(KeywordSegment.empty(), new Uint8Array(0), false);
  }

  /**
   * Opens what `persist` wrote. `delta` may be null (no changes since the base). Throws
   * `KeywordIndexError` on corrupt or foreign bytes, or when the delta does not belong to this base;
   * the caller then drops both files and rebuilds the keyword index from the notes.
   */
  static load(base: Uint8Array, delta: Uint8Array | null): KeywordIndex {
    const segment = KeywordSegment.decode(base);
    const index = new KeywordIndex(segment, new Uint8Array(segment.docCount), true);
    if (delta) index.applyDelta(delta);
    return index;
  }

  /** Identifies the base segment (a hash of its content); changes with every compaction. */
  get baseId(): string {
    return this.segment.baseId;
  }

  /** Number of live documents. */
  get size(): number {
    return this.segment.docCount - this.tombstoneCount + this.overlay.size;
  }

  /** Whether a document with this id is indexed. */
  has(id: string): boolean {
    return this.overlay.find(id) !== undefined || this.liveBaseDoc(id) >= 0;
  }

  /** Indexes a chunk's text and heading under `id`, replacing any earlier entry with that id. */
  add(id: string, text: string, heading: string): void {
    this.remove(id);
    this.overlay.add({ id, ...analyzeDoc(text, heading) });
  }

  /** Removes the entry with this id; nothing happens when there is none. */
  remove(id: string): void {
    const local = this.overlay.find(id);
    if (local !== undefined) {
      this.overlay.remove(local);
      return;
    }
    const doc = this.liveBaseDoc(id);
    if (doc >= 0) this.removeBaseDoc(doc);
  }

  /**
   * The `k` best matches, best first, equal scores ordered by id. `accept` filters by id before the
   * ranking is cut to `k` (it is only asked about documents that would make the top `k`).
   */
  search(query: string, k: number, accept?: (id: string) => boolean): ScoredId[] {
    const terms = queryTerms(query);
    if (terms.length === 0 || k <= 0) return [];
    const source: ScoringSource = {
      segment: this.segment,
      tombstones: this.tombstones,
      tombstoneCount: this.tombstoneCount,
      overlay: this.overlay,
      liveDocs: this.size,
      bodyLength: this.baseBodyLength + this.overlay.bodyLength,
      headingLength: this.baseHeadingLength + this.overlay.headingLength,
    };
    const scores = scoreDocuments(source, terms, this.scratch);
    const baseCount = this.segment.docCount;
    const idOf = (doc: number): string => (doc < baseCount ? this.segment.ids[doc]! : this.overlay.docs[doc - baseCount]!.id);
    return selectTop(scores, idOf, k, accept);
  }

  /**
   * The files to write. `base` is non-null only when a compaction happened: on the first save, with
   * `compact: true`, or when the changes since the base grew past ~10% of its documents or postings;
   * then the index continues from the new base. `delta` is always returned and is small.
   */
  persist(options: { compact?: boolean } = {}): KeywordFiles {
    let base: Uint8Array | null = null;
    if (options.compact || this.compactionDue()) {
      base = compactSegment(this.segment, this.tombstones, this.overlay);
      const fresh = KeywordIndex.load(base, null);
      this.segment = fresh.segment;
      this.tombstones = fresh.tombstones;
      this.tombstoneCount = 0;
      this.baseBodyLength = fresh.baseBodyLength;
      this.baseHeadingLength = fresh.baseHeadingLength;
      this.idToBase = null;
      this.baseSaved = true;
      this.overlay = new KeywordOverlay();
    }
    const removed: number[] = [];
    if (this.tombstoneCount > 0) this.tombstones.forEach((dead, doc) => dead && removed.push(doc));
    return { base, delta: encodeDelta({ baseId: this.segment.baseId, removed, docs: this.overlay.liveDocs() }) };
  }

  private compactionDue(): boolean {
    if (!this.baseSaved) return true;
    // A replaced document is both a tombstone and an overlay document; count it once. Overlay documents
    // removed since count too: their postings stay in memory until compaction.
    const changedDocs = Math.max(this.tombstoneCount, this.overlay.docs.length);
    return changedDocs > COMPACTION_SHARE * this.segment.docCount || this.overlay.postingCount > COMPACTION_SHARE * this.segment.postingCount;
  }

  private removeBaseDoc(doc: number): void {
    this.tombstones[doc] = 1;
    this.tombstoneCount++;
    this.baseBodyLength -= this.segment.bodyLengths[doc]!;
    this.baseHeadingLength -= this.segment.headingLengths[doc]!;
  }

  /** Base document number of a live base document, or -1. */
  private liveBaseDoc(id: string): number {
    if (!this.idToBase) {
      this.idToBase = new Map();
      const ids = this.segment.ids;
      for (let doc = 0; doc < ids.length; doc++) this.idToBase.set(ids[doc]!, doc);
    }
    const doc = this.idToBase.get(id);
    return doc === undefined || this.tombstones[doc] ? -1 : doc;
  }

  private applyDelta(bytes: Uint8Array): void {
    const delta = decodeDelta(bytes);
    if (delta.baseId !== this.segment.baseId) {
      throw new KeywordIndexError('The keyword index changes file belongs to another base (a save was interrupted); the keyword index will be rebuilt.');
    }
    for (const doc of delta.removed) {
      if (doc >= this.segment.docCount || this.tombstones[doc]) throw new KeywordIndexError('The keyword index changes file names documents its base does not have; the keyword index will be rebuilt.');
      this.removeBaseDoc(doc);
    }
    // Checked by a scan rather than through the id map, which opening should not have to build.
    const added = new Set<string>();
    for (const doc of delta.docs) {
      if (added.has(doc.id)) throw duplicate(doc.id);
      added.add(doc.id);
      this.overlay.add(doc);
    }
    if (added.size === 0) return;
    const ids = this.segment.ids;
    for (let doc = 0; doc < ids.length; doc++) if (!this.tombstones[doc] && added.has(ids[doc]!)) throw duplicate(ids[doc]!);
  }
}

function duplicate(id: string): KeywordIndexError {
  return new KeywordIndexError(`The keyword index changes file adds ${JSON.stringify(id)} twice; the keyword index will be rebuilt.`);
}
