/**
 * The lesson-plan check: which parts of the school's vision a lesson plan brings to life, where, what is
 * missing, and what would help. Extractive (offline, deterministic) or model-assisted (every quote
 * checked). How the status is decided: README.md beside this file.
 */
export { LessonChecker, checkLessonPlan } from './lessonChecker';
export type { CheckLessonPlanInput } from './lessonChecker';
export { checkLessonPlanWithModel } from './modelCheck';
export type { ModelCheckInput, ModelCheckOptions } from './modelCheck';
export { loadLessonCheckVault } from './vaultInputs';
export type { LessonCheckVault, LoadLessonCheckVaultOptions } from './vaultInputs';
export { findQuote } from './quoteMatch';
export type { PolicyPassage } from './modelPrompt';
export { STRONG_AT, PARTIAL_AT, EVIDENCE_AT } from './scoring';
export type {
  CheckEvidence,
  ElementCheck,
  ElementStatus,
  LessonCheckOptions,
  LessonCheckReport,
  LessonCheckSources,
  ModelUse,
} from './types';
