/**
 * Approval (golden file) checks for the good-practice notes: the text must equal the approved file in
 * `tests/fixtures/approved/practices/` byte for byte. `UPDATE_APPROVED=1 npx vitest run tests/practices`
 * writes the current output as the new approved version (review the diff before committing it). A
 * missing approved file fails, so nothing passes without a reviewed golden.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export const APPROVED_DIR = fileURLToPath(new URL('../fixtures/approved/practices', import.meta.url));

export function expectApproved(name: string, actual: string): void {
  const file = join(APPROVED_DIR, name);
  if (process.env['UPDATE_APPROVED'] === '1') {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual, 'utf8');
    return;
  }
  if (!existsSync(file)) throw new Error(`No approved file ${name}: run with UPDATE_APPROVED=1, review it, and commit it`);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}
