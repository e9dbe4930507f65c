/**
 * Visiewijzer's settings tab, in Dutch or English: language, folders per note role, the language model
 * (with a consent-first download), the index (location, state, rebuild) and privacy, with the optional
 * AI service and its privacy guard.
 * Described once as sections; drawn by `display()` before Obsidian 1.13 and declaratively after.
 */
import { PluginSettingTab, requestUrl, requireApiVersion, type App, type Plugin, type SettingDefinitionItem } from 'obsidian';
import type { IndexReport } from '../../core/index/indexReport';
import { DEFAULT_ROLE_FOLDERS } from '../../core/notes/roles';
import { NOTE_ROLES, type NoteRole } from '../../core/notes/types';
import type { ModelProblem } from '../embedding/modelDownloader';
import { t, type LanguageSetting } from '../i18n/i18n';
import { statusText, type IndexStatus } from '../indexing/indexStatus';
import { reportError } from '../messages';
import { aiSettingRows } from '../provider/aiSettingsSection';
import type { ModelDownload } from './modelDownload';
import { modelSection } from './modelSettings';
import { checkFolderName, type VisiewijzerSettings } from './settings';
import { drawSections, toDefinitions, type SettingRow, type SettingSection } from './settingSections';
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

export class VisiewijzerSettingTab extends PluginSettingTab {
  private cleanups: (() => void)[] = [];

  constructor(app: App, plugin: Plugin, private readonly deps: SettingsTabDeps) {
    super(app, plugin);
  }

  /** Obsidian 1.13+: the rows as definitions (also indexed for the settings search). */
  override getSettingDefinitions(): SettingDefinitionItem[] {
    return toDefinitions(this.sections());
  }

  /** Obsidian before 1.13 (the minimum version is 1.11.4): draws the rows itself. */
  override display(): void {
    this.draw();
  }

  override hide(): void {
    this.runCleanups();
    super.hide();
  }

  private draw(): void {
    this.runCleanups();
    this.containerEl.empty();
    this.cleanups = drawSections(this.containerEl, this.sections());
  }

  /** Redraws after a change that alters what the tab shows (from 1.13 Obsidian draws the definitions). */
  private refresh(): void {
    if (requireApiVersion('1.13.0')) this.update();
    else this.draw();
  }

  private runCleanups(): void {
    for (const cleanup of this.cleanups.splice(0)) cleanup();
  }

  private sections(): SettingSection[] {
    const { deps } = this;
    const settings = deps.store.current;
    return [
      this.languageSection(settings),
      this.folderSection(settings),
      modelSection({ settings, save: (change) => this.save(change), checkModel: () => deps.checkModel(), download: deps.download, redraw: () => this.refresh() }),
      this.indexSection(),
      {
        heading: t('settings.privacy.heading'),
        rows: [
          { name: t('settings.privacy.name'), desc: t('settings.privacy.text') },
          ...aiSettingRows({ app: this.app, settings, current: () => deps.store.current, save: (change) => this.save(change), redraw: () => this.refresh(), requestUrl }),
        ],
      },
    ];
  }

  private languageSection(settings: VisiewijzerSettings): SettingSection {
    const row: SettingRow = {
      name: t('settings.language.name'),
      desc: t('settings.language.desc'),
      render: (setting) => {
        setting.addDropdown((dropdown) =>
          dropdown
            .addOption('auto', t('settings.language.auto'))
            .addOption('nl', t('settings.language.nl'))
            .addOption('en', t('settings.language.en'))
            .setValue(settings.language)
            .onChange(async (value) => {
              const language: LanguageSetting = value === 'nl' || value === 'en' ? value : 'auto';
              await this.save((draft) => (draft.language = language));
              this.refresh();
            }),
        );
      },
    };
    return { rows: [row] };
  }

  private folderSection(settings: VisiewijzerSettings): SettingSection {
    return {
      heading: t('settings.folders.heading'),
      rows: NOTE_ROLES.map((role) => ({
        name: t(FOLDER_NAME_KEYS[role]),
        render: (setting) => {
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
        },
      })),
    };
  }

  private indexSection(): SettingSection {
    const { index, indexDir } = this.deps;
    return {
      heading: t('settings.index.heading'),
      rows: [
        { name: t('settings.index.location.name'), desc: t('settings.index.location.desc', { dir: indexDir }) },
        {
          name: t('settings.index.state.name'),
          desc: describeIndex(index.lastReport, index.status),
          render: (setting) =>
            index.onStatus(() => {
              setting.setDesc(describeIndex(index.lastReport, index.status));
            }),
        },
        {
          name: t('settings.index.rebuild.name'),
          desc: t('settings.index.rebuild.desc'),
          render: (setting) => {
            setting.addButton((button) => button.setButtonText(t('settings.index.rebuild.button')).onClick(() => void index.rebuild()));
          },
        },
      ],
    };
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
  if (status.kind === 'ready' || status.kind === 'idle') return base;
  // The status bar text without the plugin name in front.
  return `${base} ${statusText(status).replace(/^Visiewijzer:\s*/, '')}`;
}
