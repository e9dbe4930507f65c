/**
 * `IndexService.embedder`: the model the index uses now, which the lesson check shares instead of loading
 * a second one. It is the index's model while one works, and null keyword-only, after the model failed,
 * and after dispose; in the plugin the "Visiecheck" matches by meaning with that same (single) worker.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../src/plugin/embedding/spawnEmbeddingWorker', () => ({ spawnEmbeddingWorker: vi.fn() }));
vi.mock('../../src/plugin/embedding/ortWebVersion', () => ({ ORT_WEB_VERSION: '1.0.0-test' }));

import { Notice, Vault, setStubLanguage } from '../stubs/obsidian';
import type { Embedder } from '../../src/core/index/types';
import { spawnEmbeddingWorker } from '../../src/plugin/embedding/spawnEmbeddingWorker';
import { IndexService } from '../../src/plugin/indexing/indexService';
import { TimerSet } from '../../src/plugin/indexing/timerSet';
import { AdapterIndexStorage } from '../../src/plugin/vault/adapterIndexStorage';
import { VaultNoteSource, type NoteVault } from '../../src/plugin/vault/vaultNoteSource';
import { cloneSettings, DEFAULT_MODEL_ID, DEFAULT_SETTINGS } from '../../src/plugin/settings/settings';
import { FakeEmbedder } from '../helpers/fakeEmbedder';
import { fakeSpawner } from './helpers/fakeWorker';
import { addNotes, exampleNotes, until } from './helpers/exampleVault';
import { loadPlugin, placeModelFiles, statusBarText, unloadAll } from './helpers/pluginHost';
import { openNote, openSidebar, panelOf, PLAN, untilReport } from './lessonCheck/checkHost';

const notes = exampleNotes();

/** Fails every embed call after the first `okCalls`. */
class BreakingEmbedder extends FakeEmbedder {
  constructor(private okCalls: number) {
    super({ dim: 16 });
  }
  override async embed(texts: string[], kind: 'query' | 'passage'): Promise<Float32Array[]> {
    if (this.okCalls-- <= 0) throw new Error('worker crashed');
    return super.embed(texts, kind);
  }
}

function service(embedder: Embedder | null): IndexService {
  const vault = new Vault();
  addNotes(vault, notes);
  const settings = cloneSettings(DEFAULT_SETTINGS);
  return new IndexService({
    storage: new AdapterIndexStorage(vault.adapter, 'index'),
    source: new VaultNoteSource(vault as unknown as NoteVault),
    settings: () => settings,
    chooseEmbedder: async () => ({ embedder, notice: null }),
    timers: new TimerSet(),
    debounceMs: 5,
    sliceMs: 0,
  });
}

beforeEach(() => {
  setStubLanguage('nl');
  Notice.reset();
  vi.mocked(spawnEmbeddingWorker).mockReset();
});
afterEach(() => unloadAll());

describe('IndexService.embedder', () => {
  it('is the model the index uses, null before it opened and after dispose', async () => {
    const model = new FakeEmbedder({ dim: 16 });
    const index = service(model);
    expect(index.embedder).toBeNull();
    await index.start();
    expect(index.status).toMatchObject({ kind: 'ready', mode: 'hybrid' });
    const shared = index.embedder;
    expect(shared).not.toBeNull();
    // Embedding through it reaches the index's own model, with the same vectors.
    const before = model.textCount;
    const [vector] = await shared!.embed(['Leerlingen plannen zelf hun werk.'], 'query');
    expect(model.textCount).toBe(before + 1);
    expect([...vector!]).toEqual([...(await model.embed(['Leerlingen plannen zelf hun werk.'], 'query'))[0]!]);

    await index.dispose();
    expect(index.embedder).toBeNull();
    expect(model.disposed).toBe(true);
  });

  it('is null when the index runs keyword-only', async () => {
    const index = service(null);
    await index.start();
    expect(index.status).toMatchObject({ kind: 'ready', mode: 'keyword-only' });
    expect(index.embedder).toBeNull();
  });

  it('is null after the model failed and the index fell back to keyword-only', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const model = new BreakingEmbedder(1);
    const index = service(model);
    await index.start();
    expect(consoleError).toHaveBeenCalled();
    expect(index.status).toMatchObject({ kind: 'ready', mode: 'keyword-only' });
    expect(index.embedder).toBeNull();
    consoleError.mockRestore();
  });
});

describe('the lesson check shares the index’s model', () => {
  it('matches by meaning with the one worker the index started', async () => {
    const spawner = fakeSpawner();
    vi.mocked(spawnEmbeddingWorker).mockImplementation(spawner.spawn);
    const { app: withModel } = await loadPlugin({ notes, before: (a) => placeModelFiles(a.vault, DEFAULT_MODEL_ID, '1.0.0-test') });
    withModel.workspace.finishLayout();
    await until(() => statusBarText(withModel) === 'Visiewijzer: klaar');
    await openNote(withModel, PLAN);
    const view = await openSidebar(withModel);
    await untilReport(view);
    expect(panelOf(view).findByClass('visiewijzer-check-mode')!.textContent).toBe('extractief, op trefwoorden en betekenis');
    expect(spawner.workers).toHaveLength(1);
    expect(spawner.workers[0]!.terminated).toBe(false);
  });
});
