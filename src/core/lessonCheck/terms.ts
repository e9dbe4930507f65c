import { dutchTerm, tokenize } from '../index/dutchText';
import type { SynonymTable } from './schoolSynonyms';

/**
 * How well a plan word stands for a vision word of the same synonym group (schoolSynonyms.ts): less than
 * the word itself or its inflection (0.9) and a compound's head (0.7). On the development plans any value
 * from 0.5 to 0.7 gave the same accuracy (0.4 bridged nothing: one synonym alone then stays under the
 * keyword threshold).
 */
export const SYNONYM_MATCH = 0.6;

/**
 * Terms for comparing a lesson plan with a vision, on top of the index's Dutch stemming.
 *
 * Snowball leaves some Dutch forms apart that a reader sees as one word: `kiest`/`kiezen` (kiest/kiez),
 * `tweetal`/`tweetallen` (tweetal/tweetall), `maakt`/`maken` (maakt/mak). A term's key therefore also
 * folds double vowels and a final double consonant, and `z`/`v` at the end to `s`/`f`; what is left
 * (a verb's `-t`, a diminutive's `-j`) is bridged by {@link termMatch}, which also matches the parts
 * of Dutch compounds (`leesmaatje` has the head `maatje`).
 */
export function termKey(token: string): string | null {
  const stem = dutchTerm(token);
  if (stem === null) return null;
  return stem
    // A verb in -eren has its noun in -atie: presenteren/presentatie, evalueren/evaluatie,
    // organiseren/organisatie. Snowball keeps them apart (presenter/presentatie); fold the noun onto
    // the verb's stem. Four letters before the ending at least, so short words (natie) stay as they are.
    .replace(/^(.{4,})aties?$/, '$1er')
    .replace(/([aeou])\1/g, '$1')
    .replace(/([^aeiou])\1$/, '$1')
    .replace(/z$/, 's')
    .replace(/v$/, 'f');
}

/**
 * Fixed Dutch phrases that work as a preposition: their nouns mean nothing on their own ("aan de hand
 * van een rubric" is not about hands, "in plaats van" not about a place).
 */
const PREPOSITION_PHRASES = /\b(aan de hand van|in plaats van|met behulp van|naar aanleiding van|ten opzichte van|op basis van|in het kader van|op grond van|met betrekking tot|in staat (om|tot))\b/gi;

/** The text without fixed prepositional phrases, for term extraction. */
export function withoutPhrases(text: string): string {
  return text.replace(PREPOSITION_PHRASES, ' ');
}

/** The distinct term keys of a text, in order of first appearance. */
export function termKeys(text: string): string[] {
  const seen = new Set<string>();
  for (const token of tokenize(withoutPhrases(text))) {
    const key = termKey(token);
    if (key !== null && key.length >= 2) seen.add(key);
  }
  return [...seen];
}

/** Shortest part that may count as a word inside a compound; shorter parts match too much by accident. */
const MIN_COMPOUND_PART = 5;
/**
 * Endings by which two keys of one word may still differ after stemming: a verb's `-t`, a plural's
 * `-s`/`-en`/`-es`, a noun's `-ing`. Other endings make other words: `formule` is not `formuleren`, and
 * a diminutive is not its base word in school language (a `groepje` is not the `groep`, the class).
 */
const INFLECTION = /^(t|d|e|n|s|en|es|ing|ingen)$/;

/**
 * How well plan term `a` stands for vision term `b`, in [0,1]: 1 for the same key; 0.9 when one is the
 * other plus a short ending (an inflection or derivation); 0.7 when the shorter is the head (last part)
 * of a compound; 0.5 when it is the first part. Symmetric.
 */
export function termMatch(a: string, b: string): number {
  if (a === b) return 1;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  // Short verb stems with their third-person -t: geven/geeft (gef/geft), komen/komt, zeggen/zegt. Only
  // the -t: other endings on a three-letter stem make other words too easily.
  if (short.length === 3 && long === `${short}t`) return 0.9;
  if (short.length < 4) return 0;
  if (long.startsWith(short)) {
    if (INFLECTION.test(long.slice(short.length))) return 0.9;
    return short.length >= MIN_COMPOUND_PART && long.length - short.length >= MIN_COMPOUND_PART - 1 ? 0.5 : 0;
  }
  if (short.length >= MIN_COMPOUND_PART && long.length - short.length >= 3 && long.endsWith(short)) return 0.7;
  return 0;
}

/**
 * Inverse document frequencies over a set of texts (blocks of the vault's notes): words that occur in
 * many blocks (`leerling`, `les`, `groep`) weigh little, distinctive words (`planbord`, `hypothese`) much.
 */
export class TermStats {
  private readonly df = new Map<string, number>();
  private documents = 0;

  /** Counts one document's terms. */
  add(keys: Iterable<string>): void {
    this.documents++;
    for (const key of new Set(keys)) this.df.set(key, (this.df.get(key) ?? 0) + 1);
  }

  get documentCount(): number {
    return this.documents;
  }

  /** BM25-style idf, always positive; a term never seen gets the highest weight. */
  idf(key: string): number {
    const df = this.df.get(key) ?? 0;
    const n = Math.max(this.documents, 1);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }
}

/** For each vision term a unit's words match, the best match value: what coverage looks up. */
export type UnitMatches = ReadonlyMap<string, number>;

/**
 * Matches plan words against the vision's terms, fast enough to re-check a plan on every edit: each
 * plan word is compared with every vision term once (and remembered), and a unit's matches are then a
 * small map from vision term to match value.
 */
export class TermMatcher {
  private readonly vocabulary: string[];
  private readonly byWord = new Map<string, [string, number][]>();
  private readonly nearGroups = new Map<string, ReadonlySet<number>>();

  /**
   * @param visionTerms every term key the probes use
   * @param synonyms school-language synonyms: a plan word in a vision term's group matches it at
   *   `SYNONYM_MATCH`; null matches by form only
   */
  constructor(visionTerms: Iterable<string>, private readonly synonyms: SynonymTable | null = null) {
    this.vocabulary = [...new Set(visionTerms)];
  }

  /** The vision terms that `keys` (a unit's words) match, each with its best match value. */
  matches(keys: readonly string[]): UnitMatches {
    const out = new Map<string, number>();
    for (const key of keys) {
      for (const [term, value] of this.matchesOf(key)) {
        if (value > (out.get(term) ?? 0)) out.set(term, value);
      }
    }
    return out;
  }

  private matchesOf(word: string): [string, number][] {
    let list = this.byWord.get(word);
    if (!list) {
      list = [];
      for (const term of this.vocabulary) {
        let m = termMatch(word, term);
        if (m < SYNONYM_MATCH && this.synonyms && this.sameGroup(word, term)) m = SYNONYM_MATCH;
        if (m > 0) list.push([term, m]);
      }
      this.byWord.set(word, list);
    }
    return list;
  }

  private sameGroup(a: string, b: string): boolean {
    const groupsOfB = this.groupsNear(b);
    if (groupsOfB.size === 0) return false;
    for (const g of this.groupsNear(a)) if (groupsOfB.has(g)) return true;
    return false;
  }

  /** The synonym groups of a key or of a form of it (an inflection: `tweetallen` is in the group of `tweetal`). */
  private groupsNear(key: string): ReadonlySet<number> {
    let groups = this.nearGroups.get(key);
    if (!groups) {
      const found = new Set<number>();
      if (this.synonyms) {
        for (const member of this.synonyms.keys()) {
          if (key !== `${member}d` && termMatch(key, member) >= 0.9) for (const g of this.synonyms.groupsOf(member)) found.add(g);
        }
      }
      groups = found;
      this.nearGroups.set(key, groups);
    }
    return groups;
  }
}
