/**
 * A minimal stand-in for the `obsidian` module, which ships types only. vitest aliases `obsidian` to
 * this file (see vitest.config.ts), so the plugin's adapters run in Node against it; `tsc` still checks
 * them against the real type definitions.
 *
 * Rules: imitate only behaviour Obsidian documents (or, where it is silent, the stricter choice, said
 * so in the comment); keep state a test can read back; add `simulate*` helpers for user actions.
 * Everything marked "stub-only" does not exist in Obsidian. Split over `obsidianDom.ts` (elements),
 * `obsidianVault.ts` (events, files, vault, adapter) and `obsidianUi.ts` (settings, modals, notices,
 * menus).
 */
import { StubElement, type StubEvent } from './obsidianDom';
import { Events, MetadataCache, TFile, Vault, type StubEventRef } from './obsidianVault';
import type { Modal } from './obsidianUi';

export { StubElement, stubEvent, type StubEvent, type StubElementInfo } from './obsidianDom';
export { Events, MetadataCache, StubAdapter, TAbstractFile, TFile, TFolder, Vault, type StubEventRef as EventRef } from './obsidianVault';
export { BaseComponent, ButtonComponent, DropdownComponent, Menu, MenuItem, Modal, Notice, Setting, SuggestModal, TextComponent, ToggleComponent } from './obsidianUi';

// The host provides `window` (the plugin uses `window.setTimeout` for popout-window safety). In Node,
// `window` becomes the global object itself, so vitest's fake timers apply to it too.
// eslint-disable-next-line obsidianmd/no-global-this -- Node has no window: the stub is what provides it
const host = globalThis as { window?: unknown };
// eslint-disable-next-line obsidianmd/no-global-this -- as above
if (host.window === undefined) host.window = globalThis;

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

/** Imitates `moment` only as far as `moment.locale()` (the app's locale); nothing else of moment.js. */
export const moment = { locale: (): string => language };

type RequestHandler = (request: { url: string; method?: string }) => Promise<{ status: number; arrayBuffer: ArrayBuffer; text: string; json: unknown }>;
let requestHandler: RequestHandler | null = null;

/** Imitates `requestUrl`. Tests never touch the network: it throws unless a test installed a handler. */
export function requestUrl(request: string | { url: string; method?: string }): Promise<Awaited<ReturnType<RequestHandler>>> {
  const param = typeof request === 'string' ? { url: request } : request;
  if (!requestHandler) return Promise.reject(new Error(`stub: network is disabled in tests (requestUrl ${param.url})`));
  return requestHandler(param);
}

/** Stub-only: answers `requestUrl` calls (null restores "no network"). */
export function setRequestUrlHandler(handler: RequestHandler | null): void {
  requestHandler = handler;
}

/** Imitates `Component`: `register*` clean-ups run on `unload()`. Stub `load()` awaits an async `onload`. */
export class Component {
  private cleanups: (() => unknown)[] = [];
  private readonly children: Component[] = [];
  loaded = false;

  async load(): Promise<void> {
    this.loaded = true;
    await this.onload();
    for (const child of this.children) await child.load();
  }

  onload(): void | Promise<void> {}

  unload(): void {
    for (const child of this.children.splice(0)) child.unload();
    const cleanups = this.cleanups.splice(0).reverse();
    for (const cleanup of cleanups) cleanup();
    this.loaded = false;
    this.onunload();
  }

  onunload(): void {}

  addChild<T extends Component>(component: T): T {
    this.children.push(component);
    if (this.loaded) void component.load();
    return component;
  }

  register(cleanup: () => unknown): void {
    this.cleanups.push(cleanup);
  }

  registerEvent(ref: StubEventRef): void {
    this.register(() => ref.events.offref(ref));
  }

  registerDomEvent(el: StubElement, type: string, callback: (event: StubEvent) => unknown): void {
    el.addEventListener(type, callback);
    this.register(() => el.removeEventListener(type, callback));
  }

  registerInterval(id: number): number {
    this.register(() => window.clearInterval(id));
    return id;
  }
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
 * Imitates `Plugin`: commands (palette id `<plugin id>:<id>`), status bar items, settings tabs and
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

/** Imitates `PluginSettingTab`: a `containerEl` that `display()` fills; `hide()` empties it. */
export abstract class PluginSettingTab {
  readonly containerEl = new StubElement('div');
  constructor(readonly app: App, readonly plugin: Plugin) {}
  abstract display(): void;
  hide(): void {
    this.containerEl.empty();
  }
}

/** Imitates `WorkspaceLeaf.openFile` and the ephemeral state; stub-only `openedFile`/`openState` record the last open. */
export class WorkspaceLeaf {
  openedFile: TFile | null = null;
  openState: { active?: boolean; eState?: Record<string, unknown>; state?: Record<string, unknown> } | undefined;
  ephemeralState: unknown = null;

  constructor(private readonly workspace: Workspace) {}

  async openFile(file: TFile, openState?: WorkspaceLeaf['openState']): Promise<void> {
    this.openedFile = file;
    this.openState = openState;
    if (openState?.eState) this.ephemeralState = openState.eState;
    this.workspace.activeLeaf = this;
    this.workspace.trigger('file-open', file);
  }

  setEphemeralState(state: unknown): void {
    this.ephemeralState = state;
  }

  getEphemeralState(): unknown {
    return this.ephemeralState;
  }
}

/**
 * Imitates `Workspace`: `onLayoutReady` queues callbacks until the layout is ready and runs them at once
 * afterwards; `getLeaf(false)` reuses the active leaf, `getLeaf(true)` makes a new one. Stub-only:
 * `finishLayout()` is the moment Obsidian's layout becomes ready.
 */
export class Workspace extends Events {
  layoutReady = false;
  activeLeaf: WorkspaceLeaf | null = null;
  readonly leaves: WorkspaceLeaf[] = [];
  private readyQueue: (() => unknown)[] = [];

  onLayoutReady(callback: () => unknown): void {
    if (this.layoutReady) callback();
    else this.readyQueue.push(callback);
  }

  finishLayout(): void {
    this.layoutReady = true;
    for (const callback of this.readyQueue.splice(0)) callback();
    this.trigger('layout-ready');
  }

  getLeaf(newLeaf?: boolean | 'tab' | 'split' | 'window'): WorkspaceLeaf {
    if (!newLeaf && this.activeLeaf) return this.activeLeaf;
    const leaf = new WorkspaceLeaf(this);
    this.leaves.push(leaf);
    this.activeLeaf = leaf;
    return leaf;
  }

  getActiveFile(): TFile | null {
    return this.activeLeaf?.openedFile ?? null;
  }
}

/**
 * Imitates `App` with a vault, workspace and metadata cache. Stub-only: `commands` (the palette),
 * `runCommand`, `statusBarEl`, `ribbonEl`, `settingTabs`, `openModals`.
 */
export class App {
  readonly vault = new Vault();
  readonly workspace = new Workspace();
  readonly metadataCache = new MetadataCache();
  readonly commands = new Map<string, Command>();
  readonly statusBarEl = new StubElement('div');
  readonly ribbonEl = new StubElement('div');
  readonly settingTabs: PluginSettingTab[] = [];
  readonly openModals: Modal[] = [];

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
