/**
 * Visiewijzer's settings tab, in Dutch or English: language, folders per note role, the language model
 * (with a consent-first download), the index (location, state, rebuild) and a privacy note.
 */
import { PluginSettingTab, Setting, type App, type Plugin } from 'obsidian';
import type { IndexReport } from '../../core/index/indexReport';
import { DEFAULT_ROLE_FOLDERS } from '../../core/notes/roles';
import { NOTE_ROLES, type NoteRole } from '../../core/notes/types';
import type { ModelProblem } from '../embedding/modelDownloader';
import { t, type LanguageSetting } from '../i18n/i18n';
import { statusText, type IndexStatus } from '../indexing/indexStatus';
import { reportError } from '../messages';
import type { ModelDownload } from './modelDownload';
import { renderModelSettings } from './modelSettings';
import { checkFolderName, type VisiewijzerSettings } from './settings';
import type { SettingsStore } from './settingsStore';

/** What the tab shows of, and asks of, the index service. */
export interface IndexView {
  readonly status: IndexStatus;
  readonly lastReport: IndexReport | null;
  onStatus(listener: (status: IndexStatus) => void): () => void;
  rebuild(): Promise<void>;
}

export interface SettingsTabDeps {
  store: SettingsStore;
  index: IndexView;
  download: ModelDownload;
  /** The index folder, for display. */
  indexDir: string;
  checkModel(): Promise<{ dir: string; problems: ModelProblem[] } | null>;
}

const FOLDER_NAME_KEYS = {
  visie: 'settings.folder.visie',
  beleid: 'settings.folder.beleid',
  les: 'settings.folder.les',
  praktijk: 'settings.folder.praktijk',
} as const satisfies Record<NoteRole, string>;

// minAppVersion is 1.11.4, so the tab is drawn imperatively in display(); the declarative
// getSettingDefinitions() (1.13+) can replace it once the minimum version allows.
// eslint-disable-next-line obsidianmd/settings-tab/prefer-setting-definitions
export class VisiewijzerSettingTab extends PluginSettingTab {
  private stopWatching: (() => void) | null = null;

  constructor(app: App, plugin: Plugin, private readonly deps: SettingsTabDeps) {
    super(app, plugin);
  }

  override display(): void {
    this.render();
  }

  override hide(): void {
    this.stopWatching?.();
    this.stopWatching = null;
    super.hide();
  }

  /** Draws the whole tab (again). */
  private render(): void {
    const { containerEl, deps } = this;
    containerEl.empty();
    this.stopWatching?.();
    const settings = deps.store.current;
    this.renderLanguage(containerEl, settings);
    this.renderFolders(containerEl, settings);
    renderModelSettings(containerEl, {
      settings,
      save: (change) => this.save(change),
      checkModel: () => deps.checkModel(),
      download: deps.download,
      redraw: () => this.render(),
    });
    this.renderIndex(containerEl);
    new Setting(containerEl).setName(t('settings.privacy.heading')).setHeading();
    containerEl.createEl('p', { cls: 'setting-item-description visiewijzer-privacy', text: t('settings.privacy.text') });
  }

  private renderLanguage(containerEl: HTMLElement, settings: VisiewijzerSettings): void {
    new Setting(containerEl)
      .setName(t('settings.language.name'))
      .setDesc(t('settings.language.desc'))
      .addDropdown((dropdown) =>
        dropdown
          .addOption('auto', t('settings.language.auto'))
          .addOption('nl', t('settings.language.nl'))
          .addOption('en', t('settings.language.en'))
          .setValue(settings.language)
          .onChange(async (value) => {
            const language: LanguageSetting = value === 'nl' || value === 'en' ? value : 'auto';
            await this.save((draft) => (draft.language = language));
            this.render();
          }),
      );
  }

  private renderFolders(containerEl: HTMLElement, settings: VisiewijzerSettings): void {
    new Setting(containerEl).setName(t('settings.folders.heading')).setDesc(t('settings.folders.desc')).setHeading();
    for (const role of NOTE_ROLES) {
      const setting = new Setting(containerEl).setName(t(FOLDER_NAME_KEYS[role]));
      setting.addText((text) =>
        text
          .setPlaceholder(DEFAULT_ROLE_FOLDERS[role])
          .setValue(settings.folders[role])
          .onChange(async (value) => {
            const name = checkFolderName(value);
            setting.setDesc(name === null ? t('settings.folder.invalid') : '');
            setting.settingEl.toggleClass('visiewijzer-invalid', name === null);
            if (name !== null) await this.save((draft) => (draft.folders[role] = name));
          }),
      );
    }
  }

  private renderIndex(containerEl: HTMLElement): void {
    const { index, indexDir } = this.deps;
    new Setting(containerEl).setName(t('settings.index.heading')).setHeading();
    new Setting(containerEl).setName(t('settings.index.location.name')).setDesc(t('settings.index.location.desc', { dir: indexDir }));
    const state = new Setting(containerEl).setName(t('settings.index.state.name'));
    const show = (): void => {
      state.setDesc(describeIndex(index.lastReport, index.status));
    };
    show();
    this.stopWatching = index.onStatus(show);
    new Setting(containerEl)
      .setName(t('settings.index.rebuild.name'))
      .setDesc(t('settings.index.rebuild.desc'))
      .addButton((button) => button.setButtonText(t('settings.index.rebuild.button')).onClick(() => void index.rebuild()));
  }

  private async save(change: (draft: VisiewijzerSettings) => void): Promise<void> {
    try {
      await this.deps.store.update(change);
    } catch (error) {
      reportError(error, 'error.saveSettings');
    }
  }
}

/** One line about the index: its size and mode, and what it is doing now. */
export function describeIndex(report: IndexReport | null, status: IndexStatus): string {
  const base = report
    ? t('settings.index.state.report', {
        notes: report.notes,
        chunks: report.chunks,
        mode: t(report.mode === 'hybrid' ? 'settings.index.mode.hybrid' : 'settings.index.mode.keyword'),
      })
    : t('settings.index.state.none');
  return status.kind === 'ready' || status.kind === 'idle' ? base : `${base} ${statusLine(status)}`;
}

/** The status bar text without the plugin name in front. */
function statusLine(status: IndexStatus): string {
  return statusText(status).replace(/^Visiewijzer:\s*/, '');
}
