/**
 * The CLI's language-model provider, from environment variables: the key never goes on the command
 * line (where shell history and `ps` would show it) and never into a file.
 */
import { DEFAULT_BASE_URLS, resolveProviderConfig } from '../core/llm/presets';
import { PROVIDER_PRESETS, type ProviderConfig, type ProviderPreset } from '../core/llm/types';
import { CliError } from './args';

export const PROVIDER_ENV = {
  provider: 'VISIEWIJZER_PROVIDER',
  baseUrl: 'VISIEWIJZER_BASE_URL',
  model: 'VISIEWIJZER_MODEL',
  apiKey: 'VISIEWIJZER_API_KEY',
  /** Seconds; the provider layer's default (60) when unset. */
  timeout: 'VISIEWIJZER_TIMEOUT',
} as const;

/** One line: what to set, with a local and a cloud example. */
export const NO_PROVIDER_MESSAGE =
  `No language model configured. Set ${PROVIDER_ENV.baseUrl} and ${PROVIDER_ENV.model} ` +
  `(e.g. ${PROVIDER_ENV.baseUrl}=http://localhost:11434/v1 ${PROVIDER_ENV.model}=llama3.1 for Ollama), ` +
  `or ${PROVIDER_ENV.provider}=openai with ${PROVIDER_ENV.model} and ${PROVIDER_ENV.apiKey}.`;

type Env = Record<string, string | undefined>;

function value(env: Env, name: string): string | undefined {
  const v = env[name]?.trim();
  return v ? v : undefined;
}

/**
 * The provider the environment names, or null when it names none. A half-done configuration (a model
 * without an address, an unknown preset, an address that is no URL) is an error that says what to fix.
 */
export function providerFromEnv(env: Env): ProviderConfig | null {
  const presetName = value(env, PROVIDER_ENV.provider)?.toLowerCase();
  const baseUrl = value(env, PROVIDER_ENV.baseUrl);
  const model = value(env, PROVIDER_ENV.model);
  if (!presetName && !baseUrl && !model) return null;
  if (presetName && !PROVIDER_PRESETS.includes(presetName as ProviderPreset)) {
    throw new CliError(`${PROVIDER_ENV.provider} must be one of ${PROVIDER_PRESETS.join(', ')}, not "${presetName}"`);
  }
  const preset = (presetName ?? 'custom') as ProviderPreset;
  if (!model) throw new CliError(`${PROVIDER_ENV.model} is not set: name the model (for Azure OpenAI the deployment), e.g. ${PROVIDER_ENV.model}=llama3.1`);
  const url = baseUrl ?? DEFAULT_BASE_URLS[preset];
  if (!url) throw new CliError(`${PROVIDER_ENV.baseUrl} is not set: ${preset} has no default address`);
  if (!/^https?:\/\/[^/\s]+/i.test(url)) throw new CliError(`${PROVIDER_ENV.baseUrl} must start with http:// or https://`);
  const timeout = value(env, PROVIDER_ENV.timeout);
  const seconds = timeout === undefined ? undefined : Number(timeout);
  if (seconds !== undefined && !(Number.isFinite(seconds) && seconds > 0)) {
    throw new CliError(`${PROVIDER_ENV.timeout} must be a number of seconds, not "${timeout}"`);
  }
  return resolveProviderConfig({
    preset,
    baseUrl: url,
    model,
    apiKey: value(env, PROVIDER_ENV.apiKey),
    ...(seconds !== undefined ? { timeoutMs: Math.round(seconds * 1000) } : {}),
    // The answer is printed whole: placeholders are restored over the complete text, never mid-stream.
    stream: false,
  });
}
