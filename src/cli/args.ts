/** A user mistake on the command line or in its input: printed as one line, exit code 1. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
    this.name = 'CliError';
  }
}

export interface ParsedArgs {
  positional: string[];
  flags: Map<string, string | true>;
  /** Flags that may repeat (`--element a --element b`). */
  lists: Map<string, string[]>;
}

/**
 * Parses `cmd POS --flag value --switch`. `booleans` names the flags that take no value; unknown flags are
 * an error so a typo never silently changes what runs.
 */
export function parseArgs(argv: string[], known: { values: string[]; booleans: string[] }): ParsedArgs {
  const parsed: ParsedArgs = { positional: [], flags: new Map(), lists: new Map() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('--') || arg === '--') {
      parsed.positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (known.booleans.includes(name)) {
      parsed.flags.set(name, true);
    } else if (known.values.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined || value.startsWith('--')) throw new CliError(`--${name} needs a value`);
      parsed.flags.set(name, value);
      parsed.lists.set(name, [...(parsed.lists.get(name) ?? []), value]);
    } else {
      throw new CliError(`Unknown option --${name}. Run "visiewijzer help" for the options.`);
    }
  }
  return parsed;
}

export function flagString(args: ParsedArgs, name: string): string | undefined {
  const value = args.flags.get(name);
  return typeof value === 'string' ? value : undefined;
}

export function flagNumber(args: ParsedArgs, name: string, fallback: number): number {
  const value = flagString(args, name);
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new CliError(`--${name} must be a positive number, not "${value}"`);
  return number;
}
