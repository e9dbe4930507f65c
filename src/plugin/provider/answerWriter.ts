/** Writes an answer as a new note in the `Visiewijzer` folder, never over an existing note. */
import type { TFile, Vault } from 'obsidian';
import { freeNotePath } from '../../core/llm/answerNote';

/** Where generated notes go: one visible folder the user can find, move and delete. */
export const ANSWER_FOLDER = 'Visiewijzer';

export type AnswerVault = Pick<Vault, 'getFolderByPath' | 'createFolder' | 'getAbstractFileByPath' | 'create'>;

/** Creates `Visiewijzer/<name>.md` (or `<name> 2.md`, …) with `content` and returns the file. */
export async function writeAnswerNote(vault: AnswerVault, name: string, content: string): Promise<TFile> {
  if (!vault.getFolderByPath(ANSWER_FOLDER)) await vault.createFolder(ANSWER_FOLDER);
  const path = freeNotePath(ANSWER_FOLDER, name, (candidate) => vault.getAbstractFileByPath(candidate) !== null);
  return vault.create(path, content);
}
