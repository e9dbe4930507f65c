/**
 * Owns the `VisionIndex` inside Obsidian: opens it after the layout is ready, keeps it current in the
 * background (debounced after vault changes), lets the user pause, stop and rebuild, and falls back to
 * keyword-only search, with a notice, whenever the model is missing or fails.
 *
 * Heavy operations (open, update, rebuild, restart) run one at a time, in order.
 */
import type { VisionIndex } from '../../core/visionIndex';
import { IndexCancelledError, type IndexReport } from '../../core/index/indexReport';
import type { Embedder, IndexStorage } from '../../core/index/types';
import type { NoteSource } from '../../core/notes/types';
import type { SearchOptions } from '../../core/retrieval/hybridSearch';
import type { SearchResult } from '../../core/retrieval/searchHit';
import { INDEX_FILE_NAMES } from '../../core/index/indexState';
import { t } from '../i18n/i18n';
import { errorSummary, notify, reportError } from '../messages';
import type { VisiewijzerSettings } from '../settings/settings';
import type { EmbedderChoice } from './embedderChoice';
import { EmbedderFailedError } from './guardedEmbedder';
import { openIndex, openKeywordOnly, type IndexParts } from './openIndex';
import { ReportNotices } from './reportNotices';
import type { IndexStatus } from './indexStatus';
import { makeRunControl, PauseGate } from './runControl';
import type { TimerSet } from './timerSet';

export interface IndexServiceOptions {
  storage: IndexStorage;
  source: NoteSource;
  settings: () => VisiewijzerSettings;
  chooseEmbedder: (settings: VisiewijzerSettings) => Promise<EmbedderChoice>;
  timers: TimerSet;
  /** Quiet time after the last vault change before updating; default 2000 ms. */
  debounceMs?: number;
  /** Work time between two yields to the app; default 10 ms. */
  sliceMs?: number;
}

/** Why a run was aborted: by the user (say so, stop automatic updates) or to restart (quietly). */
type AbortReason = 'user' | 'internal';

const INDEX_FILES = INDEX_FILE_NAMES;

export class IndexService {
  private index: VisionIndex | null = null;
  /** The (guarded) model the open index uses; null when keyword-only. */
  private model: Embedder | null = null;
  private chain: Promise<unknown> = Promise.resolve();
  private queuedUpdate: Promise<void> | null = null;
  private abort: AbortController | null = null;
  private readonly gate = new PauseGate();
  private readonly listeners = new Set<(status: IndexStatus) => void>();
  private readonly notices = new ReportNotices();
  private current: IndexStatus = { kind: 'idle' };
  private started = false;
  private stoppedByUser = false;
  private disposed = false;
  /** What the last finished update did; null before the first. */
  lastReport: IndexReport | null = null;

  constructor(private readonly options: IndexServiceOptions) {}

  get status(): IndexStatus {
    return this.current;
  }

  /**
   * The embedding model the index is using now, for features that embed with the same model (the lesson
   * check) instead of loading a second one. Null when the index runs keyword-only, after the model failed
   * (it has been let go), when the index failed, and after dispose.
   */
  get embedder(): Embedder | null {
    const status = this.current;
    if (status.kind === 'failed' || (status.kind === 'ready' && status.mode === 'keyword-only')) return null;
    return this.model;
  }

  get paused(): boolean {
    return this.gate.paused;
  }

  /** True while an update is running or waiting to run. */
  get busy(): boolean {
    return this.abort !== null || this.queuedUpdate !== null;
  }

  /** Calls `listener` on every status change; returns the function that stops it. */
  onStatus(listener: (status: IndexStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Opens the index and brings it up to date. Call once, after Obsidian's layout is ready. */
  start(): Promise<void> {
    if (this.started || this.disposed) return Promise.resolve();
    this.started = true;
    return this.exclusive(async () => {
      if (await this.open()) await this.runUpdate();
    });
  }

  /** A note was created, changed, moved or deleted: update once things are quiet for a moment. */
  noteChanged(): void {
    if (this.disposed || !this.started) return;
    this.options.timers.debounce('update', this.options.debounceMs ?? 2000, () => void this.update({ automatic: true }));
  }

  /**
   * Brings the index up to date. Requests made while one is queued share it. An automatic request
   * (from a vault change) is ignored after the user stopped indexing; the next explicit one resumes.
   */
  update(request: { automatic?: boolean } = {}): Promise<void> {
    if (this.disposed || !this.started) return Promise.resolve();
    if (request.automatic && this.stoppedByUser) return Promise.resolve();
    this.stoppedByUser = false;
    if (this.queuedUpdate) return this.queuedUpdate;
    const queued = this.exclusive(async () => {
      this.queuedUpdate = null;
      await this.runUpdate();
    });
    this.queuedUpdate = queued;
    return queued;
  }

  pause(): void {
    this.gate.pause();
    if (this.current.kind === 'indexing') this.setStatus({ ...this.current, paused: true });
  }

  resume(): void {
    this.gate.resume();
    if (this.current.kind === 'indexing') this.setStatus({ ...this.current, paused: false });
  }

  togglePause(): void {
    if (this.gate.paused) this.resume();
    else this.pause();
  }

  /** Stops the running update; what was done is kept in memory and the next update continues from it. */
  cancel(): void {
    this.options.timers.cancel('update');
    this.stoppedByUser = true;
    this.abort?.abort('user' satisfies AbortReason);
    this.gate.resume();
  }

  /** Throws the saved index away and builds it again from every note. */
  rebuild(): Promise<void> {
    return this.reopen(async () => {
      for (const name of INDEX_FILES) await this.options.storage.remove(name);
    }, false);
  }

  /** Reacts to changed settings: a new model or folder means reopening (debounced while the user types). */
  settingsChanged(next: VisiewijzerSettings, previous: VisiewijzerSettings): void {
    const foldersChanged = JSON.stringify(next.folders) !== JSON.stringify(previous.folders);
    const modelChanged = next.modelId !== previous.modelId || next.dtype !== previous.dtype || next.localModelDir !== previous.localModelDir;
    if (!this.started || (!foldersChanged && !modelChanged)) return;
    // Roles are decided when a note is read, so new folder names mean reading every note again.
    this.options.timers.debounce('restart', this.options.debounceMs ?? 2000, () => void this.restart(foldersChanged));
  }

  /** Reopens with the current settings (for example after the model was downloaded). */
  restart(rereadAll = false): Promise<void> {
    return this.reopen(async () => undefined, rereadAll);
  }

  /** Searches the index; null while it is not open yet. */
  async search(query: string, options: SearchOptions = {}): Promise<SearchResult | null> {
    const index = this.index;
    if (!index) return null;
    try {
      return await index.search(query, options);
    } catch (error) {
      if (error instanceof EmbedderFailedError && index === this.index) void this.fallBackToKeywordOnly(error);
      throw error;
    }
  }

  /** Stops everything and frees the model (terminates the worker). Called on plugin unload. */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    this.options.timers.clearAll();
    this.abort?.abort('internal' satisfies AbortReason);
    this.gate.resume();
    this.listeners.clear();
    const embedder = this.model;
    this.model = null;
    this.index = null;
    await embedder?.dispose();
  }

  private reopen(prepare: () => Promise<void>, rereadAll: boolean): Promise<void> {
    if (this.disposed) return Promise.resolve();
    this.started = true;
    this.stoppedByUser = false;
    this.abort?.abort('internal' satisfies AbortReason);
    return this.exclusive(async () => {
      try {
        await prepare();
      } catch (error) {
        reportError(error, 'error.rebuild');
      }
      if (!(await this.open())) return;
      if (rereadAll && this.index) for (const path of this.index.state.notes.keys()) this.index.state.stale.add(path);
      await this.runUpdate();
    });
  }

  /** Opens the index with the model if it can be had, else keyword-only. False when even that failed. */
  private async open(): Promise<boolean> {
    await this.closeEmbedder();
    this.setStatus({ kind: 'loading' });
    const settings = this.options.settings();
    try {
      const opened = await openIndex(this.parts(settings), () => this.options.chooseEmbedder(settings), () => !this.disposed);
      if (!opened) return false;
      this.index = opened.index;
      this.model = opened.embedder;
      return true;
    } catch (error) {
      return this.openFailed(error);
    }
  }

  private parts(settings: VisiewijzerSettings): IndexParts {
    return { storage: this.options.storage, source: this.options.source, folders: settings.folders };
  }

  private openFailed(error: unknown): false {
    this.index = null;
    this.setStatus({ kind: 'failed', message: errorSummary(error) });
    reportError(error, 'error.open');
    return false;
  }

  private async runUpdate(): Promise<void> {
    const index = this.index;
    if (!index || this.disposed) return;
    const abort = new AbortController();
    this.abort = abort;
    const { timers } = this.options;
    const control = makeRunControl({
      signal: abort.signal,
      gate: this.gate,
      yieldToApp: () => timers.yield(),
      sliceMs: this.options.sliceMs,
      onProgress: (p) => this.setStatus({ kind: 'indexing', phase: p.phase, done: p.done, total: p.total, paused: this.gate.paused }),
    });
    this.setStatus({ kind: 'indexing', phase: 'reading', done: 0, total: 0, paused: this.gate.paused });
    try {
      const report = await index.update(control);
      this.lastReport = report;
      this.notices.announce(report);
      this.setStatus({ kind: 'ready', mode: report.mode, notes: report.notes, chunks: report.chunks });
    } catch (error) {
      if (this.disposed) return;
      if (error instanceof IndexCancelledError || abort.signal.aborted) {
        if (abort.signal.reason === 'user') {
          this.setStatus({ kind: 'stopped' });
          notify(t('notice.cancelled'));
        }
      } else if (error instanceof EmbedderFailedError && this.model) {
        await this.fallBackToKeywordOnlyNow(error);
        await this.runUpdate();
      } else {
        this.setStatus({ kind: 'failed', message: errorSummary(error) });
        reportError(error, 'error.indexing');
      }
    } finally {
      if (this.abort === abort) this.abort = null;
    }
  }

  private fallBackToKeywordOnly(error: EmbedderFailedError): Promise<void> {
    return this.exclusive(() => this.fallBackToKeywordOnlyNow(error));
  }

  private async fallBackToKeywordOnlyNow(error: EmbedderFailedError): Promise<void> {
    if (!this.model || this.disposed) return;
    notify(t('notice.modelStopped', { detail: errorSummary(error) }));
    console.error('Visiewijzer: the embedding model failed', error.cause);
    await this.closeEmbedder();
    try {
      this.index = await openKeywordOnly(this.parts(this.options.settings()));
    } catch (second) {
      this.openFailed(second);
    }
  }

  private async closeEmbedder(): Promise<void> {
    const embedder = this.model;
    this.model = null;
    await embedder?.dispose();
  }

  private setStatus(status: IndexStatus): void {
    if (this.disposed) return;
    this.current = status;
    for (const listener of this.listeners) listener(status);
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.chain.then(task, task);
    this.chain = run.catch(() => undefined);
    return run;
  }
}
