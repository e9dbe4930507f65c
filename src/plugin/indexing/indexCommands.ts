/** Command-palette commands for indexing. No default hotkeys; ids without the plugin id (Obsidian adds it). */
import type { Plugin } from 'obsidian';
import { t } from '../i18n/i18n';
import type { IndexActions } from './indexStatusBar';

export function registerIndexCommands(plugin: Pick<Plugin, 'addCommand'>, actions: IndexActions): void {
  plugin.addCommand({
    id: 'pause-indexing',
    name: t('command.pause'),
    checkCallback: (checking) => {
      if (actions.status.kind !== 'indexing') return false;
      if (!checking) {
        if (actions.paused) actions.resume();
        else actions.pause();
      }
      return true;
    },
  });
  plugin.addCommand({
    id: 'cancel-indexing',
    name: t('command.cancel'),
    checkCallback: (checking) => {
      if (actions.status.kind !== 'indexing') return false;
      if (!checking) actions.cancel();
      return true;
    },
  });
  plugin.addCommand({ id: 'update-index', name: t('command.update'), callback: () => void actions.update() });
  plugin.addCommand({ id: 'rebuild-index', name: t('command.rebuild'), callback: () => void actions.rebuild() });
}
