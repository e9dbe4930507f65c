/**
 * Vitest global setup: makes sure the tiny offline model exists before any test runs, so every test
 * can load it with `TEST_MODEL_DIR` / `TEST_MODEL_ID` from `tests/helpers/testModel.ts`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TEST_MODEL_DIR, TEST_MODEL_ID } from '../helpers/testModel';

const GENERATOR = fileURLToPath(new URL('../../scripts/make-test-model.mjs', import.meta.url));

/** Every file the generator writes; the quantized model is written last, so its age stands for the whole. */
const MODEL_FILES = [
  'config.json',
  'tokenizer.json',
  'tokenizer_config.json',
  'special_tokens_map.json',
  join('onnx', 'model.onnx'),
  join('onnx', 'model_quantized.onnx'),
];

function modelIsCurrent(modelDir: string): boolean {
  if (!MODEL_FILES.every((file) => existsSync(join(modelDir, file)))) return false;
  const writtenAt = statSync(join(modelDir, 'onnx', 'model_quantized.onnx')).mtimeMs;
  return writtenAt >= statSync(GENERATOR).mtimeMs;
}

export default function setup(): void {
  const modelDir = join(TEST_MODEL_DIR, TEST_MODEL_ID);
  if (modelIsCurrent(modelDir)) return;
  // A child process keeps the generator a plain script that `npm run make-test-model` can run too.
  execFileSync(process.execPath, [GENERATOR, modelDir], { stdio: 'pipe' });
}
