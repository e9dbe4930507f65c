/**
 * One privacy guard per generation: the redactor the `RedactingChatModel` runs, a preview of exactly
 * what that redactor will send, and `restore` for the answer. The placeholder mapping lives here, on
 * this machine, and is shared by the preview, the request and the restore.
 */
import { previewRedaction } from '../privacy/preview';
import { redact, restore } from '../privacy/redact';
import type { PreviewSegment, RedactionMapping, RedactionResult, Roster } from '../privacy/types';
import { renderPromptText } from './redactingChatModel';
import type { ChatRequest, Redactor } from './types';

/** Words no prompt should lose to the name detector, whatever the vault says. */
const ALWAYS_KEPT = ['Visiewijzer'];

export interface PrivacyGuardOptions {
  /** Known people: pupils, staff and the `personen:` of notes. */
  roster?: Roster;
  /** Never redacted as a name: the school's name, vision element titles. */
  keepTerms?: readonly string[];
}

/** One part of a request as the preview shows it: the role header and the text as it will be sent. */
export interface PreviewPart {
  role: 'system' | 'user' | 'assistant';
  segments: PreviewSegment[];
}

export interface RequestPreview {
  parts: PreviewPart[];
  /** The whole prompt as it will leave the machine; equals the `sentPrompt` of the call that follows. */
  text: string;
  redactionCount: number;
  /** False when the loopback exemption applies and the text goes out as written. */
  redacted: boolean;
}

export class PrivacyGuard {
  private current: RedactionMapping = {};
  private readonly keepTerms: string[];

  constructor(private readonly options: PrivacyGuardOptions = {}) {
    this.keepTerms = [...ALWAYS_KEPT, ...(options.keepTerms ?? [])];
  }

  /**
   * For `RedactingChatModel`: redacts and remembers the placeholders, so `[PERSOON-1]` is the same
   * person in the system prompt, every message and the answer.
   */
  readonly redactor: Redactor = (text) => {
    const result = this.redactWith(text, this.current);
    this.current = result.mapping;
    return { text: result.text, findings: result.findings };
  };

  /** Placeholder → original, for this generation only. Never sent, never logged. */
  get mapping(): Readonly<RedactionMapping> {
    return { ...this.current };
  }

  /** Puts the originals back into the model's answer, locally. */
  restore(text: string): string {
    return restore(text, this.current);
  }

  /**
   * What `RedactingChatModel` will send for `request`, with every redaction marked, without committing
   * any placeholder: `redact` is deterministic for a given mapping, so the real call sends exactly this.
   * `redacted: false` renders the request as it is (the loopback exemption).
   */
  preview(request: Pick<ChatRequest, 'system' | 'messages'>, redacted = true): RequestPreview {
    let mapping = this.current;
    let redactionCount = 0;
    const part = (role: PreviewPart['role'], text: string): { part: PreviewPart; text: string } => {
      if (!redacted) return { part: { role, segments: text ? [{ text, redacted: false }] : [] }, text };
      const result = this.redactWith(text, mapping);
      mapping = result.mapping;
      redactionCount += result.findings.length;
      return { part: { role, segments: previewRedaction(result) }, text: result.text };
    };
    const system = part('system', request.system);
    const messages = request.messages.map((m) => ({ ...part(m.role, m.content), role: m.role }));
    return {
      parts: [system.part, ...messages.map((m) => m.part)],
      text: renderPromptText(system.text, messages.map((m) => ({ role: m.role, content: m.text }))),
      redactionCount,
      redacted,
    };
  }

  private redactWith(text: string, mapping: RedactionMapping): RedactionResult {
    return redact(text, { roster: this.options.roster, keepTerms: this.keepTerms, mapping });
  }
}
