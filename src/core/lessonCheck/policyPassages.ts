import type { ParsedNote } from '../notes/types';
import type { ElementProfile } from './elementProfiles';
import type { PolicyPassage } from './modelPrompt';
import { noteIsAbout } from './practiceLinks';
import { splitSentences } from './planUnits';
import { coverage } from './scoring';
import { termKeys, type TermMatcher } from './terms';

/** A policy section linked to the element (by frontmatter or link) counts this much on top of its words. */
const LINKED_BONUS = 0.3;
/** Below this a section has too little to do with the element to send it along. */
const MIN_RELEVANCE = 0.15;
/** Passages longer than this are cut (at a sentence) so a prompt stays small. */
const MAX_PASSAGE_CHARS = 900;

/**
 * The policy passages (sections of policy notes) most about an element: those whose sentences cover
 * its indicators best, with a bonus for notes the school linked to the element. Deterministic.
 */
export function policyPassagesFor(profile: ElementProfile, policy: readonly ParsedNote[], matcher: TermMatcher, k: number): PolicyPassage[] {
  const scored: { passage: PolicyPassage; score: number }[] = [];
  for (const note of policy) {
    const linked = noteIsAbout(note, profile.element) ? LINKED_BONUS : 0;
    for (const section of note.sections) {
      if (section.blocks.length === 0) continue;
      let best = 0;
      for (const sentence of section.blocks.flatMap((b) => splitSentences(b.text))) {
        const matches = matcher.matches(termKeys(sentence));
        for (const probe of profile.probes) best = Math.max(best, coverage(matches, probe) * probe.weight);
      }
      const score = best + linked;
      if (score >= MIN_RELEVANCE) scored.push({ passage: { path: note.path, heading: section.level > 1 ? section.heading : null, startLine: section.startLine, text: clip(section.text) }, score });
    }
  }
  return scored
    .sort((a, b) => b.score - a.score || a.passage.path.localeCompare(b.passage.path) || a.passage.startLine - b.passage.startLine)
    .slice(0, k)
    .map((s) => s.passage);
}

function clip(text: string): string {
  if (text.length <= MAX_PASSAGE_CHARS) return text;
  const cut = text.slice(0, MAX_PASSAGE_CHARS);
  const end = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('\n'));
  return `${end > MAX_PASSAGE_CHARS / 2 ? cut.slice(0, end + 1) : cut} …`;
}
