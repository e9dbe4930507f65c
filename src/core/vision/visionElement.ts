/**
 * One element of a school's vision: a core value (kernwaarde) or pillar (pijler). In a vision note each
 * level-2 heading is one element; a vision note without level-2 headings is one element.
 */
export interface VisionElement {
  /** Stable id: `note-slug/heading-slug`, e.g. `kernwaarden/eigenaarschap`. */
  id: string;
  title: string;
  /** The element's prose: its paragraphs (and those of its sub-headings). */
  description: string;
  /** Its list items: how the element shows in practice. */
  indicators: string[];
  path: string;
  /** The heading to cite as `[[note#heading]]`; null when the element is a whole note. */
  heading: string | null;
  startLine: number;
  endLine: number;
}
