import type { CliIo } from './cliIo';
import { CliError } from './args';
import { indexCommand } from './commands/indexCommand';
import { searchCommand } from './commands/searchCommand';
import { elementsCommand } from './commands/elementsCommand';
import { redactCommand } from './commands/redactCommand';
import { askCommand } from './commands/askCommand';
import { generateCommand } from './commands/generateCommand';
import { checkCommand } from './commands/checkCommand';
import { practicesCommand } from './commands/practicesCommand';

const USAGE = `Visiewijzer: your school's vision, searchable and usable, on your own machine.

Usage:
  visiewijzer index VAULT [--model NAME] [--model-dir DIR] [--keyword-only] [--download] [--json]
  visiewijzer search VAULT "QUERY" [--k 5] [--role visie|beleid|les|praktijk] [--folder F] [--json]
  visiewijzer elements VAULT [--json]
  visiewijzer redact [--vault VAULT] [--roster PATH] [--school NAME] [--json] < text
  visiewijzer ask VAULT "QUESTION" [--k 6] [--roster PATH] [--school NAME] [--no-redact-local] [--lang nl|en] [--json]
  visiewijzer generate indicators|kijkwijzer|flitsbezoek|lesideeen|reflectie|vakvoorbeelden VAULT [--element ID]...
      [--subject S]... [--group G] [--mode extractive|model] [--levels] [--icalt] [--lang nl|en] [--json] [--write] [--folder F]
  visiewijzer check VAULT NOTE [--mode extractive|model] [--lang nl|en] [--json]   (a lesson plan against the vision)
  visiewijzer practices VAULT [--json] [--folder F]                 (good practices with their vision elements)
  visiewijzer practices overview VAULT [--write] [--folder F]       (the overview; --write updates F/Overzicht.md)
  visiewijzer practices split VAULT NOTE [--json] [--write [--all]] [--folder F]   (a note into good practices)

Model options (every command): --model NAME, --model-dir DIR (a local folder in the Hugging Face layout;
nothing is downloaded), --dtype q8|fp32, --keyword-only, --download (fetch the model once from the hub).
The index lives in VAULT/.obsidian/plugins/visiewijzer/index, or in --index-dir DIR.

ask, check and generate --mode model use the language model named by VISIEWIJZER_BASE_URL, VISIEWIJZER_MODEL and VISIEWIJZER_API_KEY
(optional: VISIEWIJZER_PROVIDER openai|azure|ollama|lmstudio|custom, VISIEWIJZER_TIMEOUT seconds). Personal
data is always redacted first, unless the server is on this machine and --no-redact-local is given; what was
sent is logged in VAULT/.obsidian/plugins/visiewijzer/audit.jsonl. The roster of names comes from the note or
folder "Leerlingen en medewerkers" (or --roster PATH) and from frontmatter personen: in every note.`;

const COMMANDS: Record<string, (argv: string[], io: CliIo) => Promise<number>> = {
  index: indexCommand,
  search: searchCommand,
  elements: elementsCommand,
  redact: redactCommand,
  ask: askCommand,
  generate: generateCommand,
  check: checkCommand,
  practices: practicesCommand,
};

/** Runs one CLI command and returns the exit code. Errors become one line on stderr, never a stack trace. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.out(USAGE);
    return name ? 0 : 1;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`visiewijzer: unknown command "${name}". Run "visiewijzer help".`);
    return 1;
  }
  try {
    return await command(rest, io);
  } catch (error) {
    io.err(`visiewijzer: ${describeError(error)}`);
    return error instanceof CliError ? error.exitCode : 1;
  }
}

function describeError(error: unknown): string {
  if (error instanceof CliError) return error.message;
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') return `permission denied: ${(error as NodeJS.ErrnoException).path ?? error.message}`;
    return error.message.split('\n')[0] ?? 'unknown error';
  }
  return String(error);
}
