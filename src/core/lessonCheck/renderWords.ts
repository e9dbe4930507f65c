/**
 * The words a lesson check is shown with, in Dutch and English: one place for the sidebar, the callout
 * and the report note, so all three say the same thing. The status always has a mark AND a word, so it
 * never depends on colour alone.
 */
import type { CheckEvidence, ElementStatus, LessonCheckReport } from './types';

export type RenderLang = 'nl' | 'en';

/** A mark per status that reads without colour: full, half, empty. */
export const STATUS_MARK: Readonly<Record<ElementStatus, string>> = { strong: '✓', partial: '◐', absent: '○' };

const STATUS_WORD: Readonly<Record<RenderLang, Record<ElementStatus, string>>> = {
  nl: { strong: 'sterk', partial: 'deels', absent: 'afwezig' },
  en: { strong: 'strong', partial: 'partial', absent: 'absent' },
};

/** `sterk` / `strong`, … */
export function statusWord(status: ElementStatus, lang: RenderLang): string {
  return STATUS_WORD[lang][status];
}

/** `✓ sterk` / `✓ strong`, … */
export function statusLabel(status: ElementStatus, lang: RenderLang): string {
  return `${STATUS_MARK[status]} ${statusWord(status, lang)}`;
}

/** A score with two decimals, with the decimal comma in Dutch. */
export function formatScore(score: number, lang: RenderLang): string {
  const text = score.toFixed(2);
  return lang === 'nl' ? text.replace('.', ',') : text;
}

/** `9` or `12–13`. */
function span(startLine: number, endLine: number): string {
  return startLine === endLine ? String(startLine) : `${startLine}–${endLine}`;
}

/** `regel 9`, `regels 12–13`, `regels 9, 12–13 en 21` (en: `line 9`, `lines 9, 12–13 and 21`). */
export function lineList(evidence: readonly Pick<CheckEvidence, 'startLine' | 'endLine'>[], lang: RenderLang): string {
  const spans = evidence.map((e) => span(e.startLine, e.endLine));
  if (spans.length === 0) return '';
  const plural = spans.length > 1 || spans[0]!.includes('–');
  const word = lang === 'nl' ? (plural ? 'regels' : 'regel') : plural ? 'lines' : 'line';
  const and = lang === 'nl' ? ' en ' : ' and ';
  const listed = spans.length === 1 ? spans[0]! : `${spans.slice(0, -1).join(', ')}${and}${spans.at(-1)!}`;
  return `${word} ${listed}`;
}

/** How the check was made, for a reader: `extractief, alleen trefwoorden`, `met hulp van een taalmodel (llama3.1)`. */
export function modeDescription(report: Pick<LessonCheckReport, 'mode' | 'matching' | 'model'>, lang: RenderLang): string {
  if (report.mode === 'model') {
    const model = report.model?.model ?? '';
    const suffix = model ? ` (${model})` : '';
    return lang === 'nl' ? `met hulp van een taalmodel${suffix}` : `with help from a language model${suffix}`;
  }
  if (report.matching === 'hybrid') return lang === 'nl' ? 'extractief, op trefwoorden en betekenis' : 'extractive, by keywords and meaning';
  return lang === 'nl' ? 'extractief, alleen op trefwoorden' : 'extractive, by keywords only';
}

/** Said next to an element whose model quotes were not all found (and were dropped). */
export function unverifiedNote(lang: RenderLang): string {
  return lang === 'nl' ? 'niet alle citaten gevonden' : 'not every quote was found';
}

/** `YYYY-MM-DD` in local time for a Date; a string is cut to its date. */
export function isoDay(date: Date | string): string {
  if (typeof date === 'string') return date.slice(0, 10);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A note's name without folder and `.md`. */
export function noteBasename(path: string): string {
  return (path.split('/').pop() ?? path).replace(/\.md$/i, '');
}

/** Text for inside a Markdown line: on one line, with no stray callout or quote markers. */
export function oneLine(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, ' ').trim();
}
