/**
 * Reflection questions from templates filled with the element's own words: open questions about what
 * the teacher did, why, and what it brought the pupils; also about what went well. Never a verdict.
 */
import type { VisionElement } from '../../vision/visionElement';
import type { ElementStep, GeneratedItem, GeneratorParts, Lang } from '../types';
import { elementRef } from '../generatorVault';
import { isObservable, lintIndicator } from '../indicatorLint';
import { titleQuery } from '../lookFors';

interface Templates {
  what(topic: string): string;
  why(topic: string): string;
  effect(topic: string): string;
  indicator(topic: string, indicator: string): string;
  wentWell(topic: string): string;
  next(topic: string): string;
  visit(topic: string): string;
}

const TEMPLATES: Record<Lang, Templates> = {
  nl: {
    what: (t) => `Op welke momenten in deze les speelde ${t} een rol, en wat deed je toen?`,
    why: (t) => `Waarom koos je op die momenten voor deze aanpak, en hoe past die bij wat jullie visie over ${t} zegt?`,
    effect: (t) => `Wat zag of hoorde je de leerlingen doen dat met ${t} te maken had?`,
    indicator: (t, i) => `Bij ${t} staat in jullie kijkpunten: „${i}” Wanneer gebeurde dat in deze les, en wat ging eraan vooraf?`,
    wentWell: (t) => `Wat ging er rond ${t} zoals je had gehoopt, en wat zou je de volgende keer weer zo doen?`,
    next: (t) => `Wat wil je rond ${t} de volgende keer uitproberen, en waaraan zou je merken dat het de leerlingen helpt?`,
    visit: (t) => `Wat wilde je dat de leerlingen op dat moment rond ${t} deden, en wat zag je ze doen?`,
  },
  en: {
    what: (t) => `At which moments in this lesson did ${t} play a part, and what did you do then?`,
    why: (t) => `Why did you choose this approach at those moments, and how does it fit what your vision says about ${t}?`,
    effect: (t) => `What did you see or hear the pupils do that had to do with ${t}?`,
    indicator: (t, i) => `Under ${t} your look-fors say: '${i}' When did that happen in this lesson, and what led up to it?`,
    wentWell: (t) => `What went the way you hoped around ${t}, and what would you do the same way next time?`,
    next: (t) => `What would you like to try around ${t} next time, and how would you notice that it helps the pupils?`,
    visit: (t) => `What did you want the pupils to be doing around ${t} at that moment, and what did you see them do?`,
  },
};

/** Indicators quoted in questions, at most: more makes the list long for one conversation. */
const QUOTED_INDICATORS = 2;

/** The element's name as it goes into a question: its title without a "Pijler 2:" prefix, quoted. */
export function topicOf(element: VisionElement): string {
  const title = titleQuery(element);
  const word = /^\p{Lu}\p{Ll}/u.test(title) ? title.charAt(0).toLowerCase() + title.slice(1) : title;
  return `‘${word}’`;
}

function question(element: VisionElement, text: string): GeneratedItem {
  return { text, element: element.id, sources: [elementRef(element)], lint: [], origin: 'extracted', role: 'question' };
}

/** The reflection questions for one element, in the order a conversation might take. */
export function reflectionQuestionsFor(element: VisionElement, lang: Lang): GeneratedItem[] {
  const t = TEMPLATES[lang];
  const topic = topicOf(element);
  const quoted = element.indicators.filter((i) => isObservable(lintIndicator(i))).slice(0, QUOTED_INDICATORS);
  return [
    question(element, t.what(topic)),
    question(element, t.why(topic)),
    question(element, t.effect(topic)),
    ...quoted.map((i) => question(element, t.indicator(topic, i.trim()))),
    question(element, t.wentWell(topic)),
    question(element, t.next(topic)),
  ];
}

/** The one question after a flitsbezoek: what was intended and what the visitor saw happen. */
export function flitsbezoekQuestion(element: VisionElement, lang: Lang): GeneratedItem {
  return question(element, TEMPLATES[lang].visit(topicOf(element)));
}

/** Words that turn a question into a verdict or an instruction. */
const JUDGING = /\b(goed genoeg|fout deed|slecht|beter had|had je moeten|waarom niet|moet je|should have|wrong|bad|failed)\b/i;
const OPENERS = /^(wat|hoe|waarom|welke|welk|wanneer|waaraan|waar|op welke|bij|in welke|what|how|why|which|when|where|at which|under)\b/i;

/** Whether a text is an open, non-judging question (the rule every reflection question must meet). */
export function isOpenQuestion(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.endsWith('?') && OPENERS.test(trimmed) && !JUDGING.test(trimmed);
}

/** Reflection questions for each element. */
export function extractReflection(elements: readonly VisionElement[], lang: Lang, step: ElementStep): GeneratorParts {
  const items: GeneratedItem[] = [];
  for (const element of elements) {
    items.push(...reflectionQuestionsFor(element, lang));
    step();
  }
  return { items, gaps: [], notes: [] };
}
