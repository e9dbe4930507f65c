/** Part of the `obsidian` test stub (see `obsidian.ts`): the workspace and its leaves. */
import { Events, type TFile } from './obsidianVault';

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
