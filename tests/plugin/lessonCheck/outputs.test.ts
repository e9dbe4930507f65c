/**
 * Keeping a check: the callout goes at the very end of the plan through its editor (one undoable change,
 * the plan's own text byte for byte as it was), and the report note is always a new note beside the plan.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../../src/plugin/embedding/spawnEmbeddingWorker', () => ({ spawnEmbeddingWorker: vi.fn() }));

import { Notice, setStubLanguage } from '../../stubs/obsidian';
import { citation } from '../../../src/core/retrieval/citation';
import { frontmatterOf } from '../../../src/core/privacy/rosterLoader';
import { nl } from '../../../src/plugin/i18n/nl';
import { exampleNotes, until } from '../helpers/exampleVault';
import { unloadAll } from '../helpers/pluginHost';
import { coreReport, openNote, openSidebar, PLAN, readyHost, rowsOf, untilReport } from './checkHost';

const notes = exampleNotes();
const REPORT = 'Lessen/Groep 8 Burgerschap - Een voorstel voor het schoolplein - visiecheck';

beforeEach(() => {
  setStubLanguage('nl');
  Notice.reset();
});
afterEach(() => unloadAll());

describe('Insert the vision check as a callout', () => {
  it('appends one callout at the end through the editor, leaves the rest byte-identical, and can be undone', async () => {
    const app = await readyHost(notes);
    const { editor } = await openNote(app, PLAN);
    const original = editor.getValue();
    const expected = await coreReport(notes, PLAN);

    expect(app.runCommand('visiewijzer:insert-check-callout')).toBe(true);
    await until(() => editor.changes.length === 1);
    const [change] = editor.changes;
    const end = { line: original.split('\n').length - 1, ch: original.split('\n').at(-1)!.length };
    expect(change).toMatchObject({ from: end, to: end, removed: '' });

    const text = editor.getValue();
    expect(text.startsWith(original)).toBe(true);
    const added = text.slice(original.length);
    expect(added.startsWith(original.endsWith('\n') ? '\n> [!visiewijzer] Visiecheck\n' : '\n\n> [!visiewijzer] Visiecheck\n')).toBe(true);
    const lines = added.trim().split('\n');
    expect(lines.every((line) => line.startsWith('>'))).toBe(true);
    expect(lines.filter((line) => /^> - [✓◐○] (sterk|deels|afwezig) \*\*/.test(line))).toHaveLength(8);
    for (const e of expected.elements) expect(added).toContain(`**${e.title}**`);
    for (const e of expected.elements) expect(added).toContain(citation(e.path, e.heading));
    await until(() => app.vault.adapter.text(PLAN) === text);
    expect(Notice.texts()).toContain(nl['check.calloutInserted'].replace('{name}', 'Groep 8 Burgerschap - Een voorstel voor het schoolplein'));

    editor.undo();
    expect(editor.getValue()).toBe(original);
  });

  it('does not count its own callout as lesson text in the next check', async () => {
    const app = await readyHost(notes);
    const { editor } = await openNote(app, PLAN);
    const view = await openSidebar(app);
    await untilReport(view);
    const before = rowsOf(view).map((row) => [row.findByClass('visiewijzer-check-word')!.textContent, row.findByClass('visiewijzer-check-score')!.textContent]);

    app.runCommand('visiewijzer:insert-check-callout');
    await until(() => editor.changes.length === 1);
    await view.refresh();
    await untilReport(view);
    const after = rowsOf(view).map((row) => [row.findByClass('visiewijzer-check-word')!.textContent, row.findByClass('visiewijzer-check-score')!.textContent]);
    expect(after).toEqual(before);
  });

  it('is not offered without a note, and asks for the editor when the note is not open in one', async () => {
    const app = await readyHost(notes);
    expect(app.runCommand('visiewijzer:insert-check-callout')).toBe(false);
    expect(app.runCommand('visiewijzer:write-check-report')).toBe(false);

    await openNote(app, PLAN);
    const view = await openSidebar(app);
    await untilReport(view);
    for (const leaf of app.workspace.getLeavesOfType('markdown')) leaf.detach();
    expect(app.runCommand('visiewijzer:insert-check-callout')).toBe(true);
    await until(() => Notice.texts().includes(nl['check.noEditor'].replace('{name}', 'Groep 8 Burgerschap - Een voorstel voor het schoolplein')));
    expect(app.vault.adapter.text(PLAN)).toBe(notes.get(PLAN));
  });
});

describe('Write the vision check to a report note', () => {
  it('writes a new note beside the plan that links the plan and every vision passage, never over an existing one', async () => {
    const existing = 'Een eigen notitie met deze naam.\n';
    const app = await readyHost(new Map([...notes, [`${REPORT}.md`, existing]]));
    await openNote(app, PLAN);
    const expected = await coreReport(notes, PLAN);

    expect(app.runCommand('visiewijzer:write-check-report')).toBe(true);
    await until(() => app.vault.adapter.text(`${REPORT} 2.md`) !== undefined);
    // The new note opens in a tab of its own; back to the plan for the second report.
    expect(app.workspace.getActiveFile()?.path).toBe(`${REPORT} 2.md`);
    await openNote(app, PLAN);
    expect(app.runCommand('visiewijzer:write-check-report')).toBe(true);
    await until(() => app.vault.adapter.text(`${REPORT} 3.md`) !== undefined);
    expect(app.vault.adapter.text(`${REPORT}.md`)).toBe(existing);

    const note = app.vault.adapter.text(`${REPORT} 2.md`)!;
    expect(frontmatterOf(note)).toMatchObject({ visiecheck: citation(PLAN, null), mode: 'extractive' });
    expect(frontmatterOf(note)['ai']).toBeUndefined();
    expect(note).toContain(`Lesplan: ${citation(PLAN, null)}`);
    for (const e of expected.elements) {
      expect(note).toContain(citation(e.path, e.heading));
      for (const v of e.evidence) expect(note).toContain(citation(v.visionPath, v.visionHeading));
    }
    expect(app.vault.adapter.text(PLAN)).toBe(notes.get(PLAN));
    expect(Notice.texts()).toContain(nl['check.reportWritten'].replace('{path}', `${REPORT} 2.md`));
  });

  it('works from the sidebar buttons too, for the note the sidebar shows', async () => {
    const app = await readyHost(notes);
    await openNote(app, PLAN);
    const view = await openSidebar(app);
    await untilReport(view);
    const buttons = (view.contentEl as unknown as import('../../stubs/obsidian').StubElement).findAllByClass('visiewijzer-check-action');
    expect(buttons.map((b) => b.textContent)).toEqual([nl['check.action.callout'], nl['check.action.report']]);
    buttons[1]!.click();
    await until(() => app.vault.adapter.text(`${REPORT}.md`) !== undefined);
  });
});
