/**
 * The generators with the language model in the stub host, through `requestUrl` to the fake OpenAI
 * server: the same preview, privacy guard and AI log as the ask command, the disclosure in the note,
 * nothing written when the preview is closed or the run is stopped, and a provider failure reported.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../../src/plugin/embedding/spawnEmbeddingWorker', () => ({ spawnEmbeddingWorker: vi.fn() }));

import { ButtonComponent, DropdownComponent, Notice, Setting, setRequestUrlHandler, setStubLanguage, type App } from '../../stubs/obsidian';
import { parseAuditLog } from '../../../src/core/llm/auditLog';
import { frontmatterOf } from '../../../src/core/privacy/rosterLoader';
import { SendPreviewModal } from '../../../src/plugin/provider/sendPreviewModal';
import { nl } from '../../../src/plugin/i18n/nl';
import { reply, startFakeOpenAiServer, type FakeOpenAiServer } from '../../helpers/fakeOpenAiServer';
import { exampleNotes, until } from '../helpers/exampleVault';
import { unloadAll } from '../helpers/pluginHost';
import { forwardRequestUrl, loadReady, PLUGIN_DIR } from '../provider/providerHost';
import { buttons, choose, el, generatedNotes, row, runCommand, shown, tick } from './generatorHost';

const KEY = 'sk-proj-Tg5Yh7Uj9Ik1Ol3Pz8Xc';
const AUDIT = `${PLUGIN_DIR}/audit.jsonl`;
// A policy passage on ownership that names a teacher from the name list: it must leave redacted.
const notes = new Map([
  ...exampleNotes(),
  ['Beleid/Eigenaarschap in de bovenbouw.md', '# Eigenaarschap in de bovenbouw\n\n## Eigenaarschap\n\nIn de klas van Sanne de Vries kiezen leerlingen met eigenaarschap zelf de volgorde van hun taken op het planbord.\n'],
  ['Administratie/Leerlingen en medewerkers.md', '# Leerlingen en medewerkers\n\n## Leerlingen\n\n- Bo Kok\n\n## Team\n\n- Sanne de Vries\n'],
]);
const CLOUD = { preset: 'custom', baseUrl: 'https://ai.example.nl/v1', model: 'fake-model', apiKeySecret: 'school-ai' };
const LOCAL = { preset: 'ollama', baseUrl: 'http://localhost:11434/v1', model: 'fake-model' };
const ANSWER = JSON.stringify({
  items: [
    { text: 'De leerling kiest zelf met welke taak hij begint.', actor: 'leerlingen', sources: ['S1'] },
    { text: 'De leraar vraagt een leerling waarom hij dit hulpmiddel kiest.', actor: 'leraar', sources: ['S1'] },
  ],
});

let server: FakeOpenAiServer;
beforeEach(async () => {
  setStubLanguage('nl');
  Notice.reset();
  server = await startFakeOpenAiServer();
  forwardRequestUrl(server);
});
afterEach(async () => {
  unloadAll();
  setRequestUrlHandler(null);
  await server.close();
});

const start = (ai: Record<string, unknown>): Promise<App> => loadReady(notes, { ai }, { 'school-ai': KEY });

/** The indicators dialog with Eigenaarschap ticked and the language model chosen. */
async function indicatorsWithModel(app: App) {
  const modal = await runCommand(app, 'generate-indicators');
  const modes = row(modal, nl['generator.mode.name']).control(DropdownComponent);
  expect([...modes.options.values()]).toEqual([nl['generator.mode.extractive'], 'Met het taalmodel (fake-model)']);
  expect(shown(modal, nl['generator.levels.name'])).toBe(false);
  await choose(modal, nl['generator.mode.name'], 'model');
  expect(shown(modal, nl['generator.levels.name'])).toBe(true);
  await tick(modal, 'Eigenaarschap');
  return modal;
}

async function previewModal(app: App): Promise<SendPreviewModal> {
  await until(() => app.openModals.at(-1) instanceof SendPreviewModal);
  return app.openModals.at(-1) as unknown as SendPreviewModal;
}

/** Presses a button of the preview's last row: 0 do not send, 1 send. */
function press(modal: SendPreviewModal, index: number): void {
  void Setting.all(el(modal.contentEl)).at(-1)!.control(ButtonComponent, index).simulateClick();
}

function sentPrompt(i = 0): string {
  const messages = server.requests[i]!.json!.messages!;
  return `[system]\n${messages[0]!.content}\n\n[user]\n${messages[1]!.content}`;
}

describe('generating with the language model', () => {
  it('shows what will be sent before the first cloud call, then writes the note with the disclosure and logs the request', async () => {
    const app = await start(CLOUD);
    const modal = await indicatorsWithModel(app);
    void buttons(modal).submit.simulateClick();
    const preview = await previewModal(app);
    expect(el(preview.contentEl).textContent).toContain('Naar OpenAI-compatible server (ai.example.nl), model fake-model:');
    expect(server.requests).toHaveLength(0);
    server.enqueue(reply.text(ANSWER));
    press(preview, 1);
    const outcome = await modal.running;
    const path = 'Visiewijzer/Gedragsindicatoren - Eigenaarschap.md';
    expect(outcome).toMatchObject({ status: 'written', path });
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
    // The name list is never a source, and the teacher's name left the machine only as a placeholder.
    expect(server.requests[0]!.body).toContain('planbord');
    expect(server.requests[0]!.body).not.toContain('Sanne de Vries');
    expect(server.requests[0]!.body).toContain('[PERSOON-1]');
    expect(server.requests[0]!.body).not.toContain('Leerlingen en medewerkers');

    const note = app.vault.adapter.text(path)!;
    const front = frontmatterOf(note);
    expect(front).toMatchObject({ visiewijzer: 'indicatoren', kernwaarden: ['Eigenaarschap'], modus: 'model', ai: { provider: 'custom', model: 'fake-model', reviewed: false } });
    expect((front['ai'] as { sources: string[] }).sources).toEqual(['[[Visie/Kernwaarden#Eigenaarschap]]']);
    expect(note).toMatch(/\n> \[!info\] Concept, gemaakt met hulp van AI \(custom, fake-model, \d{4}-\d\d-\d\d\)/);
    expect(note).toContain('De leerling kiest zelf met welke taak hij begint.');
    expect(app.workspace.getActiveFile()?.path).toBe(path);

    const entries = parseAuditLog(app.vault.adapter.text(AUDIT)!);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ provider: 'custom', model: 'fake-model', baseUrlHost: 'ai.example.nl', answer: ANSWER });
    expect(entries[0]!.redactedPrompt).toBe(sentPrompt());
    expect(entries[0]!.sources).toContain('[[Kernwaarden#Eigenaarschap]]');
    expect(entries[0]!.redactionCount).toBeGreaterThan(0);
    for (const [file, data] of app.vault.adapter.files) if (typeof data === 'string') expect(data, file).not.toContain(KEY.slice(8));
  });

  it('sends nothing and writes nothing when the preview is closed without sending', async () => {
    const app = await start(CLOUD);
    const modal = await indicatorsWithModel(app);
    void buttons(modal).submit.simulateClick();
    press(await previewModal(app), 0);
    expect(await modal.running).toEqual({ status: 'not-sent' });
    expect(server.requests).toHaveLength(0);
    expect(generatedNotes(app)).toEqual([]);
    expect(app.vault.adapter.text(AUDIT)).toBeUndefined();
    expect(Notice.texts()).toContain(nl['generator.notSent']);
  });

  it('writes nothing when stopped while the model is still answering', async () => {
    const app = await start(LOCAL);
    const modal = await indicatorsWithModel(app);
    server.enqueue(reply.hang());
    void buttons(modal).submit.simulateClick();
    await until(() => server.requests.length === 1);
    await buttons(modal).cancel.simulateClick();
    expect(await modal.running).toEqual({ status: 'stopped' });
    expect(generatedNotes(app)).toEqual([]);
    expect(app.vault.adapter.text(AUDIT)).toBeUndefined();
    expect(Notice.texts()).toContain(nl['generator.stopped']);
  });

  it('reports a service that refuses in a clear sentence, and writes nothing', async () => {
    const app = await start(LOCAL);
    const modal = await indicatorsWithModel(app);
    server.enqueue({ type: 'json', status: 404, body: { error: { message: 'model "fake-model" not found' } } });
    void buttons(modal).submit.simulateClick();
    expect(await modal.running).toBeNull();
    expect(generatedNotes(app)).toEqual([]);
    expect(Notice.texts().at(-1)).toMatch(/^Model "fake-model" niet gevonden op http:\/\/localhost:11434\/v1/);
    expect(app.openModals).toEqual([modal]);
  });
});
