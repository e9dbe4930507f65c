/**
 * Types of the privacy guard: what it finds, what it returns, and what a caller may pass in.
 * Pure data; no runtime code, so a Web Worker can share them.
 */

/** The kinds of personal data the guard finds. The values are the ones the CLI prints in `--json`. */
export type PiiType =
  | 'name'
  | 'bsn'
  | 'email'
  | 'phone'
  | 'address'
  | 'postcode'
  | 'birthdate'
  | 'student_number'
  | 'iban';

export const PII_TYPES: readonly PiiType[] = [
  'name',
  'bsn',
  'email',
  'phone',
  'address',
  'postcode',
  'birthdate',
  'student_number',
  'iban',
];

/** One piece of personal data found in the input. */
export interface Finding {
  type: PiiType;
  /** Offset of the first character in the INPUT text (UTF-16 code units, as JavaScript strings count). */
  start: number;
  /** Offset just past the last character in the INPUT text. */
  end: number;
  /** The exact input text between `start` and `end`. */
  original: string;
  /** What replaces it in the redacted text, e.g. `[LEERLING-1]` or `[E-MAIL-2]`. */
  placeholder: string;
}

/**
 * Placeholder → original text. It stays on the user's machine: `restore` uses it to put the originals back
 * into a model's answer, and passing it to the next `redact` call keeps placeholders stable across calls.
 */
export type RedactionMapping = Record<string, string>;

/**
 * The people a school knows by name. Names are full names as people write them ("Sanne de Vries",
 * "Emma Jansen-de Vries"); their first names and surnames are matched on their own too.
 */
export interface Roster {
  /** Pupils: their placeholders read `[LEERLING-n]`. */
  pupils?: string[];
  /** Staff: their placeholders read `[PERSOON-n]`. */
  staff?: string[];
  /**
   * People of unknown role, such as a note's frontmatter `personen:` list: the context decides between
   * `[LEERLING-n]` and `[PERSOON-n]`, and `[PERSOON-n]` is the default.
   */
  others?: string[];
}

/** What a caller can tell `redact`. Every field is optional. */
export interface RedactOptions {
  /** Known people; names from the roster are found even when no heuristic would. */
  roster?: Roster;
  /**
   * Words and phrases that must never be redacted as a name: the school's name, titles of vision elements,
   * programme names ("De Regenboog", "Eigenaarschap", "Kanjertraining"). Matched case-insensitively as whole words.
   */
  keepTerms?: string[];
  /** The mapping of an earlier call: the same value or person gets the same placeholder again. */
  mapping?: RedactionMapping;
  /** Which kinds to redact; all by default. */
  types?: readonly PiiType[];
}

/** The outcome of `redact`. */
export interface RedactionResult {
  /** The text that may leave the machine. */
  text: string;
  /** Everything that was replaced, in input order, with offsets into the input. */
  findings: Finding[];
  /** Placeholder → original, including the entries of the mapping passed in. Keep it local. */
  mapping: RedactionMapping;
}

/** One piece of the text to be sent, for a preview that marks what was redacted. */
export interface PreviewSegment {
  /** The text as it will be sent: plain text, or the placeholder for a redacted piece. */
  text: string;
  redacted: boolean;
  /** The kind of personal data, for redacted pieces. */
  type?: PiiType;
  /** The local original, for redacted pieces (for a tooltip on the user's screen; never sent). */
  original?: string;
}
