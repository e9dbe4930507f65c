/** The language-model provider layer: one narrow interface, the OpenAI-compatible implementation, and helpers. */
export type {
  ChatMessage,
  ChatModel,
  ChatRequest,
  ChatResponse,
  FetchLike,
  ModelListing,
  ProviderConfig,
  ProviderPreset,
  Redactor,
  TokenUsage,
} from './types';
export { PROVIDER_PRESETS } from './types';
export {
  DEFAULT_AZURE_API_VERSION,
  DEFAULT_BASE_URLS,
  DEFAULT_TIMEOUT_MS,
  PRESET_LABELS,
  displayUrl,
  hostOf,
  isLocalEndpoint,
  resolveProviderConfig,
  supportsJsonMode,
} from './presets';
export { ProviderError, isProviderError, scrubSecrets } from './providerError';
export type { ProviderErrorContext, ProviderErrorKind } from './providerError';
export { DEFAULT_RETRY_POLICY, defaultSleep, parseRetryAfter, withRetries } from './retry';
export type { RetryPolicy, Sleep } from './retry';
export { OpenAiChatModel } from './openAiChatModel';
export type { OpenAiChatModelOptions } from './openAiChatModel';
export { checkJsonAnswer, completeJson, extractJsonText } from './jsonOutput';
export type { JsonCompletion } from './jsonOutput';
export { GROUNDED_SYSTEM_RULES, buildGroundedPrompt, citationFor, neutraliseDelimiters } from './prompt';
export type { GroundedPrompt, GroundedPromptInput, PromptSource } from './prompt';
export { RedactingChatModel, needsRedaction, redactRequest, renderPromptText } from './redactingChatModel';
export type { GuardedChatResponse, RedactedRequest, RedactionPolicy } from './redactingChatModel';
export { appendAuditEntry, createAuditEntry, parseAuditLog } from './auditLog';
export type { AuditEntry, AuditEntryInput } from './auditLog';
export { asWikilink, renderDisclosure } from './disclosure';
export type { AiFrontmatter, Disclosure, DisclosureInput } from './disclosure';
export { fetchViaRequestUrl } from './requestUrlFetch';
export type { RequestUrlLike, RequestUrlParamLike, RequestUrlResponseLike } from './requestUrlFetch';
