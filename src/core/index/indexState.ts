import type { NoteRole } from '../notes/types';
import type { Chunk, IndexStorage } from './types';
import { KeywordIndex, KeywordIndexError } from './keywordIndex';
import { VectorStore } from './vectorStore';
import { VectorFiles, VECTORS_DELTA_FILE, VECTORS_DELTA_META_FILE, type VectorModel } from './vectorPersistence';
import { VECTORS_FILE, VECTORS_META_FILE } from './vectorFile';
import { decodeStateFile, encodeStateFile, STATE_FILE } from './stateFile';
import { murmur3 } from '../util/checksum';
import { ChunkTable } from './chunkTable';

export { STATE_FILE } from './stateFile';
export const KEYWORD_BASE_FILE = 'keyword.base';
export const KEYWORD_DELTA_FILE = 'keyword.delta';
/** The JSON state file of earlier versions; removed on save, its index rebuilt (vectors are reused). */
const LEGACY_STATE_FILE = 'index.json';

/** Every file the index consists of, e.g. to delete them for a rebuild. */
export const INDEX_FILE_NAMES = [STATE_FILE, KEYWORD_BASE_FILE, KEYWORD_DELTA_FILE, VECTORS_FILE, VECTORS_META_FILE, VECTORS_DELTA_FILE, VECTORS_DELTA_META_FILE, LEGACY_STATE_FILE] as const;

/** What the index remembers of a chunk. Its text is not stored: snippets are read from the note. */
export type ChunkRecord = Omit<Chunk, 'text'>;

/** What the index remembers of a note, to skip unchanged notes without reading them. */
export interface NoteRecord {
  mtime: number;
  size: number;
  role: NoteRole | null;
  chunks: ChunkRecord[];
}

export type { VectorModel };

/**
 * The whole index in memory: note records, the keyword index and the vectors (keyed by chunk hash, so
 * equal text shares one vector and a moved note keeps its vectors). Loads and saves itself through an
 * `IndexStorage`; anything unreadable is dropped with a message and rebuilt by the next update.
 */
export class IndexState {
  readonly notes = new Map<string, NoteRecord>();
  /** Every chunk by id, read from `notes`. */
  readonly chunks = new ChunkTable(this.notes);
  keyword = KeywordIndex.empty();
  vectors: VectorStore | null = null;
  model: VectorModel | null = null;
  /** Notes whose keyword entries or vectors were lost on load and must be read again. */
  readonly stale = new Set<string>();
  /** What happened on load, in words for the user. */
  readonly messages: string[] = [];
  private readonly vectorFiles = new VectorFiles();

  /** Chunk id (or ids, when texts repeat) per text hash; vectors are stored per hash. Built on demand. */
  private byHash: Map<string, string | string[]> | null = null;

  /** Ids of the chunks whose text has this hash (usually one). */
  chunkIdsOfHash(hash: string): readonly string[] {
    const found = this.hashMap().get(hash);
    return found === undefined ? [] : typeof found === 'string' ? [found] : found;
  }

  /** Whether some chunk has this text hash. */
  hasHash(hash: string): boolean {
    return this.hashMap().has(hash);
  }

  private hashMap(): Map<string, string | string[]> {
    if (!this.byHash) {
      // A plain id per hash, an array only for repeated texts: one allocation less per chunk.
      const map = new Map<string, string | string[]>();
      for (const note of this.notes.values()) {
        for (const chunk of note.chunks) {
          const found = map.get(chunk.hash);
          if (found === undefined) map.set(chunk.hash, chunk.id);
          else if (typeof found === 'string') map.set(chunk.hash, [found, chunk.id]);
          else found.push(chunk.id);
        }
      }
      this.byHash = map;
    }
    return this.byHash;
  }

  setNote(path: string, record: NoteRecord): void {
    this.deleteNote(path);
    this.byHash = null;
    this.notes.set(path, record);
    this.chunks.added(path, record);
  }

  deleteNote(path: string): void {
    const old = this.notes.get(path);
    if (!old) return;
    this.byHash = null;
    for (const chunk of old.chunks) this.keyword.remove(chunk.id);
    this.notes.delete(path);
    this.chunks.removed(old);
  }

  /** Hashes some chunk still uses: vectors outside it are garbage. */
  liveHashes(): Set<string> {
    const live = new Set<string>();
    for (const note of this.notes.values()) for (const chunk of note.chunks) live.add(chunk.hash);
    return live;
  }

  static async load(storage: IndexStorage, model: VectorModel | null): Promise<IndexState> {
    const state = new IndexState();
    // All files are requested at once: the large vector file is read (off the main thread, by the
    // host) while the state and keyword files are decoded, which saves a sixth of a cold load.
    const files = prefetch(storage, model ? INDEX_FILE_NAMES : [STATE_FILE, KEYWORD_BASE_FILE, KEYWORD_DELTA_FILE]);
    const raw = await files.read(STATE_FILE);
    if (!raw) return state;
    let stamps: { keyword: string | null; vectors: string | null };
    try {
      const file = decodeStateFile(raw);
      for (const [path, note] of file.notes) {
        state.notes.set(path, note);
        state.chunks.added(path, note, file.derivedIds);
      }
      state.model = file.model;
      stamps = { keyword: file.keywordStamp, vectors: file.vectorStamp };
    } catch {
      state.notes.clear();
      state.chunks.clear();
      state.messages.push(`The index in ${storage.describe()} is unreadable or from another version; it will be rebuilt.`);
      return state;
    }
    await state.loadKeyword(files, stamps.keyword);
    if (model) await state.loadVectors(files, model, stamps.vectors);
    return state;
  }

  /**
   * Finishes the checks `load` left for later (hashing the 30 MB of vector rows). Damaged rows are
   * dropped with a message and every note is marked to be embedded again. Runs before each update.
   */
  verifyDeferred(): void {
    const problem = this.vectorFiles.verifyPending();
    if (problem === null || !this.model) return;
    this.messages.push(problem);
    this.vectors = new VectorStore(this.model.dim);
    for (const path of this.notes.keys()) this.stale.add(path);
  }

  async save(storage: IndexStorage): Promise<void> {
    // Order matters: the state file is written last, so after a crash it never names data that is missing.
    let vectorStamp: string | null = null;
    if (this.vectors && this.model) {
      const live = this.liveHashes();
      await this.vectorFiles.save(storage, this.vectors, live, this.model);
      // The save dropped every vector outside `live`; equal sizes mean every chunk has its vector.
      if (this.vectors.size === live.size) vectorStamp = this.vectorFiles.stamp;
    }
    const keyword = this.keyword.persist();
    if (keyword.base) await storage.write(KEYWORD_BASE_FILE, keyword.base);
    await storage.write(KEYWORD_DELTA_FILE, keyword.delta);
    await storage.write(STATE_FILE, encodeStateFile({ model: this.model, keywordStamp: keywordStamp(this.keyword, keyword.delta), vectorStamp, notes: this.notes }));
    await storage.remove(LEGACY_STATE_FILE);
  }

  private async loadKeyword(storage: IndexStorage, stamp: string | null): Promise<void> {
    const [base, delta] = await Promise.all([storage.read(KEYWORD_BASE_FILE), storage.read(KEYWORD_DELTA_FILE)]);
    try {
      this.keyword = base ? KeywordIndex.load(base, delta) : KeywordIndex.empty();
    } catch (error) {
      if (!(error instanceof KeywordIndexError)) throw error;
      // Unreadable, or a delta of another base after a crash: the notes are read again below.
      this.keyword = KeywordIndex.empty();
    }
    // The usual case: the keyword files are the ones saved with this state file, so they hold exactly
    // its chunks and the check per chunk below (several milliseconds on a large vault) can be skipped.
    if (base && stamp !== null && stamp === keywordStamp(this.keyword, delta) && this.keyword.size === this.chunks.size) return;
    // A crash between two writes can leave the keyword file of another generation: re-read those notes.
    for (const [path, note] of this.notes) {
      if (note.chunks.some((c) => !this.keyword.has(c.id))) this.stale.add(path);
    }
    if (this.keyword.size !== this.chunks.size && this.stale.size === 0) {
      this.keyword = KeywordIndex.empty();
      for (const path of this.notes.keys()) this.stale.add(path);
    }
  }

  private async loadVectors(storage: IndexStorage, model: VectorModel, stamp: string | null): Promise<void> {
    const previous = this.model;
    this.model = model;
    if (previous && previous.fingerprint !== model.fingerprint) {
      this.messages.push(`The embedding model changed (${previous.modelId} → ${model.modelId}); all vectors will be rebuilt.`);
      this.vectors = new VectorStore(model.dim);
    } else {
      // The rows are hashed by `verifyDeferred`, before the next update: the index is usable sooner.
      this.vectors = await this.vectorFiles.load(storage, model, this.messages, { deferRowCheck: true });
      // The files saved with this state, when every chunk had its vector then: nothing to look up.
      if (stamp !== null && stamp === this.vectorFiles.stamp) return;
    }
    for (const [path, note] of this.notes) {
      if (note.chunks.some((c) => !this.vectors?.has(c.hash))) this.stale.add(path);
    }
  }
}

/** Names one generation of the keyword files: its base and the exact delta written with it. */
function keywordStamp(keyword: KeywordIndex, delta: Uint8Array | null): string {
  return `${keyword.baseId}:${delta ? murmur3(delta).toString(16) : 'none'}`;
}

/** A view of `storage` whose reads of `names` have already started; each file is read once. */
function prefetch(storage: IndexStorage, names: readonly string[]): IndexStorage {
  const started = new Map<string, Promise<Uint8Array | null>>();
  for (const name of names) {
    const read = storage.read(name);
    // Failures surface when (and if) the file is asked for; until then they are not "unhandled".
    read.catch(() => undefined);
    started.set(name, read);
  }
  return {
    read: (name) => {
      const read = started.get(name);
      started.delete(name);
      return read ?? storage.read(name);
    },
    write: (name, data) => storage.write(name, data),
    remove: (name) => storage.remove(name),
    describe: () => storage.describe(),
  };
}
