/**
 * A `fetch` for the SDK made from Obsidian's `requestUrl`, which sidesteps CORS (local servers often
 * refuse the SDK's preflight). Typed structurally so `src/core` needs no `obsidian` import.
 *
 * Limits of `requestUrl`, and so of this transport: the body arrives all at once (a streamed answer
 * is parsed after it is complete), and a request cannot be aborted; on abort the promise rejects at
 * once and the late answer is dropped.
 */
import type { FetchLike } from './types';

/** The part of Obsidian's `RequestUrlParam` this adapter uses. */
export interface RequestUrlParamLike {
  url: string;
  method?: string;
  contentType?: string;
  body?: string | ArrayBuffer;
  headers?: Record<string, string>;
  throw?: boolean;
}

/** The part of Obsidian's `RequestUrlResponse` this adapter uses. */
export interface RequestUrlResponseLike {
  status: number;
  headers: Record<string, string>;
  arrayBuffer: ArrayBuffer;
}

export type RequestUrlLike = (param: RequestUrlParamLike) => Promise<RequestUrlResponseLike>;

const NULL_BODY_STATUS = new Set([101, 204, 205, 304]);

function abortError(): Error {
  const error = new Error('The operation was aborted.');
  error.name = 'AbortError';
  return error;
}

function bodyOf(body: RequestInit['body']): string | ArrayBuffer | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  if (body instanceof ArrayBuffer) return body;
  if (ArrayBuffer.isView(body)) {
    return body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength);
  }
  if (body instanceof URLSearchParams) return body.toString();
  throw new TypeError('requestUrl transport: unsupported request body type');
}

/** Wraps `requestUrl` as the `fetch` the `openai` SDK expects. */
export function fetchViaRequestUrl(requestUrl: RequestUrlLike): FetchLike {
  return async (input, init = {}) => {
    const signal = init.signal ?? undefined;
    if (signal?.aborted) throw abortError();
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, key) => {
      headers[key] = value;
    });
    const param: RequestUrlParamLike = {
      url,
      method: init.method ?? 'GET',
      headers,
      body: bodyOf(init.body),
      contentType: headers['content-type'],
      // Error statuses come back as responses, so the SDK sees them and maps them itself.
      throw: false,
    };
    let onAbort: (() => void) | undefined;
    const aborted = new Promise<never>((_resolve, reject) => {
      onAbort = () => reject(abortError());
      signal?.addEventListener('abort', onAbort, { once: true });
    });
    try {
      const res = await Promise.race([requestUrl(param), aborted]);
      const body = NULL_BODY_STATUS.has(res.status) ? null : res.arrayBuffer;
      return new Response(body, { status: res.status, headers: res.headers });
    } finally {
      if (onAbort) signal?.removeEventListener('abort', onAbort);
    }
  };
}
