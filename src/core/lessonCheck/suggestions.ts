import type { ParsedNote } from '../notes/types';
import { citation } from '../retrieval/citation';
import type { ElementProfile } from './elementProfiles';
import type { PlanUnit } from './planUnits';
import { splitSentences } from './planUnits';
import { coverage } from './scoring';
import { termKeys, type TermMatcher } from './terms';
import { noteIsAbout } from './practiceLinks';

/** What the suggestion writer knows about how near each indicator came to the plan. */
export interface IndicatorFit {
  /** Index into `profile.probes`. */
  probe: number;
  /** Best similarity of the indicator to any activity unit, in [0,1] (below the evidence level for gaps). */
  fit: number;
  /** The unit it came nearest to, to say where in the plan it fits. */
  unit: PlanUnit | null;
  /** The plan already shows this indicator (it is part of the evidence). */
  shown: boolean;
}

/** Fit from which a suggestion names the plan section it belongs in. */
const PLACE_AT = 0.25;

const TEACHER = /^(de\s+)?(leraar|leerkracht|docent|juf|meester|mentor)\s+/i;
/** Verb forms that differ between "hij" and "je" (the rest are the same in Dutch). */
const SECOND_PERSON: Record<string, string> = { is: 'bent', heeft: 'hebt', kan: 'kunt', wil: 'wilt', zal: 'zult' };

/**
 * Turns an indicator into something a teacher can do. Indicators about the teacher are addressed to
 * the reader ("De leraar geeft opdrachten …" becomes "je geeft opdrachten …"); indicators
 * about pupils or the room stay as they are, as the thing to make visible. The school's own words are
 * kept: nothing is added that the vision does not say.
 */
export function actionable(indicator: string, lang: 'nl' | 'en'): string {
  const text = indicator.trim().replace(/[.;]+$/, '');
  const teacher = TEACHER.exec(text);
  if (teacher && lang === 'nl') {
    const rest = text.slice(teacher[0].length);
    const [verb = '', ...tail] = rest.split(' ');
    const own = tail.join(' ').replace(/\bhij\b/g, 'je').replace(/\bzijn\b/g, 'je');
    return `je ${SECOND_PERSON[verb.toLowerCase()] ?? verb} ${own}`.trim();
  }
  return lowerFirst(text);
}

function lowerFirst(text: string): string {
  // "De leerling" becomes "de leerling"; an acronym or name ("ICT", "Rekenen") is kept.
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

/**
 * One or two suggestions for an element that is partial or absent: the indicator nearest to what the
 * plan already does (and not yet shown), placed in the plan section it fits, and a good practice from the
 * vault about the element when there is one (else a second indicator). Each cites its source.
 */
export function suggestionsFor(
  profile: ElementProfile,
  fits: readonly IndicatorFit[],
  practices: readonly ParsedNote[],
  matcher: TermMatcher,
  lang: 'nl' | 'en',
): string[] {
  const element = profile.element;
  const cite = citation(element.path, element.heading);
  const open = fits.filter((f) => !f.shown).sort((a, b) => b.fit - a.fit || a.probe - b.probe);
  const out: string[] = [];
  const first = open[0];
  if (first) out.push(indicatorSuggestion(profile.probes[first.probe]?.text ?? '', first, cite, lang));
  const practice = bestPractice(profile, practices, matcher);
  if (practice) {
    const link = citation(practice.note.path, null);
    out.push(lang === 'nl' ? `Zie hoe collega's dit aanpakken in ${link}: ${practice.sentence}` : `See how colleagues do this in ${link}: ${practice.sentence}`);
  } else if (open[1]) {
    out.push(indicatorSuggestion(profile.probes[open[1].probe]?.text ?? '', open[1], cite, lang));
  }
  return out.filter((s) => s.trim() !== '').slice(0, 2);
}

function indicatorSuggestion(indicator: string, fit: IndicatorFit, cite: string, lang: 'nl' | 'en'): string {
  const teacher = TEACHER.test(indicator.trim());
  const what = actionable(indicator, lang);
  // Name the plan's section only when the indicator came near something there; a far match misplaces it.
  const where = fit.unit?.section && fit.fit >= PLACE_AT ? fit.unit.section : null;
  if (lang === 'en') {
    return `${where ? `In "${where}": make` : 'Make'} room for what the vision describes: "${indicator.trim()}" (${cite})`;
  }
  const lead = teacher ? 'probeer dit' : 'plan een moment waarop je dit ziet';
  const sentence = `${where ? `Bij "${where}": ${lead}` : upperFirst(lead)}: ${what} (${cite})`;
  return sentence;
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The good practice about the element, and its sentence that is most like the element's indicators. */
function bestPractice(profile: ElementProfile, practices: readonly ParsedNote[], matcher: TermMatcher): { note: ParsedNote; sentence: string } | null {
  let best: { note: ParsedNote; sentence: string; score: number } | null = null;
  for (const note of practices) {
    if (!noteIsAbout(note, profile.element)) continue;
    for (const section of note.sections) {
      for (const block of section.blocks) {
        for (const sentence of splitSentences(block.text)) {
          const keys = termKeys(sentence);
          if (keys.length < 4 || /\[\[|\]\]/.test(sentence)) continue;
          const matches = matcher.matches(keys);
          const score = Math.max(0, ...profile.probes.map((p) => coverage(matches, p)));
          if (!best || score > best.score) best = { note, sentence: sentence.trim(), score };
        }
      }
    }
  }
  return best && best.score > 0 ? { note: best.note, sentence: best.sentence } : null;
}
