import { describe, expect, it } from 'vitest';
import { embedInCheckedBatches, EmbeddingError, findVectorProblem, type BatchRunner } from '../../src/core/embedding/vectorCheck';

const good = (seed: number) => Float32Array.from([seed, 1, 0]);

describe('findVectorProblem', () => {
  it('accepts a finite, non-zero vector of the expected size', () => {
    expect(findVectorProblem(Float32Array.from([0, 0.6, 0.8]), 3)).toBeNull();
  });

  it('names what is wrong with a vector', () => {
    expect(findVectorProblem(Float32Array.from([0.6, Number.NaN, 0.8]), 3)).toBe('not-finite');
    expect(findVectorProblem(Float32Array.from([Number.POSITIVE_INFINITY, 0, 0]), 3)).toBe('not-finite');
    expect(findVectorProblem(new Float32Array(3), 3)).toBe('all-zero');
    expect(findVectorProblem(Float32Array.from([1, 0]), 3)).toBe('wrong-dimension');
    expect(findVectorProblem(new Float32Array(0))).toBe('all-zero');
  });
});

describe('embedInCheckedBatches', () => {
  it('never sends more than batchSize texts per call and keeps the order', async () => {
    const sizes: number[] = [];
    const run: BatchRunner = async (texts) => {
      sizes.push(texts.length);
      return texts.map((text) => good(Number(text)));
    };
    const texts = Array.from({ length: 70 }, (_, i) => String(i));
    const vectors = await embedInCheckedBatches(texts, run, { batchSize: 32, expectedDim: 3, modelId: 'm' });
    expect(sizes).toEqual([32, 32, 6]);
    expect(vectors.map((vector) => vector[0])).toEqual(texts.map(Number));
  });

  it('re-embeds a bad vector alone once and keeps the good answer', async () => {
    const calls: string[][] = [];
    const run: BatchRunner = async (texts) => {
      calls.push(texts);
      // Imitates the WASM bug: the last item of a multi-text batch comes back NaN.
      return texts.map((text, i) => (texts.length > 1 && i === texts.length - 1 ? Float32Array.from([Number.NaN, 0, 0]) : good(Number(text))));
    };
    const vectors = await embedInCheckedBatches(['1', '2', '3'], run, { batchSize: 32, expectedDim: 3, modelId: 'm' });
    expect(calls).toEqual([['1', '2', '3'], ['3']]);
    expect(vectors[2]).toEqual(good(3));
  });

  it('throws EmbeddingError naming the text index when the retry is bad too', async () => {
    const run: BatchRunner = async (texts) => texts.map((text) => (text === 'kapot' ? new Float32Array(3) : good(1)));
    const texts = Array.from({ length: 40 }, (_, i) => (i === 35 ? 'kapot' : 'heel'));
    const failure = await embedInCheckedBatches(texts, run, { batchSize: 32, expectedDim: 3, modelId: 'm' }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(EmbeddingError);
    expect((failure as EmbeddingError).textIndex).toBe(35);
    expect((failure as EmbeddingError).problem).toBe('all-zero');
    expect((failure as EmbeddingError).message).toContain('text 35');
  });

  it('rejects vectors of the wrong size', async () => {
    const run: BatchRunner = async (texts) => texts.map(() => Float32Array.from([1, 0]));
    await expect(embedInCheckedBatches(['a'], run, { batchSize: 32, expectedDim: 3, modelId: 'm' })).rejects.toThrow(EmbeddingError);
  });
});
