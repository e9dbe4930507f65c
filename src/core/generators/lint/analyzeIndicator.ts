/**
 * Reads one indicator sentence the way the lint rules need it: its words, its main clause (subordinate
 * clauses set aside, because "De leraar controleert of alle leerlingen het begrijpen" is about checking,
 * not about understanding), who acts, and whether that actor is plural. Heuristic, no part-of-speech
 * tagger: every rule built on it says what it looks for, and its examples are its tests.
 */
import { foldWord, LEXICON, textLanguage, type Actor, type Lexicon, type TextLang } from './lexicon';

export interface AnalyzedIndicator {
  /** The text as given, trimmed. */
  text: string;
  lang: TextLang;
  lex: Lexicon;
  /** All words, folded, without quoted speech and parentheses. */
  words: string[];
  /** Words of the main clause, folded. */
  main: string[];
  /** Who acts, from the first actor or room word (null: nobody is named). */
  actor: Actor | null;
  /** The word that named the actor, as folded. */
  actorWord: string | null;
  plural: boolean;
  /** Sentences in the text (quoted speech left out). */
  sentences: number;
}

const COMMA = ',';
/** Quoted speech and asides say what someone says, not what the indicator claims: left out. */
const QUOTED = /"[^"]*"|“[^”]*”|„[^”"]*[”"]|«[^»]*»|\([^)]*\)/g;

/** Folded word tokens with commas, semicolons and colons kept as `,` (clause boundaries). */
function tokens(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’-]*|'s|[,;:]/gu)) {
    const token = match[0];
    out.push(/^[,;:]$/.test(token) ? COMMA : foldWord(token));
  }
  return out;
}

function isRoomWord(word: string, lex: Lexicon): boolean {
  return lex.room.has(word) || lex.roomSuffixes.some((s) => word.length > s.length + 2 && word.endsWith(s));
}

function actorOf(word: string, lex: Lexicon): Actor | null {
  if (lex.teacher.has(word)) return 'leraar';
  if (lex.pupils.has(word)) return 'leerlingen';
  if (lex.visitors.has(word) || isRoomWord(word, lex)) return 'omgeving';
  return null;
}

/**
 * Whether `word` (followed by `next`) can be a finite verb; `plural` selects the Dutch `-en` form. `strict`
 * also asks that a plural or English verb be followed by a preposition, article or pronoun, which tells
 * "en reageren op" (a verb) from "en vergrootglazen" (a noun).
 */
export function isVerbCandidate(word: string, next: string | undefined, plural: boolean, lex: Lexicon, lang: TextLang, strict = true): boolean {
  if (lex.irregularVerbs.has(word)) return true;
  if (lex.notVerbs.has(word) || actorOf(word, lex) !== null) return false;
  const followed = !strict || next === undefined || next === COMMA || lex.verbFollowers.has(next);
  if (lang === 'en') return word.length >= 4 && /[^s]s$/.test(word) && followed;
  if (plural) return word.length >= 4 && /en$/.test(word) && !/(ingen|tjes|heden)$/.test(word) && followed;
  return word.length >= 3 && /(t|dt)$/.test(word);
}

/** Index of the word after `and` (skipping linking adverbs) when it is a verb agreeing with the actor. */
function verbAfterAnd(words: readonly string[], i: number, plural: boolean, lex: Lexicon, lang: TextLang): number {
  let j = i + 1;
  while (j < words.length && lex.linkAdverbs.has(words[j] ?? '')) j++;
  const word = words[j];
  if (word === undefined || word === COMMA) return -1;
  return isVerbCandidate(word, words[j + 1], plural, lex, lang) ? j : -1;
}

/** `of` opens a clause ("of alle leerlingen …") when a subject follows, else it is "or". */
function opensClause(word: string, next: string | undefined, lex: Lexicon): boolean {
  if (word === 'of' || word === 'whether') return next !== undefined && /^(de|het|een|alle|iedereen|ze|hij|zij|er|hun|the|all|they|he|she)$/.test(next);
  return lex.subordinators.has(word);
}

/**
 * The main clause: every subordinate clause is dropped from its opening word to the next comma, or to
 * an `en` followed by a verb that agrees with the actor (where the main clause picks up again).
 */
function mainClause(words: readonly string[], plural: boolean, lex: Lexicon, lang: TextLang): string[] {
  const out: string[] = [];
  let inClause = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    if (word === COMMA) {
      inClause = false;
      out.push(word);
      continue;
    }
    if (inClause) {
      if (word === lex.and && verbAfterAnd(words, i, plural, lex, lang) >= 0) {
        inClause = false;
        out.push(word);
      }
      continue;
    }
    // "tot en met" is a range, never two behaviours.
    if (word === 'tot' && words[i + 1] === 'en' && words[i + 2] === 'met') {
      i += 2;
      continue;
    }
    if (opensClause(word, words[i + 1], lex)) {
      inClause = true;
      continue;
    }
    out.push(word);
  }
  return out;
}

function sentenceCount(text: string): number {
  const parts = text.split(/[.!?]+\s+(?=[\p{Lu}\p{N}])/u).filter((p) => p.trim() !== '');
  return Math.max(1, parts.length);
}

/** Analyses one indicator. The language of its words is detected (Dutch when unsure). */
export function analyzeIndicator(text: string): AnalyzedIndicator {
  const trimmed = text.trim();
  const bare = trimmed.replace(QUOTED, ' ').replace(/\s+/g, ' ').trim();
  const all = tokens(bare);
  const words = all.filter((w) => w !== COMMA);
  const lang = textLanguage(words);
  const lex = LEXICON[lang];

  let actor: Actor | null = null;
  let actorWord: string | null = null;
  for (const word of words) {
    const found = actorOf(word, lex);
    if (found) {
      actor = found;
      actorWord = word;
      break;
    }
  }
  const plural = actorWord !== null && lex.plural.has(actorWord);
  const main = mainClause(all, plural, lex, lang);
  const mainWords = main.filter((w) => w !== COMMA);
  if (mainWords.some((w) => lex.roomVerbs.has(w)) && mainWords.some((w) => isRoomWord(w, lex))) actor = 'omgeving';
  return { text: trimmed, lang, lex, words, main, actor, actorWord, plural, sentences: sentenceCount(bare) };
}

/** Whether `phrase` (space-separated, folded) occurs in `words` as whole words; returns it or null. */
export function findPhrase(words: readonly string[], phrases: readonly string[]): string | null {
  const hay = ` ${words.join(' ')} `;
  for (const phrase of phrases) if (hay.includes(` ${phrase} `)) return phrase;
  return null;
}

const DETERMINERS = new Set(['de', 'het', 'elke', 'iedere', 'ieder', 'elk', 'alle', 'the', 'every', 'each', 'all']);
/** Subjects a behaviour sentence opens with: the teacher or the pupil(s), not "kinderen" in general. */
const BEHAVIOUR_SUBJECTS = new Set(['leerling', 'leerlingen', 'pupil', 'pupils', 'student', 'students']);
const ROOM_OPENINGS = ['in het lokaal', 'in de klas', 'aan de muur', 'op het bord', 'in the classroom', 'on the wall'];

/**
 * Whether a sentence of prose reads as a behaviour indicator: it opens with the teacher or the pupil(s)
 * as subject ("De leraar …", "De leerlingen …", "Elke leerling …") or with a place in the room ("In het
 * lokaal …"). A bare plural opens general statements in prose ("Leerlingen leren meer als …",
 * "Kinderen komen nieuwsgierig binnen"), so it does not count.
 */
export function startsWithActor(sentence: string): boolean {
  const words = tokens(sentence.replace(QUOTED, ' ')).filter((w) => w !== COMMA);
  const lex = LEXICON[textLanguage(words)];
  const opening = words.slice(0, 4).join(' ');
  if (ROOM_OPENINGS.some((r) => opening.startsWith(r))) return true;
  if (!DETERMINERS.has(words[0] ?? '')) return false;
  const word = words[1];
  return word !== undefined && (lex.teacher.has(word) || BEHAVIOUR_SUBJECTS.has(word));
}
