/**
 * The generators' shared shapes. Every generator, extractive or model-assisted, returns a
 * `GeneratorResult`; one renderer turns any result into a note. Plain data, so the plugin's modals, the
 * sidebar and the CLI can all use it.
 */
import type { LintFinding } from './indicatorLint';
import type { Actor } from './lint/lexicon';
import type { IcaltDomainId } from './icaltDomains';

/** What a generator makes. `flitsbezoek` is the short form of the kijkwijzer. */
export type GeneratorKind = 'indicators' | 'kijkwijzer' | 'flitsbezoek' | 'lesideeen' | 'reflectie' | 'vakvoorbeelden';

export const GENERATOR_KINDS: readonly GeneratorKind[] = ['indicators', 'kijkwijzer', 'flitsbezoek', 'lesideeen', 'reflectie', 'vakvoorbeelden'];

/** `extractive`: offline and deterministic, from the vault's own words; `model`: a language model wrote it. */
export type GeneratorMode = 'extractive' | 'model';

export type Lang = 'nl' | 'en';

/** One labelled part of an item, e.g. the goal or the differentiation of a lesson idea. */
export interface ItemDetail {
  /** Which part: the renderer writes the label in the note's language. */
  field: 'doel' | 'activiteit' | 'zichtbaar' | 'differentiatie' | 'vak' | 'groep';
  text: string;
}

/** Three levels that differ in kind (model mode only). */
export interface ItemLevels {
  beginnend: string;
  gevorderd: string;
  sterk: string;
}

/** One thing a generator made: an indicator, a look-for, a question, an idea or a subject example. */
export interface GeneratedItem {
  text: string;
  /** The vision element's id (`kernwaarden/eigenaarschap`). */
  element: string;
  /** Where it comes from, as `note#heading` (vault path without `.md`); each resolves in the vault. */
  sources: string[];
  /** Lint findings for indicators and look-fors; empty for questions and ideas. */
  lint: LintFinding[];
  /** Taken from the vault as written, or written by a model. */
  origin: 'extracted' | 'generated';
  /** Look-fors: who the behaviour is about. */
  actor?: Actor | null;
  /** Kijkwijzer: the ICALT domain the look-for was grouped under (null: none fits). */
  icalt?: IcaltDomainId | null;
  /** Vakvoorbeelden and lesson ideas: the subject it is about. */
  subject?: string;
  /** Flitsbezoek: the one reflective question for afterwards; otherwise a look-for or an entry. */
  role?: 'lookFor' | 'question';
  /** Lesson ideas: goal, activity, how the element shows, differentiation. */
  details?: ItemDetail[];
  levels?: ItemLevels;
}

/** A place where the vault has nothing, said plainly instead of filled in. */
export interface GeneratorGap {
  element: string;
  subject?: string;
  message: string;
}

/** What a model-assisted run sent and to whom (for the disclosure and the AI log). */
export interface GeneratorModelUse {
  provider: string;
  model: string;
  /** Every prompt as it left the machine (after the privacy guard), in order. */
  sentPrompts: string[];
  /** The answers as the model wrote them (placeholders intact), in order. */
  answers: string[];
  redactionCount: number;
  /** Items dropped because they cited a source that was not given. */
  droppedItems: number;
}

export interface GeneratorResult {
  kind: GeneratorKind;
  mode: GeneratorMode;
  lang: Lang;
  /** Element ids in the order asked for. */
  elements: string[];
  /** Subjects asked for (vakvoorbeelden, lesideeen), in order. */
  subjects: string[];
  items: GeneratedItem[];
  gaps: GeneratorGap[];
  /** Things the user should know, in the note's language (what was dropped, what only a model can do). */
  notes: string[];
  /** Kijkwijzer: whether the look-fors are also grouped by ICALT domain. */
  icalt?: boolean;
  model?: GeneratorModelUse;
}

/** What one generator made for a request, before it is wrapped into a `GeneratorResult`. */
export interface GeneratorParts {
  items: GeneratedItem[];
  gaps: GeneratorGap[];
  notes: string[];
}

/** Called once per element, so callers can show progress and stop between elements. */
export type ElementStep = () => void;

/** What every generator is asked; every field but `elements` has a default. */
export interface GeneratorRequest {
  kind: GeneratorKind;
  /** Element ids; the vault's elements in order when empty. */
  elements: readonly string[];
  /** Subjects (vakvoorbeelden: several; lesideeen: the first one filters). */
  subjects?: readonly string[];
  /** Group or year, e.g. `5` or `havo 4`; lesson ideas for it come first. */
  group?: string;
  lang?: Lang;
  /** Indicators: also three levels (model mode only; extractive says so). */
  levels?: boolean;
  /** Kijkwijzer: also group the look-fors under the six ICALT domains. */
  icalt?: boolean;
  /** Stops between elements; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Called after each element: `done` of `total`. */
  onProgress?(done: number, total: number): void;
}

/** Subjects used for vakvoorbeelden when none are given (primary school). */
export const DEFAULT_SUBJECTS: readonly string[] = ['rekenen', 'taal', 'wereldoriëntatie', 'bewegingsonderwijs', 'muziek'];
