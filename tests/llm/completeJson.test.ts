import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkJsonAnswer, completeJson, extractJsonText } from '../../src/core/llm/jsonOutput';
import { OpenAiChatModel } from '../../src/core/llm/openAiChatModel';
import { resolveProviderConfig } from '../../src/core/llm/presets';
import { ProviderError } from '../../src/core/llm/providerError';
import { RedactingChatModel } from '../../src/core/llm/redactingChatModel';
import { reply, startFakeOpenAiServer, type FakeOpenAiServer } from '../helpers/fakeOpenAiServer';

const LessonCheck = z.object({
  titel: z.string().min(1),
  pijlers: z.array(z.object({ naam: z.string(), score: z.number().int().min(0).max(3) })),
});

let server: FakeOpenAiServer;
beforeEach(async () => {
  server = await startFakeOpenAiServer();
});
afterEach(async () => {
  await server.close();
});

function model(): OpenAiChatModel {
  const config = resolveProviderConfig({ preset: 'ollama', baseUrl: server.baseUrl, model: 'm', stream: false, timeoutMs: 2_000 });
  return new OpenAiChatModel(config, { retry: { sleep: async () => {} } });
}

const request = { system: 'Beoordeel het lesplan.', messages: [{ role: 'user' as const, content: 'Lesplan: ...' }] };
const good = { titel: 'Rekenen groep 6', pijlers: [{ naam: 'Eigenaarschap', score: 2 }] };

describe('extractJsonText', () => {
  it('strips ```json fences and surrounding prose', () => {
    expect(extractJsonText('```json\n{"a":1}\n```')).toBe('{"a":1}');
    expect(extractJsonText('Hier is het:\n```\n[1,2]\n```\nSucces!')).toBe('[1,2]');
    expect(extractJsonText('Natuurlijk! {"a": {"b": 2}} Groet.')).toBe('{"a": {"b": 2}}');
  });
});

describe('checkJsonAnswer', () => {
  it('never accepts a value that only partly fits the schema', () => {
    const partial = checkJsonAnswer(JSON.stringify({ titel: 'x', pijlers: [{ naam: 'A', score: 9 }] }), LessonCheck);
    expect(partial.ok).toBe(false);
    const truncated = checkJsonAnswer('{"titel": "x", "pijlers": [', LessonCheck);
    expect(truncated.ok).toBe(false);
  });
});

describe('completeJson', () => {
  it('asks for JSON mode plus the instruction and returns the validated value', async () => {
    server.enqueue(reply.text('```json\n' + JSON.stringify(good) + '\n```'));
    const result = await completeJson(model(), request, LessonCheck);
    expect(result.data).toEqual(good);
    expect(result.repaired).toBe(false);
    const sent = server.requests[0]!.json!;
    expect(sent.response_format).toEqual({ type: 'json_object' });
    expect(sent.messages?.[0]?.content).toMatch(/JSON-object/);
    expect(sent.messages?.[0]?.content).toContain('"pijlers"');
  });

  it('repairs once: sends the broken answer and the validation problem back', async () => {
    const broken = JSON.stringify({ titel: '', pijlers: [{ naam: 'Eigenaarschap', score: 'hoog' }] });
    server.enqueue(reply.text(broken), reply.text(JSON.stringify(good)));
    const result = await completeJson(model(), request, LessonCheck);
    expect(result.data).toEqual(good);
    expect(result.repaired).toBe(true);
    const repair = server.requests[1]!.json!.messages!;
    expect(repair.at(-2)).toEqual({ role: 'assistant', content: broken });
    expect(repair.at(-1)?.role).toBe('user');
    expect(repair.at(-1)?.content).toMatch(/score/);
    expect(repair.at(-1)?.content).toMatch(/titel/);
  });

  it('gives a malformed error after one failed repair, never half-parsed output', async () => {
    server.enqueue(reply.text('{"titel": "Rekenen", "pijlers": [{"naam": "Eig'), reply.text('Sorry, ik kan geen JSON maken.'));
    const error = await completeJson(model(), request, LessonCheck).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).kind).toBe('malformed');
    expect((error as ProviderError).messageNl).toMatch(/herstelpoging/);
    expect(server.requests).toHaveLength(2);
  });
});

describe('completeJson through the privacy guard', () => {
  it('validates the redacted answer and reports what was sent', async () => {
    server.enqueue(reply.text(JSON.stringify({ titel: 'Gesprek met [PERSOON-1]', pijlers: [] })));
    const guarded = new RedactingChatModel(model(), {
      redactor: (text) => ({ text: text.replace(/Fatima El Amrani/g, '[PERSOON-1]'), count: (text.match(/Fatima El Amrani/g) ?? []).length }),
    });
    const result = await completeJson(guarded, { system: 'Vat samen.', messages: [{ role: 'user', content: 'Gesprek met Fatima El Amrani.' }] }, LessonCheck);
    expect(result.data.titel).toBe('Gesprek met [PERSOON-1]');
    expect(result.response.redactionCount).toBe(1);
    expect(result.response.sentPrompt).toContain('Gesprek met [PERSOON-1].');
    expect(server.requests[0]!.body).not.toContain('Fatima');
  });
});
