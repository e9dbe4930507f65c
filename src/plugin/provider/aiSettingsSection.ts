/**
 * The rows for the optional language model and its privacy guard, shown in the Privacy section of the
 * settings tab: service, address, model, API key (a secret in Obsidian's keychain, chosen with
 * `SecretComponent`), temperature, time-out, a connection test, and the privacy options.
 */
import { SecretComponent, type App, type Setting } from 'obsidian';
import { DEFAULT_BASE_URLS, PRESET_LABELS } from '../../core/llm/presets';
import type { RequestUrlLike } from '../../core/llm/requestUrlFetch';
import { DEFAULT_ROSTER_PATH } from '../../core/privacy/rosterLoader';
import { t } from '../i18n/i18n';
import type { VisiewijzerSettings } from '../settings/settings';
import type { SettingRow } from '../settings/settingSections';
import { AI_PRESETS, aiSettingsOf, checkBaseUrl, checkTemperature, checkTimeout, isSecretName, type AiPreset, type AiSettings } from './aiSettings';
import { testConnection } from './testConnection';

export interface AiSectionContext {
  app: App;
  /** The settings when the tab was drawn: the rows' initial values. */
  settings: VisiewijzerSettings;
  /** The settings now, after whatever the user typed since. */
  current(): VisiewijzerSettings;
  save(change: (draft: VisiewijzerSettings) => void): Promise<void>;
  redraw(): void;
  requestUrl: RequestUrlLike;
}

function presetLabel(preset: AiPreset): string {
  if (preset === 'none') return t('settings.ai.preset.none');
  if (preset === 'custom') return t('settings.ai.preset.custom');
  return PRESET_LABELS[preset];
}

function showValidity(setting: Setting, valid: boolean, text: string): void {
  setting.setDesc(text);
  setting.settingEl.toggleClass('visiewijzer-invalid', !valid);
}

export function aiSettingRows(ctx: AiSectionContext): SettingRow[] {
  const ai = aiSettingsOf(ctx.settings);
  const update = (change: Partial<AiSettings>): Promise<void> => ctx.save((draft) => (draft.ai = { ...aiSettingsOf(draft), ...change }));
  /** A text row that saves only valid input and says so when it is not. */
  const textRow = (name: string, desc: string, invalid: string, value: string, placeholder: string, accept: (value: string) => Partial<AiSettings> | null): SettingRow => ({
    name,
    desc,
    render: (setting) => {
      setting.addText((text) =>
        text
          .setPlaceholder(placeholder)
          .setValue(value)
          .onChange(async (input) => {
            const change = accept(input);
            showValidity(setting, change !== null, change !== null ? desc : invalid);
            if (change) await update(change);
          }),
      );
    },
  });
  const toggleRow = (name: string, desc: string, value: boolean, key: 'exemptLoopback' | 'alwaysPreview'): SettingRow => ({
    name,
    desc,
    render: (setting) => {
      setting.addToggle((toggle) => toggle.setValue(value).onChange((on) => update({ [key]: on })));
    },
  });

  return [
    {
      name: t('settings.ai.preset.name'),
      desc: t('settings.ai.preset.desc'),
      render: (setting) => {
        setting.addDropdown((dropdown) => {
          for (const preset of AI_PRESETS) dropdown.addOption(preset, presetLabel(preset));
          dropdown.setValue(ai.preset).onChange(async (value) => {
            await update({ preset: AI_PRESETS.includes(value as AiPreset) ? (value as AiPreset) : 'none' });
            ctx.redraw();
          });
        });
      },
    },
    textRow(t('settings.ai.baseUrl.name'), t('settings.ai.baseUrl.desc'), t('settings.ai.baseUrl.invalid'), ai.baseUrl,
      ai.preset === 'none' ? '' : DEFAULT_BASE_URLS[ai.preset] || 'https://…', (v) => {
        const url = checkBaseUrl(v);
        return url === null ? null : { baseUrl: url };
      }),
    textRow(t('settings.ai.model.name'), t('settings.ai.model.desc'), '', ai.model, 'llama3.1', (v) => ({ model: v.trim() })),
    {
      name: t('settings.ai.key.name'),
      desc: t('settings.ai.key.desc'),
      render: (setting) => {
        setting.addComponent((el) =>
          new SecretComponent(ctx.app, el).setValue(ai.apiKeySecret).onChange(async (name) => {
            // The component hands over the secret's name; the key itself stays in the keychain.
            if (isSecretName(name.trim())) await update({ apiKeySecret: name.trim() });
          }),
        );
      },
    },
    textRow(t('settings.ai.temperature.name'), t('settings.ai.temperature.desc'), t('settings.ai.temperature.invalid'),
      ai.temperature === null ? '' : String(ai.temperature), '', (v) => {
        const temperature = checkTemperature(v);
        return temperature === undefined ? null : { temperature };
      }),
    textRow(t('settings.ai.timeout.name'), t('settings.ai.timeout.desc'), t('settings.ai.timeout.invalid'), String(ai.timeoutSeconds), '60', (v) => {
      const timeoutSeconds = checkTimeout(v.trim() === '' ? '60' : v.trim());
      return timeoutSeconds === null ? null : { timeoutSeconds };
    }),
    {
      name: t('settings.ai.test.name'),
      desc: t('settings.ai.test.desc'),
      render: (setting) => {
        setting.addButton((button) =>
          button.setButtonText(t('settings.ai.test.button')).onClick(async () => {
            setting.setDesc(t('settings.ai.test.running'));
            button.setDisabled(true);
            // The settings as saved now, with the key read from the keychain at this moment.
            const report = await testConnection(aiSettingsOf(ctx.current()), ctx.app.secretStorage, ctx.requestUrl);
            button.setDisabled(false);
            showValidity(setting, report.ok, report.text);
          }),
        );
      },
    },
    toggleRow(t('settings.ai.exempt.name'), t('settings.ai.exempt.desc'), ai.exemptLoopback, 'exemptLoopback'),
    toggleRow(t('settings.ai.alwaysPreview.name'), t('settings.ai.alwaysPreview.desc'), ai.alwaysPreview, 'alwaysPreview'),
    textRow(t('settings.ai.roster.name'), t('settings.ai.roster.desc'), '', ai.rosterPath, DEFAULT_ROSTER_PATH, (v) => ({ rosterPath: v.trim() || DEFAULT_ROSTER_PATH })),
    textRow(t('settings.ai.school.name'), t('settings.ai.school.desc'), '', ai.schoolName, '', (v) => ({ schoolName: v.trim() })),
  ];
}
