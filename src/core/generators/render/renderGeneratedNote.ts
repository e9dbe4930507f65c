/**
 * One renderer for every generator and both modes: a result becomes a Markdown note with frontmatter
 * that says what it is, a disclosure when a model helped, every item with its source as a wikilink, and
 * plain lines where the vault has nothing. Forms leave every tick, score and note empty for people.
 */
import type { VisionElement } from '../../vision/visionElement';
import { renderDisclosure, type Disclosure } from '../../llm/disclosure';
import type { Actor } from '../lint/lexicon';
import type { GeneratedItem, GeneratorKind, GeneratorResult, Lang } from '../types';
import { ICALT_DOMAINS } from '../icaltDomains';
import { GENERATOR_TEXT } from '../generatorText';
import { elementRef } from '../generatorVault';
import { frontmatter, ideaBlock, itemBullet, links, lintLines, originLabel, table, wikilink } from './markdownParts';

export interface RenderOptions {
  /** The note's H1; a title from the kind and the elements when omitted. */
  title?: string;
  /** The vault's elements (at least those in the result), for their titles and links. */
  elements: readonly VisionElement[];
  subject?: string;
  group?: string;
  /** The disclosure for a model-assisted result; made from `result.model` and `date` when omitted. */
  disclosure?: Disclosure;
  /** The day written into a disclosure made here (default: today). */
  date?: Date | string;
}

/** The `visiewijzer:` value per kind (a flitsbezoek is a kijkwijzer in its short form). */
export const NOTE_TYPE: Record<GeneratorKind, string> = {
  indicators: 'indicatoren',
  kijkwijzer: 'kijkwijzer',
  flitsbezoek: 'kijkwijzer',
  lesideeen: 'lesideeen',
  reflectie: 'reflectie',
  vakvoorbeelden: 'vakvoorbeelden',
};

const ACTORS: (Actor | 'overig')[] = ['leraar', 'leerlingen', 'omgeving', 'overig'];

/** The default title: kind and element titles. */
export function defaultTitle(result: GeneratorResult, elements: readonly VisionElement[]): string {
  const names = result.elements.map((id) => elements.find((e) => e.id === id)?.title ?? id);
  return `${GENERATOR_TEXT[result.lang].kindTitle[result.kind]}: ${names.join(', ')}`;
}

function sourcesOf(result: GeneratorResult): string[] {
  return [...new Set(result.items.flatMap((i) => i.sources))];
}

function disclosureFor(result: GeneratorResult, options: RenderOptions): Disclosure | undefined {
  if (result.mode !== 'model') return undefined;
  if (options.disclosure) return options.disclosure;
  const use = result.model;
  return renderDisclosure({ provider: use?.provider ?? 'onbekend', model: use?.model ?? 'onbekend', date: options.date ?? new Date(), sources: sourcesOf(result), lang: result.lang });
}

const actorOfItem = (item: GeneratedItem): Actor | 'overig' => item.actor ?? 'overig';

/** The kijkwijzer table of one element: per actor a row per look-for, ticks and notes left empty. */
function kijkwijzerTables(items: readonly GeneratedItem[], lang: Lang, mixed: boolean): string[] {
  const t = GENERATOR_TEXT[lang];
  const c = t.columns;
  const out: string[] = [];
  for (const actor of ACTORS) {
    const group = items.filter((i) => actorOfItem(i) === actor);
    if (group.length === 0) continue;
    out.push(`### ${t.actor[actor]}`, '', table([c.lookFor, c.seen, c.notSeen, c.na, c.example, c.notes], group.map((i) => [`${i.text} ${links(i)}${originLabel(i, lang, mixed)}`, '', '', '', '', ''])), '');
    const remarks = group.flatMap((i) => (i.lint.length ? [`- „${i.text}”`, ...lintLines(i, lang, '  ', false)] : []));
    if (remarks.length) out.push(`**${t.lintLabel}**`, '', ...remarks, '');
  }
  return out;
}

/** The same look-fors grouped under the six ICALT domains (a second view, nothing scored). */
function icaltSection(items: readonly GeneratedItem[], lang: Lang): string[] {
  const t = GENERATOR_TEXT[lang];
  const out = [`## ${t.heading.icalt}`, ''];
  for (const domain of [...ICALT_DOMAINS.map((d) => d.id), null]) {
    const group = items.filter((i) => (i.icalt ?? null) === domain);
    if (group.length === 0) continue;
    const info = ICALT_DOMAINS.find((d) => d.id === domain);
    out.push(`### ${info ? info.name[lang] : t.heading.otherDomain}`, '');
    if (info) out.push(`*${info.about[lang]}*`, '');
    out.push(...group.map((i) => `- ${i.text} ${links(i)}`), '');
  }
  return out;
}

function elementBody(kind: GeneratorKind, items: readonly GeneratedItem[], result: GeneratorResult, element: VisionElement | undefined, mixed: boolean): string[] {
  const lang = result.lang;
  const t = GENERATOR_TEXT[lang];
  const out: string[] = [];
  if (kind === 'kijkwijzer') out.push(...kijkwijzerTables(items, lang, mixed));
  if (kind === 'indicators') {
    for (const actor of ACTORS) {
      const group = items.filter((i) => actorOfItem(i) === actor);
      if (group.length) out.push(`### ${t.actor[actor]}`, '', ...group.map((i) => itemBullet(i, lang, mixed)), '');
    }
  }
  if (kind === 'reflectie') out.push(...items.map((i, n) => `${n + 1}. ${i.text} ${links(i)}${originLabel(i, lang, mixed)}`), '');
  if (kind === 'lesideeen') {
    const fromVault = items.filter((i) => i.origin === 'extracted');
    const byModel = items.filter((i) => i.origin === 'generated');
    if (fromVault.length) out.push(`### ${t.heading.fromVault}`, '', ...fromVault.flatMap((i) => [ideaBlock(i, lang, false), '']));
    if (byModel.length) out.push(`### ${t.heading.byModel}`, '', ...byModel.flatMap((i) => [ideaBlock(i, lang, false), '']));
  }
  if (kind === 'vakvoorbeelden') {
    for (const subject of result.subjects) {
      const group = items.filter((i) => i.subject === subject);
      const gap = result.gaps.find((g) => g.element === element?.id && g.subject === subject);
      out.push(`### ${subject}`, '');
      const plain = group.filter((i) => !i.details?.length);
      if (plain.length) out.push(...plain.map((i) => itemBullet(i, lang, mixed)), '');
      out.push(...group.filter((i) => i.details?.length).flatMap((i) => [ideaBlock(i, lang, mixed), '']));
      if (gap) out.push(`*${gap.message}*`);
      out.push('');
    }
  }
  return out;
}

/** The flitsbezoek: one short table for all elements, then the one question for afterwards. */
function flitsbezoekBody(result: GeneratorResult, mixed: boolean): string[] {
  const lang = result.lang;
  const t = GENERATOR_TEXT[lang];
  const lookFors = result.items.filter((i) => i.role !== 'question');
  const questions = result.items.filter((i) => i.role === 'question');
  const rows = lookFors.map((i) => [`${i.text} ${links(i)}${originLabel(i, lang, mixed)}`, '', '', '']);
  const out = [table([t.columns.lookFor, t.columns.seen, t.columns.notSeen, t.columns.example], rows), ''];
  const remarks = lookFors.flatMap((i) => (i.lint.length ? [`- „${i.text}”`, ...lintLines(i, lang, '  ', false)] : []));
  if (remarks.length) out.push(`**${t.lintLabel}**`, '', ...remarks, '');
  if (questions.length) out.push(`## ${t.heading.question}`, '', ...questions.map((q) => `> ${q.text} ${links(q)}`), '');
  return out;
}

/** Renders a result as a complete note (see the module comment). */
export function renderGeneratedNote(result: GeneratorResult, options: RenderOptions): string {
  const lang = result.lang;
  const t = GENERATOR_TEXT[lang];
  const disclosure = disclosureFor(result, options);
  const chosen = result.elements.map((id) => options.elements.find((e) => e.id === id));
  const form = result.kind === 'kijkwijzer' || result.kind === 'flitsbezoek';
  const mixed = new Set(result.items.map((i) => i.origin)).size > 1;
  const out: string[] = [
    frontmatter({
      type: NOTE_TYPE[result.kind],
      elements: chosen.map((e, i) => e?.title ?? result.elements[i] ?? ''),
      subject: options.subject ?? (result.kind === 'lesideeen' ? result.subjects[0] : undefined),
      group: options.group,
      form: result.kind === 'flitsbezoek' ? 'flitsbezoek' : undefined,
      mode: result.mode,
      cssClasses: form ? ['visiewijzer-note', 'visiewijzer-form'] : ['visiewijzer-note'],
      disclosure,
    }),
  ];
  if (disclosure) out.push(disclosure.line);
  out.push('', `# ${options.title ?? defaultTitle(result, options.elements)}`, '', t.intro[result.kind], '');
  if (!mixed && result.items.length > 0) out.push(`*${t.origin[result.items[0]!.origin].replace(/^./, (c) => c.toUpperCase())}.*`, '');
  if (form) out.push(`**${t.heading.visit}:** ${t.visitFields}`, '');

  if (result.kind === 'flitsbezoek') {
    out.push(...flitsbezoekBody(result, mixed));
  } else {
    for (const [n, element] of chosen.entries()) {
      const id = result.elements[n] ?? '';
      out.push(`## ${element?.title ?? id}`, '');
      if (element) out.push(`${t.heading.elementSource}: ${wikilink(elementRef(element))}`, '');
      for (const gap of result.gaps.filter((g) => g.element === id && (result.kind !== 'vakvoorbeelden' || !g.subject))) out.push(`*${gap.message}*`, '');
      out.push(...elementBody(result.kind, result.items.filter((i) => i.element === id), result, element, mixed));
    }
    if (result.kind === 'kijkwijzer' && result.icalt) out.push(...icaltSection(result.items, lang));
  }
  if (result.kind === 'flitsbezoek') for (const gap of result.gaps) out.push(`*${gap.message}*`, '');
  if (result.notes.length) out.push(`## ${t.heading.remarks}`, '', ...result.notes.map((n) => `- ${n}`), '');
  const sources = sourcesOf(result);
  if (sources.length) out.push(`## ${t.heading.sources}`, '', ...sources.map((s) => `- ${wikilink(s)}`), '');
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
