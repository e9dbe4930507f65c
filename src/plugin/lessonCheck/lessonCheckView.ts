/**
 * The "Visiecheck" sidebar: follows the note the user has open, checks it against the vision, and checks
 * again a second after typing stops. A check runs asynchronously and only the newest one is shown, so the
 * sidebar never holds up typing; switching notes shows the new note's check at once.
 */
import { ItemView, type TFile, type WorkspaceLeaf } from 'obsidian';
import type { GeneratorKind } from '../../core/generators';
import type { CheckEvidence } from '../../core/lessonCheck';
import type { GeneratorPreset } from '../generators/generatorForm';
import { isProviderError } from '../../core/llm/providerError';
import { currentLanguage, t } from '../i18n/i18n';
import { errorSummary, notify, reportError } from '../messages';
import type { VisiewijzerSettings } from '../settings/settings';
import type { RelatedPractice } from '../../core/practices';
import { relatedToCheck, renderRelatedSection } from '../practices/relatedSection';
import { renderPanel, type ModelState, type PanelState } from './checkPanel';
import { checkHints } from './checkHints';
import { jumpToLines, readNoteText } from './noteAccess';
import type { CheckOutcome, LessonCheckService, ReportOutcome } from './lessonCheckService';
import type { ModelCheckRunner } from './modelCheckRunner';

export const LESSON_CHECK_VIEW = 'visiewijzer-lesson-check';

/** Quiet time after the last edit before checking again. */
export const RECHECK_DELAY_MS = 1000;

export interface LessonCheckViewDeps {
  service: LessonCheckService;
  runner: ModelCheckRunner;
  settings(): VisiewijzerSettings;
  /** Calls `listener` when the index's status changes; returns the function that stops it. */
  onIndexStatus(listener: () => void): () => void;
  insertCallout(file: TFile): Promise<void>;
  writeReport(file: TFile): Promise<void>;
  /** Opens the generator dialog (issue 5) for the checked plan. */
  openGenerator(kind: GeneratorKind, preset: GeneratorPreset): void;
}

/** What is shown for the current note, apart from the model run. */
type Shown = { kind: 'message'; text: string; busy: boolean } | { kind: 'outcome'; outcome: ReportOutcome; hints: string[] };

export class LessonCheckView extends ItemView {
  /** The note being checked (kept while the sidebar itself has focus). */
  file: TFile | null = null;
  private shown: Shown = { kind: 'message', text: '', busy: false };
  private checking = false;
  private sequence = 0;
  private abort: AbortController | null = null;
  private timer: number | null = null;
  /** The model-assisted check in flight (one at a time); it keeps running when the user looks at another note. */
  private modelRun: { controller: AbortController; model: string; file: TFile } | null = null;
  private readonly collapsed = new Set<string>();
  /** Good practices related to the note shown, and whether the user unfolded that section (kept across notes). */
  private related: RelatedPractice[] = [];
  private relatedOpen = false;

  constructor(leaf: WorkspaceLeaf, private readonly deps: LessonCheckViewDeps) {
    super(leaf);
    this.icon = 'compass';
  }

  getViewType(): string {
    return LESSON_CHECK_VIEW;
  }

  getDisplayText(): string {
    return t('check.viewTitle');
  }

  protected override async onOpen(): Promise<void> {
    const { workspace, vault } = this.app;
    this.registerEvent(workspace.on('active-leaf-change', () => this.follow()));
    this.registerEvent(workspace.on('file-open', () => this.follow()));
    this.registerEvent(workspace.on('editor-change', (_editor, info) => {
      if (info.file && info.file === this.file) this.schedule();
    }));
    this.registerEvent(vault.on('modify', (file) => {
      if (file === this.file) this.schedule();
    }));
    this.registerEvent(vault.on('rename', (file) => {
      if (file === this.file) this.schedule();
    }));
    this.registerEvent(vault.on('delete', (file) => {
      if (file === this.file) this.showFile(null);
    }));
    this.register(this.deps.service.onChange(() => this.schedule()));
    // Once the index has opened it is known whether a model takes part: check then (not on every progress step).
    let opening = this.deps.service.waitingForIndex;
    this.register(this.deps.onIndexStatus(() => {
      const now = this.deps.service.waitingForIndex;
      if (now !== opening && !now && this.file) this.schedule(0);
      opening = now;
    }));
    this.follow();
  }

  protected override async onClose(): Promise<void> {
    this.cancelTimer();
    this.abort?.abort();
    this.modelRun?.controller.abort();
    this.modelRun = null;
  }

  /** Shows the note that is active now. With the sidebar itself focused, the last note stays. */
  follow(): void {
    const file = this.app.workspace.getActiveFile();
    if (file && file !== this.file) this.showFile(file);
    else if (!file && !this.file) this.showFile(null);
  }

  /** Checks the current note again now (the command and the ribbon icon). */
  refresh(): Promise<void> {
    return this.checkNow();
  }

  private showFile(file: TFile | null): void {
    this.file = file;
    this.collapsed.clear();
    this.related = [];
    this.shown = { kind: 'message', text: '', busy: false };
    void this.checkNow();
  }

  /** Checks again after `delayMs` of quiet; every new call restarts the wait. */
  private schedule(delayMs = RECHECK_DELAY_MS): void {
    this.cancelTimer();
    this.timer = window.setTimeout(() => {
      this.timer = null;
      void this.checkNow();
    }, delayMs);
  }

  private cancelTimer(): void {
    if (this.timer !== null) window.clearTimeout(this.timer);
    this.timer = null;
  }

  private async checkNow(): Promise<void> {
    this.cancelTimer();
    const file = this.file;
    const { service } = this.deps;
    this.abort?.abort();
    const sequence = ++this.sequence;
    if (!file) return this.showMessage(t('check.empty.noNote'));
    if (file.extension.toLowerCase() !== 'md') return this.showMessage(t('check.empty.notMarkdown', { name: file.name }));
    if (service.waitingForIndex) return this.showMessage(t('check.empty.waiting'), true);
    const abort = new AbortController();
    this.abort = abort;
    this.checking = true;
    if (this.shown.kind === 'message') this.showMessage(service.ready ? t('check.checking') : t('check.empty.preparing'), true);
    else this.render();
    try {
      const text = await readNoteText(this.app, file);
      const outcome = await service.check(file.path, text, abort.signal);
      const related = outcome.kind === 'report' ? await this.relatedFor(outcome) : [];
      if (sequence !== this.sequence) return;
      this.related = related;
      this.show(outcome);
    } catch (error) {
      if (sequence !== this.sequence || abort.signal.aborted) return;
      console.error('Visiewijzer: the vision check failed', error);
      this.showMessage(t('check.failed', { detail: errorSummary(error) }));
    } finally {
      if (sequence === this.sequence) this.checking = false;
    }
    this.render();
  }

  private show(outcome: CheckOutcome): void {
    const folders = this.deps.settings().folders;
    if (outcome.kind === 'no-vision') return this.showMessage(t('check.empty.noVision', { folder: folders.visie }));
    if (outcome.kind === 'empty') return this.showMessage(t('check.empty.emptyNote'));
    if (outcome.kind === 'report-note') return this.showMessage(t('check.empty.reportNote'));
    this.shown = { kind: 'outcome', outcome, hints: checkHints(outcome.report, outcome.role, folders.les) };
  }

  private showMessage(text: string, busy = false): void {
    this.shown = { kind: 'message', text, busy };
    this.render();
  }

  private render(): void {
    const state: PanelState =
      this.shown.kind === 'message'
        ? { kind: 'message', note: this.file?.basename ?? null, text: this.shown.text, busy: this.shown.busy }
        : { kind: 'report', report: this.shown.outcome.report, hints: this.shown.hints, busy: this.checking, model: this.modelState(), collapsed: this.collapsed };
    const scroll = this.contentEl.scrollTop;
    const root = renderPanel(this.contentEl, state, {
      openEvidence: (evidence) => void this.openEvidence(evidence),
      openLink: (target) => void this.app.workspace.openLinkText(target, this.file?.path ?? '', false),
      runModel: () => void this.runModel(),
      stopModel: () => this.modelRun?.controller.abort(),
      insertCallout: () => {
        if (this.file) void this.deps.insertCallout(this.file);
      },
      writeReport: () => {
        if (this.file) void this.deps.writeReport(this.file);
      },
      openGenerator: (kind, preset) => this.deps.openGenerator(kind, preset),
      toggle: (id, open) => {
        if (open) this.collapsed.delete(id);
        else this.collapsed.add(id);
      },
    });
    if (state.kind === 'report') {
      renderRelatedSection(root, this.related, {
        open: this.relatedOpen,
        toggle: (open) => {
          this.relatedOpen = open;
        },
        openPractice: (path) => void this.app.workspace.openLinkText(path, this.file?.path ?? '', false),
      });
    }
    this.contentEl.scrollTop = scroll;
  }

  /** Related good practices for a report; an extra, so a failure shows none rather than costing the check. */
  private async relatedFor(outcome: ReportOutcome): Promise<RelatedPractice[]> {
    try {
      const { vault } = await this.deps.service.prepare();
      return relatedToCheck(vault, outcome.report, outcome.plan, this.deps.settings().folders.praktijk);
    } catch {
      return [];
    }
  }

  private modelState(): ModelState {
    if (this.modelRun) return this.modelRun.file === this.file ? { kind: 'running', model: this.modelRun.model } : { kind: 'hidden' };
    const model = this.deps.runner.configuredModel();
    return model ? { kind: 'ready', model } : { kind: 'hidden' };
  }

  private async openEvidence(evidence: CheckEvidence): Promise<void> {
    if (this.file) await jumpToLines(this.app, this.file, evidence.startLine, evidence.endLine);
  }

  /**
   * Runs the model-assisted check on the note as it is now. The result is kept only if the note did not
   * change meanwhile (its lines would be off); when the user moved to another note, it waits for them.
   */
  private async runModel(): Promise<void> {
    const file = this.file;
    const model = this.deps.runner.configuredModel();
    if (!file || !model || this.modelRun) return;
    const controller = new AbortController();
    this.modelRun = { controller, model, file };
    this.render();
    const { service, runner } = this.deps;
    try {
      const text = await readNoteText(this.app, file);
      const result = await runner.run(service.planOf(file.path, text), await service.prepare(), controller.signal);
      if (this.modelRun?.controller !== controller) return;
      if (result.status === 'not-sent') notify(t('ask.notSent'));
      else if (result.status === 'stopped') notify(t('check.model.stopped'));
      else if ((await readNoteText(this.app, file)) !== text) notify(t('check.model.changed'));
      else {
        const outcome = service.remember(file.path, text, result.report);
        if (file === this.file) this.show(outcome);
        else notify(t('check.model.doneElsewhere', { name: file.basename }));
      }
    } catch (error) {
      if (controller.signal.aborted) notify(t('check.model.stopped'));
      else if (isProviderError(error)) notify(error.messageIn(currentLanguage()));
      else reportError(error, 'error.checkModel');
    } finally {
      if (this.modelRun?.controller === controller) this.modelRun = null;
      this.render();
    }
  }
}
