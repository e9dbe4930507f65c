/**
 * Detectors for the personal data that has a shape: BSN, e-mail, phone, IBAN, postcode, date of birth
 * and pupil number. Each returns spans into the input; `redact` settles overlaps by priority.
 */
import { isValidBsn, isValidIban } from './checksums';
import type { PiiType } from './types';

/** A span some detector claims, before overlaps are settled. */
export interface Candidate {
  type: PiiType;
  start: number;
  end: number;
  /** Higher wins when two candidates overlap (an e-mail address beats the name inside it). */
  priority: number;
}

/** Priorities: checked identifiers first, then labelled values, then shapes, then names. */
export const PRIORITY: Record<PiiType, number> = {
  email: 100,
  iban: 95,
  bsn: 90,
  student_number: 88,
  birthdate: 85,
  phone: 80,
  address: 70,
  postcode: 65,
  name: 50,
};

function candidate(type: PiiType, start: number, end: number): Candidate {
  return { type, start, end, priority: PRIORITY[type] };
}

// The lookbehind makes a match start only where a run of address characters starts: linear, not quadratic.
const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

/** E-mail addresses. */
export function findEmails(text: string): Candidate[] {
  return [...text.matchAll(EMAIL)].map((m) => candidate('email', m.index, m.index + m[0].length));
}

// Nine digits, or grouped 3-3-3 / 4-2-3 with dots or spaces; not part of a longer number.
const BSN = /(?<![\d.,-])(?:\d{9}|\d{3}([. ])\d{3}\1\d{3}|\d{4}([. ])\d{2}\2\d{3})(?![\d]|[.,-]\d)/g;

/** BSNs that pass the 11-proef; other nine-digit numbers stay. */
export function findBsns(text: string): Candidate[] {
  return [...text.matchAll(BSN)]
    .filter((m) => isValidBsn(m[0]))
    .map((m) => candidate('bsn', m.index, m.index + m[0].length));
}

// Separators inside a phone number: space, no-break space, dot, dash, slash, brackets; never a newline.
const SEP = '[ \\u00a0.\\-/()]{0,2}';
/** National: a 0 and nine more digits (06-12345678, 010-1234567, (020) 123 4567). */
const PHONE_NATIONAL = new RegExp(`(?<![\\p{L}\\d+])\\(?0[1-9](?:${SEP}\\d){8}(?!\\d)`, 'gu');
/** International: +31 6 …, 0031 6 …, +31 (0)20 …, +44 20 7946 0958: country code and 7–13 more digits. */
const PHONE_INTERNATIONAL = new RegExp(`(?<![\\p{L}\\d+])(?:\\+|00)[1-9]\\d{0,2}(?:${SEP}\\d){7,13}(?!\\d)`, 'gu');
const LOOKS_LIKE_DATE = /^\(?\d{1,2}[-./]\d{1,2}[-./]\d{2,4}/;

/** Dutch and international phone numbers. A date followed by a time is not a phone number. */
export function findPhones(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const regex of [PHONE_NATIONAL, PHONE_INTERNATIONAL]) {
    for (const m of text.matchAll(regex)) {
      let value = m[0];
      if (LOOKS_LIKE_DATE.test(value)) continue;
      // A trailing bracket or separator belongs to the sentence, not to the number.
      const trimmed = value.replace(/[ \u00a0.\-/(]+$/, '');
      value = /\)$/.test(trimmed) && !trimmed.includes('(') ? trimmed.slice(0, -1) : trimmed;
      found.push(candidate('phone', m.index, m.index + value.length));
    }
  }
  return found;
}

const IBAN_START = /(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?=[ ]?[A-Za-z0-9]{4})/g;

/**
 * IBANs with valid check digits, written with or without spaces. The span is the longest run of
 * groups that checks out, so words after the IBAN are never swallowed.
 */
export function findIbans(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of text.matchAll(IBAN_START)) {
    // Collect up to 30 more characters, allowing single spaces between groups.
    const ends: number[] = [];
    let pos = m.index + 4;
    let count = 4;
    while (pos < text.length && count < 34) {
      const ch = text[pos] ?? '';
      if (/[A-Za-z0-9]/.test(ch)) {
        count += 1;
        pos += 1;
        const next = text[pos] ?? '';
        if (!/[A-Za-z0-9]/.test(next)) ends.push(pos);
      } else if (ch === ' ' && /[A-Za-z0-9]/.test(text[pos + 1] ?? '')) {
        pos += 1;
      } else break;
    }
    for (let k = ends.length - 1; k >= 0; k -= 1) {
      const end = ends[k] ?? 0;
      if (isValidIban(text.slice(m.index, end))) {
        found.push(candidate('iban', m.index, end));
        break;
      }
    }
  }
  return found;
}

// 1234 AB or 1234AB; SA, SD and SS are never used as postcode letters.
const POSTCODE = /(?<![\p{L}\d-])[1-9]\d{3}(?: ?(?!SA|SD|SS)[A-Z]{2}|(?!sa|sd|ss)[a-z]{2})(?![\p{L}\d])/gu;

/** Dutch postcodes. */
export function findPostcodes(text: string): Candidate[] {
  return [...text.matchAll(POSTCODE)].map((m) => candidate('postcode', m.index, m.index + m[0].length));
}

const MONTHS =
  'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|' +
  'jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec|' +
  'january|february|march|may|june|july|august|october';
const DATE =
  `\\d{1,2}[-/.]\\d{1,2}[-/.](?:\\d{4}|\\d{2})(?!\\d)|\\d{4}-\\d{2}-\\d{2}|` +
  `\\d{1,2}(?:e|ste|de)?\\s+(?:${MONTHS})\\.?\\s+\\d{4}`;
const BIRTH_LABEL =
  'geboren|geb\\.|geb\\.?\\s?datum|geboortedatum|geboortedag|date of birth|birth date|born|d\\.o\\.b\\.|dob';
/**
 * A birth label, then at most three short words (`op`, `:`, `van Sanne`), then a date, on one line.
 * Only dates in such a context count: a meeting date stays.
 */
const BIRTHDATE = new RegExp(
  `(?<![\\p{L}])(?:${BIRTH_LABEL})(?![\\p{L}])[ \\t:,(-]*(?:[\\p{L}'’]+[ \\t:,]+){0,3}?(${DATE})`,
  'giu',
);

/** Dates of birth in a birth context ("geboren op 3 maart 2015", "geb. 03-03-2015", "geboortedatum: …"). */
export function findBirthdates(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of text.matchAll(BIRTHDATE)) {
    const date = m[1] ?? '';
    const start = m.index + m[0].length - date.length;
    found.push(candidate('birthdate', start, start + date.length));
  }
  return found;
}

const STUDENT_NUMBER =
  /(?<![\p{L}])(?:leerling(?:en)?nummer|leerlingnr|leerling-?id|lln?\.?[ -]?nr|ll\.?-nr|llnr|stamnummer|studentnummer|student number)\.?(?:[ \t]*(?:is|:|#|=))?[ \t]*(\d{3,10})(?!\d)/giu;

/** Pupil numbers after a label (leerlingnummer, lln.nr., ll-nr, stamnummer); the label stays. */
export function findStudentNumbers(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of text.matchAll(STUDENT_NUMBER)) {
    const digits = m[1] ?? '';
    const start = m.index + m[0].length - digits.length;
    found.push(candidate('student_number', start, start + digits.length));
  }
  return found;
}
