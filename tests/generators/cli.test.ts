/**
 * `visiewijzer generate`: the JSON shape scripts rely on, `--write` that never overwrites a note, one-line
 * errors, and the model mode against the fake OpenAI-compatible server with its AI log entry.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/runCli';
import { parseAuditLog } from '../../src/core/llm/auditLog';
import { reply, startFakeOpenAiServer } from '../helpers/fakeOpenAiServer';
import { EXAMPLE_VAULT } from './generatorHarness';

let scratch: string;
let vault: string;

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'visiewijzer-generate-'));
  vault = join(scratch, 'vault');
  cpSync(EXAMPLE_VAULT, vault, { recursive: true });
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
afterEach(() => vi.unstubAllEnvs());

describe('visiewijzer generate', () => {
  it('prints exactly {kind, mode, items: [{text, element, sources, lint}], note} with --json', async () => {
    const result = await cli('generate', 'indicators', vault, '--element', 'kernwaarden/samenwerken', '--json');
    expect(result.code).toBe(0);
    const json = JSON.parse(result.out) as { kind: string; mode: string; items: Record<string, unknown>[]; note: unknown };
    expect(Object.keys(json)).toEqual(['kind', 'mode', 'items', 'note']);
    expect(json).toMatchObject({ kind: 'indicators', mode: 'extractive', note: null });
    expect(json.items.length).toBeGreaterThan(4);
    for (const item of json.items) expect(Object.keys(item)).toEqual(['text', 'element', 'sources', 'lint']);
    const flawed = json.items.find((i) => i['text'] === 'Leerlingen begrijpen waarom samenwerken belangrijk is.')!;
    expect(flawed['sources']).toEqual(['Visie/Kernwaarden#Samenwerken']);
    expect(flawed['lint']).toEqual([expect.objectContaining({ rule: 'inner-state', severity: 'error' })]);
  });

  it('prints the note as Markdown, in English when asked', async () => {
    const result = await cli('generate', 'reflectie', vault, '--element', 'kernwaarden/eigenaarschap', '--lang', 'en');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^---\nvisiewijzer: reflectie\n/);
    expect(result.out).toContain('# Reflection questions: Eigenaarschap');
  });

  it('writes a new note in Visiewijzer/ and never overwrites one', async () => {
    mkdirSync(join(vault, 'Visiewijzer'), { recursive: true });
    const mine = join(vault, 'Visiewijzer/Kijkwijzer - Eigenaarschap.md');
    writeFileSync(mine, 'Mijn eigen aantekeningen.\n');
    const first = await cli('generate', 'kijkwijzer', vault, '--element', 'kernwaarden/eigenaarschap', '--write', '--json');
    expect(first.code).toBe(0);
    expect((JSON.parse(first.out) as { note: string }).note).toBe('Visiewijzer/Kijkwijzer - Eigenaarschap 2.md');
    const second = await cli('generate', 'kijkwijzer', vault, '--element', 'kernwaarden/eigenaarschap', '--write');
    expect(second.out).toBe('Wrote Visiewijzer/Kijkwijzer - Eigenaarschap 3.md');
    expect(readFileSync(mine, 'utf8')).toBe('Mijn eigen aantekeningen.\n');
    const written = readFileSync(join(vault, 'Visiewijzer/Kijkwijzer - Eigenaarschap 2.md'), 'utf8');
    expect(written).toMatch(/^---\nvisiewijzer: kijkwijzer\nkernwaarden:\n {2}- "Eigenaarschap"\n/);
    expect(written).not.toContain('\nai:');
  });

  it('answers an unknown element with one line that lists the valid ids', async () => {
    const result = await cli('generate', 'kijkwijzer', vault, '--element', 'kernwaarden/lef');
    expect(result.code).toBe(1);
    expect(result.out).toBe('');
    expect(result.err.split('\n')).toHaveLength(1);
    expect(result.err).toMatch(/^visiewijzer: Unknown element "kernwaarden\/lef"\. Valid ids: .*kernwaarden\/eigenaarschap/);
  });

  it('answers an unknown kind or mode with one line', async () => {
    expect((await cli('generate', 'poster', vault)).err).toMatch(/^visiewijzer: Name what to generate: indicators, kijkwijzer, flitsbezoek, lesideeen, reflectie, vakvoorbeelden \(not "poster"\)$/);
    expect((await cli('generate', 'reflectie', vault, '--mode', 'magic')).err).toBe('visiewijzer: --mode must be extractive or model, not "magic"');
  });

  it('in model mode asks the configured server, cites given sources only, discloses and logs it', async () => {
    const server = await startFakeOpenAiServer();
    try {
      vi.stubEnv('VISIEWIJZER_BASE_URL', server.baseUrl);
      vi.stubEnv('VISIEWIJZER_MODEL', 'fake-model');
      vi.stubEnv('VISIEWIJZER_PROVIDER', '');
      vi.stubEnv('VISIEWIJZER_API_KEY', '');
      server.enqueue(reply.text(JSON.stringify({ items: [{ text: 'De leerling kiest zelf met welke taak hij begint.', sources: ['S1'] }, { text: 'Verzonnen.', sources: ['S42'] }] })));
      const result = await cli('generate', 'indicators', vault, '--element', 'kernwaarden/eigenaarschap', '--mode', 'model', '--write', '--json');
      expect(result.code).toBe(0);
      const json = JSON.parse(result.out) as { mode: string; items: { text: string; sources: string[] }[]; note: string };
      expect(json.mode).toBe('model');
      expect(json.items).toEqual([{ text: 'De leerling kiest zelf met welke taak hij begint.', element: 'kernwaarden/eigenaarschap', sources: ['Visie/Kernwaarden#Eigenaarschap'], lint: [] }]);
      const note = readFileSync(join(vault, json.note), 'utf8');
      expect(note).toMatch(/\nai:\n {2}provider: "custom"\n {2}model: "fake-model"/);
      expect(note).toContain('(S42)');
      const log = parseAuditLog(readFileSync(join(vault, '.obsidian/plugins/visiewijzer/audit.jsonl'), 'utf8'));
      expect(log.at(-1)).toMatchObject({ provider: 'custom', sources: ['[[Visie/Kernwaarden#Eigenaarschap]]'] });
      expect(log.at(-1)!.redactedPrompt).toContain('<bron id="S1"');
    } finally {
      await server.close();
    }
  });

  it('in model mode without a configured model says what to set', async () => {
    for (const name of ['VISIEWIJZER_PROVIDER', 'VISIEWIJZER_BASE_URL', 'VISIEWIJZER_MODEL']) vi.stubEnv(name, '');
    const before = existsSync(join(vault, 'Visiewijzer')) ? readdirSync(join(vault, 'Visiewijzer')) : [];
    const result = await cli('generate', 'indicators', vault, '--mode', 'model', '--write');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^visiewijzer: No language model configured/);
    expect(existsSync(join(vault, 'Visiewijzer')) ? readdirSync(join(vault, 'Visiewijzer')) : []).toEqual(before);
  });
});
