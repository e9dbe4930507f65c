/** The "Language model" section of the settings tab: model, precision, own folder, status and download. */
import type { Setting } from 'obsidian';
import { isValidModelId } from '../../core/embedding/modelFiles';
import type { ModelProblem } from '../embedding/modelDownloader';
import { t } from '../i18n/i18n';
import type { ModelDownload } from './modelDownload';
import { checkModelDir, DEFAULT_MODEL_ID, type VisiewijzerSettings } from './settings';
import type { SettingSection } from './settingSections';

export interface ModelSectionContext {
  settings: VisiewijzerSettings;
  save(change: (draft: VisiewijzerSettings) => void): Promise<void>;
  /** What the model folder lacks; null when this build cannot run a model. */
  checkModel(): Promise<{ dir: string; problems: ModelProblem[] } | null>;
  download: ModelDownload;
  /** Draws the tab again (after a download or a change that alters what is shown). */
  redraw(): void;
}

export function modelSection(ctx: ModelSectionContext): SettingSection {
  const { settings } = ctx;
  // The status row and the download button update each other, in whichever order they are drawn.
  let statusRow: Setting | null = null;
  let downloadRow: Setting | null = null;
  const describe = (): void => {
    if (statusRow && downloadRow) void describeModel(ctx, statusRow, downloadRow);
  };
  const idDesc = t('settings.model.id.desc', { example: DEFAULT_MODEL_ID });
  return {
    heading: t('settings.model.heading'),
    rows: [
      {
        name: t('settings.model.id.name'),
        desc: idDesc,
        render: (setting) => {
          setting.addText((text) =>
            text
              .setPlaceholder(DEFAULT_MODEL_ID)
              .setValue(settings.modelId)
              .onChange(async (value) => {
                const id = value.trim() === '' ? DEFAULT_MODEL_ID : value.trim();
                const valid = isValidModelId(id);
                showValidity(setting, valid, valid ? idDesc : t('settings.model.id.invalid'));
                if (valid) await ctx.save((draft) => (draft.modelId = id));
              }),
          );
        },
      },
      {
        name: t('settings.model.dtype.name'),
        desc: t('settings.model.dtype.desc'),
        render: (setting) => {
          setting.addDropdown((dropdown) =>
            dropdown
              .addOption('q8', t('settings.model.dtype.q8'))
              .addOption('fp32', t('settings.model.dtype.fp32'))
              .setValue(settings.dtype)
              .onChange(async (value) => {
                await ctx.save((draft) => (draft.dtype = value === 'fp32' ? 'fp32' : 'q8'));
                ctx.redraw();
              }),
          );
        },
      },
      {
        name: t('settings.model.localDir.name'),
        desc: t('settings.model.localDir.desc'),
        render: (setting) => {
          setting.addText((text) =>
            text.setValue(settings.localModelDir).onChange(async (value) => {
              const dir = checkModelDir(value);
              showValidity(setting, dir !== null, dir !== null ? t('settings.model.localDir.desc') : t('settings.model.localDir.invalid'));
              if (dir !== null) await ctx.save((draft) => (draft.localModelDir = dir));
            }),
          );
        },
      },
      {
        name: t('settings.model.status.name'),
        desc: t('settings.model.status.checking'),
        render: (setting) => {
          statusRow = setting;
          describe();
          return ctx.download.onProgress((text) => {
            setting.setDesc(text);
          });
        },
      },
      {
        name: t('settings.model.download.name'),
        desc: t('settings.model.download.desc'),
        render: (setting) => {
          downloadRow = setting;
          addDownloadButton(ctx, setting);
          describe();
        },
      },
    ],
  };
}

function addDownloadButton(ctx: ModelSectionContext, setting: Setting): void {
  if (ctx.download.running) {
    setting.addButton((button) => button.setButtonText(t('settings.model.download.cancel')).onClick(() => ctx.download.cancel()));
    return;
  }
  setting.addButton((button) =>
    button
      .setButtonText(t('settings.model.download.button'))
      .setCta()
      .onClick(async () => {
        await ctx.download.start(() => ctx.redraw());
        ctx.redraw();
      }),
  );
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
