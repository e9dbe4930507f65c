/**
 * The settings tab in the stub host: Dutch and English, folder validation, rebuild, bad data.json on
 * load, and the model download that asks for consent first and then switches the index to the model.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../src/plugin/embedding/spawnEmbeddingWorker', () => ({ spawnEmbeddingWorker: vi.fn() }));
vi.mock('../../src/plugin/embedding/ortWebVersion', () => ({ ORT_WEB_VERSION: '1.0.0-test' }));

import { ButtonComponent, DropdownComponent, Notice, Setting, TextComponent, setRequestUrlHandler, setStubApiVersion, setStubLanguage, type App, type StubElement } from '../stubs/obsidian';
import { spawnEmbeddingWorker } from '../../src/plugin/embedding/spawnEmbeddingWorker';
import { DownloadConsentModal } from '../../src/plugin/settings/downloadConsentModal';
import { DEFAULT_MODEL_ID } from '../../src/plugin/settings/settings';
import { nl } from '../../src/plugin/i18n/nl';
import { fakeSpawner } from './helpers/fakeWorker';
import { exampleNotes, until } from './helpers/exampleVault';
import { loadPlugin, PLUGIN_DIR, statusBarText, unloadAll } from './helpers/pluginHost';

const notes = exampleNotes();

interface Tab {
  containerEl: StubElement;
  display(): void;
  drawDefinitions(): void;
}

async function openSettings(options: Parameters<typeof loadPlugin>[0] = {}): Promise<{ app: App; tab: Tab }> {
  const { app } = await loadPlugin({ notes, ...options });
  app.workspace.finishLayout();
  await until(() => statusBarText(app).startsWith('Visiewijzer: klaar'));
  const tab = app.settingTabs[0] as unknown as Tab;
  tab.display();
  return { app, tab };
}

function savedData(app: App): Record<string, unknown> {
  return JSON.parse(app.vault.adapter.text(`${PLUGIN_DIR}/data.json`) ?? 'null') as Record<string, unknown>;
}

beforeEach(() => {
  setStubLanguage('nl');
  Notice.reset();
  vi.mocked(spawnEmbeddingWorker).mockReset();
});

afterEach(() => {
  unloadAll();
  setRequestUrlHandler(null);
  setStubApiVersion('1.11.4');
});

describe('settings tab', () => {
  it('shows the sections in Dutch and the index location in the plugin folder', async () => {
    const { tab } = await openSettings();
    const names = Setting.all(tab.containerEl).map((s) => s.nameEl.textContent);
    expect(names).toEqual(expect.arrayContaining(['Taal', 'Mappen', 'Map met beleid', 'Taalmodel', 'Model', 'Model downloaden', 'Index', 'Index opnieuw opbouwen', 'Privacy']));
    const headings = Setting.all(tab.containerEl).filter((s) => s.heading).map((s) => s.nameEl.textContent);
    expect(headings).toEqual(['Mappen', 'Taalmodel', 'Index', 'Privacy']);
    expect(Setting.find(tab.containerEl, 'Locatie').descEl.textContent).toContain(`${PLUGIN_DIR}/index`);
    expect(Setting.find(tab.containerEl, nl['settings.privacy.name']).descEl.textContent).toBe(nl['settings.privacy.text']);
  });

  it('gives Obsidian 1.13+ the same rows as definitions, and redraws through update()', async () => {
    const { app, tab } = await openSettings();
    const drawn = Setting.all(tab.containerEl).map((s) => [s.nameEl.textContent, s.heading]);
    setStubApiVersion('1.13.0');
    tab.drawDefinitions();
    expect(Setting.all(tab.containerEl).map((s) => [s.nameEl.textContent, s.heading])).toEqual(drawn);

    await Setting.find(tab.containerEl, 'Taal').control(DropdownComponent).simulateSelect('en');
    expect(Setting.all(tab.containerEl).map((s) => s.nameEl.textContent)).toContain('Policy folder');
    expect(savedData(app)).toMatchObject({ language: 'en' });
  });

  it('rejects a folder name with a slash, saves a good one', async () => {
    const { app, tab } = await openSettings();
    const setting = Setting.find(tab.containerEl, 'Map met beleid');
    await setting.control(TextComponent).simulateInput('Beleid/Oud');
    expect(setting.descEl.textContent).toBe(nl['settings.folder.invalid']);
    expect(app.vault.adapter.text(`${PLUGIN_DIR}/data.json`)).toBeUndefined();

    await setting.control(TextComponent).simulateInput('Beleidsstukken');
    expect(setting.descEl.textContent).toBe('');
    expect(savedData(app)).toMatchObject({ folders: { beleid: 'Beleidsstukken' } });
  });

  it('switches to English right away', async () => {
    const { app, tab } = await openSettings();
    await Setting.find(tab.containerEl, 'Taal').control(DropdownComponent).simulateSelect('en');
    expect(savedData(app)).toMatchObject({ language: 'en' });
    expect(Setting.all(tab.containerEl).map((s) => s.nameEl.textContent)).toContain('Policy folder');
    expect(statusBarText(app)).toBe('Visiewijzer: ready (keyword only)');
  });

  it('rebuilds the index from the button', async () => {
    const { app, tab } = await openSettings();
    app.vault.readLog.length = 0;
    await Setting.find(tab.containerEl, 'Index opnieuw opbouwen').control(ButtonComponent).simulateClick();
    await until(() => app.vault.readLog.length === notes.size && statusBarText(app).startsWith('Visiewijzer: klaar'));
    expect(new Set(app.vault.readLog)).toEqual(new Set(notes.keys()));
  });

  it('warns about invalid stored settings after the layout is ready, naming them, and uses defaults', async () => {
    const { app } = await openSettings({ data: { dtype: 'int4', folders: { visie: '' }, language: 'nl' } });
    const notice = Notice.texts().find((text) => text.startsWith('Visiewijzer: enkele instellingen waren ongeldig'));
    expect(notice).toContain('dtype');
    expect(notice).toContain('folders.visie');
    expect(statusBarText(app)).toBe('Visiewijzer: klaar (alleen trefwoorden)');
  });
});

describe('downloading the model', () => {
  function answerDownloads(): string[] {
    const requested: string[] = [];
    setRequestUrlHandler(async ({ url }) => {
      requested.push(url);
      const body = url.endsWith('.json') ? new TextEncoder().encode('{}') : url.endsWith('.wasm') ? Uint8Array.of(0, 0x61, 0x73, 0x6d, 1, 0, 0, 0) : new TextEncoder().encode('onnx-bytes');
      return { status: 200, arrayBuffer: body.slice().buffer, text: '', json: null };
    });
    return requested;
  }

  async function startDownload(tab: Tab, app: App): Promise<DownloadConsentModal> {
    const status = Setting.find(tab.containerEl, 'Modelstatus');
    await until(() => status.descEl.textContent.startsWith('Nog niet compleet'));
    void Setting.find(tab.containerEl, 'Model downloaden').control(ButtonComponent).simulateClick();
    await until(() => app.openModals.length === 1);
    return app.openModals[0] as unknown as DownloadConsentModal;
  }

  it('asks first, saying what, how big, from where, and that nothing else leaves the machine', async () => {
    const requested = answerDownloads();
    const { app, tab } = await openSettings();
    const modal = await startDownload(tab, app);
    const text = (modal.contentEl as unknown as StubElement).textContent;

    expect((modal.titleEl as unknown as StubElement).textContent).toBe(nl['consent.title']);
    expect(text).toContain(DEFAULT_MODEL_ID);
    expect(text).toContain('ongeveer 150 MB');
    expect(text).toContain('huggingface.co');
    expect(text).toContain('https://cdn.jsdelivr.net/npm/onnxruntime-web@1.0.0-test/dist/ort-wasm-simd-threaded.wasm');
    expect(text).toContain(`${PLUGIN_DIR}/models/${DEFAULT_MODEL_ID}`);
    expect(text).toContain(nl['consent.privacy']);
    expect(requested).toEqual([]);

    await Setting.all(modal.contentEl as unknown as StubElement)[0]!.control(ButtonComponent, 0).simulateClick();
    expect(app.openModals).toEqual([]);
    expect(requested).toEqual([]);
  });

  it('after consent downloads every file once, from the two named hosts only, and switches to the model', async () => {
    const requested = answerDownloads();
    const spawner = fakeSpawner();
    vi.mocked(spawnEmbeddingWorker).mockImplementation(spawner.spawn);
    const { app, tab } = await openSettings();
    const modal = await startDownload(tab, app);

    await Setting.all(modal.contentEl as unknown as StubElement)[0]!.control(ButtonComponent, 1).simulateClick();
    await until(() => statusBarText(app) === 'Visiewijzer: klaar');

    expect(new Set(requested.map((url) => new URL(url).host))).toEqual(new Set(['huggingface.co', 'cdn.jsdelivr.net']));
    expect(requested).toHaveLength(new Set(requested).size);
    expect(requested).toHaveLength(6);
    expect(app.vault.adapter.files.has(`${PLUGIN_DIR}/models/${DEFAULT_MODEL_ID}/onnx/model_quantized.onnx`)).toBe(true);
    expect(Notice.texts().some((text) => text.startsWith('Het model is gedownload'))).toBe(true);
    expect(spawner.workers).toHaveLength(1);
  });
});
