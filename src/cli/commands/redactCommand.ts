import type { CliIo } from '../cliIo';
import { redact } from '../../core/privacy/redact';
import type { Finding, RedactOptions } from '../../core/privacy/types';
import { CliError, flagString, parseArgs } from '../args';
import { PRIVACY_FLAGS, schoolNames, vaultPrivacy } from '../vaultPrivacy';

const REDACT_FLAGS = { values: ['vault', ...PRIVACY_FLAGS.values], booleans: ['json'] };

/** "2 name, 1 email" */
function summary(findings: readonly Finding[]): string {
  if (findings.length === 0) return 'Nothing found to redact.';
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.type, (counts.get(f.type) ?? 0) + 1);
  return `Redacted ${findings.length}: ${[...counts].map(([type, n]) => `${n} ${type}`).join(', ')}.`;
}

/**
 * `visiewijzer redact [--vault VAULT] [--json] < text`: the text with personal data replaced by
 * placeholders. With `--json`, `{"text","findings":[{"type","start","end"}]}`, offsets into the input
 * (UTF-16 code units, as JavaScript counts). The mapping back to the originals is never printed.
 */
export async function redactCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, REDACT_FLAGS);
  if (args.positional.length > 0) {
    throw new CliError('redact reads the text from standard input, e.g. visiewijzer redact --vault VAULT < note.md');
  }
  const vault = flagString(args, 'vault');
  if (args.flags.has('roster') && !vault) throw new CliError('--roster names a note in a vault: pass --vault VAULT too');
  if (!io.readStdin) throw new CliError('No input: pipe the text in, e.g. visiewijzer redact < note.md');
  const options: RedactOptions = vault ? await vaultPrivacy(vault, args) : { keepTerms: schoolNames(args) };
  const text = await io.readStdin();
  const result = redact(text, options);
  if (args.flags.has('json')) {
    io.out(JSON.stringify({ text: result.text, findings: result.findings.map((f) => ({ type: f.type, start: f.start, end: f.end })) }));
    return 0;
  }
  // `out` ends the output with a newline of its own.
  io.out(result.text.replace(/\r?\n$/, ''));
  io.err(summary(result.findings));
  return 0;
}
