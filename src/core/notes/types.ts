/** The four kinds of note Visiewijzer knows. The values are the Dutch words users write in frontmatter. */
export type NoteRole = 'visie' | 'beleid' | 'les' | 'praktijk';

export const NOTE_ROLES: readonly NoteRole[] = ['visie', 'beleid', 'les', 'praktijk'];

/** A Markdown file as a note source lists it, before it is read. */
export interface NoteFile {
  /** Vault-relative path with forward slashes, e.g. `Visie/Eigenaarschap.md`. */
  path: string;
  /** Last modification time in milliseconds since the epoch. */
  mtime: number;
  /** Size in bytes. */
  size: number;
}

/**
 * Where notes come from: the Obsidian vault in the plugin, a folder on disk in the CLI, a map in tests.
 * Only Markdown files are listed.
 */
export interface NoteSource {
  list(): Promise<NoteFile[]>;
  read(path: string): Promise<string>;
}

/** One list item inside a section, with the line it starts on (1-based). */
export interface ListItem {
  text: string;
  line: number;
  /** Nesting depth: 0 for a top-level item. */
  depth: number;
}

/**
 * A run of a note under one heading (or before the first heading). Lines are 1-based and inclusive,
 * as a user sees them in the editor's line numbers.
 */
export interface Section {
  /** Headings from the top of the note down to this section's own heading; empty before the first heading. */
  headingPath: string[];
  /** This section's heading text, or null for the part before the first heading. */
  heading: string | null;
  /** Heading depth (1-6); 0 for the part before the first heading. */
  level: number;
  /** Line of the heading itself (or the first body line when there is no heading). */
  startLine: number;
  endLine: number;
  /** The body as plain text, one block per line, Markdown syntax removed. Does not include the heading. */
  text: string;
  /** List items in the body, in order. */
  listItems: ListItem[];
  /** The body as blocks (a paragraph, a list item, a table row) with their lines: what chunking splits. */
  blocks: TextBlock[];
}

/** One block of plain text with the lines it came from (1-based, inclusive). */
export interface TextBlock {
  text: string;
  startLine: number;
  endLine: number;
  kind: 'paragraph' | 'listItem' | 'tableRow' | 'other';
}

/** A Markdown note parsed into the pieces Visiewijzer uses. */
export interface ParsedNote {
  path: string;
  /** File name without folder and extension. */
  title: string;
  frontmatter: Record<string, unknown>;
  /** Set when the frontmatter block exists but is not valid YAML (the rest of the note is still parsed). */
  frontmatterError?: string;
  /** Tags without `#`, lower-cased, from the body and from frontmatter `tags`. */
  tags: string[];
  /** Targets of `[[wikilinks]]` (without alias or heading). */
  links: string[];
  /** Sections in document order, skipping ones with neither heading nor text. */
  sections: Section[];
  lineCount: number;
  /** Problems that were handled (duplicate headings, empty headings, ...), in words for the user. */
  warnings: string[];
}
