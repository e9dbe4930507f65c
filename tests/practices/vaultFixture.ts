/** The example vault read for good practices (once per test file), and the split fixtures. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FolderNoteSource } from '../../src/cli/folderNoteSource';
import { loadPracticesVault, type PracticesVault } from '../../src/core/practices';

export const EXAMPLE_VAULT = fileURLToPath(new URL('../../examples/vault', import.meta.url));
export const STUDY_DAY = 'Studiedag 2026-11-04 - wat werkt bij ons.md';
export const TEAM_LIST = 'Teamoverleg 2026-12-01 - ideeen uit de bouw.md';

let cached: Promise<PracticesVault> | null = null;

export function exampleVault(): Promise<PracticesVault> {
  cached ??= loadPracticesVault(new FolderNoteSource(EXAMPLE_VAULT));
  return cached;
}

/** A note of `tests/practices/fixtures`. */
export function fixture(name: string): string {
  return readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)), 'utf8');
}
