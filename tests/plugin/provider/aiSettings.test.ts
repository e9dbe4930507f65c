/**
 * The AI service settings in the Privacy section: Dutch and English, validation, the key through
 * Obsidian's keychain (never in data.json), and "Test connection" against the fake OpenAI server.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../../src/plugin/embedding/spawnEmbeddingWorker', () => ({ spawnEmbeddingWorker: vi.fn() }));

import { ButtonComponent, DropdownComponent, Notice, SecretComponent, Setting, TextComponent, ToggleComponent, setRequestUrlHandler, setStubLanguage, type App, type StubElement } from '../../stubs/obsidian';
import { parseSettings } from '../../../src/plugin/settings/settings';
import { DEFAULT_AI_SETTINGS, parseAiSettings } from '../../../src/plugin/provider/aiSettings';
import { en } from '../../../src/plugin/i18n/en';
import { nl } from '../../../src/plugin/i18n/nl';
import { reply, startFakeOpenAiServer, type FakeOpenAiServer } from '../../helpers/fakeOpenAiServer';
import { exampleNotes, until } from '../helpers/exampleVault';
import { unloadAll } from '../helpers/pluginHost';
import { forwardRequestUrl, loadReady, PLUGIN_DIR, savedData } from './providerHost';

const KEY = 'sk-proj-Hj6Nm2Bv8Cx4Zl0Qa5Ws';
const notes = exampleNotes();
let server: FakeOpenAiServer;

interface Tab {
  containerEl: StubElement;
  display(): void;
}

async function openTab(data: unknown = null, secrets: Record<string, string> = {}): Promise<{ app: App; tab: Tab }> {
  const app = await loadReady(notes, data, secrets);
  const tab = app.settingTabs[0] as unknown as Tab;
  tab.display();
  return { app, tab };
}

beforeEach(async () => {
  setStubLanguage('nl');
  Notice.reset();
  server = await startFakeOpenAiServer();
});
afterEach(async () => {
  unloadAll();
  setRequestUrlHandler(null);
  await server.close();
});

describe('parseAiSettings', () => {
  it('keeps valid values and names each bad one, falling back to its default', () => {
    const good = { preset: 'azure', baseUrl: 'https://school.openai.azure.com/', model: 'gpt-4o', apiKeySecret: 'azure-sleutel', temperature: 0.2, timeoutSeconds: 90, exemptLoopback: true, alwaysPreview: true, rosterPath: 'Admin/Namen', schoolName: 'De Wilgenhoek' };
    expect(parseAiSettings(good)).toEqual({ settings: { ...good, baseUrl: 'https://school.openai.azure.com' }, problems: [] });
    const bad = parseAiSettings({ preset: 'gemini', baseUrl: 'ftp://x', apiKeySecret: KEY, temperature: 3, timeoutSeconds: 0, exemptLoopback: 'ja' });
    expect(bad.problems.map((p) => p.key).sort()).toEqual(['ai.apiKeySecret', 'ai.baseUrl', 'ai.exemptLoopback', 'ai.preset', 'ai.temperature', 'ai.timeoutSeconds']);
    expect(bad.settings).toEqual(DEFAULT_AI_SETTINGS);
  });

  it('is part of the plugin settings, and absent settings are simply the defaults', () => {
    expect(parseSettings({ ai: { model: 'llama3.1' } }).settings.ai).toEqual({ ...DEFAULT_AI_SETTINGS, model: 'llama3.1' });
    expect(parseSettings(null).settings.ai).toBeUndefined();
    expect(parseSettings({ ai: 'kapot' }).problems).toEqual([{ key: 'ai', value: 'kapot' }]);
  });
});

describe('the AI rows of the settings tab', () => {
  it('shows the service, key, privacy and roster rows in Dutch, and in English', async () => {
    const { tab } = await openTab();
    const names = Setting.all(tab.containerEl).map((s) => s.nameEl.textContent);
    const privacy = names.indexOf('Privacy');
    expect(names.slice(privacy)).toEqual(['Privacy', nl['settings.privacy.name'], 'AI-dienst', 'Adres', 'Modelnaam', 'API-sleutel', 'Temperatuur', 'Time-out (seconden)', 'Verbinding testen', 'Lokale servers niet afschermen', 'Altijd laten zien wat er verstuurd wordt', 'Namenlijst', 'Naam van de school']);
    const preset = Setting.find(tab.containerEl, 'AI-dienst').control(DropdownComponent);
    expect([...preset.options.keys()]).toEqual(['none', 'openai', 'azure', 'ollama', 'lmstudio', 'custom']);
    expect(preset.getValue()).toBe('none');
    expect(Setting.find(tab.containerEl, 'Lokale servers niet afschermen').control(ToggleComponent).getValue()).toBe(false);
    await Setting.find(tab.containerEl, 'Taal').control(DropdownComponent).simulateSelect('en');
    expect(Setting.all(tab.containerEl).map((s) => s.nameEl.textContent)).toEqual(expect.arrayContaining([en['settings.ai.preset.name'], en['settings.ai.key.name'], en['settings.ai.exempt.name']]));
  });

  it('keeps the key in the keychain: data.json holds only the secret name', async () => {
    const { app, tab } = await openTab();
    await Setting.find(tab.containerEl, 'AI-dienst').control(DropdownComponent).simulateSelect('openai');
    await Setting.find(tab.containerEl, 'Modelnaam').control(TextComponent).simulateInput('gpt-4o-mini');
    await Setting.find(tab.containerEl, 'API-sleutel').control(SecretComponent).simulateCreate('openai-school', KEY);
    expect(app.secretStorage.getSecret('openai-school')).toBe(KEY);
    expect(savedData(app)).toMatchObject({ ai: { preset: 'openai', model: 'gpt-4o-mini', apiKeySecret: 'openai-school' } });
    const files = [...app.vault.adapter.files.entries()].filter(([, data]) => typeof data === 'string');
    for (const [path, data] of files) expect(data, path).not.toContain(KEY.slice(8));
  });

  it('rejects an address that is no URL and a temperature out of range, saying why', async () => {
    const { app, tab } = await openTab();
    const url = Setting.find(tab.containerEl, 'Adres');
    await url.control(TextComponent).simulateInput('localhost:11434');
    expect(url.descEl.textContent).toBe(nl['settings.ai.baseUrl.invalid']);
    expect(savedData(app)).toBeNull();
    const temperature = Setting.find(tab.containerEl, 'Temperatuur');
    await temperature.control(TextComponent).simulateInput('0,3');
    expect(savedData(app)).toMatchObject({ ai: { temperature: 0.3 } });
    await temperature.control(TextComponent).simulateInput('5');
    expect(temperature.descEl.textContent).toBe(nl['settings.ai.temperature.invalid']);
    expect(savedData(app)).toMatchObject({ ai: { temperature: 0.3 } });
  });

  it('tests the connection: models found and latency, with the key from the keychain', async () => {
    forwardRequestUrl(server);
    server.enqueue(reply.models(['llama3.1', 'mistral', 'qwen2.5']));
    const data = { ai: { preset: 'custom', baseUrl: 'https://ai.example.nl/v1', model: 'mistral', apiKeySecret: 'school-ai' } };
    const { tab } = await openTab(data, { 'school-ai': KEY });
    const row = Setting.find(tab.containerEl, 'Verbinding testen');
    await row.control(ButtonComponent).simulateClick();
    expect(row.descEl.textContent).toMatch(/^Verbonden in \d+ ms\. 3 model\(len\) gevonden: llama3\.1, mistral, qwen2\.5\.$/);
    expect(server.requests[0]).toMatchObject({ method: 'GET', url: '/v1/models' });
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it('reports a failed test in the UI language, and what is missing before anything is sent', async () => {
    forwardRequestUrl(server);
    const { app, tab } = await openTab({ ai: { preset: 'custom', baseUrl: 'https://ai.example.nl/v1', model: 'onbekend' } });
    server.enqueue(reply.error(401, `Incorrect API key provided: ${KEY}`));
    const row = Setting.find(tab.containerEl, 'Verbinding testen');
    await row.control(ButtonComponent).simulateClick();
    expect(row.descEl.textContent).toMatch(/^OpenAI-compatible server weigert de API-sleutel \(401\)/);
    expect(row.descEl.textContent).not.toContain(KEY);
    expect(row.settingEl.hasClass('visiewijzer-invalid')).toBe(true);

    await Setting.find(tab.containerEl, 'AI-dienst').control(DropdownComponent).simulateSelect('openai');
    await until(() => savedData(app)?.['ai'] !== undefined);
    await Setting.find(tab.containerEl, 'Verbinding testen').control(ButtonComponent).simulateClick();
    expect(Setting.find(tab.containerEl, 'Verbinding testen').descEl.textContent).toBe(nl['ask.missing.key']);
    expect(server.requests).toHaveLength(1);
    expect(app.vault.adapter.text(`${PLUGIN_DIR}/data.json`)).not.toContain(KEY);
  });
});
