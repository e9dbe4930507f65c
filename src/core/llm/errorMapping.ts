import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
} from 'openai';
import { ProviderError, type ProviderErrorContext } from './providerError';
import { parseRetryAfter } from './retry';

/** What the caller knows when a request failed, beyond the error itself. */
export interface FailureCircumstances {
  base: Pick<ProviderErrorContext, 'preset' | 'baseUrl' | 'model' | 'timeoutMs'>;
  /** Every secret that must not show up in the resulting messages. */
  secrets: readonly (string | undefined)[];
  /** The caller's own signal fired. */
  cancelled: boolean;
  /** Our timeout fired (it aborts the request the same way a cancel does). */
  timedOut: boolean;
}

const MODEL_MISSING = /model.{0,80}(not (be )?found|does not exist|not exist|unknown|no such)|(unknown|invalid) model|model_not_found|deployment.{0,40}(not found|does not exist)|DeploymentNotFound/i;

function serverDetail(error: APIError<number | undefined, Headers | undefined>): string | undefined {
  const body = error.error as { message?: unknown } | string | undefined;
  if (typeof body === 'string') return body;
  if (body && typeof body.message === 'string') return body.message;
  return error.message || undefined;
}

/**
 * Turns whatever the SDK, the transport or the stream threw into one `ProviderError`.
 * Order matters: our own abort reasons first, because the SDK reports both as a plain abort.
 */
export function toProviderError(error: unknown, c: FailureCircumstances): ProviderError {
  if (error instanceof ProviderError) return error;
  const base = c.base;
  if (c.cancelled) return new ProviderError('cancelled', base, c.secrets);
  if (c.timedOut || error instanceof APIConnectionTimeoutError) return new ProviderError('timeout', base, c.secrets);
  if (error instanceof APIUserAbortError) return new ProviderError('cancelled', base, c.secrets);
  if (error instanceof APIConnectionError) return new ProviderError('connection-refused', base, c.secrets);
  if (error instanceof APIError) {
    const apiError = error as APIError<number | undefined, Headers | undefined>;
    const status: number | undefined = apiError.status;
    const detail = serverDetail(apiError);
    const ctx = { ...base, status, detail };
    if (status === undefined) return new ProviderError('server', ctx, c.secrets);
    if (status === 401 || status === 403) return new ProviderError('auth', ctx, c.secrets);
    if (status === 404) return new ProviderError('model-not-found', ctx, c.secrets);
    if ((status === 400 || status === 422) && MODEL_MISSING.test(`${error.code ?? ''} ${detail ?? ''}`)) {
      return new ProviderError('model-not-found', ctx, c.secrets);
    }
    if (status === 408) return new ProviderError('timeout', ctx, c.secrets);
    if (status === 429) {
      const retryAfterMs = parseRetryAfter(apiError.headers);
      return new ProviderError('rate-limited', { ...ctx, retryAfterMs }, c.secrets);
    }
    if (status >= 500) return new ProviderError('server', ctx, c.secrets);
    return new ProviderError('bad-request', ctx, c.secrets);
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new ProviderError('malformed', { ...base, detail }, c.secrets);
}
