/**
 * The plugin in the stub host: `onload` only registers, indexing starts after the layout is ready,
 * vault changes lead to one debounced incremental update, and unloading leaves nothing running.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../src/plugin/embedding/spawnEmbeddingWorker', () => ({ spawnEmbeddingWorker: vi.fn() }));
vi.mock('../../src/plugin/embedding/ortWebVersion', () => ({ ORT_WEB_VERSION: '1.0.0-test' }));

import type { App as ObsidianApp } from 'obsidian';
import { App, Notice, setStubLanguage } from '../stubs/obsidian';
import VisiewijzerPlugin from '../../src/plugin/main';
import { spawnEmbeddingWorker } from '../../src/plugin/embedding/spawnEmbeddingWorker';
import { DEFAULT_MODEL_ID } from '../../src/plugin/settings/settings';
import { nl } from '../../src/plugin/i18n/nl';
import { decodeStateFile, STATE_FILE } from '../../src/core/index/stateFile';
import { fakeSpawner } from './helpers/fakeWorker';
import { addNotes, exampleNotes, until } from './helpers/exampleVault';
import { INDEX_DIR, loadPlugin, MANIFEST, placeModelFiles, statusBarText, unloadAll, type Host } from './helpers/pluginHost';

const notes = exampleNotes();
const KERNWAARDEN = 'Visie/Kernwaarden.md';

async function indexedHost(options: Parameters<typeof loadPlugin>[0] = {}): Promise<Host> {
  const host = await loadPlugin({ notes, ...options });
  host.app.workspace.finishLayout();
  await until(() => statusBarText(host.app).startsWith('Visiewijzer: klaar'));
  return host;
}

beforeEach(() => {
  setStubLanguage('nl');
  Notice.reset();
  vi.mocked(spawnEmbeddingWorker).mockReset();
});

afterEach(() => {
  unloadAll();
  vi.useRealTimers();
});

describe('loading the plugin', () => {
  it('only registers in onload: commands, status bar, settings tab; no reads, writes or vault listeners', async () => {
    const { app } = await loadPlugin({ notes });

    expect([...app.commands.keys()].sort()).toEqual(
      ['ask-vision', 'cancel-indexing', 'check-note', 'clear-ai-log', 'create-observation-form', 'create-reflection-questions', 'generate-indicators', 'generate-lesson-ideas', 'insert-check-callout', 'open-ai-log', 'pause-indexing', 'rebuild-index', 'refresh-practice-overview', 'related-practices', 'save-good-practice', 'search-vision', 'show-vision-in-subject', 'split-good-practices', 'update-index', 'write-check-report'].map((id) => `visiewijzer:${id}`),
    );
    for (const command of app.commands.values()) {
      expect(command.hotkeys).toBeUndefined();
      expect(command.id.slice('visiewijzer:'.length)).not.toContain('visiewijzer');
      expect(command.name).not.toMatch(/visiewijzer/i);
    }
    expect(app.settingTabs).toHaveLength(1);
    expect(statusBarText(app)).toBe('Visiewijzer');
    expect(app.vault.readLog).toEqual([]);
    expect(app.vault.adapter.log).toEqual([]);
    expect(app.vault.handlerCount('modify')).toBe(0);
    expect(spawnEmbeddingWorker).not.toHaveBeenCalled();
    expect(Notice.shown).toEqual([]);
  });

  it('keeps onload cheap: 20 loads in the stub host, each without any I/O (p50 printed)', async () => {
    const times: number[] = [];
    for (let run = 0; run < 20; run++) {
      const app = new App();
      addNotes(app.vault, notes);
      const plugin = new VisiewijzerPlugin(app as unknown as ObsidianApp, MANIFEST);
      const started = performance.now();
      await (plugin as unknown as { load(): Promise<void> }).load();
      times.push(performance.now() - started);
      expect(app.vault.readLog).toEqual([]);
      expect(app.vault.adapter.log).toEqual([]);
      plugin.unload();
    }
    times.sort((a, b) => a - b);
    const p50 = (times[9]! + times[10]!) / 2;
    console.log(`onload in the stub host over 20 runs: p50 ${p50.toFixed(3)} ms, max ${times[19]!.toFixed(3)} ms`);
    expect(times).toHaveLength(20);
  });
});

describe('after the layout is ready', () => {
  it('indexes the example vault keyword-only when no model is present, and says so', async () => {
    const { app } = await indexedHost();

    expect(statusBarText(app)).toBe('Visiewijzer: klaar (alleen trefwoorden)');
    expect(Notice.texts()).toContain(nl['notice.notDownloaded']);
    expect(new Set(app.vault.readLog)).toEqual(new Set(notes.keys()));
    expect(app.vault.adapter.files.has(`${INDEX_DIR}/${STATE_FILE}`)).toBe(true);
    expect(app.vault.adapter.files.has(`${INDEX_DIR}/keyword.base`)).toBe(true);
    expect(spawnEmbeddingWorker).not.toHaveBeenCalled();
  });

  it('runs one debounced incremental update after edits, reading only the edited note', async () => {
    const { app } = await indexedHost();
    const { vault } = app;
    vault.readLog.length = 0;
    const logStart = vault.adapter.log.length;
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });

    const file = vault.getFileByPath(KERNWAARDEN)!;
    const text = notes.get(KERNWAARDEN)!;
    await vault.modify(file, `${text}\n\nEen alinea over de regenboogvergadering.\n`);
    await vi.advanceTimersByTimeAsync(500);
    await vault.modify(file, `${text}\n\nEen alinea over de regenboogvergadering en de kinderraad.\n`);
    await vi.advanceTimersByTimeAsync(1999);
    expect(vault.readLog).toEqual([]);

    await vi.advanceTimersByTimeAsync(1);
    await vi.runAllTimersAsync();
    expect(vault.readLog).toEqual([KERNWAARDEN]);
    const stateWrites = vault.adapter.log.slice(logStart).filter((entry) => entry === `writeBinary ${INDEX_DIR}/${STATE_FILE}.tmp`);
    expect(stateWrites).toHaveLength(1);
    expect(statusBarText(app)).toBe('Visiewijzer: klaar (alleen trefwoorden)');
  });

  it('indexes deletes and renames too', async () => {
    const { app } = await indexedHost();
    const { vault } = app;
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await vault.rename(vault.getFileByPath(KERNWAARDEN)!, 'Visie/Onze kernwaarden.md');
    await app.fileManager.trashFile(vault.getFileByPath('Welkom.md')!);
    await vi.advanceTimersByTimeAsync(2000);
    await vi.runAllTimersAsync();

    const state = decodeStateFile(vault.adapter.files.get(`${INDEX_DIR}/${STATE_FILE}`) as Uint8Array);
    expect([...state.notes.keys()]).toContain('Visie/Onze kernwaarden.md');
    expect([...state.notes.keys()]).not.toContain(KERNWAARDEN);
    expect([...state.notes.keys()]).not.toContain('Welkom.md');
  });

  it('uses the model through the worker when it is present (hybrid), and terminates the worker on unload', async () => {
    const spawner = fakeSpawner();
    vi.mocked(spawnEmbeddingWorker).mockImplementation(spawner.spawn);
    const { app, plugin } = await indexedHost({ before: (a) => placeModelFiles(a.vault, DEFAULT_MODEL_ID, '1.0.0-test') });

    expect(statusBarText(app)).toBe('Visiewijzer: klaar');
    expect(spawner.workers).toHaveLength(1);
    const worker = spawner.workers[0]!;
    expect(worker.received).toContain('embed');
    expect(Notice.texts().filter((text) => text.includes('trefwoorden'))).toEqual([]);

    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await app.vault.modify(app.vault.getFileByPath(KERNWAARDEN)!, 'Nieuwe tekst.');
    expect(vi.getTimerCount()).toBeGreaterThan(0);
    plugin.unload();

    expect(vi.getTimerCount()).toBe(0);
    expect(worker.terminated).toBe(true);
    expect(spawner.released).toBe(1);
    for (const event of ['create', 'modify', 'delete', 'rename']) expect(app.vault.handlerCount(event)).toBe(0);
    expect(app.commands.size).toBe(0);
    expect(app.statusBarEl.children).toEqual([]);
    expect(app.settingTabs).toEqual([]);
  });

  it('falls back to keyword-only with a notice when the model cannot start', async () => {
    const spawner = fakeSpawner((worker) => (worker.failInit = 'wasm kon niet laden'));
    vi.mocked(spawnEmbeddingWorker).mockImplementation(spawner.spawn);
    const { app } = await indexedHost({ before: (a) => placeModelFiles(a.vault, DEFAULT_MODEL_ID, '1.0.0-test') });

    expect(statusBarText(app)).toBe('Visiewijzer: klaar (alleen trefwoorden)');
    expect(Notice.texts().some((text) => text.startsWith('Het taalmodel kon niet starten (') && text.includes('wasm kon niet laden'))).toBe(true);
    expect(spawner.workers.every((w) => w.terminated)).toBe(true);
  });

  it('names the missing files when the model folder is incomplete', async () => {
    const { app } = await indexedHost({
      before: async (a) => {
        await placeModelFiles(a.vault, DEFAULT_MODEL_ID, '1.0.0-test');
        a.vault.adapter.files.delete(`${MANIFEST.dir}/models/${DEFAULT_MODEL_ID}/onnx/model_quantized.onnx`);
      },
    });
    expect(statusBarText(app)).toBe('Visiewijzer: klaar (alleen trefwoorden)');
    expect(Notice.texts().some((text) => text.includes('onnx/model_quantized.onnx') && text.includes('ontbreken 1 bestand'))).toBe(true);
  });
});
