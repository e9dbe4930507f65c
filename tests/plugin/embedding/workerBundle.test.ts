import esbuild from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { runInNewContext } from 'node:vm';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildWorker, forbidNodeOnlyPackages, inlineWorkerPlugin } from '../../../scripts/inline-worker-plugin.mjs';

const WORKER_ENTRY = fileURLToPath(new URL('../../../src/plugin/embedding/embeddingWorker.ts', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'vw-bundle-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the embedding worker bundle', () => {
  it('uses the plain wasm build of onnxruntime-web and nothing Node-only', async () => {
    const { code, inputs } = await buildWorker(WORKER_ENTRY, { production: true });
    const deps = inputs.map((p) => p.replaceAll('\\', '/'));
    expect(deps.some((p) => p.endsWith('onnxruntime-web/dist/ort.wasm.bundle.min.mjs'))).toBe(true);
    expect(deps.some((p) => /ort\.(webgpu|all|jsep)/.test(p))).toBe(false);
    expect(deps.some((p) => /onnxruntime-node|\/sharp\//.test(p))).toBe(false);
    expect(code).not.toMatch(/require\(["']onnxruntime-node["']\)/);
    // The webgpu build would add about 40 KiB and the 27 MB asyncify wasm; 700 KiB leaves room for our code.
    expect(code.length).toBeLessThan(700 * 1024);
  });
});

describe('forbidNodeOnlyPackages', () => {
  it('fails a browser build that imports onnxruntime-node', async () => {
    const entry = join(scratch, 'bad.ts');
    writeFileSync(entry, "import * as ort from 'onnxruntime-node';\nconsole.log(ort);\n");
    await expect(
      esbuild.build({ entryPoints: [entry], bundle: true, platform: 'browser', write: false, logLevel: 'silent', plugins: [forbidNodeOnlyPackages] }),
    ).rejects.toThrow(/onnxruntime-node is Node-only/);
  });
});

describe('inlineWorkerPlugin', () => {
  it('turns an inline-worker import into the worker code as a string', async () => {
    writeFileSync(join(scratch, 'tiny.worker.ts'), "self.addEventListener('message', () => self.postMessage('pong-' + (40 + 2)));\n");
    writeFileSync(join(scratch, 'host.ts'), "import source from 'inline-worker:./tiny.worker';\nexport default source;\n");
    const result = await esbuild.build({
      entryPoints: [join(scratch, 'host.ts')], bundle: true, format: 'cjs', platform: 'browser', write: false, logLevel: 'silent',
      plugins: [inlineWorkerPlugin({ production: false })],
    });
    const module = { exports: {} as { default?: unknown } };
    runInNewContext(result.outputFiles[0]!.text, { module, exports: module.exports });
    const source = module.exports.default;
    expect(typeof source).toBe('string');
    // A classic-worker script: runs on its own, with no import/export left.
    expect(source).toContain('pong-');
    expect(source).not.toMatch(/^\s*(import|export)\s/m);
    let posted: unknown;
    const fakeSelf = { addEventListener: (_: string, fn: () => void) => fn(), postMessage: (m: unknown) => (posted = m) };
    runInNewContext(source as string, { self: fakeSelf });
    expect(posted).toBe('pong-42');
  });
});
