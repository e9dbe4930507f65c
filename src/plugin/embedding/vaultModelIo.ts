/**
 * Obsidian implementations of the downloader's and embedder's I/O: the vault adapter for files and
 * `requestUrl` for downloads (no CORS limits). Type-only imports keep this file loadable in tests.
 */
import type { DataAdapter, RequestUrlParam, RequestUrlResponsePromise } from 'obsidian';
import type { FetchBytes, ModelFileStore } from './modelDownloader';

/** The model files as the vault adapter sees them (paths relative to the vault root). */
export function vaultModelStore(adapter: DataAdapter): ModelFileStore {
  return {
    exists: (path) => adapter.exists(path),
    async write(path, bytes) {
      await ensureFolder(adapter, parentOf(path));
      await adapter.writeBinary(path, bytes);
    },
    async rename(from, to) {
      if (await adapter.exists(to)) await adapter.remove(to);
      await adapter.rename(from, to);
    },
    remove: (path) => adapter.remove(path),
  };
}

/** `readFile` for `WorkerEmbedder`. */
export function vaultReadFile(adapter: DataAdapter): (path: string) => Promise<ArrayBuffer> {
  return (path) => adapter.readBinary(path);
}

/**
 * `FetchBytes` on Obsidian's `requestUrl`. It delivers the body in one piece, so progress within a
 * file is reported only at its end, and an abort takes effect once the file has arrived.
 */
export function requestUrlFetchBytes(requestUrl: (request: RequestUrlParam) => RequestUrlResponsePromise): FetchBytes {
  return async (url, onProgress) => {
    const response = await requestUrl({ url, method: 'GET', throw: false });
    if (response.status < 200 || response.status >= 300) throw new Error(`HTTP ${response.status}`);
    const bytes = response.arrayBuffer;
    onProgress(bytes.byteLength, bytes.byteLength);
    return bytes;
  };
}

function parentOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash <= 0 ? '' : path.slice(0, slash);
}

async function ensureFolder(adapter: DataAdapter, folder: string): Promise<void> {
  if (folder === '' || (await adapter.exists(folder))) return;
  await ensureFolder(adapter, parentOf(folder));
  await adapter.mkdir(folder);
}
