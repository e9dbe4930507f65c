import { fileURLToPath } from 'node:url';

/** Folder holding generated test models in hub layout (`.test-model/`, gitignored); pass as `localModelDir`. */
export const TEST_MODEL_DIR = fileURLToPath(new URL('../../.test-model', import.meta.url));

/** The tiny offline model written by `scripts/make-test-model.mjs`: 384 dims, bag-of-words-like. */
export const TEST_MODEL_ID = 'visiewijzer-tiny';
