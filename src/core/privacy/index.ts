/**
 * The privacy guard: finds personal data in Dutch school texts and replaces it with stable placeholders
 * before anything goes to a language model that is not on this machine. See README.md beside this file.
 */
export { redact, restore } from './redact';
export { previewRedaction } from './preview';
export { isValidBsn, isValidIban } from './checksums';
export { rosterFromFrontmatter, mergeRosters, parseRosterNote } from './rosterSources';
export type {
  Finding,
  PiiType,
  PreviewSegment,
  RedactionMapping,
  RedactionResult,
  RedactOptions,
  Roster,
} from './types';
export { PII_TYPES } from './types';
