/**
 * The language model for the generators, through the same path as "Ask the vision and policy": the
 * provider from the AI settings (key from the keychain, transport through `requestUrl`), the privacy
 * guard, the preview of exactly what will be sent (when asked, when always on, and before the first cloud
 * call of a session), and a line in the AI log for every request that came back.
 */
import type { ModelGeneratorOptions } from '../../core/generators';
import { createAuditEntry } from '../../core/llm/auditLog';
import { OpenAiChatModel } from '../../core/llm/openAiChatModel';
import type { PrivacyGuard, RequestPreview } from '../../core/llm/privacyGuard';
import { privacyGuardFor } from '../provider/privacyGuardFor';
import { SendApproval } from '../provider/sendApproval';
import { RedactingChatModel, type GuardedChatResponse, type RedactionPolicy } from '../../core/llm/redactingChatModel';
import type { RequestUrlLike } from '../../core/llm/requestUrlFetch';
import type { ChatModel, ChatRequest, ProviderConfig } from '../../core/llm/types';
import type { NoteSource } from '../../core/notes/types';
import type { VisiewijzerSettings } from '../settings/settings';
import { aiSettingsOf, type AiSettings } from '../provider/aiSettings';
import type { AuditLogService } from '../provider/auditLogService';
import { providerSetup, type SecretReader } from '../provider/providerSetup';
import type { PreviewTarget } from '../provider/sendPreviewModal';

export interface GeneratorModelDeps {
  settings(): VisiewijzerSettings;
  source: NoteSource;
  secrets: SecretReader;
  requestUrl: RequestUrlLike;
  audit: Pick<AuditLogService, 'append'>;
  /** Shows the preview; true to send. */
  confirmSend(preview: RequestPreview, target: PreviewTarget): Promise<boolean>;
}

/** One run's model: the options for `generate`, the notes it must not see, and whether the user said no. */
export interface PreparedModel {
  options: ModelGeneratorOptions;
  /** The name list's notes: never a source, so never sent. */
  excludedPaths: readonly string[];
  /** True once the user closed a preview without sending. */
  declined(): boolean;
}

/** The `[[…]]` sources a grounded prompt quotes (its `citeer="…"` attributes), for the AI log. */
export function quotedSources(request: ChatRequest): string[] {
  const text = request.messages.map((m) => m.content).join('\n');
  return [...new Set([...text.matchAll(/citeer="([^"]+)"/g)].map((m) => m[1] ?? ''))].filter((s) => s !== '');
}

/** The guarded model that writes every answered request to the AI log (the text has left the machine). */
class LoggedChatModel extends RedactingChatModel {
  constructor(inner: ChatModel, policy: RedactionPolicy, private readonly sent: (request: ChatRequest, response: GuardedChatResponse) => Promise<void>) {
    super(inner, policy);
  }

  override async complete(request: ChatRequest): Promise<GuardedChatResponse> {
    request.signal?.throwIfAborted();
    const response = await super.complete(request);
    await this.sent(request, response);
    return response;
  }
}

export class GeneratorModelAccess {
  private readonly approval: SendApproval;

  constructor(private readonly deps: GeneratorModelDeps) {
    this.approval = new SendApproval((preview, target) => deps.confirmSend(preview, target));
  }

  /** The configured model's name when everything needed is set (the modal offers model mode then), else null. */
  configuredModel(): string | null {
    const setup = providerSetup(aiSettingsOf(this.deps.settings()), this.deps.secrets, this.deps.requestUrl);
    return setup.ok ? setup.config.model : null;
  }

  /** Whether the preview is on by default (the setting "Always show what will be sent"). */
  alwaysPreview(): boolean {
    return aiSettingsOf(this.deps.settings()).alwaysPreview;
  }

  /** The model for one run, or null when the AI settings are not complete. `preview`: the user asked to see each prompt. */
  async prepare(preview: boolean): Promise<PreparedModel | null> {
    const settings = this.deps.settings();
    const ai = aiSettingsOf(settings);
    const setup = providerSetup(ai, this.deps.secrets, this.deps.requestUrl);
    if (!setup.ok) return null;
    const config = setup.config;
    const { guard, rosterNotes } = await privacyGuardFor(this.deps.source, settings, ai);
    const chatModel = new LoggedChatModel(new OpenAiChatModel(config), { redactor: guard.redactor, exemptLoopback: ai.exemptLoopback }, (request, response) =>
      this.deps.audit.append(
        createAuditEntry({ config, model: response.model, sources: quotedSources(request), redactedPrompt: response.sentPrompt, answer: response.text, redactionCount: response.redactionCount }),
        [config.apiKey],
      ),
    );
    let declined = false;
    return {
      options: {
        chatModel,
        restore: (text) => guard.restore(text),
        beforeSend: async (request) => {
          const approved = await this.approve(request, guard, ai, config, preview);
          if (!approved) declined = true;
          return approved;
        },
      },
      excludedPaths: rosterNotes,
      declined: () => declined,
    };
  }

  /**
   * The preview rule of the ask command, per prompt: when asked, when always on, and before the first
   * cloud call of the session. A request to fix look-fors repeats an approved prompt with the model's own
   * answer, so it goes without a second preview.
   */
  private approve(request: ChatRequest, guard: PrivacyGuard, ai: AiSettings, config: ProviderConfig, asked: boolean): Promise<boolean> {
    if (request.messages.length > 1) return Promise.resolve(true);
    return this.approval.approve(request, guard, ai, config, asked);
  }
}
