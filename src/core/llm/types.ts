/**
 * The narrow language-model interface the rest of Visiewijzer talks to. Features depend on `ChatModel`
 * only; `OpenAiChatModel` is the one real implementation, tests may pass any fake.
 */

/** Which kind of server a provider configuration points at. Decides defaults, hints and JSON mode. */
export type ProviderPreset = 'openai' | 'azure' | 'ollama' | 'lmstudio' | 'custom';

export const PROVIDER_PRESETS: readonly ProviderPreset[] = ['openai', 'azure', 'ollama', 'lmstudio', 'custom'];

/** The `fetch` shape the SDK accepts; the plugin passes one that wraps Obsidian's `requestUrl`. */
export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** Everything needed to reach one model. The key lives in secret storage / an env var, never in data.json. */
export interface ProviderConfig {
  preset: ProviderPreset;
  /** OpenAI-compatible base URL, e.g. `http://localhost:11434/v1`. For Azure: the resource endpoint. */
  baseUrl: string;
  /** Model name; for Azure the deployment name. */
  model: string;
  /** Omitted for local servers that need none. */
  apiKey?: string;
  /** Omitted: the server's default (some OpenAI models reject any other value than their default). */
  temperature?: number;
  /** Per request: time to the first byte, and for a stream the longest silence between two chunks. */
  timeoutMs: number;
  /** Azure OpenAI `api-version`; a GA version is used when omitted. */
  apiVersion?: string;
  /** Injected transport; the global `fetch` when omitted. */
  fetch?: FetchLike;
  /** Ask for a stream; falls back to one response when the stream fails before its first token. */
  stream: boolean;
}

/** One turn of the conversation after the system prompt. */
export interface ChatMessage {
  role: 'user' | 'assistant';
  content: string;
}

export interface ChatRequest {
  system: string;
  messages: ChatMessage[];
  /** Ask for a JSON object (the server's JSON mode where the preset supports it). */
  json?: boolean;
  /** Stops the HTTP request; the promise then rejects with a `ProviderError` of kind `cancelled`. */
  signal?: AbortSignal;
  /** Called with each piece of text as it arrives (once with the whole text when not streamed). */
  onToken?: (token: string) => void;
}

export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
}

export interface ChatResponse {
  text: string;
  /** The model the server says answered (falls back to the configured one). */
  model: string;
  usage?: TokenUsage;
  /** Whether the text came in as a stream. */
  streamed: boolean;
}

/** What "test connection" reports. */
export interface ModelListing {
  models: string[];
  latencyMs: number;
}

export interface ChatModel {
  /** Where requests go, for messages, the audit log and the privacy rule (loopback or not). */
  readonly config: Readonly<Pick<ProviderConfig, 'preset' | 'baseUrl' | 'model'>>;
  complete(request: ChatRequest): Promise<ChatResponse>;
  listModels(signal?: AbortSignal): Promise<ModelListing>;
}

/**
 * A privacy guard as the provider layer sees it: takes text, returns the text to send. `findings`
 * (or `count`) says how many things were replaced. It must keep one placeholder mapping across calls
 * so `[PERSOON-1]` means the same person in the system prompt and every message.
 */
export type Redactor = (text: string) => { text: string; findings?: readonly unknown[]; count?: number };
