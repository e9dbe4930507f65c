/**
 * Holds the live settings, loads and saves them through the plugin's `loadData`/`saveData`, and tells
 * listeners what changed. Services read `current`; only the settings tab writes.
 */
import { cloneSettings, parseSettings, type SettingProblem, type VisiewijzerSettings } from './settings';

/** The plugin's persistence, as `Plugin.loadData` / `Plugin.saveData`. */
export interface SettingsPersistence {
  load(): Promise<unknown>;
  save(data: unknown): Promise<void>;
}

/** Key in `data.json` under which values rejected on load are kept. */
export const REJECTED_KEY = 'rejectedSettings';

export type SettingsListener = (next: VisiewijzerSettings, previous: VisiewijzerSettings) => void;

export class SettingsStore {
  private settings: VisiewijzerSettings;
  private extra: Record<string, unknown> = {};
  private readonly listeners = new Set<SettingsListener>();

  constructor(private readonly persistence: SettingsPersistence, initial: VisiewijzerSettings) {
    this.settings = cloneSettings(initial);
  }

  /** A copy of the current settings. */
  get current(): VisiewijzerSettings {
    return cloneSettings(this.settings);
  }

  /**
   * Loads and checks the stored settings. Returns the values that were rejected (and replaced by
   * defaults) so the caller can tell the user. Nothing is written here; the next save keeps the
   * rejected values under `rejectedSettings`, so a typo in a hand-edited file is never simply lost.
   */
  async load(): Promise<SettingProblem[]> {
    const parsed = parseSettings(await this.persistence.load());
    this.settings = parsed.settings;
    this.extra = parsed.extra;
    if (parsed.problems.length > 0) {
      this.extra[REJECTED_KEY] = Object.fromEntries(parsed.problems.map((p) => [p.key, p.value]));
    }
    return parsed.problems;
  }

  /** Applies a change, saves, then notifies listeners (only when something actually changed). */
  async update(change: (draft: VisiewijzerSettings) => void): Promise<void> {
    const previous = this.current;
    const draft = this.current;
    change(draft);
    if (JSON.stringify(draft) === JSON.stringify(previous)) return;
    this.settings = draft;
    await this.persistence.save({ ...this.extra, ...draft });
    for (const listener of this.listeners) listener(this.current, previous);
  }

  /** Calls `listener` after every change; returns a function that removes it. */
  onChange(listener: SettingsListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
