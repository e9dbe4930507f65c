/**
 * The commands of the optional language model: ask the vision and policy, open the AI log, clear it.
 * Everything they need is built here, so `main.ts` only hands over the plugin's shared services.
 */
import { requestUrl, type Plugin } from 'obsidian';
import type { PassageSearch } from '../../core/llm/askVault';
import type { NoteSource } from '../../core/notes/types';
import { t } from '../i18n/i18n';
import { notify, reportError } from '../messages';
import type { SettingsStore } from '../settings/settingsStore';
import { aiSettingsOf } from './aiSettings';
import { askQuestion } from './askModal';
import { AskService } from './askService';
import { AuditLogModal } from './auditLogModal';
import { AuditLogService } from './auditLogService';
import { confirm } from './confirmModal';
import { confirmSend } from './sendPreviewModal';

export interface ProviderCommandDeps {
  store: SettingsStore;
  index: PassageSearch;
  source: NoteSource;
  /** The plugin folder, where `audit.jsonl` is kept. */
  pluginDir: string;
}

export function registerProviderCommands(plugin: Plugin, deps: ProviderCommandDeps): { ask: AskService; audit: AuditLogService } {
  const { app } = plugin;
  const audit = new AuditLogService(app.vault.adapter, deps.pluginDir);
  const ask = new AskService({
    settings: () => deps.store.current,
    index: deps.index,
    source: deps.source,
    vault: app.vault,
    secrets: app.secretStorage,
    requestUrl,
    audit,
    confirmSend: (preview, target) => confirmSend(app, preview, target),
    openNote: async (path) => {
      const file = app.vault.getFileByPath(path);
      if (file) await app.workspace.getLeaf('tab').openFile(file);
    },
  });

  const clearLog = async (): Promise<boolean> => {
    const yes = await confirm(app, { title: t('log.confirm.title'), message: t('log.confirm.message'), confirm: t('log.confirm.ok'), cancel: t('log.confirm.cancel') });
    if (!yes) return false;
    try {
      notify(t('log.cleared', { count: await audit.clear() }));
      return true;
    } catch (error) {
      reportError(error, 'error.log');
      return false;
    }
  };

  plugin.addCommand({
    id: 'ask-vision',
    name: t('command.ask'),
    callback: async () => {
      const missing = ask.missingSetup();
      if (missing) {
        notify(missing);
        return;
      }
      const request = await askQuestion(app, aiSettingsOf(deps.store.current).alwaysPreview);
      if (request) await ask.ask(request);
    },
  });
  plugin.addCommand({
    id: 'open-ai-log',
    name: t('command.openLog'),
    callback: async () => {
      try {
        new AuditLogModal(app, await audit.entries(), audit.path, clearLog).open();
      } catch (error) {
        reportError(error, 'error.log');
      }
    },
  });
  plugin.addCommand({ id: 'clear-ai-log', name: t('command.clearLog'), callback: () => void clearLog() });
  return { ask, audit };
}
