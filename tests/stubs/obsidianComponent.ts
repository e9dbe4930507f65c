/**
 * Part of the `obsidian` test stub (see `obsidian.ts`): `Component`, in a file of its own because views
 * (`obsidianViews.ts`) extend it and the workspace creates them, which would otherwise be an import cycle.
 */
import type { StubElement, StubEvent } from './obsidianDom';
import type { StubEventRef } from './obsidianVault';

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
