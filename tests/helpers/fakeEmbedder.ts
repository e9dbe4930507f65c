import type { EmbedKind, Embedder, EmbedderInfo } from '../../src/core/index/types';

/** Settings for `FakeEmbedder`. */
export interface FakeEmbedderOptions {
  /** Vector size. Default 64. */
  dim?: number;
  /** Reported model id; also part of the fingerprint. Default `fake-bag-of-words`. */
  modelId?: string;
  /** Dimensions each word adds weight to. Default 3. */
  dimsPerWord?: number;
}

/**
 * A deterministic stand-in for a real model: each lowercase word is hashed onto a few dimensions
 * (bag of words), then the vector is L2-normalised. Texts sharing words are similar; word order and
 * the query/passage kind do not matter. Counts its work and can be told to return NaN for a text.
 */
export class FakeEmbedder implements Embedder {
  readonly modelId: string;
  readonly dim: number;
  private readonly dimsPerWord: number;
  private readonly poisoned = new Set<string>();
  /** Number of `embed` calls. */
  embedCalls = 0;
  /** Every text embedded, in order, repeats included: shows whether anything was embedded twice. */
  readonly embeddedTexts: string[] = [];
  /** Number of `load` calls. */
  loadCalls = 0;
  disposed = false;

  constructor(options: FakeEmbedderOptions = {}) {
    this.dim = options.dim ?? 64;
    this.modelId = options.modelId ?? 'fake-bag-of-words';
    this.dimsPerWord = options.dimsPerWord ?? 3;
  }

  /** From now on the vector for exactly this text is all NaN, to test that callers reject it. */
  returnNaNFor(text: string): void {
    this.poisoned.add(text);
  }

  /** Number of texts embedded so far. */
  get textCount(): number {
    return this.embeddedTexts.length;
  }

  /** Forgets the counters (not the NaN texts), e.g. between a first and a second indexing run. */
  resetCounts(): void {
    this.embedCalls = 0;
    this.loadCalls = 0;
    this.embeddedTexts.length = 0;
  }

  async load(): Promise<EmbedderInfo> {
    this.loadCalls++;
    return { modelId: this.modelId, dim: this.dim, fingerprint: `${this.modelId}/fake/${this.dim}/${this.dimsPerWord}` };
  }

  async embed(texts: string[], _kind: EmbedKind): Promise<Float32Array[]> {
    this.embedCalls++;
    this.embeddedTexts.push(...texts);
    return texts.map((text) => (this.poisoned.has(text) ? new Float32Array(this.dim).fill(Number.NaN) : this.vectorFor(text)));
  }

  async dispose(): Promise<void> {
    this.disposed = true;
  }

  /** The vector for one text; exposed so tests can compute expected similarities. */
  vectorFor(text: string): Float32Array {
    const vector = new Float32Array(this.dim);
    const words = text.toLowerCase().normalize('NFD').replace(/\p{Mn}/gu, '').match(/[\p{L}\p{N}]+/gu) ?? [];
    for (const word of words) {
      for (let k = 0; k < this.dimsPerWord; k++) {
        const hash = fnv1a(`${k}:${word}`);
        const slot = hash % this.dim;
        vector[slot] = (vector[slot] ?? 0) + (hash & 0x80000000 ? -1 : 1);
      }
    }
    let norm = Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0));
    if (norm === 0) {
      vector[0] = 1; // texts without words still get a valid unit vector
      norm = 1;
    }
    return vector.map((value) => value / norm);
  }
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
