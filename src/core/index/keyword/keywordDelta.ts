import { murmur3 } from '../../util/checksum';
import type { OverlayDoc } from './keywordOverlay';
import { KeywordIndexError } from './keywordIndexError';

/**
 * The changes since a base segment, as one small file: which base documents are gone and which
 * documents were added (with their terms, not their text). It is rewritten whole on every save, so it
 * always holds all changes since the base, never a chain. Layout: magic `VWKD`, version (u32), payload
 * length (u32), murmur3 of the payload (u32), then the payload as UTF-8 JSON:
 * `{"base":"<16 hex>","removed":[docNumber…],"docs":[[id,"term term…",[bodyTf…],[headingTf…]]…]}`.
 */
export interface KeywordDelta {
  /** The `baseId` of the segment these changes apply to. */
  baseId: string;
  /** Base document numbers removed or replaced, ascending. */
  removed: number[];
  /** Documents added since the base, in the order added. */
  docs: OverlayDoc[];
}

type DocRow = [string, string, number[], number[]];

const MAGIC = 0x444b5756; // 'VWKD' read as a little-endian u32
const VERSION = 1;
const HEADER_BYTES = 16;

function damaged(detail: string): KeywordIndexError {
  return new KeywordIndexError(`The keyword index changes file is unusable (${detail}); the keyword index will be rebuilt.`);
}

/** Writes a delta file. */
export function encodeDelta(delta: KeywordDelta): Uint8Array {
  const rows: DocRow[] = delta.docs.map((doc) => [doc.id, doc.terms.join(' '), doc.bodyTfs, doc.headingTfs]);
  const payload = new TextEncoder().encode(JSON.stringify({ base: delta.baseId, removed: delta.removed, docs: rows }));
  const file = new Uint8Array(HEADER_BYTES + payload.length);
  const view = new DataView(file.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, VERSION, true);
  view.setUint32(8, payload.length, true);
  view.setUint32(12, murmur3(payload), true);
  file.set(payload, HEADER_BYTES);
  return file;
}

/**
 * Reads a delta file and checks its shape; throws `KeywordIndexError` on anything else. Whether it fits
 * its base (the id, document numbers in range, no duplicate ids) is checked by the index that applies it.
 */
export function decodeDelta(bytes: Uint8Array): KeywordDelta {
  if (bytes.length < HEADER_BYTES) throw damaged('too short');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  if (view.getUint32(0, true) !== MAGIC) throw damaged('not a Visiewijzer keyword changes file');
  if (view.getUint32(4, true) !== VERSION) throw damaged(`format version ${view.getUint32(4, true)}, expected ${VERSION}`);
  if (view.getUint32(8, true) !== bytes.length - HEADER_BYTES) throw damaged('truncated or extended');
  const payload = bytes.subarray(HEADER_BYTES);
  if (murmur3(payload) !== view.getUint32(12, true)) throw damaged('checksum mismatch');
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(payload));
  } catch {
    throw damaged('not JSON');
  }
  const { base, removed, docs } = (parsed ?? {}) as { base?: unknown; removed?: unknown; docs?: unknown };
  if (typeof base !== 'string' || !/^[0-9a-f]{16}$/.test(base)) throw damaged('no base id');
  if (!Array.isArray(removed) || !removed.every(isCount)) throw damaged('bad removed list');
  if (!Array.isArray(docs)) throw damaged('bad document list');
  return { baseId: base, removed, docs: docs.map(toDoc) };
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function toDoc(row: unknown): OverlayDoc {
  if (!Array.isArray(row) || row.length !== 4) throw damaged('bad document entry');
  const [id, termText, bodyTfs, headingTfs] = row as unknown[];
  if (typeof id !== 'string' || typeof termText !== 'string' || !isCounts(bodyTfs) || !isCounts(headingTfs)) throw damaged('bad document entry');
  const terms = termText === '' ? [] : termText.split(' ');
  if (terms.length !== bodyTfs.length || terms.length !== headingTfs.length || bodyTfs.some((tf, i) => tf + headingTfs[i]! === 0)) {
    throw damaged(`bad terms for ${id}`);
  }
  const sum = (tfs: number[]): number => tfs.reduce((a, b) => a + b, 0);
  return { id, terms, bodyTfs, headingTfs, bodyLength: sum(bodyTfs), headingLength: sum(headingTfs) };
}

function isCounts(value: unknown): value is number[] {
  return Array.isArray(value) && value.every(isCount);
}
