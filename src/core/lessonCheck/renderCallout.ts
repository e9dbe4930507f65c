/**
 * The vision check as a summary callout, for the end of the lesson plan itself: one line per element
 * (mark and word, score, the plan's lines, the vision passage) and the first suggestion for a gap.
 * Pure text; the plugin appends it through the editor so it can be undone.
 */
import type { Disclosure } from '../llm/disclosure';
import { citation } from '../retrieval/citation';
import { formatScore, isoDay, lineList, modeDescription, oneLine, statusLabel, unverifiedNote, type RenderLang } from './renderWords';
import type { ElementCheck, ElementStatus, LessonCheckReport } from './types';

/** The callout type: Obsidian shows unknown types as a plain note callout; styles.css gives it its own look. */
export const CHECK_CALLOUT_TYPE = 'visiewijzer';

export interface CheckCalloutOptions {
  lang: RenderLang;
  /** The day of the check. */
  date: Date | string;
  /** When a language model judged (the report's `mode` is `model`): who answered, from `renderDisclosure`. */
  disclosure?: Disclosure | null;
}

const WORDS = {
  nl: {
    title: 'Visiecheck',
    checked: (day: string, how: string) => `Gecontroleerd op ${day}, ${how}.`,
    counts: (n: Record<ElementStatus, number>, total: number) => `Van de ${total} elementen: ${n.strong} sterk, ${n.partial} deels, ${n.absent} afwezig.`,
    ai: (who: string) => `Beoordeeld met hulp van AI (${who}). Controleer voor gebruik.`,
    none: 'Geen visie-elementen gevonden.',
  },
  en: {
    title: 'Vision check',
    checked: (day: string, how: string) => `Checked on ${day}, ${how}.`,
    counts: (n: Record<ElementStatus, number>, total: number) => `Of the ${total} elements: ${n.strong} strong, ${n.partial} partial, ${n.absent} absent.`,
    ai: (who: string) => `Judged with help from AI (${who}). Check before use.`,
    none: 'No vision elements found.',
  },
} as const;

/** How many elements have each status. */
export function statusCounts(elements: readonly Pick<ElementCheck, 'status'>[]): Record<ElementStatus, number> {
  const counts: Record<ElementStatus, number> = { strong: 0, partial: 0, absent: 0 };
  for (const e of elements) counts[e.status]++;
  return counts;
}

function elementLine(e: ElementCheck, lang: RenderLang): string[] {
  const lines = e.evidence.length > 0 ? `, ${lineList(e.evidence, lang)}` : '';
  const unverified = e.verified ? '' : ` (${unverifiedNote(lang)})`;
  const head = `- ${statusLabel(e.status, lang)} **${oneLine(e.title)}** (${formatScore(e.score, lang)})${lines}${unverified} · ${citation(e.path, e.heading)}`;
  const first = e.suggestions[0];
  return first ? [head, `    - ${oneLine(first)}`] : [head];
}

/**
 * The callout, as lines without a trailing newline: `> [!visiewijzer] Visiecheck`, a line on how and
 * when it was checked, the counts, then one list item per element in the report's order.
 */
export function renderCheckCallout(report: LessonCheckReport, options: CheckCalloutOptions): string {
  const w = WORDS[options.lang];
  const body: string[] = [w.checked(isoDay(options.date), modeDescription(report, options.lang))];
  if (report.mode === 'model' && options.disclosure) {
    const ai = options.disclosure.frontmatter.ai;
    body.push(w.ai(`${ai.provider}, ${ai.model}, ${ai.date}`));
  }
  if (report.elements.length === 0) {
    body.push(w.none);
  } else {
    body.push(w.counts(statusCounts(report.elements), report.elements.length), '');
    for (const e of report.elements) body.push(...elementLine(e, options.lang));
  }
  return [`> [!${CHECK_CALLOUT_TYPE}] ${w.title}`, ...body.map((line) => (line === '' ? '>' : `> ${line}`))].join('\n');
}

/**
 * What to insert at the end of a note whose text is `noteText` so the callout stands on its own:
 * a blank line before it (a callout right after a paragraph would join it) and a newline after it.
 */
export function calloutInsertion(noteText: string, callout: string): string {
  const lead = noteText === '' ? '' : noteText.endsWith('\n\n') ? '' : noteText.endsWith('\n') ? '\n' : '\n\n';
  return `${lead}${callout}\n`;
}

const CALLOUT_START = new RegExp(`^>\\s*\\[!${CHECK_CALLOUT_TYPE}\\]`, 'i');

/**
 * The note's text with every vision-check callout blanked out, line for line (so line numbers stay
 * right): a plan must not be judged on the summary of its own earlier check, which quotes the vision.
 */
export function withoutCheckCallouts(noteText: string): string {
  const lines = noteText.split('\n');
  let inside = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (CALLOUT_START.test(line)) inside = true;
    else if (inside && !line.startsWith('>')) inside = false;
    if (inside) lines[i] = '';
  }
  return lines.join('\n');
}
