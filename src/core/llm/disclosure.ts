/**
 * The one place that says "an AI helped write this": frontmatter for the note and a visible line.
 * Every generator uses this, so all generated notes disclose the same way.
 */

export interface DisclosureInput {
  /** The preset, e.g. `ollama`. */
  provider: string;
  model: string;
  /** The day of generation; a `Date` is written as its local calendar date. */
  date: Date | string;
  /** Citations or note names, with or without `[[ ]]`. */
  sources: readonly string[];
  lang: 'nl' | 'en';
}

export interface AiFrontmatter {
  provider: string;
  model: string;
  /** `YYYY-MM-DD` */
  date: string;
  /** As `[[note#heading]]`, which Obsidian shows as links in properties. */
  sources: string[];
  /** Set to true by the person who checked and edited the note. */
  reviewed: false;
}

export interface Disclosure {
  frontmatter: { ai: AiFrontmatter };
  /** A callout line to put at the top of the note body. */
  line: string;
}

function isoDate(date: Date | string): string {
  if (typeof date === 'string') return date.slice(0, 10);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Keeps a value on one line and free of link and callout syntax. */
function plain(value: string): string {
  return value.replace(/[\r\n]+/g, ' ').replace(/\[\[|\]\]/g, '').trim();
}

/** `Kernwaarden#Eigenaarschap` and `[[Kernwaarden#Eigenaarschap]]` both become the latter. */
export function asWikilink(source: string): string {
  const inner = source.trim().replace(/^\[\[/, '').replace(/\]\]$/, '');
  return `[[${plain(inner)}]]`;
}

/**
 * Frontmatter `ai: {provider, model, date, sources, reviewed: false}` and a line such as
 * `> [!info] Concept, gemaakt met hulp van AI (ollama, llama3.1, 2026-11-23). Bronnen: [[…]]. Controleer en bewerk voor gebruik.`
 */
export function renderDisclosure(input: DisclosureInput): Disclosure {
  const provider = plain(input.provider);
  const model = plain(input.model);
  const date = isoDate(input.date);
  const sources = [...new Set(input.sources.filter((s) => s.trim()).map(asWikilink))];
  const who = `${provider}, ${model}, ${date}`;
  const line =
    input.lang === 'nl'
      ? `> [!info] Concept, gemaakt met hulp van AI (${who}). Bronnen: ${sources.join(', ') || 'geen'}. Controleer en bewerk voor gebruik.`
      : `> [!info] Draft, made with help from AI (${who}). Sources: ${sources.join(', ') || 'none'}. Check and edit before use.`;
  return { frontmatter: { ai: { provider, model, date, sources, reviewed: false } }, line };
}
