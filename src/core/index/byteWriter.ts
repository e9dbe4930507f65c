/** A growable little-endian byte buffer for writing index files. */
export class ByteWriter {
  private buffer: Uint8Array;
  private used = 0;
  private readonly scratch = new DataView(new ArrayBuffer(8));

  constructor(initialCapacity = 1024) {
    this.buffer = new Uint8Array(Math.max(16, initialCapacity));
  }

  get length(): number {
    return this.used;
  }

  /** Writes an unsigned integer below 2^32 in 1-5 bytes. */
  varint(value: number): void {
    this.reserve(5);
    const buffer = this.buffer;
    let v = value >>> 0;
    while (v >= 0x80) {
      buffer[this.used++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    buffer[this.used++] = v;
  }

  /** Writes a float64, little-endian, byte by byte (no alignment needed). */
  f64(value: number): void {
    this.reserve(8);
    this.scratch.setFloat64(0, value, true);
    for (let i = 0; i < 8; i++) this.buffer[this.used++] = this.scratch.getUint8(i);
  }

  u32(value: number): void {
    this.reserve(4);
    const v = value >>> 0;
    this.buffer[this.used++] = v & 0xff;
    this.buffer[this.used++] = (v >>> 8) & 0xff;
    this.buffer[this.used++] = (v >>> 16) & 0xff;
    this.buffer[this.used++] = v >>> 24;
  }

  bytes(source: Uint8Array): void {
    this.reserve(source.length);
    this.buffer.set(source, this.used);
    this.used += source.length;
  }

  /** Zero bytes up to the next multiple of four, so the next section can be viewed as 32-bit words. */
  align4(): void {
    while ((this.used & 3) !== 0) {
      this.reserve(1);
      this.buffer[this.used++] = 0;
    }
  }

  /** The bytes written so far (a view; copy it if the writer is used again). */
  result(): Uint8Array {
    return this.buffer.subarray(0, this.used);
  }

  private reserve(extra: number): void {
    if (this.used + extra <= this.buffer.length) return;
    let capacity = this.buffer.length * 2;
    while (capacity < this.used + extra) capacity *= 2;
    const next = new Uint8Array(capacity);
    next.set(this.buffer.subarray(0, this.used));
    this.buffer = next;
  }
}
