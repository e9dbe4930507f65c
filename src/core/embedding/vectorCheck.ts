/**
 * Every vector is checked before anyone stores it: runtimes have been seen returning all-NaN vectors
 * for the last item of a batch, and one such vector wrecks ranking for the whole index.
 */

/** Why a vector cannot be used. */
export type VectorProblem = 'wrong-dimension' | 'not-finite' | 'all-zero';

/** The first problem found in `vector`, or null when it is usable. `expectedDim` is skipped when unknown. */
export function findVectorProblem(vector: ArrayLike<number>, expectedDim?: number): VectorProblem | null {
  if (expectedDim !== undefined && vector.length !== expectedDim) return 'wrong-dimension';
  if (vector.length === 0) return 'all-zero';
  let anyNonZero = false;
  for (let i = 0; i < vector.length; i++) {
    const value = vector[i] as number;
    if (!Number.isFinite(value)) return 'not-finite';
    if (value !== 0) anyNonZero = true;
  }
  return anyNonZero ? null : 'all-zero';
}

const PROBLEM_TEXT: Record<VectorProblem, string> = {
  'wrong-dimension': 'has the wrong number of dimensions',
  'not-finite': 'contains NaN or Infinity',
  'all-zero': 'is all zeros',
};

/** The model produced an unusable vector for one text, even when that text was embedded on its own. */
export class EmbeddingError extends Error {
  override readonly name = 'EmbeddingError';

  constructor(
    /** Index of the text in the array passed to `embed`. */
    readonly textIndex: number,
    readonly problem: VectorProblem,
    modelId: string,
  ) {
    super(`Model "${modelId}" gave an unusable vector for text ${textIndex}: it ${PROBLEM_TEXT[problem]}, also when embedded alone.`);
  }
}

/** Embeds one batch; returns one vector per text, in order. */
export type BatchRunner = (texts: string[]) => Promise<Float32Array[]>;

/** How `embedInCheckedBatches` should run. */
export interface CheckedBatchOptions {
  /** Texts per call of the runner (already clamped by the caller). */
  batchSize: number;
  /** Vector size every result must have; undefined while still unknown (the first probe). */
  expectedDim?: number;
  /** Named in errors. */
  modelId: string;
}

/**
 * Runs `run` over `texts` in batches and checks each vector. A bad vector is embedded again on its own,
 * once (batch effects such as padding cause most failures); if it is still bad, throws EmbeddingError.
 */
export async function embedInCheckedBatches(texts: readonly string[], run: BatchRunner, options: CheckedBatchOptions): Promise<Float32Array[]> {
  const { batchSize, expectedDim, modelId } = options;
  const results: Float32Array[] = [];
  for (let start = 0; start < texts.length; start += batchSize) {
    const batch = texts.slice(start, start + batchSize);
    const vectors = await runExpectingCount(run, batch, modelId);
    for (let offset = 0; offset < batch.length; offset++) {
      let vector = vectors[offset] as Float32Array;
      if (findVectorProblem(vector, expectedDim) !== null) {
        [vector] = (await runExpectingCount(run, [batch[offset] as string], modelId)) as [Float32Array];
        const problem = findVectorProblem(vector, expectedDim);
        if (problem !== null) throw new EmbeddingError(start + offset, problem, modelId);
      }
      results.push(vector);
    }
  }
  return results;
}

async function runExpectingCount(run: BatchRunner, batch: string[], modelId: string): Promise<Float32Array[]> {
  const vectors = await run(batch);
  if (vectors.length !== batch.length) {
    throw new Error(`Model "${modelId}" returned ${vectors.length} vectors for ${batch.length} texts.`);
  }
  return vectors;
}
