/**
 * The plugin's timers in one place, so unloading can clear every one of them. Uses `window` timers
 * (popout-window safe, as Obsidian asks); pending `yield()` sleeps are released on `clearAll()` so
 * nothing waits forever after unload.
 */
export class TimerSet {
  private readonly timers = new Map<number, () => void>();
  private readonly named = new Map<string, number>();
  private cleared = false;

  /** Runs `fn` after `ms`, unless cleared first. Returns the id. */
  after(ms: number, fn: () => void): number {
    const id = window.setTimeout(() => {
      this.timers.delete(id);
      fn();
    }, ms);
    this.timers.set(id, () => undefined);
    return id;
  }

  /** Runs `fn` once `ms` after the last call with the same key (a debounce). */
  debounce(key: string, ms: number, fn: () => void): void {
    this.cancel(key);
    const id = this.after(ms, () => {
      this.named.delete(key);
      fn();
    });
    this.named.set(key, id);
  }

  /** Drops a pending debounced call. */
  cancel(key: string): void {
    const id = this.named.get(key);
    if (id === undefined) return;
    this.named.delete(key);
    this.clear(id);
  }

  /** True while a debounced call for `key` waits. */
  isPending(key: string): boolean {
    return this.named.has(key);
  }

  /**
   * Resolves on a later turn of the event loop, so the app can paint and handle input. After
   * `clearAll()` it resolves at once.
   */
  yield(): Promise<void> {
    if (this.cleared) return Promise.resolve();
    return new Promise((resolve) => {
      const id = window.setTimeout(() => {
        this.timers.delete(id);
        resolve();
      }, 0);
      this.timers.set(id, resolve);
    });
  }

  /** Clears every pending timer and releases pending `yield()`s. Later `yield()`s resolve at once. */
  clearAll(): void {
    this.cleared = true;
    for (const id of [...this.timers.keys()]) this.clear(id);
    this.named.clear();
  }

  /** Number of timers still pending (for tests and leak checks). */
  get pending(): number {
    return this.timers.size;
  }

  /** Clears one timer made with `after`. */
  clear(id: number): void {
    const release = this.timers.get(id);
    this.timers.delete(id);
    window.clearTimeout(id);
    release?.();
  }
}
