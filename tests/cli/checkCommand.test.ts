/**
 * `visiewijzer check` in-process: the documented JSON shape with every vision element, a readable table,
 * the model mode against the fake OpenAI-compatible server (through the privacy guard, logged), and
 * one-line errors.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/runCli';
import { reply, startFakeOpenAiServer } from '../helpers/fakeOpenAiServer';

let scratch: string;
let vault: string;

const PLAN = 'Lessen/Groep 8 Burgerschap - Een voorstel voor het schoolplein.md';

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function noProvider(): void {
  for (const name of ['VISIEWIJZER_PROVIDER', 'VISIEWIJZER_BASE_URL', 'VISIEWIJZER_MODEL', 'VISIEWIJZER_API_KEY', 'VISIEWIJZER_TIMEOUT']) vi.stubEnv(name, '');
}

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'visiewijzer-check-'));
  vault = join(scratch, 'vault');
  cpSync(join(__dirname, '../../examples/vault'), vault, { recursive: true });
  // A person in the plan, so the privacy guard has something to do in model mode.
  writeFileSync(join(vault, PLAN), `${readFileSync(join(vault, PLAN), 'utf8')}\nJuf Marloes Bakker helpt de groepjes met de vragenlijst.\n`);
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
afterEach(() => {
  vi.unstubAllEnvs();
});

interface JsonReport {
  note: string;
  mode: string;
  elements: { id: string; title: string; status: string; score: number; evidence: Record<string, unknown>[]; suggestions: string[]; verified: boolean }[];
}

describe('visiewijzer check', () => {
  it('prints the documented JSON with every vision element of the vault', async () => {
    const result = await cli('check', vault, PLAN, '--keyword-only', '--json');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.out) as JsonReport;
    expect(Object.keys(report)).toEqual(['note', 'mode', 'elements']);
    expect(report).toMatchObject({ note: PLAN, mode: 'extractive' });
    const listed = JSON.parse((await cli('elements', vault, '--json')).out) as { id: string }[];
    expect(report.elements.map((e) => e.id)).toEqual(listed.map((e) => e.id));
    for (const element of report.elements) {
      expect(Object.keys(element)).toEqual(['id', 'title', 'path', 'heading', 'status', 'score', 'evidence', 'suggestions', 'verified']);
      expect(['strong', 'partial', 'absent']).toContain(element.status);
      expect(element.score).toBeGreaterThanOrEqual(0);
      expect(element.score).toBeLessThanOrEqual(1);
      expect(element.verified).toBe(true);
      for (const e of element.evidence) expect(Object.keys(e)).toEqual(['startLine', 'endLine', 'text', 'visionPath', 'visionHeading']);
      if (element.status !== 'strong') expect(element.suggestions.length).toBeGreaterThan(0);
    }
    const ownership = report.elements.find((e) => e.title === 'Eigenaarschap');
    expect(ownership?.status).not.toBe('absent');
  });

  it('prints a compact table with a mark and a word per status, evidence lines and suggestions', async () => {
    const result = await cli('check', vault, 'Groep 8 Rekenen - Procenten (directe instructie)', '--keyword-only');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^Vision check of Lessen\/Groep 8 Rekenen - Procenten \(directe instructie\)\.md \(extractive, keyword-only\)/);
    expect(result.out).toMatch(/^○ absent +\d\.\d\d {2}Creativiteit +\[\[Visie\/Kernwaarden#Creativiteit\]\]$/m);
    expect(result.out).toMatch(/^ {6}→ /m);
  });

  it('checks a note that is not marked as a lesson plan, with a warning', async () => {
    const result = await cli('check', vault, 'Teamoverleg/2026-09-15 Teamvergadering.md', '--keyword-only', '--json');
    expect(result.code).toBe(0);
    expect(result.err).toMatch(/Warning: Teamoverleg\/2026-09-15 Teamvergadering\.md is not marked as a lesson plan/);
    expect((JSON.parse(result.out) as JsonReport).elements).toHaveLength(8);
  });

  it('answers mistakes with one clear line and exit code 1', async () => {
    noProvider();
    const bare = join(scratch, 'zonder-visie');
    mkdirSync(join(bare, '.obsidian'), { recursive: true });
    mkdirSync(join(bare, 'Lessen'), { recursive: true });
    writeFileSync(join(bare, 'Lessen/Les.md'), '# Les\n\nDe leerlingen lezen.\n');
    const cases: [string[], RegExp][] = [
      [['check', vault], /Name the lesson plan/],
      [['check', vault, 'Lessen/Bestaat niet.md', '--keyword-only'], /No note "Lessen\/Bestaat niet\.md"/],
      [['check', vault, PLAN, '--mode', 'snel'], /--mode must be extractive or model/],
      [['check', vault, PLAN, '--mode', 'model'], /No language model configured/],
      [['check', bare, 'Lessen/Les.md', '--keyword-only'], /No vision elements in/],
    ];
    for (const [argv, message] of cases) {
      const result = await cli(...argv);
      expect(result.code, argv.join(' ')).toBe(1);
      expect(result.err).toMatch(message);
      expect(result.err.split('\n')).toHaveLength(1);
    }
  });

  it('runs the model-assisted check against an OpenAI-compatible server, redacted and logged', async () => {
    const server = await startFakeOpenAiServer();
    try {
      noProvider();
      vi.stubEnv('VISIEWIJZER_BASE_URL', server.baseUrl);
      vi.stubEnv('VISIEWIJZER_MODEL', 'fake-model');
      const answer = {
        elements: [
          { id: 'E4', status: 'strong', evidence: [{ quote: 'De groepjes maken zelf een planning voor de vier weken' }], suggestions: [] },
          { id: 'E5', status: 'strong', evidence: [{ quote: 'Dit citaat staat nergens in de les.' }], suggestions: [] },
        ],
      };
      server.enqueue(reply.text(JSON.stringify(answer)));
      const result = await cli('check', vault, PLAN, '--keyword-only', '--mode', 'model', '--json');
      expect(result.code).toBe(0);
      const sent = server.requests[0]!.body;
      expect(sent).toContain('De groepjes maken zelf een planning');
      expect(sent).not.toContain('Marloes Bakker');
      const report = JSON.parse(result.out) as JsonReport;
      expect(report.mode).toBe('model');
      expect(report.elements).toHaveLength(8);
      const [ownership, collaboration] = [report.elements[3]!, report.elements[4]!];
      expect(ownership).toMatchObject({ title: 'Eigenaarschap', status: 'strong', verified: true });
      expect(ownership.evidence[0]).toMatchObject({ startLine: 13, endLine: 13 });
      expect(collaboration).toMatchObject({ title: 'Samenwerken', verified: false, evidence: [] });
      expect(result.err).toMatch(/quote\(s\) from the model were not found/);
      expect(result.err).toMatch(/Logged in .*audit\.jsonl/);
      const log = readFileSync(join(vault, '.obsidian/plugins/visiewijzer/audit.jsonl'), 'utf8').trim().split('\n');
      expect(log).toHaveLength(1);
    } finally {
      await server.close();
    }
  });
});
