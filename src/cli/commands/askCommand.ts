import { appendAuditLog, auditLogPath } from '../cliAuditLog';
import type { CliIo } from '../cliIo';
import { askVault, VISION_AND_POLICY_ROLES, type AskVaultResult } from '../../core/llm/askVault';
import { createAuditEntry } from '../../core/llm/auditLog';
import { OpenAiChatModel } from '../../core/llm/openAiChatModel';
import { hostOf, isLocalEndpoint, PRESET_LABELS } from '../../core/llm/presets';
import { PrivacyGuard } from '../../core/llm/privacyGuard';
import { isProviderError, scrubSecrets } from '../../core/llm/providerError';
import { RedactingChatModel } from '../../core/llm/redactingChatModel';
import type { ProviderConfig } from '../../core/llm/types';
import { CliError, flagNumber, flagString, parseArgs, type ParsedArgs } from '../args';
import { FolderNoteSource } from '../folderNoteSource';
import { openVault } from '../openVault';
import { NO_PROVIDER_MESSAGE, providerFromEnv } from '../providerEnv';
import { PRIVACY_FLAGS, vaultPrivacy } from '../vaultPrivacy';
import { INDEX_FLAGS } from './indexCommand';

const ASK_FLAGS = {
  values: [...INDEX_FLAGS.values, ...PRIVACY_FLAGS.values, 'k', 'lang'],
  booleans: [...INDEX_FLAGS.booleans, 'no-redact-local'],
};

type Lang = 'nl' | 'en';

function languageOf(args: ParsedArgs): Lang {
  const lang = flagString(args, 'lang');
  if (lang === undefined) return (process.env['LANG'] ?? '').toLowerCase().startsWith('nl') ? 'nl' : 'en';
  if (lang !== 'nl' && lang !== 'en') throw new CliError(`--lang must be nl or en, not "${lang}"`);
  return lang;
}

/** One entry in the AI log for the request this answer made. */
async function appendAudit(path: string, config: ProviderConfig, result: AskVaultResult): Promise<void> {
  const entry = createAuditEntry({
    config,
    model: result.model,
    sources: result.sources.map((s) => s.citation),
    redactedPrompt: result.sentPrompt,
    answer: result.rawAnswer,
    redactionCount: result.redactionCount,
  });
  await appendAuditLog(path, [entry], [config.apiKey]);
}

/**
 * `visiewijzer ask VAULT "QUESTION"`: answers from the vault's passages through the provider named in
 * the environment, always through the privacy guard (skipped only for a loopback server with
 * `--no-redact-local`), and logs what was sent in the AI log.
 */
export async function askCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, ASK_FLAGS);
  const [vaultArg, question] = args.positional;
  if (!question || question.trim() === '') throw new CliError('Give a question, e.g. visiewijzer ask examples/vault "Wat zegt onze visie over samenwerken?"');
  const lang = languageOf(args);
  const k = flagNumber(args, 'k', 6);
  const config = providerFromEnv(process.env);
  if (!config) throw new CliError(NO_PROVIDER_MESSAGE);

  const vault = await openVault(vaultArg, args);
  if (vault.notice) io.err(vault.notice);
  const log = auditLogPath(vault.root, args);
  await vault.index.update();
  const privacy = await vaultPrivacy(vault.root, args);
  const exempt = args.flags.has('no-redact-local');
  if (exempt && !isLocalEndpoint(config.baseUrl)) {
    io.err('--no-redact-local applies only to a server on this machine (localhost, 127.0.0.1, ::1): the text is redacted.');
  }
  const guard = new PrivacyGuard(privacy);
  const chatModel = new RedactingChatModel(new OpenAiChatModel(config), { redactor: guard.redactor, exemptLoopback: exempt });
  const source = new FolderNoteSource(vault.root);
  let result: AskVaultResult;
  try {
    result = await askVault({
      index: vault.index,
      readNote: (path) => source.read(path),
      chatModel,
      question,
      lang,
      k,
      roles: VISION_AND_POLICY_ROLES,
      excludePaths: privacy.rosterNotes,
      restore: (text) => guard.restore(text),
    });
  } catch (error) {
    if (isProviderError(error)) throw new CliError(error.messageIn(lang));
    throw error;
  }
  if (result.status === 'answered') await appendAudit(log, config, result);
  print(io, args, config, result, log);
  return 0;
}

function print(io: CliIo, args: ParsedArgs, config: ProviderConfig, result: AskVaultResult, log: string): void {
  // A server that echoes the key must not get it onto the screen.
  const answer = scrubSecrets(result.answer, [config.apiKey]);
  if (args.flags.has('json')) {
    const sources = result.sources.map(({ citation, path, heading, startLine, endLine }) => ({ citation, path, heading, startLine, endLine }));
    io.out(JSON.stringify({ status: result.status, answer, sources, model: result.model, redacted: result.redacted, redactionCount: result.redactionCount }));
  } else {
    const sources = result.sources.map((s) => `- ${s.citation} (${s.path}, lines ${s.startLine}-${s.endLine})`);
    io.out(sources.length > 0 ? `${answer}\n\nSources:\n${sources.join('\n')}` : answer);
  }
  if (result.status !== 'answered') return;
  const where = `${PRESET_LABELS[config.preset]} at ${hostOf(config.baseUrl)}, model ${result.model || config.model}`;
  const how = result.redacted ? `${result.redactionCount} redaction(s)` : 'not redacted (server on this machine, --no-redact-local)';
  io.err(`Sent to ${where}: ${how}. Logged in ${log}.`);
}
