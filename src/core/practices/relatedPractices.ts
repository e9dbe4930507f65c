/**
 * Good practices related to a note: the ones filed under the same vision elements, and the ones that
 * use the same words (weighted so that rare words count more). Pure and fast: no model needed.
 */
import { termKeys } from '../lessonCheck/terms';
import type { ParsedNote } from '../notes/types';
import type { PracticeRecord } from './types';

export interface RelatedPractice {
  record: PracticeRecord;
  /** In [0,1]: the mean of the element overlap and the word similarity. */
  score: number;
  /** Titles of the elements both share, in the order of the vision. */
  sharedElements: string[];
  /** Word similarity alone (cosine of idf-weighted term counts), in [0,1]. */
  similarity: number;
}

/** The note the user is looking at: its path (left out of the results), the elements it is about, and its text. */
export interface RelatedQuery {
  path: string;
  elementIds: readonly string[];
  text: string;
}

/** Below this a practice is not listed: neither an element in common nor enough words. */
const MIN_SCORE = 0.05;

/** Related practices, best first, at most `limit` (default 10). */
export function relatedPractices(query: RelatedQuery, practices: readonly { record: PracticeRecord; note: ParsedNote }[], limit = 10): RelatedPractice[] {
  const docs = practices.filter((p) => p.record.path !== query.path).map((p) => ({ ...p, terms: counts(noteText(p.note)) }));
  const df = new Map<string, number>();
  for (const doc of docs) for (const key of doc.terms.keys()) df.set(key, (df.get(key) ?? 0) + 1);
  const idf = (key: string): number => Math.log(1 + (docs.length + 1) / ((df.get(key) ?? 0) + 1));
  const queryVector = weigh(counts(query.text), idf);
  const wanted = new Set(query.elementIds);

  const related: RelatedPractice[] = [];
  for (const doc of docs) {
    const shared = doc.record.elementIds.filter((id) => wanted.has(id));
    const union = new Set([...wanted, ...doc.record.elementIds]).size;
    const overlap = union === 0 ? 0 : shared.length / union;
    const similarity = cosine(queryVector, weigh(doc.terms, idf));
    const score = (overlap + similarity) / 2;
    if (score < MIN_SCORE) continue;
    const sharedElements = doc.record.elementTitles.filter((_, i) => wanted.has(doc.record.elementIds[i] ?? ''));
    related.push({ record: doc.record, score: round(score), sharedElements, similarity: round(similarity) });
  }
  return related.sort((a, b) => b.score - a.score || a.record.title.localeCompare(b.record.title, 'nl')).slice(0, limit);
}

function noteText(note: ParsedNote): string {
  return [note.title, ...note.sections.map((s) => `${s.heading ?? ''}\n${s.text}`)].join('\n');
}

function counts(text: string): Map<string, number> {
  const result = new Map<string, number>();
  for (const line of text.split('\n')) for (const key of termKeys(line)) result.set(key, (result.get(key) ?? 0) + 1);
  return result;
}

function weigh(terms: ReadonlyMap<string, number>, idf: (key: string) => number): Map<string, number> {
  const vector = new Map<string, number>();
  for (const [key, count] of terms) vector.set(key, (1 + Math.log(count)) * idf(key));
  return vector;
}

function cosine(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [key, value] of a) {
    na += value * value;
    dot += value * (b.get(key) ?? 0);
  }
  for (const value of b.values()) nb += value * value;
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
