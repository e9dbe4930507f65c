/**
 * The vision check as a note of its own, beside the lesson plan: a link to the plan, a summary, and per
 * element its status, the plan's lines with the vision passage they match, and the suggestions, every
 * passage as `[[note#heading]]`. When a language model judged, the note carries the disclosure
 * (`renderDisclosure`) in its frontmatter and as a visible line. Pure text; the plugin picks a free name.
 */
import type { Disclosure } from '../llm/disclosure';
import { citation } from '../retrieval/citation';
import { statusCounts } from './renderCallout';
import { formatScore, isoDay, lineList, modeDescription, noteBasename, oneLine, statusLabel, unverifiedNote, type RenderLang } from './renderWords';
import type { CheckEvidence, ElementCheck, LessonCheckReport } from './types';

/** The frontmatter key that marks a report note, with the link to its plan. */
export const REPORT_PLAN_KEY = 'visiecheck';

export interface ReportNoteOptions {
  lang: RenderLang;
  /** The day of the check. */
  date: Date | string;
  /** Required when the report's mode is `model`: the disclosure to write. */
  disclosure?: Disclosure | null;
}

const WORDS = {
  nl: {
    suffix: 'visiecheck',
    title: (plan: string) => `Visiecheck: ${plan}`,
    plan: 'Lesplan',
    checked: (day: string, how: string) => `Gecontroleerd op ${day}, ${how}.`,
    people: 'Visiewijzer wijst aan waar het lesplan de visie laat zien en waar niet; wat je ermee doet, beslis je zelf.',
    summary: 'Overzicht',
    counts: (strong: number, partial: number, absent: number, total: number) => `Van de ${total} elementen: ${strong} sterk, ${partial} deels, ${absent} afwezig.`,
    vision: 'Visie',
    where: 'Waar het lesplan dit laat zien',
    matches: 'past bij',
    suggestions: 'Suggesties',
    nothing: 'Het lesplan laat dit element (nog) niet zien.',
    unverified: 'Het taalmodel gaf hier een citaat dat niet in het lesplan of de visie staat; dat is weggelaten.',
    none: 'Geen visie-elementen gevonden: markeer je visienotitie met `visiewijzer: visie`, de tag #visie of de map Visie.',
  },
  en: {
    suffix: 'vision check',
    title: (plan: string) => `Vision check: ${plan}`,
    plan: 'Lesson plan',
    checked: (day: string, how: string) => `Checked on ${day}, ${how}.`,
    people: 'Visiewijzer points out where the lesson plan shows the vision and where it does not; what you do with it is your call.',
    summary: 'Summary',
    counts: (strong: number, partial: number, absent: number, total: number) => `Of the ${total} elements: ${strong} strong, ${partial} partial, ${absent} absent.`,
    vision: 'Vision',
    where: 'Where the lesson plan shows this',
    matches: 'matches',
    suggestions: 'Suggestions',
    nothing: 'The lesson plan does not show this element (yet).',
    unverified: 'The language model gave a quote here that is not in the lesson plan or the vision; it was left out.',
    none: 'No vision elements found: mark your vision note with `visiewijzer: visie`, the tag #visie or the folder Visie.',
  },
} as const;

/** `<plan name> - visiecheck` (en: `- vision check`): the name of the report note, without `.md`. */
export function reportNoteName(planPath: string, lang: RenderLang): string {
  return `${noteBasename(planPath)} - ${WORDS[lang].suffix}`;
}

/** A YAML scalar that is always read back as this exact string (JSON strings are valid YAML). */
function yaml(value: string): string {
  return JSON.stringify(value);
}

function frontmatter(report: LessonCheckReport, day: string, disclosure: Disclosure | null): string {
  const lines = ['---', `${REPORT_PLAN_KEY}: ${yaml(citation(report.note, null))}`, `date: ${yaml(day)}`, `mode: ${report.mode}`, `matching: ${report.matching}`];
  if (disclosure) {
    const ai = disclosure.frontmatter.ai;
    const sources = ai.sources.length ? ai.sources.map((s) => `\n    - ${yaml(s)}`).join('') : ' []';
    lines.push('ai:', `  provider: ${yaml(ai.provider)}`, `  model: ${yaml(ai.model)}`, `  date: ${yaml(ai.date)}`, `  sources:${sources}`, `  reviewed: ${String(ai.reviewed)}`);
  }
  lines.push('---');
  return lines.join('\n');
}

/** The words between quotation marks, on one line. */
function quoted(text: string): string {
  return `“${oneLine(text)}”`;
}

function capitalised(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

function evidenceLine(e: CheckEvidence, lang: RenderLang): string {
  const where = lineList([e], lang);
  const passage = citation(e.visionPath, e.visionHeading);
  const visionText = e.visionText ? `: ${quoted(e.visionText)}` : '';
  return `- ${capitalised(where)}: ${quoted(e.text)}, ${WORDS[lang].matches} ${passage}${visionText}`;
}

function elementSection(e: ElementCheck, lang: RenderLang): string[] {
  const w = WORDS[lang];
  const out = [`## ${statusLabel(e.status, lang)}: ${oneLine(e.title)} (${formatScore(e.score, lang)})`, '', `${w.vision}: ${citation(e.path, e.heading)}`, ''];
  if (!e.verified) out.push(`*${capitalised(unverifiedNote(lang))}.* ${w.unverified}`, '');
  if (e.evidence.length > 0) out.push(`${w.where}:`, '', ...e.evidence.map((v) => evidenceLine(v, lang)), '');
  else out.push(w.nothing, '');
  if (e.suggestions.length > 0) out.push(`${w.suggestions}:`, '', ...e.suggestions.map((s) => `- ${oneLine(s)}`), '');
  return out;
}

/** Every passage the report links to: the plan, each element, each evidence passage; in order, once each. */
export function reportSources(report: LessonCheckReport): string[] {
  const all = [citation(report.note, null)];
  for (const e of report.elements) {
    all.push(citation(e.path, e.heading));
    for (const v of e.evidence) all.push(citation(v.visionPath, v.visionHeading));
  }
  return [...new Set(all)];
}

/** The whole report note. A model-mode report without a disclosure is refused: it must say an AI judged. */
export function renderReportNote(report: LessonCheckReport, options: ReportNoteOptions): string {
  const { lang } = options;
  const w = WORDS[lang];
  const disclosure = report.mode === 'model' ? (options.disclosure ?? null) : null;
  if (report.mode === 'model' && !disclosure) throw new Error('renderReportNote: a model-assisted report needs its disclosure');
  const day = isoDay(options.date);
  const counts = statusCounts(report.elements);
  const out = [frontmatter(report, day, disclosure)];
  if (disclosure) out.push(disclosure.line);
  out.push('', `# ${w.title(noteBasename(report.note))}`, '', `${w.plan}: ${citation(report.note, null)}`, '', `${w.checked(day, modeDescription(report, lang))} ${w.people}`, '');
  if (report.elements.length === 0) {
    out.push(w.none, '');
  } else {
    out.push(`## ${w.summary}`, '', w.counts(counts.strong, counts.partial, counts.absent, report.elements.length), '');
    for (const e of report.elements) out.push(`- ${statusLabel(e.status, lang)} ${citation(e.path, e.heading)} (${formatScore(e.score, lang)})`);
    out.push('');
    for (const e of report.elements) out.push(...elementSection(e, lang));
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}
