/** Part of the `obsidian` test stub (see `obsidian.ts`): the workspace and its leaves. */
import { Events, TFile } from './obsidianVault';
import { EmptyView, MarkdownView, type View } from './obsidianViews';

/** Imitates `ViewState` (the fields the stub reads). */
interface StubViewState {
  type: string;
  active?: boolean;
  state?: Record<string, unknown>;
}

/**
 * Imitates `WorkspaceLeaf`: `view` (an empty view until something is opened), `openFile` (a Markdown
 * file gets a `MarkdownView` with the file's text in its editor), `setViewState` (builds a registered
 * view and opens it), `detach` and the ephemeral state. Stub-only: `openedFile`/`openState` record the
 * last open; `side` says whether the leaf is in the main area or the right sidebar.
 */
export class WorkspaceLeaf {
  openedFile: TFile | null = null;
  openState: { active?: boolean; eState?: Record<string, unknown>; state?: Record<string, unknown> } | undefined;
  ephemeralState: unknown = null;
  view: View;

  constructor(readonly workspace: Workspace, readonly side: 'main' | 'right' = 'main') {
    this.view = new EmptyView(this);
  }

  async openFile(file: TFile, openState?: WorkspaceLeaf['openState']): Promise<void> {
    this.openedFile = file;
    this.openState = openState;
    if (openState?.eState) this.ephemeralState = openState.eState;
    if (file.extension === 'md') {
      if (!(this.view instanceof MarkdownView)) await this.replaceView(new MarkdownView(this));
      (this.view as MarkdownView).showFile(file);
    }
    this.workspace.activate(this);
    this.workspace.trigger('file-open', file);
  }

  async setViewState(viewState: StubViewState): Promise<void> {
    const create = this.workspace.viewCreators.get(viewState.type);
    if (!create) throw new Error(`stub: no view registered for type ${viewState.type}`);
    this.openedFile = null;
    await this.replaceView(create(this));
    if (viewState.active) this.workspace.setActiveLeaf(this);
  }

  getViewState(): StubViewState {
    return { type: this.view.getViewType() };
  }

  detach(): void {
    void this.view.close();
    this.workspace.removeLeaf(this);
  }

  setEphemeralState(state: unknown): void {
    this.ephemeralState = state;
  }

  getEphemeralState(): unknown {
    return this.ephemeralState;
  }

  /** Stub-only: closes the current view and opens `view` in its place. */
  async replaceView(view: View): Promise<void> {
    await this.view.close();
    this.view = view;
    await view.open();
  }
}

/**
 * Imitates `Workspace`: `onLayoutReady` queues callbacks until the layout is ready and runs them at once
 * afterwards; `getLeaf(false)` reuses the active main-area leaf (never a sidebar leaf, as in Obsidian),
 * `getLeaf(true)` makes a new one; `getRightLeaf`, `ensureSideLeaf`, `revealLeaf`, `getLeavesOfType`,
 * `getActiveViewOfType`, `setActiveLeaf` (fires `active-leaf-change`, and `file-open` when the active
 * file changes), `getActiveFile` (the active leaf's file, else the most recent one), `openLinkText`
 * (resolves a vault path with or without `.md`, or a unique note name; the `#heading` goes to the
 * ephemeral state as `subpath`, as Obsidian passes it). Stub-only: `finishLayout()` is the moment
 * Obsidian's layout becomes ready; `app` (set by the stub App), `viewCreators` (from
 * `Plugin.registerView`), `revealed` (leaves revealed, in order), `openedLinks`.
 */
export class Workspace extends Events {
  layoutReady = false;
  activeLeaf: WorkspaceLeaf | null = null;
  readonly leaves: WorkspaceLeaf[] = [];
  readonly viewCreators = new Map<string, (leaf: WorkspaceLeaf) => View>();
  readonly revealed: WorkspaceLeaf[] = [];
  readonly openedLinks: { linktext: string; sourcePath: string }[] = [];
  app: unknown = null;
  private recentFile: TFile | null = null;
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
    if (!newLeaf) {
      const recent = this.activeLeaf?.side === 'main' ? this.activeLeaf : this.mostRecentMainLeaf();
      if (recent) return recent;
    }
    const leaf = new WorkspaceLeaf(this);
    this.leaves.push(leaf);
    this.activeLeaf = leaf;
    return leaf;
  }

  getRightLeaf(_split: boolean): WorkspaceLeaf {
    const leaf = new WorkspaceLeaf(this, 'right');
    this.leaves.push(leaf);
    return leaf;
  }

  async ensureSideLeaf(type: string, side: 'left' | 'right', options: { active?: boolean; reveal?: boolean; state?: Record<string, unknown> } = {}): Promise<WorkspaceLeaf> {
    if (side !== 'right') throw new Error('stub: only the right sidebar is modelled');
    let leaf = this.getLeavesOfType(type)[0];
    if (!leaf) {
      leaf = this.getRightLeaf(false);
      await leaf.setViewState({ type, ...(options.state ? { state: options.state } : {}) });
    }
    if (options.active) this.setActiveLeaf(leaf);
    if (options.reveal) await this.revealLeaf(leaf);
    return leaf;
  }

  async revealLeaf(leaf: WorkspaceLeaf): Promise<void> {
    this.revealed.push(leaf);
  }

  getLeavesOfType(viewType: string): WorkspaceLeaf[] {
    return this.leaves.filter((leaf) => leaf.view.getViewType() === viewType);
  }

  detachLeavesOfType(viewType: string): void {
    for (const leaf of this.getLeavesOfType(viewType)) leaf.detach();
  }

  getActiveViewOfType<T extends View>(type: abstract new (...args: never[]) => T): T | null {
    const view = this.activeLeaf?.view;
    return view instanceof type ? view : null;
  }

  setActiveLeaf(leaf: WorkspaceLeaf, _params?: { focus?: boolean }): void {
    const before = this.getActiveFile();
    this.activate(leaf);
    if (leaf.openedFile && leaf.openedFile !== before) this.trigger('file-open', leaf.openedFile);
  }

  getActiveFile(): TFile | null {
    return this.activeLeaf?.openedFile ?? this.recentFile;
  }

  async openLinkText(linktext: string, sourcePath: string, newLeaf?: boolean | 'tab' | 'split' | 'window', openViewState?: { eState?: Record<string, unknown> }): Promise<void> {
    this.openedLinks.push({ linktext, sourcePath });
    const hash = linktext.indexOf('#');
    const linkpath = hash < 0 ? linktext : linktext.slice(0, hash);
    const subpath = hash < 0 ? '' : linktext.slice(hash);
    const file = this.resolve(linkpath);
    if (!file) return;
    await this.getLeaf(newLeaf).openFile(file, { ...openViewState, eState: { ...openViewState?.eState, ...(subpath ? { subpath } : {}) } });
  }

  /** Stub-only: makes `leaf` the active leaf, firing `active-leaf-change` when it changed. */
  activate(leaf: WorkspaceLeaf): void {
    if (leaf.openedFile) this.recentFile = leaf.openedFile;
    if (this.activeLeaf === leaf) return;
    this.activeLeaf = leaf;
    this.trigger('active-leaf-change', leaf);
  }

  /** Stub-only: forgets a detached leaf. */
  removeLeaf(leaf: WorkspaceLeaf): void {
    const index = this.leaves.indexOf(leaf);
    if (index >= 0) this.leaves.splice(index, 1);
    if (this.activeLeaf === leaf) this.activeLeaf = null;
  }

  private mostRecentMainLeaf(): WorkspaceLeaf | null {
    return [...this.leaves].reverse().find((leaf) => leaf.side === 'main') ?? null;
  }

  private resolve(linkpath: string): TFile | null {
    const files = this.vaultFiles();
    const exact = files.find((f) => f.path === linkpath || f.path === `${linkpath}.md`);
    if (exact) return exact;
    const named = files.filter((f) => f.basename === linkpath);
    return named.length === 1 ? named[0]! : null;
  }

  private vaultFiles(): TFile[] {
    const vault = (this.app as { vault?: { getFiles(): TFile[] } } | null)?.vault;
    return vault ? vault.getFiles().filter((f) => f instanceof TFile) : [];
  }
}
