/**
 * The settings for the optional language model and its privacy guard, kept under `ai` in `data.json`.
 * The API key is not among them: only the NAME of a secret in Obsidian's keychain (`secretStorage`).
 */
import { DEFAULT_ROSTER_PATH } from '../../core/privacy/rosterLoader';
import { PROVIDER_PRESETS, type ProviderPreset } from '../../core/llm/types';

/** `none` until the user picks a service: nothing can be sent before that. */
export type AiPreset = ProviderPreset | 'none';

export interface AiSettings {
  preset: AiPreset;
  /** Empty: the preset's own address (OpenAI, Ollama, LM Studio). */
  baseUrl: string;
  /** Model name; for Azure OpenAI the deployment name. */
  model: string;
  /** Name of the secret in `app.secretStorage` holding the key; empty when the service needs none. */
  apiKeySecret: string;
  /** Null: the server's default. */
  temperature: number | null;
  timeoutSeconds: number;
  /** Skip redaction for a server on this machine's loopback (off by default). */
  exemptLoopback: boolean;
  /** Show what will be sent before every call, not only the first cloud call of a session. */
  alwaysPreview: boolean;
  /** Vault path of the roster note or folder. */
  rosterPath: string;
  /** Kept from redaction (a school name looks like a person's name). */
  schoolName: string;
}

export const DEFAULT_AI_SETTINGS: AiSettings = {
  preset: 'none',
  baseUrl: '',
  model: '',
  apiKeySecret: '',
  temperature: null,
  timeoutSeconds: 60,
  exemptLoopback: false,
  alwaysPreview: false,
  rosterPath: DEFAULT_ROSTER_PATH,
  schoolName: '',
};

export const AI_PRESETS: readonly AiPreset[] = ['none', ...PROVIDER_PRESETS];

/** Longest time-out the settings accept, in seconds. */
export const MAX_TIMEOUT_SECONDS = 600;

/** The AI settings of a settings object; the defaults when it has none yet. */
export function aiSettingsOf(settings: { ai?: AiSettings }): AiSettings {
  return { ...DEFAULT_AI_SETTINGS, ...settings.ai };
}

/** An http(s) address, trimmed; '' for empty; null for anything else. */
export function checkBaseUrl(value: string): string | null {
  const trimmed = value.trim();
  if (trimmed === '') return '';
  try {
    const url = new URL(trimmed);
    return url.protocol === 'http:' || url.protocol === 'https:' ? trimmed.replace(/\/+$/, '') : null;
  } catch {
    return null;
  }
}

/** '' → null (the server's default); a number from 0 to 2; undefined for anything else. */
export function checkTemperature(value: string): number | null | undefined {
  if (value.trim() === '') return null;
  const n = Number(value.replace(',', '.'));
  return Number.isFinite(n) && n >= 0 && n <= 2 ? n : undefined;
}

/** Whole seconds from 1 to 600, or null. */
export function checkTimeout(value: string): number | null {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= MAX_TIMEOUT_SECONDS ? n : null;
}

/** Secret ids as `SecretStorage` accepts them: lower-case letters, digits and dashes. */
export function isSecretName(value: string): boolean {
  return value === '' || /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value);
}

/**
 * Checks stored `ai` data field by field: a bad value falls back to its default and is named
 * (`ai.model`, …), like every other setting.
 */
export function parseAiSettings(raw: unknown): { settings: AiSettings; problems: { key: string; value: unknown }[] } {
  const settings: AiSettings = { ...DEFAULT_AI_SETTINGS };
  const problems: { key: string; value: unknown }[] = [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { settings, problems: [{ key: 'ai', value: raw }] };
  const data = raw as Record<string, unknown>;
  const take = <K extends keyof AiSettings>(key: K, check: (value: unknown) => AiSettings[K] | undefined): void => {
    if (!(key in data) || data[key] === undefined) return;
    const value = check(data[key]);
    if (value === undefined) problems.push({ key: `ai.${key}`, value: data[key] });
    else settings[key] = value;
  };
  const text = (v: unknown): string | undefined => (typeof v === 'string' ? v.trim() : undefined);
  take('preset', (v) => (AI_PRESETS.includes(v as AiPreset) ? (v as AiPreset) : undefined));
  take('baseUrl', (v) => (typeof v === 'string' ? (checkBaseUrl(v) ?? undefined) : undefined));
  take('model', text);
  take('apiKeySecret', (v) => (typeof v === 'string' && isSecretName(v.trim()) ? v.trim() : undefined));
  take('temperature', (v) => (v === null ? null : typeof v === 'number' ? checkTemperature(String(v)) : undefined));
  take('timeoutSeconds', (v) => (typeof v === 'number' ? (checkTimeout(String(v)) ?? undefined) : undefined));
  take('exemptLoopback', (v) => (typeof v === 'boolean' ? v : undefined));
  take('alwaysPreview', (v) => (typeof v === 'boolean' ? v : undefined));
  take('rosterPath', text);
  take('schoolName', text);
  return { settings, problems };
}
