import { describe, expect, it } from 'vitest';
import { findVectorProblem } from '../../src/core/embedding/vectorCheck';
import { FakeEmbedder } from '../helpers/fakeEmbedder';

const dot = (a: Float32Array, b: Float32Array) => a.reduce((sum, value, i) => sum + value * (b[i] as number), 0);

describe('FakeEmbedder (test double)', () => {
  it('gives unit vectors of the configured size, the same for the same words', async () => {
    const fake = new FakeEmbedder({ dim: 32 });
    expect((await fake.load()).dim).toBe(32);
    const [a, b, empty] = (await fake.embed(['Samen werken', 'werken, samen!', ''], 'passage')) as [Float32Array, Float32Array, Float32Array];
    expect(a.length).toBe(32);
    expect(dot(a, a)).toBeCloseTo(1, 5);
    expect(b).toEqual(a);
    expect(findVectorProblem(empty, 32)).toBeNull();
  });

  it('scores shared words above unrelated words', async () => {
    const fake = new FakeEmbedder({ dim: 256 });
    const [a, b, c] = (await fake.embed(['leerlingen plannen samen', 'leerlingen plannen zelf', 'rekenen in groep acht'], 'passage'));
    expect(dot(a!, b!)).toBeGreaterThan(dot(a!, c!) + 0.3);
  });

  it('returns a NaN vector for a chosen text and counts what it embedded', async () => {
    const fake = new FakeEmbedder();
    fake.returnNaNFor('kapot');
    const [good, bad] = (await fake.embed(['heel', 'kapot'], 'passage'));
    expect(findVectorProblem(good!, fake.dim)).toBeNull();
    expect(findVectorProblem(bad!, fake.dim)).toBe('not-finite');
    await fake.embed(['heel'], 'query');
    expect(fake.embedCalls).toBe(2);
    expect(fake.embeddedTexts).toEqual(['heel', 'kapot', 'heel']);
    fake.resetCounts();
    expect(fake.textCount).toBe(0);
  });

  it('has a fingerprint that differs with the dimension', async () => {
    expect((await new FakeEmbedder({ dim: 16 }).load()).fingerprint).not.toBe((await new FakeEmbedder({ dim: 32 }).load()).fingerprint);
  });
});
