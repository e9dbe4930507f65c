import { describe, expect, it } from 'vitest';
import { reply } from '../helpers/fakeOpenAiServer';
import { ask, failure, useFakeProvider } from './harness';

const h = useFakeProvider();

describe('OpenAiChatModel answers', () => {
  it('returns a non-streamed answer and sends system prompt, messages and temperature', async () => {
    h.server.enqueue(reply.text('Eigenaarschap staat centraal.', { model: 'served-model' }));
    const tokens: string[] = [];
    const result = await h.model({ temperature: 0.2 }).complete({ ...ask, onToken: (t) => tokens.push(t) });
    expect(result.text).toBe('Eigenaarschap staat centraal.');
    expect(result.model).toBe('served-model');
    expect(result.streamed).toBe(false);
    expect(result.usage).toEqual({ promptTokens: 11, completionTokens: 7, totalTokens: 18 });
    expect(tokens).toEqual(['Eigenaarschap staat centraal.']);
    const sent = h.server.requests[0]!;
    expect(sent.method).toBe('POST');
    expect(sent.url).toBe('/v1/chat/completions');
    expect(sent.json?.messages).toEqual([
      { role: 'system', content: 'Je bent een test.' },
      { role: 'user', content: 'Hallo?' },
    ]);
    expect(sent.json?.temperature).toBe(0.2);
    expect(sent.json?.stream).toBeFalsy();
  });

  it('streams tokens in order and returns the whole text', async () => {
    h.server.enqueue(reply.stream(['Eigen', 'aar', 'schap', '.'], { chunkDelayMs: 5 }));
    const tokens: string[] = [];
    const result = await h.model({ stream: true }).complete({ ...ask, onToken: (t) => tokens.push(t) });
    expect(tokens).toEqual(['Eigen', 'aar', 'schap', '.']);
    expect(result.text).toBe('Eigenaarschap.');
    expect(result.streamed).toBe(true);
    expect(h.server.requests[0]!.json?.stream).toBe(true);
  });

  it('falls back to one response when the server ignores stream: true', async () => {
    // A plain JSON body where an event stream was asked for: no events, so nothing streamed.
    h.server.enqueue(reply.text('genegeerd'), reply.text('Volledig antwoord.'));
    const result = await h.model({ stream: true }).complete(ask);
    expect(result.text).toBe('Volledig antwoord.');
    expect(result.streamed).toBe(false);
    expect(h.server.requests.map((r) => r.json?.stream ?? false)).toEqual([true, false]);
  });

  it('falls back to one response when the stream breaks before the first token', async () => {
    h.server.enqueue(reply.stream(['nooit'], { cutAfter: 0 }), reply.text('Toch een antwoord.'));
    const result = await h.model({ stream: true }).complete(ask);
    expect(result.text).toBe('Toch een antwoord.');
    expect(h.server.requests).toHaveLength(2);
  });

  it('keeps the part that arrived when the stream is cut in half', async () => {
    for (const cutMode of ['destroy', 'end'] as const) {
      h.server.enqueue(reply.stream(['De ', 'visie ', 'zegt ', 'dat'], { cutAfter: 2, cutMode }));
      const tokens: string[] = [];
      const error = await failure(h.model({ stream: true }).complete({ ...ask, onToken: (t) => tokens.push(t) }));
      expect(error.kind).toBe('interrupted');
      expect(error.partialText).toBe('De visie ');
      expect(tokens.join('')).toBe('De visie ');
      expect(error.messageNl).toMatch(/halverwege/);
    }
    // Not resent: the user already saw half an answer.
    expect(h.server.requests).toHaveLength(2);
  });

  it('an error event in the middle of a stream is a server error, kept and not retried', async () => {
    const streamed = reply.stream(['Half', ' antwoord'], {});
    if (streamed.type !== 'stream') throw new Error('unexpected script');
    const events = [...streamed.events.slice(0, 3), JSON.stringify({ error: { message: 'overloaded' } })];
    h.server.enqueue({ type: 'stream', events }, reply.text('niet gebruikt'));
    const tokens: string[] = [];
    const error = await failure(h.model({ stream: true }).complete({ ...ask, onToken: (t) => tokens.push(t) }));
    expect(error.kind).toBe('server');
    expect(error.partialText).toBe('Half antwoord');
    expect(tokens.join('')).toBe('Half antwoord');
    expect(h.server.requests).toHaveLength(1);
  });

  it('asks for JSON mode where the preset supports it, and not on LM Studio', async () => {
    h.server.enqueue(reply.text('{}'), reply.text('{}'));
    await h.model({ preset: 'ollama', baseUrl: h.server.baseUrl }).complete({ ...ask, json: true });
    await h.model({ preset: 'lmstudio', baseUrl: h.server.baseUrl }).complete({ ...ask, json: true });
    expect(h.server.requests[0]!.json?.response_format).toEqual({ type: 'json_object' });
    expect(h.server.requests[1]!.json?.response_format).toBeUndefined();
    // OpenAI refuses JSON mode when the prompt never says "JSON".
    expect(h.server.requests[0]!.json?.messages?.[0]?.content).toMatch(/JSON/);
  });

  it('lists models for the connection test, with latency', async () => {
    h.server.enqueue(reply.models(['qwen2.5:7b', 'llama3.1:8b']));
    const listing = await h.model().listModels();
    expect(listing.models).toEqual(['llama3.1:8b', 'qwen2.5:7b']);
    expect(listing.latencyMs).toBeGreaterThanOrEqual(0);
    expect(h.server.requests[0]!.method).toBe('GET');
    expect(h.server.requests[0]!.url).toBe('/v1/models');
  });

  it('speaks the Azure layout: deployment path, api-version and api-key header', async () => {
    h.server.enqueue(reply.text('Azure antwoordt.'));
    const azure = h.model({ preset: 'azure', baseUrl: h.server.origin, model: 'mijn-deployment', apiKey: 'azure-key-1234' });
    const result = await azure.complete(ask);
    expect(result.text).toBe('Azure antwoordt.');
    const sent = h.server.requests[0]!;
    expect(sent.url).toMatch(/^\/openai\/deployments\/mijn-deployment\/chat\/completions\?api-version=\d{4}-\d{2}-\d{2}/);
    expect(sent.headers['api-key']).toBe('azure-key-1234');
    expect(sent.headers.authorization).toBeUndefined();
  });

  it('sends the key as a bearer token and a placeholder when there is none (never OPENAI_API_KEY)', async () => {
    const before = process.env.OPENAI_API_KEY;
    process.env.OPENAI_API_KEY = 'sk-from-the-environment-should-not-leak';
    try {
      h.server.enqueue(reply.text('a'), reply.text('b'));
      await h.model({ apiKey: 'sk-test-abcdefgh' }).complete(ask);
      await h.model({ preset: 'ollama', baseUrl: h.server.baseUrl }).complete(ask);
      expect(h.server.requests[0]!.headers.authorization).toBe('Bearer sk-test-abcdefgh');
      expect(h.server.requests[1]!.headers.authorization).not.toMatch(/environment/);
    } finally {
      if (before === undefined) delete process.env.OPENAI_API_KEY;
      else process.env.OPENAI_API_KEY = before;
    }
  });

  it('refuses a cloud preset without a key before sending anything', async () => {
    const error = await failure(h.model({ preset: 'openai', baseUrl: h.server.baseUrl }).complete(ask));
    expect(error.kind).toBe('auth');
    expect(h.server.requests).toHaveLength(0);
  });
});
