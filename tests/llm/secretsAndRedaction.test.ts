import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { appendAuditEntry, createAuditEntry } from '../../src/core/llm/auditLog';
import { renderDisclosure } from '../../src/core/llm/disclosure';
import { OpenAiChatModel } from '../../src/core/llm/openAiChatModel';
import { resolveProviderConfig } from '../../src/core/llm/presets';
import { buildGroundedPrompt } from '../../src/core/llm/prompt';
import { ProviderError } from '../../src/core/llm/providerError';
import { RedactingChatModel, needsRedaction } from '../../src/core/llm/redactingChatModel';
import type { ProviderConfig, Redactor } from '../../src/core/llm/types';
import { reply, startFakeOpenAiServer, type FakeOpenAiServer } from '../helpers/fakeOpenAiServer';

const KEY = 'sk-proj-Zq8xVb27LmNp4RtYw9Kd';

let server: FakeOpenAiServer;
let consoleCalls: unknown[][];

beforeEach(async () => {
  server = await startFakeOpenAiServer();
  consoleCalls = [];
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      consoleCalls.push(args);
    });
  }
});
afterEach(async () => {
  vi.restoreAllMocks();
  await server.close();
});

function config(over: Partial<ProviderConfig> = {}): ProviderConfig {
  return resolveProviderConfig({ preset: 'custom', baseUrl: server.baseUrl, model: 'm', apiKey: KEY, stream: false, timeoutMs: 2_000, ...over });
}

/** Every text an error exposes, including its stack and a JSON dump of it. */
function everything(error: ProviderError): string {
  return [error.message, error.messageNl, error.messageEn, error.stack, JSON.stringify(error), JSON.stringify(error.context)].join('\n');
}

function expectNoKey(text: string): void {
  expect(text).not.toContain(KEY);
  // OpenAI echoes a masked key ("sk-proj-***9Kd"); neither end of the key may show.
  expect(text).not.toContain(KEY.slice(0, 12));
  expect(text).not.toContain(KEY.slice(-8));
}

const ask = { system: 's', messages: [{ role: 'user' as const, content: 'q' }] };

describe('the API key never leaks', () => {
  it('is sent as the bearer token', async () => {
    server.enqueue(reply.text('ok'));
    await new OpenAiChatModel(config()).complete(ask);
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it('is not in any error, even when the server echoes it', async () => {
    const masked = `${KEY.slice(0, 10)}************${KEY.slice(-4)}`;
    const cases = [
      reply.error(401, `Incorrect API key provided: ${masked}. You can find your API key at https://platform.openai.com.`),
      reply.error(400, `bad header Authorization: Bearer ${KEY}`),
      reply.error(404, `model m not found for key ${KEY}`),
    ];
    for (const scripted of cases) {
      server.enqueue(scripted);
      const error = await new OpenAiChatModel(config()).complete(ask).catch((e: unknown) => e as ProviderError);
      expect(error).toBeInstanceOf(ProviderError);
      expectNoKey(everything(error as ProviderError));
    }
    server.enqueue(reply.error(500, KEY), reply.error(500, KEY), reply.error(500, KEY));
    const model = new OpenAiChatModel(config(), { retry: { sleep: async () => {} } });
    const error = (await model.complete(ask).catch((e: unknown) => e)) as ProviderError;
    expect(error.kind).toBe('server');
    expectNoKey(everything(error));
  });

  it('is not in a message for a key pasted into the model name or URL', async () => {
    const error = (await new OpenAiChatModel(config({ model: KEY, baseUrl: `http://127.0.0.1:1/v1?api-key=${KEY}` }))
      .complete(ask)
      .catch((e: unknown) => e)) as ProviderError;
    expect(error.kind).toBe('connection-refused');
    expectNoKey(everything(error));
  });

  it('nothing is written to the console, on success or failure', async () => {
    server.enqueue(reply.text('ok'), reply.error(401, `bad key ${KEY}`), reply.raw(200, 'not json'));
    const model = new OpenAiChatModel(config());
    await model.complete(ask);
    await model.complete(ask).catch(() => undefined);
    await model.complete(ask).catch(() => undefined);
    server.enqueue(reply.stream(['a'], { cutAfter: 0 }), reply.text('b'));
    await new OpenAiChatModel(config({ stream: true })).complete(ask);
    expect(consoleCalls).toEqual([]);
  });
});

describe('a guarded generation end to end', () => {
  /** A stand-in for the privacy guard: one stable mapping across calls. */
  function fakeRedactor(): Redactor {
    return (text) => {
      const findings = [...text.matchAll(/Jan Jansen/g)];
      return { text: text.replace(/Jan Jansen/g, '[LEERLING-1]'), findings };
    };
  }

  it('sends only redacted text; the audit entry and disclosure hold no key', async () => {
    server.enqueue(reply.text('Bespreek het plan met [LEERLING-1] [[Zorgbeleid#Gesprekken]].'));
    const cfg = config();
    const guarded = new RedactingChatModel(new OpenAiChatModel(cfg), { redactor: fakeRedactor() });
    const source = { id: 'S1', path: 'Beleid/Zorgbeleid.md', heading: 'Gesprekken', text: 'Gesprek met Jan Jansen over zijn plan.' };
    const prompt = buildGroundedPrompt({ task: 'Geef advies.', sources: [source], question: 'Wat doen we met Jan Jansen?' });
    const result = await guarded.complete({ system: prompt.system, messages: [{ role: 'user', content: prompt.user }] });

    expect(server.requests[0]!.body).not.toContain('Jan Jansen');
    expect(server.requests[0]!.json!.messages![1]!.content).toContain('Gesprek met [LEERLING-1]');
    expect(result.redactionCount).toBe(2);
    expect(result.redacted).toBe(true);

    const entry = createAuditEntry({
      config: cfg,
      model: result.model,
      sources: ['[[Zorgbeleid#Gesprekken]]'],
      redactedPrompt: result.sentPrompt,
      answer: result.text,
      redactionCount: result.redactionCount,
    });
    const log = appendAuditEntry('', entry, [cfg.apiKey]);
    expect(log).toContain('[LEERLING-1]');
    expect(log).not.toContain('Jan Jansen');
    expectNoKey(log);
    const disclosure = renderDisclosure({ provider: cfg.preset, model: result.model, date: new Date(), sources: entry.sources, lang: 'nl' });
    expectNoKey(JSON.stringify(disclosure));
  });

  it('skips the guard only for loopback with the exemption on', async () => {
    expect(needsRedaction('http://localhost:11434/v1', true)).toBe(false);
    expect(needsRedaction('http://localhost:11434/v1', false)).toBe(true);
    expect(needsRedaction('https://api.openai.com/v1', true)).toBe(true);
    server.enqueue(reply.text('ok'));
    const exempt = new RedactingChatModel(new OpenAiChatModel(config()), { redactor: fakeRedactor(), exemptLoopback: true });
    const result = await exempt.complete({ system: 's', messages: [{ role: 'user', content: 'Jan Jansen' }] });
    expect(result.redacted).toBe(false);
    expect(server.requests[0]!.body).toContain('Jan Jansen');
  });
});
