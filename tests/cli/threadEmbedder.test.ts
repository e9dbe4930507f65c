/**
 * The CLI's model thread: built the way esbuild.config.mjs builds it, then compared with the
 * in-process embedder on the tiny offline model.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import esbuild from 'esbuild';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TransformersEmbedder } from '../../src/core/embedding/transformersEmbedder';
import { ThreadEmbedder, embeddingThreadScript } from '../../src/cli/threadEmbedder';
import { localEmbedder } from '../../src/cli/modelOption';
import { TEST_MODEL_DIR, TEST_MODEL_ID } from '../helpers/testModel';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const tiny = { modelId: TEST_MODEL_ID, localModelDir: TEST_MODEL_DIR };
const TEXTS = ['Leerlingen kiezen zelf de volgorde van hun taken.', 'Samen leer je meer dan alleen.', 'Rekenen in groep acht'];
let scratch: string;
let script: string;
const opened: { dispose(): Promise<void> }[] = [];

beforeAll(async () => {
  // Inside node_modules, so the bundle's require() finds the runtime as dist/embedding-thread.cjs does.
  mkdirSync(join(ROOT, 'node_modules', '.cache'), { recursive: true });
  scratch = mkdtempSync(join(ROOT, 'node_modules', '.cache', 'vw-thread-'));
  script = join(scratch, 'embedding-thread.cjs');
  await esbuild.build({
    entryPoints: [join(ROOT, 'src/cli/embeddingThread.ts')],
    outfile: script,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['@huggingface/transformers', 'onnxruntime-node', 'sharp'],
    inject: [join(ROOT, 'scripts/import-meta-url-shim.js')],
    define: { 'import.meta.url': 'importMetaUrl' },
    logLevel: 'silent',
  });
});
afterEach(async () => {
  await Promise.all(opened.splice(0).map((e) => e.dispose()));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function open<T extends { dispose(): Promise<void> }>(embedder: T): T {
  opened.push(embedder);
  return embedder;
}

describe('ThreadEmbedder (the model in a worker thread)', () => {
  it('gives the same fingerprint and vectors as the in-process embedder, and times the model', async () => {
    const threaded = open(new ThreadEmbedder(script, tiny));
    const local = open(new TransformersEmbedder(tiny));
    expect(await threaded.load()).toEqual(await local.load());
    const [a, b] = [await threaded.embed(TEXTS, 'passage'), await local.embed(TEXTS, 'passage')];
    expect(a).toHaveLength(3);
    a.forEach((vector, i) => expect(Array.from(vector)).toEqual(Array.from(b[i] ?? [])));
    expect(threaded.modelMs).toBeGreaterThan(0);
  });

  it('answers requests made at the same time, each with its own vectors', async () => {
    const threaded = open(new ThreadEmbedder(script, tiny));
    const [one, two] = await Promise.all([threaded.embed([TEXTS[0] ?? ''], 'passage'), threaded.embed([TEXTS[1] ?? '', TEXTS[2] ?? ''], 'query')]);
    const local = open(new TransformersEmbedder(tiny));
    expect(Array.from(one[0] ?? [])).toEqual(Array.from((await local.embed([TEXTS[0] ?? ''], 'passage'))[0] ?? []));
    expect(two).toHaveLength(2);
  });

  it('passes on a missing model as the same clear message, and can load again later', async () => {
    const missing = open(new ThreadEmbedder(script, { modelId: 'geen-model', localModelDir: TEST_MODEL_DIR }));
    await expect(missing.load()).rejects.toThrow(/Model "geen-model" not found in .*config\.json/);
    await expect(missing.load()).rejects.toThrow(/not found/);
  });

  it('fails a request still waiting when it is closed, instead of hanging', async () => {
    const threaded = open(new ThreadEmbedder(script, tiny));
    await threaded.load();
    const outcome = threaded.embed(TEXTS, 'passage').then(() => 'answered', (error: Error) => error.message);
    await new Promise((resolve) => setImmediate(resolve)); // the request is with the thread now
    await threaded.dispose();
    expect(await outcome).toMatch(/closed/);
  });
});

describe('choosing where the CLI runs the model', () => {
  it('uses the thread when the built script is beside the CLI, in-process when it is not', () => {
    expect(localEmbedder(tiny, script)).toBeInstanceOf(ThreadEmbedder);
    expect(localEmbedder(tiny, null)).toBeInstanceOf(TransformersEmbedder);
    expect(embeddingThreadScript(scratch)).toBe(script);
    expect(embeddingThreadScript(join(scratch, 'elders'))).toBeNull();
  });
});
