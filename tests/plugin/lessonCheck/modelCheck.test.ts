/**
 * "Check with the language model" from the sidebar, through `requestUrl` to the fake OpenAI server: the
 * button only with a provider, progress with a stop button, the privacy preview before a cloud call,
 * the AI log, quotes the model invented marked unverified, and the disclosure in what is written.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../../src/plugin/embedding/spawnEmbeddingWorker', () => ({ spawnEmbeddingWorker: vi.fn() }));

import { ButtonComponent, Notice, Setting, setRequestUrlHandler, setStubLanguage, type App, type StubElement } from '../../stubs/obsidian';
import type { LessonCheckReport } from '../../../src/core/lessonCheck';
import { parseAuditLog } from '../../../src/core/llm/auditLog';
import { frontmatterOf } from '../../../src/core/privacy/rosterLoader';
import { citation } from '../../../src/core/retrieval/citation';
import type { LessonCheckView } from '../../../src/plugin/lessonCheck/lessonCheckView';
import { SendPreviewModal } from '../../../src/plugin/provider/sendPreviewModal';
import { nl } from '../../../src/plugin/i18n/nl';
import { reply, startFakeOpenAiServer, type FakeOpenAiServer } from '../../helpers/fakeOpenAiServer';
import { exampleNotes, until } from '../helpers/exampleVault';
import { unloadAll } from '../helpers/pluginHost';
import { forwardRequestUrl, loadReady, PLUGIN_DIR } from '../provider/providerHost';
import { coreReport, openNote, openSidebar, panelOf, PLAN, rowsOf, untilReport } from './checkHost';

const notes = exampleNotes();
const AUDIT = `${PLUGIN_DIR}/audit.jsonl`;
const LOCAL = { preset: 'ollama', baseUrl: 'http://localhost:11434/v1', model: 'fake-model' };
const CLOUD = { preset: 'custom', baseUrl: 'https://ai.example.nl/v1', model: 'fake-model', apiKeySecret: 'school-ai' };
const REAL_QUOTE = 'Aan het eind van elke les kleuren ze af wat ze hebben gedaan en schrijven ze op wat de volgende stap is.';
const INVENTED = 'De leerlingen bouwen samen een maquette van het plein.';

let server: FakeOpenAiServer;
let expected: LessonCheckReport;
beforeEach(async () => {
  setStubLanguage('nl');
  Notice.reset();
  server = await startFakeOpenAiServer();
  forwardRequestUrl(server);
  expected ??= await coreReport(notes, PLAN);
});
afterEach(async () => {
  unloadAll();
  setRequestUrlHandler(null);
  await server.close();
});

/** The model's answer: Eigenaarschap strong with a real quote, Samenwerken partial with an invented one, the rest absent. */
function answer(): string {
  const elements = expected.elements.map((e, i) => {
    const id = `E${i + 1}`;
    if (e.title === 'Eigenaarschap') return { id, status: 'strong', evidence: [{ quote: REAL_QUOTE }], suggestions: [] };
    if (e.title === 'Samenwerken') return { id, status: 'partial', evidence: [{ quote: INVENTED }], suggestions: ['Geef elk groepslid een vaste rol.'] };
    return { id, status: 'absent', evidence: [], suggestions: ['Nog iets proberen.'] };
  });
  return JSON.stringify({ elements });
}

async function sidebarFor(ai: Record<string, unknown> | null): Promise<{ app: App; view: LessonCheckView }> {
  const app = await loadReady(notes, ai ? { ai } : null, { 'school-ai': 'sk-proj-Tg5Yh7Uj9Ik1Ol3Pz8Xc' });
  await openNote(app, PLAN);
  const view = await openSidebar(app);
  await untilReport(view);
  return { app, view };
}

const button = (view: LessonCheckView): StubElement | null => panelOf(view).findByClass('visiewijzer-check-model');
const row = (view: LessonCheckView, title: string): StubElement => rowsOf(view).find((r) => r.findByClass('visiewijzer-check-title')!.textContent === title)!;

describe('the language-model check in the sidebar', () => {
  it('is offered only when a language model is set up', async () => {
    const { view } = await sidebarFor(null);
    expect(button(view)).toBeNull();
    unloadAll();
    const configured = await sidebarFor(LOCAL);
    expect(button(configured.view)!.textContent).toBe(nl['check.model.button']);
  });

  it('shows progress with a stop button, then the judgement with unverified quotes marked, logged in the AI log', async () => {
    const { app, view } = await sidebarFor(LOCAL);
    server.enqueue(reply.text(answer(), { delayMs: 50 }));
    button(view)!.click();
    await until(() => panelOf(view).findByClass('visiewijzer-check-stop') !== null);
    expect(panelOf(view).findByClass('visiewijzer-check-progress')!.textContent).toBe(nl['check.model.running'].replace('{model}', 'fake-model'));

    await until(() => panelOf(view).findByClass('visiewijzer-check-mode')?.textContent === 'met hulp van een taalmodel (fake-model)');
    expect(panelOf(view).findByClass('visiewijzer-check-stop')).toBeNull();
    const ownership = row(view, 'Eigenaarschap');
    expect(ownership.findByClass('visiewijzer-check-word')!.textContent).toBe('sterk');
    expect(ownership.findByClass('visiewijzer-check-quote')!.textContent).toBe(REAL_QUOTE);
    expect(ownership.findByClass('visiewijzer-check-where')!.textContent).toBe('regel 13');
    expect(ownership.findByClass('visiewijzer-check-unverified')).toBeNull();
    const together = row(view, 'Samenwerken');
    expect(together.findByClass('visiewijzer-check-word')!.textContent).toBe('deels');
    expect(together.findByClass('visiewijzer-check-unverified')!.textContent).toBe(`⚠ ${nl['check.unverified']}`);
    expect(together.textContent).not.toContain(INVENTED);
    const hints = panelOf(view).findAllByClass('visiewijzer-check-hint').map((h) => h.textContent);
    expect(hints).toContain(nl['check.model.dropped'].replace('{count}', '1'));
    // The model read the plan: the warning about a words-only check no longer applies.
    expect(hints).not.toContain(nl['check.keywordOnly']);

    const sent = server.requests[0]!.body;
    expect(sent).toContain('kleuren ze af wat ze hebben gedaan');
    const entries = parseAuditLog(app.vault.adapter.text(AUDIT)!);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ provider: 'ollama', model: 'fake-model', baseUrlHost: 'localhost:11434' });
    expect(entries[0]!.sources).toContain(citation(PLAN, null));
    expect(entries[0]!.sources).toContain('[[Visie/Kernwaarden#Eigenaarschap]]');

    // What is written from this check says a language model judged it.
    app.runCommand('visiewijzer:write-check-report');
    const report = 'Lessen/Groep 8 Burgerschap - Een voorstel voor het schoolplein - visiecheck.md';
    await until(() => app.vault.adapter.text(report) !== undefined);
    const note = app.vault.adapter.text(report)!;
    expect(frontmatterOf(note)).toMatchObject({ mode: 'model', ai: { provider: 'ollama', model: 'fake-model', reviewed: false } });
    expect(note).toMatch(/\n> \[!info\] Concept, gemaakt met hulp van AI \(ollama, fake-model, \d{4}-\d\d-\d\d\)/);
  });

  it('stops when asked, keeping the extractive check', async () => {
    const { view } = await sidebarFor(LOCAL);
    server.enqueue(reply.hang());
    button(view)!.click();
    await until(() => server.requests.length === 1);
    panelOf(view).findByClass('visiewijzer-check-stop')!.click();
    await until(() => Notice.texts().includes(nl['check.model.stopped']));
    await until(() => button(view) !== null);
    expect(panelOf(view).findByClass('visiewijzer-check-mode')!.textContent).toBe('extractief, alleen op trefwoorden');
  });

  it('shows what will be sent before a cloud call, and sends nothing when declined', async () => {
    const { app, view } = await sidebarFor(CLOUD);
    button(view)!.click();
    await until(() => app.openModals.at(-1) instanceof SendPreviewModal);
    const modal = app.openModals.at(-1) as unknown as SendPreviewModal;
    void Setting.all(modal.contentEl as unknown as StubElement).at(-1)!.control(ButtonComponent, 0).simulateClick();
    await until(() => Notice.texts().includes(nl['ask.notSent']));
    expect(server.requests).toHaveLength(0);
    expect(app.vault.adapter.text(AUDIT)).toBeUndefined();
    expect(rowsOf(view)).toHaveLength(8);
  });

  it('drops a result for text that changed while the model was working', async () => {
    const { view, app } = await sidebarFor(LOCAL);
    server.enqueue(reply.text(answer(), { delayMs: 100 }));
    button(view)!.click();
    await until(() => server.requests.length === 1);
    const editor = app.workspace.getLeavesOfType('markdown')[0]!.view as unknown as { editor: { simulateTyping(text: string): void } };
    editor.editor.simulateTyping(' Extra zin.');
    await until(() => Notice.texts().includes(nl['check.model.changed']));
    await until(() => button(view) !== null);
    expect(panelOf(view).findByClass('visiewijzer-check-mode')!.textContent).toBe('extractief, alleen op trefwoorden');
  });

  it('keeps working when the user looks at another note, and shows the result on coming back', async () => {
    const { view, app } = await sidebarFor(LOCAL);
    server.enqueue(reply.text(answer(), { delayMs: 100 }));
    button(view)!.click();
    await until(() => server.requests.length === 1);
    await openNote(app, 'Visie/Kernwaarden.md');
    await untilReport(view, 'Visie/Kernwaarden.md');
    expect(panelOf(view).findByClass('visiewijzer-check-stop')).toBeNull();
    await until(() => Notice.texts().includes(nl['check.model.doneElsewhere'].replace('{name}', 'Groep 8 Burgerschap - Een voorstel voor het schoolplein')));

    await openNote(app, PLAN);
    await until(() => panelOf(view).findByClass('visiewijzer-check-mode')?.textContent === 'met hulp van een taalmodel (fake-model)');
    expect(row(view, 'Eigenaarschap').findByClass('visiewijzer-check-quote')!.textContent).toBe(REAL_QUOTE);
  });
});
