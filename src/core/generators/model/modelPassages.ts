/**
 * The passages a model-assisted generator gives the model for one element: the element's own text,
 * vision and policy passages the index finds for it, and for lesson ideas and subject examples the
 * good practices and lesson plans that hold it. Each passage keeps the source it is cited by.
 */
import type { ParsedNote } from '../../notes/types';
import type { VisionElement } from '../../vision/visionElement';
import type { PromptSource } from '../../llm/prompt';
import type { GeneratorKind } from '../types';
import { elementRef, sectionRef, type GeneratorContext } from '../generatorVault';
import { lessonIdeas, practiceIdeas } from '../lessonEvidence';
import { MIN_VECTOR_SCORE, titleQuery } from '../lookFors';

/** A passage for the prompt, with the `note#heading` it is cited by in the note. */
export interface ModelPassage extends PromptSource {
  ref: string;
}

/** Per passage and in all, so one long note cannot crowd out the others or the context window. */
const MAX_PASSAGE_CHARS = 2_000;
const MAX_TOTAL_CHARS = 12_000;
/** Passages from the search, besides the element's own. */
const SEARCH_K = 5;

function cut(text: string): string {
  const clean = text.trim();
  return clean.length <= MAX_PASSAGE_CHARS ? clean : `${clean.slice(0, MAX_PASSAGE_CHARS).trimEnd()} …`;
}

/** The element's own words: description and indicators as the note has them. */
export function elementText(element: VisionElement): string {
  return [element.description, ...element.indicators.map((i) => `- ${i}`)].filter((t) => t.trim() !== '').join('\n');
}

/** The text of a note between two lines, block by block, with the section each block is in. */
function linesOf(note: ParsedNote, startLine: number, endLine: number): { text: string; ref: string } | null {
  const parts: string[] = [];
  let first: ParsedNote['sections'][number] | undefined;
  for (const section of note.sections) {
    for (const block of section.blocks) {
      if (block.endLine < startLine || block.startLine > endLine) continue;
      first ??= section;
      parts.push(block.kind === 'listItem' ? `- ${block.text}` : block.text);
    }
  }
  return first && parts.length > 0 ? { text: parts.join('\n'), ref: sectionRef(note, first) } : null;
}

/**
 * Passages for one element and kind, the element's own first. An element without any text and with no
 * passage elsewhere gives an empty list: the generator then says the vault has nothing on it.
 */
export async function passagesFor(kind: GeneratorKind, element: VisionElement, context: GeneratorContext): Promise<ModelPassage[]> {
  const passages: ModelPassage[] = [];
  let total = 0;
  const add = (path: string, heading: string | null, text: string, ref: string): void => {
    const body = cut(text);
    if (body === '' || total + body.length > MAX_TOTAL_CHARS || passages.some((p) => p.ref === ref && p.text === body)) return;
    total += body.length;
    passages.push({ id: `S${passages.length + 1}`, path, heading, text: body, ref });
  };

  const own = elementText(element);
  if (own !== '') add(element.path, element.heading, own, elementRef(element));

  const ideas = kind === 'lesideeen' || kind === 'vakvoorbeelden';
  if (ideas) {
    for (const idea of [...practiceIdeas(context.vault, element), ...(await lessonIdeas(context.vault, element))]) {
      const section = idea.note.sections.find((s) => idea.sources[0] === sectionRef(idea.note, s)) ?? idea.note.sections[0];
      if (!section) continue;
      const found = linesOf(idea.note, section.startLine, section.endLine);
      if (found) add(idea.note.path, headingOf(found.ref), `${idea.title}\n${found.text}`, found.ref);
    }
  }

  // The index is asked only when the element has words of its own to ask with.
  if (own === '') return passages;
  const roles = ideas ? (['visie', 'beleid', 'praktijk', 'les'] as const) : (['visie', 'beleid'] as const);
  const found = await context.search.search(titleQuery(element), { roles: [...roles], k: SEARCH_K + 1 });
  for (const hit of found?.hits ?? []) {
    if (hit.keywordScore === null && (hit.vectorScore === null || hit.vectorScore < MIN_VECTOR_SCORE)) continue;
    if (hit.path === element.path && hit.startLine <= element.endLine && hit.endLine >= element.startLine) continue;
    const note = context.vault.notes.get(hit.path);
    const text = note ? linesOf(note, hit.startLine, hit.endLine) : null;
    if (text) add(hit.path, headingOf(text.ref), text.text, text.ref);
  }
  return passages;
}

/** The heading part of a `note#heading` ref, or null. */
function headingOf(ref: string): string | null {
  const hash = ref.indexOf('#');
  return hash >= 0 ? ref.slice(hash + 1) : null;
}
