/**
 * Turns the AI settings into a provider configuration for the core, with the key read from Obsidian's
 * keychain at the moment of use and the transport through `requestUrl` (no CORS trouble with local
 * servers). Says what is missing when the settings are not complete yet.
 */
import { fetchViaRequestUrl, type RequestUrlLike } from '../../core/llm/requestUrlFetch';
import { DEFAULT_BASE_URLS, resolveProviderConfig } from '../../core/llm/presets';
import type { ProviderConfig } from '../../core/llm/types';
import type { AiSettings } from './aiSettings';

/** The part of `app.secretStorage` used here. */
export interface SecretReader {
  getSecret(id: string): string | null;
}

/** What still has to be set before anything can be sent. */
export type MissingSetting = 'service' | 'model' | 'baseUrl' | 'key';

export type ProviderSetup = { ok: true; config: ProviderConfig } | { ok: false; missing: MissingSetting };

/** Cloud services refuse requests without a key; local servers want none. */
function needsKey(preset: AiSettings['preset']): boolean {
  return preset === 'openai' || preset === 'azure';
}

export function providerSetup(ai: AiSettings, secrets: SecretReader, requestUrl: RequestUrlLike): ProviderSetup {
  if (ai.preset === 'none') return { ok: false, missing: 'service' };
  if (ai.model.trim() === '') return { ok: false, missing: 'model' };
  const baseUrl = ai.baseUrl.trim() || DEFAULT_BASE_URLS[ai.preset];
  if (baseUrl === '') return { ok: false, missing: 'baseUrl' };
  const apiKey = ai.apiKeySecret ? (secrets.getSecret(ai.apiKeySecret) ?? '') : '';
  if (needsKey(ai.preset) && apiKey === '') return { ok: false, missing: 'key' };
  const config = resolveProviderConfig({
    preset: ai.preset,
    baseUrl,
    model: ai.model.trim(),
    ...(apiKey ? { apiKey } : {}),
    ...(ai.temperature !== null ? { temperature: ai.temperature } : {}),
    timeoutMs: ai.timeoutSeconds * 1000,
    fetch: fetchViaRequestUrl(requestUrl),
    // requestUrl hands over the body in one piece, so a stream would not show earlier anyway.
    stream: false,
  });
  return { ok: true, config };
}
