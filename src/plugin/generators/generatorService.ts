/**
 * The generators inside Obsidian: reads the vault for them, runs one (extractive, or with the language
 * model through the privacy guard, the preview and the AI log), writes the result as a new note in the
 * generators' folder and opens it. Shared by the commands and the lesson-check sidebar.
 */
import {
  DEFAULT_GENERATOR_FOLDER,
  generate,
  loadGeneratorVault,
  noteBaseName,
  renderGeneratedNote,
  type GeneratorContext,
  type GeneratorMode,
  type GeneratorRequest,
  type GeneratorResult,
  type ModelGeneratorOptions,
} from '../../core/generators';
import type { PassageSearch } from '../../core/llm/askVault';
import type { NoteSource } from '../../core/notes/types';
import { currentLanguage } from '../i18n/i18n';
import { reportError } from '../messages';
import type { VisiewijzerSettings } from '../settings/settings';
import { writeGeneratedNote, type GeneratedNoteVault } from './generatedNoteWriter';
import { GeneratorModelAccess, type GeneratorModelDeps } from './generatorModelAccess';

export interface GeneratorServiceDeps extends GeneratorModelDeps {
  settings(): VisiewijzerSettings;
  /** The index service's search (null while the index is still opening: generators then use the elements' own words). */
  index: PassageSearch;
  source: NoteSource;
  vault: GeneratedNoteVault;
  /** Opens the new note. */
  openNote(path: string): Promise<void>;
  /** Where generated notes go (default `Visiewijzer`). */
  folder?: string;
}

/** What the user chose in the modal. */
export interface GeneratorChoice {
  request: Omit<GeneratorRequest, 'signal' | 'onProgress' | 'lang'>;
  mode: GeneratorMode;
  /** Model mode: show each prompt before it is sent. */
  preview: boolean;
}

/** How a run ended. Failures (a provider that refuses, a write that fails) are thrown. */
export type GeneratorOutcome =
  | { status: 'written'; path: string; result: GeneratorResult }
  /** Stopped by the user: nothing was written. */
  | { status: 'stopped' }
  /** The user closed the preview: nothing (more) was sent and nothing was written. */
  | { status: 'not-sent' }
  /** Model mode was chosen, but the AI settings are no longer complete. */
  | { status: 'no-model' };

/** The context without the name list's notes, so no passage of them can reach a prompt. */
function withoutNotes(context: GeneratorContext, paths: readonly string[]): GeneratorContext {
  if (paths.length === 0) return context;
  const excluded = new Set(paths);
  const keep = <T extends { path: string }>(list: T[]): T[] => list.filter((n) => !excluded.has(n.path));
  const vault = context.vault;
  return {
    vault: {
      ...vault,
      visionNotes: keep(vault.visionNotes),
      policy: keep(vault.policy),
      practices: keep(vault.practices),
      lessons: keep(vault.lessons),
      notes: new Map([...vault.notes].filter(([path]) => !excluded.has(path))),
    },
    search: {
      search: async (query, options) => {
        const found = await context.search.search(query, options);
        return found ? { ...found, hits: found.hits.filter((h) => !excluded.has(h.path)) } : found;
      },
    },
  };
}

export class GeneratorService {
  private readonly model: GeneratorModelAccess;
  private context: Promise<GeneratorContext> | null = null;

  constructor(private readonly deps: GeneratorServiceDeps) {
    this.model = new GeneratorModelAccess(deps);
  }

  /** The configured model's name when model mode can be offered, else null. */
  configuredModel(): string | null {
    return this.model.configuredModel();
  }

  /** Whether the preview is on by default for model mode. */
  alwaysPreview(): boolean {
    return this.model.alwaysPreview();
  }

  /** The folder vision notes are recognised by (for the message when there are none). */
  visionFolder(): string {
    return this.deps.settings().folders.visie;
  }

  /** The vault's vision elements and notes as the generators read them; read once, until a note or the role folders change. */
  loadContext(): Promise<GeneratorContext> {
    if (!this.context) {
      const loading = loadGeneratorVault(this.deps.source, { folders: this.deps.settings().folders }).then((vault) => ({ vault, search: this.deps.index }));
      this.context = loading;
      // A failed read is not kept: the next dialog tries again.
      loading.catch(() => {
        if (this.context === loading) this.context = null;
      });
    }
    return this.context;
  }

  /** A note or the role folders changed: the next dialog reads the vault again. */
  invalidate(): void {
    this.context = null;
  }

  /** Runs one generator; on success writes the new note and opens it. */
  async run(choice: GeneratorChoice, context: GeneratorContext, signal: AbortSignal, onProgress?: (done: number, total: number) => void): Promise<GeneratorOutcome> {
    const request: GeneratorRequest = { ...choice.request, lang: currentLanguage(), signal, ...(onProgress ? { onProgress } : {}) };
    let options: ModelGeneratorOptions | undefined;
    let declined = (): boolean => false;
    let usedContext = context;
    if (choice.mode === 'model') {
      const prepared = await this.model.prepare(choice.preview);
      if (!prepared) return { status: 'no-model' };
      options = prepared.options;
      declined = () => prepared.declined();
      usedContext = withoutNotes(context, prepared.excludedPaths);
    }
    let result: GeneratorResult;
    try {
      signal.throwIfAborted();
      result = await generate(request, usedContext, options);
    } catch (error) {
      if (declined()) return { status: 'not-sent' };
      if (signal.aborted) return { status: 'stopped' };
      throw error;
    }
    // Stopped after the last element: the user said stop, so nothing is written.
    if (signal.aborted) return { status: 'stopped' };

    const elements = context.vault.elements;
    const subjects = result.subjects;
    const markdown = renderGeneratedNote(result, {
      elements,
      ...(subjects.length === 1 && subjects[0] ? { subject: subjects[0] } : {}),
      ...(choice.request.group ? { group: choice.request.group } : {}),
    });
    const file = await writeGeneratedNote(this.deps.vault, this.deps.folder ?? DEFAULT_GENERATOR_FOLDER, noteBaseName(result, elements), markdown);
    try {
      await this.deps.openNote(file.path);
    } catch (error) {
      // The note is written and stays; only opening it failed.
      reportError(error, 'error.openNote');
    }
    return { status: 'written', path: file.path, result };
  }
}
