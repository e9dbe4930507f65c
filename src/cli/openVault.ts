import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { VisionIndex } from '../core/visionIndex';
import type { Embedder } from '../core/index/types';
import { FolderNoteSource } from './folderNoteSource';
import { NodeIndexStorage } from './nodeIndexStorage';
import { CliError, flagString, type ParsedArgs } from './args';
import { chooseModel } from './modelOption';

export interface OpenedVault {
  index: VisionIndex;
  root: string;
  embedder: Embedder | null;
  notice: string | null;
}

/** Obsidian's default config folder name; a vault that renamed it is opened with --index-dir. */
const OBSIDIAN_CONFIG_DIR = '.obsidian';

/** The plugin's folder inside a vault, where the index and downloaded models live; null for a plain folder. */
export function pluginDirOf(root: string, configDir = OBSIDIAN_CONFIG_DIR): string | null {
  const config = join(root, configDir);
  return existsSync(config) ? join(config, 'plugins', 'visiewijzer') : null;
}

/** Opens VAULT with the index where the plugin keeps it (or `--index-dir`) and the chosen model. */
export async function openVault(vaultArg: string | undefined, args: ParsedArgs, options: { keywordOnly?: boolean } = {}): Promise<OpenedVault> {
  if (!vaultArg) throw new CliError('Name the vault folder, e.g. "visiewijzer index examples/vault"');
  const root = resolve(vaultArg);
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new CliError(`No such vault folder: ${vaultArg}`);
  const pluginDir = pluginDirOf(root);
  const indexDir = flagString(args, 'index-dir') ?? (pluginDir ? join(pluginDir, 'index') : null);
  if (!indexDir) throw new CliError(`${vaultArg} has no .obsidian folder, so there is no plugin folder for the index: pass --index-dir DIR`);
  const choice = options.keywordOnly ? { embedder: null, notice: null } : chooseModel(args, pluginDir);
  try {
    const index = await VisionIndex.open({ storage: new NodeIndexStorage(indexDir), source: new FolderNoteSource(root), embedder: choice.embedder });
    return { index, root, embedder: choice.embedder, notice: choice.notice };
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message : String(error));
  }
}
