/**
 * Checking again while the user types: one check a second after the typing stops (fake timers, no
 * sleeps), the result follows the new text, and an older check that finishes late is never shown.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../../src/plugin/embedding/spawnEmbeddingWorker', () => ({ spawnEmbeddingWorker: vi.fn() }));

import { Notice, setStubLanguage } from '../../stubs/obsidian';
import { LessonChecker } from '../../../src/core/lessonCheck';
import { lineList } from '../../../src/core/lessonCheck/renderWords';
import type { LessonCheckView } from '../../../src/plugin/lessonCheck/lessonCheckView';
import { RECHECK_DELAY_MS } from '../../../src/plugin/lessonCheck/lessonCheckView';
import { exampleNotes } from '../helpers/exampleVault';
import { unloadAll } from '../helpers/pluginHost';
import { coreReport, openNote, openSidebar, PLAN, readyHost, rowsOf, untilReport } from './checkHost';

const notes = exampleNotes();

beforeEach(() => {
  setStubLanguage('nl');
  Notice.reset();
});
afterEach(() => {
  unloadAll();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

/** Per row, the evidence lines the sidebar shows ("regel 9", …). */
function shownLines(view: LessonCheckView): string[][] {
  return rowsOf(view).map((row) => row.findAllByClass('visiewijzer-check-where').map((w) => w.textContent));
}

async function expectedLines(text: string): Promise<string[][]> {
  const report = await coreReport(notes, PLAN, text);
  return report.elements.map((e) => e.evidence.map((v) => lineList([v], 'nl')));
}

/** Lets promise chains run (with fake timers `until` cannot be used: it waits on a timer itself). */
async function settle(done: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !done(); i++) await vi.advanceTimersByTimeAsync(0);
  expect(done()).toBe(true);
}

/** Two new lines after the title: every evidence line moves down by two. */
const INSERT_AT = { line: 7, ch: 0 };
const NEW_LINES = 'We beginnen met een kringgesprek over het plein.\n\n';

/** `text` with NEW_LINES inserted at INSERT_AT, as the editor does. */
function inserted(text: string): string {
  const lines = text.split('\n');
  return [...lines.slice(0, INSERT_AT.line), `${NEW_LINES}${lines[INSERT_AT.line]}`, ...lines.slice(INSERT_AT.line + 1)].join('\n');
}

async function setUp(): Promise<{ view: LessonCheckView; editor: Awaited<ReturnType<typeof openNote>>['editor'] }> {
  const app = await readyHost(notes);
  const { editor } = await openNote(app, PLAN);
  const view = await openSidebar(app);
  await untilReport(view);
  return { view, editor };
}

describe('re-checking while typing', () => {
  it('checks once, a second after the last edit, and shows the check of the new text', async () => {
    const { view, editor } = await setUp();
    const before = shownLines(view);
    expect(before).toEqual(await expectedLines(notes.get(PLAN)!));
    const expected = await expectedLines(inserted(inserted(notes.get(PLAN)!)));
    expect(expected).not.toEqual(before);
    const check = vi.spyOn(LessonChecker.prototype, 'check');
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });

    editor.replaceRange(NEW_LINES, INSERT_AT);
    await vi.advanceTimersByTimeAsync(400);
    editor.replaceRange(NEW_LINES, INSERT_AT, INSERT_AT, '+input');
    await vi.advanceTimersByTimeAsync(RECHECK_DELAY_MS - 1);
    expect(check).not.toHaveBeenCalled();
    expect(shownLines(view)).toEqual(before);

    await vi.advanceTimersByTimeAsync(1);
    await settle(() => JSON.stringify(shownLines(view)) === JSON.stringify(expected));
    expect(check).toHaveBeenCalledTimes(1);
  });

  it('never shows a check that finishes after a newer one', async () => {
    const { view, editor } = await setUp();
    const once = inserted(notes.get(PLAN)!);
    const stale = await expectedLines(once);
    const latest = await expectedLines(inserted(once));
    expect(stale).not.toEqual(latest);
    const { check: original } = Object.getOwnPropertyDescriptors(LessonChecker.prototype);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let calls = 0;
    vi.spyOn(LessonChecker.prototype, 'check').mockImplementation(async function (this: LessonChecker, ...args) {
      // The first check (of the first edit) is slow; the second one is not.
      if (++calls === 1) await held;
      return original.value!.apply(this, args);
    });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });

    editor.replaceRange(NEW_LINES, INSERT_AT);
    await vi.advanceTimersByTimeAsync(RECHECK_DELAY_MS);
    expect(calls).toBe(1);
    editor.replaceRange(NEW_LINES, INSERT_AT);
    expect(editor.getValue()).toBe(inserted(once));
    await vi.advanceTimersByTimeAsync(RECHECK_DELAY_MS);
    await settle(() => calls === 2 && JSON.stringify(shownLines(view)) === JSON.stringify(latest));

    release();
    for (let i = 0; i < 50; i++) await vi.advanceTimersByTimeAsync(0);
    expect(shownLines(view)).toEqual(latest);
  });
});
