/**
 * "Ask the vision and policy" inside Obsidian: retrieval, the privacy guard, the preview (before the
 * first cloud call of a session, whenever asked, and always when the setting says so), the call
 * through `requestUrl`, the AI log, and the answer as a new note with its disclosure.
 */
import type { Notice } from 'obsidian';
import { OpenAiChatModel } from '../../core/llm/openAiChatModel';
import { askVault, VISION_AND_POLICY_ROLES, type AskVaultResult, type PassageSearch } from '../../core/llm/askVault';
import { renderAnswerNote, noteNameFor } from '../../core/llm/answerNote';
import { createAuditEntry } from '../../core/llm/auditLog';
import { renderDisclosure } from '../../core/llm/disclosure';
import type { RequestPreview } from '../../core/llm/privacyGuard';
import { privacyGuardFor } from './privacyGuardFor';
import { SendApproval } from './sendApproval';
import { isProviderError } from '../../core/llm/providerError';
import { RedactingChatModel } from '../../core/llm/redactingChatModel';
import type { RequestUrlLike } from '../../core/llm/requestUrlFetch';
import type { ProviderConfig } from '../../core/llm/types';
import type { NoteSource } from '../../core/notes/types';
import { currentLanguage, t } from '../i18n/i18n';
import { notify, reportError } from '../messages';
import type { VisiewijzerSettings } from '../settings/settings';
import { aiSettingsOf, type AiSettings } from './aiSettings';
import type { AskRequest } from './askModal';
import { writeAnswerNote, type AnswerVault } from './answerWriter';
import type { AuditLogService } from './auditLogService';
import { providerSetup, type SecretReader } from './providerSetup';
import { MISSING_MESSAGES } from './testConnection';
import type { PreviewTarget } from './sendPreviewModal';

export interface AskServiceDeps {
  settings(): VisiewijzerSettings;
  /** The index service's search (null while the index is still loading). */
  index: PassageSearch;
  source: NoteSource;
  vault: AnswerVault;
  secrets: SecretReader;
  requestUrl: RequestUrlLike;
  audit: AuditLogService;
  /** Shows the preview; true to send. */
  confirmSend(preview: RequestPreview, target: PreviewTarget): Promise<boolean>;
  /** Opens the new note. */
  openNote(path: string): Promise<void>;
}

class IndexNotReady extends Error {}

/** The "asking…" notice, put away while the preview is open. */
interface ProgressNotice {
  hide(): void;
  show(): void;
}

export class AskService {
  private readonly approval: SendApproval;

  constructor(private readonly deps: AskServiceDeps) {
    this.approval = new SendApproval((preview, target) => deps.confirmSend(preview, target));
  }

  /** What must be set up before a question can be asked (as a sentence), or null when all is set. */
  missingSetup(): string | null {
    const setup = providerSetup(aiSettingsOf(this.deps.settings()), this.deps.secrets, this.deps.requestUrl);
    return setup.ok ? null : t(MISSING_MESSAGES[setup.missing]);
  }

  /** Runs one question end to end; reports every outcome as a notice. Returns the path of the new note, if any. */
  async ask(request: AskRequest): Promise<string | null> {
    const settings = this.deps.settings();
    const ai = aiSettingsOf(settings);
    const setup = providerSetup(ai, this.deps.secrets, this.deps.requestUrl);
    if (!setup.ok) {
      notify(t(MISSING_MESSAGES[setup.missing]));
      return null;
    }
    const controller = new AbortController();
    // A notice that stays while waiting; clicking it stops the request. Hidden while the preview is open.
    const showProgress = (): Notice => {
      const notice = notify(t('ask.progress', { model: setup.config.model }), 0);
      notice.messageEl.addEventListener('click', () => controller.abort());
      return notice;
    };
    let progress = showProgress();
    const progressDuringPreview = {
      hide: () => progress.hide(),
      show: () => {
        progress = showProgress();
      },
    };
    try {
      const result = await this.run(request, settings, ai, setup.config, controller.signal, progressDuringPreview);
      return await this.finish(request.question, setup.config, result);
    } catch (error) {
      if (error instanceof IndexNotReady) notify(t('search.notReady'));
      else if (isProviderError(error)) notify(error.messageIn(currentLanguage()));
      else reportError(error, 'error.ask');
      return null;
    } finally {
      progress.hide();
    }
  }

  private async run(request: AskRequest, settings: VisiewijzerSettings, ai: AiSettings, config: ProviderConfig, signal: AbortSignal, progress: ProgressNotice): Promise<AskVaultResult> {
    const { guard, rosterNotes } = await privacyGuardFor(this.deps.source, settings, ai);
    const chatModel = new RedactingChatModel(new OpenAiChatModel(config), { redactor: guard.redactor, exemptLoopback: ai.exemptLoopback });
    const index: PassageSearch = {
      search: async (query, options) => {
        const found = await this.deps.index.search(query, options);
        if (!found) throw new IndexNotReady();
        return found;
      },
    };
    return askVault({
      index,
      readNote: (path) => this.deps.source.read(path),
      chatModel,
      question: request.question,
      lang: currentLanguage(),
      roles: VISION_AND_POLICY_ROLES,
      excludePaths: rosterNotes,
      signal,
      restore: (text) => guard.restore(text),
      beforeSend: (chat) => this.approval.approve(chat, guard, ai, config, request.preview, { opening: () => progress.hide(), approved: () => progress.show() }),
    });
  }

  private async finish(question: string, config: ProviderConfig, result: AskVaultResult): Promise<string | null> {
    if (result.status === 'nothing-found') {
      notify(result.answer);
      return null;
    }
    if (result.status === 'cancelled') {
      notify(t('ask.notSent'));
      return null;
    }
    const citations = result.sources.map((s) => s.citation);
    // The log first: the text has left the machine whatever happens to the note.
    await this.deps.audit.append(
      createAuditEntry({ config, model: result.model, sources: citations, redactedPrompt: result.sentPrompt, answer: result.rawAnswer, redactionCount: result.redactionCount }),
      [config.apiKey],
    );
    const lang = currentLanguage();
    const disclosure = renderDisclosure({ provider: config.preset, model: result.model || config.model, date: new Date(), sources: citations, lang });
    const content = renderAnswerNote({ question, answer: result.answer, sources: result.sources, disclosure, lang });
    const file = await writeAnswerNote(this.deps.vault, noteNameFor(question, t('ask.untitled')), content);
    notify(t('ask.done', { path: file.path }));
    await this.deps.openNote(file.path);
    return file.path;
  }
}
