/** The privacy guard's knowledge of a vault on disk (roster, keep-terms), from the CLI's options. */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadPrivacyContext, type PrivacyContext } from '../core/privacy/rosterLoader';
import { CliError, type ParsedArgs } from './args';
import { FolderNoteSource } from './folderNoteSource';

/** `--roster PATH` (a note or folder in the vault) and `--school NAME` (repeatable). */
export const PRIVACY_FLAGS = { values: ['roster', 'school'], booleans: [] as string[] };

/** The school names given with `--school`, each kept from redaction. */
export function schoolNames(args: ParsedArgs): string[] {
  return args.lists.get('school') ?? [];
}

/** Reads the vault folder for the roster and keep-terms. */
export async function vaultPrivacy(vaultArg: string, args: ParsedArgs): Promise<PrivacyContext> {
  const root = resolve(vaultArg);
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new CliError(`No such vault folder: ${vaultArg}`);
  const roster = args.flags.get('roster');
  return loadPrivacyContext(new FolderNoteSource(root), {
    ...(typeof roster === 'string' ? { rosterPath: roster } : {}),
    schoolNames: schoolNames(args),
  });
}
