/**
 * From vision to practice: behaviour indicators, observation forms (kijkwijzer, flitsbezoek), lesson
 * ideas, reflection questions and subject examples, from the school's own notes. Two modes with one
 * result shape and one renderer: extractive (offline, deterministic) and model-assisted (grounded,
 * every citation checked).
 *
 * Typical use (the CLI does exactly this; a plugin modal would too):
 *
 * ```ts
 * const context = await openGeneratorContext(visionIndex, noteSource);
 * const result = await generate({ kind: 'kijkwijzer', elements: ['kernwaarden/eigenaarschap'] }, context);
 * const markdown = renderGeneratedNote(result, { elements: context.vault.elements });
 * const path = planNewNotePath(existingPaths, DEFAULT_GENERATOR_FOLDER, noteBaseName(result, context.vault.elements));
 * ```
 */
import type { NoteSource } from '../notes/types';
import type { VisionIndex } from '../visionIndex';
import { loadGeneratorVault, rolesOf, type GeneratorContext } from './generatorVault';
import { generateExtractive } from './generateExtractive';
import { generateWithModel, type ModelGeneratorOptions } from './generateWithModel';
import type { GeneratorRequest, GeneratorResult } from './types';

export * from './types';
export { lintIndicator, summarizeLint, lintLevels, isObservable, actorOf, describeLintRules, LINT_RULES, MAX_WORDS } from './indicatorLint';
export type { LintFinding, LintRule, LintRuleId, LintSeverity, LintSummary, Actor } from './indicatorLint';
export { ICALT_DOMAINS, icaltDomainOf } from './icaltDomains';
export type { IcaltDomain, IcaltDomainId } from './icaltDomains';
export { loadGeneratorVault, rolesOf, pickElements, sourceRef, elementRef, UnknownElementError } from './generatorVault';
export type { GeneratorContext, GeneratorVault, LoadGeneratorVaultOptions } from './generatorVault';
export { generateExtractive } from './generateExtractive';
export { generateWithModel } from './generateWithModel';
export type { ModelGeneratorOptions } from './generateWithModel';
export { renderGeneratedNote, defaultTitle, NOTE_TYPE } from './render/renderGeneratedNote';
export type { RenderOptions } from './render/renderGeneratedNote';
export { planNewNotePath, noteBaseName, DEFAULT_GENERATOR_FOLDER } from './notePath';
export { checkWikilinks, wikilinksIn } from './linkCheck';
export type { LinkCheck, BrokenLink } from './linkCheck';
export { isOpenQuestion } from './extractive/reflectionQuestions';
export { GENERATOR_TEXT } from './generatorText';
export { SUBJECT_ALIASES, mentionsSubject } from './subjects';

/** The generator context for an opened index: its notes read by role, and its search. */
export async function openGeneratorContext(index: VisionIndex, source: NoteSource): Promise<GeneratorContext> {
  const vault = await loadGeneratorVault(source, { roles: rolesOf(index.state.notes) });
  return { vault, search: index };
}

/** Runs one generator: with a model when `model` is given, else extractive. */
export function generate(request: GeneratorRequest, context: GeneratorContext, model?: ModelGeneratorOptions): Promise<GeneratorResult> {
  return model ? generateWithModel(request, context, model) : generateExtractive(request, context);
}
