/**
 * The extractive indicators, kijkwijzer and flitsbezoek: the same look-fors from the vault (see
 * `lookFors.ts`), linted, then listed, put in an observation form, or narrowed to five for a short visit.
 */
import type { VisionElement } from '../../vision/visionElement';
import type { GeneratorContext } from '../generatorVault';
import type { ElementStep, GeneratedItem, GeneratorParts, GeneratorRequest, Lang } from '../types';
import { actorOf, lintIndicator } from '../indicatorLint';
import { icaltDomainOf } from '../icaltDomains';
import { lookForsFor } from '../lookFors';
import { GENERATOR_TEXT } from '../generatorText';
import { flitsbezoekQuestion } from './reflectionQuestions';

/** Behaviour indicators of each element, from its own list items and the vault's behaviour sentences. */
export async function extractIndicators(elements: readonly VisionElement[], request: GeneratorRequest, context: GeneratorContext, step: ElementStep): Promise<GeneratorParts> {
  const lang: Lang = request.lang ?? 'nl';
  const text = GENERATOR_TEXT[lang];
  const parts: GeneratorParts = { items: [], gaps: [], notes: [] };
  let skipped = 0;
  for (const element of elements) {
    const found = await lookForsFor(element, context);
    skipped += found.skipped;
    if (found.candidates.length === 0) parts.gaps.push({ element: element.id, message: text.noLookFors(element.title) });
    for (const candidate of found.candidates) {
      parts.items.push({
        text: candidate.text,
        element: element.id,
        sources: [candidate.ref],
        lint: lintIndicator(candidate.text, lang),
        origin: 'extracted',
        actor: actorOf(candidate.text),
        role: 'lookFor',
      });
    }
    step();
  }
  const flagged = parts.items.filter((i) => i.lint.length > 0).length;
  if (flagged > 0) parts.notes.push(text.lintSummary(flagged, parts.items.length));
  if (skipped > 0) parts.notes.push(text.skippedSentences(skipped));
  if (request.levels) parts.notes.push(text.levelsNeedModel);
  return parts;
}

/** The full kijkwijzer: every look-for, grouped by actor in the note, optionally by ICALT domain too. */
export async function extractKijkwijzer(elements: readonly VisionElement[], request: GeneratorRequest, context: GeneratorContext, step: ElementStep): Promise<GeneratorParts> {
  const parts = await extractIndicators(elements, { ...request, levels: false }, context, step);
  if (request.icalt) for (const item of parts.items) item.icalt = icaltDomainOf(item.text);
  return parts;
}

/** At most this many look-fors in a flitsbezoek: it lasts three to five minutes. */
export const FLITSBEZOEK_MAX = 5;

/**
 * Picks the flitsbezoek's look-fors: elements take turns, clean look-fors (no lint finding) before
 * flagged ones, and within an element an actor not yet on the list before one that is.
 */
export function pickForVisit(items: readonly GeneratedItem[], elementOrder: readonly string[], max = FLITSBEZOEK_MAX): GeneratedItem[] {
  const rank = (i: GeneratedItem): number => (i.lint.some((f) => f.severity === 'error') ? 2 : i.lint.length > 0 ? 1 : 0);
  const pools = elementOrder.map((id) => items.filter((i) => i.element === id).sort((a, b) => rank(a) - rank(b)));
  const chosen: GeneratedItem[] = [];
  while (chosen.length < max && pools.some((p) => p.length > 0)) {
    for (const pool of pools) {
      if (chosen.length >= max || pool.length === 0) continue;
      const best = rank(pool[0]!);
      const fresh = pool.findIndex((i) => rank(i) === best && !chosen.some((c) => c.actor === i.actor));
      const [picked] = pool.splice(fresh >= 0 ? fresh : 0, 1);
      if (picked) chosen.push(picked);
    }
  }
  return chosen;
}

/** A flitsbezoek: at most five look-fors and one reflective question for the conversation afterwards. */
export async function extractFlitsbezoek(elements: readonly VisionElement[], request: GeneratorRequest, context: GeneratorContext, step: ElementStep): Promise<GeneratorParts> {
  const lang: Lang = request.lang ?? 'nl';
  const all = await extractIndicators(elements, { ...request, levels: false }, context, step);
  const text = GENERATOR_TEXT[lang];
  const chosen = pickForVisit(all.items, elements.map((e) => e.id));
  const notes: string[] = [];
  if (all.items.length > chosen.length) notes.push(text.flitsbezoekLimit(chosen.length, all.items.length));
  const flagged = chosen.filter((i) => i.lint.length > 0).length;
  if (flagged > 0) notes.push(text.lintSummary(flagged, chosen.length));
  const first = elements[0];
  const items = [...chosen];
  if (first) items.push(flitsbezoekQuestion(first, lang));
  return { items, gaps: all.gaps, notes };
}
