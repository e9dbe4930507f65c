/**
 * Extractive lesson ideas and subject examples: only what the vault already holds. Lesson ideas are the
 * good practices filed under an element ("wat collega's al doen") and the lesson plans the lesson check
 * finds it strongly in; subject examples are those per subject, plus the element's own sentences that
 * name the subject. Where the vault has nothing, the result says so.
 */
import type { VisionElement } from '../../vision/visionElement';
import type { ElementStep, GeneratedItem, GeneratorParts, GeneratorRequest, ItemDetail, Lang } from '../types';
import { DEFAULT_SUBJECTS } from '../types';
import { elementRef, type GeneratorContext } from '../generatorVault';
import { lessonIdeas, practiceIdeas, type VaultIdea } from '../lessonEvidence';
import { splitSentences } from '../lookFors';
import { matchesGroup, mentionsSubject } from '../subjects';
import { GENERATOR_TEXT } from '../generatorText';

function ideaItem(element: VisionElement, idea: VaultIdea, subject?: string): GeneratedItem {
  const details: ItemDetail[] = [];
  const add = (field: ItemDetail['field'], text: string | null): void => {
    if (text && text.trim() !== '') details.push({ field, text });
  };
  add('doel', idea.goal);
  add('activiteit', idea.activity);
  add('zichtbaar', idea.visible);
  add('differentiatie', idea.differentiation);
  add('vak', idea.subject);
  add('groep', idea.group);
  return {
    text: idea.title,
    element: element.id,
    sources: idea.sources,
    lint: [],
    origin: 'extracted',
    details,
    ...(subject ? { subject } : {}),
  };
}

function fits(idea: VaultIdea, subject: string | undefined, group: string | undefined): boolean {
  const subjectOk = !subject || mentionsSubject(`${idea.subject} ${idea.title}`, subject);
  const groupOk = !group || matchesGroup(`${idea.group} ${idea.title}`, group);
  return subjectOk && groupOk;
}

/** Lesson ideas the vault holds per element: good practices first, then strong lesson plans. */
export async function extractLessonIdeas(elements: readonly VisionElement[], request: GeneratorRequest, context: GeneratorContext, step: ElementStep): Promise<GeneratorParts> {
  const lang: Lang = request.lang ?? 'nl';
  const text = GENERATOR_TEXT[lang];
  const subject = request.subjects?.[0];
  const parts: GeneratorParts = { items: [], gaps: [], notes: [text.modelCanSuggest] };
  for (const element of elements) {
    const ideas = [...practiceIdeas(context.vault, element), ...(await lessonIdeas(context.vault, element))];
    if (ideas.length === 0) {
      parts.gaps.push({ element: element.id, message: text.noIdeas(element.title) });
    } else {
      const matching = ideas.filter((i) => fits(i, subject, request.group));
      if ((subject || request.group) && matching.length === 0) {
        const filter = [subject, request.group ? `${lang === 'nl' ? 'groep' : 'group'} ${request.group}` : null].filter(Boolean).join(', ');
        parts.gaps.push({ element: element.id, ...(subject ? { subject } : {}), message: text.noIdeasFor(element.title, filter) });
      }
      const ordered = [...matching, ...ideas.filter((i) => !matching.includes(i))];
      parts.items.push(...ordered.map((idea) => ideaItem(element, idea)));
    }
    step();
  }
  return parts;
}

/** Sentences of the element itself (description and indicators) that name the subject. */
function ownSentences(element: VisionElement, subject: string): string[] {
  const sentences = [...element.description.split('\n').flatMap(splitSentences), ...element.indicators];
  return sentences.filter((s) => mentionsSubject(s, subject));
}

/** Per element and subject: what the vault says, or a plain line that it says nothing. */
export async function extractSubjectExamples(elements: readonly VisionElement[], request: GeneratorRequest, context: GeneratorContext, step: ElementStep): Promise<GeneratorParts> {
  const lang: Lang = request.lang ?? 'nl';
  const text = GENERATOR_TEXT[lang];
  const subjects = request.subjects && request.subjects.length > 0 ? request.subjects : DEFAULT_SUBJECTS;
  const parts: GeneratorParts = { items: [], gaps: [], notes: [] };
  for (const element of elements) {
    const ideas = [...practiceIdeas(context.vault, element), ...(await lessonIdeas(context.vault, element))];
    for (const subject of subjects) {
      const found: GeneratedItem[] = ownSentences(element, subject).map((sentence) => ({
        text: sentence,
        element: element.id,
        sources: [elementRef(element)],
        lint: [],
        origin: 'extracted',
        subject,
      }));
      for (const idea of ideas.filter((i) => fits(i, subject, request.group))) found.push(ideaItem(element, idea, subject));
      if (found.length === 0) parts.gaps.push({ element: element.id, subject, message: text.nothingInSubject(element.title, subject) });
      parts.items.push(...found);
    }
    step();
  }
  return parts;
}
