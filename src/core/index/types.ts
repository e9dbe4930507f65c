import type { NoteRole } from '../notes/types';

/**
 * A retrievable piece of a note: about 200-400 tokens under one heading. Lines are 1-based, inclusive.
 * The text is not kept in the on-disk index; snippets are read from the note when a hit is shown.
 */
export interface Chunk {
  /** Stable within one index: `path#n` is not used because paths change on rename; see `chunkId`. */
  id: string;
  path: string;
  headingPath: string[];
  startLine: number;
  endLine: number;
  role: NoteRole | null;
  /** Hash of `text`: equal hashes mean the embedding can be reused. */
  hash: string;
  /** Breadcrumb (`Note > Heading > Sub`) followed by the body: what is embedded and keyword-indexed. */
  text: string;
}

/** Whether a text is a search question or a stored passage; e5-style models prefix them differently. */
export type EmbedKind = 'query' | 'passage';

/** Computes embeddings locally. Real: transformers.js. Test: the tiny generated model or a fake. */
export interface Embedder {
  /** Model name as the user configured it, e.g. `Xenova/multilingual-e5-small`. */
  readonly modelId: string;
  /** Loads the model if needed and returns its fingerprint and vector size. */
  load(): Promise<EmbedderInfo>;
  /** One vector per text, L2-normalised. Callers batch (at most 32). */
  embed(texts: string[], kind: EmbedKind): Promise<Float32Array[]>;
  dispose(): Promise<void>;
}

export interface EmbedderInfo {
  modelId: string;
  dim: number;
  /** Changes whenever vectors from this embedder would not be comparable with earlier ones. */
  fingerprint: string;
}

/** A scored match from one of the two searches. */
export interface ScoredId {
  id: string;
  score: number;
}

/**
 * Reads and writes the index's files. Writes must be atomic: after a crash a file is either the old or
 * the new version, never a mix. Node: write to a temp file, then rename. Obsidian: the vault adapter.
 */
export interface IndexStorage {
  read(name: string): Promise<Uint8Array | null>;
  write(name: string, data: Uint8Array): Promise<void>;
  remove(name: string): Promise<void>;
  /** Human-readable location for messages, e.g. the folder path. */
  describe(): string;
}
