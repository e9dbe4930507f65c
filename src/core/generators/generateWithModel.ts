/**
 * The model-assisted mode of the generators: per element one grounded prompt (the passages as
 * delimited sources, through the privacy guard of the `ChatModel` given), a JSON answer validated
 * against the kind's schema, every citation checked. An element the vault has nothing on is never sent:
 * the result says so. Look-fors that break the lint are asked again once.
 */
import type { z } from 'zod';
import type { VisionElement } from '../vision/visionElement';
import type { ChatModel, ChatRequest, ChatResponse } from '../llm/types';
import { buildGroundedPrompt } from '../llm/prompt';
import { completeJson, type JsonCompletion } from '../llm/jsonOutput';
import { isProviderError } from '../llm/providerError';
import { renderPromptText, type GuardedChatResponse } from '../llm/redactingChatModel';
import { pickElements, type GeneratorContext } from './generatorVault';
import type { GeneratedItem, GeneratorGap, GeneratorModelUse, GeneratorRequest, GeneratorResult, Lang } from './types';
import { GENERATOR_TEXT } from './generatorText';
import { subjectsOf, throwIfAborted } from './generateExtractive';
import { extractLessonIdeas, extractSubjectExamples } from './extractive/vaultIdeas';
import { pickForVisit } from './extractive/lookForKinds';
import { passagesFor, type ModelPassage } from './model/modelPassages';
import { IDEA_SCHEMA, LOOK_FOR_SCHEMA, QUESTION_SCHEMA, SUBJECT_SCHEMA, questionFor, reaskText, taskFor } from './model/modelPrompts';
import { ideaItems, lookForItem, lookForItems, questionItems, sourceResolver, subjectItems, type CheckedItems, type MapOptions } from './model/answerItems';

export interface ModelGeneratorOptions {
  /** Normally a `RedactingChatModel`, so nothing leaves the machine unredacted. */
  chatModel: ChatModel;
  /** Puts the originals back into the model's text (`PrivacyGuard.restore`). */
  restore?(text: string): string;
  /** Sees each request before it is sent (a preview); false stops the run with an `AbortError`. */
  beforeSend?(request: ChatRequest): Promise<boolean> | boolean;
}

function isGuarded(response: ChatResponse): response is GuardedChatResponse {
  return 'sentPrompt' in response && typeof (response as GuardedChatResponse).sentPrompt === 'string';
}

function abortError(): Error {
  const error = new Error('cancelled: nothing more was sent to the language model');
  error.name = 'AbortError';
  return error;
}

/** Runs one request and records what was sent and answered. */
async function ask<T>(options: ModelGeneratorOptions, request: ChatRequest, schema: z.ZodType<T>, use: GeneratorModelUse): Promise<JsonCompletion<T>> {
  if (options.beforeSend && !(await options.beforeSend(request))) throw abortError();
  const answer = await completeJson(options.chatModel, request, schema);
  const response = answer.response;
  use.model = response.model || use.model;
  use.sentPrompts.push(isGuarded(response) ? response.sentPrompt : renderPromptText(request.system, request.messages));
  use.answers.push(response.text);
  use.redactionCount += isGuarded(response) ? response.redactionCount : 0;
  return answer;
}

/** The items of one answer, by kind. */
function mapAnswer(data: unknown, map: MapOptions): CheckedItems {
  switch (map.kind) {
    case 'reflectie':
      return questionItems(data as z.infer<typeof QUESTION_SCHEMA>, map);
    case 'lesideeen':
      return ideaItems(data as z.infer<typeof IDEA_SCHEMA>, map);
    case 'vakvoorbeelden':
      return subjectItems(data as z.infer<typeof SUBJECT_SCHEMA>, map);
    default:
      return lookForItems(data as z.infer<typeof LOOK_FOR_SCHEMA>, map);
  }
}

function schemaOf(kind: GeneratorRequest['kind']): z.ZodType {
  if (kind === 'reflectie') return QUESTION_SCHEMA;
  if (kind === 'lesideeen') return IDEA_SCHEMA;
  if (kind === 'vakvoorbeelden') return SUBJECT_SCHEMA;
  return LOOK_FOR_SCHEMA;
}

const hasError = (item: GeneratedItem): boolean => item.role === 'lookFor' && item.lint.some((f) => f.severity === 'error');

/** Asks once more for look-fors with a lint error; keeps a rewrite only when it cites given sources and has fewer errors. */
async function reaskFailing(items: GeneratedItem[], first: ChatRequest, firstAnswer: string, map: MapOptions, options: ModelGeneratorOptions, use: GeneratorModelUse): Promise<number> {
  const failing = items.filter(hasError);
  if (failing.length === 0) return 0;
  const problems = failing.map((i) => ({ text: i.text, problems: i.lint.filter((f) => f.severity === 'error').map((f) => f.message) }));
  const request: ChatRequest = {
    ...first,
    messages: [...first.messages, { role: 'assistant', content: firstAnswer }, { role: 'user', content: reaskText(problems) }],
  };
  const again = await ask(options, request, LOOK_FOR_SCHEMA, use);
  failing.forEach((old, i) => {
    const raw = again.data.items[i];
    if (!raw || raw.sources.length === 0 || raw.sources.some((s) => map.resolve(s) === null)) return;
    const fresh = lookForItem(raw, [...new Set(raw.sources.map((s) => map.resolve(s) ?? ''))], map);
    const errors = (x: GeneratedItem): number => x.lint.filter((f) => f.severity === 'error').length;
    if (errors(fresh) < errors(old)) items.splice(items.indexOf(old), 1, fresh);
  });
  return failing.length;
}

/** What the vault itself holds, shown before the model's suggestions (lesson ideas, subject examples). */
async function vaultPart(request: GeneratorRequest, element: VisionElement, context: GeneratorContext): Promise<GeneratedItem[]> {
  const noop = (): void => undefined;
  if (request.kind === 'lesideeen') return (await extractLessonIdeas([element], request, context, noop)).items;
  if (request.kind === 'vakvoorbeelden') return (await extractSubjectExamples([element], request, context, noop)).items;
  return [];
}

/** Runs one generator with a language model. Provider errors other than a malformed answer are thrown. */
export async function generateWithModel(request: GeneratorRequest, context: GeneratorContext, options: ModelGeneratorOptions): Promise<GeneratorResult> {
  const lang: Lang = request.lang ?? 'nl';
  const text = GENERATOR_TEXT[lang];
  const elements = pickElements(context.vault, request.elements);
  const subjects = subjectsOf(request);
  const use: GeneratorModelUse = { provider: options.chatModel.config.preset, model: options.chatModel.config.model, sentPrompts: [], answers: [], redactionCount: 0, droppedItems: 0 };
  const items: GeneratedItem[] = [];
  const gaps: GeneratorGap[] = [];
  const notes: string[] = [];
  const restore = (t: string): string => (options.restore ? options.restore(t) : t);
  let reasked = 0;

  for (const [done, element] of elements.entries()) {
    throwIfAborted(request.signal);
    const own = await vaultPart(request, element, context);
    const passages: ModelPassage[] = await passagesFor(request.kind, element, context);
    if (passages.length === 0) {
      gaps.push({ element: element.id, message: text.nothingOnElement(element.title) });
    } else {
      const map: MapOptions = { kind: request.kind, element, lang, subjects, icalt: request.icalt ?? false, restore, resolve: sourceResolver(passages) };
      const prompt = buildGroundedPrompt({ task: taskFor(request.kind, element, { lang, subjects, group: request.group, levels: request.levels, icalt: request.icalt }), sources: passages, question: questionFor(request.kind, element) });
      const chat: ChatRequest = { system: prompt.system, messages: [{ role: 'user', content: prompt.user }], ...(request.signal ? { signal: request.signal } : {}) };
      try {
        const answer = await ask(options, chat, schemaOf(request.kind), use);
        if (answer.repaired) notes.push(text.repairedAnswer(element.title));
        const checked = mapAnswer(answer.data, map);
        use.droppedItems += checked.dropped;
        notes.push(...checked.notes);
        if (['indicators', 'kijkwijzer', 'flitsbezoek'].includes(request.kind)) reasked += await reaskFailing(checked.items, chat, answer.response.text, map, options, use);
        own.push(...checked.items);
      } catch (error) {
        if (!isProviderError(error) || error.kind !== 'malformed') throw error;
        notes.push(text.brokenAnswer(element.title, error.messageIn(lang)));
      }
    }
    items.push(...own);
    if (request.kind === 'vakvoorbeelden' && passages.length > 0) {
      for (const subject of subjects) if (!own.some((i) => i.subject === subject)) gaps.push({ element: element.id, subject, message: text.nothingInSubject(element.title, subject) });
    }
    request.onProgress?.(done + 1, elements.length);
  }
  if (reasked > 0) notes.push(text.reasked(reasked));
  if (request.kind === 'flitsbezoek') {
    // Several elements each answer with up to five: the visit still has five look-fors and one question.
    const lookFors = items.filter((i) => i.role !== 'question');
    const chosen = pickForVisit(lookFors, elements.map((e) => e.id));
    const question = items.find((i) => i.role === 'question');
    if (lookFors.length > chosen.length) notes.unshift(text.flitsbezoekLimit(chosen.length, lookFors.length));
    items.splice(0, items.length, ...chosen, ...(question ? [question] : []));
  }
  return { kind: request.kind, mode: 'model', lang, elements: elements.map((e) => e.id), subjects, items, gaps, notes, model: use, ...(request.kind === 'kijkwijzer' && request.icalt ? { icalt: true } : {}) };
}
