/**
 * "Ask the vision and policy" in the stub host, through `requestUrl` to the fake OpenAI server: the
 * preview before the first cloud call, nothing sent on cancel, the loopback exemption, the new note
 * with its disclosure, the AI log, and the key nowhere but in the Authorization header.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../../src/plugin/embedding/spawnEmbeddingWorker', () => ({ spawnEmbeddingWorker: vi.fn() }));

import { ButtonComponent, Notice, Setting, ToggleComponent, setRequestUrlHandler, setStubLanguage, type App, type StubElement } from '../../stubs/obsidian';
import { parseAuditLog } from '../../../src/core/llm/auditLog';
import { frontmatterOf } from '../../../src/core/privacy/rosterLoader';
import { AskModal } from '../../../src/plugin/provider/askModal';
import { SendPreviewModal } from '../../../src/plugin/provider/sendPreviewModal';
import { nl } from '../../../src/plugin/i18n/nl';
import { reply, startFakeOpenAiServer, type FakeOpenAiServer } from '../../helpers/fakeOpenAiServer';
import { exampleNotes, until } from '../helpers/exampleVault';
import { unloadAll } from '../helpers/pluginHost';
import { forwardRequestUrl, loadReady, PLUGIN_DIR } from './providerHost';

const KEY = 'sk-proj-Tg5Yh7Uj9Ik1Ol3Pz8Xc';
const AUDIT = `${PLUGIN_DIR}/audit.jsonl`;
const QUESTION = 'Hoe werken de leesmaatjes met Bo Kok?';
const notes = new Map([
  ...exampleNotes(),
  ['Beleid/Leesbeleid.md', '# Leesbeleid\n\n## Leesmaatjes\n\nJuf Sanne de Vries koppelt Bo Kok en andere leesmaatjes uit groep 8 aan groep 3.\n'],
  ['Administratie/Leerlingen en medewerkers.md', '# Leerlingen en medewerkers\n\n## Leerlingen\n\n- Bo Kok\n\n## Team\n\n- Sanne de Vries\n'],
]);
const CLOUD = { preset: 'custom', baseUrl: 'https://ai.example.nl/v1', model: 'fake-model', apiKeySecret: 'school-ai' };
const LOCAL = { preset: 'ollama', baseUrl: 'http://localhost:11434/v1', model: 'fake-model' };

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

const start = (ai: Record<string, unknown> | null): Promise<App> => loadReady(notes, ai ? { ai } : null, { 'school-ai': KEY });
const el = (x: unknown): StubElement => x as StubElement;
const noticeStarting = (text: string): boolean => Notice.texts().some((n) => n.startsWith(text));

/** Runs the command, types the question and clicks Ask (optionally asking for the preview). */
async function ask(app: App, question: string, preview = false): Promise<void> {
  app.runCommand('visiewijzer:ask-vision');
  await until(() => app.openModals.at(-1) instanceof AskModal);
  const modal = app.openModals.at(-1) as unknown as AskModal;
  el(modal.inputEl).value = question;
  const [toggleRow, buttons] = Setting.all(el(modal.contentEl));
  if (preview) await toggleRow!.control(ToggleComponent).simulateToggle(true);
  void buttons!.control(ButtonComponent, 1).simulateClick();
}

async function previewModal(app: App): Promise<SendPreviewModal> {
  await until(() => app.openModals.at(-1) instanceof SendPreviewModal);
  return app.openModals.at(-1) as unknown as SendPreviewModal;
}

/** The preview's text as sent: role headers and parts, the way the audit log writes a prompt. */
function previewText(modal: SendPreviewModal): string {
  const body = el(modal.contentEl).findByClass('visiewijzer-send-text')!;
  const parts: string[] = [];
  for (const child of body.children) parts.push(child.hasClass('visiewijzer-send-role') ? `${child.textContent}\n` : `${child.textContent}\n\n`);
  return parts.join('').replace(/\n\n$/, '');
}

function press(modal: { contentEl: unknown }, index: number): void {
  void Setting.all(el(modal.contentEl)).at(-1)!.control(ButtonComponent, index).simulateClick();
}

function sentPrompt(i = 0): string {
  const messages = server.requests[i]!.json!.messages!;
  return `[system]\n${messages[0]!.content}\n\n[user]\n${messages[1]!.content}`;
}

function expectNoKeyAnywhere(app: App): void {
  for (const [path, data] of app.vault.adapter.files) {
    if (typeof data === 'string') expect(data, path).not.toContain(KEY.slice(8));
  }
  for (const text of Notice.texts()) expect(text).not.toContain(KEY.slice(8));
}

describe('asking a cloud service', () => {
  it('shows exactly what will be sent first, then writes a new note with the disclosure and the names restored', async () => {
    const app = await start(CLOUD);
    await ask(app, QUESTION);
    const modal = await previewModal(app);
    const content = el(modal.contentEl).textContent;
    expect(content).toContain('Naar OpenAI-compatible server (ai.example.nl), model fake-model:');
    const marks = el(modal.contentEl).findAllByClass('visiewijzer-redacted');
    expect(marks.map((m) => m.textContent)).toEqual(expect.arrayContaining(['[LEERLING-1]', '[PERSOON-1]']));
    expect(marks.find((m) => m.textContent === '[LEERLING-1]')!.getAttr('title')).toBe('Naam: Bo Kok (blijft op deze computer)');
    const shown = previewText(modal);
    expect(shown).not.toMatch(/Bo Kok|Sanne de Vries/);
    expect(server.requests).toHaveLength(0);

    server.enqueue(reply.text('[LEERLING-1] leest met [PERSOON-1] [[Leesbeleid#Leesmaatjes]].'));
    press(modal, 1);
    await until(() => noticeStarting('Het antwoord staat in'));
    expect(shown).toBe(sentPrompt());
    // The "asking…" notice steps aside for the preview, comes back while waiting, and goes when done.
    const progress = Notice.shown.filter((n) => n.message.startsWith('Visiewijzer vraagt het aan fake-model'));
    expect(progress).toHaveLength(2);
    expect(progress.every((n) => n.hidden)).toBe(true);
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(server.requests[0]!.body).not.toMatch(/Bo Kok|Sanne de Vries/);
    expect(server.requests[0]!.body).not.toContain('Leerlingen en medewerkers.md');

    const path = 'Visiewijzer/Hoe werken de leesmaatjes met Bo Kok.md';
    const note = app.vault.adapter.text(path)!;
    expect(frontmatterOf(note)).toMatchObject({ ai: { provider: 'custom', model: 'fake-model', reviewed: false } });
    expect((frontmatterOf(note)['ai'] as { sources: string[] }).sources).toContain('[[Leesbeleid#Leesmaatjes]]');
    expect(note).toMatch(/\n> \[!info\] Concept, gemaakt met hulp van AI \(custom, fake-model, \d{4}-\d\d-\d\d\)\. Bronnen: .*\[\[Leesbeleid#Leesmaatjes\]\]/);
    expect(note).toContain('## Antwoord\n\nBo Kok leest met Sanne de Vries [[Leesbeleid#Leesmaatjes]].');
    expect(app.workspace.getActiveFile()?.path).toBe(path);

    const [entry] = parseAuditLog(app.vault.adapter.text(AUDIT)!);
    expect(entry).toMatchObject({ provider: 'custom', model: 'fake-model', baseUrlHost: 'ai.example.nl', answer: '[LEERLING-1] leest met [PERSOON-1] [[Leesbeleid#Leesmaatjes]].' });
    expect(entry!.redactedPrompt).toBe(sentPrompt());
    expect(app.vault.adapter.text(AUDIT)).not.toMatch(/Bo Kok|Sanne de Vries/);
    expectNoKeyAnywhere(app);
  });

  it('asks only once per session, and never writes over an existing note', async () => {
    const app = await start(CLOUD);
    server.enqueue(reply.text('Eerste.'), reply.text('Tweede.'));
    await ask(app, QUESTION);
    press(await previewModal(app), 1);
    await until(() => server.requests.length === 1 && app.openModals.length === 0 && noticeStarting('Het antwoord staat in'));
    Notice.reset();
    await ask(app, QUESTION);
    await until(() => noticeStarting('Het antwoord staat in'));
    expect(app.openModals).toEqual([]);
    expect(app.vault.adapter.text('Visiewijzer/Hoe werken de leesmaatjes met Bo Kok.md')).toContain('Eerste.');
    expect(app.vault.adapter.text('Visiewijzer/Hoe werken de leesmaatjes met Bo Kok 2.md')).toContain('Tweede.');
    expect(parseAuditLog(app.vault.adapter.text(AUDIT)!).map((e) => e.answer)).toEqual(['Eerste.', 'Tweede.']);
  });

  it('sends nothing, logs nothing and writes nothing when the preview is declined', async () => {
    const app = await start(CLOUD);
    await ask(app, QUESTION);
    press(await previewModal(app), 0);
    await until(() => noticeStarting(nl['ask.notSent']));
    expect(server.requests).toHaveLength(0);
    expect(app.vault.adapter.text(AUDIT)).toBeUndefined();
    expect([...app.vault.adapter.files.keys()].filter((p) => p.startsWith('Visiewijzer/'))).toEqual([]);
  });

  it('reports a provider error in Dutch and writes no note', async () => {
    const app = await start(CLOUD);
    server.enqueue(reply.error(401, `Incorrect API key provided: ${KEY}`));
    await ask(app, QUESTION);
    press(await previewModal(app), 1);
    await until(() => noticeStarting('OpenAI-compatible server weigert de API-sleutel (401)'));
    expect(app.vault.adapter.text(AUDIT)).toBeUndefined();
    expect([...app.vault.adapter.files.keys()].filter((p) => p.startsWith('Visiewijzer/'))).toEqual([]);
    expectNoKeyAnywhere(app);
  });
});

describe('asking a server on this machine', () => {
  it('sends without a preview, redacted unless local servers are exempted', async () => {
    const app = await start(LOCAL);
    server.enqueue(reply.text('ok'), reply.text('ok'));
    await ask(app, QUESTION);
    await until(() => noticeStarting('Het antwoord staat in'));
    expect(server.requests[0]!.body).not.toContain('Sanne de Vries');
    unloadAll();

    Notice.reset();
    const exempt = await start({ ...LOCAL, exemptLoopback: true });
    await ask(exempt, QUESTION);
    await until(() => noticeStarting('Het antwoord staat in'));
    expect(server.requests[1]!.body).toContain('Juf Sanne de Vries koppelt Bo Kok');
  });

  it('stops waiting when the progress notice is clicked, and keeps nothing', async () => {
    const app = await start(LOCAL);
    server.enqueue(reply.hang());
    await ask(app, QUESTION);
    await until(() => server.requests.length === 1);
    const progress = Notice.shown.find((n) => n.message.startsWith('Visiewijzer vraagt het aan fake-model'))!;
    progress.messageEl.click();
    await until(() => noticeStarting('Gestopt.'));
    expect(progress.hidden).toBe(true);
    expect(app.vault.adapter.text(AUDIT)).toBeUndefined();
    expect([...app.vault.adapter.files.keys()].filter((p) => p.startsWith('Visiewijzer/'))).toEqual([]);
  });

  it('shows the preview when asked, and always when the setting is on', async () => {
    const app = await start({ ...LOCAL, alwaysPreview: true });
    await ask(app, QUESTION);
    const first = await previewModal(app);
    expect(el(first.contentEl).textContent).toContain(nl['preview.redactions'].split('{count}')[1]!.slice(0, 20));
    press(first, 0);
    await until(() => noticeStarting(nl['ask.notSent']));
    unloadAll();
    const plain = await start(LOCAL);
    await ask(plain, QUESTION, true);
    press(await previewModal(plain), 0);
    await until(() => Notice.texts().filter((n) => n.startsWith(nl['ask.notSent'])).length === 2);
    expect(server.requests).toHaveLength(0);
  });
});

describe('when there is nothing to ask with', () => {
  it('says the vault has nothing on the question without calling the model', async () => {
    const app = await start(LOCAL);
    await ask(app, 'Wat is de hoofdstad van Frankrijk?');
    await until(() => noticeStarting('Je kluis zegt hier niets over'));
    expect(server.requests).toHaveLength(0);
  });

  it('points to the settings when no service is chosen or the key is missing, before asking anything', async () => {
    const app = await start(null);
    app.runCommand('visiewijzer:ask-vision');
    await until(() => noticeStarting(nl['ask.missing.service']));
    expect(app.openModals).toEqual([]);
    unloadAll();
    const noKey = await start({ ...CLOUD, preset: 'openai', apiKeySecret: 'bestaat-niet' });
    noKey.runCommand('visiewijzer:ask-vision');
    await until(() => noticeStarting(nl['ask.missing.key']));
  });
});

describe('the AI log', () => {
  it('opens as a list of what was sent, and clears after confirmation', async () => {
    const app = await start(LOCAL);
    server.enqueue(reply.text('Antwoord met [LEERLING-1].'));
    await ask(app, QUESTION);
    await until(() => noticeStarting('Het antwoord staat in'));

    app.runCommand('visiewijzer:open-ai-log');
    await until(() => app.openModals.length === 1);
    const log = el(app.openModals[0]!.contentEl);
    expect(log.textContent).toContain(`1 verzoek(en), bewaard in ${AUDIT}`);
    expect(log.findByClass('visiewijzer-audit-head')!.textContent).toMatch(/: ollama, fake-model \(localhost:11434\), \d+ vervangen$/);
    expect(log.textContent).toContain('Antwoord met [LEERLING-1].');
    app.openModals[0]!.close();

    app.runCommand('visiewijzer:clear-ai-log');
    await until(() => app.openModals.length === 1);
    press(app.openModals[0]!, 1);
    await until(() => noticeStarting('Het AI-logboek is gewist (1 verzoek(en)).'));
    expect(app.vault.adapter.text(AUDIT)).toBeUndefined();

    app.runCommand('visiewijzer:open-ai-log');
    await until(() => app.openModals.length === 1);
    expect(el(app.openModals[0]!.contentEl).textContent).toContain(nl['log.empty']);
  });
});
