/**
 * The "Download model" action: asks for consent, then fetches the model files and the onnxruntime
 * `.wasm` into the model folder with a progress notice, and finally lets the index switch to the model.
 */
import type { App, DataAdapter } from 'obsidian';
import { modelFolderContents } from '../../core/embedding/modelFiles';
import { DownloadCancelledError, downloadModel, type DownloadProgress, type FetchBytes } from '../embedding/modelDownloader';
import { vaultModelStore } from '../embedding/vaultModelIo';
import { t } from '../i18n/i18n';
import { notify, reportError } from '../messages';
import { modelFolder, type PluginFolders } from '../vault/pluginPaths';
import { askDownloadConsent, type ConsentDetails } from './downloadConsentModal';
import type { VisiewijzerSettings } from './settings';

export interface ModelDownloadDeps {
  app: App;
  adapter: DataAdapter;
  folders: PluginFolders;
  /** Null outside a build: then there is nothing that could run the model, so nothing is downloaded. */
  ortVersion: string | null;
  settings: () => VisiewijzerSettings;
  /** `requestUrl`-based in the plugin (see `vaultModelIo.ts`). */
  fetchBytes: FetchBytes;
  /** Called after a complete download, to reopen the index with the model. */
  onDownloaded: () => void;
  /** The consent dialog; replaceable in tests. */
  askConsent?: (app: App, details: ConsentDetails) => Promise<boolean>;
}

export type DownloadOutcome = 'done' | 'declined' | 'cancelled' | 'failed' | 'unavailable' | 'busy';

export class ModelDownload {
  private abort: AbortController | null = null;
  private readonly listeners = new Set<(text: string) => void>();

  constructor(private readonly deps: ModelDownloadDeps) {}

  private tell(text: string): void {
    for (const listener of this.listeners) listener(text);
  }

  get running(): boolean {
    return this.abort !== null;
  }

  /** Calls `listener` with the progress text (as in the notice) while a download runs; returns the unsubscribe. */
  onProgress(listener: (text: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Asks, downloads, reports progress in a notice and to `onProgress` listeners. `onStarted` runs once
   * the user agreed and the download begins (the settings tab then shows a cancel button).
   */
  async start(onStarted: () => void = () => undefined): Promise<DownloadOutcome> {
    const { deps } = this;
    if (this.abort) return 'busy';
    if (!deps.ortVersion) return 'unavailable';
    const settings = deps.settings();
    const targetDir = modelFolder(deps.folders, settings);
    const details: ConsentDetails = {
      modelId: settings.modelId,
      dtype: settings.dtype,
      ortVersion: deps.ortVersion,
      targetDir,
      files: modelFolderContents(settings.modelId, settings.dtype, deps.ortVersion),
    };
    const agreed = await (deps.askConsent ?? askDownloadConsent)(deps.app, details);
    if (!agreed) return 'declined';

    const abort = new AbortController();
    this.abort = abort;
    onStarted();
    const notice = notify(t('download.progress', { index: 1, count: details.files.length, file: details.files[0]?.path ?? '', mb: 0 }), 0);
    const show = (progress: DownloadProgress): void => {
      const text = t('download.progress', {
        index: progress.fileIndex,
        count: progress.fileCount,
        file: progress.file,
        mb: (progress.totalBytes / 1e6).toFixed(1),
      });
      notice.setMessage(text);
      this.tell(text);
    };
    try {
      const result = await downloadModel({
        modelId: settings.modelId,
        dtype: settings.dtype,
        ortVersion: deps.ortVersion,
        targetDir,
        fetchBytes: deps.fetchBytes,
        store: vaultModelStore(deps.adapter),
        onProgress: show,
        signal: abort.signal,
      });
      notice.hide();
      const done = t('download.done', { mb: (result.bytes / 1e6).toFixed(1) });
      notify(done);
      this.tell(done);
      deps.onDownloaded();
      return 'done';
    } catch (error) {
      notice.hide();
      if (error instanceof DownloadCancelledError) {
        notify(t('download.cancelled'));
        this.tell(t('download.cancelled'));
        return 'cancelled';
      }
      reportError(error, 'error.download');
      return 'failed';
    } finally {
      this.abort = null;
    }
  }

  /** Stops after the file now arriving (requestUrl cannot be interrupted); complete files are kept. */
  cancel(): void {
    this.abort?.abort();
  }
}
