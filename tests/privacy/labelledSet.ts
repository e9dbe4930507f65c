/**
 * The labelled Dutch test set of the privacy guard, and how it is scored. The fixture marks personal data
 * inline (`{{L:Sanne de Vries}}`, `{{bsn:123456782}}`); this helper derives the clean text and the gold
 * offsets, so no offset is ever written by hand. Shared by the tests and `bench/privacyBench.ts`.
 */
import fixture from '../fixtures/privacy/labelled-texts.json';
import { redact } from '../../src/core/privacy';
import type { Finding, PiiType, RedactOptions, Roster } from '../../src/core/privacy';

/** A span the fixture marks as personal data, with offsets into the clean text. */
export interface GoldSpan {
  type: PiiType;
  start: number;
  end: number;
  /** For names: whether the fixture calls the person a pupil (`L`) or someone else (`P`). */
  role?: 'pupil' | 'adult';
}

export interface LabelledText {
  id: string;
  kind: string;
  text: string;
  gold: GoldSpan[];
  roster?: Roster;
}

const MARKER = /\{\{(L|P|bsn|email|phone|address|postcode|birthdate|student_number|iban):([^}]*)\}\}/g;

/** Turns marked text into clean text and gold spans. */
export function parseMarkedText(marked: string): { text: string; gold: GoldSpan[] } {
  let text = '';
  let cursor = 0;
  const gold: GoldSpan[] = [];
  for (const m of marked.matchAll(MARKER)) {
    text += marked.slice(cursor, m.index);
    const [, tag = '', value = ''] = m;
    const start = text.length;
    text += value;
    const span: GoldSpan = { type: tag === 'L' || tag === 'P' ? 'name' : (tag as PiiType), start, end: text.length };
    if (tag === 'L') span.role = 'pupil';
    if (tag === 'P') span.role = 'adult';
    gold.push(span);
    cursor = m.index + m[0].length;
  }
  text += marked.slice(cursor);
  if (text.includes('{{') || text.includes('}}')) throw new Error(`Unclosed marker in: ${marked.slice(0, 60)}`);
  return { text, gold };
}

interface FixtureText {
  id: string;
  kind: string;
  lines: string[];
  roster?: Roster;
}

/** The keep-terms the whole set shares (the school's name, its core values, programmes). */
export const LABELLED_KEEP_TERMS: string[] = fixture.keepTerms;

/** Every text of the labelled set, parsed. */
export function loadLabelledSet(): LabelledText[] {
  return (fixture.texts as FixtureText[]).map((entry) => {
    const { text, gold } = parseMarkedText(entry.lines.join('\n'));
    return { id: entry.id, kind: entry.kind, text, gold, ...(entry.roster ? { roster: entry.roster } : {}) };
  });
}

/** The options a labelled text is redacted with: the shared keep-terms and its own roster. */
export function optionsFor(item: LabelledText): RedactOptions {
  return { keepTerms: LABELLED_KEEP_TERMS, ...(item.roster ? { roster: item.roster } : {}) };
}

/** Counts for one type. */
export interface TypeScore {
  gold: number;
  predicted: number;
  /** Gold spans fully covered by predictions of the same type. */
  found: number;
  /** Predictions that overlap a gold span of the same type. */
  correct: number;
  recall: number;
  precision: number;
  /** Names only: found names whose placeholder says the right role (LEERLING vs PERSOON). */
  roleCorrect?: number;
}

/** Scores per type, plus the misses and false alarms with their text for reading. */
export interface SetScore {
  perType: Record<PiiType, TypeScore>;
  misses: string[];
  falseAlarms: string[];
}

function coveredBy(gold: GoldSpan, text: string, predictions: Finding[]): boolean {
  for (let i = gold.start; i < gold.end; i += 1) {
    if (/\s/.test(text[i] ?? '')) continue;
    if (!predictions.some((p) => p.start <= i && i < p.end)) return false;
  }
  return true;
}

/**
 * Recall: a gold span counts as found when predictions of its type cover every non-space character
 * (leaving half a name is a leak). Precision: a prediction counts as correct when it overlaps a gold
 * span of its type.
 */
export function scoreLabelledSet(items: LabelledText[], findingsOf: (item: LabelledText) => Finding[]): SetScore {
  const types: PiiType[] = ['name', 'bsn', 'email', 'phone', 'address', 'postcode', 'birthdate', 'student_number', 'iban'];
  const perType = Object.fromEntries(
    types.map((t) => [t, { gold: 0, predicted: 0, found: 0, correct: 0, recall: 1, precision: 1, roleCorrect: 0 }]),
  ) as Record<PiiType, TypeScore>;
  const misses: string[] = [];
  const falseAlarms: string[] = [];
  for (const item of items) {
    const findings = findingsOf(item);
    for (const g of item.gold) {
      const score = perType[g.type];
      const same = findings.filter((f) => f.type === g.type);
      score.gold += 1;
      if (coveredBy(g, item.text, same)) {
        score.found += 1;
        const owner = same.find((f) => f.start <= g.start && g.start < f.end);
        const pupil = owner?.placeholder.startsWith('[LEERLING') ?? false;
        if (g.role && pupil === (g.role === 'pupil')) score.roleCorrect = (score.roleCorrect ?? 0) + 1;
      } else misses.push(`${item.id} ${g.type}: "${item.text.slice(g.start, g.end)}"`);
    }
    for (const f of findings) {
      const score = perType[f.type];
      score.predicted += 1;
      if (item.gold.some((g) => g.type === f.type && g.start < f.end && f.start < g.end)) score.correct += 1;
      else falseAlarms.push(`${item.id} ${f.type}: "${f.original}"`);
    }
  }
  for (const score of Object.values(perType)) {
    score.recall = score.gold === 0 ? 1 : score.found / score.gold;
    score.precision = score.predicted === 0 ? 1 : score.correct / score.predicted;
  }
  return { perType, misses, falseAlarms };
}

/** Redacts every labelled text and scores the result. */
export function evaluateLabelledSet(items: LabelledText[] = loadLabelledSet()): SetScore {
  return scoreLabelledSet(items, (item) => redact(item.text, optionsFor(item)).findings);
}
