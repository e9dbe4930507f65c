import { tokenize } from '../index/dutchText';
import { termKey, withoutPhrases } from './terms';

/**
 * The terms of an indicator, grouped the way the sentence means them. Indicators often list
 * alternatives ("in tweetallen of groepjes") and examples ("een vaste rol, zoals voorzitter of
 * tijdbewaker"); a plan that does one of the alternatives, without the examples, still does what the
 * indicator says. So alternatives form one group (matching any one of them covers it), and examples
 * join the group they illustrate (the term before "zoals"): "voorzitter" may stand in for "rol", but
 * never adds more than "rol" would, and missing it costs nothing.
 */
export interface TermGroup {
  /** Alternative term keys: one is enough. */
  keys: string[];
  /** Keys of examples of this group: they may stand in for it. */
  examples: string[];
  /** Examples with nothing before them to illustrate: optional, they add nothing to the mass. */
  example: boolean;
}

/** Words that open a list of examples. */
const EXAMPLE_OPENERS = new Set(['zoals', 'bijvoorbeeld', 'bv', 'bijv', 'oa', 'waaronder']);
/** Words that join alternatives. */
const ALTERNATIVE = new Set(['of', 'en/of']);

interface Token {
  word: string;
  key: string | null;
  example: boolean;
  /** A comma, semicolon or bracket follows the word. */
  pause: boolean;
}

/**
 * Splits an indicator into term groups. "Leerlingen werken in tweetallen of groepjes met een vaste rol,
 * zoals voorzitter of tijdbewaker" gives: leerling | werk | tweetal/groepjes | vast | rol | (voorzitter/tijdbewaker, example).
 */
export function termGroups(text: string): TermGroup[] {
  const tokens = readTokens(text);
  const groups: TermGroup[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (!token.key) continue;
    // A run "a, b of c" of single content words is one group of alternatives; without an "of" it is not.
    const members = [token.key];
    let j = i;
    let alternatives = false;
    for (;;) {
      const link = tokens[j + 1];
      const next = tokens[j + 2];
      if (tokens[j]!.pause && link?.key && link.example === token.example) {
        members.push(link.key);
        j += 1;
      } else if (link && ALTERNATIVE.has(link.word) && next?.key && next.example === token.example) {
        members.push(next.key);
        j += 2;
        alternatives = true;
      } else {
        break;
      }
    }
    const keys = (alternatives ? members : [token.key]).filter((k) => !seen.has(k));
    if (alternatives) i = j;
    for (const k of keys) seen.add(k);
    if (keys.length === 0) continue;
    const anchor = groups[groups.length - 1];
    if (token.example && anchor && !anchor.example) anchor.examples.push(...keys);
    else groups.push({ keys: [...new Set(keys)], examples: [], example: token.example });
  }
  return groups;
}

function readTokens(text: string): Token[] {
  const tokens: Token[] = [];
  let example = false;
  let bracket = 0;
  // Words with what follows them up to the next word, so commas and brackets are seen.
  const pattern = /([\p{L}\p{N}]+(?:\/[\p{L}\p{N}]+)?)([^\p{L}\p{N}]*)/gu;
  for (const match of withoutPhrases(text).matchAll(pattern)) {
    const word = (match[1] ?? '').toLowerCase();
    const after = match[2] ?? '';
    if (EXAMPLE_OPENERS.has(word)) {
      example = true;
      // A boundary, so "een vaste rol, zoals voorzitter" does not join "rol" and "voorzitter".
      tokens.push({ word: '', key: null, example: true, pause: false });
      continue;
    }
    const inside = example || bracket > 0;
    const key = word.includes('/') ? null : termKeyOf(word);
    tokens.push({ word, key, example: inside, pause: /[,;()]/.test(after) });
    bracket += (after.match(/\(/g) ?? []).length - (after.match(/\)/g) ?? []).length;
    if (bracket < 0) bracket = 0;
    // An example list ends at a full stop or a semicolon.
    if (/[.;:]/.test(after)) example = false;
  }
  return tokens;
}

function termKeyOf(word: string): string | null {
  const [first] = tokenize(word);
  return first ? termKey(first) : null;
}
