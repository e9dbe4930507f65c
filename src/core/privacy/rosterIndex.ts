/**
 * Finds roster names in the text: full names, and each person's first name and surname on their own
 * ("Sanne de Vries", "Sanne", "de Vries"), in the word tokens of the input.
 */
import { WORD_LIKE_FIRST_NAMES } from './dutchFirstNames';
import { NOT_A_NAME, PARTICLES } from './nameLexicon';
import { isSpaceGap, tokenize, type Token } from './tokenize';
import type { Roster } from './types';

/** Whether a person is a pupil, an adult, or not known. */
export type PersonCategory = 'pupil' | 'adult' | 'unknown';

/** One way to write a roster person's name. */
interface RosterVariant {
  words: string[];
  kind: 'full' | 'first' | 'surname';
  /** The person's full name as the roster writes it; undefined when two people share this variant. */
  fullName: string | undefined;
  category: PersonCategory;
}

/** A roster name found in the text, as token indexes (inclusive). */
export interface RosterMatch {
  first: number;
  last: number;
  kind: RosterVariant['kind'];
  fullName: string | undefined;
  category: PersonCategory;
}

/** Roster names, indexed by their first word for a fast scan. */
export class RosterIndex {
  private readonly byFirstWord = new Map<string, RosterVariant[]>();

  constructor(roster: Roster | undefined) {
    const entries: [string[] | undefined, PersonCategory][] = [
      [roster?.pupils, 'pupil'],
      [roster?.staff, 'adult'],
      [roster?.others, 'unknown'],
    ];
    for (const [names, category] of entries) {
      for (const name of names ?? []) this.addPerson(name, category);
    }
    for (const list of this.byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);
  }

  get isEmpty(): boolean {
    return this.byFirstWord.size === 0;
  }

  private addPerson(name: string, category: PersonCategory): void {
    const words = tokenize(name).map((t) => t.lower);
    if (words.length === 0) return;
    const fullName = name.trim().replace(/\s+/g, ' ');
    this.addVariant({ words, kind: words.length === 1 ? 'first' : 'full', fullName, category });
    if (words.length < 2) return;
    const [firstWord = '', ...rest] = words;
    if (!PARTICLES.has(firstWord)) this.addVariant({ words: [firstWord], kind: 'first', fullName, category });
    const surname = PARTICLES.has(firstWord) ? words : rest;
    const head = surname.filter((w) => !PARTICLES.has(w));
    if (head.length > 0 && !(head.length === 1 && NOT_A_NAME.has(head[0] ?? ''))) {
      this.addVariant({ words: surname, kind: 'surname', fullName, category });
    }
  }

  private addVariant(variant: RosterVariant): void {
    const key = variant.words[0] ?? '';
    const list = this.byFirstWord.get(key) ?? [];
    const same = list.find((v) => v.kind === variant.kind && v.words.join(' ') === variant.words.join(' '));
    if (same) {
      // Two people answer to this variant: keep it, but it no longer names one person.
      if (same.fullName !== variant.fullName) same.fullName = undefined;
      if (same.category !== variant.category) same.category = 'unknown';
      return;
    }
    list.push(variant);
    this.byFirstWord.set(key, list);
  }

  /** The longest roster name starting at token `i`, if any. */
  matchAt(tokens: readonly Token[], i: number): RosterMatch | undefined {
    const start = tokens[i];
    if (!start) return undefined;
    for (const variant of this.byFirstWord.get(start.lower) ?? []) {
      if (!this.fits(tokens, i, variant)) continue;
      return {
        first: i,
        last: i + variant.words.length - 1,
        kind: variant.kind,
        fullName: variant.fullName,
        category: variant.category,
      };
    }
    return undefined;
  }

  private fits(tokens: readonly Token[], i: number, variant: RosterVariant): boolean {
    for (let k = 0; k < variant.words.length; k += 1) {
      const token = tokens[i + k];
      if (!token || token.lower !== variant.words[k]) return false;
      if (k > 0 && !isSpaceGap(token.gapBefore)) return false;
      // Particles may be lower-case ("de Vries"); every other word of a name is capitalised.
      if (!PARTICLES.has(token.lower) && !token.capitalised) return false;
    }
    const head = tokens[i];
    if (variant.kind === 'first' && head && WORD_LIKE_FIRST_NAMES.has(head.lower) && head.sentenceStart) {
      // "Roos" at the start of a sentence is the pupil only when a surname or another clue follows;
      // the name detector decides that, so a bare sentence-initial word-like first name is no match here.
      return false;
    }
    return true;
  }
}
