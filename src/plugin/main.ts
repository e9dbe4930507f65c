/**
 * Visiewijzer's Obsidian entry point: lifecycle only. `onload` loads the settings and registers
 * commands, the status bar item, the lesson-check sidebar and the settings tab; all real work (opening
 * the index, loading the model, indexing) starts after Obsidian's layout is ready and stops on unload.
 */
import { Plugin, requestUrl } from 'obsidian';
import { requestUrlFetchBytes } from './embedding/vaultModelIo';
import { ORT_WEB_VERSION } from './embedding/ortWebVersion';
import { spawnEmbeddingWorker } from './embedding/spawnEmbeddingWorker';
import { setLanguage, t } from './i18n/i18n';
import { chooseEmbedder, modelProblems, type EmbedderSetup } from './indexing/embedderChoice';
import { registerIndexCommands } from './indexing/indexCommands';
import { IndexService } from './indexing/indexService';
import { IndexStatusBar } from './indexing/indexStatusBar';
import { TimerSet } from './indexing/timerSet';
import { watchVault } from './indexing/vaultWatcher';
import { notify } from './messages';
import { registerPracticeCommands } from './practices/practiceCommands';
import { registerLessonCheck } from './lessonCheck/registerLessonCheck';
import { registerGeneratorCommands } from './generators/generatorCommands';
import { registerProviderCommands } from './provider/providerCommands';
import { openPassage } from './search/openPassage';
import { VisionSearchModal } from './search/searchModal';
import { searchVisionAndPolicy } from './search/visionSearch';
import { ModelDownload } from './settings/modelDownload';
import { DEFAULT_SETTINGS } from './settings/settings';
import { VisiewijzerSettingTab } from './settings/settingsTab';
import { SettingsStore } from './settings/settingsStore';
import { AdapterIndexStorage } from './vault/adapterIndexStorage';
import { pluginFolders } from './vault/pluginPaths';
import { VaultNoteSource } from './vault/vaultNoteSource';

export default class VisiewijzerPlugin extends Plugin {
  override async onload(): Promise<void> {
    const { app, manifest } = this;
    const { vault, workspace } = app;
    const store = new SettingsStore({ load: () => this.loadData(), save: (data) => this.saveData(data) }, DEFAULT_SETTINGS);
    const rejected = await store.load();
    setLanguage(store.current.language);

    const folders = pluginFolders(manifest, vault.configDir);
    const timers = new TimerSet();
    const setup: EmbedderSetup = { adapter: vault.adapter, folders, ortVersion: ORT_WEB_VERSION, spawn: spawnEmbeddingWorker };
    const index = new IndexService({
      storage: new AdapterIndexStorage(vault.adapter, folders.indexDir),
      source: new VaultNoteSource(vault),
      settings: () => store.current,
      chooseEmbedder: (settings) => chooseEmbedder(settings, setup),
      timers,
    });
    this.register(() => void index.dispose());

    const openSearch = (): void =>
      new VisionSearchModal(app, {
        search: (query) => searchVisionAndPolicy(index, query),
        open: (hit) => openPassage(workspace, vault, hit),
        schedule: (ms, fn) => {
          const id = timers.after(ms, fn);
          return () => timers.clear(id);
        },
      }).open();
    this.addCommand({ id: 'search-vision', name: t('command.search'), callback: openSearch });
    registerIndexCommands(this, index);
    const provider = registerProviderCommands(this, { store, index, source: new VaultNoteSource(vault), pluginDir: folders.pluginDir });
    const generators = registerGeneratorCommands(this, { store, index, source: new VaultNoteSource(vault), audit: provider.audit });
    // The lesson check shares the index's model rather than starting a second one.
    registerLessonCheck(this, { store, index, source: new VaultNoteSource(vault), audit: provider.audit, embedder: () => index.embedder, generators });
    const practices = registerPracticeCommands(this, { source: new VaultNoteSource(vault), settings: () => store.current, timers });

    const statusEl = this.addStatusBarItem();
    const statusBar = new IndexStatusBar(statusEl, index, openSearch);
    this.register(index.onStatus((status) => statusBar.render(status)));
    this.registerDomEvent(statusEl, 'click', (event) => statusBar.showMenu(event));
    this.register(
      store.onChange((next, previous) => {
        setLanguage(next.language);
        statusBar.render(index.status);
        index.settingsChanged(next, previous);
      }),
    );

    const download = new ModelDownload({
      app, adapter: vault.adapter, folders, ortVersion: ORT_WEB_VERSION, settings: () => store.current,
      fetchBytes: requestUrlFetchBytes(requestUrl),
      onDownloaded: () => void index.restart(),
    });
    this.register(() => download.cancel());
    this.addSettingTab(new VisiewijzerSettingTab(app, this, {
      store, index, download, indexDir: folders.indexDir,
      checkModel: () => modelProblems(store.current, setup),
    }));

    workspace.onLayoutReady(() => {
      if (rejected.length > 0) notify(t('notice.settingsReset', { list: rejected.map((p) => p.key).join(', ') }));
      watchVault(vault, (ref) => this.registerEvent(ref), () => index.noteChanged());
      practices.watch();
      void index.start();
    });
  }
}
