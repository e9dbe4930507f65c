/**
 * The index's files in the plugin folder, through Obsidian's vault adapter (the folder lives in the
 * configuration folder, which the Vault API does not see).
 *
 * Writes are atomic: the bytes go to `<name>.tmp`, which is then renamed over `<name>`. Obsidian does not
 * document whether `adapter.rename` replaces an existing file (the desktop adapter refuses), so when it
 * refuses, the old file is first moved aside to `<name>.old`. A crash at any point leaves either the old
 * or the new file complete under a name `read` finds.
 */
import type { DataAdapter } from 'obsidian';
import type { IndexStorage } from '../../core/index/types';

/** The part of `DataAdapter` this storage uses. */
export type IndexAdapter = Pick<DataAdapter, 'exists' | 'readBinary' | 'writeBinary' | 'rename' | 'remove' | 'mkdir'>;

const TEMP_SUFFIX = '.tmp';
const OLD_SUFFIX = '.old';

export class AdapterIndexStorage implements IndexStorage {
  /** Learned on the first replace: whether `rename` overwrites an existing target. */
  private renameOverwrites: boolean | null = null;

  /** @param folder Vault-relative, normalised folder (e.g. `.obsidian/plugins/visiewijzer/index`); need not exist. */
  constructor(private readonly adapter: IndexAdapter, readonly folder: string) {}

  async read(name: string): Promise<Uint8Array | null> {
    const target = this.pathOf(name);
    if (!(await this.adapter.exists(target))) {
      // Killed between "move old aside" and "move new in": the complete old file is under `.old`.
      const old = target + OLD_SUFFIX;
      if (!(await this.adapter.exists(old))) return null;
      await this.adapter.rename(old, target);
    }
    return new Uint8Array(await this.adapter.readBinary(target));
  }

  async write(name: string, data: Uint8Array): Promise<void> {
    const target = this.pathOf(name);
    const temp = target + TEMP_SUFFIX;
    await this.ensureFolder(this.folder);
    try {
      await this.adapter.writeBinary(temp, toArrayBuffer(data));
      await this.replace(temp, target);
    } catch (error) {
      await this.removeIfPresent(temp);
      throw error;
    }
  }

  async remove(name: string): Promise<void> {
    const target = this.pathOf(name);
    for (const path of [target, target + TEMP_SUFFIX, target + OLD_SUFFIX]) await this.removeIfPresent(path);
  }

  describe(): string {
    return this.folder;
  }

  /** Moves the finished temp file to the target, keeping the old target until the new one is in place. */
  private async replace(temp: string, target: string): Promise<void> {
    const targetExists = await this.adapter.exists(target);
    if (!targetExists || this.renameOverwrites !== false) {
      try {
        await this.adapter.rename(temp, target);
        if (targetExists) this.renameOverwrites = true;
        return;
      } catch (error) {
        if (!targetExists) throw error;
        this.renameOverwrites = false;
      }
    }
    const old = target + OLD_SUFFIX;
    await this.removeIfPresent(old);
    await this.adapter.rename(target, old);
    try {
      await this.adapter.rename(temp, target);
    } catch (error) {
      await this.adapter.rename(old, target);
      throw error;
    }
    await this.removeIfPresent(old);
  }

  private async ensureFolder(folder: string): Promise<void> {
    if (folder === '' || (await this.adapter.exists(folder))) return;
    const slash = folder.lastIndexOf('/');
    if (slash > 0) await this.ensureFolder(folder.slice(0, slash));
    await this.adapter.mkdir(folder);
  }

  private async removeIfPresent(path: string): Promise<void> {
    try {
      if (await this.adapter.exists(path)) await this.adapter.remove(path);
    } catch {
      // Clean-up is best effort; the next write replaces a leftover temp file anyway.
    }
  }

  private pathOf(name: string): string {
    // Names come from the core, but a separator or `..` would write outside the index folder.
    if (!name || name === '.' || name === '..' || /[\\/]/.test(name) || name.endsWith(TEMP_SUFFIX) || name.endsWith(OLD_SUFFIX)) {
      throw new Error(`Not a valid index file name: "${name}".`);
    }
    return `${this.folder}/${name}`;
  }
}

/** The exact bytes of a view as an ArrayBuffer (the adapter wants a whole buffer). */
function toArrayBuffer(data: Uint8Array): ArrayBuffer {
  if (data.byteOffset === 0 && data.byteLength === data.buffer.byteLength && data.buffer instanceof ArrayBuffer) return data.buffer;
  return data.slice().buffer;
}
