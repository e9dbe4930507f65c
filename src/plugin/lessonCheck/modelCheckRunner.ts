/**
 * The model-assisted lesson check inside Obsidian, through the same path as "Ask the vision and policy":
 * the provider from the AI settings (key from the keychain, transport through `requestUrl`), the privacy
 * guard, the preview of exactly what will be sent (before the first cloud call of a session, and always
 * when the setting says so), and a line in the AI log for every request that left the machine.
 */
import { checkLessonPlanWithModel, type LessonCheckReport } from '../../core/lessonCheck';
import { createAuditEntry } from '../../core/llm/auditLog';
import { OpenAiChatModel } from '../../core/llm/openAiChatModel';
import type { RequestPreview } from '../../core/llm/privacyGuard';
import { privacyGuardFor } from '../provider/privacyGuardFor';
import { SendApproval } from '../provider/sendApproval';
import { RedactingChatModel, type GuardedChatResponse, type RedactionPolicy } from '../../core/llm/redactingChatModel';
import type { RequestUrlLike } from '../../core/llm/requestUrlFetch';
import type { ChatModel, ChatRequest } from '../../core/llm/types';
import type { NoteSource, ParsedNote } from '../../core/notes/types';
import { citation } from '../../core/retrieval/citation';
import { currentLanguage } from '../i18n/i18n';
import type { VisiewijzerSettings } from '../settings/settings';
import { aiSettingsOf } from '../provider/aiSettings';
import type { AuditLogService } from '../provider/auditLogService';
import { providerSetup, type SecretReader } from '../provider/providerSetup';
import type { PreviewTarget } from '../provider/sendPreviewModal';
import type { PreparedCheck } from './lessonCheckService';

export interface ModelCheckDeps {
  settings(): VisiewijzerSettings;
  source: NoteSource;
  secrets: SecretReader;
  requestUrl: RequestUrlLike;
  audit: Pick<AuditLogService, 'append'>;
  /** Shows the preview; true to send. */
  confirmSend(preview: RequestPreview, target: PreviewTarget): Promise<boolean>;
}

/** How a model-assisted check ended. Errors (a provider that refuses, a broken answer) are thrown. */
export type ModelRunResult = { status: 'done'; report: LessonCheckReport } | { status: 'not-sent' } | { status: 'stopped' };

/** Thrown from inside the chat model when the user chose not to send: nothing left the machine. */
class NotSent extends Error {}

interface SendHooks {
  /** Before a request goes out; false sends nothing. */
  approve(request: ChatRequest): Promise<boolean>;
  /** After it came back: the log entry (the text has left the machine whatever happens next). */
  sent(response: GuardedChatResponse): Promise<void>;
}

/** The guarded model with the preview before and the AI log after each request. */
class PreviewedChatModel extends RedactingChatModel {
  constructor(inner: ChatModel, policy: RedactionPolicy, private readonly hooks: SendHooks) {
    super(inner, policy);
  }

  override async complete(request: ChatRequest): Promise<GuardedChatResponse> {
    if (!(await this.hooks.approve(request))) throw new NotSent();
    request.signal?.throwIfAborted();
    const response = await super.complete(request);
    await this.hooks.sent(response);
    return response;
  }
}

export class ModelCheckRunner {
  private readonly approval: SendApproval;

  constructor(private readonly deps: ModelCheckDeps) {
    this.approval = new SendApproval((preview, target) => deps.confirmSend(preview, target));
  }

  /** The configured model's name when everything needed is set (the sidebar shows the button then), else null. */
  configuredModel(): string | null {
    const setup = providerSetup(aiSettingsOf(this.deps.settings()), this.deps.secrets, this.deps.requestUrl);
    return setup.ok ? setup.config.model : null;
  }

  /** Checks `plan` with the language model; the extractive part reuses the prepared checker. */
  async run(plan: ParsedNote, prepared: PreparedCheck, signal: AbortSignal): Promise<ModelRunResult> {
    const settings = this.deps.settings();
    const ai = aiSettingsOf(settings);
    const setup = providerSetup(ai, this.deps.secrets, this.deps.requestUrl);
    if (!setup.ok) return { status: 'not-sent' };
    const config = setup.config;
    const { guard } = await privacyGuardFor(this.deps.source, settings, ai);
    const sources = [citation(plan.path, null), ...prepared.vault.elements.map((e) => citation(e.path, e.heading))];
    let previewed = false;
    const model = new PreviewedChatModel(new OpenAiChatModel(config), { redactor: guard.redactor, exemptLoopback: ai.exemptLoopback }, {
      approve: async (request) => {
        // One preview per check: a repair request after a broken answer goes with the approved one.
        if (previewed) return true;
        previewed = true;
        return this.approval.approve(request, guard, ai, config);
      },
      sent: (response) =>
        this.deps.audit.append(
          createAuditEntry({ config, model: response.model, sources, redactedPrompt: response.sentPrompt, answer: response.text, redactionCount: response.redactionCount }),
          [config.apiKey],
        ),
    });
    try {
      const report = await checkLessonPlanWithModel({
        ...prepared.vault,
        plan,
        model,
        embedder: prepared.embedder,
        checker: prepared.checker,
        options: { lang: currentLanguage(), signal, restore: (text) => guard.restore(text) },
      });
      return { status: 'done', report };
    } catch (error) {
      if (error instanceof NotSent) return { status: 'not-sent' };
      if (signal.aborted) return { status: 'stopped' };
      throw error;
    }
  }
}
