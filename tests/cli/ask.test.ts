/**
 * `visiewijzer ask` against a real HTTP server on 127.0.0.1 speaking the OpenAI API: redacted text and
 * delimited sources go out, the answer comes back with names and sources, the AI log records it, and
 * the key shows up nowhere but in the Authorization header.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/runCli';
import { parseAuditLog } from '../../src/core/llm/auditLog';
import { closedPort, reply, startFakeOpenAiServer, type FakeOpenAiServer } from '../helpers/fakeOpenAiServer';

const KEY = 'sk-proj-Vw8Lk2Qx9Pz4Rt7Ym3Jn';
let scratch: string;
let vault: string;
let server: FakeOpenAiServer;

const auditFile = (): string => join(vault, '.obsidian/plugins/visiewijzer/audit.jsonl');

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function configure(env: Record<string, string>): void {
  for (const name of ['VISIEWIJZER_PROVIDER', 'VISIEWIJZER_BASE_URL', 'VISIEWIJZER_MODEL', 'VISIEWIJZER_API_KEY', 'VISIEWIJZER_TIMEOUT']) vi.stubEnv(name, env[name] ?? '');
}

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'visiewijzer-ask-'));
  vault = join(scratch, 'vault');
  cpSync(join(__dirname, '../../examples/vault'), vault, { recursive: true });
  writeFileSync(join(vault, 'Beleid/Leesbeleid.md'), '# Leesbeleid\n\n## Leesmaatjes\n\nJuf Sanne de Vries koppelt elke week leesmaatjes uit groep 8 aan groep 3.\n');
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
beforeEach(async () => {
  server = await startFakeOpenAiServer();
  configure({ VISIEWIJZER_BASE_URL: server.baseUrl, VISIEWIJZER_MODEL: 'fake-model', VISIEWIJZER_API_KEY: KEY });
  rmSync(auditFile(), { force: true });
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await server.close();
});

const QUESTION = 'Hoe werken de leesmaatjes met juf Sanne de Vries?';

describe('visiewijzer ask', () => {
  it('sends redacted, delimited sources and prints the restored answer with [[note#heading]] sources', async () => {
    server.enqueue(reply.text('[PERSOON-1] koppelt leesmaatjes [[Leesbeleid#Leesmaatjes]].'));
    const result = await cli('ask', vault, QUESTION, '--keyword-only', '--lang', 'en');
    expect(result.code).toBe(0);
    const sent = server.requests[0]!;
    expect(sent.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(sent.body).not.toContain('Sanne de Vries');
    const user = sent.json!.messages![1]!.content;
    expect(user).toContain('<bron id="S1" citeer="[[');
    expect(user).toMatch(/citeer="\[\[Leesbeleid#Leesmaatjes\]\]" pad="Beleid\/Leesbeleid.md">\n## Leesmaatjes\n\nJuf \[PERSOON-1\] koppelt/);
    expect(user).toContain('Vraag: Hoe werken de leesmaatjes met juf [PERSOON-1]?');

    expect(result.out).toMatch(/^Sanne de Vries koppelt leesmaatjes \[\[Leesbeleid#Leesmaatjes\]\]\.\n\nSources:\n- \[\[/);
    expect(result.out).toContain('- [[Leesbeleid#Leesmaatjes]] (Beleid/Leesbeleid.md, lines 3-5)');
    expect(result.err).toMatch(/^Sent to OpenAI-compatible server at 127\.0\.0\.1:\d+, model fake-model: \d+ redaction\(s\)\. Logged in .*audit\.jsonl\.$/);

    const log = readFileSync(auditFile(), 'utf8');
    const [entry] = parseAuditLog(log);
    expect(entry).toMatchObject({ provider: 'custom', model: 'fake-model', answer: '[PERSOON-1] koppelt leesmaatjes [[Leesbeleid#Leesmaatjes]].' });
    expect(entry!.sources).toContain('[[Leesbeleid#Leesmaatjes]]');
    expect(entry!.redactedPrompt).toContain('[PERSOON-1]');
    expect(entry!.redactionCount).toBeGreaterThan(0);
    for (const text of [log, result.out, result.err]) {
      expect(text).not.toContain(KEY);
      expect(text).not.toContain(KEY.slice(-8));
    }
    expect(log).not.toContain('Sanne de Vries');
  });

  it('appends to the AI log and prints JSON on request', async () => {
    server.enqueue(reply.text('Eerste.'), reply.text('Tweede.'));
    await cli('ask', vault, QUESTION, '--keyword-only');
    const result = await cli('ask', vault, QUESTION, '--keyword-only', '--json');
    const json = JSON.parse(result.out) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['status', 'answer', 'sources', 'model', 'redacted', 'redactionCount']);
    expect(json).toMatchObject({ status: 'answered', answer: 'Tweede.', model: 'fake-model', redacted: true });
    expect(parseAuditLog(readFileSync(auditFile(), 'utf8')).map((e) => e.answer)).toEqual(['Eerste.', 'Tweede.']);
  });

  it('keeps the AI log in --index-dir for a folder that is not an Obsidian vault', async () => {
    const plain = join(scratch, 'plain');
    cpSync(join(vault, 'Beleid'), join(plain, 'Beleid'), { recursive: true });
    const indexDir = join(scratch, 'plain-index');
    server.enqueue(reply.text('ok'));
    const result = await cli('ask', plain, QUESTION, '--keyword-only', '--index-dir', indexDir);
    expect(result.code).toBe(0);
    expect(parseAuditLog(readFileSync(join(indexDir, 'audit.jsonl'), 'utf8'))).toHaveLength(1);
  });

  it('sends the text as written only to a loopback server with --no-redact-local', async () => {
    server.enqueue(reply.text('ok'));
    const result = await cli('ask', vault, QUESTION, '--keyword-only', '--no-redact-local', '--lang', 'en');
    expect(result.code).toBe(0);
    expect(server.requests[0]!.body).toContain('Sanne de Vries');
    expect(result.err).toMatch(/not redacted \(server on this machine, --no-redact-local\)/);
  });

  it('says when the vault has nothing on the question, without calling the model or logging', async () => {
    const result = await cli('ask', vault, 'Wat is de hoofdstad van Frankrijk?', '--keyword-only', '--lang', 'nl');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^Je kluis zegt hier niets over/);
    expect(server.requests).toHaveLength(0);
    expect(existsSync(auditFile())).toBe(false);
  });

  it('says in one line how to configure a provider when none is', async () => {
    configure({});
    const result = await cli('ask', vault, QUESTION, '--keyword-only');
    expect(result.code).toBe(1);
    expect(result.err.split('\n')).toHaveLength(1);
    expect(result.err).toMatch(/No language model configured\. Set VISIEWIJZER_BASE_URL and VISIEWIJZER_MODEL/);
    configure({ VISIEWIJZER_PROVIDER: 'openai' });
    expect((await cli('ask', vault, QUESTION)).err).toMatch(/VISIEWIJZER_MODEL is not set/);
    configure({ VISIEWIJZER_PROVIDER: 'chatbot', VISIEWIJZER_MODEL: 'x' });
    expect((await cli('ask', vault, QUESTION)).err).toMatch(/VISIEWIJZER_PROVIDER must be one of openai, azure, ollama, lmstudio, custom/);
    configure({ VISIEWIJZER_PROVIDER: 'openai', VISIEWIJZER_MODEL: 'gpt-4o-mini' });
    const noKey = await cli('ask', vault, QUESTION, '--keyword-only', '--lang', 'en');
    expect(noKey.err).toMatch(/^visiewijzer: OpenAI rejected the API key/);
  });

  it('reports provider errors as one line in the chosen language, without the key', async () => {
    const port = await closedPort();
    const cases: [() => void, string, RegExp][] = [
      [() => server.enqueue(reply.error(401, `Incorrect API key provided: ${KEY}`)), 'en', /^visiewijzer: OpenAI-compatible server rejected the API key \(401\)/],
      [() => server.enqueue(reply.error(404, 'model not found')), 'nl', /^visiewijzer: Model "fake-model" niet gevonden op http:\/\/127\.0\.0\.1/],
      [() => configure({ VISIEWIJZER_PROVIDER: 'ollama', VISIEWIJZER_BASE_URL: `http://127.0.0.1:${port}/v1`, VISIEWIJZER_MODEL: 'llama3.1' }), 'nl', /Kan geen verbinding maken .* Draait Ollama\?$/],
    ];
    for (const [arrange, lang, message] of cases) {
      arrange();
      const result = await cli('ask', vault, QUESTION, '--keyword-only', '--lang', lang);
      expect(result.code).toBe(1);
      expect(result.err.split('\n')).toHaveLength(1);
      expect(result.err).toMatch(message);
      expect(result.err).not.toContain(KEY);
    }
    expect(existsSync(auditFile())).toBe(false);
  });
});
