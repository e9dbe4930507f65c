/**
 * The privacy guard's entry points: `redact` replaces personal data with stable placeholders before text
 * leaves the machine, and `restore` puts the originals back into a model's answer.
 */
import { findAddresses } from './addressDetector';
import { findNames } from './nameDetector';
import {
  findBirthdates,
  findBsns,
  findEmails,
  findIbans,
  findPhones,
  findPostcodes,
  findStudentNumbers,
  PRIORITY,
  type Candidate,
} from './patternDetectors';
import { assignPersonPlaceholders, type NameMention } from './personResolver';
import { PLACEHOLDER, PlaceholderBook } from './placeholderBook';
import { RosterIndex } from './rosterIndex';
import { tokenize } from './tokenize';
import { PII_TYPES, type Finding, type PiiType, type RedactionMapping, type RedactionResult, type RedactOptions } from './types';

const PATTERN_DETECTORS: [PiiType, (text: string) => Candidate[]][] = [
  ['email', findEmails],
  ['iban', findIbans],
  ['bsn', findBsns],
  ['student_number', findStudentNumbers],
  ['birthdate', findBirthdates],
  ['phone', findPhones],
  ['address', findAddresses],
  ['postcode', findPostcodes],
];

/** Keeps the strongest of overlapping candidates: higher priority first, then the longer one. */
function settleOverlaps(candidates: Candidate[]): Candidate[] {
  const ranked = [...candidates].sort(
    (a, b) => b.priority - a.priority || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const kept: Candidate[] = [];
  // Character occupancy keeps this linear in the text length rather than quadratic in the candidates.
  const taken = new Uint8Array(candidates.reduce((max, c) => Math.max(max, c.end), 0));
  for (const c of ranked) {
    if (c.end <= c.start || taken.subarray(c.start, c.end).includes(1)) continue;
    taken.fill(1, c.start, c.end);
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** For each token (in text order), whether it overlaps one of the ranges; one sweep over both. */
function markBlocked(tokens: readonly { start: number; end: number }[], ranges: [number, number][]): boolean[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const blocked = new Array<boolean>(tokens.length).fill(false);
  let r = 0;
  tokens.forEach((t, i) => {
    while (r < sorted.length && (sorted[r]?.[1] ?? 0) <= t.start) r += 1;
    // Ranges may overlap each other (keep-terms inside findings): look ahead while they start before the token ends.
    for (let k = r; k < sorted.length && (sorted[k]?.[0] ?? Infinity) < t.end; k += 1) {
      if ((sorted[k]?.[1] ?? 0) > t.start) {
        blocked[i] = true;
        break;
      }
    }
  });
  return blocked;
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Character ranges of the keep-terms, matched case-insensitively as whole words. */
function keepTermRanges(text: string, keepTerms: readonly string[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (const term of keepTerms) {
    const trimmed = term.trim();
    if (trimmed.length === 0) continue;
    const pattern = escapeRegExp(trimmed).replace(/\s+/g, '\\s+');
    const regex = new RegExp(`(?<![\\p{L}\\d])${pattern}(?![\\p{L}\\d])`, 'giu');
    for (const m of text.matchAll(regex)) ranges.push([m.index, m.index + m[0].length]);
  }
  return ranges;
}

/**
 * Finds personal data in `text` and replaces it with placeholders (`[LEERLING-1]`, `[PERSOON-2]`,
 * `[BSN-1]`, `[E-MAIL-1]`, …). Pure and synchronous: no I/O, safe in a Web Worker.
 *
 * @param text - the text that is about to leave the machine
 * @param options - roster, keep-terms, the previous mapping for stable placeholders, and the types to redact
 * @returns the redacted text, the findings with offsets into `text`, and the mapping to keep locally
 */
export function redact(text: string, options: RedactOptions = {}): RedactionResult {
  const types = new Set<PiiType>(options.types ?? PII_TYPES);
  const candidates: Candidate[] = [];
  for (const [type, detect] of PATTERN_DETECTORS) {
    if (types.has(type)) candidates.push(...detect(text));
  }
  const patterns = settleOverlaps(candidates);

  let names: Candidate[] = [];
  let mentions: NameMention[] = [];
  if (types.has('name')) {
    const tokens = tokenize(text);
    const taken = [...patterns.map((p): [number, number] => [p.start, p.end]), ...keepTermRanges(text, options.keepTerms ?? [])];
    const blocked = markBlocked(tokens, taken);
    const spans = findNames(tokens, blocked, new RosterIndex(options.roster));
    mentions = spans.map((span) => ({ span, original: text.slice(span.start, span.end) }));
    names = spans.map((s) => ({ type: 'name', start: s.start, end: s.end, priority: PRIORITY.name }));
  }

  const book = new PlaceholderBook(options.mapping);
  const personPlaceholders = assignPersonPlaceholders(mentions, book);
  const personAt = new Map(mentions.map((m, i) => [m.span.start, personPlaceholders[i] ?? '']));

  const findings: Finding[] = [];
  let output = '';
  let cursor = 0;
  for (const c of settleOverlaps([...patterns, ...names])) {
    const original = text.slice(c.start, c.end);
    const placeholder = c.type === 'name' ? (personAt.get(c.start) ?? '') : book.forValue(c.type, original);
    findings.push({ type: c.type, start: c.start, end: c.end, original, placeholder });
    output += text.slice(cursor, c.start) + placeholder;
    cursor = c.end;
  }
  output += text.slice(cursor);
  return { text: output, findings, mapping: book.mapping };
}

/**
 * Puts the originals back into a text that holds placeholders, such as a model's answer. Tolerates the
 * small changes models make (`[leerling-1]`, `[LEERLING 1]`); placeholders the mapping does not know stay.
 * A person mentioned both as "Sanne" and as "Sanne de Vries" comes back in the fullest form.
 */
export function restore(text: string, mapping: RedactionMapping): string {
  return text.replace(PLACEHOLDER, (whole, word: string, n: string) => {
    const key = `[${word.toUpperCase()}-${Number(n)}]`;
    return mapping[key] ?? whole;
  });
}
