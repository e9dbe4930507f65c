/**
 * `visiewijzer practices` in-process: the list (JSON shape and text), the overview printed or written
 * (the leader's text kept), and the split (shown; written only with --write; never over a note).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/runCli';
import { OVERVIEW_END, OVERVIEW_START } from '../../src/core/practices';

let scratch: string;
let vault: string;
const STUDY_DAY = 'Teamoverleg/Studiedag 2026-11-04 - wat werkt bij ons.md';

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Every file under the vault with its text, to prove what a command did not touch. */
function snapshot(): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string, prefix: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(join(dir, entry.name), rel);
      else files.set(rel, readFileSync(join(dir, entry.name), 'utf8'));
    }
  };
  walk(vault, '');
  return files;
}

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'visiewijzer-practices-'));
  vault = join(scratch, 'vault');
  cpSync(join(__dirname, '../../examples/vault'), vault, { recursive: true });
  cpSync(join(__dirname, '../practices/fixtures/Studiedag 2026-11-04 - wat werkt bij ons.md'), join(vault, STUDY_DAY));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('visiewijzer practices', () => {
  it('lists the practices with their elements as the documented JSON', async () => {
    const result = await cli('practices', vault, '--json');
    expect(result.code).toBe(0);
    const list = JSON.parse(result.out) as Record<string, unknown>[];
    expect(list).toHaveLength(5);
    for (const item of list) expect(Object.keys(item)).toEqual(['path', 'title', 'elements', 'elementIds', 'subject', 'group', 'date']);
    expect(list.find((p) => p['title'] === 'Maandagkring in groep 1-2')).toMatchObject({ elements: ['Samenwerken', 'Veiligheid en vertrouwen'], elementIds: ['kernwaarden/samenwerken', 'kernwaarden/veiligheid-en-vertrouwen'], group: '1-2', date: '2025-11-20' });
  });

  it('lists them readably, and says how to mark one when there are none', async () => {
    const result = await cli('practices', vault);
    expect(result.out).toContain('5 good practice(s):');
    expect(result.out).toContain('Planbord in groep 4  (Good practices/Planbord in groep 4.md)\n  elements: Eigenaarschap\n  subject: rekenen en taal · group: 4 · date: 2026-03-10');
    const empty = join(scratch, 'empty');
    cpSync(join(vault, 'Visie'), join(empty, 'Visie'), { recursive: true });
    expect((await cli('practices', empty)).out).toMatch(/^No good practices found/);
  });

  it('prints the overview without writing anything', async () => {
    const before = snapshot();
    const result = await cli('practices', 'overview', vault);
    expect(result.code).toBe(0);
    expect(result.out.startsWith(OVERVIEW_START)).toBe(true);
    expect(result.out.endsWith(OVERVIEW_END)).toBe(true);
    expect(result.out).toContain('**Eigenaarschap** (2)');
    expect(snapshot()).toEqual(before);
  });

  it("writes the overview with --write, and on a second run rewrites only its block, keeping the leader's text", async () => {
    const path = join(vault, 'Good practices/Overzicht.md');
    expect((await cli('practices', 'overview', vault, '--write')).out).toBe('Wrote Good practices/Overzicht.md: 5 good practice(s), 8 vision element(s).');
    const written = readFileSync(path, 'utf8');
    const above = '# Overzicht\n\nMijn inleiding, met   spaties.\n\n';
    const below = '\n\nOnder het blok: aantekeningen.\n';
    const block = written.slice(written.indexOf(OVERVIEW_START), written.indexOf(OVERVIEW_END) + OVERVIEW_END.length);
    writeFileSync(path, `${above}${block.replace('**Eigenaarschap** (2)', 'verouderd')}${below}`);
    expect((await cli('practices', 'overview', vault, '--write')).out).toMatch(/^Updated Good practices\/Overzicht\.md/);
    const rewritten = readFileSync(path, 'utf8');
    expect(rewritten.startsWith(above)).toBe(true);
    expect(rewritten.endsWith(below)).toBe(true);
    const middle = rewritten.slice(above.length, rewritten.length - below.length);
    // The same block as before (its date line aside: a run across midnight would change only that).
    expect(middle.split('\n').slice(2)).toEqual(block.split('\n').slice(2));
    // The overview is no practice of its own.
    expect(JSON.parse((await cli('practices', vault, '--json')).out)).toHaveLength(5);
  });

  it('shows the proposed split as JSON and writes nothing without --write', async () => {
    const before = snapshot();
    const result = await cli('practices', 'split', vault, STUDY_DAY, '--json');
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.out) as { note: string; candidates: Record<string, unknown>[]; written: string[] };
    expect(Object.keys(parsed)).toEqual(['note', 'candidates', 'written']);
    expect(parsed.note).toBe(STUDY_DAY);
    expect(parsed.written).toEqual([]);
    expect(parsed.candidates.map((c) => c['title'])).toEqual(['Stoplichtkaarten bij rekenen (groep 5)', 'Vertelkring met een voorwerp (groep 1-2)', 'Een eigen oplossing bij meten (groep 7)', 'Afsluiting']);
    for (const c of parsed.candidates) expect(Object.keys(c)).toEqual(['title', 'startLine', 'endLine', 'kind', 'recommended', 'elements', 'text']);
    expect(snapshot()).toEqual(before);
    expect((await cli('practices', 'split', vault, 'Studiedag 2026-11-04 - wat werkt bij ons')).out).toContain('Nothing written. Add --write');
  });

  it('writes the proposed candidates with --write, and a second run adds " 2" notes instead of overwriting', async () => {
    const before = snapshot();
    const first = await cli('practices', 'split', vault, STUDY_DAY, '--write');
    expect(first.code).toBe(0);
    const firstPaths = [...first.out.matchAll(/^Wrote (.+)$/gm)].map((m) => m[1]!);
    expect(firstPaths).toEqual(['Good practices/Stoplichtkaarten bij rekenen (groep 5).md', 'Good practices/Vertelkring met een voorwerp (groep 1-2).md', 'Good practices/Een eigen oplossing bij meten (groep 7).md']);
    const firstTexts = firstPaths.map((p) => readFileSync(join(vault, p), 'utf8'));
    expect(firstTexts[0]).toContain('bron: "[[Teamoverleg/Studiedag 2026-11-04 - wat werkt bij ons]]"');

    const second = JSON.parse((await cli('practices', 'split', vault, STUDY_DAY, '--write', '--all', '--json')).out) as { written: string[] };
    expect(second.written).toEqual(['Good practices/Stoplichtkaarten bij rekenen (groep 5) 2.md', 'Good practices/Vertelkring met een voorwerp (groep 1-2) 2.md', 'Good practices/Een eigen oplossing bij meten (groep 7) 2.md', 'Good practices/Afsluiting.md']);
    expect(firstPaths.map((p) => readFileSync(join(vault, p), 'utf8'))).toEqual(firstTexts);
    // Nothing but the new notes changed: the split note itself and every other note are as they were.
    const after = snapshot();
    for (const [path, text] of before) expect(after.get(path)).toBe(text);
    expect([...after.keys()].filter((p) => !before.has(p)).sort()).toEqual([...firstPaths, ...second.written].sort());
  });

  it('answers mistakes in one line with exit code 1', async () => {
    expect(await cli('practices', join(scratch, 'missing'))).toMatchObject({ code: 1, err: expect.stringMatching(/^visiewijzer: No such vault folder/) });
    expect(await cli('practices', 'split', vault)).toMatchObject({ code: 1, err: expect.stringMatching(/Name the note to split/) });
    expect(await cli('practices', 'split', vault, 'Bestaat niet')).toMatchObject({ code: 1, err: expect.stringMatching(/No note "Bestaat niet"/) });
    expect(await cli('practices', 'split', vault, '../buiten.md')).toMatchObject({ code: 1, err: expect.stringMatching(/inside the vault/) });
    expect(await cli('practices', vault, '--wrong')).toMatchObject({ code: 1, err: expect.stringMatching(/Unknown option --wrong/) });
    expect(existsSync(join(scratch, 'buiten.md'))).toBe(false);
  });
});
