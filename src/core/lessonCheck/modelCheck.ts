import type { ParsedNote } from '../notes/types';
import type { Embedder } from '../index/types';
import { completeJson } from '../llm/jsonOutput';
import type { RedactingChatModel } from '../llm/redactingChatModel';
import { LessonChecker } from './lessonChecker';
import { buildCheckPrompt, ModelAnswerSchema, type ModelAnswer, type PolicyPassage, type PromptElement } from './modelPrompt';
import { findQuote, type QuoteTarget } from './quoteMatch';
import { PARTIAL_AT, STRONG_AT } from './scoring';
import type { CheckEvidence, ElementCheck, ElementStatus, LessonCheckOptions, LessonCheckReport, LessonCheckSources, ModelUse } from './types';

/** Settings of a model-assisted check, on top of the extractive ones. */
export interface ModelCheckOptions extends LessonCheckOptions {
  /** Policy passages sent per element (default 2). */
  passagesPerElement?: number;
  /** Elements judged per request (default 8); the plan is sent with every request. */
  elementsPerRequest?: number;
  /**
   * Puts the privacy guard's placeholders back into the model's text (quotes and suggestions), with the
   * mapping the guard's redactor kept. Without it, placeholders stay in the suggestions, and quotes
   * with placeholders are still checked (a placeholder matches the words it replaced).
   */
  restore?: (text: string) => string;
}

/** Input of {@link checkLessonPlanWithModel}. */
export interface ModelCheckInput extends LessonCheckSources {
  plan: ParsedNote;
  /** The model behind the privacy guard: nothing reaches the provider unredacted. */
  model: RedactingChatModel;
  /** Used for the extractive part (passage retrieval, scores, fall-back); null: keyword-only. */
  embedder: Embedder | null;
  /** A checker prepared earlier for this vault (saves the preparation); made from the sources when absent. */
  checker?: LessonChecker;
  options?: ModelCheckOptions;
}

/** Score bands per status, so a model's status and the extractive score mean the same in both modes. */
const BANDS: Record<ElementStatus, [number, number]> = { strong: [STRONG_AT, 1], partial: [PARTIAL_AT, STRONG_AT - 0.001], absent: [0, PARTIAL_AT - 0.001] };

/**
 * Model-assisted check. The model receives the plan and, per element, its vision passage and the
 * policy passages most about it (through the privacy guard), and answers per element a status, quotes
 * and suggestions as JSON (validated; one repair attempt, then a clear error). Every quote is checked
 * against the plan and the texts sent (`quoteMatch.ts`): a quote that does not occur is dropped and the
 * element marked `verified: false`. Plan quotes become evidence with the plan's line ranges. The score
 * is the extractive score held within the band of the model's status. Same report shape as extractive.
 */
export async function checkLessonPlanWithModel(input: ModelCheckInput): Promise<LessonCheckReport> {
  const { plan, model, embedder, options = {} } = input;
  const checker = input.checker ?? (await LessonChecker.prepare(input, embedder, options));
  const extractive = await checker.check(plan, options);
  const restore = options.restore ?? ((t: string) => t);
  const perRequest = Math.max(1, options.elementsPerRequest ?? 8);
  const items: PromptElement[] = checker.profiles.map((p, i) => ({ key: `E${i + 1}`, element: p.element, passages: checker.policyPassages(i, options.passagesPerElement ?? 2) }));
  const use: ModelUse = { provider: model.config.preset, model: model.config.model, requests: [], redactionCount: 0, droppedQuotes: 0 };
  const warnings = [...extractive.warnings];
  const answers = new Map<string, ModelAnswer['elements'][number]>();

  for (let i = 0; i < items.length; i += perRequest) {
    options.signal?.throwIfAborted();
    const batch = items.slice(i, i + perRequest);
    const prompt = buildCheckPrompt(plan, batch);
    const result = await completeJson(model, { system: prompt.system, messages: [{ role: 'user', content: prompt.user }], ...(options.signal ? { signal: options.signal } : {}) }, ModelAnswerSchema);
    const { sentPrompt, text, redactionCount } = result.response;
    use.requests.push({ sentPrompt, answer: text, redactionCount, repaired: result.repaired });
    use.redactionCount += redactionCount;
    for (const answer of result.data.elements) if (!answers.has(answer.id)) answers.set(answer.id, answer);
  }

  const planTargets: QuoteTarget<{ startLine: number; endLine: number }>[] = plan.sections.flatMap((s) => s.blocks.map((b) => ({ text: b.text, value: { startLine: b.startLine, endLine: b.endLine } })));
  const elements = items.map((item, i): ElementCheck => {
    const fallback = extractive.elements[i]!;
    const answer = answers.get(item.key);
    if (!answer) {
      warnings.push(`The model gave no judgement for "${item.element.title}"; the extractive result is shown.`);
      return fallback;
    }
    const lines = new Map((checker.profiles[i]?.probes ?? []).map((p) => [p.text, p.line] as const));
    const checked = verifyEvidence(answer, item, planTargets, restore, (text) => lines.get(text) ?? null);
    use.droppedQuotes += checked.dropped;
    const [low, high] = BANDS[answer.status];
    const suggestions = answer.status === 'strong' ? [] : answer.suggestions.map((s) => restore(s).trim()).filter(Boolean).slice(0, 2);
    return {
      ...stripToElement(fallback),
      status: answer.status,
      score: Math.round(Math.min(high, Math.max(low, fallback.score)) * 1000) / 1000,
      evidence: checked.evidence.slice(0, options.maxEvidence ?? 3),
      suggestions: suggestions.length > 0 || answer.status === 'strong' ? suggestions : fallback.suggestions,
      verified: checked.dropped === 0,
    };
  });
  if (use.droppedQuotes > 0) warnings.push(`${use.droppedQuotes} quote(s) from the model were not found in the plan or the vision text and were left out.`);
  return { note: plan.path, mode: 'model', matching: extractive.matching, elements, warnings, model: use };
}

function stripToElement(check: ElementCheck): Pick<ElementCheck, 'id' | 'title' | 'path' | 'heading'> {
  return { id: check.id, title: check.title, path: check.path, heading: check.heading };
}

interface VisionSpot {
  path: string;
  heading: string | null;
  line: number | null;
  text: string;
}

/** Keeps the quotes that occur; maps plan quotes to lines and vision quotes to their passage. */
function verifyEvidence(
  answer: ModelAnswer['elements'][number],
  item: PromptElement,
  planTargets: readonly QuoteTarget<{ startLine: number; endLine: number }>[],
  restore: (text: string) => string,
  lineOf: (indicator: string) => number | null,
): { evidence: CheckEvidence[]; dropped: number } {
  const e = item.element;
  const visionTargets: QuoteTarget<VisionSpot>[] = [
    ...[e.title, e.description, ...e.indicators].map((text) => ({ text, value: { path: e.path, heading: e.heading, line: lineOf(text), text } })),
    ...item.passages.map((p: PolicyPassage) => ({ text: p.text, value: { path: p.path, heading: p.heading, line: p.startLine, text: p.text } })),
  ];
  let dropped = 0;
  const evidence: CheckEvidence[] = [];
  for (const quote of answer.evidence) {
    const planQuote = restore(quote.quote);
    const inPlan = findQuote(planQuote, planTargets);
    let spot: VisionSpot | null = null;
    if (quote.visionQuote !== undefined && quote.visionQuote.trim() !== '') {
      const visionQuote = restore(quote.visionQuote).trim();
      const hit = findQuote(visionQuote, visionTargets);
      // Show the indicator when the quote is (part of) one, else the quoted words themselves.
      if (hit) spot = { ...hit.first, text: e.indicators.includes(hit.first.text) ? hit.first.text : visionQuote };
      else dropped++;
    }
    if (!inPlan) {
      // A "plan quote" that is really vision text is not evidence from the plan either.
      dropped++;
      continue;
    }
    evidence.push({
      startLine: inPlan.first.startLine,
      endLine: inPlan.last.endLine,
      text: planQuote.trim(),
      visionPath: spot?.path ?? e.path,
      visionHeading: spot ? spot.heading : e.heading,
      visionText: spot?.text ?? null,
      visionLine: spot?.line ?? null,
      strength: answer.status === 'strong' ? 1 : 0.5,
    });
  }
  return { evidence, dropped };
}
