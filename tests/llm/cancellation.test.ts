import { describe, expect, it } from 'vitest';
import { OpenAiChatModel } from '../../src/core/llm/openAiChatModel';
import { resolveProviderConfig } from '../../src/core/llm/presets';
import { reply } from '../helpers/fakeOpenAiServer';
import { ask, failure, useFakeProvider } from './harness';

const h = useFakeProvider();

describe('cancellation', () => {
  it('aborting stops the HTTP request: the server sees the socket close', async () => {
    h.server.enqueue(reply.hang());
    const controller = new AbortController();
    const pending = h.model({ timeoutMs: 10_000 }).complete({ ...ask, signal: controller.signal });
    await h.server.waitForRequests(1);
    controller.abort();
    const error = await failure(pending);
    expect(error.kind).toBe('cancelled');
    expect(error.messageNl).toBe('Gestopt.');
    await h.server.waitForEarlyClose(0);
  });

  it('aborting a stream after the first token stops it and keeps the text so far', async () => {
    h.server.enqueue(reply.stream(['Eerste ', 'tweede ', 'derde'], { chunkDelayMs: 300 }));
    const controller = new AbortController();
    const tokens: string[] = [];
    const pending = h.model({ stream: true, timeoutMs: 10_000 }).complete({
      ...ask,
      signal: controller.signal,
      onToken: (t) => {
        tokens.push(t);
        controller.abort();
      },
    });
    const error = await failure(pending);
    expect(error.kind).toBe('cancelled');
    expect(error.partialText).toBe('Eerste ');
    await h.server.waitForEarlyClose(0);
  });

  it('an already aborted signal sends nothing', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await failure(h.model().complete({ ...ask, signal: controller.signal }));
    expect(error.kind).toBe('cancelled');
    expect(h.server.requests).toHaveLength(0);
  });

  it('aborting during a retry wait stops the retries', async () => {
    h.server.enqueue(reply.error(503, 'busy'), reply.text('te laat'));
    const controller = new AbortController();
    const config = resolveProviderConfig({ preset: 'custom', baseUrl: h.server.baseUrl, model: 'm', stream: false, timeoutMs: 2_000 });
    const slow = new OpenAiChatModel(config, {
      retry: {
        sleep: (_ms, signal) =>
          new Promise((_resolve, reject) => {
            controller.abort();
            if (signal?.aborted) reject(new Error('aborted'));
            else signal?.addEventListener('abort', reject);
          }),
      },
    });
    const error = await failure(slow.complete({ ...ask, signal: controller.signal }));
    expect(error.kind).toBe('cancelled');
    expect(h.server.requests).toHaveLength(1);
  });
});
