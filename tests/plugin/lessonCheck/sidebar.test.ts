/**
 * The "Visiecheck" sidebar in the stub host with the example vault: every vision element listed with its
 * status as mark and word, clicks that open the plan at the evidence's lines and the vision note at the
 * element's heading, and the empty states that say what to do.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../../src/plugin/embedding/spawnEmbeddingWorker', () => ({ spawnEmbeddingWorker: vi.fn() }));

import { MarkdownView, Notice, setStubLanguage } from '../../stubs/obsidian';
import { nl } from '../../../src/plugin/i18n/nl';
import { en } from '../../../src/plugin/i18n/en';
import { lineList } from '../../../src/core/lessonCheck/renderWords';
import { exampleNotes, until } from '../helpers/exampleVault';
import { loadPlugin, unloadAll } from '../helpers/pluginHost';
import { coreReport, messageOf, openNote, openSidebar, panelOf, PLAN, readyHost, rowsOf, untilMessage, untilReport } from './checkHost';

const notes = exampleNotes();
const WORD = { strong: 'sterk', partial: 'deels', absent: 'afwezig' } as const;
const MARK = { strong: '✓', partial: '◐', absent: '○' } as const;

beforeEach(() => {
  setStubLanguage('nl');
  Notice.reset();
});
afterEach(() => unloadAll());

describe('the sidebar on a lesson plan', () => {
  it('lists every vision element of the vault with its status as mark and word, as the analysis decided', async () => {
    const app = await readyHost(notes);
    await openNote(app, PLAN);
    const view = await openSidebar(app);
    await untilReport(view);
    const expected = await coreReport(notes, PLAN);

    expect(expected.elements).toHaveLength(8);
    const rows = rowsOf(view);
    expect(rows.map((row) => row.findByClass('visiewijzer-check-title')!.textContent)).toEqual(expected.elements.map((e) => e.title));
    rows.forEach((row, i) => {
      const { status, evidence } = expected.elements[i]!;
      expect(row.hasClass(`is-${status}`)).toBe(true);
      expect(row.findByClass('visiewijzer-check-mark')!.textContent).toBe(MARK[status]);
      expect(row.findByClass('visiewijzer-check-word')!.textContent).toBe(WORD[status]);
      expect(row.findByClass('visiewijzer-check-bar-fill')!.cssProp('--visiewijzer-score')).toBe(`${Math.round(expected.elements[i]!.score * 100)}%`);
      expect(row.findAllByClass('visiewijzer-check-lines').map((l) => l.findByClass('visiewijzer-check-where')!.textContent)).toEqual(evidence.map((e) => lineList([e], 'nl')));
    });
    expect(new Set(expected.elements.map((e) => e.status))).toEqual(new Set(['strong', 'partial', 'absent']));
    const panel = panelOf(view);
    expect(panel.findByClass('visiewijzer-check-note')!.textContent).toBe('Groep 8 Burgerschap - Een voorstel voor het schoolplein');
    expect(panel.findByClass('visiewijzer-check-mode')!.textContent).toBe('extractief, alleen op trefwoorden');
    // Keyword-only misses values shown in other words: the panel says so, and what "afwezig" then means.
    expect(panel.findAllByClass('visiewijzer-check-hint').map((h) => h.textContent)).toEqual([nl['check.keywordOnly']]);
    // Without a language model configured there is no button for it.
    expect(panel.findByClass('visiewijzer-check-model')).toBeNull();
    // The sidebar opened beside the editor: the plan keeps the focus.
    expect(app.workspace.getActiveFile()?.path).toBe(PLAN);
    expect(app.workspace.revealed).toHaveLength(1);
  });

  it('opens the plan at the evidence lines, selected in its editor, and the vision note at the element heading', async () => {
    const app = await readyHost(notes);
    const editor = await openNote(app, PLAN);
    const view = await openSidebar(app);
    await untilReport(view);
    const expected = await coreReport(notes, PLAN);
    const index = expected.elements.findIndex((e) => e.evidence.length > 0);
    const evidence = expected.elements[index]!.evidence[0]!;

    // The user first looks at something else; the sidebar stays on the plan.
    await openNote(app, 'Visie/Kernwaarden.md');
    await untilReport(view, 'Visie/Kernwaarden.md');
    await app.workspace.getLeaf(false).openFile(app.vault.getFileByPath(PLAN)!);
    await untilReport(view);
    rowsOf(view)[index]!.findByClass('visiewijzer-check-lines')!.click();
    await until(() => editor.editor.scrolledTo !== null);
    expect(editor.editor.selection.anchor).toEqual({ line: evidence.startLine - 1, ch: 0 });
    expect(editor.editor.selection.head.line).toBe(evidence.endLine - 1);
    expect(editor.editor.getRange(editor.editor.selection.anchor, editor.editor.selection.head).replace(/\s+/g, ' ')).toContain(evidence.text.slice(0, 30));
    expect(app.workspace.getActiveViewOfType(MarkdownView)?.file?.path).toBe(PLAN);

    const ownership = rowsOf(view).find((row) => row.findByClass('visiewijzer-check-title')!.textContent === 'Eigenaarschap')!;
    ownership.findByClass('visiewijzer-check-vision')!.findByClass('internal-link')!.click();
    await until(() => app.workspace.getActiveFile()?.path === 'Visie/Kernwaarden.md');
    expect(app.workspace.openedLinks.at(-1)!.linktext).toBe('Visie/Kernwaarden#Eigenaarschap');
    expect(app.workspace.activeLeaf!.openState?.eState).toEqual({ subpath: '#Eigenaarschap' });
  });

  it('opens the plan when no editor shows it any more, at the evidence line', async () => {
    const app = await readyHost(notes);
    await openNote(app, PLAN);
    const view = await openSidebar(app);
    await untilReport(view);
    const expected = await coreReport(notes, PLAN);
    const index = expected.elements.findIndex((e) => e.evidence.length > 0);
    for (const leaf of app.workspace.getLeavesOfType('markdown')) leaf.detach();

    rowsOf(view)[index]!.findByClass('visiewijzer-check-lines')!.click();
    await until(() => app.workspace.getActiveViewOfType(MarkdownView)?.editor.scrolledTo != null);
    const leaf = app.workspace.activeLeaf!;
    expect(leaf.openedFile?.path).toBe(PLAN);
    expect(leaf.openState?.eState).toEqual({ line: expected.elements[index]!.evidence[0]!.startLine - 1 });
  });

  it('follows the note the user opens, and speaks English when Obsidian does', async () => {
    setStubLanguage('en');
    const app = await readyHost(notes);
    await openNote(app, PLAN);
    const view = await openSidebar(app);
    await untilReport(view);
    const other = 'Lessen/Groep 3 Gym - Vangen en gooien.md';
    await openNote(app, other);
    await untilReport(view, other);
    const expected = await coreReport(notes, other);
    expect(rowsOf(view).map((row) => row.findByClass('visiewijzer-check-word')!.textContent)).toEqual(expected.elements.map((e) => e.status));
    expect(panelOf(view).findByClass('visiewijzer-check-mode')!.textContent).toBe('extractive, by keywords only');
    expect(view.getDisplayText()).toBe(en['check.viewTitle']);
  });
});

describe('empty states that say what to do', () => {
  it('while the index is still opening, then the check once it is ready', async () => {
    const { app } = await loadPlugin({ notes });
    await openNote(app, PLAN);
    const view = await openSidebar(app);
    await untilMessage(view, nl['check.empty.waiting']);
    app.workspace.finishLayout();
    await untilReport(view);
    expect(rowsOf(view)).toHaveLength(8);
  });

  it('with no note open, and for a note that is not Markdown', async () => {
    const app = await readyHost(new Map([...notes, ['Bijlagen/Rooster.pdf', '%PDF']]));
    const view = await openSidebar(app);
    await untilMessage(view, nl['check.empty.noNote']);
    await app.workspace.getLeaf(false).openFile(app.vault.getFileByPath('Bijlagen/Rooster.pdf')!);
    await untilMessage(view, nl['check.empty.notMarkdown'].replace('{name}', 'Rooster.pdf'));
  });

  it('for an empty note, and checks it once something is written', async () => {
    const app = await readyHost(new Map([...notes, ['Lessen/Nieuwe les.md', '---\nvak: rekenen\n---\n# Nieuwe les\n']]));
    const editor = await openNote(app, 'Lessen/Nieuwe les.md');
    const view = await openSidebar(app);
    await untilMessage(view, nl['check.empty.emptyNote']);
    editor.editor.simulateTyping('\nDe leerlingen kiezen zelf de volgorde van de taken op het planbord.\n');
    await untilReport(view, 'Lessen/Nieuwe les.md');
    expect(rowsOf(view)).toHaveLength(8);
  });

  it('without vision notes: says how to mark one, and checks as soon as a note is marked', async () => {
    const school = new Map([
      [PLAN, notes.get(PLAN)!],
      ['Onze waarden.md', '# Onze waarden\n\n## Samen\n\nWe werken samen.\n\n- Leerlingen werken in groepjes met een vaste rol.\n'],
    ]);
    const app = await readyHost(school);
    await openNote(app, PLAN);
    const view = await openSidebar(app);
    await untilMessage(view, nl['check.empty.noVision'].replace('{folder}', 'Visie'));

    const values = app.vault.getFileByPath('Onze waarden.md')!;
    await app.vault.modify(values, `---\nvisiewijzer: visie\n---\n${school.get('Onze waarden.md')!}`);
    await untilReport(view);
    expect(rowsOf(view).map((row) => row.findByClass('visiewijzer-check-title')!.textContent)).toEqual(['Samen']);
  });

  it('for a report note, and a hint for a note that is not marked as a lesson plan', async () => {
    const app = await readyHost(new Map([...notes, ['Lessen/X - visiecheck.md', '---\nvisiecheck: "[[Lessen/X]]"\n---\n# Visiecheck: X\n\nTekst.\n']]));
    await openNote(app, 'Lessen/X - visiecheck.md');
    const view = await openSidebar(app);
    await untilMessage(view, nl['check.empty.reportNote']);

    await openNote(app, 'Over onze school.md');
    await untilReport(view, 'Over onze school.md');
    expect(panelOf(view).findByClass('visiewijzer-check-hint')!.textContent).toBe(nl['check.notLessonPlan'].replace('{folder}', 'Lessen'));
    expect(messageOf(view)).toBeNull();
  });
});
