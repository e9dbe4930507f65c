/**
 * Pause, cancel and "stay responsive" for one run of the indexer. The core calls `waitIfPaused`
 * between notes and between embedding batches; here that call also hands the event loop back to
 * Obsidian after every ~10 ms of work, so typing and scrolling never stall while a vault is indexed.
 */
import type { IndexControl, IndexProgress } from '../../core/index/indexReport';

/** A pause switch shared by all runs: a run started while paused waits at its first checkpoint. */
export class PauseGate {
  private release: (() => void) | null = null;
  private resumed: Promise<void> | null = null;

  get paused(): boolean {
    return this.resumed !== null;
  }

  pause(): void {
    if (this.resumed) return;
    this.resumed = new Promise((resolve) => (this.release = resolve));
  }

  resume(): void {
    const release = this.release;
    this.release = null;
    this.resumed = null;
    release?.();
  }

  /** Resolves when not paused, or as soon as `signal` aborts. */
  async wait(signal?: AbortSignal): Promise<void> {
    while (this.resumed && !signal?.aborted) {
      const aborted = new Promise<void>((resolve) => signal?.addEventListener('abort', () => resolve(), { once: true }));
      await Promise.race([this.resumed, aborted]);
    }
  }
}

export interface RunControlOptions {
  signal: AbortSignal;
  gate: PauseGate;
  /** Gives the event loop a turn (a `setTimeout(0)`). */
  yieldToApp: () => Promise<void>;
  onProgress: (progress: IndexProgress) => void;
  /** Work time after which the run yields; default 10 ms. */
  sliceMs?: number;
  now?: () => number;
}

/** The `IndexControl` for one run. */
export function makeRunControl(options: RunControlOptions): IndexControl {
  const { signal, gate, yieldToApp, onProgress } = options;
  const sliceMs = options.sliceMs ?? 10;
  const now = options.now ?? (() => performance.now());
  let sliceStart = now();
  return {
    signal,
    onProgress,
    async waitIfPaused() {
      if (gate.paused) {
        await gate.wait(signal);
        sliceStart = now();
      }
      if (now() - sliceStart >= sliceMs) {
        await yieldToApp();
        sliceStart = now();
      }
    },
  };
}
