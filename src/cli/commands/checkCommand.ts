import { appendAuditLog, auditLogPath } from '../cliAuditLog';
import { existsSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { CliIo } from '../cliIo';
import type { ParsedNote } from '../../core/notes/types';
import { parseNote } from '../../core/notes/parseNote';
import { citation } from '../../core/retrieval/citation';
import { createAuditEntry } from '../../core/llm/auditLog';
import { OpenAiChatModel } from '../../core/llm/openAiChatModel';
import { hostOf, PRESET_LABELS } from '../../core/llm/presets';
import { PrivacyGuard } from '../../core/llm/privacyGuard';
import { isProviderError } from '../../core/llm/providerError';
import { RedactingChatModel } from '../../core/llm/redactingChatModel';
import type { ProviderConfig } from '../../core/llm/types';
import { LessonChecker, checkLessonPlanWithModel, loadLessonCheckVault, type LessonCheckReport, type LessonCheckVault } from '../../core/lessonCheck';
import { CliError, flagString, parseArgs } from '../args';
import { FolderNoteSource } from '../folderNoteSource';
import { openVault } from '../openVault';
import { NO_PROVIDER_MESSAGE, providerFromEnv } from '../providerEnv';
import { PRIVACY_FLAGS, vaultPrivacy } from '../vaultPrivacy';
import { INDEX_FLAGS } from './indexCommand';

const CHECK_FLAGS = { values: [...INDEX_FLAGS.values, ...PRIVACY_FLAGS.values, 'mode', 'lang'], booleans: INDEX_FLAGS.booleans };

/**
 * `visiewijzer check VAULT NOTE [--mode extractive|model] [--json]`: checks a lesson plan against every
 * vision element of the vault. Extractive runs offline; model mode asks the provider named in the
 * environment, through the privacy guard, and logs what was sent in the AI log.
 */
export async function checkCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, CHECK_FLAGS);
  const [vaultArg, noteArg] = args.positional;
  if (!noteArg || noteArg.trim() === '') throw new CliError('Name the lesson plan, e.g. visiewijzer check examples/vault "Lessen/Groep 3 Gym - Vangen en gooien"');
  const mode = flagString(args, 'mode') ?? 'extractive';
  if (mode !== 'extractive' && mode !== 'model') throw new CliError(`--mode must be extractive or model, not "${mode}"`);
  const lang = flagString(args, 'lang') ?? 'nl';
  if (lang !== 'nl' && lang !== 'en') throw new CliError(`--lang must be nl or en, not "${lang}"`);
  const config = mode === 'model' ? providerFromEnv(process.env) : null;
  if (mode === 'model' && !config) throw new CliError(NO_PROVIDER_MESSAGE);

  const vault = await openVault(vaultArg, args);
  if (vault.notice) io.err(vault.notice);
  await vault.index.update();
  const notePath = await resolveNote(vault.root, noteArg);
  const roles = new Map([...vault.index.state.notes].map(([path, note]) => [path, note.role] as const));
  const inputs = await loadLessonCheckVault(new FolderNoteSource(vault.root), { roles });
  if (inputs.elements.length === 0) {
    throw new CliError(`No vision elements in ${vaultArg}: mark a vision note with "visiewijzer: visie" in its frontmatter, the tag #visie, or put it in the folder Visie`);
  }
  const role = inputs.roles.get(notePath) ?? null;
  if (role !== 'les') io.err(`Warning: ${notePath} is not marked as a lesson plan (${role ? `its role is ${role}` : 'no role'}); checking it anyway. Mark lesson plans with "visiewijzer: les", #lesplan, or the folder Lessen.`);
  const plan = findParsed(inputs, notePath) ?? parseNote(notePath, await new FolderNoteSource(vault.root).read(notePath));

  const checker = await LessonChecker.prepare(inputs, vault.embedder, { lang });
  let report: LessonCheckReport;
  if (config) {
    const privacy = await vaultPrivacy(vault.root, args);
    const guard = new PrivacyGuard(privacy);
    const model = new RedactingChatModel(new OpenAiChatModel(config), { redactor: guard.redactor });
    try {
      report = await checkLessonPlanWithModel({ ...inputs, plan, model, embedder: vault.embedder, checker, options: { lang, restore: (t) => guard.restore(t) } });
    } catch (error) {
      if (isProviderError(error)) throw new CliError(error.messageIn(lang));
      throw error;
    }
    const log = auditLogPath(vault.root, args);
    await appendAudit(log, config, report);
    io.err(`Sent to ${PRESET_LABELS[config.preset]} at ${hostOf(config.baseUrl)}, model ${config.model}: ${report.model?.redactionCount ?? 0} redaction(s). Logged in ${log}.`);
  } else {
    report = await checker.check(plan, { lang });
  }
  for (const warning of report.warnings) io.err(`Warning: ${warning}`);
  io.out(args.flags.has('json') ? JSON.stringify(toJson(report)) : formatReport(report));
  return 0;
}

/** The documented JSON shape, exactly these keys in this order. */
export function toJson(report: LessonCheckReport): unknown {
  return {
    note: report.note,
    mode: report.mode,
    elements: report.elements.map((e) => ({
      id: e.id,
      title: e.title,
      path: e.path,
      heading: e.heading,
      status: e.status,
      score: e.score,
      evidence: e.evidence.map((v) => ({ startLine: v.startLine, endLine: v.endLine, text: v.text, visionPath: v.visionPath, visionHeading: v.visionHeading })),
      suggestions: e.suggestions,
      verified: e.verified,
    })),
  };
}

const MARK = { strong: '●', partial: '◐', absent: '○' } as const;

/** A compact table: one line per element (mark and word, so colour is never needed), evidence and suggestions under it. */
export function formatReport(report: LessonCheckReport): string {
  const how = report.mode === 'model' ? `model-assisted (${report.model?.model ?? 'model'})` : `extractive, ${report.matching}`;
  const width = Math.max(...report.elements.map((e) => e.title.length), 7);
  const lines = [`Vision check of ${report.note} (${how})`, '', `  ${'status'.padEnd(9)} score  ${'element'.padEnd(width)}  vision`];
  for (const e of report.elements) {
    const unverified = e.verified ? '' : '  (a quote was not found and was left out)';
    lines.push(`${MARK[e.status]} ${e.status.padEnd(8)}  ${e.score.toFixed(2)}  ${e.title.padEnd(width)}  ${citation(e.path, e.heading)}${unverified}`);
    for (const v of e.evidence.slice(0, 2)) {
      const where = v.startLine === v.endLine ? `line ${v.startLine}` : `lines ${v.startLine}-${v.endLine}`;
      lines.push(`      ${where}: ${shorten(v.text, 110)}`);
    }
    for (const s of e.suggestions) lines.push(`      → ${s}`);
  }
  return lines.join('\n');
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** NOTE as a vault path: `Lessen/X.md`, `Lessen/X`, a path on disk inside the vault, or a unique note name. */
async function resolveNote(root: string, noteArg: string): Promise<string> {
  const asDisk = isAbsolute(noteArg) ? noteArg : resolve(noteArg);
  const candidates = [noteArg, `${noteArg}.md`].map((p) => p.replace(/\\/g, '/').replace(/^\/+/, ''));
  for (const candidate of candidates) if (existsSync(join(root, candidate))) return candidate;
  for (const onDisk of [asDisk, `${asDisk}.md`]) {
    const rel = relative(root, onDisk);
    if (!rel.startsWith('..') && !isAbsolute(rel) && existsSync(onDisk)) return rel.split('\\').join('/');
  }
  const name = noteArg.replace(/\.md$/i, '').split('/').pop()?.toLowerCase();
  const matches = (await new FolderNoteSource(root).list()).filter((f) => f.path.replace(/\.md$/i, '').split('/').pop()?.toLowerCase() === name);
  if (matches.length === 1 && matches[0]) return matches[0].path;
  if (matches.length > 1) throw new CliError(`"${noteArg}" matches ${matches.length} notes; give the path, e.g. "${matches[0]?.path}"`);
  throw new CliError(`No note "${noteArg}" in ${root}`);
}

function findParsed(inputs: LessonCheckVault, path: string): ParsedNote | undefined {
  return [...inputs.corpus, ...inputs.practices, ...inputs.policy, ...inputs.visionNotes].find((n) => n.path === path);
}

/** One entry in the AI log per request the model check made. */
async function appendAudit(path: string, config: ProviderConfig, report: LessonCheckReport): Promise<void> {
  const use = report.model;
  if (!use) return;
  const sources = [...new Set(report.elements.map((e) => citation(e.path, e.heading)))];
  const entries = use.requests.map((request) =>
    createAuditEntry({ config, model: use.model, sources, redactedPrompt: request.sentPrompt, answer: request.answer, redactionCount: request.redactionCount }),
  );
  await appendAuditLog(path, entries, [config.apiKey]);
}
