/**
 * The extractive (offline, deterministic) mode of all six generators behind one call. The same vault
 * and request always give the same result; nothing leaves the machine.
 */
import type { GeneratorContext } from './generatorVault';
import { pickElements } from './generatorVault';
import type { ElementStep, GeneratorParts, GeneratorRequest, GeneratorResult } from './types';
import { DEFAULT_SUBJECTS } from './types';
import { extractFlitsbezoek, extractIndicators, extractKijkwijzer } from './extractive/lookForKinds';
import { extractReflection } from './extractive/reflectionQuestions';
import { extractLessonIdeas, extractSubjectExamples } from './extractive/vaultIdeas';

/** Throws the signal's reason when it was aborted. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new Error('cancelled');
}

/** The subjects a result lists: those asked, or the defaults for vakvoorbeelden. */
export function subjectsOf(request: GeneratorRequest): string[] {
  if (request.subjects && request.subjects.length > 0) return [...request.subjects];
  return request.kind === 'vakvoorbeelden' ? [...DEFAULT_SUBJECTS] : [];
}

/** Runs one generator in extractive mode. Unknown element ids throw `UnknownElementError`. */
export async function generateExtractive(request: GeneratorRequest, context: GeneratorContext): Promise<GeneratorResult> {
  const lang = request.lang ?? 'nl';
  const elements = pickElements(context.vault, request.elements);
  let done = 0;
  const step: ElementStep = () => {
    done++;
    request.onProgress?.(done, elements.length);
    throwIfAborted(request.signal);
  };
  throwIfAborted(request.signal);
  let parts: GeneratorParts;
  switch (request.kind) {
    case 'indicators':
      parts = await extractIndicators(elements, request, context, step);
      break;
    case 'kijkwijzer':
      parts = await extractKijkwijzer(elements, request, context, step);
      break;
    case 'flitsbezoek':
      parts = await extractFlitsbezoek(elements, request, context, step);
      break;
    case 'reflectie':
      parts = extractReflection(elements, lang, step);
      break;
    case 'lesideeen':
      parts = await extractLessonIdeas(elements, request, context, step);
      break;
    case 'vakvoorbeelden':
      parts = await extractSubjectExamples(elements, request, context, step);
      break;
  }
  return {
    kind: request.kind,
    mode: 'extractive',
    lang,
    elements: elements.map((e) => e.id),
    subjects: subjectsOf(request),
    ...parts,
    ...(request.kind === 'kijkwijzer' && request.icalt ? { icalt: true } : {}),
  };
}
