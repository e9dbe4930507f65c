import { describe, expect, it } from 'vitest';
import { isWorkerReply, packVectors, PendingRequests, unpackVectors } from '../../../src/plugin/embedding/workerProtocol';

describe('packVectors / unpackVectors', () => {
  it('round-trips vectors through one transferable buffer', () => {
    const vectors = [new Float32Array([1, 2, 3]), new Float32Array([4, 5, 6])];
    const packed = packVectors(vectors);
    expect(packed).toMatchObject({ dim: 3, count: 2 });
    expect(packed.data.length).toBe(6);
    expect(unpackVectors(packed).map((v) => Array.from(v))).toEqual([[1, 2, 3], [4, 5, 6]]);
  });

  it('refuses ragged vectors', () => {
    expect(() => packVectors([new Float32Array(3), new Float32Array(2)])).toThrow(/expected 3/);
  });

  it('refuses a reply whose size does not match count x dim', () => {
    expect(() => unpackVectors({ dim: 4, count: 2, data: new Float32Array(6) })).toThrow(/expected 2 x 4/);
  });

  it('refuses NaN vectors so they never reach the index', () => {
    expect(() => unpackVectors({ dim: 2, count: 2, data: new Float32Array([0.1, 0.2, NaN, 0.3]) })).toThrow(/Embedding 1/);
  });

  it('handles an empty batch', () => {
    expect(unpackVectors(packVectors([]))).toEqual([]);
  });
});

describe('isWorkerReply', () => {
  it('accepts the three reply shapes', () => {
    expect(isWorkerReply({ type: 'ready', id: 1, info: { modelId: 'm', dim: 3, fingerprint: 'f' } })).toBe(true);
    expect(isWorkerReply({ type: 'embedded', id: 1, dim: 3, count: 0, data: new Float32Array(0) })).toBe(true);
    expect(isWorkerReply({ type: 'error', id: null, message: 'boom' })).toBe(true);
  });

  it('rejects anything else', () => {
    for (const value of [null, 'ready', { type: 'ready' }, { type: 'embedded', id: 1, dim: 3, count: 1, data: [1, 2, 3] }, { type: 'log', id: 1 }]) {
      expect(isWorkerReply(value)).toBe(false);
    }
  });
});

describe('PendingRequests', () => {
  it('settles each request by its own id, in any order', async () => {
    const table = new PendingRequests<string>();
    const a = table.open();
    const b = table.open();
    expect(a.id).not.toBe(b.id);
    table.resolve(b.id, 'second');
    table.resolve(a.id, 'first');
    await expect(a.promise).resolves.toBe('first');
    await expect(b.promise).resolves.toBe('second');
    expect(table.size).toBe(0);
  });

  it('ignores a late reply to a request that was already rejected', async () => {
    const table = new PendingRequests<string>();
    const a = table.open();
    expect(table.reject(a.id, new Error('cancelled'))).toBe(true);
    expect(table.resolve(a.id, 'late')).toBe(false);
    await expect(a.promise).rejects.toThrow('cancelled');
  });

  it('never reuses an id, so a late reply cannot settle a newer request', async () => {
    const table = new PendingRequests<string>();
    const first = table.open();
    table.reject(first.id, new Error('x'));
    first.promise.catch(() => undefined);
    const second = table.open();
    expect(second.id).not.toBe(first.id);
    expect(table.resolve(first.id, 'late')).toBe(false);
    expect(table.has(second.id)).toBe(true);
  });

  it('rejects everything at once', async () => {
    const table = new PendingRequests<string>();
    const all = [table.open(), table.open()];
    table.rejectAll(new Error('worker died'));
    for (const { promise } of all) await expect(promise).rejects.toThrow('worker died');
  });
});
