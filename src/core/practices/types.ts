import type { ElementStatus } from '../lessonCheck/types';

/** One vision element suggested for a practice text, best first. */
export interface ElementSuggestion {
  /** The element's id (`note-slug/heading-slug`). */
  id: string;
  title: string;
  /** In [0,1]: how clearly the text shows the element (the lesson check's element score). */
  score: number;
  /** `strong` from 0.6, `partial` from 0.25 (the lesson check's bands). */
  status: ElementStatus;
}

/** The vision element a practice note links to: enough to name it and cite its passage. */
export interface PracticeElementRef {
  title: string;
  path: string;
  /** The heading to cite as `[[note#heading]]`; null when the element is a whole note. */
  heading: string | null;
}

/** What the user confirmed for a new practice note. */
export interface PracticeNoteInput {
  title: string;
  /** Subject (vak), e.g. `rekenen`; empty when not given. */
  subject: string;
  /** Group or year (groep, leerjaar), e.g. `4` or `havo 2`; empty when not given. */
  group: string;
  /**
   * Teacher or team. Personal data: written into this note's frontmatter only, never into the body,
   * a log, or anything sent anywhere. Left out of the note when empty.
   */
  team?: string;
  /** A short description: what the practice is, in a sentence or two. */
  description: string;
  /** The vision elements it embodies, in the order the user ticked them. */
  elements: readonly PracticeElementRef[];
  /** Vault path of the note the text was captured from; null when typed in fresh. */
  origin: string | null;
  /** The captured Markdown (a selection or a whole note). */
  text: string;
  /** The date of capture, `YYYY-MM-DD`. */
  date: string;
  /** Language of the headings the note gets (default `nl`). */
  lang?: 'nl' | 'en';
}

/** A good practice as found in the vault: what the list, the overview and "related" show. */
export interface PracticeRecord {
  path: string;
  /** The file name without `.md`: what a link to it shows. */
  title: string;
  /** Ids of the vision elements it is filed under (frontmatter value or a link to the element's passage). */
  elementIds: string[];
  /** Their titles, in the order of the vision. */
  elementTitles: string[];
  /** Frontmatter `vak` (several joined with `, `), or null. */
  subject: string | null;
  /** Frontmatter `groep` (or `leerjaar`, `klas`), or null. */
  group: string | null;
  /** `YYYY-MM-DD` from frontmatter `datum` (or `gedeeld`, `date`, `created`), or null. */
  date: string | null;
}

/** One practice proposed when a note that holds several is split. Lines are 1-based and inclusive. */
export interface SplitCandidate {
  title: string;
  /** The candidate's Markdown: the lines of its section or list item, without the heading line. */
  text: string;
  startLine: number;
  endLine: number;
  /** `heading` for a section, `listItem` for a top-level list item. */
  kind: 'heading' | 'listItem';
  /** Vision elements it seems to embody, best first (empty without a checker). */
  suggested: ElementSuggestion[];
  /** Whether the review ticks it by default: 25 words or more, or 12 or more that show a vision element. */
  recommended: boolean;
}
