import type { IndexStorage } from './types';
import { VectorStore } from './vectorStore';
import { decodeVectorFilesWithMeta, encodeVectorFiles, IndexFormatError, VECTORS_FILE, VECTORS_META_FILE } from './vectorFile';

export const VECTORS_DELTA_FILE = 'vectors-delta.bin';
export const VECTORS_DELTA_META_FILE = 'vectors-delta.json';

/** The embedder the vectors came from. */
export interface VectorModel {
  modelId: string;
  fingerprint: string;
  dim: number;
}

/** Rewrite the base once the vectors added or dropped since then pass this share of it. */
const COMPACT_SHARE = 0.1;
const MIN_DELTA_BEFORE_COMPACT = 256;

/**
 * Keeps the vectors on disk as a large base file plus a small delta of the vectors added since. An update
 * that embeds a few chunks writes only the delta, so saving stays fast on a large vault; the base is
 * rewritten when the delta (or the garbage in the base) grows past 10 %. The delta names the checksum of
 * the base it extends: a delta left over from a crash between two writes is ignored, never mixed in, and
 * the chunks it held are simply embedded again.
 */
export class VectorFiles {
  private baseChecksum: string | null = null;
  /** Ids in the base file: an array at load (cheap), made a set when a save first needs it. */
  private baseIdList: readonly string[] = [];
  private baseIdSet: Set<string> | null = new Set();

  /**
   * Names the exact files last loaded or saved (base and delta checksums), so the index can tell
   * whether they are the ones saved together with its state file. Null when no file is in use.
   */
  stamp: string | null = null;

  /** The base file's row hash, left for `verifyPending` by a load that deferred it. */
  private pendingRowCheck: (() => void) | null = null;

  private get baseIds(): Set<string> {
    this.baseIdSet ??= new Set(this.baseIdList);
    return this.baseIdSet;
  }

  /**
   * Loads base and delta into one store. Problems become a message; the store is then (partly) empty.
   * With `deferRowCheck`, the base's rows are hashed only by `verifyPending` (the delta is small and
   * always checked at once); a torn or cut-off pair is still refused here.
   */
  async load(storage: IndexStorage, model: VectorModel, messages: string[], options: { deferRowCheck?: boolean } = {}): Promise<VectorStore> {
    this.stamp = null;
    this.pendingRowCheck = null;
    const [vectors, meta] = await Promise.all([storage.read(VECTORS_FILE), storage.read(VECTORS_META_FILE)]);
    if (!vectors || !meta) return new VectorStore(model.dim);
    let store: VectorStore;
    try {
      const base = decodeVectorFilesWithMeta(vectors, meta, { fingerprint: model.fingerprint, dim: model.dim }, options);
      store = base.store;
      if (options.deferRowCheck) this.pendingRowCheck = base.verifyRows;
      this.baseChecksum = base.meta.checksum;
      this.baseIdList = store.ids();
      this.baseIdSet = null;
    } catch (error) {
      messages.push(error instanceof IndexFormatError ? error.message : 'The vector index could not be read; it will be rebuilt.');
      return new VectorStore(model.dim);
    }
    const [delta, deltaMeta] = await Promise.all([storage.read(VECTORS_DELTA_FILE), storage.read(VECTORS_DELTA_META_FILE)]);
    let deltaChecksum: string | null = null;
    if (delta && deltaMeta) {
      try {
        const extra = decodeVectorFilesWithMeta(delta, deltaMeta, { fingerprint: deltaFingerprint(model, this.baseChecksum), dim: model.dim });
        for (const id of extra.store.ids()) {
          const vector = extra.store.get(id);
          if (vector) store.set(id, vector);
        }
        deltaChecksum = extra.meta.checksum;
      } catch {
        // A delta of another base (a crash between writes): its chunks are re-embedded by the next update.
      }
    }
    this.stamp = `${this.baseChecksum}+${deltaChecksum ?? 'none'}`;
    return store;
  }

  /**
   * Runs a row check that `load` deferred. Returns null when the rows are sound (or there was nothing
   * to check), else the message; the base then counts as absent, so the next save writes a new one.
   */
  verifyPending(): string | null {
    const check = this.pendingRowCheck;
    this.pendingRowCheck = null;
    if (!check) return null;
    try {
      check();
      return null;
    } catch (error) {
      if (!(error instanceof IndexFormatError)) throw error;
      this.baseChecksum = null;
      this.baseIdList = [];
      this.baseIdSet = null;
      this.stamp = null;
      return error.message;
    }
  }

  /** Drops vectors no chunk uses, then writes the delta or, when due, a new base. */
  async save(storage: IndexStorage, store: VectorStore, live: Set<string>, model: VectorModel, forceCompact = false): Promise<void> {
    for (const id of store.ids()) if (!live.has(id)) store.delete(id);
    const added = store.ids().filter((id) => !this.baseIds.has(id));
    let garbage = 0;
    for (const id of this.baseIds) if (!live.has(id)) garbage++;
    const limit = Math.max(MIN_DELTA_BEFORE_COMPACT, this.baseIds.size * COMPACT_SHARE);
    if (forceCompact || this.baseChecksum === null || added.length > limit || garbage > limit) {
      const files = encodeVectorFiles(store, model.fingerprint);
      await storage.write(VECTORS_FILE, files.vectors);
      await storage.write(VECTORS_META_FILE, files.meta);
      await storage.remove(VECTORS_DELTA_FILE);
      await storage.remove(VECTORS_DELTA_META_FILE);
      this.baseChecksum = checksumOf(files.meta);
      this.baseIdSet = new Set(store.ids());
      this.stamp = `${this.baseChecksum}+none`;
      return;
    }
    const delta = new VectorStore(model.dim);
    for (const id of added) {
      const vector = store.get(id);
      if (vector) delta.set(id, vector);
    }
    const files = encodeVectorFiles(delta, deltaFingerprint(model, this.baseChecksum));
    await storage.write(VECTORS_DELTA_FILE, files.vectors);
    await storage.write(VECTORS_DELTA_META_FILE, files.meta);
    this.stamp = `${this.baseChecksum}+${checksumOf(files.meta)}`;
  }
}

function checksumOf(meta: Uint8Array): string {
  return (JSON.parse(new TextDecoder().decode(meta)) as { checksum: string }).checksum;
}

function deltaFingerprint(model: VectorModel, baseChecksum: string | null): string {
  return `${model.fingerprint}|delta-of:${baseChecksum ?? 'none'}`;
}
