/**
 * Fetches a model's files (and the onnxruntime `.wasm`) into a folder, once, after the user agreed.
 * All I/O is injected: the plugin passes `requestUrl` and the vault adapter (see `vaultModelIo.ts`),
 * tests pass fakes. Nothing here runs without an explicit call.
 */
import {
  joinModelPath,
  modelFolderContents,
  type ModelDtype,
  type ModelFileEntry,
} from '../../core/embedding/modelFiles';

/** Reads a URL completely; calls `onProgress` as bytes arrive (at least once, at the end). Throws on HTTP errors. */
export type FetchBytes = (
  url: string,
  onProgress: (receivedBytes: number, totalBytes: number | null) => void,
  signal?: AbortSignal,
) => Promise<ArrayBuffer>;

/** The few file operations the downloader needs, on paths as the store understands them. */
export interface ModelFileStore {
  exists: (path: string) => Promise<boolean>;
  /** Writes a whole file, creating missing parent folders. */
  write: (path: string, bytes: ArrayBuffer) => Promise<void>;
  /** Moves a file, replacing `to` if it exists. */
  rename: (from: string, to: string) => Promise<void>;
  remove: (path: string) => Promise<void>;
}

/** Where a download stands; sent before, during and after each file. */
export interface DownloadProgress {
  /** Path inside the model folder, e.g. `onnx/model_quantized.onnx`. */
  file: string;
  /** 1-based position of this file, out of `fileCount`. */
  fileIndex: number;
  fileCount: number;
  fileBytes: number;
  /** Null while the server has not said how large the file is. */
  fileTotal: number | null;
  /** Bytes received in this run, over all files. */
  totalBytes: number;
  /** True when the file was already there and is not downloaded again. */
  skipped: boolean;
}

export interface DownloadModelOptions {
  modelId: string;
  dtype: ModelDtype;
  /** onnxruntime-web version bundled into the worker (`ORT_WEB_VERSION`); picks the `.wasm`. */
  ortVersion: string;
  /** The model folder, e.g. `<plugin folder>/models/Xenova/multilingual-e5-small`. */
  targetDir: string;
  fetchBytes: FetchBytes;
  store: ModelFileStore;
  onProgress?: (progress: DownloadProgress) => void;
  signal?: AbortSignal;
}

export interface DownloadResult {
  downloaded: string[];
  skipped: string[];
  bytes: number;
}

/** Thrown when the user cancelled; files already completed stay, the one in progress is removed. */
export class DownloadCancelledError extends Error {
  constructor() {
    super('Download geannuleerd.');
    this.name = 'DownloadCancelledError';
  }
}

/** Suffix of the temporary name a file has until it is complete. */
export const PARTIAL_SUFFIX = '.part';

/**
 * Downloads every missing file of the model folder, one by one: each to `<name>.part`, checked, then
 * renamed, so an interrupted download never leaves a half file under the real name.
 */
export async function downloadModel(options: DownloadModelOptions): Promise<DownloadResult> {
  const { modelId, dtype, ortVersion, targetDir, fetchBytes, store, onProgress, signal } = options;
  const entries = modelFolderContents(modelId, dtype, ortVersion);
  const result: DownloadResult = { downloaded: [], skipped: [], bytes: 0 };
  const fileCount = entries.length;

  for (const [index, entry] of entries.entries()) {
    throwIfCancelled(signal);
    const finalPath = joinModelPath(targetDir, entry.path);
    const report = (fileBytes: number, fileTotal: number | null, skipped: boolean): void =>
      onProgress?.({ file: entry.path, fileIndex: index + 1, fileCount, fileBytes, fileTotal, totalBytes: result.bytes + fileBytes, skipped });

    if (await store.exists(finalPath)) {
      result.skipped.push(entry.path);
      report(0, null, true);
      continue;
    }
    report(0, null, false);
    const bytes = await fetchChecked(entry, fetchBytes, (received, total) => report(received, total, false), signal);
    throwIfCancelled(signal); // requestUrl cannot be aborted: drop what it returned
    await writeThenRename(store, finalPath, bytes, signal);
    report(bytes.byteLength, bytes.byteLength, false);
    result.bytes += bytes.byteLength;
    result.downloaded.push(entry.path);
  }
  return result;
}

/** A file the model folder lacks, with where it can be downloaded by hand. */
export interface ModelProblem {
  path: string;
  url: string;
  kind: ModelFileEntry['kind'];
}

/**
 * Which files are missing from a model folder (empty when it is complete). For users who place the
 * files by hand: the message can list the paths and URLs.
 */
export async function findModelProblems(options: {
  dir: string;
  modelId: string;
  dtype: ModelDtype;
  ortVersion: string;
  exists: (path: string) => Promise<boolean>;
}): Promise<ModelProblem[]> {
  const { dir, modelId, dtype, ortVersion, exists } = options;
  const entries = modelFolderContents(modelId, dtype, ortVersion);
  const present = await Promise.all(entries.map((e) => exists(joinModelPath(dir, e.path))));
  return entries.filter((_, i) => !present[i]).map(({ path, url, kind }) => ({ path, url, kind }));
}

/** A Dutch explanation of missing files, for a notice or the settings tab. */
export function describeModelProblems(dir: string, problems: ModelProblem[]): string {
  if (problems.length === 0) return `De modelmap ${dir} is compleet.`;
  const lines = problems.map((p) => `- ${p.path} (te downloaden van ${p.url})`);
  return [`In de modelmap ${dir} ontbreken ${problems.length} bestand(en):`, ...lines].join('\n');
}

async function fetchChecked(
  entry: ModelFileEntry,
  fetchBytes: FetchBytes,
  onProgress: (received: number, total: number | null) => void,
  signal: AbortSignal | undefined,
): Promise<ArrayBuffer> {
  let bytes: ArrayBuffer;
  try {
    bytes = await fetchBytes(entry.url, onProgress, signal);
  } catch (error) {
    if (signal?.aborted) throw new DownloadCancelledError();
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(`Downloaden van ${entry.url} mislukt: ${detail}`);
  }
  const problem = contentProblem(entry.path, bytes);
  if (problem) throw new Error(`${entry.url} gaf geen bruikbaar bestand: ${problem}.`);
  return bytes;
}

/** Catches the usual bad answers (an HTML error page, an empty body) before they are stored. */
function contentProblem(path: string, bytes: ArrayBuffer): string | null {
  if (bytes.byteLength === 0) return 'het bestand is leeg';
  if (path.endsWith('.json')) {
    try {
      JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      return 'geen geldige JSON';
    }
  }
  if (path.endsWith('.wasm')) {
    const magic = new Uint8Array(bytes, 0, Math.min(4, bytes.byteLength));
    if (magic.length < 4 || magic[0] !== 0x00 || magic[1] !== 0x61 || magic[2] !== 0x73 || magic[3] !== 0x6d) {
      return 'geen WebAssembly';
    }
  }
  return null;
}

async function writeThenRename(store: ModelFileStore, finalPath: string, bytes: ArrayBuffer, signal?: AbortSignal): Promise<void> {
  const partPath = finalPath + PARTIAL_SUFFIX;
  try {
    await store.write(partPath, bytes);
    throwIfCancelled(signal);
    await store.rename(partPath, finalPath);
  } catch (error) {
    await store.remove(partPath).catch(() => undefined);
    throw error;
  }
}

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new DownloadCancelledError();
}
