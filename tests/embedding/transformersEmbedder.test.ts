import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { env, pipeline } from '@huggingface/transformers';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  EmbeddingError,
  ModelLoadError,
  TransformersEmbedder,
  type TransformersEmbedderOptions,
} from '../../src/core/embedding/transformersEmbedder';
import { TEST_MODEL_DIR, TEST_MODEL_ID } from '../helpers/testModel';

const tiny: TransformersEmbedderOptions = { modelId: TEST_MODEL_ID, localModelDir: TEST_MODEL_DIR };
const scratch = mkdtempSync(join(tmpdir(), 'vw-embedder-'));
const opened: TransformersEmbedder[] = [];

/** Records what reaches the model and can make it return NaN for chosen texts. */
class ObservedEmbedder extends TransformersEmbedder {
  readonly batches: string[][] = [];
  /** Texts that come back NaN when embedded together with others. */
  readonly nanInBatch = new Set<string>();
  /** Texts that always come back NaN. */
  readonly nanAlways = new Set<string>();

  protected override async runBatch(texts: string[]): Promise<Float32Array[]> {
    this.batches.push(texts);
    const vectors = await super.runBatch(texts);
    return vectors.map((vector, i) => {
      const text = texts[i] as string;
      const broken = this.nanAlways.has(text) || (texts.length > 1 && this.nanInBatch.has(text));
      return broken ? new Float32Array(vector.length).fill(Number.NaN) : vector;
    });
  }
}

function open<T extends TransformersEmbedder>(embedder: T): T {
  opened.push(embedder);
  return embedder;
}

function cosine(a: Float32Array, b: Float32Array): number {
  return a.reduce((sum, value, i) => sum + value * (b[i] as number), 0);
}

let fetchSpy: ReturnType<typeof vi.fn>;
const originalEnvFetch = env.fetch;
beforeEach(() => {
  fetchSpy = vi.fn(() => Promise.reject(new Error('network used in a test')));
  env.fetch = fetchSpy as unknown as typeof env.fetch;
  vi.stubGlobal('fetch', fetchSpy);
});
afterEach(async () => {
  env.fetch = originalEnvFetch;
  vi.unstubAllGlobals();
  await Promise.all(opened.splice(0).map((embedder) => embedder.dispose()));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('TransformersEmbedder with the tiny offline model', () => {
  it('loads through the real pipeline without the network and gives 384-dim unit vectors', async () => {
    const embedder = open(new TransformersEmbedder({ ...tiny, allowRemote: true }));
    const info = await embedder.load();
    expect(info.modelId).toBe(TEST_MODEL_ID);
    expect(info.dim).toBe(384);
    expect(env.allowRemoteModels).toBe(false); // localModelDir wins over allowRemote
    const vectors = await embedder.embed(['De leerlingen werken samen.', 'Veiligheid in de klas'], 'passage');
    expect(vectors).toHaveLength(2);
    for (const vector of vectors) {
      expect(vector).toBeInstanceOf(Float32Array);
      expect(vector.length).toBe(384);
      expect(Math.sqrt(cosine(vector, vector))).toBeCloseTo(1, 5);
    }
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('gives the same vectors after a fresh load', async () => {
    const texts = ['Eigenaarschap: leerlingen kiezen zelf de volgorde.', 'Nieuwsgierig zijn en vragen stellen.'];
    const first = open(new TransformersEmbedder(tiny));
    const before = await first.embed(texts, 'passage');
    await first.dispose();
    const after = await open(new TransformersEmbedder(tiny)).embed(texts, 'passage');
    expect(after).toEqual(before);
  });

  it('pools to the same vectors as transformers.js does itself, padding included', async () => {
    // Texts of very different lengths, so the short ones are padded and the mask must exclude the padding.
    const texts = ['Veiligheid', 'De leerlingen werken samen aan hun planning en kiezen zelf de volgorde van de taken.', 'Rekenen in groep acht'];
    const embedder = open(new TransformersEmbedder(tiny));
    const ours = await embedder.embed(texts, 'passage');
    const extractor = await pipeline('feature-extraction', TEST_MODEL_ID, { dtype: 'q8', local_files_only: true });
    const theirs = await extractor(texts, { pooling: 'mean', normalize: true });
    await extractor.dispose();
    const [rows, dim] = theirs.dims as [number, number];
    expect(ours).toHaveLength(rows);
    ours.forEach((vector, row) => {
      const expected = (theirs.data as Float32Array).slice(row * dim, (row + 1) * dim);
      const largestDifference = vector.reduce((most, value, k) => Math.max(most, Math.abs(value - (expected[k] as number))), 0);
      expect(largestDifference).toBeLessThan(1e-6);
    });
  });

  it('scores sentences that share words higher than unrelated ones', async () => {
    const [a, b, c] = (await open(new TransformersEmbedder(tiny)).embed(
      ['De leerlingen werken samen aan hun planning', 'Leerlingen maken samen een planning', 'Rekenen en taal in groep acht'],
      'passage',
    )) as [Float32Array, Float32Array, Float32Array];
    expect(cosine(a, b)).toBeGreaterThan(cosine(a, c) + 0.2);
    expect(cosine(a, b)).toBeGreaterThan(cosine(b, c) + 0.2);
  });

  it('loads the quantized file for q8 and the full one for fp32', async () => {
    const text = ['Samen leren in een veilige school'];
    const [q8] = (await open(new TransformersEmbedder({ ...tiny, dtype: 'q8' })).embed(text, 'query')) as [Float32Array];
    const [fp32] = (await open(new TransformersEmbedder({ ...tiny, dtype: 'fp32' })).embed(text, 'query')) as [Float32Array];
    expect(fp32).not.toEqual(q8);
    expect(cosine(fp32, q8)).toBeGreaterThan(0.99);
  });

  it('sends at most 32 texts per model call', async () => {
    const embedder = open(new ObservedEmbedder({ ...tiny, batchSize: 500 }));
    expect(embedder.batchSize).toBe(32);
    await embedder.load();
    embedder.batches.length = 0; // forget the load probe
    const texts = Array.from({ length: 70 }, (_, i) => `leerling ${i}`);
    const vectors = await embedder.embed(texts, 'passage');
    expect(vectors).toHaveLength(70);
    expect(embedder.batches.map((batch) => batch.length)).toEqual([32, 32, 6]);
    expect(embedder.batches.flat()).toEqual(texts);
  });

  it('re-embeds a NaN vector alone and keeps the good second answer', async () => {
    const texts = ['Leerlingen plannen hun week', 'De leraar geeft feedback', 'Samen werken aan taal'];
    const clean = await open(new TransformersEmbedder(tiny)).embed([texts[2] as string], 'passage');
    const embedder = open(new ObservedEmbedder(tiny));
    embedder.nanInBatch.add(texts[2] as string);
    await embedder.load();
    embedder.batches.length = 0;
    const vectors = await embedder.embed(texts, 'passage');
    expect(embedder.batches).toEqual([texts, [texts[2]]]);
    expect(vectors[2]).toEqual(clean[0]);
  });

  it('rejects a vector that stays NaN with an EmbeddingError naming the text', async () => {
    const embedder = open(new ObservedEmbedder(tiny));
    embedder.nanAlways.add('kapotte tekst');
    const failure = await embedder.embed(['goede tekst', 'kapotte tekst'], 'passage').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(EmbeddingError);
    expect((failure as EmbeddingError).textIndex).toBe(1);
    expect((failure as EmbeddingError).problem).toBe('not-finite');
  });

  it('applies the e5 query/passage prefixes automatically for an e5 model id', async () => {
    const dir = join(scratch, 'e5');
    cpSync(join(TEST_MODEL_DIR, TEST_MODEL_ID), join(dir, 'tiny-e5-small'), { recursive: true });
    const embedder = open(new ObservedEmbedder({ modelId: 'tiny-e5-small', localModelDir: dir }));
    await embedder.load();
    embedder.batches.length = 0;
    await embedder.embed(['wat betekent eigenaarschap?'], 'query');
    await embedder.embed(['Leerlingen kiezen zelf.'], 'passage');
    expect(embedder.batches).toEqual([['query: wat betekent eigenaarschap?'], ['passage: Leerlingen kiezen zelf.']]);

    const plain = open(new ObservedEmbedder(tiny));
    await plain.embed(['wat betekent eigenaarschap?'], 'query');
    expect(plain.batches.at(-1)).toEqual(['wat betekent eigenaarschap?']);
  });
});

describe('TransformersEmbedder fingerprint', () => {
  const fingerprintOf = async (options: TransformersEmbedderOptions) => (await open(new TransformersEmbedder(options)).load()).fingerprint;

  it('is stable for the same settings and changes with dtype and prefixes', async () => {
    const q8 = await fingerprintOf(tiny);
    expect(await fingerprintOf(tiny)).toBe(q8);
    expect(await fingerprintOf({ ...tiny, dtype: 'fp32' })).not.toBe(q8);
    expect(await fingerprintOf({ ...tiny, prefixes: { query: 'query: ', passage: 'passage: ' } })).not.toBe(q8);
  });

  it('changes when the model files change', async () => {
    const dir = join(scratch, 'changed');
    cpSync(join(TEST_MODEL_DIR, TEST_MODEL_ID), join(dir, TEST_MODEL_ID), { recursive: true });
    const before = await fingerprintOf({ ...tiny, localModelDir: dir });
    expect(before).toBe(await fingerprintOf(tiny)); // same files in another folder: comparable vectors
    const modelDir = join(dir, TEST_MODEL_ID);
    // Another valid model file (the fp32 weights under the q8 name): loads fine, different vectors.
    copyFileSync(join(modelDir, 'onnx', 'model.onnx'), join(modelDir, 'onnx', 'model_quantized.onnx'));
    const newWeights = await fingerprintOf({ ...tiny, localModelDir: dir });
    expect(newWeights).not.toBe(before);
    const config = JSON.parse(readFileSync(join(modelDir, 'config.json'), 'utf8'));
    writeFileSync(join(modelDir, 'config.json'), JSON.stringify({ ...config, layer_norm_eps: 1e-6 }));
    expect(await fingerprintOf({ ...tiny, localModelDir: dir })).not.toBe(newWeights);
  });
});

describe('TransformersEmbedder load errors', () => {
  it('says plainly which model is missing where, without touching the network', async () => {
    const embedder = new TransformersEmbedder({ modelId: 'bestaat-niet', localModelDir: TEST_MODEL_DIR, allowRemote: true });
    const failure = await embedder.load().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ModelLoadError);
    expect((failure as Error).message).toBe(
      `Model "bestaat-niet" not found in ${TEST_MODEL_DIR} (expected ${join(TEST_MODEL_DIR, 'bestaat-niet', 'config.json')}).`,
    );
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('names the missing onnx file for the chosen dtype', async () => {
    const dir = join(scratch, 'incomplete');
    cpSync(join(TEST_MODEL_DIR, TEST_MODEL_ID), join(dir, TEST_MODEL_ID), { recursive: true });
    rmSync(join(dir, TEST_MODEL_ID, 'onnx', 'model.onnx'));
    const failure = await new TransformersEmbedder({ ...tiny, localModelDir: dir, dtype: 'fp32' }).load().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ModelLoadError);
    expect((failure as Error).message).toContain(join('onnx', 'model.onnx'));
    expect((failure as Error).message).toContain('"fp32"');
  });

  it('refuses to download when remote loading is off and no folder is given', async () => {
    const embedder = new TransformersEmbedder({ modelId: 'Xenova/multilingual-e5-small-nergens', cacheDir: join(scratch, 'empty-cache') });
    const failure = await embedder.load().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ModelLoadError);
    expect((failure as Error).message).toMatch(/not available on this computer and downloading is off/);
    expect(fetchSpy).not.toHaveBeenCalled();
  });
});
