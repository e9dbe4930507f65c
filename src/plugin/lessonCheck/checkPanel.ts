/**
 * Draws the sidebar's content from a state: an empty state that says what to do, or the report as a
 * compact list (per element its status as mark AND word, a score bar, the plan's lines that show it,
 * the vision passage, the suggestions). Only Obsidian's DOM helpers (`createEl`, `setText`, `setIcon`),
 * never `innerHTML`; colours come from styles.css and the theme's variables. Kept free of the view's
 * lifecycle so the screenshot script can draw the same DOM in a browser.
 */
import { setIcon } from 'obsidian';
import type { CheckEvidence, ElementCheck, LessonCheckReport } from '../../core/lessonCheck';
import { statusCounts } from '../../core/lessonCheck/renderCallout';
import { formatScore, lineList, modeDescription, noteBasename, STATUS_MARK, statusWord } from '../../core/lessonCheck/renderWords';
import { citation } from '../../core/retrieval/citation';
import type { GeneratorKind } from '../../core/generators';
import type { GeneratorPreset } from '../generators/generatorForm';
import { currentLanguage, t } from '../i18n/i18n';
import { renderElementIdeas, renderPlanGenerators } from './planGenerators';

/** The language-model button: hidden without a provider, a button, or progress with a stop button. */
export type ModelState = { kind: 'hidden' } | { kind: 'ready'; model: string } | { kind: 'running'; model: string };

export type PanelState =
  /** No report: one message saying what to do (with the note's name when there is one). */
  | { kind: 'message'; note: string | null; text: string; busy: boolean }
  | {
      kind: 'report';
      report: LessonCheckReport;
      /** Lines above the list: the note is not marked as a lesson plan, model quotes were dropped, … */
      hints: string[];
      /** A newer check is running; the report shown is the previous one. */
      busy: boolean;
      model: ModelState;
      /** Elements the user folded away, by id. */
      collapsed: ReadonlySet<string>;
    };

export interface PanelActions {
  /** Jump to the evidence's lines in the plan. */
  openEvidence(evidence: CheckEvidence): void;
  /** Open a `[[note#heading]]` link target (without brackets). */
  openLink(linktext: string): void;
  runModel(): void;
  stopModel(): void;
  insertCallout(): void;
  writeReport(): void;
  /** Open the generator dialog for the checked plan ("From this plan…"). */
  openGenerator(kind: GeneratorKind, preset: GeneratorPreset): void;
  /** The user folded (`open` false) or unfolded an element. */
  toggle(id: string, open: boolean): void;
}

/** Replaces `container`'s content with the panel for `state`; returns the panel's root (for sections the view adds below). */
export function renderPanel(container: HTMLElement, state: PanelState, actions: PanelActions): HTMLElement {
  container.empty();
  const root = container.createDiv({ cls: 'visiewijzer-check' });
  if (state.kind === 'message') {
    if (state.note) root.createDiv({ cls: 'visiewijzer-check-note', text: state.note });
    const message = root.createDiv({ cls: 'visiewijzer-check-empty' });
    if (state.busy) message.addClass('is-busy');
    message.setText(state.text);
    return root;
  }
  renderHeader(root, state.report, state.busy);
  for (const hint of state.hints) root.createDiv({ cls: 'visiewijzer-check-hint', text: hint });
  renderToolbar(root, state.model, actions);
  const openGenerator = (kind: GeneratorKind, preset: GeneratorPreset): void => actions.openGenerator(kind, preset);
  renderPlanGenerators(root, state.report, openGenerator);
  const list = root.createEl('ul', { cls: 'visiewijzer-check-list' });
  for (const element of state.report.elements) {
    const body = renderElement(list, element, !state.collapsed.has(element.id), actions);
    renderElementIdeas(body, state.report.note, element, openGenerator);
  }
  return root;
}

function renderHeader(root: HTMLElement, report: LessonCheckReport, busy: boolean): void {
  const lang = currentLanguage();
  const header = root.createDiv({ cls: 'visiewijzer-check-header' });
  header.createDiv({ cls: 'visiewijzer-check-note', text: noteBasename(report.note) });
  const mode = header.createDiv({ cls: 'visiewijzer-check-mode', text: modeDescription(report, lang) });
  if (busy) {
    mode.addClass('is-busy');
    mode.createSpan({ cls: 'visiewijzer-check-busy', text: ` · ${t('check.checking')}` });
  }
  const counts = statusCounts(report.elements);
  const summary = header.createDiv({ cls: 'visiewijzer-check-summary' });
  for (const status of ['strong', 'partial', 'absent'] as const) {
    const chip = summary.createSpan({ cls: ['visiewijzer-check-count', `is-${status}`] });
    chip.createSpan({ cls: 'visiewijzer-check-mark', text: STATUS_MARK[status] });
    chip.createSpan({ text: ` ${counts[status]} ${statusWord(status, lang)}` });
  }
}

function renderToolbar(root: HTMLElement, model: ModelState, actions: PanelActions): void {
  const bar = root.createDiv({ cls: 'visiewijzer-check-toolbar' });
  if (model.kind === 'ready') {
    const button = bar.createEl('button', { cls: ['visiewijzer-check-model', 'mod-cta'], attr: { title: t('check.model.buttonTitle', { model: model.model }) } });
    setIcon(button.createSpan({ cls: 'visiewijzer-check-icon' }), 'sparkles');
    button.createSpan({ text: t('check.model.button') });
    button.addEventListener('click', () => actions.runModel());
  } else if (model.kind === 'running') {
    const progress = bar.createDiv({ cls: 'visiewijzer-check-progress', attr: { role: 'status' } });
    progress.createSpan({ cls: 'visiewijzer-check-spinner', attr: { 'aria-hidden': 'true' } });
    progress.createSpan({ text: t('check.model.running', { model: model.model }) });
    const stop = bar.createEl('button', { cls: 'visiewijzer-check-stop', text: t('check.model.stop') });
    stop.addEventListener('click', () => actions.stopModel());
  }
  const row = bar.createDiv({ cls: 'visiewijzer-check-actions' });
  const action = (icon: string, label: string, run: () => void): void => {
    const button = row.createEl('button', { cls: 'visiewijzer-check-action' });
    setIcon(button.createSpan({ cls: 'visiewijzer-check-icon' }), icon);
    button.createSpan({ text: label });
    button.addEventListener('click', run);
  };
  action('quote', t('check.action.callout'), () => actions.insertCallout());
  action('file-plus', t('check.action.report'), () => actions.writeReport());
}

/** Draws one element; returns its body, for the actions below it. */
function renderElement(list: HTMLElement, element: ElementCheck, open: boolean, actions: PanelActions): HTMLElement {
  const lang = currentLanguage();
  const item = list.createEl('li', { cls: ['visiewijzer-check-element', `is-${element.status}`], attr: { 'data-element': element.id } });
  const details = item.createEl('details');
  if (open) details.setAttr('open', '');
  details.addEventListener('toggle', () => actions.toggle(element.id, details.open));
  const row = details.createEl('summary', { cls: 'visiewijzer-check-row' });
  const status = row.createSpan({ cls: ['visiewijzer-check-status', `is-${element.status}`] });
  status.createSpan({ cls: 'visiewijzer-check-mark', text: STATUS_MARK[element.status], attr: { 'aria-hidden': 'true' } });
  status.createSpan({ cls: 'visiewijzer-check-word', text: statusWord(element.status, lang) });
  row.createSpan({ cls: 'visiewijzer-check-title', text: element.title });
  row.createSpan({ cls: 'visiewijzer-check-score', text: formatScore(element.score, lang), attr: { title: t('check.scoreTitle', { score: formatScore(element.score, lang) }) } });
  const bar = row.createSpan({ cls: 'visiewijzer-check-bar', attr: { 'aria-hidden': 'true' } });
  bar.createSpan({ cls: ['visiewijzer-check-bar-fill', `is-${element.status}`] }).setCssProps({ '--visiewijzer-score': `${Math.round(element.score * 100)}%` });

  const body = details.createDiv({ cls: 'visiewijzer-check-body' });
  const vision = body.createDiv({ cls: 'visiewijzer-check-vision' });
  setIcon(vision.createSpan({ cls: 'visiewijzer-check-icon' }), 'compass');
  passageLink(vision, element.path, element.heading, actions);
  if (!element.verified) {
    vision.createSpan({ cls: 'visiewijzer-check-unverified', text: `⚠ ${t('check.unverified')}`, attr: { title: t('check.unverifiedTitle') } });
  }
  if (element.evidence.length === 0) body.createDiv({ cls: 'visiewijzer-check-none', text: t('check.noEvidence') });
  else renderEvidence(body.createEl('ul', { cls: 'visiewijzer-check-evidence' }), element, actions);
  if (element.suggestions.length > 0) {
    const suggestions = body.createEl('ul', { cls: 'visiewijzer-check-suggestions' });
    for (const suggestion of element.suggestions) {
      const li = suggestions.createEl('li');
      setIcon(li.createSpan({ cls: 'visiewijzer-check-icon' }), 'lightbulb');
      textWithLinks(li.createSpan({ cls: 'visiewijzer-check-suggestion' }), withoutOwnLink(suggestion, element), actions);
    }
  }
  return body;
}

function renderEvidence(list: HTMLElement, element: ElementCheck, actions: PanelActions): void {
  const lang = currentLanguage();
  for (const evidence of element.evidence) {
    const li = list.createEl('li');
    const lines = lineList([evidence], lang);
    const jump = li.createDiv({ cls: 'visiewijzer-check-lines', attr: { role: 'link', tabindex: '0', title: t('check.evidenceTitle', { lines }) } });
    jump.createSpan({ cls: 'visiewijzer-check-where', text: lines });
    jump.createSpan({ cls: 'visiewijzer-check-quote', text: evidence.text });
    jump.addEventListener('click', () => actions.openEvidence(evidence));
    jump.addEventListener('keydown', (event: KeyboardEvent) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      event.preventDefault();
      actions.openEvidence(evidence);
    });
    const match = li.createDiv({ cls: 'visiewijzer-check-match' });
    match.createSpan({ cls: 'visiewijzer-check-arrow', text: '↔ ', attr: { 'aria-hidden': 'true' } });
    // The element's own passage is linked above; a passage elsewhere (a good practice, policy) is linked here.
    const elsewhere = citation(evidence.visionPath, evidence.visionHeading) !== citation(element.path, element.heading);
    if (elsewhere) passageLink(match, evidence.visionPath, evidence.visionHeading, actions);
    if (evidence.visionText) match.createSpan({ cls: 'visiewijzer-check-vision-text', text: `${elsewhere ? ': ' : ''}“${evidence.visionText}”` });
    else if (!elsewhere) match.remove();
  }
}

/** An internal link to `[[path#heading]]`, shown as `Note › Heading`. */
function passageLink(parent: HTMLElement, path: string, heading: string | null, actions: PanelActions): void {
  const target = citation(path, heading).slice(2, -2);
  const label = heading ? `${noteBasename(path)} › ${heading}` : noteBasename(path);
  link(parent, target, label, actions);
}

function link(parent: HTMLElement, target: string, label: string, actions: PanelActions): void {
  const a = parent.createEl('a', { cls: 'internal-link', text: label, attr: { 'data-href': target, href: target, title: t('check.visionTitle', { link: `[[${target}]]` }) } });
  a.addEventListener('click', (event: MouseEvent) => {
    event.preventDefault();
    actions.openLink(target);
  });
}

/** A suggestion without its closing `([[element passage]])`: the element's passage is linked above it. */
function withoutOwnLink(suggestion: string, element: ElementCheck): string {
  const own = ` (${citation(element.path, element.heading)})`;
  return suggestion.endsWith(own) ? suggestion.slice(0, -own.length) : suggestion;
}

const WIKILINK = /\[\[([^\]|]+?)(?:\|([^\]]+))?\]\]/g;

/** Text in which `[[target]]` and `[[target|label]]` become clickable links. */
function textWithLinks(parent: HTMLElement, text: string, actions: PanelActions): void {
  let last = 0;
  for (const match of text.matchAll(WIKILINK)) {
    if (match.index > last) parent.createSpan({ text: text.slice(last, match.index) });
    const target = match[1]!.trim();
    const [note, heading] = target.split('#');
    link(parent, target, match[2]?.trim() ?? (heading ? `${noteBasename(note ?? target)} › ${heading}` : noteBasename(target)), actions);
    last = match.index + match[0].length;
  }
  if (last < text.length) parent.createSpan({ text: text.slice(last) });
}
