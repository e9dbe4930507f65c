/**
 * esbuild plugin: `import source from 'inline-worker:./embeddingWorker'` bundles that file as a classic
 * (iife) Web Worker for the browser and hands its code to the importer as a string, so main.js can
 * start the worker from a Blob. Shared by esbuild.config.mjs and the browser check.
 */
import esbuild from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

const PREFIX = 'inline-worker:';

/** Packages that must never end up in a browser bundle (native code, or the wrong onnxruntime). */
const NODE_ONLY_PACKAGES = /^(onnxruntime-node|sharp)(\/|$)/;

/** Fails the build when a browser bundle would pull in a Node-only package. */
export const forbidNodeOnlyPackages = {
  name: 'forbid-node-only-packages',
  setup(build) {
    build.onResolve({ filter: NODE_ONLY_PACKAGES }, (args) => ({
      errors: [{ text: `${args.path} is Node-only and must not be bundled for the browser (imported by ${args.importer})` }],
    }));
  },
};

/**
 * Build options for a worker bundle. The alias swaps onnxruntime's WebGPU build for the plain wasm
 * one: a smaller bundle, and the 14 MB `ort-wasm-simd-threaded.wasm` instead of the 27 MB asyncify file.
 */
export function workerBuildOptions(entry, { production }) {
  return {
    entryPoints: [entry],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    alias: { 'onnxruntime-web/webgpu': 'onnxruntime-web/wasm' },
    minify: production,
    sourcemap: false,
    legalComments: 'none',
    write: false,
    metafile: true,
    // onnxruntime's bundled loader reads import.meta.url only to find the .wasm; the worker always
    // hands it the bytes, so an empty value is fine and silences the iife warning.
    define: { 'import.meta.url': 'undefined' },
    logLevel: 'silent',
    plugins: [forbidNodeOnlyPackages],
  };
}

/** Bundles a worker entry and returns its code and the files it was built from. */
export async function buildWorker(entry, { production }) {
  const result = await esbuild.build(workerBuildOptions(entry, { production }));
  const code = result.outputFiles[0].text;
  const inputs = Object.keys(result.metafile.inputs).map((p) => resolve(p));
  return { code, inputs, warnings: result.warnings };
}

function resolveEntry(path) {
  for (const candidate of [path, `${path}.ts`, `${path}.js`]) {
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`inline-worker: cannot find ${path}(.ts)`);
}

/** The esbuild plugin. `onBuilt` receives each worker's size, e.g. for a build report. */
export function inlineWorkerPlugin({ production, onBuilt } = { production: false }) {
  return {
    name: 'inline-worker',
    setup(build) {
      build.onResolve({ filter: /^inline-worker:/ }, (args) => ({
        path: resolveEntry(resolve(args.resolveDir, args.path.slice(PREFIX.length))),
        namespace: 'inline-worker',
      }));
      build.onLoad({ filter: /.*/, namespace: 'inline-worker' }, async (args) => {
        try {
          const { code, inputs, warnings } = await buildWorker(args.path, { production });
          onBuilt?.({ entry: args.path, bytes: Buffer.byteLength(code) });
          return { contents: code, loader: 'text', watchFiles: inputs, warnings };
        } catch (error) {
          const errors = error.errors ?? [{ text: String(error) }];
          return { errors };
        }
      });
    },
  };
}

/**
 * The onnxruntime-web version the worker bundle is built with: the copy `@huggingface/transformers`
 * resolves, since that is the one bundled. Its `.wasm` must come from exactly this version.
 */
export function bundledOrtWebVersion(projectRoot) {
  const dir = bundledOrtWebDir(projectRoot);
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  if (pkg.name !== 'onnxruntime-web') throw new Error(`expected onnxruntime-web in ${dir}`);
  return pkg.version;
}

/** Folder of the onnxruntime-web package `@huggingface/transformers` resolves (holds `dist/*.wasm`). */
export function bundledOrtWebDir(projectRoot) {
  const requireFromProject = createRequire(join(projectRoot, 'package.json'));
  const requireFromTransformers = createRequire(requireFromProject.resolve('@huggingface/transformers'));
  // The package has no `./package.json` export; its main file sits in `dist/`.
  return dirname(dirname(requireFromTransformers.resolve('onnxruntime-web')));
}
