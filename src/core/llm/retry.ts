import { ProviderError } from './providerError';

/** Waits `ms`; rejects when `signal` aborts. Injected in tests so backoff costs no time. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export interface RetryPolicy {
  /** Total tries, the first one included. */
  maxAttempts: number;
  /** First backoff; doubles each retry, plus up to 25% jitter. */
  baseDelayMs: number;
  /** A Retry-After longer than this is not waited out: the user gets the error and the wait time. */
  maxRetryAfterMs: number;
  sleep: Sleep;
  /** For jitter; tests pass a constant. */
  random: () => number;
}

export const defaultSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortReason(signal));
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortReason(signal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 3,
  baseDelayMs: 1_000,
  maxRetryAfterMs: 30_000,
  sleep: defaultSleep,
  random: Math.random,
};

/**
 * How long a response asks us to wait, in ms: `retry-after-ms`, or `retry-after` as seconds or an
 * HTTP date. Undefined when absent or unreadable.
 */
export function parseRetryAfter(headers: Headers | undefined, now: number = Date.now()): number | undefined {
  if (!headers) return undefined;
  const ms = headers.get('retry-after-ms');
  if (ms !== null && ms.trim() !== '' && Number.isFinite(Number(ms)) && Number(ms) >= 0) return Number(ms);
  const value = headers.get('retry-after');
  if (value === null || value.trim() === '') return undefined;
  const secs = Number(value);
  if (Number.isFinite(secs)) return secs >= 0 ? secs * 1000 : undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Runs `attempt` until it succeeds, fails with a non-retryable `ProviderError`, or the tries run out.
 * Only 429 and 5xx (`retryable`) are tried again; the final error says how many attempts were made.
 */
export async function withRetries<T>(
  attempt: (attemptNumber: number) => Promise<T>,
  policy: RetryPolicy,
  signal?: AbortSignal,
): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (error) {
      if (!(error instanceof ProviderError) || !error.retryable) throw error;
      const asked = error.context.retryAfterMs;
      if (n >= policy.maxAttempts || (asked !== undefined && asked > policy.maxRetryAfterMs)) {
        throw n > 1 ? error.with({ attempts: n }) : error;
      }
      const backoff = policy.baseDelayMs * 2 ** (n - 1) * (1 + 0.25 * policy.random());
      const { preset, baseUrl, model } = error.context;
      try {
        await policy.sleep(asked ?? backoff, signal);
      } catch {
        throw new ProviderError('cancelled', { preset, baseUrl, model, attempts: n });
      }
      if (signal?.aborted) throw new ProviderError('cancelled', { preset, baseUrl, model, attempts: n });
    }
  }
}

function abortReason(signal: AbortSignal | undefined): Error {
  const reason: unknown = signal?.reason;
  return reason instanceof Error ? reason : new DOMException('The operation was aborted.', 'AbortError');
}
