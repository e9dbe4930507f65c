/**
 * The on-disk format of the index's note and chunk records (`index.state`): compact binary, because on a
 * large vault it is read at every start. As JSON it took about 100 bytes per chunk and a good part of the
 * cold load (parsing 2 MB and collecting the garbage); this layout takes about 20 bytes per chunk.
 *
 * Layout, little-endian:
 *
 * | bytes | content |
 * |---|---|
 * | 0-3 | magic `VWIX` |
 * | 4-7 | format version (u32) |
 * | 8-11 | total file length (u32) |
 * | 12-15 | MurmurHash3 of bytes 16 to the end |
 * | 16-31 | u32 each: numbers, bytes of the numbers, mtimes, packed hashes |
 * | 32- | mtimes (float64 each), packed hashes (7 bytes each), the numbers (LEB128 varints), the string table |
 *
 * The numbers, in order: flags, model (a string number + 1, 0 = none; the model is JSON), keyword stamp
 * and vector stamp (likewise), note count, and per note: path, size, role, chunk count, and per chunk: its start line,
 * line count − 1 and heading path (count, string numbers). The string table: count, the UTF-16 length
 * of each string (varints), one UTF-8 blob.
 *
 * Sections of one kind, not records, because a load runs once in a fresh process, before the engine has
 * optimised anything: each section is decoded by one tight loop (hashes straight into hex text, varints
 * into a typed array, strings by one `TextDecoder` call), which is several times faster there than
 * reading record by record, and faster than `JSON.parse` of the same data.
 *
 * Two things are derived instead of stored when they follow the usual shape (a flag says so): chunk
 * ids (`path#ordinal`, as the chunker makes them) and hashes (14 lowercase hex digits, as `hashText`
 * makes them, stored as 7 bytes). Otherwise they go into the numbers as string numbers, so every record
 * round-trips.
 */
import type { NoteRole } from '../notes/types';
import { murmur3 } from '../util/checksum';
import { ByteWriter } from './byteWriter';
import { readVarints } from './varints';
import { canPackHashes, packHashes, PACKED_HASH_BYTES, unpackHashes } from './packedHashes';
import type { ChunkRecord, NoteRecord } from './indexState';
import type { VectorModel } from './vectorPersistence';

/** Name of the state file in the index folder. */
export const STATE_FILE = 'index.state';
/** Version of this layout; bump it when the layout changes so old files are rebuilt, not misread. */
export const STATE_FORMAT_VERSION = 1;

const MAGIC = 0x58495756; // 'VWIX' read as a little-endian u32
const HEADER_BYTES = 32;
const FLAG_DERIVED_IDS = 1;
const FLAG_PACKED_HASHES = 2;
const ROLES: readonly (NoteRole | null)[] = [null, 'visie', 'beleid', 'les', 'praktijk'];

/** What the state file holds. */
export interface StateSnapshot {
  model: VectorModel | null;
  /** Identifies the keyword files written together with this state (see `IndexState`). */
  keywordStamp: string | null;
  /** Identifies the vector files written together with this state; null unless every chunk had a vector. */
  vectorStamp: string | null;
  /** Set by decoding: every chunk id is `path#ordinal` (so nobody needs to check that again). */
  derivedIds?: boolean;
  notes: Map<string, NoteRecord>;
}

/** The state file is unusable; the index is rebuilt from the notes. */
export class StateFileError extends Error {
  override readonly name = 'StateFileError';
}

export function encodeStateFile(snapshot: StateSnapshot): Uint8Array {
  const strings = new StringTable();
  const allHashes: string[] = [];
  let derivedIds = true;
  for (const [path, note] of snapshot.notes) {
    note.chunks.forEach((chunk, ordinal) => {
      if (chunk.id !== `${path}#${ordinal}`) derivedIds = false;
      allHashes.push(chunk.hash);
    });
  }
  const packed = canPackHashes(allHashes);
  const flags = (derivedIds ? FLAG_DERIVED_IDS : 0) | (packed ? FLAG_PACKED_HASHES : 0);
  const numbers = new ByteWriter(64 + 8 * allHashes.length);
  const mtimes = new ByteWriter(8 * snapshot.notes.size);
  let numberCount = 0;
  const number = (value: number): void => {
    numbers.varint(value);
    numberCount++;
  };
  number(flags);
  number(snapshot.model ? strings.add(JSON.stringify(snapshot.model)) + 1 : 0);
  number(snapshot.keywordStamp !== null ? strings.add(snapshot.keywordStamp) + 1 : 0);
  number(snapshot.vectorStamp !== null ? strings.add(snapshot.vectorStamp) + 1 : 0);
  number(snapshot.notes.size);
  for (const [path, note] of snapshot.notes) {
    number(strings.add(path));
    mtimes.f64(note.mtime);
    number(note.size);
    number(Math.max(0, ROLES.indexOf(note.role)));
    number(note.chunks.length);
    for (const chunk of note.chunks) {
      if (!derivedIds) number(strings.add(chunk.id));
      if (!packed) number(strings.add(chunk.hash));
      number(chunk.startLine);
      number(Math.max(0, chunk.endLine - chunk.startLine));
      number(chunk.headingPath.length);
      for (const heading of chunk.headingPath) number(strings.add(heading));
    }
  }
  const sections = [mtimes.result(), packed ? packHashes(allHashes) : new Uint8Array(0), numbers.result(), strings.encode()];
  const file = new Uint8Array(HEADER_BYTES + sections.reduce((sum, section) => sum + section.length, 0));
  let at = HEADER_BYTES;
  for (const section of sections) {
    file.set(section, at);
    at += section.length;
  }
  const view = new DataView(file.buffer);
  [MAGIC, STATE_FORMAT_VERSION, file.length, 0, numberCount, numbers.length, snapshot.notes.size, packed ? allHashes.length : 0].forEach((value, i) => view.setUint32(4 * i, value, true));
  view.setUint32(12, murmur3(file.subarray(16)), true);
  return file;
}

/** Reads what `encodeStateFile` wrote; throws `StateFileError` on anything else. */
export function decodeStateFile(bytes: Uint8Array): StateSnapshot {
  if (bytes.length < HEADER_BYTES) throw new StateFileError('too short');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const word = (i: number): number => view.getUint32(4 * i, true);
  if (word(0) !== MAGIC) throw new StateFileError('not a Visiewijzer state file');
  if (word(1) !== STATE_FORMAT_VERSION) throw new StateFileError(`format version ${word(1)}`);
  if (word(2) !== bytes.length) throw new StateFileError('truncated or extended');
  if (murmur3(bytes.subarray(16)) !== word(3)) throw new StateFileError('checksum mismatch');
  const [numberCount, numberBytes, mtimeCount, hashCount] = [word(4), word(5), word(6), word(7)];
  const hashesAt = HEADER_BYTES + 8 * mtimeCount;
  const numbersAt = hashesAt + PACKED_HASH_BYTES * hashCount;
  const stringsAt = numbersAt + numberBytes;
  if (stringsAt > bytes.length) throw new StateFileError('section sizes do not add up');
  const hashes = unpackHashes(bytes.subarray(hashesAt, numbersAt));
  const numbers = readNumbers(bytes.subarray(numbersAt, stringsAt), numberCount);
  const strings = readStringTable(bytes.subarray(stringsAt));

  let n = 0;
  // Bounds are checked once per note and chunk, not per value: `numbers` past its end reads undefined
  // (NaN downstream) and a string number out of range reads undefined; both are caught below.
  const next = (): number => {
    if (n >= numberCount) throw new StateFileError('unexpected end');
    return numbers[n++]!;
  };
  const string = (ref: number): string => {
    const value = strings[ref];
    if (value === undefined) throw new StateFileError('string number out of range');
    return value;
  };
  const flags = next();
  const modelRef = next();
  const stampRef = next();
  const vectorStampRef = next();
  const model = modelRef ? (JSON.parse(string(modelRef - 1)) as VectorModel) : null;
  const keywordStamp = stampRef ? string(stampRef - 1) : null;
  const vectorStamp = vectorStampRef ? string(vectorStampRef - 1) : null;
  const noteCount = next();
  if (noteCount !== mtimeCount) throw new StateFileError('note count does not match');
  const derivedIds = (flags & FLAG_DERIVED_IDS) !== 0;
  const packedHashes = (flags & FLAG_PACKED_HASHES) !== 0;
  const notes = new Map<string, NoteRecord>();
  let hashNumber = 0;
  for (let note = 0; note < noteCount; note++) {
    const path = string(next());
    const mtime = view.getFloat64(HEADER_BYTES + 8 * note, true);
    const size = next();
    const role = ROLES[next()];
    if (role === undefined) throw new StateFileError('unknown note role');
    const chunkCount = next();
    // Arrays of their exact size: grown by push they would hold 16 slots for 2 headings, and on a cold
    // load of 20,000 chunks the garbage collector pays for every spare slot.
    const chunks: NoteRecord['chunks'] = new Array<ChunkRecord>(chunkCount);
    for (let ordinal = 0; ordinal < chunkCount; ordinal++) {
      const id = derivedIds ? `${path}#${ordinal}` : string(next());
      let hash: string;
      if (packedHashes) {
        if (hashNumber >= hashCount) throw new StateFileError('more chunks than hashes');
        hash = hashes[hashNumber++]!;
      } else {
        hash = string(next());
      }
      const startLine = next();
      const endLine = startLine + next();
      const headingCount = next();
      const headingPath = new Array<string>(headingCount);
      for (let h = 0; h < headingCount; h++) headingPath[h] = string(next());
      chunks[ordinal] = { id, path, role, hash, startLine, endLine, headingPath };
    }
    notes.set(path, { mtime, size, role, chunks });
  }
  if (n !== numberCount || hashNumber !== hashCount) throw new StateFileError('counts do not add up');
  return { model, keywordStamp, vectorStamp, notes, derivedIds };
}

/** The numbers section: exactly `count` varints. */
function readNumbers(bytes: Uint8Array, count: number): Uint32Array {
  const read = readVarints(bytes, 0, count);
  if (!read || read.end !== bytes.length) throw new StateFileError('numbers do not add up');
  return read.values;
}

function readStringTable(bytes: Uint8Array): string[] {
  const count = readVarints(bytes, 0, 1);
  const lengths = count && readVarints(bytes, count.end, count.values[0]!);
  if (!lengths) throw new StateFileError('unexpected end of the strings');
  const text = new TextDecoder().decode(bytes.subarray(lengths.end));
  const strings = new Array<string>(lengths.values.length);
  let from = 0;
  for (let i = 0; i < strings.length; i++) {
    strings[i] = text.slice(from, from + lengths.values[i]!);
    from += lengths.values[i]!;
  }
  if (from !== text.length) throw new StateFileError('string table does not add up');
  return strings;
}

/** Strings numbered in order of first use; equal strings (a heading shared by many notes) stored once. */
class StringTable {
  private readonly numbers = new Map<string, number>();
  private readonly list: string[] = [];

  add(value: string): number {
    let n = this.numbers.get(value);
    if (n === undefined) {
      n = this.list.length;
      this.numbers.set(value, n);
      this.list.push(value);
    }
    return n;
  }

  encode(): Uint8Array {
    const blob = new TextEncoder().encode(this.list.join(''));
    const writer = new ByteWriter(16 + 2 * this.list.length + blob.length);
    writer.varint(this.list.length);
    for (const value of this.list) writer.varint(value.length);
    writer.bytes(blob);
    return writer.result();
  }
}
