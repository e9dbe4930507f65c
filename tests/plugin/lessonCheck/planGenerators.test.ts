/**
 * The sidebar's "From this plan…" row (issue 5 in the lesson check) in the stub host with the example
 * vault: four generator buttons for a checked plan, a "Lesson ideas" button on each element the plan
 * does not fully show, and each opening the generator dialog with the plan's subject and group filled in
 * and the elements ticked that the check suggests (compared with the core's report, not a written list).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../../src/plugin/embedding/spawnEmbeddingWorker', () => ({ spawnEmbeddingWorker: vi.fn() }));

import { Notice, TextComponent, ToggleComponent, setStubLanguage, type App } from '../../stubs/obsidian';
import type { ElementStatus } from '../../../src/core/lessonCheck';
import { frontmatterText } from '../../../src/core/generators/subjects';
import { parseNote } from '../../../src/core/notes/parseNote';
import type { GeneratorModal } from '../../../src/plugin/generators/generatorModal';
import { en } from '../../../src/plugin/i18n/en';
import { nl } from '../../../src/plugin/i18n/nl';
import { exampleNotes, until } from '../helpers/exampleVault';
import { unloadAll } from '../helpers/pluginHost';
import { create, el, generatedNotes, openedModal, row } from '../generators/generatorHost';
import { coreReport, openNote, openSidebar, panelOf, PLAN, readyHost, rowsOf, untilMessage, untilReport } from './checkHost';

const notes = exampleNotes();

beforeEach(() => {
  setStubLanguage('nl');
  Notice.reset();
});
afterEach(() => unloadAll());

/** The host with the plan open and its check shown in the sidebar. */
async function checkedPlan(): Promise<{ app: App; view: Awaited<ReturnType<typeof openSidebar>> }> {
  const app = await readyHost(notes);
  await openNote(app, PLAN);
  const view = await openSidebar(app);
  await untilReport(view);
  return { app, view };
}

/** Titles of the core report's elements with one of `statuses`. */
async function titlesWith(...statuses: ElementStatus[]): Promise<string[]> {
  const report = await coreReport(notes, PLAN);
  return report.elements.filter((e) => statuses.includes(e.status)).map((e) => e.title);
}

/** The titles of the elements the dialog has ticked, in the dialog's order. */
function ticked(modal: GeneratorModal): string[] {
  const titles = el(modal.contentEl).findAllByClass('visiewijzer-generator-element').map((r) => r.findByClass('setting-item-name')!.textContent);
  return titles.filter((title) => row(modal, title).control(ToggleComponent).getValue());
}

const textOf = (modal: GeneratorModal, name: string): string => row(modal, name).control(TextComponent).getValue();

describe('the "From this plan…" row in the sidebar', () => {
  it('offers lesson ideas, an observation form, reflection questions and indicators for a checked plan, and nothing without one', async () => {
    const { view } = await checkedPlan();
    const bar = panelOf(view).findByClass('visiewijzer-check-generate')!;
    expect(bar.findByClass('visiewijzer-check-generate-label')!.textContent).toBe(nl['check.generate.heading']);
    const buttons = bar.findAllByClass('visiewijzer-check-generate-button');
    expect(buttons.map((b) => b.textContent)).toEqual([
      nl['check.generate.lesideeen'], nl['check.generate.kijkwijzer'], nl['check.generate.reflectie'], nl['check.generate.indicators'],
    ]);
    expect(buttons.every((b) => b.findByClass('svg-icon') !== null)).toBe(true);

    // Only the elements the plan does not fully show get their own "Lesson ideas" button.
    const expected = await coreReport(notes, PLAN);
    expect(rowsOf(view).map((r) => r.findByClass('visiewijzer-check-element-ideas') !== null)).toEqual(expected.elements.map((e) => e.status !== 'strong'));
    expect(expected.elements.some((e) => e.status === 'strong')).toBe(true);

    const empty = await openSidebar(await readyHost(notes));
    await untilMessage(empty, nl['check.empty.noNote']);
    expect(panelOf(empty).findByClass('visiewijzer-check-generate')).toBeNull();
  });

  it('lesson ideas: opens the dialog with the partial and absent elements ticked and subject and group from the plan', async () => {
    const { app, view } = await checkedPlan();
    panelOf(view).findAllByClass('visiewijzer-check-generate-button')[0]!.click();
    const modal = await openedModal(app);
    expect(el(modal.titleEl).textContent).toBe(nl['generator.title.lesideeen']);
    expect(el(modal.contentEl).textContent).toContain(nl['generator.plan'].replace('{name}', PLAN.replace(/^.*\//, '').replace(/\.md$/, '')));

    const wanted = await titlesWith('partial', 'absent');
    expect(wanted.length).toBeGreaterThan(0);
    expect(ticked(modal)).toEqual(wanted);
    const frontmatter = parseNote(PLAN, notes.get(PLAN)!).frontmatter;
    expect(textOf(modal, nl['generator.subject.name'])).toBe(frontmatterText(frontmatter['vak']));
    expect(textOf(modal, nl['generator.group.name'])).toBe(frontmatterText(frontmatter['groep']));
    expect(textOf(modal, nl['generator.subject.name'])).not.toBe('');

    // Create works from here as from the command: a new note under Visiewijzer/.
    const outcome = await create(modal);
    expect(generatedNotes(app)).toContain((outcome as { path: string }).path);
    await until(() => app.openModals.length === 0);
  });

  it('observation form and reflection questions start from what the plan shows (strong and partial); indicators from what it lacks', async () => {
    const { app, view } = await checkedPlan();
    const strongOrPartial = await titlesWith('strong', 'partial');
    const partialOrAbsent = await titlesWith('partial', 'absent');
    const cases: [kind: string, title: string, want: string[]][] = [
      ['kijkwijzer', nl['generator.title.form'], strongOrPartial],
      ['reflectie', nl['generator.title.reflectie'], strongOrPartial],
      ['indicators', nl['generator.title.indicators'], partialOrAbsent],
    ];
    for (const [kind, title, want] of cases) {
      panelOf(view).findAllByClass('visiewijzer-check-generate-button').find((b) => b.getAttr('data-kind') === kind)!.click();
      const modal = await openedModal(app);
      expect(el(modal.titleEl).textContent).toBe(title);
      expect(ticked(modal)).toEqual(want);
      expect(textOf(modal, nl['generator.group.name'])).toBe(frontmatterText(parseNote(PLAN, notes.get(PLAN)!).frontmatter['groep']));
      modal.close();
    }
    expect(strongOrPartial).not.toEqual(partialOrAbsent);
  });

  it('an element’s own "Lesson ideas" button ticks just that element', async () => {
    const { app, view } = await checkedPlan();
    const expected = await coreReport(notes, PLAN);
    const index = expected.elements.findIndex((e) => e.status === 'absent');
    expect(index).toBeGreaterThanOrEqual(0);
    const button = rowsOf(view)[index]!.findByClass('visiewijzer-check-element-ideas')!;
    expect(button.getAttr('title')).toBe(nl['check.generate.elementTitle'].replace('{element}', expected.elements[index]!.title));
    button.click();
    const modal = await openedModal(app);
    expect(el(modal.titleEl).textContent).toBe(nl['generator.title.lesideeen']);
    expect(ticked(modal)).toEqual([expected.elements[index]!.title]);
    modal.close();
  });

  it('speaks English when Obsidian does', async () => {
    setStubLanguage('en');
    const { view } = await checkedPlan();
    const bar = panelOf(view).findByClass('visiewijzer-check-generate')!;
    expect(bar.findByClass('visiewijzer-check-generate-label')!.textContent).toBe(en['check.generate.heading']);
    expect(bar.findAllByClass('visiewijzer-check-generate-button').map((b) => b.textContent)).toEqual([
      en['check.generate.lesideeen'], en['check.generate.kijkwijzer'], en['check.generate.reflectie'], en['check.generate.indicators'],
    ]);
  });
});
