/**
 * Reads `count` LEB128 varints (each below 2^32, as `ByteWriter.varint` writes them) from `bytes`,
 * starting at `at`, in one tight loop. Returns the values and the offset after the last one, or null
 * when the bytes run out or a number is longer than five bytes: only a damaged file does that.
 */
export function readVarints(bytes: Uint8Array, at: number, count: number): { values: Uint32Array; end: number } | null {
  const values = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    let byte = bytes[at++];
    if (byte === undefined) return null;
    let value = byte & 0x7f;
    for (let shift = 7; byte >= 0x80; shift += 7) {
      byte = bytes[at++];
      if (byte === undefined || shift > 28) return null;
      value |= (byte & 0x7f) << shift;
    }
    values[i] = value >>> 0;
  }
  return { values, end: at };
}
