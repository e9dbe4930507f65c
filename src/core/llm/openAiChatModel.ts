import OpenAI, { APIConnectionError, APIError, AzureOpenAI } from 'openai';
import { toProviderError } from './errorMapping';
import { DEFAULT_AZURE_API_VERSION, supportsJsonMode } from './presets';
import { ProviderError, type ProviderErrorContext } from './providerError';
import { DEFAULT_RETRY_POLICY, withRetries, type RetryPolicy } from './retry';
import type { ChatModel, ChatRequest, ChatResponse, ModelListing, ProviderConfig, TokenUsage } from './types';

export interface OpenAiChatModelOptions {
  /** Tests pass a sleep that returns at once; the plugin keeps the defaults (3 tries). */
  retry?: Partial<RetryPolicy>;
}

/** Sent as the bearer token to local servers that want none; keeps the SDK away from OPENAI_API_KEY. */
const NO_KEY = 'no-key';

/**
 * The event stream ended or broke after the response had started. Kept apart from connection errors
 * so a dropped stream is not reported as "cannot connect".
 */
class StreamBroke extends Error {
  constructor(why: string) {
    super(`the stream ended before the answer was finished (${why})`);
  }
}

type Attempt<T> = (signal: AbortSignal, keepAlive: () => void) => Promise<T>;

function usageOf(u: OpenAI.CompletionUsage | null | undefined): TokenUsage | undefined {
  if (!u) return undefined;
  return { promptTokens: u.prompt_tokens, completionTokens: u.completion_tokens, totalTokens: u.total_tokens };
}

/**
 * `ChatModel` on the official `openai` package: OpenAI, Azure OpenAI and any OpenAI-compatible server
 * (Ollama, LM Studio). The SDK's own retries are off; ours honour Retry-After and report attempts.
 * Every failure is a `ProviderError`, and the key never appears in one.
 */
export class OpenAiChatModel implements ChatModel {
  readonly config: Readonly<Pick<ProviderConfig, 'preset' | 'baseUrl' | 'model'>>;
  private readonly settings: ProviderConfig;
  private readonly policy: RetryPolicy;
  private client: OpenAI | undefined;

  constructor(config: ProviderConfig, options: OpenAiChatModelOptions = {}) {
    this.settings = { ...config };
    this.config = { preset: config.preset, baseUrl: config.baseUrl, model: config.model };
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  }

  async complete(request: ChatRequest): Promise<ChatResponse> {
    this.checkUsable();
    return withRetries(() => this.attempt(request), this.policy, request.signal);
  }

  async listModels(signal?: AbortSignal): Promise<ModelListing> {
    this.checkUsable();
    const started = performance.now();
    const models = await this.guarded(signal, async (s) => {
      const page = await this.sdk().models.list({ signal: s });
      return page.data.map((m) => m.id).sort();
    });
    return { models, latencyMs: Math.round(performance.now() - started) };
  }

  private get errorBase(): Pick<ProviderErrorContext, 'preset' | 'baseUrl' | 'model' | 'timeoutMs'> {
    const { preset, baseUrl, model, timeoutMs } = this.settings;
    return { preset, baseUrl, model, timeoutMs };
  }

  /** Cloud services without a key fail here, before any text leaves the machine. */
  private checkUsable(): void {
    const { preset, apiKey } = this.settings;
    if ((preset === 'openai' || preset === 'azure') && !apiKey) {
      throw new ProviderError('auth', { ...this.errorBase, detail: 'geen API-sleutel ingesteld / no API key set' });
    }
  }

  private sdk(): OpenAI {
    if (this.client) return this.client;
    const s = this.settings;
    const common = {
      apiKey: s.apiKey || NO_KEY,
      // Ours fires first; the SDK's is a backstop for the time to the response headers.
      timeout: s.timeoutMs + 1_000,
      maxRetries: 0,
      fetch: s.fetch,
      // Obsidian is a renderer; the key is the user's own, kept in the OS keychain.
      dangerouslyAllowBrowser: true,
      logLevel: 'off' as const,
      // Stop the SDK from picking these up from the environment and sending them along.
      organization: null,
      project: null,
      adminAPIKey: null,
    };
    if (s.preset === 'azure') {
      const onOpenAiPath = /\/openai(\/|$)/.test(safePath(s.baseUrl));
      this.client = new AzureOpenAI({
        ...common,
        ...(onOpenAiPath ? { baseURL: s.baseUrl } : { endpoint: s.baseUrl }),
        apiKey: s.apiKey ?? '',
        apiVersion: s.apiVersion || DEFAULT_AZURE_API_VERSION,
        deployment: s.model,
      });
    } else {
      this.client = new OpenAI({ ...common, baseURL: s.baseUrl });
    }
    return this.client;
  }

  /**
   * Runs one request under our own abort controller: the caller's signal and our timeout both abort
   * it, and whichever fired decides the error kind. `keepAlive` restarts the timeout (each chunk).
   */
  private async guarded<T>(callerSignal: AbortSignal | undefined, run: Attempt<T>): Promise<T> {
    const controller = new AbortController();
    let timedOut = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const keepAlive = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, this.settings.timeoutMs);
    };
    const onCallerAbort = (): void => controller.abort();
    if (callerSignal?.aborted) throw new ProviderError('cancelled', this.errorBase);
    callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
    keepAlive();
    try {
      return await run(controller.signal, keepAlive);
    } catch (error) {
      throw toProviderError(error, {
        base: this.errorBase,
        secrets: [this.settings.apiKey],
        cancelled: callerSignal?.aborted ?? false,
        timedOut,
      });
    } finally {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onCallerAbort);
    }
  }

  private async attempt(request: ChatRequest): Promise<ChatResponse> {
    if (!this.settings.stream) return this.completeOnce(request);
    let received = '';
    try {
      return await this.completeStreamed(request, (piece) => {
        received += piece;
      });
    } catch (error) {
      const failure = error as ProviderError;
      if (failure.kind !== 'malformed') {
        throw received ? failure.with({ partialText: received }) : failure;
      }
      // A stream that broke (or never was one) before its first token: ask again without streaming.
      if (!received) return this.completeOnce(request);
      throw new ProviderError('interrupted', { ...failure.context, detail: undefined, partialText: received });
    }
  }

  private body(request: ChatRequest): OpenAI.Chat.ChatCompletionCreateParamsNonStreaming {
    const { model, temperature, preset } = this.settings;
    let system = request.system;
    // OpenAI's JSON mode refuses a prompt that never mentions JSON.
    if (request.json && !/json/i.test(system)) system += '\n\nAntwoord met één geldig JSON-object.';
    return {
      model,
      messages: [{ role: 'system', content: system }, ...request.messages],
      ...(temperature !== undefined ? { temperature } : {}),
      ...(request.json && supportsJsonMode(preset) ? { response_format: { type: 'json_object' as const } } : {}),
    };
  }

  private completeOnce(request: ChatRequest): Promise<ChatResponse> {
    return this.guarded(request.signal, async (signal) => {
      const completion = await this.sdk().chat.completions.create(this.body(request), { signal });
      const message = completion.choices?.[0]?.message;
      if (typeof message?.content !== 'string') {
        const why = message?.refusal ? `refused: ${message.refusal}` : 'the answer has no text';
        throw new Error(why);
      }
      request.onToken?.(message.content);
      return {
        text: message.content,
        model: completion.model || this.settings.model,
        usage: usageOf(completion.usage),
        streamed: false,
      };
    });
  }

  private completeStreamed(request: ChatRequest, onPiece: (piece: string) => void): Promise<ChatResponse> {
    return this.guarded(request.signal, async (signal, keepAlive) => {
      const params: OpenAI.Chat.ChatCompletionCreateParamsStreaming = {
        ...this.body(request),
        stream: true,
        ...(this.settings.preset === 'openai' ? { stream_options: { include_usage: true } } : {}),
      };
      const stream = await this.sdk().chat.completions.create(params, { signal });
      let text = '';
      let model = '';
      let finished = false;
      let usage: TokenUsage | undefined;
      try {
        for await (const chunk of stream) {
          keepAlive();
          model ||= chunk.model ?? '';
          usage = usageOf(chunk.usage) ?? usage;
          const choice = chunk.choices?.[0];
          const piece = choice?.delta?.content;
          if (piece) {
            text += piece;
            onPiece(piece);
            request.onToken?.(piece);
          }
          if (choice?.finish_reason) finished = true;
        }
      } catch (error) {
        // An error event from the server itself keeps its own kind.
        if (error instanceof APIError && !(error instanceof APIConnectionError)) throw error;
        throw new StreamBroke(error instanceof Error ? error.message : String(error));
      }
      // The SDK ends the loop quietly on an abort; the abort reason decides the error kind.
      if (signal.aborted) throw new Error('aborted');
      if (!finished) throw new StreamBroke('no finish_reason');
      return { text, model: model || this.settings.model, usage, streamed: true };
    });
  }
}

function safePath(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '';
  }
}
