/**
 * "Related good practices" in the "Visiecheck" sidebar, in the stub host with the example vault: a
 * folded section below the check listing at most five practices the core relates to the note (same
 * elements the check found, or similar words), each a link that opens the practice; no section at all
 * when there are none; the user's unfolding is kept.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../../src/plugin/embedding/spawnEmbeddingWorker', () => ({ spawnEmbeddingWorker: vi.fn() }));

import { Notice, setStubLanguage, stubEvent, type StubElement } from '../../stubs/obsidian';
import { loadPracticesVault, relatedPractices } from '../../../src/core/practices';
import { parseNote } from '../../../src/core/notes/parseNote';
import { en } from '../../../src/plugin/i18n/en';
import { nl } from '../../../src/plugin/i18n/nl';
import type { LessonCheckView } from '../../../src/plugin/lessonCheck/lessonCheckView';
import { MemoryNoteSource } from '../../helpers/memoryNoteSource';
import { exampleNotes, until } from '../helpers/exampleVault';
import { unloadAll } from '../helpers/pluginHost';
import { coreReport, openNote, openSidebar, panelOf, readyHost, untilReport } from '../lessonCheck/checkHost';

const RECKONING = 'Lessen/Groep 4 Rekenen - Tafel van 4 (IGDI).md';
const KINDERGARTEN = 'Lessen/Groep 1-2 Herfst - Schatten uit het bos.md';

beforeEach(() => {
  setStubLanguage('nl');
  Notice.reset();
});
afterEach(() => unloadAll());

/** The practices the core relates to `path` (elements the check found strong or partial), best first, at most five. */
async function expectedRelated(notes: Map<string, string>, path: string, limit = 5): Promise<string[]> {
  const vault = await loadPracticesVault(new MemoryNoteSource(Object.fromEntries(notes)));
  const report = await coreReport(notes, path);
  const plan = parseNote(path, notes.get(path)!);
  const docs = vault.records.map((record) => ({ record, note: vault.practices.find((n) => n.path === record.path)! }));
  const elementIds = report.elements.filter((e) => e.status !== 'absent').map((e) => e.id);
  const text = [plan.title, ...plan.sections.map((s) => `${s.heading ?? ''}\n${s.text}`)].join('\n');
  return relatedPractices({ path, elementIds, text }, docs, limit).map((r) => r.record.path);
}

/** Paths of every good practice in `notes` (in the practices folder or marked as one elsewhere). */
async function practicePaths(notes: Map<string, string>): Promise<string[]> {
  return (await loadPracticesVault(new MemoryNoteSource(Object.fromEntries(notes)))).records.map((r) => r.path);
}

function sectionOf(view: LessonCheckView): StubElement | null {
  return panelOf(view).findByClass('visiewijzer-related-section');
}

function listed(section: StubElement): string[] {
  return section.findAllByClass('visiewijzer-related-item').map((item) => item.getAttr('data-path')!);
}

describe('related good practices in the sidebar', () => {
  it('lists, folded, the practices the core relates to the plan, best first; a click opens the practice', async () => {
    const notes = exampleNotes();
    const expected = await expectedRelated(notes, RECKONING);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThanOrEqual(5);
    const practices = await practicePaths(notes);
    expect(expected.every((p) => practices.includes(p))).toBe(true);

    const app = await readyHost(notes);
    await openNote(app, RECKONING);
    const view = await openSidebar(app);
    await untilReport(view, RECKONING);
    await until(() => sectionOf(view) !== null);
    const section = sectionOf(view)!;
    expect(listed(section)).toEqual(expected);
    // Folded by default: the check stays the first thing the leader reads.
    const details = section.findAll((el) => el.tagName === 'DETAILS')[0]!;
    expect(details.getAttr('open')).toBeNull();
    expect(section.findByClass('visiewijzer-related-heading')!.textContent).toBe(nl['practice.related.sidebarHeading']);
    expect(section.findByClass('visiewijzer-related-count')!.textContent).toBe(` (${expected.length})`);
    // The section comes after the check's elements.
    const root = panelOf(view).findByClass('visiewijzer-check')!;
    expect(root.children.at(-1)).toBe(section);

    const first = section.findAllByClass('visiewijzer-related-item')[0]!;
    const title = expected[0]!.split('/').pop()!.replace(/\.md$/, '');
    const link = first.findByClass('internal-link')!;
    expect(link.textContent).toBe(title);
    expect(first.findByClass('visiewijzer-related-meta')!.textContent).not.toBe('');
    link.click();
    await until(() => app.workspace.getActiveFile()?.path === expected[0]);
  });

  it('lists no more than five when more practices are related', async () => {
    const notes = exampleNotes();
    for (const table of [2, 3, 5, 6, 7]) {
      notes.set(`Good practices/Tafel van ${table} met het planbord.md`, `---\nkernwaarden: [Eigenaarschap]\nvak: rekenen\n---\n\n# Tafel van ${table}\n\nKinderen oefenen de tafel van ${table} zelfstandig en kiezen zelf hun oefening op het planbord.\n`);
    }
    const all = await expectedRelated(notes, RECKONING, 100);
    expect(all.length).toBeGreaterThan(5);
    const app = await readyHost(notes);
    await openNote(app, RECKONING);
    const view = await openSidebar(app);
    await untilReport(view, RECKONING);
    await until(() => sectionOf(view) !== null);
    expect(listed(sectionOf(view)!)).toEqual(all.slice(0, 5));
  });

  it('shows no section when the vault has no good practices', async () => {
    const notes = exampleNotes();
    for (const path of await practicePaths(notes)) notes.delete(path);
    expect(await practicePaths(notes)).toEqual([]);
    const app = await readyHost(notes);
    await openNote(app, RECKONING);
    const view = await openSidebar(app);
    await untilReport(view, RECKONING);
    expect(sectionOf(view)).toBeNull();
  });

  it('never lists the overview note nor the practice itself', async () => {
    const notes = exampleNotes();
    const practice = 'Good practices/Planbord in groep 4.md';
    notes.set('Good practices/Overzicht.md', `# Overzicht good practices\n\n${notes.get(practice)!}`);
    const app = await readyHost(notes);
    await openNote(app, practice);
    const view = await openSidebar(app);
    await untilReport(view, practice);
    await until(() => sectionOf(view) !== null);
    const paths = listed(sectionOf(view)!);
    expect(paths).not.toContain(practice);
    expect(paths).not.toContain('Good practices/Overzicht.md');
    expect(paths.length).toBeGreaterThan(0);
  });

  it('keeps the section unfolded once the user opened it, for the next note too, and speaks English', async () => {
    setStubLanguage('en');
    const notes = exampleNotes();
    const app = await readyHost(notes);
    await openNote(app, RECKONING);
    const view = await openSidebar(app);
    await untilReport(view, RECKONING);
    await until(() => sectionOf(view) !== null);
    expect(sectionOf(view)!.findByClass('visiewijzer-related-heading')!.textContent).toBe(en['practice.related.sidebarHeading']);
    const details = sectionOf(view)!.findAll((el) => el.tagName === 'DETAILS')[0]!;
    Object.assign(details, { open: true });
    details.dispatch(stubEvent('toggle'));

    const expected = await expectedRelated(notes, KINDERGARTEN);
    expect(expected.length).toBeGreaterThan(0);
    await openNote(app, KINDERGARTEN);
    await untilReport(view, KINDERGARTEN);
    await until(() => sectionOf(view) !== null && listed(sectionOf(view)!).join() === expected.join());
    expect(sectionOf(view)!.findAll((el) => el.tagName === 'DETAILS')[0]!.getAttr('open')).toBe('');
  });
});
