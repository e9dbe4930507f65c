import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TransformersEmbedder } from '../../../src/core/embedding/transformersEmbedder';
import { prefixesForModel } from '../../../src/core/embedding/modelPrefixes';
import { sha256Hex } from '../../../src/plugin/embedding/sha256';
import { workerFingerprint } from '../../../src/plugin/embedding/workerFingerprint';
import { TEST_MODEL_DIR, TEST_MODEL_ID } from '../../helpers/testModel';

const nodeSha = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

describe('sha256Hex', () => {
  it('matches node:crypto at every padding boundary and for text', () => {
    for (const length of [0, 1, 55, 56, 63, 64, 65, 119, 120, 1000, 70_000]) {
      const bytes = new Uint8Array(randomBytes(length));
      expect(sha256Hex(bytes), `length ${length}`).toBe(nodeSha(bytes));
    }
    expect(sha256Hex('kernwaarden: eigenaarschap, vertrouwen — ë')).toBe(nodeSha('kernwaarden: eigenaarschap, vertrouwen — ë'));
  });
});

describe('workerFingerprint', () => {
  it.each(['q8', 'fp32'] as const)('equals the Node embedder fingerprint for the same model files (%s)', async (dtype) => {
    const node = new TransformersEmbedder({ modelId: TEST_MODEL_ID, localModelDir: TEST_MODEL_DIR, dtype });
    const info = await node.load();
    await node.dispose();
    const dir = join(TEST_MODEL_DIR, TEST_MODEL_ID);
    const onnx = join(dir, 'onnx', dtype === 'q8' ? 'model_quantized.onnx' : 'model.onnx');
    const fingerprint = workerFingerprint({
      modelId: TEST_MODEL_ID,
      dtype,
      dim: info.dim,
      prefixes: prefixesForModel(TEST_MODEL_ID),
      config: new Uint8Array(readFileSync(join(dir, 'config.json'))),
      tokenizerBytes: statSync(join(dir, 'tokenizer.json')).size,
      onnxBytes: statSync(onnx).size,
    });
    expect(fingerprint).toBe(info.fingerprint);
  });

  it('changes with anything that shapes the vectors', () => {
    const base = {
      modelId: 'Xenova/multilingual-e5-small', dtype: 'q8' as const, dim: 384, prefixes: { query: 'query: ', passage: 'passage: ' },
      config: new TextEncoder().encode('{"a":1}'), tokenizerBytes: 100, onnxBytes: 200,
    };
    const variants = [
      { dtype: 'fp32' as const }, { dim: 768 }, { prefixes: { query: '', passage: '' } },
      { config: new TextEncoder().encode('{"a":2}') }, { onnxBytes: 201 },
    ];
    const seen = new Set([workerFingerprint(base)]);
    for (const change of variants) seen.add(workerFingerprint({ ...base, ...change }));
    expect(seen.size).toBe(variants.length + 1);
  });
});
