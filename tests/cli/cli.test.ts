import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/runCli';
import { TEST_MODEL_DIR, TEST_MODEL_ID } from '../helpers/testModel';

let vault: string;
let scratch: string;

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'visiewijzer-cli-'));
  vault = join(scratch, 'vault');
  cpSync(join(__dirname, '../../examples/vault'), vault, { recursive: true });
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('visiewijzer CLI', () => {
  it('indexes keyword-only with a notice when no model is on the machine, in the vault plugin folder', async () => {
    const result = await cli('index', vault, '--json');
    expect(result.code).toBe(0);
    expect(result.err).toMatch(/No embedding model found.*keyword-only/);
    const report = JSON.parse(result.out) as Record<string, unknown>;
    expect(Object.keys(report)).toEqual(['notes', 'chunks', 'embedded', 'reused', 'removed', 'skipped', 'mode', 'model']);
    expect(report).toMatchObject({ notes: 31, embedded: 0, removed: 0, skipped: [], mode: 'keyword-only', model: null });
  });

  it('indexes with a local model folder, and embeds nothing the second time', async () => {
    const first = JSON.parse((await cli('index', vault, '--model-dir', TEST_MODEL_DIR, '--json')).out) as { chunks: number; embedded: number; mode: string; model: string };
    expect(first.mode).toBe('hybrid');
    expect(first.model).toBe(TEST_MODEL_ID);
    expect(first.embedded).toBe(first.chunks);
    const second = JSON.parse((await cli('index', vault, '--model-dir', TEST_MODEL_DIR, '--json')).out) as { embedded: number; reused: number };
    expect(second).toMatchObject({ embedded: 0, reused: first.chunks });
  });

  it('counts exactly the changed chunk after one edit', async () => {
    const path = join(vault, 'Beleid/Toetsbeleid.md');
    writeFileSync(path, '# Toetsbeleid\n\nWe bespreken toetsen met de kinderraad.\n');
    const report = JSON.parse((await cli('index', vault, '--model-dir', TEST_MODEL_DIR, '--json')).out) as { embedded: number };
    expect(report.embedded).toBe(1);
  });

  it('searches with role filter and prints the documented JSON shape, best first', async () => {
    const result = await cli('search', vault, 'samenwerking in groepjes', '--k', '3', '--role', 'visie', '--model-dir', TEST_MODEL_DIR, '--json');
    expect(result.code).toBe(0);
    const hits = JSON.parse(result.out) as Record<string, unknown>[];
    expect(hits).toHaveLength(3);
    for (const hit of hits) expect(Object.keys(hit)).toEqual(['path', 'heading', 'startLine', 'endLine', 'snippet', 'score']);
    expect(hits[0]).toMatchObject({ path: 'Visie/Kernwaarden.md', heading: 'Samenwerken' });
    const scores = hits.map((h) => h.score as number);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('prints readable results with [[note#heading]] citations', async () => {
    const result = await cli('search', vault, 'kinderraad', '--keyword-only');
    expect(result.out).toMatch(/^1\. \[\[Beleid\/Toetsbeleid\]\]|\[\[.*#.*\]\]/m);
  });

  it('lists the vision elements as JSON', async () => {
    const result = await cli('elements', vault, '--json');
    const elements = JSON.parse(result.out) as { id: string; title: string; indicators: string[] }[];
    expect(elements.map((e) => e.title)).toEqual([
      'Pijler 1: Rijke taal', 'Pijler 2: Leren zichtbaar maken', 'Pijler 3: De school als gemeenschap',
      'Eigenaarschap', 'Samenwerken', 'Nieuwsgierigheid', 'Veiligheid en vertrouwen', 'Creativiteit',
    ]);
    expect(Object.keys(elements[0] ?? {})).toEqual(['id', 'title', 'description', 'indicators', 'path', 'heading', 'startLine', 'endLine']);
    expect(elements.every((e) => e.indicators.length >= 4)).toBe(true);
  });

  it('answers bad input with one clear line and a non-zero exit, never a stack trace', async () => {
    const cases: [string[], RegExp][] = [
      [['index', join(scratch, 'bestaat-niet')], /No such vault folder/],
      [['index', vault, '--model-dir', join(scratch, 'geen-model')], /Model folder not found/],
      [['index', vault, '--model', 'Xenova/onbekend'], /not on this machine/],
      [['index', vault, '--modle', 'x'], /Unknown option --modle/],
      [['search', vault], /Give a query/],
      [['search', vault, 'x', '--role', 'leerling'], /--role must be one of/],
      [['search', vault, 'x', '--k', 'nul'], /--k must be a positive number/],
      [['index', scratch], /no .obsidian folder.*--index-dir/],
      [['opruimen'], /unknown command/],
    ];
    for (const [argv, message] of cases) {
      const result = await cli(...argv);
      expect(result.code, argv.join(' ')).toBe(1);
      expect(result.err).toMatch(message);
      expect(result.err.split('\n')).toHaveLength(1);
      expect(result.err).not.toMatch(/\n\s+at /);
    }
  });
});
