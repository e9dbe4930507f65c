import type { ParsedNote } from '../notes/types';
import type { VisionElement } from '../vision/visionElement';

/** How clearly a lesson plan brings a vision element to life. */
export type ElementStatus = 'strong' | 'partial' | 'absent';

/** Lines of the lesson plan that embody an element, and the passage of the vault they match. */
export interface CheckEvidence {
  /** Lines in the plan, 1-based and inclusive, as the editor shows them. */
  startLine: number;
  endLine: number;
  /** The plan's words (a sentence or a table cell of those lines). */
  text: string;
  /**
   * The note holding the matched passage: the element's vision note (an indicator or its description);
   * a good practice filed under the element; or, in model mode, a policy passage given with the element.
   */
  visionPath: string;
  /** The heading to cite as `[[note#heading]]`; null when the element is a whole note. */
  visionHeading: string | null;
  /** The indicator, sentence or passage matched, when known. */
  visionText: string | null;
  /** Line of `visionText` in its note, when known. */
  visionLine: number | null;
  /** How strongly these lines show the element, in [0,1]. */
  strength: number;
}

/** The check of one vision element. */
export interface ElementCheck {
  /** The element's id (`note-slug/heading-slug`). */
  id: string;
  title: string;
  /** The element's vision note and heading, for `[[note#heading]]`. */
  path: string;
  heading: string | null;
  status: ElementStatus;
  /** In [0,1]; the status follows from it (see `scoring.ts`). */
  score: number;
  /** Best first; empty when absent. */
  evidence: CheckEvidence[];
  /** One or two concrete suggestions for partial and absent elements; empty for strong ones. */
  suggestions: string[];
  /**
   * False when a model answered with a quote that does not occur in the plan or the vision text: that
   * quote was dropped. Always true in extractive mode.
   */
  verified: boolean;
}

/** The check of one lesson plan against every element of the vision. Same shape in both modes. */
export interface LessonCheckReport {
  /** Vault path of the lesson plan. */
  note: string;
  /** `extractive`: offline, deterministic; `model`: a language model judged, every quote checked. */
  mode: 'extractive' | 'model';
  /** Whether plan and vision were compared with an embedding model too, or by keywords only. */
  matching: 'hybrid' | 'keyword-only';
  /** One entry per vision element, in the order the elements were given. */
  elements: ElementCheck[];
  /** Things the user should know (the note does not look like a lesson plan, quotes dropped, ...). */
  warnings: string[];
  /** Model mode only: who answered and what left the machine (for the audit log and the disclosure). */
  model?: ModelUse;
}

/** One request of a model-assisted check. */
export interface ModelRequestLog {
  /** The prompt exactly as sent, after the privacy guard. */
  sentPrompt: string;
  /** The model's raw answer (placeholders not restored). */
  answer: string;
  redactionCount: number;
  /** The first answer was not valid JSON and a repair request produced this one. */
  repaired: boolean;
}

/** What a model-assisted check sent and to whom. */
export interface ModelUse {
  provider: string;
  model: string;
  /** Every request, in order: what left the machine and what came back (for the audit log). */
  requests: ModelRequestLog[];
  /** Pieces of personal data replaced before sending, over all requests. */
  redactionCount: number;
  /** Quotes the model gave that were not found in the plan or vision text, and were dropped. */
  droppedQuotes: number;
}

/**
 * Everything of the vault a check compares a plan with. The vault loader (`loadLessonCheckVault`)
 * builds it from a note source; tests and the plugin may build it themselves.
 */
export interface LessonCheckSources {
  /** The vision elements (kernwaarden, pijlers) with their indicators. */
  elements: readonly VisionElement[];
  /** The vision notes themselves: used to cite an indicator's line. */
  visionNotes?: readonly ParsedNote[];
  /** Policy notes: their sections are the passages a model-assisted check receives per element. */
  policy?: readonly ParsedNote[];
  /** Good-practice notes: suggestions point to the ones about an element. */
  practices?: readonly ParsedNote[];
  /**
   * Other notes of the vault, above all other lesson plans: their words give the idf weights, and their
   * blocks the background that calibrates meaning-based similarity. The plan under check is left out
   * of its own background automatically.
   */
  corpus?: readonly ParsedNote[];
}

/** Settings of a check; every field is optional. */
export interface LessonCheckOptions {
  /** Language of the suggestions (default `nl`). */
  lang?: 'nl' | 'en';
  /** Evidence items per element (default 3). */
  maxEvidence?: number;
  /** Background blocks used for calibration at most (default 400), taken evenly from the corpus. */
  backgroundSize?: number;
  /** Stops the work between steps; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
}
