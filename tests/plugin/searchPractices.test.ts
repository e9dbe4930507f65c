/**
 * The search filtered to good practices: a query starting with `praktijk:` (or `practice:`) searches
 * only the practice notes, never widens to other notes, leaves the generated overview out, and the
 * modal tells the user about the prefix. Without the prefix the search is what it was.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../src/plugin/embedding/spawnEmbeddingWorker', () => ({ spawnEmbeddingWorker: vi.fn() }));
vi.mock('../../src/plugin/embedding/ortWebVersion', () => ({ ORT_WEB_VERSION: '1.0.0-test' }));

import { Notice, setStubLanguage, type App, type SuggestModal } from '../stubs/obsidian';
import type { SearchHit, SearchResult } from '../../src/core/retrieval/searchHit';
import { setLanguage } from '../../src/plugin/i18n/i18n';
import { searchFilter, searchVisionAndPolicy } from '../../src/plugin/search/visionSearch';
import { en } from '../../src/plugin/i18n/en';
import { nl } from '../../src/plugin/i18n/nl';
import { exampleNotes, until } from './helpers/exampleVault';
import { loadPlugin, statusBarText, unloadAll } from './helpers/pluginHost';

type Modal = SuggestModal<SearchHit>;
const PLANBORD = 'Good practices/Planbord in groep 4.md';
const OVERVIEW = 'Good practices/Overzicht.md';

async function searchModal(notes = exampleNotes()): Promise<{ app: App; modal: Modal }> {
  const { app } = await loadPlugin({ notes });
  app.workspace.finishLayout();
  await until(() => /^Visiewijzer: (klaar|ready)/.test(statusBarText(app)));
  expect(app.runCommand('visiewijzer:search-vision')).toBe(true);
  return { app, modal: app.openModals[0] as unknown as Modal };
}

const noticeOf = (modal: Modal): string | undefined => modal.modalEl.findByClass('visiewijzer-search-notice')?.textContent;

beforeEach(() => {
  setStubLanguage('nl');
  Notice.reset();
});
afterEach(() => unloadAll());

describe('the search modal with praktijk:', () => {
  it('finds only good practices with the prefix, and only vision and policy without it', async () => {
    const { modal } = await searchModal();
    const practices = await modal.simulateInput('praktijk: planbord knijper');
    expect(practices.length).toBeGreaterThan(0);
    expect(practices.every((h) => h.role === 'praktijk')).toBe(true);
    expect(practices[0]!.path).toBe(PLANBORD);
    expect(noticeOf(modal)).toContain(nl['search.practicesOnly']);
    expect(modal.resultContainerEl.findAllByClass('visiewijzer-role')[0]?.textContent).toBe(nl['role.praktijk']);

    // The same words about a vision element: with the prefix the practices that embody it, without it the vision.
    const filtered = await modal.simulateInput('praktijk: eigenaarschap');
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.every((h) => h.role === 'praktijk')).toBe(true);
    const plain = await modal.simulateInput('eigenaarschap');
    expect(plain.length).toBeGreaterThan(0);
    expect(plain.every((h) => h.role === 'visie' || h.role === 'beleid')).toBe(true);
    expect(noticeOf(modal) ?? '').not.toContain(nl['search.practicesOnly']);
  });

  it('leaves the generated overview out, although it sits in the practices folder and names the practices', async () => {
    const notes = exampleNotes();
    notes.set(OVERVIEW, '# Overzicht good practices\n\n- [[Good practices/Planbord in groep 4|Planbord in groep 4]]: planbord met knijpers, planbord in groep 4\n');
    const { modal } = await searchModal(notes);
    const hits = await modal.simulateInput('praktijk: planbord knijpers');
    expect(hits.map((h) => h.path)).toContain(PLANBORD);
    expect(hits.map((h) => h.path)).not.toContain(OVERVIEW);
    // Without the filter the overview is an ordinary note of the vault (found only when vision and policy give nothing).
    expect((await modal.simulateInput('knijpers')).map((h) => h.path)).toContain(OVERVIEW);
  });

  it('asks for words after a bare prefix, and says no practice matched instead of widening', async () => {
    const { modal } = await searchModal();
    expect(await modal.simulateInput('praktijk:')).toEqual([]);
    expect(noticeOf(modal)).toBe(nl['search.practicesNeedQuery']);
    expect(await modal.simulateInput('praktijk: xylofoonkwartet')).toEqual([]);
    expect(modal.resultContainerEl.findByClass('suggestion-empty')?.textContent).toBe(nl['search.practicesEmpty']);
    // Back to a plain query: the empty state talks about vision and policy again.
    expect(await modal.simulateInput('xylofoonkwartet')).toEqual([]);
    expect(modal.resultContainerEl.findByClass('suggestion-empty')?.textContent).toBe(nl['search.empty']);
  });

  it('mentions the prefix in the placeholder and the instructions, in Dutch and in English', async () => {
    const { modal } = await searchModal();
    expect(modal.inputEl.getAttr('placeholder')).toBe(nl['search.placeholderWithPractices']);
    expect(modal.inputEl.getAttr('placeholder')).toContain('praktijk:');
    expect(modal.instructions[0]).toEqual({ command: 'praktijk:', purpose: nl['search.instructionPractices'] });
    unloadAll();

    setStubLanguage('en');
    const english = await searchModal();
    expect(english.modal.inputEl.getAttr('placeholder')).toContain('practice:');
    expect(english.modal.instructions[0]).toEqual({ command: 'practice:', purpose: en['search.instructionPractices'] });
    const hits = await english.modal.simulateInput('practice: planbord knijper');
    expect(hits[0]?.path).toBe(PLANBORD);
    expect(hits.every((h) => h.role === 'praktijk')).toBe(true);
    expect(noticeOf(english.modal)).toContain(en['search.practicesOnly']);
  });
});

describe('searchVisionAndPolicy with the practice filter', () => {
  beforeEach(() => setLanguage('nl'));
  const hit = (path: string): SearchHit => ({ chunkId: path, path, headingPath: [], heading: null, startLine: 1, endLine: 2, role: 'praktijk', score: 1, keywordScore: 1, vectorScore: null, snippet: '' });

  it('searches the praktijk role only and never widens, whatever the case and spacing of the prefix', async () => {
    const calls: { query: string; options: object }[] = [];
    const source = {
      busy: false,
      search: async (query: string, options: object): Promise<SearchResult> => {
        calls.push({ query, options });
        return { mode: 'hybrid', notice: null, hits: [] };
      },
    };
    for (const query of ['praktijk: kring', 'Praktijk :kring', '  PRACTICE:   kring']) {
      calls.length = 0;
      expect(await searchVisionAndPolicy(source, query)).toEqual({ hits: [], notice: nl['search.practicesOnly'] });
      expect(calls).toEqual([{ query: 'kring', options: { k: 40, roles: ['praktijk'] } }]);
    }
  });

  it('keeps at most 20 hits after leaving out overview passages', async () => {
    const paths = [OVERVIEW, ...Array.from({ length: 30 }, (_, i) => `Good practices/P${i}.md`)];
    const source = { busy: true, search: async (): Promise<SearchResult> => ({ mode: 'keyword-only', notice: null, hits: paths.map(hit) }) };
    const outcome = await searchVisionAndPolicy(source, 'praktijk: kring');
    expect(outcome.hits).toHaveLength(20);
    expect(outcome.hits[0]!.path).toBe('Good practices/P0.md');
    expect(outcome.notice).toBe([nl['search.practicesOnly'], nl['search.keywordOnly'], nl['search.indexing']].join(' '));
  });

  it('reads a prefix only at the start', () => {
    expect(searchFilter('praktijk: kring')).toEqual({ practicesOnly: true, text: 'kring' });
    expect(searchFilter('de praktijk: kring')).toEqual({ practicesOnly: false, text: 'de praktijk: kring' });
    expect(searchFilter('praktijkgericht leren')).toEqual({ practicesOnly: false, text: 'praktijkgericht leren' });
  });
});
