/**
 * Hands out placeholders and keeps the mapping back to the originals. The same value gets the same
 * placeholder within a call and, when the caller passes the previous mapping, across calls.
 */
import type { PiiType, RedactionMapping } from './types';

/** The word inside the brackets for each kind of value; names use LEERLING or PERSOON. */
export const PLACEHOLDER_WORD: Record<Exclude<PiiType, 'name'>, string> = {
  bsn: 'BSN',
  email: 'E-MAIL',
  phone: 'TELEFOON',
  address: 'ADRES',
  postcode: 'POSTCODE',
  birthdate: 'GEBOORTEDATUM',
  student_number: 'LEERLINGNUMMER',
  iban: 'IBAN',
};
export const PUPIL_WORD = 'LEERLING';
export const ADULT_WORD = 'PERSOON';

/** `[WORD-n]`; the word may hold a hyphen (E-MAIL). */
export const PLACEHOLDER = /\[\s*([A-Za-z]+(?:-[A-Za-z]+)*)\s*[- ]\s*(\d+)\s*\]/g;
const EXACT_PLACEHOLDER = /^\[([A-Z]+(?:-[A-Z]+)*)-(\d+)\]$/;

const TYPE_BY_WORD = new Map<string, PiiType>(
  Object.entries(PLACEHOLDER_WORD).map(([type, word]) => [word, type as PiiType]),
);

/** How two spellings of one value are made equal: 06-12345678 and +31 6 1234 5678 are one number. */
function normalise(type: PiiType, value: string): string {
  switch (type) {
    case 'bsn':
    case 'student_number':
      return value.replace(/\D/g, '');
    case 'iban':
    case 'postcode':
      return value.replace(/\s/g, '').toUpperCase();
    case 'phone': {
      const digits = value.replace(/\D/g, '');
      if (value.trim().startsWith('+31') || digits.startsWith('0031')) {
        return `0${digits.replace(/^(?:0031|31)0?/, '')}`;
      }
      return value.trim().startsWith('+') ? `00${digits}` : digits;
    }
    default:
      return value.replace(/\s+/g, ' ').trim().toLowerCase();
  }
}

/** The placeholders of one redaction, seeded with an earlier mapping. */
export class PlaceholderBook {
  readonly mapping: RedactionMapping;
  private readonly counters = new Map<string, number>();
  private readonly byValue = new Map<string, string>();

  constructor(previous: RedactionMapping = {}) {
    this.mapping = { ...previous };
    for (const [placeholder, original] of Object.entries(previous)) {
      const parsed = parsePlaceholder(placeholder);
      if (!parsed) continue;
      this.counters.set(parsed.word, Math.max(this.counters.get(parsed.word) ?? 0, parsed.n));
      const type = TYPE_BY_WORD.get(parsed.word);
      if (type) this.byValue.set(`${type}\u0000${normalise(type, original)}`, placeholder);
    }
  }

  /** The next free placeholder for a word, e.g. `[LEERLING-3]`. */
  next(word: string): string {
    const n = (this.counters.get(word) ?? 0) + 1;
    this.counters.set(word, n);
    return `[${word}-${n}]`;
  }

  /** The placeholder for a non-name value; an equal value seen before gets the same one. */
  forValue(type: Exclude<PiiType, 'name'>, original: string): string {
    const key = `${type}\u0000${normalise(type, original)}`;
    const known = this.byValue.get(key);
    if (known) return known;
    const placeholder = this.next(PLACEHOLDER_WORD[type]);
    this.byValue.set(key, placeholder);
    this.mapping[placeholder] = original;
    return placeholder;
  }

  /** Records (or updates) what a person's placeholder stands for. */
  setPerson(placeholder: string, canonical: string): void {
    this.mapping[placeholder] = canonical;
  }
}

/** Splits `[WORD-n]` into its parts; undefined for anything else. */
export function parsePlaceholder(placeholder: string): { word: string; n: number } | undefined {
  const m = EXACT_PLACEHOLDER.exec(placeholder);
  if (!m) return undefined;
  return { word: m[1] ?? '', n: Number(m[2]) };
}
