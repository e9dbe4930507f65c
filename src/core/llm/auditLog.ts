/**
 * The local record of every generation: what was sent (after redaction), to whom, and what came
 * back. Stored as JSON Lines in the plugin folder; these functions are pure, callers do the file I/O.
 * API keys are never part of an entry.
 */
import { hostOf } from './presets';
import { scrubSecrets } from './providerError';
import type { ProviderConfig } from './types';

export interface AuditEntry {
  /** ISO 8601. */
  time: string;
  /** The preset, e.g. `ollama`. */
  provider: string;
  model: string;
  /** Host and port only: a base URL can carry credentials in its user part or query. */
  baseUrlHost: string;
  /** Citations of the vault passages used, e.g. `[[Kernwaarden#Eigenaarschap]]`. */
  sources: string[];
  redactedPrompt: string;
  answer: string;
  redactionCount: number;
}

export interface AuditEntryInput {
  /** The provider settings; the key in it (if any) is used only to scrub it out. */
  config: Pick<ProviderConfig, 'preset' | 'baseUrl' | 'model' | 'apiKey'>;
  /** The model the server reported; the configured one when omitted. */
  model?: string;
  sources: readonly string[];
  redactedPrompt: string;
  answer: string;
  redactionCount: number;
  time?: Date;
}

/** Builds an entry from the provider settings, keeping only the host of the URL and no key. */
export function createAuditEntry(input: AuditEntryInput): AuditEntry {
  const secrets = [input.config.apiKey];
  return {
    time: (input.time ?? new Date()).toISOString(),
    provider: input.config.preset,
    model: scrubSecrets(input.model || input.config.model, secrets),
    baseUrlHost: hostOf(input.config.baseUrl),
    sources: [...input.sources],
    redactedPrompt: scrubSecrets(input.redactedPrompt, secrets),
    answer: scrubSecrets(input.answer, secrets),
    redactionCount: Math.max(0, Math.floor(input.redactionCount)),
  };
}

/** Copies exactly the known fields, so a stray property (a spread config with a key) never lands on disk. */
function pick(entry: AuditEntry, secrets: readonly (string | undefined)[]): AuditEntry {
  const scrub = (s: unknown): string => scrubSecrets(typeof s === 'string' ? s : JSON.stringify(s ?? ''), secrets);
  return {
    time: scrub(entry.time),
    provider: scrub(entry.provider),
    model: scrub(entry.model),
    baseUrlHost: scrub(entry.baseUrlHost),
    sources: Array.isArray(entry.sources) ? entry.sources.map(scrub) : [],
    redactedPrompt: scrub(entry.redactedPrompt),
    answer: scrub(entry.answer),
    redactionCount: Number.isFinite(entry.redactionCount) ? entry.redactionCount : 0,
  };
}

/**
 * Returns the log text with `entry` added as one JSON line. `secrets` (the configured keys) are
 * scrubbed from every field, as are key-shaped tokens.
 */
export function appendAuditEntry(
  existing: string,
  entry: AuditEntry,
  secrets: readonly (string | undefined)[] = [],
): string {
  const line = JSON.stringify(pick(entry, secrets));
  const base = existing === '' || existing.endsWith('\n') ? existing : `${existing}\n`;
  return `${base}${line}\n`;
}

function isEntry(value: unknown): value is AuditEntry {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.time === 'string' &&
    typeof v.provider === 'string' &&
    typeof v.model === 'string' &&
    typeof v.redactedPrompt === 'string' &&
    typeof v.answer === 'string' &&
    Array.isArray(v.sources)
  );
}

/**
 * Reads the log back, oldest first. A damaged line (a write cut short) is skipped rather than
 * making the whole log unreadable.
 */
export function parseAuditLog(text: string): AuditEntry[] {
  const entries: AuditEntry[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const value: unknown = JSON.parse(line);
      if (isEntry(value)) {
        entries.push(pick(value, []));
      }
    } catch {
      // Skipped: see above.
    }
  }
  return entries;
}
