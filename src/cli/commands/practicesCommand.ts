import { existsSync, statSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { CliIo } from '../cliIo';
import { CliError, flagString, parseArgs, type ParsedArgs } from '../args';
import { FolderNoteSource } from '../folderNoteSource';
import { LessonChecker } from '../../core/lessonCheck';
import { DEFAULT_ROLE_FOLDERS } from '../../core/notes/roles';
import { parseNote } from '../../core/notes/parseNote';
import {
  loadPracticesVault, localDate, overviewPathFor, planNewNotePaths, preselectedIds, renderOverview, renderPracticeNote,
  replaceOverviewBlock, splitIntoPractices, type PracticesVault, type SplitCandidate,
} from '../../core/practices';

const FLAGS = { values: ['folder'], booleans: ['json', 'write', 'all'] };

/**
 * `visiewijzer practices VAULT`: the good practices with their vision elements;
 * `practices overview VAULT [--write]`: the overview block, printed or written into `<folder>/Overzicht.md`;
 * `practices split VAULT NOTE [--write] [--all]`: the proposed split of a note, written only with --write.
 * Reads the notes directly (no index, no model): roles by frontmatter, tag or folder as everywhere.
 */
export async function practicesCommand(argv: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'overview') return overview(parseArgs(rest, FLAGS), io);
  if (sub === 'split') return split(parseArgs(rest, FLAGS), io);
  return list(parseArgs(argv, FLAGS), io);
}

interface Opened {
  root: string;
  folder: string;
  vault: PracticesVault;
}

async function open(args: ParsedArgs): Promise<Opened> {
  const vaultArg = args.positional[0];
  if (!vaultArg) throw new CliError('Name the vault folder, e.g. "visiewijzer practices examples/vault"');
  const root = resolve(vaultArg);
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new CliError(`No such vault folder: ${vaultArg}`);
  const folder = (flagString(args, 'folder') ?? DEFAULT_ROLE_FOLDERS.praktijk).replace(/^\/+|\/+$/g, '');
  if (folder === '' || folder.includes('..')) throw new CliError(`--folder must be a folder inside the vault, not "${flagString(args, 'folder')}"`);
  const vault = await loadPracticesVault(new FolderNoteSource(root), { folders: { ...DEFAULT_ROLE_FOLDERS, praktijk: folder } });
  return { root, folder, vault };
}

async function list(args: ParsedArgs, io: CliIo): Promise<number> {
  const { vault } = await open(args);
  for (const warning of vault.warnings) io.err(`Warning: ${warning}`);
  const records = vault.records;
  if (args.flags.has('json')) {
    io.out(JSON.stringify(records.map((r) => ({ path: r.path, title: r.title, elements: r.elementTitles, elementIds: r.elementIds, subject: r.subject, group: r.group, date: r.date }))));
    return 0;
  }
  if (records.length === 0) {
    io.out('No good practices found. Mark one with "visiewijzer: praktijk" in its frontmatter, the tag #goodpractice, or put it in the folder Good practices.');
    return 0;
  }
  const lines = [`${records.length} good practice(s):`, ''];
  for (const r of records) {
    lines.push(`${r.title}  (${r.path})`);
    lines.push(`  elements: ${r.elementTitles.join(', ') || '(none yet)'}`);
    const facts = [r.subject && `subject: ${r.subject}`, r.group && `group: ${r.group}`, r.date && `date: ${r.date}`].filter(Boolean);
    if (facts.length) lines.push(`  ${facts.join(' · ')}`);
  }
  io.out(lines.join('\n'));
  return 0;
}

async function overview(args: ParsedArgs, io: CliIo): Promise<number> {
  const { root, folder, vault } = await open(args);
  const block = renderOverview(vault.records, vault.elements, new Date());
  if (!args.flags.has('write')) {
    io.out(block);
    return 0;
  }
  const path = overviewPathFor(folder);
  const file = join(root, path);
  const existing = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, replaceOverviewBlock(existing ?? '', block), 'utf8');
  io.out(`${existing === null ? 'Wrote' : 'Updated'} ${path}: ${vault.records.length} good practice(s), ${vault.elements.length} vision element(s).`);
  return 0;
}

async function split(args: ParsedArgs, io: CliIo): Promise<number> {
  const noteArg = args.positional[1];
  if (!noteArg || noteArg.trim() === '') throw new CliError('Name the note to split, e.g. visiewijzer practices split examples/vault "Teamoverleg/2026-10-13 Studiemiddag leerteams"');
  const { root, folder, vault } = await open(args);
  const path = await resolveNote(root, noteArg);
  const markdown = await readFile(join(root, path), 'utf8');
  const note = parseNote(path, markdown);
  const checker = await LessonChecker.prepare(vault, null);
  const candidates = await splitIntoPractices(note, { markdown, checker });
  const chosen = args.flags.has('write') ? candidates.filter((c) => c.recommended || args.flags.has('all')) : [];
  const written = await writeCandidates(root, folder, path, note.frontmatter, chosen, vault);

  if (args.flags.has('json')) {
    io.out(JSON.stringify({ note: path, candidates: candidates.map(toJson), written }));
    return 0;
  }
  if (candidates.length === 0) {
    io.out(`${path} has no headings or top-level list items to split into good practices.`);
    return 0;
  }
  const lines = [`${candidates.length} candidate(s) in ${path} (✓ = proposed):`, ''];
  candidates.forEach((c, i) => {
    const where = c.startLine === c.endLine ? `line ${c.startLine}` : `lines ${c.startLine}-${c.endLine}`;
    lines.push(`${c.recommended ? '✓' : ' '} ${i + 1}. ${c.title}  (${where})`);
    const shown = c.suggested.filter((s) => s.score > 0).slice(0, 3);
    lines.push(`     elements: ${shown.map((s) => `${s.title} ${s.score.toFixed(2)}`).join(', ') || '(none found)'}`);
  });
  if (written.length > 0) lines.push('', ...written.map((p) => `Wrote ${p}`));
  else if (!args.flags.has('write')) lines.push('', 'Nothing written. Add --write to create the proposed ones (--all for every candidate); existing notes are never overwritten.');
  io.out(lines.join('\n'));
  return 0;
}

function toJson(c: SplitCandidate): unknown {
  return { title: c.title, startLine: c.startLine, endLine: c.endLine, kind: c.kind, recommended: c.recommended, elements: c.suggested.filter((s) => s.score > 0).map((s) => ({ id: s.id, title: s.title, score: s.score })), text: c.text };
}

/** New notes for the chosen candidates; `wx` makes the write fail rather than replace a note that appeared meanwhile. */
async function writeCandidates(root: string, folder: string, origin: string, frontmatter: Record<string, unknown>, chosen: readonly SplitCandidate[], vault: PracticesVault): Promise<string[]> {
  if (chosen.length === 0) return [];
  const paths = planNewNotePaths(folder, chosen.map((c) => c.title), (p) => existsSync(join(root, p)));
  const date = localDate(new Date());
  await mkdir(join(root, folder), { recursive: true });
  const written: string[] = [];
  for (const [i, candidate] of chosen.entries()) {
    const ids = new Set(preselectedIds(candidate.suggested));
    const elements = vault.elements.filter((e) => ids.has(e.id));
    const text = renderPracticeNote({
      title: candidate.title, subject: plain(frontmatter['vak']), group: plain(frontmatter['groep']), description: '',
      elements, origin, text: candidate.text, date,
    });
    await writeFile(join(root, paths[i]!), text, { encoding: 'utf8', flag: 'wx' });
    written.push(paths[i]!);
  }
  return written;
}

function plain(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

/** NOTE as a vault path (`Teamoverleg/X.md`, without `.md`) or a unique note name. */
async function resolveNote(root: string, noteArg: string): Promise<string> {
  const given = noteArg.replace(/\\/g, '/').replace(/^\/+/, '');
  if (given.split('/').includes('..')) throw new CliError(`NOTE must be a note inside the vault, not "${noteArg}"`);
  for (const candidate of [given, `${given}.md`]) if (candidate.toLowerCase().endsWith('.md') && existsSync(join(root, candidate))) return candidate;
  const name = given.replace(/\.md$/i, '').split('/').pop()?.toLowerCase();
  const matches = (await new FolderNoteSource(root).list()).filter((f) => f.path.replace(/\.md$/i, '').split('/').pop()?.toLowerCase() === name);
  if (matches.length === 1 && matches[0]) return matches[0].path;
  if (matches.length > 1) throw new CliError(`"${noteArg}" matches ${matches.length} notes; give the path, e.g. "${matches[0]?.path}"`);
  throw new CliError(`No note "${noteArg}" in ${root}`);
}
