/** The "Language model" section of the settings tab: model, precision, own folder, status and download. */
import { Setting } from 'obsidian';
import { isValidModelId } from '../../core/embedding/modelFiles';
import type { ModelProblem } from '../embedding/modelDownloader';
import { t } from '../i18n/i18n';
import type { ModelDownload } from './modelDownload';
import { checkModelDir, DEFAULT_MODEL_ID, type VisiewijzerSettings } from './settings';

export interface ModelSectionContext {
  settings: VisiewijzerSettings;
  save(change: (draft: VisiewijzerSettings) => void): Promise<void>;
  /** What the model folder lacks; null when this build cannot run a model. */
  checkModel(): Promise<{ dir: string; problems: ModelProblem[] } | null>;
  download: ModelDownload;
  /** Draws the whole tab again (after a download or a change that alters what is shown). */
  redraw(): void;
}

export function renderModelSettings(containerEl: HTMLElement, ctx: ModelSectionContext): void {
  const { settings } = ctx;
  new Setting(containerEl).setName(t('settings.model.heading')).setHeading();

  const idSetting = new Setting(containerEl).setName(t('settings.model.id.name')).setDesc(t('settings.model.id.desc', { example: DEFAULT_MODEL_ID }));
  idSetting.addText((text) =>
    text
      .setPlaceholder(DEFAULT_MODEL_ID)
      .setValue(settings.modelId)
      .onChange(async (value) => {
        const id = value.trim() === '' ? DEFAULT_MODEL_ID : value.trim();
        const valid = isValidModelId(id);
        showValidity(idSetting, valid, valid ? t('settings.model.id.desc', { example: DEFAULT_MODEL_ID }) : t('settings.model.id.invalid'));
        if (valid) await ctx.save((draft) => (draft.modelId = id));
      }),
  );

  new Setting(containerEl)
    .setName(t('settings.model.dtype.name'))
    .setDesc(t('settings.model.dtype.desc'))
    .addDropdown((dropdown) =>
      dropdown
        .addOption('q8', t('settings.model.dtype.q8'))
        .addOption('fp32', t('settings.model.dtype.fp32'))
        .setValue(settings.dtype)
        .onChange(async (value) => {
          await ctx.save((draft) => (draft.dtype = value === 'fp32' ? 'fp32' : 'q8'));
          ctx.redraw();
        }),
    );

  const dirSetting = new Setting(containerEl).setName(t('settings.model.localDir.name')).setDesc(t('settings.model.localDir.desc'));
  dirSetting.addText((text) =>
    text.setValue(settings.localModelDir).onChange(async (value) => {
      const dir = checkModelDir(value);
      showValidity(dirSetting, dir !== null, dir !== null ? t('settings.model.localDir.desc') : t('settings.model.localDir.invalid'));
      if (dir !== null) await ctx.save((draft) => (draft.localModelDir = dir));
    }),
  );

  const status = new Setting(containerEl).setName(t('settings.model.status.name')).setDesc(t('settings.model.status.checking'));
  const download = new Setting(containerEl).setName(t('settings.model.download.name')).setDesc(t('settings.model.download.desc'));
  if (ctx.download.running) {
    download.addButton((button) => button.setButtonText(t('settings.model.download.cancel')).onClick(() => ctx.download.cancel()));
  } else {
    download.addButton((button) =>
      button
        .setButtonText(t('settings.model.download.button'))
        .setCta()
        .onClick(async () => {
          const started = ctx.download.start((text) => {
            status.setDesc(text);
          });
          ctx.redraw();
          await started;
          ctx.redraw();
        }),
    );
  }
  void describeModel(ctx, status, download);
}

async function describeModel(ctx: ModelSectionContext, status: Setting, download: Setting): Promise<void> {
  const check = await ctx.checkModel().catch(() => null);
  if (ctx.download.running) return;
  if (!check) {
    status.setDesc(t('settings.model.status.noRuntime'));
    download.setDisabled(true);
    return;
  }
  const { dir, problems } = check;
  status.setDesc(problems.length === 0 ? t('settings.model.status.present', { dir }) : t('settings.model.status.missing', { dir, files: problems.map((p) => p.path).join(', ') }));
  if (problems.length === 0) download.setDisabled(true);
}

function showValidity(setting: Setting, valid: boolean, text: string): void {
  setting.setDesc(text);
  setting.settingEl.toggleClass('visiewijzer-invalid', !valid);
}
