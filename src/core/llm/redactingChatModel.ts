import { isLocalEndpoint } from './presets';
import type { ChatMessage, ChatModel, ChatRequest, ChatResponse, ModelListing, Redactor } from './types';

/** A request after the privacy guard, with what the audit log needs to know about it. */
export interface RedactedRequest {
  request: ChatRequest;
  /** System prompt and messages as sent, in one readable text (for the audit log and the preview). */
  sentPrompt: string;
  redactionCount: number;
}

export interface GuardedChatResponse extends ChatResponse {
  /** Exactly what left the machine, as text. */
  sentPrompt: string;
  redactionCount: number;
  /** False only when the loopback exemption applied. */
  redacted: boolean;
}

/**
 * Whether text must go through the privacy guard before it goes to `baseUrl`: always, unless the
 * server is on this machine's loopback and the user switched the exemption on (off by default).
 */
export function needsRedaction(baseUrl: string, exemptLoopback: boolean): boolean {
  return !(exemptLoopback && isLocalEndpoint(baseUrl));
}

/** The prompt as one text: how the audit log and the "what will be sent" preview show it. */
export function renderPromptText(system: string, messages: readonly ChatMessage[]): string {
  return [`[system]\n${system}`, ...messages.map((m) => `[${m.role}]\n${m.content}`)].join('\n\n');
}

function countOf(result: ReturnType<Redactor>): number {
  return result.count ?? result.findings?.length ?? 0;
}

/** Runs `redactor` over the system prompt and every message. Pure apart from the redactor's mapping. */
export function redactRequest(request: ChatRequest, redactor: Redactor): RedactedRequest {
  let redactionCount = 0;
  const apply = (text: string): string => {
    const result = redactor(text);
    redactionCount += countOf(result);
    return result.text;
  };
  const system = apply(request.system);
  const messages = request.messages.map((m) => ({ role: m.role, content: apply(m.content) }));
  return {
    request: { ...request, system, messages },
    sentPrompt: renderPromptText(system, messages),
    redactionCount,
  };
}

export interface RedactionPolicy {
  redactor: Redactor;
  /** Skip the guard for a server on loopback (a setting, off by default). */
  exemptLoopback?: boolean;
}

/**
 * Wraps a `ChatModel` so nothing reaches it unredacted. Features get this one, never the raw model,
 * which is what makes the guard impossible to skip.
 */
export class RedactingChatModel implements ChatModel {
  readonly config: ChatModel['config'];

  constructor(
    private readonly inner: ChatModel,
    private readonly policy: RedactionPolicy,
  ) {
    this.config = inner.config;
  }

  async complete(request: ChatRequest): Promise<GuardedChatResponse> {
    const guard = needsRedaction(this.config.baseUrl, this.policy.exemptLoopback ?? false);
    const prepared: RedactedRequest = guard
      ? redactRequest(request, this.policy.redactor)
      : { request, sentPrompt: renderPromptText(request.system, request.messages), redactionCount: 0 };
    const response = await this.inner.complete(prepared.request);
    return { ...response, sentPrompt: prepared.sentPrompt, redactionCount: prepared.redactionCount, redacted: guard };
  }

  listModels(signal?: AbortSignal): Promise<ModelListing> {
    return this.inner.listModels(signal);
  }
}
