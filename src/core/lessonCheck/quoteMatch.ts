/**
 * Checking that a model's quote really occurs in a text. The comparison ignores whitespace (line
 * breaks, double spaces), case, Markdown emphasis and the kind of quotation marks, because models
 * reflow text; nothing else is forgiven. A placeholder of the privacy guard (`[LEERLING-1]`) in a quote
 * stands for the words it replaced, which the model never saw.
 */

/** One piece of text a quote may come from, with what to report when it does. */
export interface QuoteTarget<T> {
  text: string;
  value: T;
}

/** A quote found across one or more consecutive targets: the first and last of them. */
export interface QuoteHit<T> {
  first: T;
  last: T;
}

const PLACEHOLDER = /\[[A-Z][A-Z-]*[- ]\d+\]/g;
/** Quotes shorter than this (after normalising) could match almost anywhere, so they prove nothing. */
export const MIN_QUOTE_CHARS = 8;

/** Folds a character the way quotes are compared; returns '' for characters that are ignored. */
function fold(ch: string): string {
  if (/\s/.test(ch) || ch === '*' || ch === '_' || ch === '`') return '';
  if (/[“”„‟"″]/.test(ch)) return '"';
  if (/[‘’‚‛'′]/.test(ch)) return "'";
  if (/[–—−]/.test(ch)) return '-';
  return ch.normalize('NFKC').toLowerCase();
}

/** The normalised text and, per normalised character, the index of the target it came from. */
function normalise(targets: readonly { text: string }[]): { text: string; owner: number[] } {
  let text = '';
  const owner: number[] = [];
  targets.forEach((target, i) => {
    for (const ch of target.text) {
      const f = fold(ch);
      for (let k = 0; k < f.length; k++) owner.push(i);
      text += f;
    }
  });
  return { text, owner };
}

/** The model's line markers (`[12] `) and surrounding quotation marks are not part of the quote. */
function cleanQuote(quote: string): string {
  return quote
    .trim()
    .replace(/^\[\d+\]\s*/g, '')
    .replace(/\s\[\d+\]\s/g, ' ')
    .replace(/^["'“”‘’„]+|["'“”‘’„]+$/g, '')
    .replace(/(\.\.\.|…)$/, '')
    .trim();
}

/**
 * Where `quote` occurs in the targets (taken as one running text, in order), or null. Placeholders in
 * the quote match any short run of text. Quotes too short to prove anything never match.
 */
export function findQuote<T>(quote: string, targets: readonly QuoteTarget<T>[]): QuoteHit<T> | null {
  const cleaned = cleanQuote(quote);
  const parts = cleaned.split(PLACEHOLDER).map((p) => normalise([{ text: p }]).text);
  const literal = parts.join('');
  if (literal.length < MIN_QUOTE_CHARS) return null;
  const haystack = normalise(targets);
  let start = -1;
  let end = -1;
  if (parts.length === 1) {
    start = haystack.text.indexOf(literal);
    end = start + literal.length - 1;
  } else {
    const pattern = new RegExp(parts.map(escapeRegExp).join('.{1,80}?'), 'su');
    const match = pattern.exec(haystack.text);
    if (match) {
      start = match.index;
      end = start + match[0].length - 1;
    }
  }
  if (start < 0) return null;
  const first = targets[haystack.owner[start] ?? 0];
  const last = targets[haystack.owner[end] ?? 0];
  return first && last ? { first: first.value, last: last.value } : null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
