import type { NoteRole } from '../notes/types';
import type { Chunk, IndexStorage } from './types';
import { KeywordIndex, KeywordIndexError } from './keywordIndex';
import { VectorStore } from './vectorStore';
import { VectorFiles, VECTORS_DELTA_FILE, VECTORS_DELTA_META_FILE, type VectorModel } from './vectorPersistence';
import { VECTORS_FILE, VECTORS_META_FILE } from './vectorFile';

export const STATE_FILE = 'index.json';
export const KEYWORD_BASE_FILE = 'keyword.base';
export const KEYWORD_DELTA_FILE = 'keyword.delta';
const STATE_FORMAT = 1;

/** Every file the index consists of, e.g. to delete them for a rebuild. */
export const INDEX_FILE_NAMES = [STATE_FILE, KEYWORD_BASE_FILE, KEYWORD_DELTA_FILE, VECTORS_FILE, VECTORS_META_FILE, VECTORS_DELTA_FILE, VECTORS_DELTA_META_FILE] as const;

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

interface StateFile {
  format: number;
  model: VectorModel | null;
  notes: Record<string, { mtime: number; size: number; role: NoteRole | null; chunks: [string, string, number, number, string[]][] }>;
}

/**
 * The whole index in memory: note records, the keyword index and the vectors (keyed by chunk hash, so
 * equal text shares one vector and a moved note keeps its vectors). Loads and saves itself through an
 * `IndexStorage`; anything unreadable is dropped with a message and rebuilt by the next update.
 */
export class IndexState {
  readonly notes = new Map<string, NoteRecord>();
  readonly chunks = new Map<string, ChunkRecord>();
  keyword = KeywordIndex.empty();
  vectors: VectorStore | null = null;
  model: VectorModel | null = null;
  /** Notes whose keyword entries or vectors were lost on load and must be read again. */
  readonly stale = new Set<string>();
  /** What happened on load, in words for the user. */
  readonly messages: string[] = [];
  private readonly vectorFiles = new VectorFiles();

  private byHash: Map<string, string[]> | null = null;

  /** Chunk ids per text hash; vectors are stored per hash. Cached until the next change. */
  chunksByHash(): Map<string, string[]> {
    if (!this.byHash) {
      const map = new Map<string, string[]>();
      for (const chunk of this.chunks.values()) {
        const list = map.get(chunk.hash);
        if (list) list.push(chunk.id);
        else map.set(chunk.hash, [chunk.id]);
      }
      this.byHash = map;
    }
    return this.byHash;
  }

  setNote(path: string, record: NoteRecord): void {
    this.deleteNote(path);
    this.byHash = null;
    this.notes.set(path, record);
    for (const chunk of record.chunks) this.chunks.set(chunk.id, chunk);
  }

  deleteNote(path: string): void {
    const old = this.notes.get(path);
    if (!old) return;
    this.byHash = null;
    for (const chunk of old.chunks) {
      this.chunks.delete(chunk.id);
      this.keyword.remove(chunk.id);
    }
    this.notes.delete(path);
  }

  /** Hashes some chunk still uses: vectors outside it are garbage. */
  liveHashes(): Set<string> {
    const live = new Set<string>();
    for (const chunk of this.chunks.values()) live.add(chunk.hash);
    return live;
  }

  static async load(storage: IndexStorage, model: VectorModel | null): Promise<IndexState> {
    const state = new IndexState();
    const raw = await storage.read(STATE_FILE);
    if (!raw) return state;
    let file: StateFile;
    try {
      file = JSON.parse(new TextDecoder().decode(raw)) as StateFile;
      if (file.format !== STATE_FORMAT || typeof file.notes !== 'object') throw new Error('unknown format');
    } catch {
      state.messages.push(`The index in ${storage.describe()} is unreadable or from another version; it will be rebuilt.`);
      return state;
    }
    for (const [path, note] of Object.entries(file.notes)) {
      state.setNote(path, {
        mtime: note.mtime,
        size: note.size,
        role: note.role,
        chunks: note.chunks.map(([id, hash, startLine, endLine, headingPath]) => ({ id, hash, startLine, endLine, headingPath, path, role: note.role })),
      });
    }
    state.model = file.model;
    await state.loadKeyword(storage);
    if (model) await state.loadVectors(storage, model);
    return state;
  }

  async save(storage: IndexStorage): Promise<void> {
    // Order matters: the state file is written last, so after a crash it never names data that is missing.
    if (this.vectors && this.model) await this.vectorFiles.save(storage, this.vectors, this.liveHashes(), this.model);
    const keyword = this.keyword.persist();
    if (keyword.base) await storage.write(KEYWORD_BASE_FILE, keyword.base);
    await storage.write(KEYWORD_DELTA_FILE, keyword.delta);
    const file: StateFile = { format: STATE_FORMAT, model: this.model, notes: {} };
    for (const [path, note] of this.notes) {
      file.notes[path] = {
        mtime: note.mtime,
        size: note.size,
        role: note.role,
        chunks: note.chunks.map((c) => [c.id, c.hash, c.startLine, c.endLine, c.headingPath]),
      };
    }
    await storage.write(STATE_FILE, new TextEncoder().encode(JSON.stringify(file)));
  }

  private async loadKeyword(storage: IndexStorage): Promise<void> {
    const [base, delta] = await Promise.all([storage.read(KEYWORD_BASE_FILE), storage.read(KEYWORD_DELTA_FILE)]);
    try {
      this.keyword = base ? KeywordIndex.load(base, delta) : KeywordIndex.empty();
    } catch (error) {
      if (!(error instanceof KeywordIndexError)) throw error;
      // Unreadable, or a delta of another base after a crash: the notes are read again below.
      this.keyword = KeywordIndex.empty();
    }
    // A crash between two writes can leave the keyword file of another generation: re-read those notes.
    for (const [path, note] of this.notes) {
      if (note.chunks.some((c) => !this.keyword.has(c.id))) this.stale.add(path);
    }
    if (this.keyword.size !== this.chunks.size && this.stale.size === 0) {
      this.keyword = KeywordIndex.empty();
      for (const path of this.notes.keys()) this.stale.add(path);
    }
  }

  private async loadVectors(storage: IndexStorage, model: VectorModel): Promise<void> {
    const previous = this.model;
    this.model = model;
    if (previous && previous.fingerprint !== model.fingerprint) {
      this.messages.push(`The embedding model changed (${previous.modelId} → ${model.modelId}); all vectors will be rebuilt.`);
      this.vectors = new VectorStore(model.dim);
    } else {
      this.vectors = await this.vectorFiles.load(storage, model, this.messages);
    }
    for (const [path, note] of this.notes) {
      if (note.chunks.some((c) => !this.vectors?.has(c.hash))) this.stale.add(path);
    }
  }
}
