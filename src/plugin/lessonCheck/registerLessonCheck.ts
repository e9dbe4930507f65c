/**
 * The lesson-plan check in Obsidian: the "Visiecheck" sidebar, its ribbon icon and the commands "Check
 * this note against the vision", "Insert the vision check as a callout" and "Write the vision check to a
 * report note". Everything is built here, so `main.ts` only hands over the plugin's shared services.
 */
import { MarkdownView, requestUrl, type Plugin, type TFile } from 'obsidian';
import type { Embedder } from '../../core/index/types';
import type { NoteSource } from '../../core/notes/types';
import { openGeneratorModal } from '../generators/generatorModal';
import type { GeneratorService } from '../generators/generatorService';
import { t } from '../i18n/i18n';
import { watchVault } from '../indexing/vaultWatcher';
import type { IndexService } from '../indexing/indexService';
import type { AuditLogService } from '../provider/auditLogService';
import { confirmSend } from '../provider/sendPreviewModal';
import type { SettingsStore } from '../settings/settingsStore';
import { CheckOutputs } from './checkOutputs';
import { LessonCheckService } from './lessonCheckService';
import { LESSON_CHECK_VIEW, LessonCheckView } from './lessonCheckView';
import { ModelCheckRunner } from './modelCheckRunner';

export interface LessonCheckDeps {
  store: SettingsStore;
  index: Pick<IndexService, 'status' | 'onStatus'>;
  source: NoteSource;
  audit: AuditLogService;
  /** The embedding model the index uses now (null: keyword-only or failed); the check shares it. */
  embedder(): Embedder | null;
  /** The generators (issue 5), which the sidebar offers for the checked plan. */
  generators: GeneratorService;
}

export function registerLessonCheck(plugin: Plugin, deps: LessonCheckDeps): LessonCheckService {
  const { app } = plugin;
  const { workspace } = app;
  const settings = () => deps.store.current;
  const service = new LessonCheckService({
    source: deps.source,
    settings,
    embedder: () => deps.embedder(),
    indexOpening: () => deps.index.status.kind === 'idle' || deps.index.status.kind === 'loading',
  });
  const runner = new ModelCheckRunner({
    settings,
    source: deps.source,
    secrets: app.secretStorage,
    requestUrl,
    audit: deps.audit,
    confirmSend: (preview, target) => confirmSend(app, preview, target),
  });
  const outputs = new CheckOutputs(app, service);

  plugin.registerView(LESSON_CHECK_VIEW, (leaf) =>
    new LessonCheckView(leaf, {
      service,
      runner,
      settings,
      onIndexStatus: (listener) => deps.index.onStatus(listener),
      insertCallout: async (file) => {
        await outputs.insertCallout(file);
      },
      writeReport: async (file) => {
        await outputs.writeReport(file);
      },
      openGenerator: (kind, preset) => {
        openGeneratorModal(app, deps.generators, kind, preset);
      },
    }),
  );

  /** Opens the sidebar (or brings it forward) on the active note, without taking focus from the editor. */
  const openSidebar = async (): Promise<void> => {
    const leaf = await workspace.ensureSideLeaf(LESSON_CHECK_VIEW, 'right', { active: false, reveal: true });
    if (leaf.view instanceof LessonCheckView) {
      leaf.view.follow();
      await leaf.view.refresh();
    }
  };
  plugin.addRibbonIcon('compass', t('check.ribbon'), () => void openSidebar());
  plugin.addCommand({ id: 'check-note', name: t('command.checkNote'), callback: () => void openSidebar() });

  /** The note a command acts on: the active editor's, else the one the sidebar shows. */
  const targetNote = (): TFile | null => {
    const active = workspace.getActiveViewOfType(MarkdownView)?.file;
    if (active) return active;
    for (const leaf of workspace.getLeavesOfType(LESSON_CHECK_VIEW)) {
      if (leaf.view instanceof LessonCheckView && leaf.view.file?.extension === 'md') return leaf.view.file;
    }
    return null;
  };
  const onNote = (run: (file: TFile) => Promise<unknown>) => (checking: boolean): boolean => {
    const file = targetNote();
    if (!file) return false;
    if (!checking) void run(file);
    return true;
  };
  plugin.addCommand({ id: 'insert-check-callout', name: t('command.insertCheckCallout'), checkCallback: onNote((file) => outputs.insertCallout(file)) });
  plugin.addCommand({ id: 'write-check-report', name: t('command.writeCheckReport'), checkCallback: onNote((file) => outputs.writeReport(file)) });

  plugin.register(deps.store.onChange((next, previous) => {
    if (JSON.stringify(next.folders) !== JSON.stringify(previous.folders)) service.invalidate();
  }));
  workspace.onLayoutReady(() => watchVault(app.vault, (ref) => plugin.registerEvent(ref), (path) => service.noteChanged(path)));
  return service;
}
