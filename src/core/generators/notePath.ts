/**
 * Where a generated note goes: a name from what it is, in the generators' folder, never the path of a
 * note that exists (`Kijkwijzer - Eigenaarschap 2.md`, ` 3`, …). Pure: the caller lists what exists.
 */
import type { VisionElement } from '../vision/visionElement';
import type { GeneratorResult } from './types';
import { GENERATOR_TEXT } from './generatorText';
import { freeNotePath, noteNameFor } from '../llm/answerNote';

/** The folder generated notes go to unless the user chose another. */
export const DEFAULT_GENERATOR_FOLDER = 'Visiewijzer';

/**
 * A path in `folder` for `baseName` that is none of `existingPaths` (compared case-insensitively, as
 * on the file systems of Windows and macOS). The name loses characters Obsidian refuses in file names.
 */
export function planNewNotePath(existingPaths: Iterable<string>, folder: string, baseName: string): string {
  const taken = new Set([...existingPaths].map((p) => p.toLowerCase()));
  const name = noteNameFor(baseName, 'Visiewijzer');
  return freeNotePath(folder.replace(/^\/+|\/+$/g, ''), name, (path) => taken.has(path.toLowerCase()));
}

/** "Kijkwijzer - Eigenaarschap, Samenwerken": the kind and the elements' titles. */
export function noteBaseName(result: GeneratorResult, elements: readonly VisionElement[]): string {
  const names = result.elements.map((id) => elements.find((e) => e.id === id)?.title ?? id);
  const subject = result.subjects.length === 1 ? ` (${result.subjects[0]})` : '';
  return `${GENERATOR_TEXT[result.lang].kindTitle[result.kind]} - ${names.join(', ')}${subject}`;
}
