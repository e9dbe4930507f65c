import { LessonChecker } from '../lessonCheck/lessonChecker';
import { PARTIAL_AT } from '../lessonCheck/scoring';
import type { LessonCheckSources } from '../lessonCheck/types';
import { parseNote } from '../notes/parseNote';
import type { ElementSuggestion } from './types';

/** Where a captured text is parsed as if it were a note; no vault note has this name. */
const CAPTURE_PATH = '\u0000visiewijzer-capture.md';

export interface SuggestOptions {
  /**
   * Vault path of the note the text comes from. With an embedding model, a note is never its own
   * calibration background, so give it when the text is (part of) a note of the vault.
   */
  path?: string;
  signal?: AbortSignal;
}

/**
 * Ranks the vision elements by how clearly `text` embodies them, best first; every element is listed
 * (those the text does not show with score 0, in vault order). The scoring is the lesson-plan check's
 * (`src/core/lessonCheck`): a practice is read the way a lesson plan is, so the two never disagree about
 * what a text shows. Pass a prepared `checker` to reuse its word weights and calibration; without one a
 * keyword-only checker is prepared from `vault` (about 0.1 s on the example vault).
 */
export async function suggestElements(text: string, vault: LessonCheckSources, checker?: LessonChecker, options: SuggestOptions = {}): Promise<ElementSuggestion[]> {
  const prepared = checker ?? (await LessonChecker.prepare(vault, null, { signal: options.signal }));
  const note = parseNote(options.path ?? CAPTURE_PATH, text);
  const report = await prepared.check(note, { signal: options.signal, maxEvidence: 0 });
  return report.elements
    .map((e, order) => ({ suggestion: { id: e.id, title: e.title, score: e.score, status: e.status }, order }))
    .sort((a, b) => b.suggestion.score - a.suggestion.score || a.order - b.order)
    .map((s) => s.suggestion);
}

/**
 * The elements to tick for the user by default: those the text at least partly shows (the lesson
 * check's `partial` band) and that score at least half as high as the best one, at most `max`. The
 * user confirms or changes them; nothing is filed unasked.
 */
export function preselectedIds(suggestions: readonly ElementSuggestion[], max = 3): string[] {
  const best = Math.max(0, ...suggestions.map((s) => s.score));
  return suggestions.filter((s) => s.score >= PARTIAL_AT && s.score >= best / 2).slice(0, max).map((s) => s.id);
}
