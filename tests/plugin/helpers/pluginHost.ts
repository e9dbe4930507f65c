/**
 * Starts Visiewijzer in the stub host (`tests/stubs/obsidian.ts`) the way Obsidian would: construct,
 * `load()` (which runs `onload`), and later `finishLayout()` and `unload()`.
 *
 * Importing this loads `src/plugin/main.ts`, whose worker import (`inline-worker:`) exists only in the
 * esbuild build: test files that import it must `vi.mock` `src/plugin/embedding/spawnEmbeddingWorker`.
 */
import type { App as ObsidianApp, PluginManifest } from 'obsidian';
import { App, type Vault } from '../../stubs/obsidian';
import { addNotes } from './exampleVault';
import VisiewijzerPlugin from '../../../src/plugin/main';
import { modelFolderContents } from '../../../src/core/embedding/modelFiles';

export const MANIFEST: PluginManifest = {
  id: 'visiewijzer',
  name: 'Visiewijzer',
  version: '0.1.0',
  minAppVersion: '1.11.4',
  description: 'test',
  author: 'test',
  dir: '.obsidian/plugins/visiewijzer',
  isDesktopOnly: true,
};

export const PLUGIN_DIR = MANIFEST.dir!;
export const INDEX_DIR = `${PLUGIN_DIR}/index`;

/** Writes placeholder files for every file the model folder needs, so the model counts as present. */
export async function placeModelFiles(vault: Vault, modelId: string, ortVersion: string): Promise<void> {
  for (const entry of modelFolderContents(modelId, 'q8', ortVersion)) {
    const path = `${PLUGIN_DIR}/models/${modelId}/${entry.path}`;
    await vault.adapter.mkdir(path.slice(0, path.lastIndexOf('/')));
    await vault.adapter.writeBinary(path, new TextEncoder().encode('{}').buffer);
  }
}

export interface Host {
  app: App;
  plugin: VisiewijzerPlugin;
}

/** A fresh host with the given notes (and `data.json`, when given), with the plugin loaded but the layout not ready. */
export async function loadPlugin(options: { notes?: Map<string, string>; data?: unknown; before?: (app: App) => Promise<void> } = {}): Promise<Host> {
  const app = new App();
  addNotes(app.vault, options.notes ?? new Map());
  if (options.data !== undefined) {
    await app.vault.adapter.mkdir(PLUGIN_DIR);
    await app.vault.adapter.write(`${PLUGIN_DIR}/data.json`, JSON.stringify(options.data));
  }
  await options.before?.(app);
  app.vault.adapter.log.length = 0;
  const plugin = new VisiewijzerPlugin(app as unknown as ObsidianApp, MANIFEST);
  await (plugin as unknown as { load(): Promise<void> }).load();
  loaded.push(plugin);
  return { app, plugin };
}

const loaded: VisiewijzerPlugin[] = [];

/** Unloads every plugin `loadPlugin` started (call in `afterEach`), so no background work outlives its test. */
export function unloadAll(): void {
  for (const plugin of loaded.splice(0)) plugin.unload();
}

/** The status bar text of the plugin's item. */
export function statusBarText(app: App): string {
  return app.statusBarEl.findByClass('status-bar-item')?.textContent ?? '';
}
