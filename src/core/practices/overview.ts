/**
 * The generated overview of the school's good practices: per vision element and per subject with
 * counts, the elements without any practice yet, the newest practices, and a Mermaid chart (which
 * Obsidian draws itself) of practices per element. Only practice notes are linked, never the vision
 * passages, so the overview never counts as a practice "about" an element anywhere else.
 */
import type { VisionElement } from '../vision/visionElement';
import { OVERVIEW_END, OVERVIEW_START } from './overviewBlock';
import type { PracticeRecord } from './types';

export interface OverviewOptions {
  lang?: 'nl' | 'en';
  /** How many of the newest practices to list (default 5). */
  newest?: number;
  /** `pie` (default; every Obsidian version draws it) or `bar` (Mermaid's `xychart-beta`, which shows empty elements too). */
  chart?: 'pie' | 'bar';
}

const TEXT = {
  nl: {
    updated: '*Bijgewerkt door Visiewijzer op {date}: {practices} good practice(s), {elements} visie-element(en). Wat tussen deze markeringen staat wordt bij elke verversing opnieuw geschreven; schrijf je eigen tekst erboven of eronder.*',
    perElement: 'Per visie-element', missing: 'Nog zonder good practice', allCovered: 'Elk visie-element heeft minstens één good practice.',
    unfiled: 'Nog bij geen visie-element', perSubject: 'Per vak', noSubject: 'zonder vak', newest: 'Nieuwste', noDates: 'Nog geen good practices met een datum.',
    chart: 'Grafiek', chartTitle: 'Good practices per visie-element', count: 'Aantal', none: 'Nog geen good practices. Leg er een vast met "Opslaan als good practice".', group: 'groep',
  },
  en: {
    updated: '*Updated by Visiewijzer on {date}: {practices} good practice(s), {elements} vision element(s). What is between these markers is rewritten on every refresh; write your own text above or below.*',
    perElement: 'Per vision element', missing: 'No good practice yet', allCovered: 'Every vision element has at least one good practice.',
    unfiled: 'Not filed under a vision element yet', perSubject: 'Per subject', noSubject: 'no subject', newest: 'Newest', noDates: 'No good practices with a date yet.',
    chart: 'Chart', chartTitle: 'Good practices per vision element', count: 'Count', none: 'No good practices yet. Capture one with "Save as good practice".', group: 'group',
  },
};

type Words = (typeof TEXT)['nl'];

/** The block with its markers, ready for `replaceOverviewBlock`. `now` is the refresh date (a Date, or `YYYY-MM-DD`). */
export function renderOverview(practices: readonly PracticeRecord[], elements: readonly VisionElement[], now: Date | string, options: OverviewOptions = {}): string {
  const w = TEXT[options.lang ?? 'nl'];
  const date = typeof now === 'string' ? now : localDate(now);
  const lines = [OVERVIEW_START, fill(w.updated, { date, practices: practices.length, elements: elements.length }), ''];
  if (practices.length === 0) {
    lines.push(w.none, '', OVERVIEW_END);
    return lines.join('\n');
  }
  const byElement = elements.map((e) => ({ element: e, items: practices.filter((p) => p.elementIds.includes(e.id)) }));

  lines.push(`## ${w.perElement}`, '');
  for (const { element, items } of byElement.filter((g) => g.items.length > 0)) lines.push(...group(element.title, items, w));
  const unfiled = practices.filter((p) => !p.elementIds.some((id) => elements.some((e) => e.id === id)));
  if (unfiled.length > 0) lines.push(...group(w.unfiled, unfiled, w));

  lines.push(`## ${w.missing}`, '');
  const missing = byElement.filter((g) => g.items.length === 0);
  if (missing.length === 0) lines.push(w.allCovered, '');
  else lines.push(...missing.map((g) => `- ${g.element.title}`), '');

  lines.push(`## ${w.perSubject}`, '');
  for (const [subject, items] of bySubject(practices, w)) lines.push(...group(subject, items, w));

  lines.push(`## ${w.newest}`, '');
  const dated = practices.filter((p) => p.date !== null).sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.title.localeCompare(b.title, 'nl'));
  if (dated.length === 0) lines.push(w.noDates, '');
  else lines.push(...dated.slice(0, options.newest ?? 5).map((p) => `- ${p.date} · ${link(p)}${p.elementTitles.length ? ` · ${p.elementTitles.join(', ')}` : ''}`), '');

  lines.push(`## ${w.chart}`, '', ...chart(byElement.map((g) => ({ label: g.element.title, count: g.items.length })), w, options.chart ?? 'pie'), '', OVERVIEW_END);
  return lines.join('\n');
}

/** A bold label with its count, then one line per practice. */
function group(label: string, items: readonly PracticeRecord[], w: Words): string[] {
  const sorted = [...items].sort((a, b) => a.title.localeCompare(b.title, 'nl'));
  return [`**${label}** (${items.length})`, '', ...sorted.map((p) => `- ${[link(p), p.subject, groupLabel(p.group, w)].filter(Boolean).join(' · ')}`), ''];
}

function bySubject(practices: readonly PracticeRecord[], w: Words): [string, PracticeRecord[]][] {
  const groups = new Map<string, PracticeRecord[]>();
  for (const p of practices) {
    const key = p.subject?.trim() || '';
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  return [...groups.entries()]
    .sort(([a, x], [b, y]) => (a === '' ? 1 : 0) - (b === '' ? 1 : 0) || y.length - x.length || a.localeCompare(b, 'nl'))
    .map(([subject, items]) => [subject || w.noSubject, items]);
}

/** `[[folder/name|name]]`: the full path never mixes up two notes with one name; the alias reads well. */
export function practiceLink(path: string, title: string): string {
  const target = path.replace(/\.md$/i, '');
  return target === title ? `[[${title}]]` : `[[${target}|${title}]]`;
}

function link(p: PracticeRecord): string {
  return practiceLink(p.path, p.title);
}

function groupLabel(group: string | null, w: Words): string | null {
  if (!group) return null;
  return /^\d/.test(group) ? `${w.group} ${group}` : group;
}

function chart(data: { label: string; count: number }[], w: Words, kind: 'pie' | 'bar'): string[] {
  const label = (text: string): string => `"${text.replace(/"/g, "'")}"`;
  if (kind === 'pie') {
    return ['```mermaid', `pie showData title ${w.chartTitle}`, ...data.filter((d) => d.count > 0).map((d) => `    ${label(d.label)} : ${d.count}`), '```'];
  }
  const max = Math.max(1, ...data.map((d) => d.count));
  return [
    '```mermaid',
    'xychart-beta',
    `    title ${label(w.chartTitle)}`,
    `    x-axis [${data.map((d) => label(d.label)).join(', ')}]`,
    `    y-axis ${label(w.count)} 0 --> ${max}`,
    `    bar [${data.map((d) => d.count).join(', ')}]`,
    '```',
  ];
}

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

/** `YYYY-MM-DD` in the computer's own time zone: the day the leader sees on the calendar. */
export function localDate(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
