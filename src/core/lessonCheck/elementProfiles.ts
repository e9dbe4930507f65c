import type { ParsedNote } from '../notes/types';
import type { VisionElement } from '../vision/visionElement';
import { splitSentences } from './planUnits';
import { termKeys, type TermStats } from './terms';
import { termGroups } from './probeTerms';
import { noteIsAbout } from './practiceLinks';

/**
 * One text an element is recognised by: an indicator (what you see in the lesson), a sentence of its
 * description, or a sentence of a good practice filed under it. A plan unit is compared with every
 * probe of an element; the title is handled apart (`titleKeys`), as naming is not showing.
 */
export interface Probe {
  text: string;
  kind: 'indicator' | 'description' | 'practice';
  /**
   * What a full match with this probe is worth: an indicator describes behaviour; a description
   * sentence an ideal (a short one, a slogan, less: {@link SLOGAN_WEIGHT}); a sentence of a good
   * practice filed under the element how a colleague did it.
   */
  weight: number;
  /** Its terms, grouped: alternatives together, examples optional (see `probeTerms.ts`). */
  groups: WeightedGroup[];
  /** Sum of the weights of the groups that are not examples: the probe's total weight of meaning. */
  mass: number;
  /** Line of the probe in its note, when known. */
  line: number | null;
  /** Where a practice probe comes from; absent for the element's own indicators and description. */
  source?: { path: string; heading: string | null };
}

/** A term group with the weight of each key: its idf over the vault times how specific it is to this element. */
export interface WeightedGroup {
  keys: string[];
  weights: number[];
  /** The largest of `weights`: what the group adds to the probe's mass. */
  weight: number;
  example: boolean;
}

/** An element with what it is recognised by. */
export interface ElementProfile {
  element: VisionElement;
  probes: Probe[];
  /** Keys of the title that no other element's title shares (not `pijler`, not a number). */
  titleKeys: string[];
}

/** Indicators describe observable behaviour; a description sentence counts for less, a practice's sentence half. */
export const PROBE_WEIGHT = { indicator: 1, description: 0.8, practice: 0.5 } as const;

/**
 * Term weights are raised to this power before coverage is computed, so a probe's distinctive words
 * dominate its shared ones: a plan line that has "docent", "vraag" and "antwoord" of an indicator but
 * not its point ("geeft geen antwoord op een vraag die leerlingen zelf kunnen uitzoeken") covers little.
 */
export const SHARPNESS = 1.5;

/** Description sentences with fewer content words say too little to match on. */
const MIN_DESCRIPTION_KEYS = 4;

/**
 * A description sentence with fewer content words than this is a slogan ("Kinderen leren het meest als
 * ze zelf aan het stuur zitten", "Leren kan alleen als je je veilig voelt"): figurative, and its two or
 * three rare words are shared by ordinary lesson lines by accident ("zitten morgen aan de
 * instructietafel"). It still counts, at {@link SLOGAN_WEIGHT}: below `STRONG_AT`, so a slogan alone
 * can make an element partial, never strong. A sentence with six or more content words says what the
 * school does and counts as a description.
 */
const SLOGAN_KEYS = 6;
export const SLOGAN_WEIGHT = 0.4;

/**
 * How much a word still counts for an element when it is not the element's own word (its title,
 * description and indicators do not use it):
 * - `foreign`: another element uses it. It marks that other element ("woorden" marks language, not
 *   ownership), so in a good practice filed under this element it says little about this element.
 * - `practice`: a word of a good practice's sentence that the element's own text does not use. A
 *   practice note filed under several elements tells a whole story; its words that echo the element
 *   ("kiezen zelf") carry the match, its incidental words ("stuk", "tekst", "rapportgesprek") should not
 *   outweigh them.
 * Both multiply the word's specificity (before {@link SHARPNESS}); an element's own words are unchanged,
 * so in effect only good-practice sentences are affected (indicators and description are its own text).
 */
const NOT_OWN = { foreign: 0.5, practice: 0.5 } as const;

/**
 * Builds the profile of every element; `visionNotes` (optional) give the indicators' lines.
 *
 * A word's weight is its idf over the vault (rare words say more) times its specificity within the
 * vision: a word that every element uses ("leerling", "docent", "les") does not tell one value from
 * another, a word only one element uses ("planbord", "hypothese") does. Specificity is
 * log(1 + E/ef) / log(1 + E), with E elements of which ef use the word: 1 for a word of one element;
 * a word the element itself does not use counts less ({@link NOT_OWN}). The product is raised to
 * {@link SHARPNESS}. Good practices that the school filed under an element
 * (frontmatter or a link, see `practiceLinks.ts`) add their sentences as probes of that element.
 */
export function buildProfiles(elements: readonly VisionElement[], stats: TermStats, visionNotes: readonly ParsedNote[] = [], practices: readonly ParsedNote[] = []): ElementProfile[] {
  const titleCount = new Map<string, number>();
  const elementCount = new Map<string, number>();
  for (const element of elements) {
    for (const key of new Set(termKeys(element.title))) titleCount.set(key, (titleCount.get(key) ?? 0) + 1);
    for (const key of new Set(termKeys(elementText(element)))) elementCount.set(key, (elementCount.get(key) ?? 0) + 1);
  }
  const total = Math.max(elements.length, 1);
  /** The weight of `key` in a probe of an element whose own words are `own` (see {@link NOT_OWN}). */
  const weighFor = (own: ReadonlySet<string>, practice: boolean) => (key: string): number => {
    let specificity = Math.log(1 + total / Math.max(elementCount.get(key) ?? 1, 1)) / Math.log(1 + total);
    if (!own.has(key)) {
      if (elementCount.has(key)) specificity *= NOT_OWN.foreign;
      if (practice) specificity *= NOT_OWN.practice;
    }
    return Math.pow(stats.idf(key) * specificity, SHARPNESS);
  };
  return elements.map((element) => {
    const own = new Set(termKeys(elementText(element)));
    const weigh = weighFor(own, false);
    const weighPractice = weighFor(own, true);
    const lines = indicatorLines(element, visionNotes.find((n) => n.path === element.path));
    const probes: Probe[] = element.indicators.map((text, i) => probe(text, 'indicator', weigh, lines[i] ?? null));
    for (const sentence of element.description.split('\n').flatMap(splitSentences)) {
      const p = probe(sentence, 'description', weigh, null);
      if (p.groups.length < MIN_DESCRIPTION_KEYS) continue;
      if (p.groups.length < SLOGAN_KEYS) p.weight = SLOGAN_WEIGHT;
      probes.push(p);
    }
    for (const note of practices.filter((n) => noteIsAbout(n, element))) {
      for (const section of note.sections) {
        for (const block of section.blocks) {
          for (const sentence of splitSentences(block.text)) {
            const p = probe(sentence, 'practice', weighPractice, block.startLine);
            p.source = { path: note.path, heading: section.level > 1 ? section.heading : null };
            if (p.groups.length >= MIN_DESCRIPTION_KEYS) probes.push(p);
          }
        }
      }
    }
    const titleKeys = termKeys(element.title).filter((k) => (titleCount.get(k) ?? 0) < 2 && !/^\d+$/.test(k));
    return { element, probes: probes.filter((p) => p.mass > 0), titleKeys };
  });
}

/** The element's own words: its title, description and indicators. */
function elementText(element: VisionElement): string {
  return [element.title, element.description, ...element.indicators].join('\n');
}

function probe(text: string, kind: Probe['kind'], weigh: (key: string) => number, line: number | null): Probe {
  const groups = termGroups(text).map((g): WeightedGroup => {
    const own = g.keys.map(weigh);
    const weight = Math.max(0, ...own);
    // An example stands in for its group, never for more.
    const examples = g.examples.map((k) => Math.min(weigh(k), weight));
    return { keys: [...g.keys, ...g.examples], weights: [...own, ...examples], weight, example: g.example };
  });
  const mass = groups.filter((g) => !g.example).reduce((sum, g) => sum + g.weight, 0);
  return { text, kind, weight: PROBE_WEIGHT[kind], groups, mass, line };
}

/** Lines of the element's list items in its note, in the order of `element.indicators`. */
function indicatorLines(element: VisionElement, note: ParsedNote | undefined): (number | null)[] {
  if (!note) return element.indicators.map(() => null);
  const items = note.sections
    .filter((s) => s.startLine >= element.startLine && s.endLine <= element.endLine)
    .flatMap((s) => s.blocks.filter((b) => b.kind === 'listItem'));
  return element.indicators.map((text) => items.find((b) => b.text === text)?.startLine ?? null);
}
