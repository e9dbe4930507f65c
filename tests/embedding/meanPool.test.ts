import { describe, expect, it } from 'vitest';
import { meanPoolNormalized } from '../../src/core/embedding/meanPool';

describe('meanPoolNormalized', () => {
  it('averages only the tokens the mask keeps, then scales to unit length', () => {
    // Two texts, three positions, two dims; the second text has one padding position holding junk.
    const states = { dims: [2, 3, 2], data: [1, 0, 3, 0, 2, 0, 0, 1, 0, 3, 100, 100] };
    const mask = [1n, 1n, 1n, 1n, 1n, 0n];
    const [first, second] = meanPoolNormalized(states, mask);
    expect(Array.from(first ?? [])).toEqual([1, 0]);
    // Mean of (0,1) and (0,3) is (0,2): unit length (0,1); the padding's (100,100) is left out.
    expect(Array.from(second ?? [])).toEqual([0, 1]);
  });

  it('keeps the direction of a mixed mean', () => {
    const [vector] = meanPoolNormalized({ dims: [1, 2, 2], data: [3, 0, 3, 8] }, [1, 1]);
    expect(vector?.[0]).toBeCloseTo(0.6, 6);
    expect(vector?.[1]).toBeCloseTo(0.8, 6);
  });

  it('gives all zeros for a text without tokens, which the vector check then rejects', () => {
    const [vector] = meanPoolNormalized({ dims: [1, 2, 2], data: [1, 2, 3, 4] }, [0, 0]);
    expect(Array.from(vector ?? [])).toEqual([0, 0]);
  });

  it('refuses output whose shape does not match the mask, with the shapes in the message', () => {
    expect(() => meanPoolNormalized({ dims: [1, 3, 2], data: [1, 2, 3, 4, 5, 6] }, [1, 1])).toThrow(/\[1, 3, 2\].*2 values/);
    expect(() => meanPoolNormalized({ dims: [2, 2], data: [1, 2, 3, 4] }, [1, 1])).toThrow(/Unexpected model output/);
  });
});
