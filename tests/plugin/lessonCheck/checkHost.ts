/**
 * Shared set-up for the lesson-check tests: the plugin in the stub host with the example vault, a note
 * opened in an editor, the "Visiecheck" sidebar, and the report the core gives for the same note (so
 * the tests compare the sidebar with the analysis, not with numbers written down here).
 *
 * Test files importing this must `vi.mock` `src/plugin/embedding/spawnEmbeddingWorker` (see pluginHost.ts).
 */
import { LessonChecker, loadLessonCheckVault, type LessonCheckReport } from '../../../src/core/lessonCheck';
import { parseNote } from '../../../src/core/notes/parseNote';
import { LESSON_CHECK_VIEW, type LessonCheckView } from '../../../src/plugin/lessonCheck/lessonCheckView';
import { MarkdownView, type App, type StubElement } from '../../stubs/obsidian';
import { MemoryNoteSource } from '../../helpers/memoryNoteSource';
import { until } from '../helpers/exampleVault';
import { loadPlugin, statusBarText } from '../helpers/pluginHost';

export const PLAN = 'Lessen/Groep 8 Burgerschap - Een voorstel voor het schoolplein.md';

/** The plugin loaded with `notes` (and `data.json`), the layout ready and the index built. */
export async function readyHost(notes: Map<string, string>, data?: unknown): Promise<App> {
  const { app } = await loadPlugin({ notes, ...(data !== undefined ? { data } : {}) });
  app.workspace.finishLayout();
  await until(() => /^Visiewijzer: (klaar|ready)/.test(statusBarText(app)));
  return app;
}

/** Opens `path` in the main area's editor and returns that editor's view. */
export async function openNote(app: App, path: string): Promise<MarkdownView> {
  const file = app.vault.getFileByPath(path);
  if (!file) throw new Error(`no note ${path}`);
  const leaf = app.workspace.getLeaf(false);
  await leaf.openFile(file);
  if (!(leaf.view instanceof MarkdownView)) throw new Error('not a Markdown view');
  return leaf.view;
}

/** Runs "Check this note against the vision" and returns the sidebar. */
export async function openSidebar(app: App): Promise<LessonCheckView> {
  app.runCommand('visiewijzer:check-note');
  await until(() => app.workspace.getLeavesOfType(LESSON_CHECK_VIEW).length > 0);
  return app.workspace.getLeavesOfType(LESSON_CHECK_VIEW)[0]!.view as unknown as LessonCheckView;
}

/** The sidebar's content element. */
export function panelOf(view: LessonCheckView): StubElement {
  return view.contentEl as unknown as StubElement;
}

/** The element rows the sidebar shows. */
export function rowsOf(view: LessonCheckView): StubElement[] {
  return panelOf(view).findAllByClass('visiewijzer-check-element');
}

/** The empty-state text, or null when a report is shown. */
export function messageOf(view: LessonCheckView): string | null {
  return panelOf(view).findByClass('visiewijzer-check-empty')?.textContent ?? null;
}

/** Waits until the sidebar shows a report for the note `path` (and is not checking anymore). */
export async function untilReport(view: LessonCheckView, path = PLAN): Promise<void> {
  const name = path.split('/').pop()!.replace(/\.md$/, '');
  await until(() => {
    const panel = panelOf(view);
    return rowsOf(view).length > 0 && panel.findByClass('visiewijzer-check-note')?.textContent === name && panel.findByClass('visiewijzer-check-busy') === null;
  });
}

/** Waits until the sidebar shows exactly `text` as its message. */
export async function untilMessage(view: LessonCheckView, text: string): Promise<void> {
  await until(() => messageOf(view) === text);
}

/** The core's keyword-only report for `path` in a vault of `notes` (what the sidebar should show). */
export async function coreReport(notes: Map<string, string>, path: string, text = notes.get(path)!): Promise<LessonCheckReport> {
  const vault = await loadLessonCheckVault(new MemoryNoteSource(Object.fromEntries(notes)));
  const checker = await LessonChecker.prepare(vault, null);
  return checker.check(parseNote(path, text), { lang: 'nl' });
}
