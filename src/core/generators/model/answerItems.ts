/**
 * Turns a model's validated JSON into items: every cited source must be one the model was given (by id
 * `S1`, by the `[[…]]` it was told to cite, or by its vault path); an item that cites anything else, or
 * nothing, is dropped and said so. Look-fors are linted exactly like extracted ones, and who they are
 * about is read from their words (the model's own `actor` only when the words name nobody).
 */
import type { VisionElement } from '../../vision/visionElement';
import { citationFor } from '../../llm/prompt';
import type { GeneratedItem, GeneratorKind, ItemDetail, Lang } from '../types';
import { actorOf, lintIndicator, lintLevels } from '../indicatorLint';
import { icaltDomainOf, type IcaltDomainId } from '../icaltDomains';
import { isOpenQuestion } from '../extractive/reflectionQuestions';
import { GENERATOR_TEXT } from '../generatorText';
import type { ModelPassage } from './modelPassages';
import type { IdeaAnswer, LookForAnswer, QuestionAnswer, SubjectAnswer } from './modelPrompts';

const normal = (s: string): string => s.trim().replace(/^\[\[/, '').replace(/\]\]$/, '').replace(/\s+/g, ' ').toLowerCase();

/** Resolves what a model cited to the `note#heading` of a passage it was given, or null. */
export function sourceResolver(passages: readonly ModelPassage[]): (cited: string) => string | null {
  const known = new Map<string, string>();
  for (const p of passages) {
    for (const key of [p.id, citationFor(p), p.ref, p.heading === null ? p.path.replace(/\.md$/i, '') : '']) if (key) known.set(normal(key), p.ref);
  }
  return (cited) => known.get(normal(cited)) ?? null;
}

/** What checking one answer's citations left, and what it dropped. */
export interface CheckedItems {
  items: GeneratedItem[];
  notes: string[];
  dropped: number;
}

interface RawItem {
  text: string;
  sources: string[];
}

/** Options the mapping needs: the element, language, the note texts, subjects and the placeholder restore. */
export interface MapOptions {
  kind: GeneratorKind;
  element: VisionElement;
  lang: Lang;
  subjects: readonly string[];
  icalt: boolean;
  restore: (text: string) => string;
  resolve: (cited: string) => string | null;
}

/** Checks the sources of each raw item; calls `make` for the ones that cite only given passages. */
function checked<T extends RawItem>(raw: readonly T[], options: MapOptions, make: (item: T, refs: string[]) => GeneratedItem | null): CheckedItems {
  const text = GENERATOR_TEXT[options.lang];
  const out: CheckedItems = { items: [], notes: [], dropped: 0 };
  for (const item of raw) {
    const refs = item.sources.map(options.resolve);
    const invalid = item.sources.filter((_, i) => refs[i] === null);
    if (invalid.length > 0 || refs.length === 0) {
      out.dropped++;
      out.notes.push(text.droppedItem(options.restore(item.text), invalid.join(', ') || '—'));
      continue;
    }
    const made = make(item, [...new Set(refs.filter((r): r is string => r !== null))]);
    if (made) out.items.push(made);
  }
  return out;
}

/** A look-for written by the model, linted like any other (levels too). */
export function lookForItem(raw: LookForAnswer['items'][number], refs: string[], options: MapOptions): GeneratedItem {
  const text = options.restore(raw.text);
  const levels = raw.levels ? { beginnend: options.restore(raw.levels.beginnend), gevorderd: options.restore(raw.levels.gevorderd), sterk: options.restore(raw.levels.sterk) } : undefined;
  const lint = [...lintIndicator(text, options.lang), ...(levels ? lintLevels([levels.beginnend, levels.gevorderd, levels.sterk], options.lang) : [])];
  const item: GeneratedItem = { text, element: options.element.id, sources: refs, lint, origin: 'generated', actor: actorOf(text) ?? raw.actor ?? null, role: 'lookFor' };
  if (levels) item.levels = levels;
  if (options.kind === 'kijkwijzer' && options.icalt) item.icalt = (raw.icalt as IcaltDomainId | null | undefined) ?? icaltDomainOf(text);
  return item;
}

/** Look-fors (and the flitsbezoek's question) from an answer. */
export function lookForItems(answer: LookForAnswer, options: MapOptions): CheckedItems {
  const limit = options.kind === 'flitsbezoek' ? 5 : Infinity;
  const result = checked(answer.items.slice(0, limit), options, (raw, refs) => lookForItem(raw, refs, options));
  if (options.kind === 'flitsbezoek' && answer.question) {
    const question = checked([answer.question], options, (raw, refs) => ({ text: options.restore(raw.text), element: options.element.id, sources: refs, lint: [], origin: 'generated', role: 'question' }));
    result.items.push(...question.items);
    result.notes.push(...question.notes);
    result.dropped += question.dropped;
  }
  return result;
}

/** Reflection questions; a question that is not open or that judges is left out. */
export function questionItems(answer: QuestionAnswer, options: MapOptions): CheckedItems {
  const result = checked(answer.items, options, (raw, refs) => {
    const text = options.restore(raw.text);
    return isOpenQuestion(text) ? { text, element: options.element.id, sources: refs, lint: [], origin: 'generated', role: 'question' } : null;
  });
  return result;
}

/** New lesson ideas with their goal, activity, how the element shows and differentiation. */
export function ideaItems(answer: IdeaAnswer, options: MapOptions): CheckedItems {
  const raw = answer.items.map((i) => ({ ...i, text: i.title }));
  return checked(raw, options, (idea, refs) => {
    const details: ItemDetail[] = (
      [
        ['doel', idea.goal],
        ['activiteit', idea.activity],
        ['zichtbaar', idea.visible],
        ['differentiatie', idea.differentiation],
      ] as const
    )
      .filter(([, t]) => t.trim() !== '')
      .map(([field, t]) => ({ field, text: options.restore(t) }));
    const subject = options.subjects[0];
    return { text: options.restore(idea.title), element: options.element.id, sources: refs, lint: [], origin: 'generated', details, ...(subject ? { subject } : {}) };
  });
}

/** Subject examples, each under one of the subjects asked for (others are dropped). */
export function subjectItems(answer: SubjectAnswer, options: MapOptions): CheckedItems {
  return checked(answer.items, options, (raw, refs) => {
    const subject = options.subjects.find((s) => s.toLowerCase() === raw.subject.trim().toLowerCase());
    return subject ? { text: options.restore(raw.text), element: options.element.id, sources: refs, lint: [], origin: 'generated', subject } : null;
  });
}
