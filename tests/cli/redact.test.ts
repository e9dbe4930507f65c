/** `visiewijzer redact`: text from stdin, the documented JSON shape with offsets into the input, the vault's roster. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/runCli';
import { PII_TYPES } from '../../src/core/privacy/types';

let scratch: string;
let vault: string;

async function cli(stdin: string | undefined, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t), ...(stdin === undefined ? {} : { readStdin: async () => stdin }) };
  const code = await runCli(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'visiewijzer-redact-'));
  vault = join(scratch, 'vault');
  cpSync(join(__dirname, '../../examples/vault'), vault, { recursive: true });
  writeFileSync(join(vault, 'Leerlingen en medewerkers.md'), '# Leerlingen en medewerkers\n\n## Leerlingen\n\n- Bo Kok\n\n## Team\n\n- Wessel Bouma\n');
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const INPUT = 'Gesprek met moeder van Daan de Boer (groep 5), tel. 06-12345678.\nMail: fam.deboer@example.nl, BSN 111222333.\n';

describe('visiewijzer redact', () => {
  it('prints {"text","findings":[{"type","start","end"}]} with offsets into the input', async () => {
    const result = await cli(INPUT, 'redact', '--json');
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.out) as { text: string; findings: { type: string; start: number; end: number }[] };
    expect(Object.keys(parsed)).toEqual(['text', 'findings']);
    for (const f of parsed.findings) {
      expect(Object.keys(f)).toEqual(['type', 'start', 'end']);
      expect(PII_TYPES).toContain(f.type);
    }
    const found = parsed.findings.map((f) => [f.type, INPUT.slice(f.start, f.end)]);
    expect(found).toEqual([['name', 'Daan de Boer'], ['phone', '06-12345678'], ['email', 'fam.deboer@example.nl'], ['bsn', '111222333']]);
    expect(parsed.text).not.toMatch(/Daan|06-1234|deboer@|111222333/);
    expect(parsed.text).toMatch(/^Gesprek met moeder van \[LEERLING-1\] \(groep 5\)/);
  });

  it('prints the redacted text, and a summary on stderr', async () => {
    const result = await cli('Juf Anouk Mulder belt 06-12345678.\n', 'redact');
    expect(result.out).toBe('Juf [PERSOON-1] belt [TELEFOON-1].');
    expect(result.err).toBe('Redacted 2: 1 name, 1 phone.');
  });

  it('with --vault, knows the roster note and keeps the vision element titles', async () => {
    const text = 'Bo Kok werkt aan Eigenaarschap en Samenwerken met Wessel Bouma.';
    const plain = JSON.parse((await cli(text, 'redact', '--json')).out) as { text: string };
    expect(plain.text).toContain('Bo Kok');
    const withVault = await cli(text, 'redact', '--vault', vault, '--json');
    expect(withVault.code).toBe(0);
    expect((JSON.parse(withVault.out) as { text: string }).text).toBe('[LEERLING-1] werkt aan Eigenaarschap en Samenwerken met [PERSOON-1].');
  });

  it('keeps a school name given with --school', async () => {
    const text = 'Op Basisschool Fleur Jansen leren we samen.';
    expect((await cli(text, 'redact')).out).not.toContain('Fleur Jansen');
    expect((await cli(text, 'redact', '--school', 'Basisschool Fleur Jansen')).out).toBe(text);
  });

  it('answers misuse with one line and exit code 1', async () => {
    const cases: [string | undefined, string[], RegExp][] = [
      ['x', ['redact', 'tekst.md'], /reads the text from standard input/],
      ['x', ['redact', '--roster', 'Namen'], /--roster names a note in a vault/],
      [undefined, ['redact'], /No input: pipe the text in/],
      ['x', ['redact', '--vault', join(scratch, 'nergens')], /No such vault folder/],
    ];
    for (const [stdin, argv, message] of cases) {
      const result = await cli(stdin, ...argv);
      expect(result.code, argv.join(' ')).toBe(1);
      expect(result.err).toMatch(message);
      expect(result.err.split('\n')).toHaveLength(1);
    }
  });
});
