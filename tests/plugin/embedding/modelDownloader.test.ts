import { describe, expect, it } from 'vitest';
import { modelFolderContents } from '../../../src/core/embedding/modelFiles';
import {
  describeModelProblems,
  DownloadCancelledError,
  downloadModel,
  findModelProblems,
  type DownloadProgress,
  type FetchBytes,
  type ModelFileStore,
} from '../../../src/plugin/embedding/modelDownloader';

const MODEL = 'Xenova/multilingual-e5-small';
const ORT = '1.31.0-dev.20260914-8d85527a0';
const DIR = '.obsidian/plugins/visiewijzer/models/Xenova/multilingual-e5-small';
const WASM_MAGIC = [0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0];

/** Plausible content for each file: JSON for .json, wasm magic for .wasm, bytes otherwise. */
function bodyFor(url: string): ArrayBuffer {
  if (url.endsWith('.json')) return new TextEncoder().encode(JSON.stringify({ url })).buffer;
  if (url.endsWith('.wasm')) return new Uint8Array(WASM_MAGIC).buffer;
  return new Uint8Array(1000).fill(7).buffer;
}

/** A fake server that reports progress in two steps and records what was asked. */
function fakeFetch(overrides: Record<string, () => Promise<ArrayBuffer>> = {}): FetchBytes & { urls: string[] } {
  const urls: string[] = [];
  const fetchBytes = (async (url, onProgress) => {
    urls.push(url);
    const override = Object.entries(overrides).find(([suffix]) => url.endsWith(suffix));
    if (override) return override[1]();
    const body = bodyFor(url);
    onProgress(Math.floor(body.byteLength / 2), body.byteLength);
    onProgress(body.byteLength, body.byteLength);
    return body;
  }) as FetchBytes & { urls: string[] };
  fetchBytes.urls = urls;
  return fetchBytes;
}

/** An in-memory folder that logs every operation. */
function memoryStore(initial: string[] = []): ModelFileStore & { files: Map<string, ArrayBuffer>; log: string[] } {
  const files = new Map<string, ArrayBuffer>(initial.map((p) => [p, new ArrayBuffer(1)]));
  const log: string[] = [];
  return {
    files,
    log,
    exists: async (path) => files.has(path),
    write: async (path, bytes) => {
      log.push(`write ${path}`);
      files.set(path, bytes);
    },
    rename: async (from, to) => {
      log.push(`rename ${from} -> ${to}`);
      const bytes = files.get(from);
      if (!bytes) throw new Error(`no ${from}`);
      files.delete(from);
      files.set(to, bytes);
    },
    remove: async (path) => {
      log.push(`remove ${path}`);
      files.delete(path);
    },
  };
}

const allPaths = (dtype: 'q8' | 'fp32' = 'q8') => modelFolderContents(MODEL, dtype, ORT).map((e) => `${DIR}/${e.path}`);

describe('downloadModel', () => {
  it('fetches every file once, writing each under a temporary name before renaming it', async () => {
    const store = memoryStore();
    const fetchBytes = fakeFetch();
    const result = await downloadModel({ modelId: MODEL, dtype: 'q8', ortVersion: ORT, targetDir: DIR, fetchBytes, store });
    expect([...store.files.keys()].sort()).toEqual(allPaths().sort());
    expect(fetchBytes.urls).toEqual(modelFolderContents(MODEL, 'q8', ORT).map((e) => e.url));
    for (const path of allPaths()) {
      const write = store.log.indexOf(`write ${path}.part`);
      expect(write, path).toBeGreaterThanOrEqual(0);
      expect(store.log.indexOf(`rename ${path}.part -> ${path}`)).toBe(write + 1);
    }
    expect(result.downloaded).toHaveLength(6);
    expect(result.bytes).toBe([...store.files.values()].reduce((n, b) => n + b.byteLength, 0));
  });

  it('reports progress in bytes and as file n of N', async () => {
    const events: DownloadProgress[] = [];
    await downloadModel({
      modelId: MODEL, dtype: 'q8', ortVersion: ORT, targetDir: DIR, fetchBytes: fakeFetch(), store: memoryStore(),
      onProgress: (p) => events.push(p),
    });
    const onnx = events.filter((e) => e.file === 'onnx/model_quantized.onnx');
    expect(onnx.map((e) => e.fileBytes)).toEqual([0, 500, 1000, 1000]);
    expect(onnx.every((e) => e.fileIndex === 5 && e.fileCount === 6)).toBe(true);
    const totals = events.map((e) => e.totalBytes);
    expect(totals).toEqual([...totals].sort((a, b) => a - b)); // never goes backwards
    expect(events.at(-1)).toMatchObject({ fileIndex: 6, fileCount: 6, skipped: false });
  });

  it('skips files already present and fetches only the rest', async () => {
    const present = allPaths().slice(0, 4);
    const store = memoryStore(present);
    const fetchBytes = fakeFetch();
    const events: DownloadProgress[] = [];
    const result = await downloadModel({
      modelId: MODEL, dtype: 'q8', ortVersion: ORT, targetDir: DIR, fetchBytes, store, onProgress: (p) => events.push(p),
    });
    expect(fetchBytes.urls).toHaveLength(2);
    expect(result.skipped).toHaveLength(4);
    expect(events.filter((e) => e.skipped).map((e) => e.fileIndex)).toEqual([1, 2, 3, 4]);
    expect(store.log.some((l) => l.includes('config.json'))).toBe(false);
  });

  it('stops when cancelled: completed files stay, the file in progress leaves nothing behind', async () => {
    const abort = new AbortController();
    const store = memoryStore();
    // The tokenizer arrives after the user pressed cancel; requestUrl could not be interrupted.
    const fetchBytes = fakeFetch({
      'tokenizer.json': async () => {
        abort.abort();
        return bodyFor('tokenizer.json');
      },
    });
    await expect(
      downloadModel({ modelId: MODEL, dtype: 'q8', ortVersion: ORT, targetDir: DIR, fetchBytes, store, signal: abort.signal }),
    ).rejects.toBeInstanceOf(DownloadCancelledError);
    expect([...store.files.keys()]).toEqual([`${DIR}/config.json`]);
    expect(fetchBytes.urls).toHaveLength(2);
  });

  it('does nothing when cancelled before it starts', async () => {
    const abort = new AbortController();
    abort.abort();
    const fetchBytes = fakeFetch();
    await expect(
      downloadModel({ modelId: MODEL, dtype: 'q8', ortVersion: ORT, targetDir: DIR, fetchBytes, store: memoryStore(), signal: abort.signal }),
    ).rejects.toBeInstanceOf(DownloadCancelledError);
    expect(fetchBytes.urls).toHaveLength(0);
  });

  it('never stores an error page under a real name', async () => {
    const store = memoryStore();
    const html = new TextEncoder().encode('<html>rate limited</html>').buffer;
    const fetchBytes = fakeFetch({ 'tokenizer_config.json': async () => html });
    await expect(
      downloadModel({ modelId: MODEL, dtype: 'q8', ortVersion: ORT, targetDir: DIR, fetchBytes, store }),
    ).rejects.toThrow(/tokenizer_config\.json.*JSON/);
    expect(store.files.has(`${DIR}/tokenizer_config.json`)).toBe(false);
    expect([...store.files.keys()].some((p) => p.endsWith('.part'))).toBe(false);
  });

  it('refuses a wasm file that is not WebAssembly', async () => {
    const fetchBytes = fakeFetch({ '.wasm': async () => new Uint8Array([1, 2, 3, 4, 5]).buffer });
    await expect(
      downloadModel({ modelId: MODEL, dtype: 'q8', ortVersion: ORT, targetDir: DIR, fetchBytes, store: memoryStore() }),
    ).rejects.toThrow(/WebAssembly/);
  });

  it('removes the temporary file when the write fails half way', async () => {
    const store = memoryStore();
    store.rename = async () => {
      throw new Error('disk full');
    };
    await expect(
      downloadModel({ modelId: MODEL, dtype: 'q8', ortVersion: ORT, targetDir: DIR, fetchBytes: fakeFetch(), store }),
    ).rejects.toThrow('disk full');
    expect(store.files.size).toBe(0);
    expect(store.log).toContain(`remove ${DIR}/config.json.part`);
  });

  it('names the URL when the server fails', async () => {
    const fetchBytes = fakeFetch({ 'config.json': async () => Promise.reject(new Error('HTTP 404')) });
    await expect(
      downloadModel({ modelId: MODEL, dtype: 'q8', ortVersion: ORT, targetDir: DIR, fetchBytes, store: memoryStore() }),
    ).rejects.toThrow(`https://huggingface.co/${MODEL}/resolve/main/config.json mislukt: HTTP 404`);
  });
});

describe('findModelProblems', () => {
  it('reports nothing for a complete folder', async () => {
    const store = memoryStore(allPaths());
    expect(await findModelProblems({ dir: DIR, modelId: MODEL, dtype: 'q8', ortVersion: ORT, exists: store.exists })).toEqual([]);
  });

  it('lists each missing file with where to get it', async () => {
    const store = memoryStore(allPaths().filter((p) => !p.endsWith('.onnx') && !p.endsWith('.wasm')));
    const problems = await findModelProblems({ dir: DIR, modelId: MODEL, dtype: 'q8', ortVersion: ORT, exists: store.exists });
    expect(problems.map((p) => p.kind)).toEqual(['model', 'runtime']);
    expect(problems[0]!.path).toBe('onnx/model_quantized.onnx');
    expect(problems[0]!.url).toContain('https://huggingface.co/');
    expect(problems[1]!.url).toContain(`onnxruntime-web@${ORT}`);
    const text = describeModelProblems(DIR, problems);
    expect(text).toContain('2 bestand(en)');
    expect(text).toContain('onnx/model_quantized.onnx');
  });

  it('checks the weights that belong to the chosen precision', async () => {
    const store = memoryStore(allPaths('q8'));
    const problems = await findModelProblems({ dir: DIR, modelId: MODEL, dtype: 'fp32', ortVersion: ORT, exists: store.exists });
    expect(problems.map((p) => p.path)).toEqual(['onnx/model.onnx']);
  });

  it('asks for a new wasm after an onnxruntime-web upgrade', async () => {
    const store = memoryStore(allPaths());
    const problems = await findModelProblems({ dir: DIR, modelId: MODEL, dtype: 'q8', ortVersion: '1.32.0', exists: store.exists });
    expect(problems.map((p) => p.kind)).toEqual(['runtime']);
  });
});
