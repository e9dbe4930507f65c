import type { ProviderConfig, ProviderPreset } from './types';

/** Default base URLs per preset. Azure and custom have none: the user's resource decides. */
export const DEFAULT_BASE_URLS: Readonly<Record<ProviderPreset, string>> = {
  openai: 'https://api.openai.com/v1',
  azure: '',
  ollama: 'http://localhost:11434/v1',
  lmstudio: 'http://localhost:1234/v1',
  custom: '',
};

/** A generally available Azure OpenAI API version with chat completions, streaming and JSON mode. */
export const DEFAULT_AZURE_API_VERSION = '2024-10-21';

export const DEFAULT_TIMEOUT_MS = 60_000;

/** Human names for messages ("Draait Ollama?"). */
export const PRESET_LABELS: Readonly<Record<ProviderPreset, string>> = {
  openai: 'OpenAI',
  azure: 'Azure OpenAI',
  ollama: 'Ollama',
  lmstudio: 'LM Studio',
  custom: 'OpenAI-compatible server',
};

/**
 * Fills in what the user left empty: the preset's base URL and the default timeout. Trailing slashes
 * are dropped so messages and the audit log show one spelling.
 */
export function resolveProviderConfig(
  partial: Partial<ProviderConfig> & Pick<ProviderConfig, 'preset' | 'model'>,
): ProviderConfig {
  const baseUrl = (partial.baseUrl?.trim() || DEFAULT_BASE_URLS[partial.preset]).replace(/\/+$/, '');
  return {
    ...partial,
    baseUrl,
    timeoutMs: partial.timeoutMs && partial.timeoutMs > 0 ? partial.timeoutMs : DEFAULT_TIMEOUT_MS,
    stream: partial.stream ?? true,
  };
}

/**
 * Whether the server's `response_format: {type: "json_object"}` can be relied on. LM Studio only
 * takes `json_schema`, and an unknown custom server may reject the field, so those get the
 * instruction in the prompt alone.
 */
export function supportsJsonMode(preset: ProviderPreset): boolean {
  return preset === 'openai' || preset === 'azure' || preset === 'ollama';
}

/**
 * True when the URL's host is this machine's loopback interface: `localhost`, 127.0.0.0/8 or ::1.
 * Only then may the privacy guard be skipped (a setting, off by default). A LAN address, `0.0.0.0`,
 * a `*.local` name or anything unparsable counts as not local.
 */
export function isLocalEndpoint(baseUrl: string): boolean {
  let host: string;
  try {
    host = new URL(baseUrl).hostname.toLowerCase();
  } catch {
    return false;
  }
  if (host === 'localhost' || host === 'localhost.') return true;
  // The URL parser already normalised `127.1`, `0x7f.0.0.1` and friends to dotted quads.
  const quad = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (quad) return quad[1] === '127';
  if (host === '[::1]') return true;
  // IPv4-mapped loopback, which the parser writes as `[::ffff:7f00:1]`.
  return /^\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\]$/.test(host);
}

/**
 * The URL as it may appear in a message or log: no user name, password, query or fragment, because
 * people paste keys into those.
 */
export function displayUrl(baseUrl: string): string {
  try {
    const url = new URL(baseUrl);
    return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    return '(ongeldig adres / invalid address)';
  }
}

/** Host (and port) only, for the audit log. */
export function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return '';
  }
}
