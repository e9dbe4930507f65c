/**
 * Builds Visiewijzer.
 *   node esbuild.config.mjs             watch mode: rebuilds on change, skips entries that do not exist yet
 *   node esbuild.config.mjs production  one minified build; a missing entry is an error
 *
 * Outputs:
 *   main.js         the Obsidian plugin (cjs, browser), with the embedding worker inlined as a string
 *   dist/cli.cjs    the headless CLI (Node), native onnxruntime-node loaded from node_modules
 *   dist/embedding-thread.cjs  the CLI's (and benchmark's) model thread, started by src/cli/threadEmbedder.ts
 *   dist/bench.cjs  the benchmarks (Node)
 */
import esbuild from 'esbuild';
import { chmodSync, existsSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundledOrtWebVersion, forbidNodeOnlyPackages, inlineWorkerPlugin } from './scripts/inline-worker-plugin.mjs';

const root = dirname(fileURLToPath(import.meta.url));
process.chdir(root);

const production = process.argv[2] === 'production';
const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const ortWebVersion = bundledOrtWebVersion(root);

/** Packages main.js must not contain: they only work in the worker (see docs on the renderer). */
const WORKER_ONLY = /node_modules\/(@huggingface\/transformers|onnxruntime-(web|common|node))\//;

/** Fails the main.js build when transformers.js leaks into the main thread bundle. */
/**
 * remark's entity decoder has a browser build that decodes through `innerHTML` on a detached element at load.
 * Obsidian's guidelines forbid innerHTML, and it breaks once parsing runs in a worker: use the table-based build.
 */
const entityDecoderWithoutDom = {
  name: 'entity-decoder-without-dom',
  setup(build) {
    build.onResolve({ filter: /^decode-named-character-reference$/ }, () => ({
      path: fileURLToPath(new URL('./node_modules/decode-named-character-reference/index.js', import.meta.url)),
    }));
  },
};

const keepInferenceInWorker = {
  name: 'keep-inference-in-worker',
  setup(build) {
    build.onEnd((result) => {
      const leaked = Object.keys(result.metafile?.inputs ?? {}).filter((p) => WORKER_ONLY.test(p));
      if (leaked.length === 0) return null;
      const text = `main.js bundles ${leaked[0]}; import it only from the embedding worker (src/plugin/embedding/embeddingWorker.ts)`;
      // esbuild does not log errors returned from onEnd, so say it here.
      console.error(`✘ [ERROR] ${text}`);
      return { errors: [{ text }] };
    });
  },
};

const pluginBuild = {
  entryPoints: ['src/plugin/main.ts'],
  outfile: 'main.js',
  bundle: true,
  platform: 'browser',
  format: 'cjs',
  target: 'es2022',
  external: ['obsidian', 'electron', '@codemirror/*', '@lezer/*', ...nodeBuiltins],
  define: { __VISIEWIJZER_ORT_WEB_VERSION__: JSON.stringify(ortWebVersion) },
  minify: production,
  sourcemap: production ? false : 'inline',
  treeShaking: true,
  legalComments: 'none',
  metafile: true,
  logLevel: 'info',
  plugins: [inlineWorkerPlugin({ production }), forbidNodeOnlyPackages, keepInferenceInWorker, entityDecoderWithoutDom],
};

// Node builds: the native runtime and sharp load from node_modules at run time; bundling them breaks.
const nodeExternals = ['@huggingface/transformers', 'onnxruntime-node', 'onnxruntime-web', 'sharp', ...nodeBuiltins];
// Sources are ESM; in a cjs bundle import.meta.url would be empty, so give it the bundle's own URL.
const importMetaShim = 'scripts/import-meta-url-shim.js';

function nodeBuild(entry, outfile, extraExternals = []) {
  return {
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: [...nodeExternals, ...extraExternals],
    banner: { js: '#!/usr/bin/env node' },
    inject: [importMetaShim],
    define: { 'import.meta.url': 'importMetaUrl' },
    minify: false,
    sourcemap: production ? false : 'linked',
    legalComments: 'none',
    logLevel: 'info',
  };
}

const builds = [
  pluginBuild,
  nodeBuild('src/cli/main.ts', 'dist/cli.cjs'),
  nodeBuild('src/cli/embeddingThread.ts', 'dist/embedding-thread.cjs'),
  nodeBuild('bench/main.ts', 'dist/bench.cjs', ['vectra']),
];

const missing = builds.filter((b) => !existsSync(b.entryPoints[0]));
for (const b of missing) {
  const message = `entry ${b.entryPoints[0]} does not exist (needed for ${b.outfile})`;
  if (production) console.error(`error: ${message}`);
  else console.warn(`warning: ${message}; skipping it until it does (restart the watcher)`);
}
if (production && missing.length > 0) process.exit(1);
const present = builds.filter((b) => !missing.includes(b));

if (production) {
  try {
    await Promise.all(present.map((options) => esbuild.build(options)));
    chmodSync('dist/cli.cjs', 0o755);
  } catch {
    // esbuild has already printed the errors.
    process.exit(1);
  }
} else {
  const contexts = await Promise.all(present.map((options) => esbuild.context(options)));
  await Promise.all(contexts.map((ctx) => ctx.watch()));
}
