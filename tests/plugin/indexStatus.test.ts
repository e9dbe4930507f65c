/** The status bar item and its menu, the indexing commands, and the run control's yielding. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Menu, StubElement, stubEvent } from '../stubs/obsidian';
import { setLanguage } from '../../src/plugin/i18n/i18n';
import { statusText, type IndexStatus } from '../../src/plugin/indexing/indexStatus';
import { IndexStatusBar, type IndexActions } from '../../src/plugin/indexing/indexStatusBar';
import { registerIndexCommands } from '../../src/plugin/indexing/indexCommands';
import { makeRunControl, PauseGate } from '../../src/plugin/indexing/runControl';

function actions(status: IndexStatus, paused = false): IndexActions & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    status,
    paused,
    pause: () => void calls.push('pause'),
    resume: () => void calls.push('resume'),
    cancel: () => void calls.push('cancel'),
    update: async () => void calls.push('update'),
    rebuild: async () => void calls.push('rebuild'),
  };
}

const indexing: IndexStatus = { kind: 'indexing', phase: 'reading', done: 12, total: 40, paused: false };

beforeEach(() => setLanguage('nl'));

describe('statusText', () => {
  it('shows progress as n/N and the mode when ready', () => {
    expect(statusText(indexing)).toBe('Visiewijzer: 12/40');
    expect(statusText({ ...indexing, phase: 'embedding', done: 64, total: 300 })).toBe('Visiewijzer: 64/300 passages');
    expect(statusText({ ...indexing, paused: true })).toBe('Visiewijzer: gepauzeerd (12/40)');
    expect(statusText({ kind: 'ready', mode: 'keyword-only', notes: 3, chunks: 9 })).toBe('Visiewijzer: klaar (alleen trefwoorden)');
    expect(statusText({ kind: 'ready', mode: 'hybrid', notes: 3, chunks: 9 })).toBe('Visiewijzer: klaar');
    setLanguage('en');
    expect(statusText({ kind: 'stopped' })).toBe('Visiewijzer: stopped');
  });
});

describe('IndexStatusBar', () => {
  it('opens a menu on click that pauses or stops a running update', () => {
    const el = new StubElement();
    const running = actions(indexing);
    const bar = new IndexStatusBar(el as unknown as HTMLElement, running, () => undefined);
    el.addEventListener('click', (event) => bar.showMenu(event as unknown as MouseEvent));
    expect(el.textContent).toBe('Visiewijzer: 12/40');

    el.dispatch(stubEvent('click'));
    const menu = Menu.lastShown!;
    expect(menu.items.map((i) => i.title)).toEqual(['Pauzeren', 'Stoppen', 'Opnieuw opbouwen', 'Zoeken in visie en beleid…']);
    menu.item('Pauzeren').simulateClick();
    menu.item('Stoppen').simulateClick();
    expect(running.calls).toEqual(['pause', 'cancel']);
  });

  it('offers resume while paused, and update instead of pause/stop when idle', () => {
    const paused = actions({ ...indexing, paused: true }, true);
    const pausedMenu = new IndexStatusBar(new StubElement() as unknown as HTMLElement, paused, () => undefined).buildMenu() as unknown as Menu;
    pausedMenu.items[0]!.simulateClick();
    expect(paused.calls).toEqual(['resume']);

    const ready = actions({ kind: 'ready', mode: 'hybrid', notes: 1, chunks: 1 });
    const search = vi.fn();
    const menu = new IndexStatusBar(new StubElement() as unknown as HTMLElement, ready, search).buildMenu() as unknown as Menu;
    expect(menu.items.map((i) => i.title)).toEqual(['Nu bijwerken', 'Opnieuw opbouwen', 'Zoeken in visie en beleid…']);
    menu.item('Nu bijwerken').simulateClick();
    menu.item('Zoeken in visie en beleid…').simulateClick();
    expect(ready.calls).toEqual(['update']);
    expect(search).toHaveBeenCalledOnce();
  });
});

describe('indexing commands', () => {
  it('offers pause and stop only while indexing', () => {
    const commands = new Map<string, { checkCallback?: (checking: boolean) => boolean | void; callback?: () => unknown }>();
    const idle = actions({ kind: 'ready', mode: 'hybrid', notes: 1, chunks: 1 });
    registerIndexCommands({ addCommand: (c) => (commands.set(c.id, c), c) }, idle);
    expect(commands.get('pause-indexing')!.checkCallback!(true)).toBe(false);
    expect(commands.get('cancel-indexing')!.checkCallback!(true)).toBe(false);
    commands.get('update-index')!.callback!();
    expect(idle.calls).toEqual(['update']);

    const busy = actions(indexing);
    registerIndexCommands({ addCommand: (c) => (commands.set(c.id, c), c) }, busy);
    expect(commands.get('pause-indexing')!.checkCallback!(false)).toBe(true);
    expect(commands.get('cancel-indexing')!.checkCallback!(false)).toBe(true);
    expect(busy.calls).toEqual(['pause', 'cancel']);
  });
});

describe('makeRunControl', () => {
  it('yields to the app after every 10 ms of work, not at every checkpoint', async () => {
    let clock = 0;
    const yields: number[] = [];
    const control = makeRunControl({
      signal: new AbortController().signal,
      gate: new PauseGate(),
      yieldToApp: async () => void yields.push(clock),
      onProgress: () => undefined,
      now: () => clock,
    });
    for (let note = 0; note < 10; note++) {
      clock += 4; // each note takes 4 ms of main-thread work
      await control.waitIfPaused!();
    }
    expect(yields).toEqual([12, 24, 36]);
  });

  it('waits while paused and lets go on resume or abort', async () => {
    const gate = new PauseGate();
    const abort = new AbortController();
    const control = makeRunControl({ signal: abort.signal, gate, yieldToApp: async () => undefined, onProgress: () => undefined });
    gate.pause();
    let passed = false;
    const waiting = control.waitIfPaused!().then(() => (passed = true));
    await Promise.resolve();
    expect(passed).toBe(false);
    gate.resume();
    await waiting;
    expect(passed).toBe(true);

    gate.pause();
    const second = control.waitIfPaused!();
    abort.abort();
    await second;
    expect(gate.paused).toBe(true);
  });
});
