import type { NoteFile, NoteSource } from '../notes/types';
import type { Chunk, Embedder, IndexStorage } from './types';
import { parseNote } from '../notes/parseNote';
import { detectRole, DEFAULT_ROLE_FOLDERS, type RoleFolders } from '../notes/roles';
import { chunkNote, DEFAULT_CHUNK_OPTIONS, type ChunkOptions } from './chunker';
import { IndexState } from './indexState';
import { VectorStore } from './vectorStore';
import { EmbedQueue } from './embedQueue';
import { IndexCancelledError, type IndexControl, type IndexReport } from './indexReport';

export interface UpdateOptions {
  /** Role folders as the user named them. */
  folders?: RoleFolders;
  chunking?: ChunkOptions;
  /** Notes larger than this many bytes are skipped with a reason (default 1 MiB): parsing them could stall the app. */
  maxNoteBytes?: number;
  /** Texts per embedding call; at most 32 (bigger batches ran out of memory in peers' plugins). */
  batchSize?: number;
}

export const DEFAULT_MAX_NOTE_BYTES = 1024 * 1024;

/**
 * Brings the index up to date with the notes: unchanged notes (same mtime and size) are not read;
 * changed notes are re-chunked and only chunks whose text hash has no vector yet are embedded.
 * Deleted notes are removed; a renamed note is a delete plus an add whose vectors are reused by hash.
 * Without an embedder the index is keyword-only, and the report says so.
 */
export async function updateIndex(state: IndexState, source: NoteSource, embedder: Embedder | null, control: IndexControl = {}, options: UpdateOptions = {}): Promise<IndexReport> {
  const folders = options.folders ?? DEFAULT_ROLE_FOLDERS;
  const maxBytes = options.maxNoteBytes ?? DEFAULT_MAX_NOTE_BYTES;
  const batchSize = Math.max(1, Math.min(32, options.batchSize ?? 32));
  state.verifyDeferred();
  const report: IndexReport = {
    notes: 0, chunks: 0, embedded: 0, reused: 0, removed: 0, skipped: [], warnings: [],
    mode: embedder ? 'hybrid' : 'keyword-only',
    model: embedder ? embedder.modelId : null,
    messages: [...state.messages],
  };
  if (!embedder) report.messages.push('No embedding model available: the index is keyword-only (no semantic search).');

  const knownHashes = new Set([...state.chunks.values()].map((c) => c.hash));
  const files = await source.list();
  const present = new Set(files.map((f) => f.path));
  for (const path of [...state.notes.keys()]) {
    if (!present.has(path)) {
      state.deleteNote(path);
      report.removed++;
    }
  }

  const toRead = files.filter((file) => needsReading(state, file));
  const queue = embedder ? await openEmbedQueue(state, embedder, batchSize) : null;
  const fresh: Chunk[] = [];
  try {
    let done = 0;
    for (const file of toRead) {
      await checkpoint(control);
      queue?.startFullBatches();
      control.onProgress?.({ phase: 'reading', done: done++, total: toRead.length });
      const result = await readAndChunk(source, file, folders, maxBytes, options.chunking ?? DEFAULT_CHUNK_OPTIONS);
      if ('reason' in result) {
        state.deleteNote(file.path);
        report.skipped.push({ path: file.path, reason: result.reason });
        continue;
      }
      for (const message of result.warnings) report.warnings.push({ path: file.path, message });
      state.setNote(file.path, { mtime: file.mtime, size: file.size, role: result.role, chunks: result.chunks.map(({ text: _text, ...record }) => record) });
      for (const chunk of result.chunks) state.keyword.add(chunk.id, chunk.text, chunk.headingPath.join(' '));
      state.stale.delete(file.path);
      fresh.push(...result.chunks);
      queue?.add(result.chunks);
    }
    if (queue) {
      const total = queue.pending;
      await queue.drain(() => checkpoint(control), () => control.onProgress?.({ phase: 'embedding', done: total - queue.pending, total }));
    }
  } catch (error) {
    await queue?.settle();
    // Cancelled or failed: notes read in this run whose chunks got no vector are read again next time.
    if (state.vectors) for (const chunk of fresh) if (!state.vectors.has(chunk.hash)) state.stale.add(chunk.path);
    throw error;
  }

  if (queue) report.embedded = countEmbedded(state, queue, fresh, report);
  report.notes = state.notes.size;
  report.chunks = state.chunks.size;
  // Keyword-only, nothing is embedded: a chunk counts as reused when its text was indexed before.
  const added = embedder ? report.embedded : fresh.filter((c) => !knownHashes.has(c.hash)).length;
  report.reused = report.chunks - added;
  return report;
}

/** Saves the index; separate so callers can update several times and save once. */
export async function saveIndex(state: IndexState, storage: IndexStorage, control: IndexControl = {}): Promise<void> {
  control.onProgress?.({ phase: 'saving', done: 0, total: 1 });
  await state.save(storage);
}

function needsReading(state: IndexState, file: NoteFile): boolean {
  const known = state.notes.get(file.path);
  return !known || known.mtime !== file.mtime || known.size !== file.size || state.stale.has(file.path);
}

type ReadResult = { role: ReturnType<typeof detectRole>['role']; chunks: Chunk[]; warnings: string[] } | { reason: string };

async function readAndChunk(source: NoteSource, file: NoteFile, folders: RoleFolders, maxBytes: number, chunking: ChunkOptions): Promise<ReadResult> {
  if (file.size > maxBytes) return { reason: `note is larger than ${Math.round(maxBytes / 1024)} KiB` };
  let text: string;
  try {
    text = await source.read(file.path);
  } catch (error) {
    return { reason: `could not be read: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (text.includes('\u0000')) return { reason: 'not a text file' };
  try {
    const parsed = parseNote(file.path, text);
    const decision = detectRole(parsed, folders);
    const warnings = [...parsed.warnings];
    if (parsed.frontmatterError) warnings.push(parsed.frontmatterError);
    if (decision.warning) warnings.push(decision.warning);
    return { role: decision.role, chunks: chunkNote(parsed, decision.role, chunking), warnings };
  } catch (error) {
    return { reason: `could not be parsed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** Loads the model first, so the vectors can be computed while the notes are still being read. */
async function openEmbedQueue(state: IndexState, embedder: Embedder, batchSize: number): Promise<EmbedQueue> {
  const info = await embedder.load();
  if (!state.vectors || !state.model || state.model.fingerprint !== info.fingerprint) {
    state.vectors = new VectorStore(info.dim);
  }
  state.model = { modelId: info.modelId, fingerprint: info.fingerprint, dim: info.dim };
  return new EmbedQueue(state.vectors, embedder, info.dim, batchSize);
}

/** Fresh chunks that got a vector in this update (chunks sharing a text share it); warns about the rest. */
function countEmbedded(state: IndexState, queue: EmbedQueue, fresh: Chunk[], report: IndexReport): number {
  for (const chunk of fresh) {
    const problem = queue.failed.get(chunk.hash);
    if (problem === undefined) continue;
    report.warnings.push({ path: chunk.path, message: `lines ${chunk.startLine}-${chunk.endLine}: the model returned an unusable vector (${problem}); not searchable by meaning until the next update` });
    state.stale.add(chunk.path);
  }
  return fresh.filter((c) => queue.embedded.has(c.hash)).length;
}

async function checkpoint(control: IndexControl): Promise<void> {
  if (control.signal?.aborted) throw new IndexCancelledError();
  if (control.waitIfPaused) await control.waitIfPaused();
  if (control.signal?.aborted) throw new IndexCancelledError();
}
