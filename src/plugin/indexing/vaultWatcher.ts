/**
 * Tells the index service when notes change. Registered after the layout is ready, because Obsidian
 * fires `create` for every file while it loads the vault and those are not changes.
 */
import { TFile, type EventRef, type TAbstractFile, type Vault } from 'obsidian';

/**
 * Calls `onChange` for every created, modified, deleted or renamed note. Deleting or renaming a folder
 * counts too (the notes inside it moved). `register` is `Plugin.registerEvent`, so unloading detaches.
 */
export function watchVault(vault: Pick<Vault, 'on'>, register: (ref: EventRef) => void, onChange: (path: string) => void): void {
  const changed = (file: TAbstractFile): void => {
    if (isNote(file)) onChange(file.path);
  };
  const moved = (file: TAbstractFile, oldPath?: string): void => {
    if (isNote(file) || !(file instanceof TFile) || oldPath?.toLowerCase().endsWith('.md')) onChange(file.path);
  };
  register(vault.on('create', changed));
  register(vault.on('modify', changed));
  register(vault.on('delete', (file) => moved(file)));
  register(vault.on('rename', (file, oldPath) => moved(file, oldPath)));
}

function isNote(file: TAbstractFile): file is TFile {
  return file instanceof TFile && file.extension.toLowerCase() === 'md';
}
