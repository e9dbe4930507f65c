#!/usr/bin/env node
/**
 * Indexing as in Obsidian, in headless Chromium: the plugin's worker (from a Blob, onnxruntime-web's
 * wasm on one thread) embeds while the page's main thread reads and parses, with the plugin's run
 * control yielding every 10 ms. Prints the indexing time, the model's own time for the same chunk
 * texts, and the share of the indexing time the pipeline adds beyond the model.
 *
 *   node bench/browserIndexBench.mjs [NOTES]     default 200 notes (about 2,200 chunks)
 *
 * Needs /usr/bin/chromium (Debian package `chromium`); every request not to 127.0.0.1 is refused.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPage, ensureTestModel, startServer } from '../scripts/browser-worker-check.mjs';
import { bundledOrtWebDir, bundledOrtWebVersion } from '../scripts/inline-worker-plugin.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const notes = Number(process.argv[2] ?? 200);

if (!existsSync(CHROMIUM)) {
  console.error(`${CHROMIUM} not found (apt-get install chromium)`);
  process.exit(2);
}
const { chromium } = await import('playwright-core');
const modelDir = ensureTestModel();
const ortVersion = bundledOrtWebVersion(ROOT);
const wasmFile = join(bundledOrtWebDir(ROOT), 'dist', 'ort-wasm-simd-threaded.wasm');
const page = await buildPage(ortVersion, join(ROOT, 'bench', 'browser', 'indexPage.ts'));
const server = await startServer({ pageCode: page.code, modelDir, wasmFile, wasmRelPath: `onnxruntime-web-${ortVersion}/ort-wasm-simd-threaded.wasm` });
const origin = `http://127.0.0.1:${server.address().port}`;
const userDataDir = mkdtempSync(join(tmpdir(), 'visiewijzer-chromium-'));
let context;
try {
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  await context.route('**/*', (route) => (route.request().url().startsWith(`${origin}/`) ? route.continue() : route.abort('blockedbyclient')));
  const tab = context.pages()[0] ?? (await context.newPage());
  await tab.goto(`${origin}/`);
  const r = await tab.evaluate((input) => globalThis.runIndexTiming(input), { modelId: 'visiewijzer-tiny', modelDir: 'model', notes });
  const overhead = (r.indexMs - r.modelAloneMs) / r.indexMs;
  console.log(`Chromium ${context.browser()?.version() ?? ''}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}`);
  console.log(`| notes | chunks | index (open + update) | the model alone, same texts (before / after) | overhead | chunks/s |`);
  console.log(`|---|---|---|---|---|---|`);
  console.log(`| ${r.notes} | ${r.chunks} | ${(r.indexMs / 1000).toFixed(1)} s | ${(r.modelAloneMs / 1000).toFixed(1)} s (${r.modelRunsMs.map((ms) => (ms / 1000).toFixed(1)).join(' / ')} s) | ${(overhead * 100).toFixed(1)} % | ${(r.chunks / (r.indexMs / 1000)).toFixed(0)} |`);
} finally {
  await context?.close();
  server.close();
  rmSync(userDataDir, { recursive: true, force: true });
}
