import type { EmbedKind } from '../index/types';

/** Text put before every query and every passage before embedding. Some models are trained with these. */
export interface EmbedPrefixes {
  query: string;
  passage: string;
}

/** For models trained without prefixes. */
export const NO_PREFIXES: Readonly<EmbedPrefixes> = Object.freeze({ query: '', passage: '' });

/** The e5 family (e.g. `Xenova/multilingual-e5-small`) was trained with these; without them recall drops. */
export const E5_PREFIXES: Readonly<EmbedPrefixes> = Object.freeze({ query: 'query: ', passage: 'passage: ' });

/** The `-instruct` e5 variants want a task line before queries and nothing before passages (model card). */
export const E5_INSTRUCT_PREFIXES: Readonly<EmbedPrefixes> = Object.freeze({
  query: 'Instruct: Given a question, retrieve passages that answer the question\nQuery: ',
  passage: '',
});

/** True for ids whose last part names `e5` as a word: `intfloat/e5-base-v2`, `Xenova/multilingual-e5-small`. */
export function isE5Model(modelId: string): boolean {
  const name = modelId.split(/[\\/]/).pop() ?? '';
  return /(^|[-_.])e5([-_.]|$)/i.test(name);
}

/** The prefix scheme a model expects, judged from its id; unknown families get none. */
export function prefixesForModel(modelId: string): EmbedPrefixes {
  if (!isE5Model(modelId)) return { ...NO_PREFIXES };
  return /instruct/i.test(modelId) ? { ...E5_INSTRUCT_PREFIXES } : { ...E5_PREFIXES };
}

/** Puts the prefix for `kind` before each text. */
export function applyPrefix(texts: readonly string[], kind: EmbedKind, prefixes: EmbedPrefixes): string[] {
  const prefix = kind === 'query' ? prefixes.query : prefixes.passage;
  return prefix === '' ? [...texts] : texts.map((text) => prefix + text);
}
