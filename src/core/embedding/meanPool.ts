/**
 * Mean pooling and L2 normalisation of a model's token vectors, done here rather than by
 * transformers.js: its `pooling: 'mean'` walks the hidden states column by column and converts every
 * int64 mask value from a BigInt, which took about twice as long as the forward pass itself on our
 * chunks (90 ms per batch of 32 at 384 dims). This walks each token's row once, in memory order.
 * The result is the same vector (same order of additions; only the last bits of the norm may differ).
 */

/** The part of a transformers.js tensor this needs. */
export interface TokenStates {
  /** Row-major `[batch, sequence, dim]`. */
  readonly data: ArrayLike<number>;
  readonly dims: readonly number[];
}

/** One unit-length vector per text: the mean of its tokens' vectors where `mask` is 1, then L2-normalised. */
export function meanPoolNormalized(states: TokenStates, mask: ArrayLike<number | bigint>): Float32Array[] {
  const [batch = 0, sequence = 0, dim = 0] = states.dims;
  if (states.dims.length !== 3 || mask.length !== batch * sequence || states.data.length !== batch * sequence * dim) {
    throw new Error(`Unexpected model output: token states of shape [${states.dims.join(', ')}] with a mask of ${mask.length} values.`);
  }
  const data = states.data;
  const sums = new Float64Array(dim);
  const vectors: Float32Array[] = [];
  for (let row = 0; row < batch; row++) {
    sums.fill(0);
    let tokens = 0;
    for (let position = 0; position < sequence; position++) {
      if (Number(mask[row * sequence + position]) === 0) continue;
      tokens++;
      const offset = (row * sequence + position) * dim;
      for (let k = 0; k < dim; k++) sums[k] = (sums[k] as number) + (data[offset + k] as number);
    }
    const vector = new Float32Array(dim);
    // No tokens (cannot happen with [CLS]/[SEP], but a foreign model might): all zeros, which the vector check rejects.
    if (tokens > 0) {
      let norm = 0;
      for (let k = 0; k < dim; k++) {
        const mean = (sums[k] as number) / tokens;
        vector[k] = mean;
        norm += (vector[k] as number) * (vector[k] as number);
      }
      norm = Math.sqrt(norm);
      if (norm > 0) for (let k = 0; k < dim; k++) vector[k] = (vector[k] as number) / norm;
    }
    vectors.push(vector);
  }
  return vectors;
}
