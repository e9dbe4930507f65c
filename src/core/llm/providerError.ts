import { displayUrl, PRESET_LABELS } from './presets';
import type { ProviderPreset } from './types';

/** What went wrong, in terms a settings screen and a retry loop can act on. */
export type ProviderErrorKind =
  | 'auth'
  | 'model-not-found'
  | 'connection-refused'
  | 'timeout'
  | 'rate-limited'
  | 'server'
  | 'malformed'
  | 'cancelled'
  | 'bad-request'
  /** The connection dropped in the middle of a streamed answer; `partialText` holds what arrived. */
  | 'interrupted';

/** Facts a message is built from. Never holds the key. */
export interface ProviderErrorContext {
  preset: ProviderPreset;
  baseUrl: string;
  model: string;
  status?: number;
  /** The server's own explanation or the validation problem, already scrubbed and shortened. */
  detail?: string;
  /** How long the server asked us to wait (429 Retry-After). */
  retryAfterMs?: number;
  /** How many requests were made before giving up (1 when there was no retry). */
  attempts?: number;
  timeoutMs?: number;
  /** Text that had already arrived when a stream broke or was stopped. */
  partialText?: string;
}

const HIDDEN = '[sleutel verborgen]';
const MAX_DETAIL = 300;

/**
 * Removes secrets from text that may reach a message, log or note: the configured key(s) verbatim,
 * and key-shaped tokens a server may echo in part (OpenAI writes `sk-abc***wxyz` into its 401 body).
 */
export function scrubSecrets(text: string, secrets: readonly (string | undefined)[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) out = out.split(secret).join(HIDDEN);
  }
  return out
    .replace(/\b(?:sk|rk|pk|sess)-[A-Za-z0-9_*\-.]{6,}/g, HIDDEN)
    .replace(/\bBearer\s+[^\s"',]+/gi, `Bearer ${HIDDEN}`);
}

/** Server text is shown only after this: also hides long opaque tokens (Azure keys are 32 hex digits). */
function scrubDetail(text: string, secrets: readonly (string | undefined)[]): string {
  return scrubSecrets(text, secrets).replace(/\b(?=[A-Za-z_-]*\d)[A-Za-z0-9_-]{32,}\b/g, HIDDEN);
}

function seconds(ms: number): string {
  return String(Math.max(1, Math.round(ms / 1000)));
}

function retriedNl(attempts: number | undefined): string {
  return attempts && attempts > 1 ? `, ook na ${attempts} pogingen` : '';
}

function retriedEn(attempts: number | undefined): string {
  return attempts && attempts > 1 ? `, even after ${attempts} attempts` : '';
}

function detailSuffix(detail: string | undefined): string {
  return detail ? ` (${detail})` : '';
}

/** Builds the Dutch and English sentence for one kind of failure. */
function describe(kind: ProviderErrorKind, c: ProviderErrorContext): { nl: string; en: string } {
  const url = displayUrl(c.baseUrl);
  const label = PRESET_LABELS[c.preset];
  const status = c.status !== undefined ? ` (${c.status})` : '';
  switch (kind) {
    case 'auth':
      return {
        nl: `${label} weigert de API-sleutel${status}. Controleer de sleutel in de instellingen.${detailSuffix(c.detail)}`,
        en: `${label} rejected the API key${status}. Check the key in the settings.${detailSuffix(c.detail)}`,
      };
    case 'model-not-found': {
      const pull = c.preset === 'ollama' ? ` Haal het op met: ollama pull ${c.model}` : '';
      const pullEn = c.preset === 'ollama' ? ` Fetch it with: ollama pull ${c.model}` : '';
      return {
        nl: `Model "${c.model}" niet gevonden op ${url}, of het adres klopt niet. Controleer de modelnaam en het adres.${pull}`,
        en: `Model "${c.model}" was not found at ${url}, or the address is wrong. Check the model name and the address.${pullEn}`,
      };
    }
    case 'connection-refused': {
      const local =
        c.preset === 'ollama' ? ['Draait Ollama?', 'Is Ollama running?']
        : c.preset === 'lmstudio' ? ['Draait de server in LM Studio?', 'Is the LM Studio server running?']
        : ['Controleer het adres en de internetverbinding.', 'Check the address and the internet connection.'];
      return {
        nl: `Kan geen verbinding maken met ${url}. ${local[0]}`,
        en: `Could not connect to ${url}. ${local[1]}`,
      };
    }
    case 'timeout': {
      const s = c.timeoutMs ? seconds(c.timeoutMs) : '?';
      return {
        nl: `Geen antwoord van ${url} binnen ${s} seconden. Probeer het opnieuw of verhoog de time-out.`,
        en: `No answer from ${url} within ${s} seconds. Try again or raise the timeout.`,
      };
    }
    case 'rate-limited': {
      const wait = c.retryAfterMs ? seconds(c.retryAfterMs) : undefined;
      return {
        nl: `${label} krijgt te veel verzoeken (429)${retriedNl(c.attempts)}. ${wait ? `Probeer het over ${wait} seconden opnieuw.` : 'Probeer het straks opnieuw.'}${detailSuffix(c.detail)}`,
        en: `${label} is receiving too many requests (429)${retriedEn(c.attempts)}. ${wait ? `Try again in ${wait} seconds.` : 'Try again later.'}${detailSuffix(c.detail)}`,
      };
    }
    case 'server':
      return {
        nl: `${label} gaf een serverfout${status}${retriedNl(c.attempts)}. Probeer het later opnieuw.${detailSuffix(c.detail)}`,
        en: `${label} returned a server error${status}${retriedEn(c.attempts)}. Try again later.${detailSuffix(c.detail)}`,
      };
    case 'malformed':
      return {
        nl: `Het antwoord van het model was onbruikbaar; er is niets overgenomen.${detailSuffix(c.detail)}`,
        en: `The model's answer was unusable; nothing was kept.${detailSuffix(c.detail)}`,
      };
    case 'cancelled':
      return { nl: 'Gestopt.', en: 'Stopped.' };
    case 'bad-request':
      return {
        nl: `${label} weigerde het verzoek${status}.${detailSuffix(c.detail)}`,
        en: `${label} refused the request${status}.${detailSuffix(c.detail)}`,
      };
    case 'interrupted':
      return {
        nl: `De verbinding met ${url} viel weg halverwege het antwoord. Het deel dat binnenkwam is bewaard; probeer het opnieuw voor een volledig antwoord.`,
        en: `The connection to ${url} dropped in the middle of the answer. The part that arrived was kept; try again for a complete answer.`,
      };
  }
}

/**
 * The one error type the provider layer throws. `message` is the English text (for logs);
 * user interfaces show `messageNl` or `messageEn`.
 */
export class ProviderError extends Error {
  readonly kind: ProviderErrorKind;
  readonly messageNl: string;
  readonly messageEn: string;
  readonly context: Readonly<ProviderErrorContext>;

  /** `secrets` are scrubbed from every text the error carries. */
  constructor(kind: ProviderErrorKind, context: ProviderErrorContext, secrets: readonly (string | undefined)[] = []) {
    const clean: ProviderErrorContext = { ...context };
    if (clean.detail !== undefined) {
      const detail = scrubDetail(clean.detail, secrets).replace(/\s+/g, ' ').trim();
      clean.detail = detail.length > MAX_DETAIL ? `${detail.slice(0, MAX_DETAIL)}…` : detail || undefined;
    }
    clean.model = scrubSecrets(clean.model, secrets);
    // Only the displayable form is kept: a query string or user part may hold a key.
    clean.baseUrl = scrubSecrets(displayUrl(clean.baseUrl), secrets);
    const { nl, en } = describe(kind, clean);
    super(scrubSecrets(en, secrets));
    this.name = 'ProviderError';
    this.kind = kind;
    this.messageNl = scrubSecrets(nl, secrets);
    this.messageEn = this.message;
    this.context = clean;
  }

  /**
   * Worth another try after a pause. Not once text has reached the user: a retry would show the
   * start of the answer twice.
   */
  get retryable(): boolean {
    return (this.kind === 'rate-limited' || this.kind === 'server') && !this.context.partialText;
  }

  get status(): number | undefined {
    return this.context.status;
  }

  get partialText(): string | undefined {
    return this.context.partialText;
  }

  /** The message in the user's language. */
  messageIn(lang: 'nl' | 'en'): string {
    return lang === 'nl' ? this.messageNl : this.messageEn;
  }

  /** The same failure with more facts (how many attempts, what text arrived). */
  with(extra: Partial<ProviderErrorContext>): ProviderError {
    return new ProviderError(this.kind, { ...this.context, ...extra });
  }
}

export function isProviderError(error: unknown): error is ProviderError {
  return error instanceof ProviderError;
}
