/**
 * Splits text into words with offsets, and marks which words start a sentence: a capital there says
 * nothing about a name, while a capital mid-sentence does.
 */
import { ABBREVIATIONS } from './nameLexicon';

/** A word in the input. Digits and punctuation are not words. */
export interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  /** First letter upper case and not all upper case ("Sanne", "El", not "OPP"). */
  capitalised: boolean;
  /** All letters upper case and at least two of them ("OPP", "MR", "IB"). */
  allCaps: boolean;
  /** At the start of the text, a line, or a sentence (after . ! ? that is not an abbreviation). */
  sentenceStart: boolean;
  /** The text between the previous word and this one. */
  gapBefore: string;
}

// Letters, with inner apostrophes (IB'er, d'Ancona) and hyphens (Jansen-de, Anne-Marie).
const WORD = /\p{L}[\p{L}\p{M}]*(?:['’]\p{L}+)*(?:-\p{L}[\p{L}\p{M}]*(?:['’]\p{L}+)*)*/gu;
const POSSESSIVE = /['’]s$/u;

/** The words of `text`, in order. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let previousEnd = 0;
  let previous: Token | undefined;
  for (const m of text.matchAll(WORD)) {
    let word = m[0];
    // "Sanne's" is Sanne: the possessive is not part of the name.
    if (POSSESSIVE.test(word) && word.length > 3) word = word.slice(0, -2);
    const start = m.index;
    const gapBefore = text.slice(previousEnd, start);
    const first = word[0] ?? '';
    const upperFirst = first !== first.toLowerCase();
    // Only a word with a capital first letter can be all caps; skip the work for the rest.
    const letters = upperFirst ? word.replace(/[^\p{L}]/gu, '') : '';
    const allCaps = letters.length >= 2 && letters === letters.toUpperCase();
    const token: Token = {
      text: word,
      lower: word.toLowerCase(),
      start,
      end: start + word.length,
      capitalised: upperFirst && !allCaps,
      allCaps,
      sentenceStart: startsSentence(gapBefore, previous, tokens.length === 0),
      gapBefore,
    };
    tokens.push(token);
    previous = token;
    previousEnd = token.end;
  }
  return tokens;
}

function startsSentence(gap: string, previous: Token | undefined, isFirst: boolean): boolean {
  if (isFirst) return /^[\s\p{P}\p{S}\d]*$/u.test(gap);
  if (gap.includes('\n')) return true;
  if (!/[.!?]/.test(gap)) return false;
  // "dhr. Bakker" and "S. de Vries" do not start a sentence after the dot.
  if (/^\.[ \t\u00a0]*$/.test(gap) && previous) {
    if (ABBREVIATIONS.has(previous.lower) || previous.text.length === 1) return false;
  }
  return true;
}

/** True when only spaces or tabs (no line break, no punctuation) separate two words. */
export function isSpaceGap(gap: string): boolean {
  return /^[ \t\u00a0]+$/.test(gap);
}
