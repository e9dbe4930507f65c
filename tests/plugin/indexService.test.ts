/**
 * The index service on its own (stub vault and adapter, fake embedders): pause, cancel, fallback to
 * keyword-only when the model fails, rebuild, settings changes and clean-up.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Notice, Vault, setStubLanguage } from '../stubs/obsidian';
import type { Embedder } from '../../src/core/index/types';
import type { NoteFile, NoteSource } from '../../src/core/notes/types';
import { IndexService } from '../../src/plugin/indexing/indexService';
import { TimerSet } from '../../src/plugin/indexing/timerSet';
import { AdapterIndexStorage } from '../../src/plugin/vault/adapterIndexStorage';
import { VaultNoteSource, type NoteVault } from '../../src/plugin/vault/vaultNoteSource';
import { cloneSettings, DEFAULT_SETTINGS, type VisiewijzerSettings } from '../../src/plugin/settings/settings';
import { nl } from '../../src/plugin/i18n/nl';
import { setLanguage } from '../../src/plugin/i18n/i18n';
import { FakeEmbedder } from '../helpers/fakeEmbedder';
import { addNotes, exampleNotes, until } from './helpers/exampleVault';
import { STATE_FILE } from '../../src/core/index/stateFile';

const notes = exampleNotes();

/** A note source that records reads and lets a test act in the middle of a run. */
class WatchedSource implements NoteSource {
  readonly reads: string[] = [];
  onRead: (count: number) => void = () => undefined;
  constructor(private readonly inner: NoteSource) {}
  list(): Promise<NoteFile[]> {
    return this.inner.list();
  }
  read(path: string): Promise<string> {
    this.reads.push(path);
    this.onRead(this.reads.length);
    return this.inner.read(path);
  }
}

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

function setup(options: { embedder?: () => Embedder | null; notice?: string | null } = {}) {
  const vault = new Vault();
  addNotes(vault, notes);
  const source = new WatchedSource(new VaultNoteSource(vault as unknown as NoteVault));
  const timers = new TimerSet();
  let settings: VisiewijzerSettings = cloneSettings(DEFAULT_SETTINGS);
  const embedders: (Embedder | null)[] = [];
  const service = new IndexService({
    storage: new AdapterIndexStorage(vault.adapter, 'index'),
    source,
    settings: () => settings,
    chooseEmbedder: async () => {
      const embedder = options.embedder ? options.embedder() : null;
      embedders.push(embedder);
      return { embedder, notice: options.notice ?? null };
    },
    timers,
    debounceMs: 5,
    sliceMs: 0,
  });
  const change = (edit: (draft: VisiewijzerSettings) => void): void => {
    const previous = settings;
    settings = cloneSettings(settings);
    edit(settings);
    service.settingsChanged(settings, previous);
  };
  return { vault, source, timers, service, embedders, change };
}

async function turns(count: number): Promise<void> {
  for (let i = 0; i < count; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

afterEach(() => {
  vi.restoreAllMocks();
});

beforeEach(() => {
  setStubLanguage('nl');
  setLanguage('nl');
  Notice.reset();
});

describe('IndexService', () => {
  it('pauses between notes and continues where it was on resume', async () => {
    const { source, service } = setup();
    source.onRead = (count) => {
      if (count === 3) service.pause();
    };
    const started = service.start();
    await until(() => service.status.kind === 'indexing' && service.status.paused);
    await turns(20);
    expect(source.reads).toHaveLength(3);

    service.resume();
    await started;
    expect(service.status).toMatchObject({ kind: 'ready', mode: 'keyword-only', notes: notes.size });
    expect(new Set(source.reads)).toEqual(new Set(notes.keys()));
    expect(source.reads).toHaveLength(notes.size);
  });

  it('stops on cancel, keeps what was done, ignores automatic updates until asked again', async () => {
    const { source, service } = setup();
    source.onRead = (count) => {
      if (count === 3) service.cancel();
    };
    await service.start();
    expect(service.status.kind).toBe('stopped');
    expect(Notice.texts()).toContain(nl['notice.cancelled']);
    expect(source.reads).toHaveLength(3);

    await service.update({ automatic: true });
    expect(source.reads).toHaveLength(3);

    source.onRead = () => undefined;
    await service.update();
    expect(service.status.kind).toBe('ready');
    expect(source.reads).toHaveLength(notes.size);
    expect(new Set(source.reads).size).toBe(notes.size);
  });

  it('can be cancelled while paused', async () => {
    const { source, service } = setup();
    source.onRead = (count) => {
      if (count === 2) service.pause();
    };
    const started = service.start();
    await until(() => service.status.kind === 'indexing' && service.status.paused);
    service.cancel();
    await started;
    expect(service.status.kind).toBe('stopped');
    expect(service.paused).toBe(false);
    expect(source.reads).toHaveLength(2);
  });

  it('gives the event loop a turn between notes while indexing', async () => {
    const { service } = setup();
    let turnsSeen = 0;
    const counter = setInterval(() => turnsSeen++, 0);
    await service.start();
    clearInterval(counter);
    // With a 0 ms slice the service yields at every checkpoint, so timers ran during indexing.
    expect(turnsSeen).toBeGreaterThan(notes.size / 2);
    expect(service.status.kind).toBe('ready');
  });

  it('announces keyword-only when told why, and indexes without a model', async () => {
    const { service } = setup({ notice: 'geen model' });
    await service.start();
    expect(Notice.texts()).toContain('geen model');
    expect(service.status).toMatchObject({ kind: 'ready', mode: 'keyword-only' });
    const result = await service.search('pestprotocol', { k: 3 });
    expect(result?.mode).toBe('keyword-only');
    expect(result?.hits[0]?.path).toBe('Beleid/Sociale veiligheid en pesten.md');
  });

  it('indexes with the model when one is given (hybrid search)', async () => {
    const embedder = new FakeEmbedder({ dim: 16 });
    const { service } = setup({ embedder: () => embedder });
    await service.start();
    expect(service.status).toMatchObject({ kind: 'ready', mode: 'hybrid' });
    expect(embedder.textCount).toBeGreaterThan(0);
    const result = await service.search('pestprotocol', { k: 3 });
    expect(result?.mode).toBe('hybrid');
    expect(result?.hits.some((h) => h.vectorScore !== null)).toBe(true);
  });

  it('falls back to keyword-only with a notice when the model fails halfway, and frees it', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const embedder = new BreakingEmbedder(1);
    const { service } = setup({ embedder: () => embedder });
    await service.start();
    expect(consoleError).toHaveBeenCalledTimes(1);
    expect(service.status).toMatchObject({ kind: 'ready', mode: 'keyword-only', notes: notes.size });
    expect(Notice.texts().some((text) => text.startsWith('Het taalmodel werkt niet meer (worker crashed)'))).toBe(true);
    expect(embedder.disposed).toBe(true);
    expect((await service.search('pestprotocol'))?.mode).toBe('keyword-only');
  });

  it('rebuilds from scratch: every note is read again', async () => {
    const { source, service, vault } = setup();
    await service.start();
    source.reads.length = 0;
    await service.rebuild();
    expect(new Set(source.reads)).toEqual(new Set(notes.keys()));
    expect(vault.adapter.files.has(`index/${STATE_FILE}`)).toBe(true);
  });

  it('re-reads every note after the role folders change, but not after a language change', async () => {
    const { source, service, timers, change } = setup();
    await service.start();
    source.reads.length = 0;

    change((draft) => (draft.language = 'en'));
    expect(timers.isPending('restart')).toBe(false);

    change((draft) => (draft.folders.beleid = 'Policy'));
    expect(timers.isPending('restart')).toBe(true);
    await until(() => source.reads.length === notes.size && service.status.kind === 'ready');
    const result = await service.search('pestprotocol', { roles: ['beleid'] });
    // Beleid/ is no longer the policy folder and these notes declare no role themselves.
    expect(result?.hits.filter((h) => h.path.startsWith('Beleid/') && h.role === 'beleid')).toEqual([]);
  });

  it('on dispose: frees the model, clears its timers and reports nothing more', async () => {
    const embedder = new FakeEmbedder({ dim: 16 });
    const { service, timers } = setup({ embedder: () => embedder });
    await service.start();
    const seen: string[] = [];
    service.onStatus((status) => seen.push(status.kind));
    service.noteChanged();
    expect(timers.pending).toBeGreaterThan(0);

    await service.dispose();
    expect(embedder.disposed).toBe(true);
    expect(timers.pending).toBe(0);
    await service.update();
    expect(seen).toEqual([]);
    expect(await service.search('visie')).toBeNull();
  });
});
