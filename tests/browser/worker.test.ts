/**
 * The embedding worker in a real browser (Debian Chromium, headless), started from a Blob by the
 * plugin's own host code, compared with Node. Skipped when Chromium is not installed.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCRIPT = fileURLToPath(new URL('../../scripts/browser-worker-check.mjs', import.meta.url));
const available = existsSync(CHROMIUM);

interface Run {
  dtype: string;
  minCosineToNode: number;
  cosineBetweenSentences: number;
  fingerprintsEqual: boolean;
  cancelRejected: boolean;
  embedAfterCancelOk: boolean;
  afterDispose: string;
  spawned: number;
  terminated: number;
  workerClosed: boolean;
  browser: { info: { dim: number } };
}

interface CheckResult {
  requests: { total: number; nonLocal: string[] };
  consoleErrors: string[];
  runs: Run[];
  failuresSurface: { badWasm: string; badOnnx: string };
  failures: string[];
}

function runCheck(): Promise<CheckResult> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [SCRIPT, '--json'], { timeout: 150_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      // Exit code 1 still prints the result: let the assertions below say what failed.
      try {
        resolve(JSON.parse(stdout) as CheckResult);
      } catch {
        reject(new Error(`browser check gave no result (${error?.message ?? 'no error'}):\n${stderr}`));
      }
    });
  });
}

describe.skipIf(!available)(`embedding worker in headless Chromium${available ? '' : ` (SKIPPED: ${CHROMIUM} not found; apt-get install chromium)`}`, () => {
  it('embeds in a Blob worker like Node does, offline, and stops when disposed', async () => {
    const result = await runCheck();
    expect(result.failures).toEqual([]);
    expect(result.requests.nonLocal).toEqual([]);
    expect(result.consoleErrors).toEqual([]);
    expect(result.runs.map((r) => r.dtype)).toEqual(['q8', 'fp32']);
    // A corrupt .wasm or .onnx comes back as a load error, not a hang.
    expect(result.failuresSurface.badWasm).toMatch(/^error: /);
    expect(result.failuresSurface.badOnnx).toMatch(/^error: /);
    for (const run of result.runs) {
      expect(run.browser.info.dim).toBe(384);
      expect(run.minCosineToNode).toBeGreaterThan(0.999);
      expect(run.cosineBetweenSentences).toBeLessThan(0.99);
      expect(run.fingerprintsEqual).toBe(true);
      expect(run.cancelRejected && run.embedAfterCancelOk).toBe(true);
      expect(run.afterDispose).toBe('EmbeddingCancelledError');
      expect({ spawned: run.spawned, terminated: run.terminated, closed: run.workerClosed }).toEqual({ spawned: 1, terminated: 1, closed: true });
    }
  }, 180_000);
});
