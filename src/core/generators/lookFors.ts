/**
 * Where an element's look-fors come from, offline: the element's own list items, the behaviour sentences
 * of its own description, and behaviour sentences in vision and policy passages the index finds for it
 * (sentences that open with "De leraar …", "Leerlingen …" and share a word of the element's title).
 */
import type { ParsedNote } from '../notes/types';
import type { VisionElement } from '../vision/visionElement';
import type { SearchHit } from '../retrieval/searchHit';
import { dutchTerm, tokenize } from '../index/dutchText';
import { startsWithActor } from './lint/analyzeIndicator';
import { isObservable, lintIndicator } from './indicatorLint';
import { elementRef, sectionRef, type GeneratorContext } from './generatorVault';

/** A sentence found for an element, with the passage it is cited from. */
export interface LookForCandidate {
  text: string;
  ref: string;
  /** The element's own list item, a sentence of its description, or a sentence of another passage. */
  from: 'indicator' | 'description' | 'passage';
}

/** Passages found by meaning alone count from this cosine on (as the ask feature does). */
export const MIN_VECTOR_SCORE = 0.82;
/** Passages asked of the index per element. */
const SEARCH_K = 8;

/** Title words that say nothing about the element itself. */
const GENERIC_TITLE_WORDS = ['pijler', 'kernwaarde', 'waarde', 'speerpunt', 'ambitie', 'leren', 'maken', 'school', 'onze', 'les', 'lessen', 'onderwijs', 'echte'];
const GENERIC_TERMS = new Set(GENERIC_TITLE_WORDS.map((w) => dutchTerm(w)).filter((t): t is string => t !== null));

/** The element's title without a "Pijler 2:" style prefix: what the index is asked. */
export function titleQuery(element: VisionElement): string {
  return element.title.replace(/^(pijler|speerpunt|kernwaarde|ambitie|pillar)\s*\d*\s*[:.)-]\s*/i, '').trim() || element.title;
}

/** Stems of the title's meaningful words. */
export function topicTerms(element: VisionElement): string[] {
  const terms = tokenize(titleQuery(element)).map((w) => dutchTerm(w)).filter((t): t is string => t !== null && !/^\d+$/.test(t));
  const specific = terms.filter((t) => !GENERIC_TERMS.has(t));
  return specific.length > 0 ? specific : terms;
}

/** Whether a sentence has one of the terms, also inside a compound (`samenwerkingsactiviteit`). */
export function sharesTopic(sentence: string, terms: readonly string[]): boolean {
  const stems = tokenize(sentence).map((w) => dutchTerm(w)).filter((t): t is string => t !== null);
  return stems.some((s) => terms.some((t) => s === t || (t.length >= 5 && s.startsWith(t))));
}

/** Splits a block of text into sentences. */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+(?=[\p{Lu}„"“(])/u)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** The normalised words of a sentence, for spotting duplicates. */
function wordSet(text: string): Set<string> {
  return new Set(tokenize(text.toLowerCase()).map((w) => dutchTerm(w)).filter((t): t is string => t !== null));
}

/** Two sentences are the same look-for when three quarters of their words are shared. */
export function isDuplicate(a: string, b: string): boolean {
  const x = wordSet(a);
  const y = wordSet(b);
  if (x.size === 0 || y.size === 0) return a.trim() === b.trim();
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  return shared / (x.size + y.size - shared) >= 0.75;
}

function isRelevant(hit: SearchHit): boolean {
  return hit.keywordScore !== null || (hit.vectorScore !== null && hit.vectorScore >= MIN_VECTOR_SCORE);
}

function insideAnElement(hit: SearchHit, elements: readonly VisionElement[]): boolean {
  return elements.some((e) => e.path === hit.path && hit.startLine <= e.endLine && hit.endLine >= e.startLine);
}

/** Sentences of `note` between `startLine` and `endLine` that read as behaviour, with their section's source. */
function behaviourSentences(note: ParsedNote, startLine: number, endLine: number): { text: string; ref: string }[] {
  const out: { text: string; ref: string }[] = [];
  for (const section of note.sections) {
    for (const block of section.blocks) {
      if (block.endLine < startLine || block.startLine > endLine) continue;
      for (const sentence of splitSentences(block.text)) if (startsWithActor(sentence)) out.push({ text: sentence, ref: sectionRef(note, section) });
    }
  }
  return out;
}

/** What `lookForsFor` found, and how many passage sentences it set aside. */
export interface LookForSearch {
  candidates: LookForCandidate[];
  /** Passage sentences left out because they describe no observable behaviour (an aim, a rule). */
  skipped: number;
}

/**
 * The look-fors of an element, deduplicated, in this order: its own list items, its description's
 * behaviour sentences, then behaviour sentences from other vision and policy passages. Sentences from
 * passages are kept only when observable (no lint error): they are the school's words, not its indicators.
 */
export async function lookForsFor(element: VisionElement, context: GeneratorContext): Promise<LookForSearch> {
  const own = elementRef(element);
  const candidates: LookForCandidate[] = [];
  const add = (candidate: LookForCandidate): void => {
    if (candidate.text.trim() === '' || candidates.some((c) => isDuplicate(c.text, candidate.text))) return;
    candidates.push(candidate);
  };
  for (const text of element.indicators) add({ text, ref: own, from: 'indicator' });
  for (const line of element.description.split('\n')) {
    for (const sentence of splitSentences(line)) {
      if (startsWithActor(sentence) && isObservable(lintIndicator(sentence))) add({ text: sentence, ref: own, from: 'description' });
    }
  }

  let skipped = 0;
  const terms = topicTerms(element);
  const found = await context.search.search(titleQuery(element), { roles: ['visie', 'beleid'], k: SEARCH_K });
  for (const hit of found?.hits ?? []) {
    if (!isRelevant(hit) || insideAnElement(hit, context.vault.elements)) continue;
    const note = context.vault.notes.get(hit.path);
    if (!note) continue;
    for (const sentence of behaviourSentences(note, hit.startLine, hit.endLine)) {
      if (!sharesTopic(sentence.text, terms)) continue;
      if (!isObservable(lintIndicator(sentence.text))) {
        skipped++;
        continue;
      }
      add({ ...sentence, from: 'passage' });
    }
  }
  return { candidates, skipped };
}
