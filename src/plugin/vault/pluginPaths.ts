/**
 * Where Visiewijzer keeps its files inside the vault: everything under the plugin's own folder in the
 * vault's configuration folder (`<configDir>/plugins/visiewijzer/`), never among the user's notes.
 */
import { normalizePath } from 'obsidian';
import { joinModelPath } from '../../core/embedding/modelFiles';

export interface PluginFolders {
  /** The plugin's folder, e.g. `.obsidian/plugins/visiewijzer`. */
  pluginDir: string;
  /** The index files. */
  indexDir: string;
  /** Downloaded models, one folder per model id (`models/Xenova/multilingual-e5-small`), as the CLI expects. */
  modelsDir: string;
}

/**
 * The folders for a plugin. `manifest.dir` is where Obsidian loaded the plugin from; the fallback
 * (built from `configDir`, never a hard-coded `.obsidian`) is only for hosts that leave it out.
 */
export function pluginFolders(manifest: { dir?: string; id: string }, configDir: string): PluginFolders {
  const pluginDir = normalizePath(manifest.dir ?? `${configDir}/plugins/${manifest.id}`);
  return {
    pluginDir,
    indexDir: normalizePath(`${pluginDir}/index`),
    modelsDir: normalizePath(`${pluginDir}/models`),
  };
}

/** The folder the model is read from: the user's own folder when set, else the plugin's download folder. */
export function modelFolder(folders: PluginFolders, settings: { modelId: string; localModelDir: string }): string {
  if (settings.localModelDir.trim() !== '') return normalizePath(settings.localModelDir);
  return normalizePath(joinModelPath(folders.modelsDir, settings.modelId));
}
