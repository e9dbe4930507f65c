/**
 * The two ways to keep a vision check: a summary callout appended at the end of the lesson plan through
 * its editor (one undoable change; nothing else in the note is touched), or a new report note beside the
 * plan (never over an existing note). A model-assisted check carries the AI disclosure in both.
 */
import type { App, TFile } from 'obsidian';
import type { LessonCheckReport } from '../../core/lessonCheck';
import { calloutInsertion, renderCheckCallout } from '../../core/lessonCheck/renderCallout';
import { renderReportNote, reportNoteName, reportSources } from '../../core/lessonCheck/renderReportNote';
import { freeNotePath } from '../../core/llm/answerNote';
import { renderDisclosure, type Disclosure } from '../../core/llm/disclosure';
import { currentLanguage, t } from '../i18n/i18n';
import { notify, reportError } from '../messages';
import type { LessonCheckService } from './lessonCheckService';
import { editorViewOf, readNoteText } from './noteAccess';

/** The origin given to the editor change, so other plugins can tell it apart from typing. */
const EDIT_ORIGIN = 'visiewijzer';

export class CheckOutputs {
  constructor(
    private readonly app: App,
    private readonly service: LessonCheckService,
    /** The day written into callouts and reports (a parameter for tests). */
    private readonly today: () => Date = () => new Date(),
  ) {}

  /** Appends the summary callout at the end of `file` through its open editor. False when nothing was inserted. */
  async insertCallout(file: TFile): Promise<boolean> {
    const view = editorViewOf(this.app, file);
    if (!view) {
      notify(t('check.noEditor', { name: file.basename }));
      return false;
    }
    const { editor } = view;
    const text = editor.getValue();
    const report = await this.reportFor(file, text);
    if (!report) return false;
    // The note may have changed while the check ran: append at its end as it is now.
    const current = editor.getValue();
    const lastLine = editor.lastLine();
    const end = { line: lastLine, ch: editor.getLine(lastLine).length };
    const lang = currentLanguage();
    const date = this.today();
    editor.replaceRange(calloutInsertion(current, renderCheckCallout(report, { lang, date, disclosure: this.disclosure(report, date) })), end, end, EDIT_ORIGIN);
    notify(t('check.calloutInserted', { name: file.basename }));
    return true;
  }

  /** Writes the report to a new note beside `file` and opens it. Returns its path, or null. */
  async writeReport(file: TFile): Promise<string | null> {
    const report = await this.reportFor(file, await readNoteText(this.app, file));
    if (!report) return null;
    const lang = currentLanguage();
    const date = this.today();
    const folder = file.path.includes('/') ? file.path.slice(0, file.path.lastIndexOf('/')) : '';
    const { vault } = this.app;
    try {
      const path = freeNotePath(folder, reportNoteName(file.path, lang), (candidate) => vault.getAbstractFileByPath(candidate) !== null);
      const created = await vault.create(path, renderReportNote(report, { lang, date, disclosure: this.disclosure(report, date) }));
      notify(t('check.reportWritten', { path: created.path }));
      await this.app.workspace.getLeaf('tab').openFile(created);
      return created.path;
    } catch (error) {
      reportError(error, 'error.writeReport');
      return null;
    }
  }

  /** The check of this text (the sidebar's, when it made one), or null after telling the user why there is none. */
  private async reportFor(file: TFile, text: string): Promise<LessonCheckReport | null> {
    try {
      const outcome = await this.service.check(file.path, text);
      if (outcome.kind === 'report') return outcome.report;
      const folders = this.service.folders();
      notify(outcome.kind === 'no-vision' ? t('check.empty.noVision', { folder: folders.visie }) : outcome.kind === 'empty' ? t('check.empty.emptyNote') : t('check.empty.reportNote'));
    } catch (error) {
      reportError(error, 'error.check');
    }
    return null;
  }

  private disclosure(report: LessonCheckReport, date: Date): Disclosure | null {
    if (report.mode !== 'model' || !report.model) return null;
    return renderDisclosure({ provider: report.model.provider, model: report.model.model, date, sources: reportSources(report), lang: currentLanguage() });
  }
}
