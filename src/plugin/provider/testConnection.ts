/**
 * "Test connection" in the settings: asks the server which models it has (nothing about the vault is
 * sent) and reports what it found and how long it took, or why it failed, in the user's language.
 */
import { OpenAiChatModel } from '../../core/llm/openAiChatModel';
import { isProviderError } from '../../core/llm/providerError';
import type { RequestUrlLike } from '../../core/llm/requestUrlFetch';
import { currentLanguage, t, type MessageKey } from '../i18n/i18n';
import { errorSummary } from '../messages';
import type { AiSettings } from './aiSettings';
import { providerSetup, type MissingSetting, type SecretReader } from './providerSetup';

/** Why a setup is not complete, as a sentence for the settings tab and for notices. */
export const MISSING_MESSAGES: Record<MissingSetting, MessageKey> = {
  service: 'ask.missing.service',
  model: 'ask.missing.model',
  baseUrl: 'ask.missing.baseUrl',
  key: 'ask.missing.key',
};

/** Models named in the result line before "…". */
const SHOWN_MODELS = 5;

export interface ConnectionReport {
  ok: boolean;
  text: string;
}

export async function testConnection(ai: AiSettings, secrets: SecretReader, requestUrl: RequestUrlLike): Promise<ConnectionReport> {
  const setup = providerSetup(ai, secrets, requestUrl);
  if (!setup.ok) return { ok: false, text: t(MISSING_MESSAGES[setup.missing]) };
  try {
    const { models, latencyMs } = await new OpenAiChatModel(setup.config).listModels();
    if (models.length === 0) return { ok: true, text: t('settings.ai.test.none', { ms: latencyMs }) };
    const shown = models.slice(0, SHOWN_MODELS).join(', ') + (models.length > SHOWN_MODELS ? ', …' : '');
    const found = t('settings.ai.test.ok', { count: models.length, models: shown, ms: latencyMs });
    // Azure lists models, not deployments, so only the other services can be checked for the name.
    const missing = ai.preset !== 'azure' && !models.includes(setup.config.model);
    return { ok: true, text: missing ? `${found} ${t('settings.ai.test.modelMissing', { model: setup.config.model })}` : found };
  } catch (error) {
    return { ok: false, text: isProviderError(error) ? error.messageIn(currentLanguage()) : errorSummary(error) };
  }
}
