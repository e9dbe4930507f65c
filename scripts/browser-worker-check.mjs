#!/usr/bin/env node
/**
 * Real-browser check of the embedding worker, the way Obsidian runs it.
 *
 * Builds a page bundle that uses the plugin's own host code (`WorkerEmbedder` + the inlined worker
 * started from a Blob), serves it with the tiny test model and the onnxruntime `.wasm` on 127.0.0.1,
 * drives Debian's headless Chromium with playwright-core (every request not to 127.0.0.1 is blocked
 * and recorded), embeds two Dutch sentences and compares the vectors and the fingerprint with what
 * Node's `TransformersEmbedder` gives for the same files.
 *
 *   node scripts/browser-worker-check.mjs          human summary, exit 1 on failure
 *   node scripts/browser-worker-check.mjs --json   the full result as JSON on stdout
 *
 * Needs /usr/bin/chromium (Debian package `chromium`); never downloads a browser.
 */
import esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundledOrtWebDir, bundledOrtWebVersion, inlineWorkerPlugin } from './inline-worker-plugin.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const MODEL_ID = 'visiewijzer-tiny';
const TEST_MODEL_ROOT = join(ROOT, '.test-model');
const WORK_DIR = join(ROOT, '.tmp', 'browser-worker-check');
const TEXTS = [
  'Wij geven leerlingen eigenaarschap over hun eigen leren en hun keuzes.',
  'De leraar geeft feedback op het lesdoel en bespreekt de succescriteria met de klas.',
];
const CHROMIUM_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

function cosine(a, b) {
  let dot = 0, na = 0, nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return dot / Math.sqrt(na * nb);
}

export function ensureTestModel() {
  const dir = join(TEST_MODEL_ROOT, MODEL_ID);
  if (!existsSync(join(dir, 'onnx', 'model_quantized.onnx'))) {
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'make-test-model.mjs'), dir], { stdio: 'pipe' });
  }
  return dir;
}

/** The page bundle, with the worker inlined exactly as in main.js. */
export async function buildPage(ortVersion, entry = join(ROOT, 'tests', 'browser', 'page.ts')) {
  let workerBytes = 0;
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'silent',
    define: { __VISIEWIJZER_ORT_WEB_VERSION__: JSON.stringify(ortVersion) },
    plugins: [inlineWorkerPlugin({ production: true, onBuilt: ({ bytes }) => (workerBytes = bytes) })],
  });
  return { code: result.outputFiles[0].text, workerBytes };
}

/** Node's reference embedder, bundled to plain ESM so this script can load the TypeScript source. */
async function loadNodeEmbedder() {
  mkdirSync(WORK_DIR, { recursive: true });
  const outfile = join(WORK_DIR, 'node-embedder.mjs');
  await esbuild.build({
    entryPoints: [join(ROOT, 'src', 'core', 'embedding', 'transformersEmbedder.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile,
    logLevel: 'silent',
  });
  return import(`${pathToFileURL(outfile).href}?t=${Date.now()}`);
}

/** Serves `/`, `/page.js` and `/files/<modelDir>/...` (the model folder as the plugin lays it out). */
export function startServer({ pageCode, modelDir, wasmFile, wasmRelPath }) {
  const html = '<!doctype html><meta charset="utf-8"><title>worker check</title><script src="/page.js"></script>';
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const send = (status, type, body) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    if (url.pathname === '/') return send(200, 'text/html', html);
    if (url.pathname === '/page.js') return send(200, 'text/javascript', pageCode);
    const prefix = '/files/model/';
    if (url.pathname.startsWith(prefix)) {
      const rel = decodeURIComponent(url.pathname.slice(prefix.length));
      const file = rel === wasmRelPath ? wasmFile : normalize(join(modelDir, rel));
      if ((file === wasmFile || file.startsWith(modelDir + sep)) && existsSync(file) && statSync(file).isFile()) {
        return send(200, 'application/octet-stream', readFileSync(file));
      }
    }
    return send(404, 'text/plain', 'not found');
  });
  return new Promise((resolveServer) => server.listen(0, '127.0.0.1', () => resolveServer(server)));
}

async function nodeReference(TransformersEmbedder, dtype) {
  const embedder = new TransformersEmbedder({ modelId: MODEL_ID, localModelDir: TEST_MODEL_ROOT, dtype });
  const t0 = performance.now();
  const info = await embedder.load();
  const t1 = performance.now();
  const passage = await embedder.embed(TEXTS, 'passage');
  const t2 = performance.now();
  const query = await embedder.embed(TEXTS, 'query');
  await embedder.dispose();
  return { info, vectors: { passage, query }, loadMs: t1 - t0, embedMs: t2 - t1 };
}

function compare(browser, node) {
  const cosines = [];
  for (const kind of ['passage', 'query']) {
    browser.vectors[kind].forEach((v, i) => cosines.push(cosine(v, node.vectors[kind][i])));
  }
  const [a, b] = browser.vectors.passage;
  return {
    minCosineToNode: Math.min(...cosines),
    cosineBetweenSentences: cosine(a, b),
    fingerprintsEqual: browser.info.fingerprint === node.info.fingerprint,
  };
}

/** Runs the whole check; resolves with every measurement, rejects only on setup errors. */
export async function runBrowserWorkerCheck({ dtypes = ['q8', 'fp32'] } = {}) {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found (apt-get install chromium)`);
  const { chromium } = await import('playwright-core');
  const modelDir = ensureTestModel();
  const ortVersion = bundledOrtWebVersion(ROOT);
  const wasmFile = join(bundledOrtWebDir(ROOT), 'dist', 'ort-wasm-simd-threaded.wasm');
  // Where `ortWasmPath()` in src/core/embedding/modelFiles.ts puts it; the page asks for it by that rule.
  const wasmRelPath = `onnxruntime-web-${ortVersion}/ort-wasm-simd-threaded.wasm`;

  const tBuild = performance.now();
  const page = await buildPage(ortVersion);
  const buildMs = performance.now() - tBuild;
  const { TransformersEmbedder } = await loadNodeEmbedder();
  const server = await startServer({ pageCode: page.code, modelDir, wasmFile, wasmRelPath });
  const origin = `http://127.0.0.1:${server.address().port}`;
  const userDataDir = mkdtempSync(join(tmpdir(), 'visiewijzer-chromium-'));
  const requests = [];
  const blocked = [];
  const consoleErrors = [];
  let context;
  try {
    const tLaunch = performance.now();
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_FLAGS,
    });
    const launchMs = performance.now() - tLaunch;
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(`${origin}/`)) return route.continue();
      blocked.push(url);
      return route.abort('blockedbyclient');
    });
    context.on('request', (request) => requests.push(request.url()));
    const tab = context.pages()[0] ?? (await context.newPage());
    tab.on('console', (msg) => msg.type() === 'error' && consoleErrors.push(msg.text()));
    tab.on('pageerror', (error) => consoleErrors.push(String(error)));
    const closedWorkers = [];
    tab.on('worker', (worker) => worker.on('close', () => closedWorkers.push(worker.url())));
    await tab.goto(`${origin}/`);

    const runs = [];
    for (const dtype of dtypes) {
      const closedBefore = closedWorkers.length;
      const browser = await tab.evaluate((input) => globalThis.runEmbeddingCheck(input), {
        modelId: MODEL_ID, dtype, modelDir: 'model', texts: TEXTS,
      });
      // dispose() terminated the worker: Chromium reports it closed.
      const deadline = Date.now() + 5000;
      while (closedWorkers.length === closedBefore && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      const node = await nodeReference(TransformersEmbedder, dtype);
      runs.push({
        dtype,
        ...compare(browser, node),
        browser: { info: browser.info, loadMs: browser.loadMs, embedMs: browser.embedMs },
        node: { info: node.info, loadMs: node.loadMs, embedMs: node.embedMs },
        cancelRejected: browser.cancelRejected,
        embedAfterCancelOk: browser.embedAfterCancelOk,
        afterDispose: browser.afterDispose,
        spawned: browser.spawned,
        terminated: browser.terminated,
        workerClosed: closedWorkers.length > closedBefore,
      });
    }
    // The broken-file runs below make onnxruntime log to the console on purpose; keep only the healthy runs' errors.
    const healthyConsoleErrors = [...consoleErrors];
    const failuresSurface = await tab.evaluate((input) => globalThis.runFailureCheck(input), {
      modelId: MODEL_ID, dtype: 'q8', modelDir: 'model', texts: TEXTS,
    });
    return {
      chromium: context.browser()?.version() ?? 'unknown',
      ortWebVersion: ortVersion,
      sizes: { pageBundle: Buffer.byteLength(page.code), workerBundle: page.workerBytes, wasm: statSync(wasmFile).size },
      timings: { buildMs, launchMs },
      requests: { total: requests.length, nonLocal: requests.filter((u) => !u.startsWith(`${origin}/`)), blocked },
      consoleErrors: healthyConsoleErrors,
      runs,
      failuresSurface,
    };
  } finally {
    await context?.close();
    server.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

/** The conditions the check must meet; an empty list means it passed. */
export function checkFailures(result) {
  const failures = [];
  if (result.requests.nonLocal.length > 0) failures.push(`requests left 127.0.0.1: ${result.requests.nonLocal.join(', ')}`);
  for (const [name, outcome] of Object.entries(result.failuresSurface)) {
    if (!outcome.startsWith('error: ')) failures.push(`${name}: a broken file gave "${outcome}" instead of an error`);
  }
  for (const run of result.runs) {
    const p = `[${run.dtype}]`;
    if (!(run.minCosineToNode > 0.999)) failures.push(`${p} browser and Node vectors differ: cosine ${run.minCosineToNode}`);
    if (!(run.cosineBetweenSentences < 0.99)) failures.push(`${p} the two sentences got the same vector`);
    if (!run.fingerprintsEqual) failures.push(`${p} fingerprints differ: ${run.browser.info.fingerprint} vs ${run.node.info.fingerprint}`);
    if (!run.cancelRejected) failures.push(`${p} a cancelled embed did not reject`);
    if (!run.embedAfterCancelOk) failures.push(`${p} embedding after a cancel failed`);
    if (run.afterDispose !== 'EmbeddingCancelledError') failures.push(`${p} embed after dispose gave ${run.afterDispose}`);
    if (run.spawned !== 1 || run.terminated !== 1 || !run.workerClosed) failures.push(`${p} worker not terminated on dispose`);
  }
  return failures;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const json = process.argv.includes('--json');
  try {
    const result = await runBrowserWorkerCheck();
    const failures = checkFailures(result);
    if (json) {
      process.stdout.write(`${JSON.stringify({ ...result, failures }, null, 2)}\n`);
    } else {
      const kib = (n) => `${(n / 1024).toFixed(0)} KiB`;
      console.log(`Chromium ${result.chromium}, onnxruntime-web ${result.ortWebVersion}`);
      console.log(`worker bundle ${kib(result.sizes.workerBundle)}, wasm ${kib(result.sizes.wasm)}, requests ${result.requests.total} (all local: ${result.requests.nonLocal.length === 0})`);
      for (const run of result.runs) {
        console.log(`${run.dtype}: cosine to Node ${run.minCosineToNode.toFixed(6)}, fingerprint equal ${run.fingerprintsEqual}, ` +
          `browser load ${run.browser.loadMs.toFixed(0)} ms / embed ${run.browser.embedMs.toFixed(0)} ms, ` +
          `node load ${run.node.loadMs.toFixed(0)} ms / embed ${run.node.embedMs.toFixed(0)} ms`);
      }
      for (const failure of failures) console.error(`FAIL ${failure}`);
      if (failures.length === 0) console.log('OK');
    }
    process.exitCode = failures.length === 0 ? 0 : 1;
  } catch (error) {
    console.error(error instanceof Error ? error.stack : error);
    process.exitCode = 2;
  }
}
