import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OpenAiChatModel } from '../../src/core/llm/openAiChatModel';
import { resolveProviderConfig } from '../../src/core/llm/presets';
import { ProviderError } from '../../src/core/llm/providerError';
import { fetchViaRequestUrl, type RequestUrlLike, type RequestUrlParamLike } from '../../src/core/llm/requestUrlFetch';
import { reply, startFakeOpenAiServer, type FakeOpenAiServer } from '../helpers/fakeOpenAiServer';

/** Behaves like Obsidian's requestUrl: whole body at once, no abort, errors as responses with throw: false. */
function fakeRequestUrl(seen: RequestUrlParamLike[]): RequestUrlLike {
  return async (param) => {
    seen.push(param);
    const res = await fetch(param.url, { method: param.method, headers: param.headers, body: param.body });
    const headers: Record<string, string> = {};
    res.headers.forEach((v, k) => {
      headers[k] = v;
    });
    return { status: res.status, headers, arrayBuffer: await res.arrayBuffer() };
  };
}

let server: FakeOpenAiServer;
beforeEach(async () => {
  server = await startFakeOpenAiServer();
});
afterEach(async () => {
  await server.close();
});

function model(seen: RequestUrlParamLike[], stream: boolean, requestUrl?: RequestUrlLike): OpenAiChatModel {
  const config = resolveProviderConfig({
    preset: 'ollama',
    baseUrl: server.baseUrl,
    model: 'm',
    stream,
    timeoutMs: 2_000,
    fetch: fetchViaRequestUrl(requestUrl ?? fakeRequestUrl(seen)),
  });
  return new OpenAiChatModel(config, { retry: { sleep: async () => {} } });
}

const ask = { system: 's', messages: [{ role: 'user' as const, content: 'Hallo' }] };

describe('fetchViaRequestUrl', () => {
  it('carries a streamed answer that arrives in one piece', async () => {
    server.enqueue(reply.stream(['Een', ' twee']));
    const seen: RequestUrlParamLike[] = [];
    const tokens: string[] = [];
    const result = await model(seen, true).complete({ ...ask, onToken: (t) => tokens.push(t) });
    expect(result.text).toBe('Een twee');
    expect(tokens).toEqual(['Een', ' twee']);
    expect(seen[0]!.method).toBe('POST');
    expect(seen[0]!.throw).toBe(false);
    expect(seen[0]!.contentType).toBe('application/json');
    expect(JSON.parse(seen[0]!.body as string).messages[1].content).toBe('Hallo');
  });

  it('passes error statuses through so they map to the right kind', async () => {
    server.enqueue(reply.error(401, 'nope'), reply.error(503, 'busy'), reply.error(503, 'busy'), reply.text('eindelijk'));
    const seen: RequestUrlParamLike[] = [];
    const auth = (await model(seen, false).complete(ask).catch((e: unknown) => e)) as ProviderError;
    expect(auth.kind).toBe('auth');
    expect((await model(seen, false).complete(ask)).text).toBe('eindelijk');
  });

  it('rejects at once on abort even though requestUrl itself cannot stop', async () => {
    const never: RequestUrlLike = () => new Promise(() => {});
    const controller = new AbortController();
    const pending = model([], false, never).complete({ ...ask, signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    const error = (await pending.catch((e: unknown) => e)) as ProviderError;
    expect(error.kind).toBe('cancelled');
  });

  it('reports a transport failure as a refused connection', async () => {
    const refused: RequestUrlLike = async () => {
      throw new Error('net::ERR_CONNECTION_REFUSED');
    };
    const error = (await model([], false, refused).complete(ask).catch((e: unknown) => e)) as ProviderError;
    expect(error.kind).toBe('connection-refused');
    expect(error.messageNl).toContain('Draait Ollama?');
  });
});
