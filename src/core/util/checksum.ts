/**
 * A fast 32-bit checksum for index files: MurmurHash3 (x86, 32-bit variant).
 *
 * Chosen over CRC32 because it reads four bytes per step: about 10 ms for 30 MB in Node, where a
 * table-driven CRC32 in JavaScript needs 35-50 ms. It guards against accidents (a truncated or torn
 * file, a mismatched pair of files after a crash), not against deliberate tampering.
 */

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

/** True when typed arrays use little-endian byte order, as on every platform Obsidian runs on. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Words per call of the mixing loop; see `murmur3`. */
const BLOCK_WORDS = 16384;

/**
 * MurmurHash3 x86_32 of `bytes`, as an unsigned 32-bit integer. Matches the reference implementation
 * (words are read little-endian regardless of the platform).
 */
export function murmur3(bytes: Uint8Array, seed = 0): number {
  const length = bytes.length;
  const wordCount = length >>> 2;
  let h = seed | 0;

  // The words go through a small function in blocks rather than one long loop: V8 optimises a
  // function called a few times sooner than a loop it must replace mid-run, which halves the time
  // of the first checksum in a fresh process (about 16 ms instead of 36 ms for 30 MB).
  if (LITTLE_ENDIAN && (bytes.byteOffset & 3) === 0) {
    const words = new Uint32Array(bytes.buffer, bytes.byteOffset, wordCount);
    for (let from = 0; from < wordCount; from += BLOCK_WORDS) {
      h = mixWords(words, from, Math.min(wordCount, from + BLOCK_WORDS), h);
    }
  } else {
    for (let from = 0; from < wordCount; from += BLOCK_WORDS) {
      h = mixByteWords(bytes, from, Math.min(wordCount, from + BLOCK_WORDS), h);
    }
  }

  // The last 1-3 bytes, little-endian, as the reference's fall-through switch does.
  const tail = wordCount << 2;
  const rest = length & 3;
  if (rest > 0) {
    let k = bytes[tail]!;
    if (rest > 1) k |= bytes[tail + 1]! << 8;
    if (rest > 2) k |= bytes[tail + 2]! << 16;
    k = Math.imul(k, C1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, C2);
    h ^= k;
  }

  h ^= length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A `murmur3` hash as stored in index metadata: algorithm name and 8 hex digits, e.g. `murmur3:0e26c5af`. */
export function checksumLabel(hash: number): string {
  return `murmur3:${hash.toString(16).padStart(8, '0')}`;
}

function mixWords(words: Uint32Array, from: number, to: number, seed: number): number {
  let h = seed;
  for (let i = from; i < to; i++) {
    let k = Math.imul(words[i]!, C1);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, C2);
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  return h;
}

/** Like `mixWords`, assembling each little-endian word from bytes (unaligned or big-endian input). */
function mixByteWords(bytes: Uint8Array, from: number, to: number, seed: number): number {
  let h = seed;
  for (let i = from; i < to; i++) {
    const j = i << 2;
    let k = Math.imul(bytes[j]! | (bytes[j + 1]! << 8) | (bytes[j + 2]! << 16) | (bytes[j + 3]! << 24), C1);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, C2);
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  return h;
}
