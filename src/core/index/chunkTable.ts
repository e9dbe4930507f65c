import type { ChunkRecord, NoteRecord } from './indexState';

/**
 * The index's chunks by id, answered from the note records instead of a map of its own.
 *
 * Chunk ids are `path#ordinal` (see the chunker), so a lookup is: split at the last `#`, take the note,
 * take its chunk at that position. On a large vault this spares a second map of every chunk, which
 * on a cold start cost about a tenth of the load time (building it, and hashing every id string).
 * Records whose id has another shape, which only a caller outside the chunker can make, sit in a small
 * map of their own.
 */
export class ChunkTable {
  private count = 0;
  private readonly odd = new Map<string, ChunkRecord>();

  constructor(private readonly notes: ReadonlyMap<string, NoteRecord>) {}

  /** Number of chunks. */
  get size(): number {
    return this.count;
  }

  get(id: string): ChunkRecord | undefined {
    const hash = id.lastIndexOf('#');
    if (hash >= 0) {
      const chunk = this.notes.get(id.slice(0, hash))?.chunks[Number(id.slice(hash + 1))];
      if (chunk && chunk.id === id) return chunk;
    }
    return this.odd.get(id);
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  /** Every chunk, note by note (a fresh array: plain loops, no generator, stay fast on a cold start). */
  values(): ChunkRecord[] {
    const all: ChunkRecord[] = new Array<ChunkRecord>(this.count);
    let i = 0;
    for (const note of this.notes.values()) for (const chunk of note.chunks) all[i++] = chunk;
    all.length = i;
    return all;
  }

  /** Call after `notes` gained this record (under `path`); `idsDerived` when they are known to be `path#n`. */
  added(path: string, record: NoteRecord, idsDerived = false): void {
    this.count += record.chunks.length;
    if (idsDerived) return;
    record.chunks.forEach((chunk, ordinal) => {
      if (chunk.id !== `${path}#${ordinal}`) this.odd.set(chunk.id, chunk);
    });
  }

  /** Call after `notes` lost this record. */
  removed(record: NoteRecord): void {
    this.count -= record.chunks.length;
    if (this.odd.size > 0) for (const chunk of record.chunks) this.odd.delete(chunk.id);
  }

  clear(): void {
    this.count = 0;
    this.odd.clear();
  }
}
