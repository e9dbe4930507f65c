/**
 * Reading a name token by token: the surname after a first name (particles, double surnames), the name
 * after a title, initials, and the words around a name that tell a pupil from an adult.
 */
import { FIRST_NAMES } from './dutchFirstNames';
import {
  ADULT_AFTER,
  ADULT_TITLES,
  CHILD_OF,
  NEUTRAL_TITLES,
  NOT_A_NAME,
  PARTICLES,
  PUPIL_AFTER,
  PUPIL_TITLES,
  RELATIVE_OF_PUPIL,
} from './nameLexicon';
import type { PersonCategory } from './rosterIndex';
import { isSpaceGap, type Token } from './tokenize';

/** Words that close a sentence or a clause: a name's context never reaches across them. */
const SENTENCE_BREAK = /[.!?\n;]/;
/** Words between a name and a pupil cue: "Daan uit groep 7", "Elif zit in groep 5". */
const PUPIL_LINK = new Set(['uit', 'in', 'zit', 'zat', 'van', 'is', 'jaar']);
/** Forms of address that a surname with a particle may follow. */
const POLITE_TITLES = new Set(['mevrouw', 'meneer', 'mevr', 'mw', 'mvr', 'dhr', 'heer', 'familie', 'fam', 'gezin', 'dr', 'drs', 'ir', 'mr', 'prof', 'ing']);
const HYPHEN_PARTICLE = /-(?:van|de|der|den|ter|ten|te|el|al|ben)$/u;

/** True for first names in the list, including hyphenated ones whose parts all are (Anne-Marie). */
export function isListedFirstName(lower: string): boolean {
  if (FIRST_NAMES.has(lower)) return true;
  if (!lower.includes('-')) return false;
  return lower.split('-').every((part) => FIRST_NAMES.has(part));
}

/** The word tokens of one text, with the positions name detection must leave alone. */
export class NameTokens {
  constructor(
    readonly tokens: readonly Token[],
    /** Tokens inside another finding or a keep-term: never part of a name. */
    readonly blocked: readonly boolean[],
  ) {}

  at(i: number): Token | undefined {
    return this.tokens[i];
  }

  /** A capitalised word that may be part of a name: not a particle, title, school word or month. */
  isNameWord(i: number): boolean {
    const t = this.tokens[i];
    if (!t || this.blocked[i] || !t.capitalised) return false;
    return !NOT_A_NAME.has(t.lower) && !PARTICLES.has(t.lower) && !isTitle(t.lower);
  }

  /**
   * The last token of a surname starting at `p` (particles, then a capitalised word, possibly a double
   * surname such as "Jansen-de Vries"), or -1 when there is none. `p` must follow on the same line.
   */
  parseSurname(p: number, needsGap = true): number {
    let q = p;
    let particles = 0;
    while (particles < 3 && this.linked(q, needsGap || q > p) && PARTICLES.has(this.tokens[q]?.lower ?? '')) {
      q += 1;
      particles += 1;
    }
    if (!this.linked(q, needsGap || q > p)) return -1;
    const head = this.tokens[q];
    if (!head || !this.isNameWord(q)) {
      // "El" and "Ben" are capitalised particles that may also be the whole surname ("Yassin Ben").
      return -1;
    }
    if (HYPHEN_PARTICLE.test(head.lower)) {
      const rest = this.parseSurname(q + 1);
      return rest >= 0 ? rest : -1;
    }
    return q;
  }

  /** From a first name at `i`: a second first name and a surname when they follow. */
  parseRestOfName(i: number): number {
    let j = i;
    const next = this.tokens[j + 1];
    if (next && this.linked(j + 1, true) && this.isNameWord(j + 1) && isListedFirstName(next.lower)) {
      // "Anna Sophie de Wit", "Jan Willem": a second first name, only with a surname after it or when
      // hyphen-less double names are plainly written together.
      const surnameAfterSecond = this.parseSurname(j + 2);
      if (surnameAfterSecond >= 0) return surnameAfterSecond;
    }
    const surname = this.parseSurname(j + 1);
    // "duwde Ruben Kevin van het klimrek": a listed first name right after a first name is another person.
    const bare = surname === j + 1 && isListedFirstName(this.tokens[j + 1]?.lower ?? '');
    if (surname >= 0 && !bare) j = surname;
    return j;
  }

  /** The name after a title at `i`: initials, a first name, a surname ("dhr. J. Bakker", "mevrouw van Dijk"). */
  parseAfterTitle(i: number): number {
    const afterInitials = this.initialsEnd(i);
    if (afterInitials > i) return this.parseSurname(afterInitials, false);
    const t = this.tokens[i];
    if (!t || this.blocked[i]) return -1;
    if (PARTICLES.has(t.lower)) {
      // "moeder van Sanne", "juf van Daan": after a role word, "van" says whose; only polite forms
      // ("mevrouw van Dijk", "dhr. Van der Berg") take a surname that starts with a particle.
      const title = this.tokens[i - 1]?.lower ?? '';
      if (t.lower === 'van' && !POLITE_TITLES.has(title)) return -1;
      return this.parseSurname(i, false);
    }
    if (!this.isNameWord(i)) return -1;
    return this.parseRestOfName(i);
  }

  /** The token after a run of initials starting at `i` ("J.P." in "J.P. Bakker"), or `i` when there are none. */
  initialsEnd(i: number): number {
    let j = i;
    while (this.isInitial(j)) j += 1;
    return j;
  }

  private isInitial(j: number): boolean {
    const t = this.tokens[j];
    const next = this.tokens[j + 1];
    if (!t || this.blocked[j] || t.text.length !== 1 || t.text === t.text.toLowerCase()) return false;
    return !!next && /^\.[ \t]?$/.test(next.gapBefore);
  }

  /** True when token `q` exists and sits right after the previous one on the same line. */
  private linked(q: number, needsGap: boolean): boolean {
    const t = this.tokens[q];
    if (!t || this.blocked[q]) return false;
    if (!needsGap) return true;
    // "van 't Hof": the apostrophe of 't sits in the gap.
    return isSpaceGap(t.gapBefore) || /^\.[ \t]$|^[ \t]+['’]$/.test(t.gapBefore);
  }

  /**
   * The category a title right before token `i` gives the name ("juf Sanne", "Leerling: Daan"), 'unknown'
   * for a neutral label ("Naam:"), or undefined when no title stands there.
   */
  titleBefore(i: number): PersonCategory | undefined {
    const t = this.tokens[i];
    const prev = this.tokens[i - 1];
    if (!t || !prev || !/^[.:]?[ \t]+$|^[ \t]*:[ \t]*$/.test(t.gapBefore)) return undefined;
    // "… de juf. Daarna …": a dot that ends a sentence is no abbreviation dot.
    if (t.gapBefore.includes('.') && t.sentenceStart) return undefined;
    if (PUPIL_TITLES.has(prev.lower) || prev.lower === 'leerlingen') return 'pupil';
    if (ADULT_TITLES.has(prev.lower)) return 'adult';
    if (NEUTRAL_TITLES.has(prev.lower) && t.gapBefore.includes(':')) return 'unknown';
    return undefined;
  }

  /** What the words around a name say: pupil, adult, or unknown. */
  categoryAround(first: number, last: number): PersonCategory {
    const title = this.titleBefore(first);
    if (title && title !== 'unknown') return title;
    const prev = this.tokens[first - 1];
    const prev2 = this.tokens[first - 2];
    const sameClause = (k: number): boolean => !SENTENCE_BREAK.test(this.tokens[k]?.gapBefore ?? '\n');
    if (prev?.lower === 'van' && prev2 && sameClause(first) && sameClause(first - 1)) {
      if (CHILD_OF.has(prev2.lower)) return 'adult';
      if (RELATIVE_OF_PUPIL.has(prev2.lower)) return 'pupil';
    }
    const next = this.tokens[last + 1];
    if (next && sameClause(last + 1)) {
      const apposition = /[(,–-]/.test(next.gapBefore);
      if (apposition && CHILD_OF.has(next.lower)) return 'pupil';
      if (apposition && ADULT_AFTER.has(next.lower)) return 'adult';
      if (PUPIL_AFTER.has(next.lower) && (apposition || next.lower === 'groep' || /\d/.test(next.gapBefore))) {
        return 'pupil';
      }
      const after = this.tokens[last + 2];
      if (PUPIL_LINK.has(next.lower) && after && sameClause(last + 2) && PUPIL_AFTER.has(after.lower)) {
        return 'pupil';
      }
    }
    return 'unknown';
  }
}

/** A word that is a title or role ("juf", "moeder", "leerling") rather than a name. */
export function isTitle(lower: string): boolean {
  return ADULT_TITLES.has(lower) || PUPIL_TITLES.has(lower) || NEUTRAL_TITLES.has(lower);
}
