/**
 * A real HTTP server on 127.0.0.1 that speaks just enough of the OpenAI chat-completions API for the
 * provider tests: `POST …/chat/completions` (JSON or SSE) and `GET …/models`. Each test scripts the
 * answers as a queue and reads back every request (headers and body) the client sent.
 */
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The parts of a chat-completions request body the tests look at. */
export interface SentChatBody {
  model?: string;
  messages?: { role: string; content: string }[];
  stream?: boolean;
  temperature?: number;
  response_format?: { type: string };
  [key: string]: unknown;
}

export interface RecordedRequest {
  method: string;
  /** Path with query, e.g. `/v1/chat/completions`. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The body parsed as JSON, when it was JSON. */
  json: SentChatBody | undefined;
  /** The client closed the connection before the answer was complete (cancel, timeout). */
  closedEarly: boolean;
}

export type ScriptedResponse =
  | { type: 'json'; status: number; body: unknown; headers?: Record<string, string>; delayMs?: number }
  | { type: 'raw'; status: number; body: string; contentType: string; delayMs?: number }
  | {
      type: 'stream';
      /** `data:` payloads, in order; `[DONE]` is written as is. */
      events: string[];
      chunkDelayMs?: number;
      /** After this many events the connection breaks: `destroy` the socket or `end` the body. */
      cutAfter?: number;
      cutMode?: 'destroy' | 'end';
      /** After this many events the server goes silent, connection open. */
      stallAfter?: number;
    }
  /** Reads the request, never answers. */
  | { type: 'hang' }
  /** Closes the socket without a response. */
  | { type: 'destroy' };

function completion(content: string, model: string): unknown {
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: 1_700_000_000,
    model,
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 11, completion_tokens: 7, total_tokens: 18 },
  };
}

function chunk(model: string, delta: Record<string, unknown>, finish: string | null): string {
  return JSON.stringify({
    id: 'chatcmpl-fake',
    object: 'chat.completion.chunk',
    created: 1_700_000_000,
    model,
    choices: [{ index: 0, delta, finish_reason: finish }],
  });
}

/** Builders for the usual answers. */
export const reply = {
  text(content: string, opts: { model?: string; delayMs?: number } = {}): ScriptedResponse {
    return { type: 'json', status: 200, body: completion(content, opts.model ?? 'fake-model'), delayMs: opts.delayMs };
  },
  /** A streamed answer, one event per token, then a finish chunk and `[DONE]`. */
  stream(
    tokens: string[],
    opts: { model?: string; chunkDelayMs?: number; cutAfter?: number; cutMode?: 'destroy' | 'end'; stallAfter?: number } = {},
  ): ScriptedResponse {
    const model = opts.model ?? 'fake-model';
    const events = [
      chunk(model, { role: 'assistant', content: '' }, null),
      ...tokens.map((t) => chunk(model, { content: t }, null)),
      chunk(model, {}, 'stop'),
      '[DONE]',
    ];
    // `cutAfter` and `stallAfter` count tokens, so skip the opening role event.
    const afterTokens = (n: number | undefined): number | undefined => (n === undefined ? undefined : n + 1);
    return {
      type: 'stream',
      events,
      chunkDelayMs: opts.chunkDelayMs,
      cutAfter: afterTokens(opts.cutAfter),
      cutMode: opts.cutMode,
      stallAfter: afterTokens(opts.stallAfter),
    };
  },
  error(status: number, message: string, opts: { headers?: Record<string, string>; code?: string } = {}): ScriptedResponse {
    return {
      type: 'json',
      status,
      body: { error: { message, type: 'invalid_request_error', code: opts.code ?? null } },
      headers: opts.headers,
    };
  },
  raw(status: number, body: string, contentType = 'application/json'): ScriptedResponse {
    return { type: 'raw', status, body, contentType };
  },
  models(ids: string[]): ScriptedResponse {
    return { type: 'json', status: 200, body: { object: 'list', data: ids.map((id) => ({ id, object: 'model', created: 0, owned_by: 'me' })) } };
  },
  hang(): ScriptedResponse {
    return { type: 'hang' };
  },
  destroy(): ScriptedResponse {
    return { type: 'destroy' };
  },
};

export interface FakeOpenAiServer {
  /** `http://127.0.0.1:PORT/v1` */
  baseUrl: string;
  /** Origin without `/v1`, for the Azure layout. */
  origin: string;
  requests: RecordedRequest[];
  enqueue(...responses: ScriptedResponse[]): void;
  /** Resolves once `count` requests have arrived. */
  waitForRequests(count: number): Promise<void>;
  /** Resolves when the client has dropped request `index` before its answer was complete. */
  waitForEarlyClose(index: number): Promise<void>;
  close(): Promise<void>;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function startFakeOpenAiServer(): Promise<FakeOpenAiServer> {
  const queue: ScriptedResponse[] = [];
  const requests: RecordedRequest[] = [];
  const waiters = new Set<() => void>();
  const notify = (): void => waiters.forEach((w) => w());
  const until = (done: () => boolean): Promise<void> =>
    new Promise((resolve) => {
      const check = (): void => {
        if (done()) {
          waiters.delete(check);
          resolve();
        }
      };
      waiters.add(check);
      check();
    });

  async function answer(res: ServerResponse, script: ScriptedResponse, alive: () => boolean): Promise<void> {
    switch (script.type) {
      case 'hang':
        return;
      case 'destroy':
        res.socket?.destroy();
        return;
      case 'json':
      case 'raw': {
        if (script.delayMs) await sleep(script.delayMs);
        if (!alive()) return;
        const body = script.type === 'json' ? JSON.stringify(script.body) : script.body;
        const type = script.type === 'json' ? 'application/json' : script.contentType;
        res.writeHead(script.status, { 'content-type': type, ...(script.type === 'json' ? script.headers : {}) });
        res.end(body);
        return;
      }
      case 'stream': {
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
        for (let i = 0; i < script.events.length; i++) {
          if (script.cutAfter !== undefined && i === script.cutAfter) {
            await sleep(10);
            if (script.cutMode === 'end') res.end();
            else res.socket?.destroy();
            return;
          }
          if (script.stallAfter !== undefined && i === script.stallAfter) return;
          if (!alive()) return;
          // Wait until the event is on the wire, so a cut that follows cannot swallow it.
          await new Promise<void>((resolve) => res.write(`data: ${script.events[i]}\n\n`, () => resolve()));
          if (script.chunkDelayMs) await sleep(script.chunkDelayMs);
        }
        res.end();
      }
    }
  }

  const server: Server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (d: Buffer) => parts.push(d));
    req.on('end', () => {
      const body = Buffer.concat(parts).toString('utf8');
      let json: SentChatBody | undefined;
      try {
        json = body ? (JSON.parse(body) as SentChatBody) : undefined;
      } catch {
        json = undefined;
      }
      const record: RecordedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body,
        json,
        closedEarly: false,
      };
      requests.push(record);
      res.on('close', () => {
        if (!res.writableFinished) record.closedEarly = true;
        notify();
      });
      notify();
      const path = (req.url ?? '').split('?')[0] ?? '';
      const script =
        queue.shift() ??
        (req.method === 'GET' && path.endsWith('/models')
          ? reply.models(['fake-model'])
          : reply.error(500, 'fake server: no scripted response left'));
      void answer(res, script, () => !res.destroyed);
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    baseUrl: `${origin}/v1`,
    origin,
    requests,
    enqueue: (...responses) => queue.push(...responses),
    waitForRequests: (count) => until(() => requests.length >= count),
    waitForEarlyClose: (index) => until(() => requests[index]?.closedEarly === true),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port on 127.0.0.1 that nothing listens on (taken, then released), for connection-refused tests. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
