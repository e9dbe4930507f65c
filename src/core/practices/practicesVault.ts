import type { NoteSource } from '../notes/types';
import { loadLessonCheckVault, type LessonCheckVault, type LoadLessonCheckVaultOptions } from '../lessonCheck/vaultInputs';
import { practiceRecords } from './practiceRecords';
import type { PracticeRecord } from './types';

/** File name of the generated overview inside the practices folder. */
export const OVERVIEW_NAME = 'Overzicht.md';

/** `Good practices/Overzicht.md` for the folder `Good practices`. */
export function overviewPathFor(practicesFolder: string): string {
  const folder = practicesFolder.replace(/^\/+|\/+$/g, '');
  return folder ? `${folder}/${OVERVIEW_NAME}` : OVERVIEW_NAME;
}

/** The vault as the lesson check reads it, plus a record per practice; the overview note is not a practice. */
export interface PracticesVault extends LessonCheckVault {
  records: PracticeRecord[];
}

export interface LoadPracticesVaultOptions extends LoadLessonCheckVaultOptions {
  /** The overview note (default `Overzicht.md` in the `praktijk` folder): in the practices folder, but not a practice. */
  overviewPath?: string;
}

/**
 * Reads vision, policy, practices and the rest once (`loadLessonCheckVault`), leaves the overview note
 * out of the practices, and makes a record of every practice.
 */
export async function loadPracticesVault(source: NoteSource, options: LoadPracticesVaultOptions = {}): Promise<PracticesVault> {
  const vault = await loadLessonCheckVault(source, options);
  const overview = (options.overviewPath ?? overviewPathFor(options.folders?.praktijk ?? 'Good practices')).toLowerCase();
  const practices = vault.practices.filter((n) => n.path.toLowerCase() !== overview);
  return { ...vault, practices, records: practiceRecords(practices, vault.elements) };
}
