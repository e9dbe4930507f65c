/**
 * Visiewijzer's settings: their shape, defaults and the check that runs on every load, so a hand-edited
 * or outdated `data.json` can never break the plugin. A bad value falls back to its default and is
 * reported by name; values that are fine are kept, and unknown keys are carried along when saving.
 */
import { normalizePath } from 'obsidian';
import { DEFAULT_MODEL_ID, isValidModelId, type ModelDtype } from '../../core/embedding/modelFiles';
import { DEFAULT_ROLE_FOLDERS, type RoleFolders } from '../../core/notes/roles';
import { NOTE_ROLES } from '../../core/notes/types';
import type { LanguageSetting } from '../i18n/i18n';
import { parseAiSettings, type AiSettings } from '../provider/aiSettings';

export { DEFAULT_MODEL_ID };

export interface VisiewijzerSettings {
  /** Top-level folder per note role. */
  folders: RoleFolders;
  /** Hugging Face id of the embedding model. */
  modelId: string;
  dtype: ModelDtype;
  /**
   * Vault-relative folder holding the model (hub layout plus the onnxruntime folder), for networks
   * that cannot download it; empty means `<plugin folder>/models/<modelId>`.
   */
  localModelDir: string;
  language: LanguageSetting;
  /** The optional language model and its privacy guard; absent until first changed (read it with `aiSettingsOf`). */
  ai?: AiSettings;
}

export const DEFAULT_SETTINGS: VisiewijzerSettings = {
  folders: { ...DEFAULT_ROLE_FOLDERS },
  modelId: DEFAULT_MODEL_ID,
  dtype: 'q8',
  localModelDir: '',
  language: 'auto',
};

/** A value that was rejected on load: which setting, and what was there. */
export interface SettingProblem {
  key: string;
  value: unknown;
}

export interface ParsedSettings {
  settings: VisiewijzerSettings;
  problems: SettingProblem[];
  /** Keys of the stored object this version does not know; written back unchanged. */
  extra: Record<string, unknown>;
}

const KNOWN_KEYS = new Set(['folders', 'modelId', 'dtype', 'localModelDir', 'language', 'ai']);

/** Checks stored data (anything `loadData()` returns) and fills in defaults where a value is missing or bad. */
export function parseSettings(raw: unknown): ParsedSettings {
  const problems: SettingProblem[] = [];
  const settings = cloneSettings(DEFAULT_SETTINGS);
  const extra: Record<string, unknown> = {};
  if (raw === null || raw === undefined) return { settings, problems, extra };
  if (!isRecord(raw)) return { settings, problems: [{ key: 'data.json', value: raw }], extra };

  for (const [key, value] of Object.entries(raw)) if (!KNOWN_KEYS.has(key)) extra[key] = value;

  const take = <K extends keyof VisiewijzerSettings>(key: K, check: (value: unknown) => VisiewijzerSettings[K] | null): void => {
    if (!(key in raw) || raw[key] === undefined) return;
    const value = check(raw[key]);
    if (value === null) problems.push({ key, value: raw[key] });
    else settings[key] = value;
  };
  take('modelId', (v) => (typeof v === 'string' && isValidModelId(v.trim()) ? v.trim() : null));
  take('dtype', (v) => (v === 'q8' || v === 'fp32' ? v : null));
  take('localModelDir', (v) => (typeof v === 'string' ? checkModelDir(v) : null));
  take('language', (v) => (v === 'auto' || v === 'nl' || v === 'en' ? v : null));
  if ('ai' in raw && raw['ai'] !== undefined) {
    const ai = parseAiSettings(raw['ai']);
    settings.ai = ai.settings;
    problems.push(...ai.problems);
  }

  if ('folders' in raw && raw['folders'] !== undefined) {
    const folders = raw['folders'];
    if (!isRecord(folders)) problems.push({ key: 'folders', value: folders });
    else {
      for (const role of NOTE_ROLES) {
        if (!(role in folders)) continue;
        const name = checkFolderName(folders[role]);
        if (name === null) problems.push({ key: `folders.${role}`, value: folders[role] });
        else settings.folders[role] = name;
      }
    }
  }
  return { settings, problems, extra };
}

/** A top-level folder name, trimmed; null when empty or when it contains a slash. */
export function checkFolderName(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const name = value.trim();
  return name === '' || /[\\/]/.test(name) ? null : name;
}

/** A vault-relative folder, normalised; '' means "use the plugin folder"; null when it escapes the vault. */
export function checkModelDir(value: string): string | null {
  const trimmed = value.trim();
  if (trimmed === '') return '';
  const path = normalizePath(trimmed);
  if (path.split('/').some((part) => part === '..' || part === '.')) return null;
  return path;
}

/** A deep copy, so callers can change the result without touching the defaults or the live settings. */
export function cloneSettings(settings: VisiewijzerSettings): VisiewijzerSettings {
  return { ...settings, folders: { ...settings.folders }, ...(settings.ai ? { ai: { ...settings.ai } } : {}) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
