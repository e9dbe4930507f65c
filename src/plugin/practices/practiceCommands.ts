/**
 * The good-practice commands: save a selection or note as a practice, split a note into practices,
 * refresh the overview, find related practices; and, once the layout is ready, the debounced refresh
 * of an existing overview after practice notes change. `main.ts` only hands over shared services.
 */
import { MarkdownView, TFile, type App, type Plugin, type TAbstractFile } from 'obsidian';
import { parseNote } from '../../core/notes/parseNote';
import type { NoteSource } from '../../core/notes/types';
import { OverviewMarkerError, preselectedIds, relatedPractices, splitIntoPractices, suggestElements, type PracticeRecord } from '../../core/practices';
import { t } from '../i18n/i18n';
import type { TimerSet } from '../indexing/timerSet';
import { notify, reportError } from '../messages';
import type { VisiewijzerSettings } from '../settings/settings';
import { captureDialog } from './captureModal';
import { PracticeService } from './practiceService';
import { RelatedPracticesModal } from './relatedModal';
import { splitDialog } from './splitModal';

export interface PracticeCommandDeps {
  source: NoteSource;
  settings(): VisiewijzerSettings;
  timers: TimerSet;
  /** Quiet time after the last practice change before the overview is refreshed; default 5000 ms. */
  debounceMs?: number;
}

/** The active Markdown note and the editor's selection in it ('' when nothing is selected or no editor shows it). */
interface ActiveNote {
  file: TFile;
  selection: string;
  /** The editor's text when an editor shows the note (it may hold changes not saved yet). */
  editorText: string | null;
}

const TITLE_MAX = 60;
const OVERVIEW_TIMER = 'practice-overview';

export function registerPracticeCommands(plugin: Plugin, deps: PracticeCommandDeps): { service: PracticeService; watch(): void } {
  const { app } = plugin;
  const service = new PracticeService({ vault: app.vault, source: deps.source, settings: () => deps.settings() });
  const whenActive = (run: (active: ActiveNote) => Promise<void>) => (checking: boolean): boolean => {
    const active = activeNote(app);
    if (!active) return false;
    if (!checking) void run(active);
    return true;
  };

  plugin.addCommand({ id: 'save-good-practice', name: t('command.savePractice'), checkCallback: whenActive((active) => capture(app, service, deps, active)) });
  plugin.addCommand({ id: 'split-good-practices', name: t('command.splitPractices'), checkCallback: whenActive((active) => split(app, service, active)) });
  plugin.addCommand({ id: 'refresh-practice-overview', name: t('command.refreshOverview'), callback: () => void refresh(service, true) });
  plugin.addCommand({ id: 'related-practices', name: t('command.relatedPractices'), checkCallback: whenActive((active) => related(app, service, active)) });

  const watch = (): void => {
    const changed = (file: TAbstractFile, oldPath?: string): void => {
      if (!(file instanceof TFile) || file.extension.toLowerCase() !== 'md') return;
      if (file.path === service.overviewPath && oldPath === undefined) return;
      service.invalidate();
      const concerns = service.concernsPractices(file.path) || (oldPath !== undefined && service.concernsPractices(oldPath)) || isMarkedPractice(app, file);
      // Only an overview the leader made (with the command) is kept up to date; none is created unasked.
      if (!concerns || !app.vault.getFileByPath(service.overviewPath)) return;
      deps.timers.debounce(OVERVIEW_TIMER, deps.debounceMs ?? 5000, () => void refresh(service, false));
    };
    plugin.registerEvent(app.vault.on('create', (file) => changed(file)));
    plugin.registerEvent(app.vault.on('modify', (file) => changed(file)));
    plugin.registerEvent(app.vault.on('delete', (file) => changed(file, file.path)));
    plugin.registerEvent(app.vault.on('rename', (file, oldPath) => changed(file, oldPath)));
  };
  return { service, watch };
}

function activeNote(app: App): ActiveNote | null {
  const view = app.workspace.getActiveViewOfType(MarkdownView);
  const file = view?.file ?? app.workspace.getActiveFile();
  if (!file || file.extension.toLowerCase() !== 'md') return null;
  const editor = view && view.file === file ? view.editor : null;
  return { file, selection: editor?.getSelection() ?? '', editorText: editor?.getValue() ?? null };
}

async function noteText(app: App, active: ActiveNote): Promise<string> {
  return active.editorText ?? (await app.vault.cachedRead(active.file));
}

async function capture(app: App, service: PracticeService, deps: PracticeCommandDeps, active: ActiveNote): Promise<void> {
  try {
    const whole = await noteText(app, active);
    const fromSelection = active.selection.trim() !== '';
    const text = fromSelection ? active.selection : whole;
    const frontmatter = parseNote(active.file.path, whole).frontmatter;
    const request = await captureDialog(app, {
      originName: active.file.basename,
      fromSelection,
      defaults: { title: (fromSelection ? titleFrom(text) : null) ?? active.file.basename, subject: plain(frontmatter['vak']), group: plain(frontmatter['groep']) },
      suggestions: service.suggest(text, active.file.path),
      visionFolder: deps.settings().folders.visie,
    });
    if (!request) return;
    const { vault } = await service.load();
    const elements = request.elementIds.flatMap((id) => vault.elements.filter((e) => e.id === id));
    const created = await service.createPractice({ ...request, elements, origin: active.file.path, text });
    if (request.backlink) await service.addBacklink(active.file.path, created);
    notify(t('practice.saved', { path: created.path }));
    await app.workspace.getLeaf('tab').openFile(created);
  } catch (error) {
    reportError(error, 'error.practice');
  }
}

async function split(app: App, service: PracticeService, active: ActiveNote): Promise<void> {
  try {
    const markdown = await noteText(app, active);
    const note = parseNote(active.file.path, markdown);
    const { vault, checker } = await service.load();
    const candidates = await splitIntoPractices(note, { markdown, checker });
    if (candidates.length === 0) {
      notify(t('practice.split.none', { name: active.file.basename }));
      return;
    }
    const choices = await splitDialog(app, active.file.basename, candidates);
    if (!choices) return;
    if (choices.length === 0) {
      notify(t('practice.split.nothing'));
      return;
    }
    const subject = plain(note.frontmatter['vak']);
    const group = plain(note.frontmatter['groep']);
    for (const choice of choices) {
      const elements = choice.elementIds.flatMap((id) => vault.elements.filter((e) => e.id === id));
      await service.createPractice({ title: choice.title, subject, group, description: '', elements, origin: active.file.path, text: choice.candidate.text });
    }
    notify(t('practice.split.created', { count: choices.length, folder: service.folder }));
  } catch (error) {
    reportError(error, 'error.split');
  }
}

/** Refreshes the overview; `explicit` (the command) also says when nothing changed and opens nothing. */
async function refresh(service: PracticeService, explicit: boolean): Promise<void> {
  try {
    const result = await service.refreshOverview();
    if (explicit) notify(t(result.outcome === 'unchanged' ? 'practice.overview.unchanged' : 'practice.overview.written', { path: result.path }));
  } catch (error) {
    if (error instanceof OverviewMarkerError) notify(t('practice.overview.markers', { path: service.overviewPath }));
    else reportError(error, 'error.overview');
  }
}

async function related(app: App, service: PracticeService, active: ActiveNote): Promise<void> {
  try {
    const text = await noteText(app, active);
    const { vault, checker } = await service.load();
    const own = vault.records.find((r) => r.path === active.file.path);
    const elementIds = own ? own.elementIds : preselectedIds(await suggestElements(text, vault, checker, { path: active.file.path }));
    const byPath = new Map<string, PracticeRecord>(vault.records.map((r) => [r.path, r]));
    const docs = vault.practices.flatMap((note) => {
      const record = byPath.get(note.path);
      return record ? [{ record, note }] : [];
    });
    const found = relatedPractices({ path: active.file.path, elementIds, text }, docs);
    new RelatedPracticesModal(app, active.file.basename, found, async (item) => {
      const file = app.vault.getFileByPath(item.record.path);
      if (file) await app.workspace.getLeaf(false).openFile(file);
    }).open();
  } catch (error) {
    reportError(error, 'error.related');
  }
}

/** A note marked as a practice in its frontmatter, as Obsidian's metadata cache has read it. */
function isMarkedPractice(app: App, file: TFile): boolean {
  const value: unknown = app.metadataCache.getFileCache(file)?.frontmatter?.['visiewijzer'];
  return typeof value === 'string' && ['praktijk', 'goodpractice', 'good-practice', 'practice'].includes(value.trim().toLowerCase());
}

/** A title from the first line of a selection, without Markdown marks, cut at a word. */
function titleFrom(text: string): string | null {
  const line = text.split('\n').map((l) => l.replace(/^\s*(#{1,6}\s+|[-*+]\s+|\d+[.)]\s+|>\s*)/, '').replace(/[*_`[\]]/g, '').trim()).find((l) => l !== '');
  if (!line) return null;
  const lead = /^(.{3,60}?)\s*:\s/.exec(line)?.[1] ?? line;
  if (lead.length <= TITLE_MAX) return lead.replace(/[.!?]$/, '');
  const cut = lead.slice(0, TITLE_MAX);
  return cut.slice(0, cut.lastIndexOf(' ') > 20 ? cut.lastIndexOf(' ') : TITLE_MAX).trim();
}

function plain(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}
