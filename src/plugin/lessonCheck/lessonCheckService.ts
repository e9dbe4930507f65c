/**
 * The lesson check inside Obsidian: reads the vault's vision, policy and good practices once, prepares
 * the checker in the background (with the index's embedding model when it has one), and checks a note's
 * current text as often as it changes. Shared by the sidebar and the commands, so a check made for one
 * is reused by the other.
 */
import type { Embedder } from '../../core/index/types';
import { LessonChecker, loadLessonCheckVault, type LessonCheckReport, type LessonCheckVault } from '../../core/lessonCheck';
import { withoutCheckCallouts } from '../../core/lessonCheck/renderCallout';
import { REPORT_PLAN_KEY } from '../../core/lessonCheck/renderReportNote';
import { parseNote } from '../../core/notes/parseNote';
import { detectRole, type RoleFolders } from '../../core/notes/roles';
import type { NoteRole, NoteSource, ParsedNote } from '../../core/notes/types';
import { currentLanguage } from '../i18n/i18n';
import type { VisiewijzerSettings } from '../settings/settings';

export interface LessonCheckServiceDeps {
  source: NoteSource;
  settings(): VisiewijzerSettings;
  /** The embedding model the index uses now; null when it runs keyword-only. */
  embedder(): Embedder | null;
  /** True while the index is still opening, so it is not known yet whether a model will be used. */
  indexOpening(): boolean;
}

/** The vault read for the check and the checker prepared on it, for one embedder. */
export interface PreparedCheck {
  vault: LessonCheckVault;
  checker: LessonChecker;
  embedder: Embedder | null;
}

/** A check with its report: the note as checked and the role it has. */
export interface ReportOutcome {
  kind: 'report';
  report: LessonCheckReport;
  plan: ParsedNote;
  role: NoteRole | null;
}

/** What a check of a note came to: a report, or why there is none. */
export type CheckOutcome =
  | ReportOutcome
  | { kind: 'no-vision' }
  | { kind: 'empty' }
  | { kind: 'report-note' };

/** Roles whose notes feed the checker directly (elements, passages, suggestions): a change re-prepares it. */
const SOURCE_ROLES: ReadonlySet<NoteRole | null> = new Set<NoteRole | null>(['visie', 'beleid', 'praktijk']);

export class LessonCheckService {
  private prepared: Promise<PreparedCheck> | null = null;
  private preparedFor: Embedder | null = null;
  private settled = false;
  /** An embedder that failed during a check: the checker runs keyword-only until the index picks another. */
  private failedEmbedder: Embedder | null = null;
  private readonly listeners = new Set<() => void>();
  /** Per note the latest report, for its text and the embedder it was made with. */
  private readonly memo = new Map<string, { text: string; outcome: ReportOutcome; embedder: Embedder | null }>();
  private readonly changedMeanwhile = new Set<string>();

  constructor(private readonly deps: LessonCheckServiceDeps) {}

  /** The role folders as the user named them (for messages that say where to put a note). */
  folders(): RoleFolders {
    return this.deps.settings().folders;
  }

  /** True while the index is opening: nothing is prepared before it is known whether a model takes part. */
  get waitingForIndex(): boolean {
    return this.deps.indexOpening();
  }

  /** True when a checker for the current embedder is ready, so a check takes milliseconds. */
  get ready(): boolean {
    return this.prepared !== null && this.settled && this.preparedFor === this.currentEmbedder();
  }

  /** Calls `listener` when the vision changed and checks shown so far may be out of date. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The checker for the vault as it is now, prepared once and then reused (started here when needed). */
  prepare(): Promise<PreparedCheck> {
    const embedder = this.currentEmbedder();
    if (this.prepared && this.preparedFor === embedder) return this.prepared;
    this.preparedFor = embedder;
    this.settled = false;
    this.changedMeanwhile.clear();
    const run = this.build(embedder);
    this.prepared = run;
    run.then(
      (prepared) => {
        if (this.prepared !== run) return;
        this.settled = true;
        const changed = [...this.changedMeanwhile];
        this.changedMeanwhile.clear();
        if (changed.some((path) => affects(prepared, path))) this.invalidate();
      },
      () => {
        // A failed preparation is not kept: the next check tries again.
        if (this.prepared === run) this.prepared = null;
      },
    );
    return run;
  }

  /**
   * A note changed (created, edited, moved or deleted). Vision, policy and good-practice notes feed the
   * checker, so it is prepared again; so is any note while the vault has no vision yet (it may just have
   * been marked as one). Edits to lesson plans do not: they only weigh words a little. A change while
   * the checker is being prepared is looked at once it is ready.
   */
  noteChanged(path: string): void {
    const current = this.prepared;
    if (!current) return;
    if (!this.settled) {
      this.changedMeanwhile.add(path);
      return;
    }
    void current.then((prepared) => {
      if (this.prepared === current && affects(prepared, path)) this.invalidate();
    });
  }

  /** Forgets the prepared checker (settings changed, a vision note changed) and tells the listeners. */
  invalidate(): void {
    this.prepared = null;
    this.settled = false;
    this.memo.clear();
    for (const listener of this.listeners) listener();
  }

  /**
   * Checks `text` as the note at `path`: the latest report for exactly this text when there is one (a
   * model-assisted one included), else a new extractive check. `signal` stops a check no longer wanted.
   */
  async check(path: string, text: string, signal?: AbortSignal): Promise<CheckOutcome> {
    const remembered = this.memo.get(path);
    // A model-assisted report stays valid for its text; an extractive one only for the embedder it used.
    if (remembered && remembered.text === text && (remembered.outcome.report.mode === 'model' || remembered.embedder === this.currentEmbedder())) return remembered.outcome;
    const plan = this.planOf(path, text);
    if (REPORT_PLAN_KEY in plan.frontmatter) return { kind: 'report-note' };
    if (!plan.sections.some((s) => s.blocks.some((b) => b.text.trim() !== ''))) return { kind: 'empty' };
    const prepared = await this.prepare();
    signal?.throwIfAborted();
    if (prepared.vault.elements.length === 0) return { kind: 'no-vision' };
    const options = { lang: currentLanguage(), ...(signal ? { signal } : {}) };
    let report: LessonCheckReport;
    try {
      report = await prepared.checker.check(plan, options);
    } catch (error) {
      if (signal?.aborted || !prepared.embedder) throw error;
      // The model stopped (the index may be falling back right now): check by keywords instead.
      this.failedEmbedder = prepared.embedder;
      report = await (await this.prepare()).checker.check(plan, options);
    }
    return this.remember(path, text, report);
  }

  /** The note as the check reads it: its own vision-check callouts are left out (lines stay where they are). */
  planOf(path: string, text: string): ParsedNote {
    return parseNote(path, withoutCheckCallouts(text));
  }

  /** Keeps `report` as the latest check of this exact text (also a model-assisted one) and returns it as an outcome. */
  remember(path: string, text: string, report: LessonCheckReport): ReportOutcome {
    const plan = this.planOf(path, text);
    const outcome: ReportOutcome = { kind: 'report', report, plan, role: detectRole(plan, this.deps.settings().folders).role };
    this.memo.set(path, { text, outcome, embedder: this.preparedFor });
    return outcome;
  }

  private currentEmbedder(): Embedder | null {
    const embedder = this.deps.embedder();
    return embedder === this.failedEmbedder ? null : embedder;
  }

  private async build(embedder: Embedder | null): Promise<PreparedCheck> {
    const vault = await loadLessonCheckVault(this.deps.source, { folders: this.deps.settings().folders });
    // Reports written by this feature quote the vision; as background text they would blur it.
    vault.corpus = vault.corpus.filter((note) => !(REPORT_PLAN_KEY in note.frontmatter));
    if (!embedder) return { vault, checker: await LessonChecker.prepare(vault, null), embedder: null };
    try {
      return { vault, checker: await LessonChecker.prepare(vault, embedder), embedder };
    } catch {
      // The model failed while preparing: the check still works by keywords (the index says why, if it fails there too).
      this.failedEmbedder = embedder;
      this.preparedFor = null;
      return { vault, checker: await LessonChecker.prepare(vault, null), embedder: null };
    }
  }
}

/** Whether a change to `path` can change what the prepared checker knows. */
function affects(prepared: PreparedCheck, path: string): boolean {
  const { roles, elements } = prepared.vault;
  return elements.length === 0 || !roles.has(path) || SOURCE_ROLES.has(roles.get(path) ?? null);
}
