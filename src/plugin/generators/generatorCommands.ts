/**
 * The five generator commands: behaviour indicators, an observation form (kijkwijzer or flitsbezoek),
 * lesson ideas, reflection questions and the vision in a subject. Each opens the generator dialog.
 * Everything is built here, so `main.ts` only hands over the plugin's shared services. The vault is read
 * once for the dialogs and again after a note changes.
 */
import { requestUrl, type Plugin } from 'obsidian';
import type { GeneratorKind } from '../../core/generators';
import type { PassageSearch } from '../../core/llm/askVault';
import type { NoteSource } from '../../core/notes/types';
import { t, type MessageKey } from '../i18n/i18n';
import { watchVault } from '../indexing/vaultWatcher';
import type { AuditLogService } from '../provider/auditLogService';
import { confirmSend } from '../provider/sendPreviewModal';
import type { SettingsStore } from '../settings/settingsStore';
import { openGeneratorModal } from './generatorModal';
import { GeneratorService } from './generatorService';

export interface GeneratorCommandDeps {
  store: SettingsStore;
  index: PassageSearch;
  source: NoteSource;
  /** The AI log the ask command writes to; generators log to the same file. */
  audit: AuditLogService;
}

/** The commands, in palette order: id (without the plugin id), name, and the kind the dialog opens with. */
export const GENERATOR_COMMANDS: readonly { id: string; name: MessageKey; kind: GeneratorKind }[] = [
  { id: 'generate-indicators', name: 'command.generateIndicators', kind: 'indicators' },
  { id: 'create-observation-form', name: 'command.createObservationForm', kind: 'kijkwijzer' },
  { id: 'generate-lesson-ideas', name: 'command.generateLessonIdeas', kind: 'lesideeen' },
  { id: 'create-reflection-questions', name: 'command.createReflectionQuestions', kind: 'reflectie' },
  { id: 'show-vision-in-subject', name: 'command.showVisionInSubject', kind: 'vakvoorbeelden' },
];

/** Registers the five commands; returns the service, for `openGeneratorModal` from the lesson-check sidebar. */
export function registerGeneratorCommands(plugin: Plugin, deps: GeneratorCommandDeps): GeneratorService {
  const { app } = plugin;
  const service = new GeneratorService({
    settings: () => deps.store.current,
    index: deps.index,
    source: deps.source,
    vault: app.vault,
    secrets: app.secretStorage,
    requestUrl,
    audit: deps.audit,
    confirmSend: (preview, target) => confirmSend(app, preview, target),
    openNote: async (path) => {
      const file = app.vault.getFileByPath(path);
      if (file) await app.workspace.getLeaf('tab').openFile(file);
    },
  });
  for (const command of GENERATOR_COMMANDS) {
    plugin.addCommand({
      id: command.id,
      name: t(command.name),
      callback: () => {
        openGeneratorModal(app, service, command.kind);
      },
    });
  }
  plugin.register(deps.store.onChange((next, previous) => {
    if (JSON.stringify(next.folders) !== JSON.stringify(previous.folders)) service.invalidate();
  }));
  // After the layout is ready: Obsidian fires `create` for every file while it loads the vault.
  app.workspace.onLayoutReady(() => watchVault(app.vault, (ref) => plugin.registerEvent(ref), () => service.invalidate()));
  return service;
}
