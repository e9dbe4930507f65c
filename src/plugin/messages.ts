/**
 * The one way user-facing messages and errors leave the plugin: a Notice with a short text in the
 * user's language. No stack traces for users; the console only hears about errors that are bugs or
 * real failures, never about normal events.
 */
import { Notice } from 'obsidian';
import { t, type MessageKey } from './i18n/i18n';

/** How long an ordinary notice stays, in ms (Obsidian's default is 5 s; these carry a bit more text). */
const NOTICE_MS = 8000;
/** Longest error detail shown to a user; the rest goes to the console. */
const MAX_DETAIL = 200;

/** Shows a message. `durationMs = 0` keeps it until the user closes it (or `hide()` is called). */
export function notify(message: string, durationMs: number = NOTICE_MS): Notice {
  return new Notice(message, durationMs);
}

/**
 * Reports a failure: a notice `<context>: <short reason>` and, because a failure is worth
 * investigating, the full error on the console.
 */
export function reportError(error: unknown, context: MessageKey): void {
  notify(`${t(context)}: ${errorSummary(error)}`);
  console.error(`Visiewijzer: ${t(context)}`, error);
}

/** The first line of an error's message, shortened: what a user can read in a notice. */
export function errorSummary(error: unknown): string {
  const raw = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  const firstLine = raw.split('\n').find((line) => line.trim() !== '')?.trim() ?? '';
  if (firstLine === '') return t('error.unknown');
  return firstLine.length > MAX_DETAIL ? `${firstLine.slice(0, MAX_DETAIL - 1)}…` : firstLine;
}
