/**
 * Good practices inside Obsidian: reads the vault (vision, practices, the rest) once and keeps it until
 * a note changes, suggests vision elements, writes new practice notes (never over an existing note),
 * appends a backlink to the origin only when asked, and rewrites the overview between its markers.
 */
import type { TFile, Vault } from 'obsidian';
import { LessonChecker } from '../../core/lessonCheck/lessonChecker';
import type { NoteSource } from '../../core/notes/types';
import {
  loadPracticesVault, localDate, overviewBlockOf, overviewPathFor, planNewNotePath, practiceLink, renderOverview, renderPracticeNote,
  replaceOverviewBlock, suggestElements, type ElementSuggestion, type PracticeNoteInput, type PracticesVault,
} from '../../core/practices';
import { currentLanguage, t } from '../i18n/i18n';
import type { VisiewijzerSettings } from '../settings/settings';

/** The part of `Vault` the service uses. */
export type PracticeVaultApi = Pick<Vault, 'getFolderByPath' | 'createFolder' | 'getAbstractFileByPath' | 'getFileByPath' | 'create' | 'process'>;

export interface PracticeServiceDeps {
  vault: PracticeVaultApi;
  source: NoteSource;
  settings(): VisiewijzerSettings;
  /** The clock (tests pass a fixed one). */
  now?(): Date;
}

/** The vault as read for good practices, and a keyword-only checker prepared on it. */
export interface PreparedPractices {
  vault: PracticesVault;
  checker: LessonChecker;
}

/** What refreshing the overview did. */
export interface OverviewResult {
  path: string;
  /** `created`: a new note; `updated`: the block was rewritten; `unchanged`: only the date would have changed, so nothing was written. */
  outcome: 'created' | 'updated' | 'unchanged';
}

export class PracticeService {
  private prepared: Promise<PreparedPractices> | null = null;

  constructor(private readonly deps: PracticeServiceDeps) {}

  /** The practices folder: the `praktijk` role folder from the settings (default `Good practices`). */
  get folder(): string {
    return this.deps.settings().folders.praktijk;
  }

  get overviewPath(): string {
    return overviewPathFor(this.folder);
  }

  /** The vault read once and a checker on it; read again after {@link invalidate}. */
  load(): Promise<PreparedPractices> {
    if (!this.prepared) {
      const settings = this.deps.settings();
      const run = (async (): Promise<PreparedPractices> => {
        const vault = await loadPracticesVault(this.deps.source, { folders: settings.folders, overviewPath: overviewPathFor(settings.folders.praktijk) });
        // Keyword-only: offline, deterministic, about 0.1 s on the example vault; the user confirms anyway.
        return { vault, checker: await LessonChecker.prepare(vault, null, { lang: currentLanguage() }) };
      })();
      this.prepared = run;
      run.catch(() => {
        if (this.prepared === run) this.prepared = null;
      });
    }
    return this.prepared;
  }

  /** A note changed: the next request reads the vault again. */
  invalidate(): void {
    this.prepared = null;
  }

  /** The vision elements, best first, for a text (from the note at `path`, when it is one). */
  async suggest(text: string, path?: string): Promise<ElementSuggestion[]> {
    const { vault, checker } = await this.load();
    return suggestElements(text, vault, checker, path ? { path } : {});
  }

  /** Writes a new practice note in the practices folder and returns it; an existing note is never touched. */
  async createPractice(input: Omit<PracticeNoteInput, 'date' | 'lang'>): Promise<TFile> {
    const { vault } = this.deps;
    const folder = this.folder;
    if (!vault.getFolderByPath(folder)) await vault.createFolder(folder);
    const path = planNewNotePath(folder, input.title, (p) => vault.getAbstractFileByPath(p) !== null);
    const text = renderPracticeNote({ ...input, date: this.today(), lang: currentLanguage() });
    const file = await vault.create(path, text);
    this.invalidate();
    return file;
  }

  /** Appends one line linking to the practice at the end of the origin note (only ever called when the user ticked it). */
  async addBacklink(originPath: string, practice: TFile): Promise<void> {
    const origin = this.deps.vault.getFileByPath(originPath);
    if (!origin) return;
    const line = t('practice.backlinkLine', { link: practiceLink(practice.path, practice.basename) });
    await this.deps.vault.process(origin, (data) => {
      const newline = data.includes('\r\n') ? '\r\n' : '\n';
      const separator = data === '' ? '' : data.endsWith(newline) ? newline : `${newline}${newline}`;
      return `${data}${separator}${line}${newline}`;
    });
  }

  /**
   * Writes the overview (`<practices folder>/Overzicht.md`): creates it with a title when missing, else
   * rewrites only the block between its markers (`vault.process`). Throws `OverviewMarkerError` when
   * the markers are damaged, and writes nothing then.
   */
  async refreshOverview(): Promise<OverviewResult> {
    const { vault: practices } = await this.load();
    const block = renderOverview(practices.records, practices.elements, this.deps.now?.() ?? new Date(), { lang: currentLanguage() });
    const { vault } = this.deps;
    const path = this.overviewPath;
    const file = vault.getFileByPath(path);
    if (!file) {
      if (!vault.getFolderByPath(this.folder)) await vault.createFolder(this.folder);
      await vault.create(path, replaceOverviewBlock(`# ${t('practice.overview.noteTitle')}\n`, block));
      return { path, outcome: 'created' };
    }
    let changed = false;
    await vault.process(file, (data) => {
      const current = overviewBlockOf(data);
      // Only the date line would change: leave the note alone (no sync conflict, no edit in its history).
      if (current !== null && withoutDateLine(current) === withoutDateLine(block)) return data;
      changed = true;
      return replaceOverviewBlock(data, block);
    });
    return { path, outcome: changed ? 'updated' : 'unchanged' };
  }

  /** Whether a changed path could change the overview: a note in the practices folder, other than the overview. */
  concernsPractices(path: string): boolean {
    const folder = `${this.folder.toLowerCase()}/`;
    const lower = path.toLowerCase();
    return lower.startsWith(folder) && lower !== this.overviewPath.toLowerCase();
  }

  private today(): string {
    return localDate(this.deps.now?.() ?? new Date());
  }
}

/** The block without its first line after the start marker (the "updated on" line). */
function withoutDateLine(block: string): string {
  const lines = block.replace(/\r\n/g, '\n').split('\n');
  return [lines[0], ...lines.slice(2)].join('\n');
}
