import type { NoteSource } from './notes/types';
import type { Embedder, IndexStorage } from './index/types';
import type { VisionElement } from './vision/visionElement';
import type { IndexControl, IndexReport } from './index/indexReport';
import type { SearchResult } from './retrieval/searchHit';
import { IndexState } from './index/indexState';
import { saveIndex, updateIndex, type UpdateOptions } from './index/updateIndex';
import { hybridSearch, type SearchOptions } from './retrieval/hybridSearch';
import { makeSnippet } from './retrieval/snippet';
import { parseNote } from './notes/parseNote';
import { extractElements } from './vision/extractElements';

export interface VisionIndexOptions extends UpdateOptions {
  storage: IndexStorage;
  source: NoteSource;
  /** Null runs keyword-only, and every result says so. */
  embedder: Embedder | null;
}

/**
 * The engine every way in uses (plugin, CLI, tests): open the saved index, bring it up to date, search it,
 * list the vision elements. Plain data in and out; all I/O goes through the source and storage given.
 */
export class VisionIndex {
  private constructor(private readonly options: VisionIndexOptions, readonly state: IndexState) {}

  /** Loads what was saved; loads the embedder first so a changed model is noticed before any search. */
  static async open(options: VisionIndexOptions): Promise<VisionIndex> {
    const info = options.embedder ? await options.embedder.load() : null;
    const state = await IndexState.load(options.storage, info);
    return new VisionIndex(options, state);
  }

  get mode(): 'hybrid' | 'keyword-only' {
    return this.options.embedder ? 'hybrid' : 'keyword-only';
  }

  /** Updates from the note source and saves. Returns what it did. */
  async update(control: IndexControl = {}): Promise<IndexReport> {
    const report = await updateIndex(this.state, this.options.source, this.options.embedder, control, this.options);
    await saveIndex(this.state, this.options.storage, control);
    this.state.messages.length = 0;
    return report;
  }

  /** Hybrid search with snippets read from the notes. */
  async search(query: string, options: SearchOptions = {}): Promise<SearchResult> {
    const result = await hybridSearch(this.state, this.options.embedder, query, options);
    const texts = new Map<string, string>();
    for (const hit of result.hits) {
      let text = texts.get(hit.path);
      if (text === undefined) {
        text = await this.options.source.read(hit.path).catch(() => '');
        texts.set(hit.path, text);
      }
      hit.snippet = makeSnippet(text, hit.startLine, hit.endLine, query);
    }
    return result;
  }

  /** The vision elements of every vision note in the index, in path order. */
  async elements(): Promise<{ elements: VisionElement[]; warnings: string[] }> {
    const paths = [...this.state.notes.entries()].filter(([, n]) => n.role === 'visie').map(([p]) => p).sort();
    const elements: VisionElement[] = [];
    const warnings: string[] = [];
    for (const path of paths) {
      const parsed = parseNote(path, await this.options.source.read(path));
      const result = extractElements(parsed);
      elements.push(...result.elements);
      warnings.push(...result.warnings);
    }
    return { elements, warnings };
  }
}
