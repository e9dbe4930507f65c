import type { DataAdapter, RequestUrlParam, RequestUrlResponsePromise } from 'obsidian';
import { describe, expect, it } from 'vitest';
import { requestUrlFetchBytes, vaultModelStore } from '../../../src/plugin/embedding/vaultModelIo';

/** The part of Obsidian's DataAdapter the store uses, over a map; like the real one, writes need the folder. */
function fakeAdapter() {
  const files = new Map<string, ArrayBuffer>();
  const folders = new Set<string>(['']);
  const parent = (p: string) => p.slice(0, Math.max(0, p.lastIndexOf('/')));
  const adapter = {
    exists: async (p: string) => files.has(p) || folders.has(p),
    mkdir: async (p: string) => {
      if (!folders.has(parent(p))) throw new Error(`no parent for ${p}`);
      folders.add(p);
    },
    writeBinary: async (p: string, data: ArrayBuffer) => {
      if (!folders.has(parent(p))) throw new Error(`ENOENT ${p}`);
      files.set(p, data);
    },
    rename: async (from: string, to: string) => {
      if (files.has(to)) throw new Error('destination exists');
      files.set(to, files.get(from)!);
      files.delete(from);
    },
    remove: async (p: string) => void files.delete(p),
    readBinary: async (p: string) => files.get(p)!,
  };
  return { adapter: adapter as unknown as DataAdapter, files, folders };
}

describe('vaultModelStore', () => {
  it('creates missing parent folders before writing', async () => {
    const { adapter, files, folders } = fakeAdapter();
    const store = vaultModelStore(adapter);
    await store.write('.obsidian/plugins/vw/models/a/b/onnx/model.onnx.part', new ArrayBuffer(3));
    expect(folders.has('.obsidian/plugins/vw/models/a/b/onnx')).toBe(true);
    expect(files.get('.obsidian/plugins/vw/models/a/b/onnx/model.onnx.part')?.byteLength).toBe(3);
  });

  it('replaces an existing file on rename', async () => {
    const { adapter, files } = fakeAdapter();
    const store = vaultModelStore(adapter);
    await store.write('m/config.json', new ArrayBuffer(1));
    await store.write('m/config.json.part', new ArrayBuffer(2));
    await store.rename('m/config.json.part', 'm/config.json');
    expect(files.get('m/config.json')?.byteLength).toBe(2);
    expect(files.has('m/config.json.part')).toBe(false);
  });
});

describe('requestUrlFetchBytes', () => {
  const respond = (status: number, bytes: ArrayBuffer) =>
    (async (request: RequestUrlParam) => {
      expect(request.throw).toBe(false);
      return { status, headers: {}, arrayBuffer: bytes, json: null, text: '' };
    }) as unknown as (request: RequestUrlParam) => RequestUrlResponsePromise;

  it('returns the body and reports it as complete', async () => {
    const progress: [number, number | null][] = [];
    const bytes = await requestUrlFetchBytes(respond(200, new ArrayBuffer(42)))('https://x/y', (r, t) => progress.push([r, t]));
    expect(bytes.byteLength).toBe(42);
    expect(progress).toEqual([[42, 42]]);
  });

  it('turns an HTTP error into an exception instead of a file', async () => {
    await expect(requestUrlFetchBytes(respond(404, new ArrayBuffer(9)))('https://x/y', () => undefined)).rejects.toThrow('HTTP 404');
  });
});
