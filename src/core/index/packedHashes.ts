/**
 * Chunk hashes (`hashText`: 14 lowercase hex digits) stored as 7 bytes instead of 14 characters plus
 * JSON quotes. Used by the state file and the vector file, which both list one hash per chunk.
 *
 * Unpacking writes all hex digits into one buffer and decodes it once; each hash is then a slice of
 * that string (V8 shares the memory). On a cold start that is several times faster than building the
 * strings one by one, or than `JSON.parse` of the same list.
 */

const PACKABLE = /^[0-9a-f]{14}$/;
const HEX_DIGITS = new TextEncoder().encode('0123456789abcdef');

/** Bytes per packed hash. */
export const PACKED_HASH_BYTES = 7;

/** Whether every id is a hash that `packHashes` can store (else store them as text). */
export function canPackHashes(ids: Iterable<string>): boolean {
  for (const id of ids) if (!PACKABLE.test(id)) return false;
  return true;
}

/** The hashes as 7 bytes each: the first 6 hex digits as a 3-byte and the last 8 as a 4-byte number. */
export function packHashes(hashes: readonly string[]): Uint8Array {
  const out = new Uint8Array(PACKED_HASH_BYTES * hashes.length);
  const view = new DataView(out.buffer);
  hashes.forEach((hash, i) => {
    const high = parseInt(hash.slice(0, 6), 16);
    view.setUint8(7 * i, high & 0xff);
    view.setUint16(7 * i + 1, high >>> 8, true);
    view.setUint32(7 * i + 3, parseInt(hash.slice(6), 16), true);
  });
  return out;
}

/** Reverses `packHashes` for `bytes.length / 7` hashes. */
export function unpackHashes(bytes: Uint8Array): string[] {
  const count = Math.floor(bytes.length / PACKED_HASH_BYTES);
  const digits = new Uint8Array(14 * count);
  for (let i = 0; i < count; i++) {
    writeHex(bytes, 7 * i, 3, digits, 14 * i);
    writeHex(bytes, 7 * i + 3, 4, digits, 14 * i + 6);
  }
  const text = new TextDecoder().decode(digits);
  const hashes = new Array<string>(count);
  for (let i = 0; i < count; i++) hashes[i] = text.slice(14 * i, 14 * i + 14);
  return hashes;
}

/** A little-endian number of `size` bytes as 2 × `size` hex digits, most significant first. */
function writeHex(from: Uint8Array, at: number, size: number, to: Uint8Array, out: number): void {
  for (let b = size - 1; b >= 0; b--) {
    const byte = from[at + b]!;
    to[out++] = HEX_DIGITS[byte >>> 4]!;
    to[out++] = HEX_DIGITS[byte & 15]!;
  }
}
