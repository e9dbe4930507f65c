import { hostOf, isLocalEndpoint, PRESET_LABELS } from '../../core/llm/presets';
import type { PrivacyGuard, RequestPreview } from '../../core/llm/privacyGuard';
import { needsRedaction } from '../../core/llm/redactingChatModel';
import type { ChatRequest, ProviderConfig } from '../../core/llm/types';
import type { AiSettings } from './aiSettings';
import type { PreviewTarget } from './sendPreviewModal';

/** Around the preview: e.g. hide a progress notice while it is open. */
export interface PreviewHooks {
  opening?(): void;
  /** Only when the user chose to send. */
  approved?(): void;
}

/**
 * The preview rule of every feature that calls a language model (ask, generators, the model check):
 * show exactly what will be sent when the user asked to see it, when "always show" is on, and before the
 * first cloud call of the session. Each feature holds its own instance, so each asks once for a cloud call.
 */
export class SendApproval {
  /** Set once the user has seen and approved a cloud call in this session (plugin load). */
  private cloudApproved = false;

  constructor(private readonly confirmSend: (preview: RequestPreview, target: PreviewTarget) => Promise<boolean>) {}

  /** True to send `request`; shows the preview first when the rule asks for it. */
  async approve(request: ChatRequest, guard: PrivacyGuard, ai: AiSettings, config: ProviderConfig, asked = false, hooks: PreviewHooks = {}): Promise<boolean> {
    const cloud = !isLocalEndpoint(config.baseUrl);
    if (!asked && !ai.alwaysPreview && !(cloud && !this.cloudApproved)) return true;
    hooks.opening?.();
    const preview = guard.preview(request, needsRedaction(config.baseUrl, ai.exemptLoopback));
    const target: PreviewTarget = { service: PRESET_LABELS[config.preset], host: hostOf(config.baseUrl), model: config.model };
    const approved = await this.confirmSend(preview, target);
    if (approved && cloud) this.cloudApproved = true;
    if (approved) hooks.approved?.();
    return approved;
  }
}
