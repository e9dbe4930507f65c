/**
 * What the "Visiecheck" sidebar offers to make from the checked plan (issue 5): a compact "From this
 * plan…" row with four generators, and a "Lesson ideas" button on every element the plan does not fully
 * show. Each opens the generator dialog with the plan (its `vak` and `groep` fill in subject and group)
 * and the elements the check suggests already ticked; the leader can change both before anything runs.
 */
import { setIcon } from 'obsidian';
import type { GeneratorKind } from '../../core/generators';
import type { ElementCheck, ElementStatus, LessonCheckReport } from '../../core/lessonCheck';
import type { GeneratorPreset } from '../generators/generatorForm';
import { t, type MessageKey } from '../i18n/i18n';

/** Opens the generator dialog for `kind` with `preset`. */
export type OpenGenerator = (kind: GeneratorKind, preset: GeneratorPreset) => void;

/** One button of the row: the generator, its label and tooltip, its icon, and which elements it starts with. */
export interface PlanGenerator {
  kind: GeneratorKind;
  label: MessageKey;
  title: MessageKey;
  icon: string;
  statuses: readonly ElementStatus[];
}

/**
 * The row, in order. Lesson ideas and indicators are about what the plan does not show yet (partial and
 * absent): ideas to bring it in, and the behaviour to look for once it is. An observation form and
 * reflection questions are about the lesson as planned (strong and partial): an observer can only watch
 * for, and a teacher only reflect on, what the lesson actually does; absent elements would give empty rows.
 */
export const PLAN_GENERATORS: readonly PlanGenerator[] = [
  { kind: 'lesideeen', label: 'check.generate.lesideeen', title: 'check.generate.lesideeenTitle', icon: 'lightbulb', statuses: ['partial', 'absent'] },
  { kind: 'kijkwijzer', label: 'check.generate.kijkwijzer', title: 'check.generate.kijkwijzerTitle', icon: 'clipboard-check', statuses: ['strong', 'partial'] },
  { kind: 'reflectie', label: 'check.generate.reflectie', title: 'check.generate.reflectieTitle', icon: 'message-circle-question', statuses: ['strong', 'partial'] },
  { kind: 'indicators', label: 'check.generate.indicators', title: 'check.generate.indicatorsTitle', icon: 'list-checks', statuses: ['partial', 'absent'] },
];

/** The dialog's preset for `generator` on `report`: the plan, and the ids of the elements with a fitting status. */
export function planPreset(report: LessonCheckReport, generator: Pick<PlanGenerator, 'statuses'>): GeneratorPreset {
  return { planPath: report.note, elements: report.elements.filter((e) => generator.statuses.includes(e.status)).map((e) => e.id) };
}

/** Draws the "From this plan…" row into `parent`. */
export function renderPlanGenerators(parent: HTMLElement, report: LessonCheckReport, open: OpenGenerator): void {
  const row = parent.createDiv({ cls: 'visiewijzer-check-generate', attr: { role: 'group', 'aria-label': t('check.generate.heading') } });
  row.createSpan({ cls: 'visiewijzer-check-generate-label', text: t('check.generate.heading') });
  for (const generator of PLAN_GENERATORS) {
    const button = row.createEl('button', { cls: 'visiewijzer-check-generate-button', attr: { 'data-kind': generator.kind, title: t(generator.title) } });
    setIcon(button.createSpan({ cls: 'visiewijzer-check-icon' }), generator.icon);
    button.createSpan({ text: t(generator.label) });
    button.addEventListener('click', () => open(generator.kind, planPreset(report, generator)));
  }
}

/** A small "Lesson ideas" button for one partial or absent element (nothing for a strong one). */
export function renderElementIdeas(parent: HTMLElement, planPath: string, element: ElementCheck, open: OpenGenerator): void {
  if (element.status === 'strong') return;
  const button = parent.createEl('button', {
    cls: 'visiewijzer-check-element-ideas',
    attr: { 'data-kind': 'lesideeen', title: t('check.generate.elementTitle', { element: element.title }) },
  });
  setIcon(button.createSpan({ cls: 'visiewijzer-check-icon' }), 'lightbulb');
  button.createSpan({ text: t('check.generate.lesideeen') });
  button.addEventListener('click', () => open('lesideeen', { planPath, elements: [element.id] }));
}
