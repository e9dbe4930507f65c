/**
 * A small translation function for the plugin's UI: `t(key, values)` looks the key up in the Dutch or
 * English table. The language is chosen once at load (and again when the setting changes).
 */
import { getLanguage } from 'obsidian';
import { en } from './en';
import { nl, type MessageKey } from './nl';

export type { MessageKey };

/** The languages the UI is written in. */
export type UiLanguage = 'nl' | 'en';

/** What the user picked in settings: a language, or follow Obsidian's. */
export type LanguageSetting = 'auto' | UiLanguage;

const TABLES: Record<UiLanguage, Record<MessageKey, string>> = { nl, en };

let current: UiLanguage = 'nl';

/**
 * Picks the UI language. `auto` follows Obsidian's own language: Dutch when Obsidian is Dutch, English
 * otherwise (English is the lingua franca for everyone else).
 */
export function resolveLanguage(setting: LanguageSetting, appLanguage: string = safeAppLanguage()): UiLanguage {
  if (setting !== 'auto') return setting;
  return appLanguage.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

/** Sets the language `t()` uses from now on and returns it. */
export function setLanguage(setting: LanguageSetting, appLanguage?: string): UiLanguage {
  current = resolveLanguage(setting, appLanguage);
  return current;
}

/** The language `t()` currently uses. */
export function currentLanguage(): UiLanguage {
  return current;
}

/** The text for `key` in the current language, with `{name}` placeholders filled from `values`. */
export function t(key: MessageKey, values: Record<string, string | number> = {}): string {
  const template = TABLES[current][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

function safeAppLanguage(): string {
  try {
    return getLanguage();
  } catch {
    // Older hosts or test doubles without getLanguage: fall back to English rather than fail to load.
    return 'en';
  }
}
