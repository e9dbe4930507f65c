import { describe, expect, it } from 'vitest';
import { closedPort, reply } from '../helpers/fakeOpenAiServer';
import { ask, failure, useFakeProvider } from './harness';

const h = useFakeProvider();

describe('OpenAiChatModel failures', () => {
  it('401 becomes an auth error, without a retry', async () => {
    h.server.enqueue(reply.error(401, 'Invalid API key'));
    const error = await failure(h.model().complete(ask));
    expect(error.kind).toBe('auth');
    expect(error.status).toBe(401);
    expect(error.messageNl).toMatch(/API-sleutel/);
    expect(error.messageEn).toMatch(/API key/);
    expect(h.server.requests).toHaveLength(1);
  });

  it('404 for an unknown model becomes model-not-found with the model name', async () => {
    h.server.enqueue(reply.error(404, 'model "llama9" not found, try pulling it first'));
    const error = await failure(h.model({ preset: 'ollama', baseUrl: h.server.baseUrl, model: 'llama9' }).complete(ask));
    expect(error.kind).toBe('model-not-found');
    expect(error.messageNl).toContain('"llama9"');
    expect(error.messageNl).toContain('ollama pull llama9');
    expect(h.server.requests).toHaveLength(1);
  });

  it('other 4xx is a bad request and is not retried', async () => {
    h.server.enqueue(reply.error(400, 'context length exceeded'));
    const error = await failure(h.model().complete(ask));
    expect(error.kind).toBe('bad-request');
    expect(error.messageEn).toContain('context length exceeded');
    expect(h.server.requests).toHaveLength(1);
  });

  it('429 then success: waits as Retry-After asks and succeeds', async () => {
    h.server.enqueue(reply.error(429, 'slow down', { headers: { 'retry-after': '2' } }), reply.text('Gelukt.'));
    const result = await h.model().complete(ask);
    expect(result.text).toBe('Gelukt.');
    expect(h.server.requests).toHaveLength(2);
    expect(h.sleeps).toEqual([2_000]);
  });

  it('429 with a Retry-After beyond the limit is not waited out', async () => {
    h.server.enqueue(reply.error(429, 'quota', { headers: { 'retry-after': '3600' } }));
    const error = await failure(h.model().complete(ask));
    expect(error.kind).toBe('rate-limited');
    expect(error.messageNl).toContain('3600 seconden');
    expect(h.sleeps).toEqual([]);
    expect(h.server.requests).toHaveLength(1);
  });

  it('500 three times: a server error after 3 attempts with growing backoff', async () => {
    h.server.enqueue(reply.error(500, 'boom'), reply.error(502, 'boom'), reply.error(503, 'boom'));
    const error = await failure(h.model().complete(ask));
    expect(error.kind).toBe('server');
    expect(error.status).toBe(503);
    expect(error.messageNl).toContain('ook na 3 pogingen');
    expect(h.server.requests).toHaveLength(3);
    expect(h.sleeps).toHaveLength(2);
    expect(h.sleeps[1]!).toBeGreaterThan(h.sleeps[0]!);
  });

  it('a server that does not answer in time gives a timeout and drops the connection', async () => {
    h.server.enqueue(reply.hang());
    const started = Date.now();
    const error = await failure(h.model({ timeoutMs: 150 }).complete(ask));
    expect(error.kind).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(2_000);
    await h.server.waitForEarlyClose(0);
  });

  it('a stream that stalls after some tokens times out and keeps what arrived', async () => {
    h.server.enqueue(reply.stream(['Een ', 'twee'], { stallAfter: 1 }));
    const error = await failure(h.model({ stream: true, timeoutMs: 150 }).complete(ask));
    expect(error.kind).toBe('timeout');
    expect(error.partialText).toBe('Een ');
    await h.server.waitForEarlyClose(0);
  });

  it('a refused connection on the Ollama preset asks whether Ollama is running', async () => {
    const port = await closedPort();
    const ollama = h.model({ preset: 'ollama', baseUrl: `http://127.0.0.1:${port}/v1` });
    const error = await failure(ollama.complete(ask));
    expect(error.kind).toBe('connection-refused');
    expect(error.messageNl).toBe(`Kan geen verbinding maken met http://127.0.0.1:${port}/v1. Draait Ollama?`);
    expect(error.messageEn).toContain('Is Ollama running?');
  });

  it('a 200 with a body that is not JSON is malformed, not half-used', async () => {
    h.server.enqueue(reply.raw(200, '{"choices": [{"message": {"content": "half'));
    const error = await failure(h.model().complete(ask));
    expect(error.kind).toBe('malformed');
  });
});
