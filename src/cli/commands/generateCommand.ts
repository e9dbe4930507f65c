/**
 * `visiewijzer generate KIND VAULT`: behaviour indicators, a kijkwijzer or flitsbezoek, lesson ideas,
 * reflection questions or subject examples from the vault, extractive (offline) or with the language
 * model named in the environment. Prints the note, `--json` the items, `--write` writes a new note in
 * `Visiewijzer/` without ever overwriting one.
 */
import { appendAuditLog, auditLogPath } from '../cliAuditLog';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { CliIo } from '../cliIo';
import { CliError, flagString, parseArgs, type ParsedArgs } from '../args';
import { FolderNoteSource } from '../folderNoteSource';
import { openVault } from '../openVault';
import { NO_PROVIDER_MESSAGE, providerFromEnv } from '../providerEnv';
import { PRIVACY_FLAGS, vaultPrivacy } from '../vaultPrivacy';
import { INDEX_FLAGS } from './indexCommand';
import { createAuditEntry } from '../../core/llm/auditLog';
import { OpenAiChatModel } from '../../core/llm/openAiChatModel';
import { isLocalEndpoint } from '../../core/llm/presets';
import { PrivacyGuard } from '../../core/llm/privacyGuard';
import { isProviderError } from '../../core/llm/providerError';
import { RedactingChatModel } from '../../core/llm/redactingChatModel';
import type { ProviderConfig } from '../../core/llm/types';
import {
  DEFAULT_GENERATOR_FOLDER,
  GENERATOR_KINDS,
  UnknownElementError,
  generate,
  noteBaseName,
  openGeneratorContext,
  pickElements,
  planNewNotePath,
  renderGeneratedNote,
  type GeneratorKind,
  type GeneratorResult,
  type ModelGeneratorOptions,
} from '../../core/generators';

const GENERATE_FLAGS = {
  values: [...INDEX_FLAGS.values, ...PRIVACY_FLAGS.values, 'element', 'subject', 'group', 'mode', 'lang', 'folder'],
  booleans: [...INDEX_FLAGS.booleans, 'write', 'levels', 'icalt', 'no-redact-local'],
};

type Lang = 'nl' | 'en';

function option<T extends string>(args: ParsedArgs, name: string, allowed: readonly T[], fallback: T): T {
  const value = flagString(args, name) ?? fallback;
  if (!allowed.includes(value as T)) throw new CliError(`--${name} must be ${allowed.join(' or ')}, not "${value}"`);
  return value as T;
}

/** One entry in the AI log per prompt sent. */
async function appendAudit(path: string, config: ProviderConfig, result: GeneratorResult): Promise<void> {
  const use = result.model;
  if (!use || use.sentPrompts.length === 0) return;
  const sources = [...new Set(result.items.flatMap((i) => i.sources))].map((s) => `[[${s}]]`);
  const entries = use.sentPrompts.map((prompt, i) =>
    createAuditEntry({ config, model: use.model, sources, redactedPrompt: prompt, answer: use.answers[i] ?? '', redactionCount: i === 0 ? use.redactionCount : 0 }),
  );
  await appendAuditLog(path, entries, [config.apiKey]);
}

/** Writes the note at a free path; a file that appears meanwhile is never overwritten (`wx`). */
async function writeNote(root: string, folder: string, baseName: string, markdown: string, source: FolderNoteSource): Promise<string> {
  const existing = new Set((await source.list()).map((f) => f.path));
  for (let attempt = 0; attempt < 20; attempt++) {
    const path = planNewNotePath(existing, folder, baseName);
    await mkdir(dirname(join(root, path)), { recursive: true });
    try {
      await writeFile(join(root, path), markdown, { encoding: 'utf8', flag: 'wx' });
      return path;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      existing.add(path);
    }
  }
  throw new CliError(`Could not find a free note name in ${folder}`);
}

async function modelOptions(root: string, args: ParsedArgs, io: CliIo, config: ProviderConfig): Promise<{ options: ModelGeneratorOptions; config: ProviderConfig }> {
  const privacy = await vaultPrivacy(root, args);
  const guard = new PrivacyGuard(privacy);
  const exempt = args.flags.has('no-redact-local');
  if (exempt && !isLocalEndpoint(config.baseUrl)) {
    io.err('--no-redact-local applies only to a server on this machine (localhost, 127.0.0.1, ::1): the text is redacted.');
  }
  const chatModel = new RedactingChatModel(new OpenAiChatModel(config), { redactor: guard.redactor, exemptLoopback: exempt });
  return { options: { chatModel, restore: (text) => guard.restore(text) }, config };
}

/** The `generate` command; see the module comment and `visiewijzer help`. */
export async function generateCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, GENERATE_FLAGS);
  const [kindArg, vaultArg] = args.positional;
  if (!kindArg || !GENERATOR_KINDS.includes(kindArg as GeneratorKind)) {
    throw new CliError(`Name what to generate: ${GENERATOR_KINDS.join(', ')}${kindArg ? ` (not "${kindArg}")` : ''}`);
  }
  const kind = kindArg as GeneratorKind;
  const mode = option(args, 'mode', ['extractive', 'model'] as const, 'extractive');
  const lang = option<Lang>(args, 'lang', ['nl', 'en'], 'nl');
  const subjects = args.lists.get('subject') ?? [];
  const group = flagString(args, 'group');
  // A missing model is said before any work is done.
  const provider = mode === 'model' ? providerFromEnv(process.env) : null;
  if (mode === 'model' && !provider) throw new CliError(NO_PROVIDER_MESSAGE);

  // Extractive output must not depend on whether a model happens to be on the machine: keyword search only.
  const vault = await openVault(vaultArg, args, { keywordOnly: mode === 'extractive' });
  if (vault.notice) io.err(vault.notice);
  await vault.index.update();
  const source = new FolderNoteSource(vault.root);
  const context = await openGeneratorContext(vault.index, source);
  for (const warning of context.vault.warnings) io.err(`Warning: ${warning}`);
  const requested = args.lists.get('element') ?? [];
  try {
    pickElements(context.vault, requested);
  } catch (error) {
    if (error instanceof UnknownElementError) throw new CliError(error.message);
    throw error;
  }

  const model = provider ? await modelOptions(vault.root, args, io, provider) : null;
  let result: GeneratorResult;
  try {
    result = await generate(
      { kind, elements: requested, subjects, ...(group ? { group } : {}), lang, levels: args.flags.has('levels'), icalt: args.flags.has('icalt') },
      context,
      model?.options,
    );
  } catch (error) {
    if (isProviderError(error)) throw new CliError(error.messageIn(lang));
    throw error;
  }
  if (model) await appendAudit(auditLogPath(vault.root, args), model.config, result);

  const elements = context.vault.elements;
  const markdown = renderGeneratedNote(result, { elements, ...(subjects.length === 1 ? { subject: subjects[0] } : {}), ...(group ? { group } : {}) });
  const folder = flagString(args, 'folder') ?? DEFAULT_GENERATOR_FOLDER;
  const written = args.flags.has('write') ? await writeNote(vault.root, folder, noteBaseName(result, elements), markdown, source) : null;

  if (args.flags.has('json')) {
    const items = result.items.map(({ text, element, sources, lint }) => ({ text, element, sources, lint }));
    io.out(JSON.stringify({ kind: result.kind, mode: result.mode, items, note: written }));
  } else {
    io.out(written ? `Wrote ${written}` : markdown.trimEnd());
  }
  return 0;
}
