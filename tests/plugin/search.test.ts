/**
 * The search command: the modal shows hybrid or keyword hits from vision and policy notes, and choosing
 * one opens the note at the passage. Typing is debounced so only the latest query runs.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../src/plugin/embedding/spawnEmbeddingWorker', () => ({ spawnEmbeddingWorker: vi.fn() }));
vi.mock('../../src/plugin/embedding/ortWebVersion', () => ({ ORT_WEB_VERSION: '1.0.0-test' }));

import { Notice, setStubLanguage, type App, type SuggestModal } from '../stubs/obsidian';
import type { SearchHit, SearchResult } from '../../src/core/retrieval/searchHit';
import { spawnEmbeddingWorker } from '../../src/plugin/embedding/spawnEmbeddingWorker';
import { IndexService } from '../../src/plugin/indexing/indexService';
import { latestOnly } from '../../src/plugin/search/latestOnly';
import { openPassage } from '../../src/plugin/search/openPassage';
import { searchVisionAndPolicy } from '../../src/plugin/search/visionSearch';
import { DEFAULT_MODEL_ID } from '../../src/plugin/settings/settings';
import { nl } from '../../src/plugin/i18n/nl';
import { fakeSpawner } from './helpers/fakeWorker';
import { exampleNotes, until } from './helpers/exampleVault';
import { loadPlugin, placeModelFiles, statusBarText, unloadAll } from './helpers/pluginHost';

const notes = exampleNotes();
type Modal = SuggestModal<SearchHit>;

async function searchModal(options: Parameters<typeof loadPlugin>[0] = {}): Promise<{ app: App; modal: Modal }> {
  const { app } = await loadPlugin({ notes, ...options });
  app.workspace.finishLayout();
  await until(() => statusBarText(app).startsWith('Visiewijzer: klaar'));
  expect(app.runCommand('visiewijzer:search-vision')).toBe(true);
  return { app, modal: app.openModals[0] as unknown as Modal };
}

function linesOf(hit: SearchHit): string {
  return notes.get(hit.path)!.split('\n').slice(hit.startLine - 1, hit.endLine).join('\n');
}

/** The nearest Markdown heading at or above the hit's first line: the section the passage sits in. */
function headingAbove(hit: SearchHit): string | undefined {
  const lines = notes.get(hit.path)!.split('\n').slice(0, hit.startLine);
  return lines.reverse().find((line) => /^#{1,6} /.test(line))?.replace(/^#+ /, '');
}

beforeEach(() => {
  setStubLanguage('nl');
  Notice.reset();
  vi.mocked(spawnEmbeddingWorker).mockReset();
});

afterEach(() => {
  unloadAll();
});

describe('search modal', () => {
  it('finds policy passages by keyword, says it searched keyword-only, and renders each hit', async () => {
    const { modal } = await searchModal();
    const hits = await modal.simulateInput('pestprotocol');

    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.role === 'visie' || h.role === 'beleid')).toBe(true);
    expect(hits[0]).toMatchObject({ path: 'Beleid/Sociale veiligheid en pesten.md', heading: 'Het pestprotocol', vectorScore: null });
    expect(headingAbove(hits[0]!)).toBe('Het pestprotocol');
    expect(linesOf(hits[0]!).toLowerCase()).toContain('gepest');

    const notice = modal.modalEl;
    expect(notice.findByClass('visiewijzer-search-notice')?.textContent).toBe(nl['search.keywordOnly']);
    const first = modal.resultContainerEl.findAllByClass('suggestion-item')[0]!;
    expect(first.findByClass('visiewijzer-role')?.textContent).toBe('Beleid');
    expect(first.findByClass('visiewijzer-hit-citation')?.textContent).toBe('[[Beleid/Sociale veiligheid en pesten#Het pestprotocol]]');
    expect(first.findByClass('visiewijzer-hit-snippet')?.textContent).not.toBe('');
    expect(first.findByClass('visiewijzer-hit-meta')?.textContent).toBe(`Gevonden op trefwoord · regel ${hits[0]!.startLine}-${hits[0]!.endLine}`);
  });

  it('opens the chosen note at the passage', async () => {
    const { app, modal } = await searchModal();
    const hits = await modal.simulateInput('kinderraad vergadert met de directeur');
    const index = hits.findIndex((h) => h.path === 'Beleid/Burgerschap.md');
    expect(index).toBeGreaterThanOrEqual(0);
    const hit = hits[index]!;

    modal.simulateChoose(index);
    await until(() => app.workspace.activeLeaf?.openedFile != null);
    const leaf = app.workspace.activeLeaf!;
    expect(app.openModals).toEqual([]);
    expect(leaf.openedFile?.path).toBe(hit.path);
    expect(leaf.openState?.eState).toEqual({ line: hit.startLine - 1 });
    expect(headingAbove(hit)).toBe(hit.heading);
    expect(linesOf(hit).toLowerCase()).toContain('kinderraad');
  });

  it('shows the empty state for an empty query and for a query nothing matches', async () => {
    const { modal } = await searchModal();
    expect(await modal.simulateInput('   ')).toEqual([]);
    expect(await modal.simulateInput('xylofoonkwartet')).toEqual([]);
    expect(modal.resultContainerEl.findByClass('suggestion-empty')?.textContent).toBe(nl['search.empty']);
  });

  it('only runs the latest of several quick keystrokes', async () => {
    const { modal } = await searchModal();
    const search = vi.spyOn(IndexService.prototype, 'search');
    const typed = ['pes', 'pest', 'pestprotocol'].map((query) => modal.simulateInput(query));
    const results = await Promise.all(typed);
    expect(search).toHaveBeenCalledTimes(1);
    expect(search.mock.calls[0]?.[0]).toBe('pestprotocol');
    search.mockRestore();
    expect(modal.suggestions).toEqual(results[2]);
    expect(results[2]![0]?.heading).toBe('Het pestprotocol');
  });

  it('marks hits the model found when the model is present (hybrid)', async () => {
    vi.mocked(spawnEmbeddingWorker).mockImplementation(fakeSpawner().spawn);
    const { modal } = await searchModal({ before: (app) => placeModelFiles(app.vault, DEFAULT_MODEL_ID, '1.0.0-test') });
    const hits = await modal.simulateInput('pestprotocol na een melding');
    expect(hits.some((h) => h.vectorScore !== null)).toBe(true);
    expect(modal.modalEl.findByClass('visiewijzer-search-notice')?.hasClass('visiewijzer-hidden')).toBe(true);
    const metas = modal.resultContainerEl.findAllByClass('visiewijzer-hit-meta').map((el) => el.textContent);
    expect(metas.some((text) => text.startsWith('Gevonden op betekenis') || text.startsWith('Gevonden op trefwoord en betekenis'))).toBe(true);
  });
});

describe('searchVisionAndPolicy', () => {
  const hit = (path: string): SearchHit => ({ chunkId: path, path, headingPath: [], heading: null, startLine: 1, endLine: 2, role: null, score: 1, keywordScore: 1, vectorScore: null, snippet: '' });

  it('widens to all notes, and says so, when vision and policy give nothing', async () => {
    const calls: unknown[] = [];
    const source = {
      busy: false,
      search: async (_query: string, options: object): Promise<SearchResult> => {
        calls.push(options);
        return { mode: 'hybrid', notice: null, hits: 'roles' in options ? [] : [hit('Lessen/Les.md')] };
      },
    };
    const outcome = await searchVisionAndPolicy(source, 'gym');
    expect(calls).toEqual([{ k: 20, roles: ['visie', 'beleid'] }, { k: 20 }]);
    expect(outcome).toEqual({ hits: [hit('Lessen/Les.md')], notice: nl['search.otherNotes'] });
  });

  it('says the index is not ready instead of searching nothing', async () => {
    const outcome = await searchVisionAndPolicy({ busy: true, search: async () => null }, 'visie');
    expect(outcome).toEqual({ hits: [], notice: nl['search.notReady'] });
  });
});

describe('latestOnly', () => {
  it('runs the lookup once, for the last argument, and gives every caller that answer', async () => {
    const pending: (() => void)[] = [];
    const cancelled: number[] = [];
    const schedule = (_ms: number, fn: () => void): (() => void) => {
      const index = pending.push(fn) - 1;
      return () => cancelled.push(index);
    };
    const lookup = vi.fn(async (query: string) => `antwoord op ${query}`);
    const debounced = latestOnly(lookup, 200, schedule);

    const answers = Promise.all(['a', 'ab', 'abc'].map((q) => debounced(q)));
    expect(cancelled).toEqual([0, 1]);
    pending[2]!();
    expect(await answers).toEqual(['antwoord op abc', 'antwoord op abc', 'antwoord op abc']);
    expect(lookup).toHaveBeenCalledTimes(1);
    expect(lookup).toHaveBeenCalledWith('abc');
  });
});

describe('openPassage', () => {
  it('tells the user when the note no longer exists', async () => {
    const opened = await openPassage({ getLeaf: () => { throw new Error('should not open'); } }, { getFileByPath: () => null }, { path: 'Weg.md', startLine: 3 });
    expect(opened).toBe(false);
    expect(Notice.texts()).toContain('De notitie Weg.md bestaat niet meer.');
  });
});
