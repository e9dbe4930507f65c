/**
 * Good practices as linked notes: suggest the vision elements a text embodies, render a practice note,
 * split a note that holds many, and render the overview between its markers. Pure TypeScript, no
 * `obsidian` import. How it fits together: README.md beside this file.
 */
export { suggestElements, preselectedIds } from './suggestElements';
export type { SuggestOptions } from './suggestElements';
export { renderPracticeNote, capturedBody, ELEMENTS_KEY } from './practiceNote';
export { splitIntoPractices, MIN_PRACTICE_WORDS, SUBSTANTIAL_WORDS } from './splitPractices';
export type { SplitOptions } from './splitPractices';
export { renderOverview, practiceLink, localDate } from './overview';
export type { OverviewOptions } from './overview';
export { replaceOverviewBlock, overviewBlockOf, OverviewMarkerError, OVERVIEW_START, OVERVIEW_END } from './overviewBlock';
export { planNewNotePath, planNewNotePaths } from './notePath';
export { practiceRecord, practiceRecords, dateOf } from './practiceRecords';
export { relatedPractices } from './relatedPractices';
export type { RelatedPractice, RelatedQuery } from './relatedPractices';
export { loadPracticesVault, overviewPathFor, OVERVIEW_NAME } from './practicesVault';
export type { PracticesVault, LoadPracticesVaultOptions } from './practicesVault';
export { yamlString, yamlLine } from './frontmatterYaml';
export type { ElementSuggestion, PracticeElementRef, PracticeNoteInput, PracticeRecord, SplitCandidate } from './types';
