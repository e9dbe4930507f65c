import type { ParsedNote } from '../notes/types';
import type { VisionElement } from '../vision/visionElement';

/**
 * Whether a note (a good practice, a policy note) is about a vision element, by what the school wrote
 * itself: a frontmatter value that names the element (`kernwaarden: [Eigenaarschap]`), or a link to the
 * element's passage (`[[Kernwaarden#Eigenaarschap]]`, or `[[Wereldburgerschap]]` for an element that is
 * a whole note). No guessing from words: a suggestion that cites a practice must be right about it.
 */
export function noteIsAbout(note: ParsedNote, element: VisionElement): boolean {
  const title = element.title.toLowerCase();
  const values = Object.values(note.frontmatter)
    .flatMap((v): unknown[] => (Array.isArray(v) ? (v as unknown[]) : [v]))
    .filter((v): v is string => typeof v === 'string');
  if (values.some((v) => v.toLowerCase() === title)) return true;
  const noteTitle = element.path.replace(/\.md$/i, '').split('/').pop() ?? '';
  if (!note.links.some((l) => (l.split('/').pop() ?? l).toLowerCase() === noteTitle.toLowerCase())) return false;
  if (element.heading === null) return true;
  // The parser renders `[[Note#Heading]]` as "Note Heading" in the text.
  const rendered = `${noteTitle} ${element.heading}`.toLowerCase();
  return note.sections.some((s) => s.text.toLowerCase().includes(rendered));
}
