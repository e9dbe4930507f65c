/**
 * A minimal stand-in for the `obsidian` module, which ships types only. vitest aliases `obsidian` to
 * this file (see vitest.config.ts), so the plugin's adapters run in Node against it; `tsc` still checks
 * them against the real type definitions.
 *
 * Rules: imitate only behaviour Obsidian documents (or, where it is silent, the stricter choice, said
 * so in the comment); keep state a test can read back; add `simulate*` helpers for user actions.
 * Everything marked "stub-only" does not exist in Obsidian. Split over `obsidianDom.ts` (elements),
 * `obsidianComponent.ts` (`Component`), `obsidianVault.ts` (events, files, vault, adapter),
 * `obsidianWorkspace.ts` (workspace, leaves), `obsidianViews.ts` (views, the editor, `setIcon`),
 * `obsidianSetting.ts` (settings rows and controls), `obsidianSecrets.ts` (keychain) and `obsidianUi.ts`
 * (notices, modals, menus).
 */
import { runInThisContext } from 'node:vm';
import { StubElement, type StubEvent } from './obsidianDom';
import { Component } from './obsidianComponent';
import { FileManager, MetadataCache, Vault } from './obsidianVault';
import { SecretStorage } from './obsidianSecrets';
import { Setting } from './obsidianSetting';
import type { Modal } from './obsidianUi';
import { Workspace, type WorkspaceLeaf } from './obsidianWorkspace';
import type { View } from './obsidianViews';

export { StubElement, stubEvent, type StubEvent, type StubElementInfo } from './obsidianDom';
export { Events, FileManager, MetadataCache, StubAdapter, TAbstractFile, TFile, TFolder, Vault, type StubEventRef as EventRef } from './obsidianVault';
export { SecretComponent, SecretStorage } from './obsidianSecrets';
export { BaseComponent, ButtonComponent, DropdownComponent, Setting, TextComponent, ToggleComponent } from './obsidianSetting';
export { Menu, MenuItem, Modal, Notice, SuggestModal } from './obsidianUi';
export { Workspace, WorkspaceLeaf } from './obsidianWorkspace';
export { Component } from './obsidianComponent';
export { Editor, ItemView, MarkdownView, View, setIcon, type EditorPosition } from './obsidianViews';

// The host provides `window` (the plugin uses `window.setTimeout` for popout-window safety). In Node,
// `window` becomes the global object itself, so vitest's fake timers apply to it too.
const host = runInThisContext('this') as { window?: unknown };
if (host.window === undefined) host.window = host;

/** Imitates `normalizePath`: `/` for `\`, no duplicate, leading or trailing slashes, NBSP to space, NFC. */
export function normalizePath(path: string): string {
  const cleaned = path.replace(/[\\/]+/g, '/').replace(/^\/+|\/+$/g, '').replace(/\u00A0|\u202F/g, ' ');
  return cleaned === '' ? '/' : cleaned.normalize('NFC');
}

let language = 'en';

/** Imitates `getLanguage()`: the app's language code; stub-only `setStubLanguage` changes it (default `en`). */
export function getLanguage(): string {
  return language;
}

export function setStubLanguage(code: string): void {
  language = code;
}

let apiVersion = '1.11.4';

/** Imitates `requireApiVersion`: true when the host is at least `version`; stub-only `setStubApiVersion` (default 1.11.4, the plugin's minimum). */
export function requireApiVersion(version: string): boolean {
  const parts = (v: string): number[] => v.split('.').map(Number);
  const [have, want] = [parts(apiVersion), parts(version)];
  for (let i = 0; i < Math.max(have.length, want.length); i++) {
    const diff = (have[i] ?? 0) - (want[i] ?? 0);
    if (diff !== 0) return diff > 0;
  }
  return true;
}

export function setStubApiVersion(version: string): void {
  apiVersion = version;
}

/** Imitates `moment` only as far as `moment.locale()` (the app's locale); nothing else of moment.js. */
export const moment = { locale: (): string => language };

/** Imitates `RequestUrlParam` (the fields a handler may read). */
interface StubRequestParam {
  url: string;
  method?: string;
  contentType?: string;
  body?: string | ArrayBuffer;
  headers?: Record<string, string>;
  throw?: boolean;
}
type RequestHandler = (request: StubRequestParam) => Promise<{ status: number; headers?: Record<string, string>; arrayBuffer: ArrayBuffer; text: string; json: unknown }>;
let requestHandler: RequestHandler | null = null;

/** Imitates `requestUrl`. Tests never touch the network: it throws unless a test installed a handler. */
export function requestUrl(request: string | StubRequestParam): Promise<Awaited<ReturnType<RequestHandler>>> {
  const param = typeof request === 'string' ? { url: request } : request;
  if (!requestHandler) return Promise.reject(new Error(`stub: network is disabled in tests (requestUrl ${param.url})`));
  return requestHandler(param);
}

/** Stub-only: answers `requestUrl` calls (null restores "no network"). */
export function setRequestUrlHandler(handler: RequestHandler | null): void {
  requestHandler = handler;
}

/** Imitates `Command` (id, name, callback or checkCallback, hotkeys). */
export interface Command {
  id: string;
  name: string;
  callback?: () => unknown;
  checkCallback?: (checking: boolean) => boolean | void;
  hotkeys?: unknown[];
}

/** Imitates `PluginManifest`. */
export interface PluginManifest {
  id: string;
  name: string;
  version: string;
  minAppVersion: string;
  description: string;
  author: string;
  dir?: string;
  isDesktopOnly?: boolean;
}

/**
 * Imitates `Plugin`: commands (palette id `<plugin id>:<id>`), status bar items, ribbon icons, views, settings tabs and
 * `loadData`/`saveData` on `<manifest.dir>/data.json` (null when the file does not exist). Everything
 * added is removed again on `unload()`.
 */
export class Plugin extends Component {
  constructor(readonly app: App, readonly manifest: PluginManifest) {
    super();
  }

  addCommand(command: Command): Command {
    const full = { ...command, id: `${this.manifest.id}:${command.id}` };
    this.app.commands.set(full.id, full);
    this.register(() => this.app.commands.delete(full.id));
    return full;
  }

  addStatusBarItem(): StubElement {
    const el = this.app.statusBarEl.createDiv({ cls: 'status-bar-item' });
    this.register(() => el.remove());
    return el;
  }

  addRibbonIcon(icon: string, title: string, callback: (event: StubEvent) => unknown): StubElement {
    const el = this.app.ribbonEl.createDiv({ cls: 'side-dock-ribbon-action', attr: { 'aria-label': title, 'data-icon': icon } });
    el.addEventListener('click', callback);
    this.register(() => el.remove());
    return el;
  }

  /**
   * Imitates `registerView`: the workspace can build the view from now on. On unload the type is
   * unregistered and its open views are closed (Obsidian leaves the leaves empty; the stub drops them).
   */
  registerView(type: string, viewCreator: (leaf: WorkspaceLeaf) => View): void {
    const { workspace } = this.app;
    workspace.viewCreators.set(type, viewCreator);
    this.register(() => {
      workspace.viewCreators.delete(type);
      workspace.detachLeavesOfType(type);
    });
  }

  addSettingTab(tab: PluginSettingTab): void {
    this.app.settingTabs.push(tab);
    this.register(() => this.app.settingTabs.splice(this.app.settingTabs.indexOf(tab), 1));
  }

  async loadData(): Promise<unknown> {
    const path = this.dataPath();
    if (!(await this.app.vault.adapter.exists(path))) return null;
    return JSON.parse(await this.app.vault.adapter.read(path));
  }

  async saveData(data: unknown): Promise<void> {
    const dir = this.dataPath().split('/').slice(0, -1).join('/');
    if (!(await this.app.vault.adapter.exists(dir))) await this.app.vault.adapter.mkdir(dir);
    await this.app.vault.adapter.write(this.dataPath(), JSON.stringify(data, null, 2));
  }

  private dataPath(): string {
    return `${this.manifest.dir ?? `${this.app.vault.configDir}/plugins/${this.manifest.id}`}/data.json`;
  }
}

/** A declarative settings group or row as Obsidian 1.13 takes them (only the fields the stub draws). */
interface StubDefinition {
  type?: string;
  heading?: string;
  name?: string;
  desc?: string;
  items?: StubDefinition[];
  render?: (setting: Setting) => void | (() => void);
}

/**
 * Imitates `PluginSettingTab`: before 1.13 a `containerEl` that `display()` fills and `hide()` empties;
 * from 1.13 `getSettingDefinitions()` and `update()`. Stub-only: `drawDefinitions()` draws the
 * definitions the simple way 1.13 documents (group heading, then per row a Setting with name and
 * description handed to `render`); layout, search and pages are not imitated.
 */
export abstract class PluginSettingTab {
  readonly containerEl = new StubElement('div');
  settingItems: unknown[] = [];
  private cleanups: (() => void)[] = [];
  constructor(readonly app: App, readonly plugin: Plugin) {}
  display(): void {}
  getSettingDefinitions(): unknown[] {
    return [];
  }
  update(): void {
    this.settingItems = this.getSettingDefinitions();
    if (this.containerEl.children.length > 0) this.drawDefinitions();
  }
  hide(): void {
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.containerEl.empty();
  }
  drawDefinitions(): void {
    this.hide();
    const draw = (items: StubDefinition[]): void => {
      for (const item of items) {
        if (item.type === 'group' || item.type === 'list') {
          if (item.heading) new Setting(this.containerEl).setName(item.heading).setHeading();
          draw(item.items ?? []);
          continue;
        }
        const setting = new Setting(this.containerEl).setName(item.name ?? '');
        if (item.desc) setting.setDesc(item.desc);
        const cleanup = item.render?.(setting);
        if (cleanup) this.cleanups.push(cleanup);
      }
    };
    draw(this.getSettingDefinitions() as StubDefinition[]);
  }
}

/**
 * Imitates `App` with a vault, workspace, metadata cache, file manager and secret storage. Stub-only: `commands` (the palette),
 * `runCommand`, `statusBarEl`, `ribbonEl`, `settingTabs`, `openModals`.
 */
export class App {
  readonly vault = new Vault();
  readonly workspace = new Workspace();
  readonly metadataCache = new MetadataCache();
  readonly fileManager = new FileManager(this.vault);
  readonly secretStorage = new SecretStorage();
  readonly commands = new Map<string, Command>();
  readonly statusBarEl = new StubElement('div');
  readonly ribbonEl = new StubElement('div');
  readonly settingTabs: PluginSettingTab[] = [];
  readonly openModals: Modal[] = [];

  constructor() {
    this.workspace.app = this;
  }

  /** Stub-only: runs a command as the palette would; false when its `checkCallback` says it is unavailable. */
  runCommand(id: string): boolean {
    const command = this.commands.get(id);
    if (!command) throw new Error(`No command ${id} (have: ${[...this.commands.keys()].join(', ')})`);
    if (command.checkCallback) {
      if (!command.checkCallback(true)) return false;
      command.checkCallback(false);
      return true;
    }
    command.callback?.();
    return true;
  }
}
