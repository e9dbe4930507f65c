/**
 * The vault adapters: notes listed and read through the Vault API, and index files written
 * atomically through the data adapter (temp file, then rename), surviving failed and interrupted writes.
 */
import { describe, expect, it } from 'vitest';
import { StubAdapter, Vault } from '../stubs/obsidian';
import { AdapterIndexStorage } from '../../src/plugin/vault/adapterIndexStorage';
import { VaultNoteSource, type NoteVault } from '../../src/plugin/vault/vaultNoteSource';
import { modelFolder, pluginFolders } from '../../src/plugin/vault/pluginPaths';
import { VisionIndex } from '../../src/core/visionIndex';
import { exampleNotes, addNotes } from './helpers/exampleVault';

const DIR = '.obsidian/plugins/visiewijzer/index';
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const text = (data: Uint8Array | null): string | null => (data ? new TextDecoder().decode(data) : null);

describe('VaultNoteSource', () => {
  it('lists Markdown notes with mtime and size, sorted, and reads them through the vault', async () => {
    const vault = new Vault();
    vault.addNote('b.md', 'Bèta');
    vault.addNote('a/c.md', 'C');
    vault.addNote('plaatje.png', 'x');
    const source = new VaultNoteSource(vault as unknown as NoteVault);

    const files = await source.list();
    expect(files.map((f) => f.path)).toEqual(['a/c.md', 'b.md']);
    expect(files[1]).toEqual({ path: 'b.md', mtime: vault.getFileByPath('b.md')!.stat.mtime, size: 5 });
    expect(await source.read('b.md')).toBe('Bèta');
    expect(vault.readLog).toEqual(['b.md']);
    await expect(source.read('weg.md')).rejects.toThrow('weg.md');
  });
});

describe('pluginFolders', () => {
  it('puts index and models under the plugin folder Obsidian loaded the plugin from', () => {
    const folders = pluginFolders({ id: 'visiewijzer', dir: '.config/plugins/visiewijzer/' }, '.config');
    expect(folders).toEqual({ pluginDir: '.config/plugins/visiewijzer', indexDir: '.config/plugins/visiewijzer/index', modelsDir: '.config/plugins/visiewijzer/models' });
    expect(pluginFolders({ id: 'visiewijzer' }, '.mijnconfig').pluginDir).toBe('.mijnconfig/plugins/visiewijzer');
    expect(modelFolder(folders, { modelId: 'Xenova/multilingual-e5-small', localModelDir: '' })).toBe('.config/plugins/visiewijzer/models/Xenova/multilingual-e5-small');
    expect(modelFolder(folders, { modelId: 'Xenova/multilingual-e5-small', localModelDir: 'Modellen/e5/' })).toBe('Modellen/e5');
  });
});

describe('AdapterIndexStorage', () => {
  it('creates its folder when missing and round-trips files', async () => {
    const adapter = new StubAdapter();
    const storage = new AdapterIndexStorage(adapter, DIR);
    expect(await storage.read('index.json')).toBeNull();
    await storage.write('index.json', bytes('{"a":1}'));
    expect(adapter.folders.has(DIR)).toBe(true);
    expect(text(await storage.read('index.json'))).toBe('{"a":1}');
    expect(storage.describe()).toBe(DIR);
  });

  it('writes to a temp file and renames it over the target; the target is never written directly', async () => {
    const adapter = new StubAdapter();
    const storage = new AdapterIndexStorage(adapter, DIR);
    await storage.write('vectors.bin', bytes('oud'));
    adapter.log.length = 0;
    await storage.write('vectors.bin', bytes('nieuw'));

    expect(adapter.log).toEqual([
      `writeBinary ${DIR}/vectors.bin.tmp`,
      `rename ${DIR}/vectors.bin -> ${DIR}/vectors.bin.old`,
      `rename ${DIR}/vectors.bin.tmp -> ${DIR}/vectors.bin`,
      `remove ${DIR}/vectors.bin.old`,
    ]);
    expect(text(await storage.read('vectors.bin'))).toBe('nieuw');
    expect([...adapter.files.keys()]).toEqual([`${DIR}/vectors.bin`]);
  });

  it('uses a single rename when the adapter replaces existing files', async () => {
    const adapter = new StubAdapter();
    adapter.renameOverwrites = true;
    const storage = new AdapterIndexStorage(adapter, DIR);
    await storage.write('index.json', bytes('1'));
    adapter.log.length = 0;
    await storage.write('index.json', bytes('2'));
    expect(adapter.log).toEqual([`writeBinary ${DIR}/index.json.tmp`, `rename ${DIR}/index.json.tmp -> ${DIR}/index.json`]);
    expect(text(await storage.read('index.json'))).toBe('2');
  });

  it('keeps the old file when writing the new one fails (a full disk), and leaves no temp file', async () => {
    const adapter = new StubAdapter();
    const storage = new AdapterIndexStorage(adapter, DIR);
    await storage.write('index.json', bytes('goed'));
    adapter.failNext('writeBinary', (p) => p.endsWith('.tmp'), new Error('ENOSPC: no space left'));

    await expect(storage.write('index.json', bytes('nieuw'))).rejects.toThrow('ENOSPC');
    expect(text(await storage.read('index.json'))).toBe('goed');
    expect([...adapter.files.keys()]).toEqual([`${DIR}/index.json`]);
  });

  it('puts the old file back when moving the new one in fails', async () => {
    const adapter = new StubAdapter();
    const storage = new AdapterIndexStorage(adapter, DIR);
    await storage.write('index.json', bytes('eerst'));
    await storage.write('index.json', bytes('goed')); // the storage has now seen that rename refuses to overwrite
    adapter.failNext('rename', (p) => p.endsWith('.tmp'));

    await expect(storage.write('index.json', bytes('nieuw'))).rejects.toThrow();
    expect(text(await storage.read('index.json'))).toBe('goed');
    expect([...adapter.files.keys()]).toEqual([`${DIR}/index.json`]);
  });

  it('finds the complete old file after a kill between moving it aside and moving the new one in', async () => {
    const adapter = new StubAdapter();
    await adapter.mkdir(DIR);
    adapter.files.set(`${DIR}/index.json.old`, bytes('oud en compleet'));
    adapter.files.set(`${DIR}/index.json.tmp`, bytes('nieuw en compleet'));
    const storage = new AdapterIndexStorage(adapter, DIR);

    expect(text(await storage.read('index.json'))).toBe('oud en compleet');
    await storage.write('index.json', bytes('volgende'));
    expect(text(await storage.read('index.json'))).toBe('volgende');
    expect([...adapter.files.keys()]).toEqual([`${DIR}/index.json`]);
  });

  it('refuses names that would leave the index folder', async () => {
    const storage = new AdapterIndexStorage(new StubAdapter(), DIR);
    for (const name of ['../data.json', 'a/b', '', '..', 'x.tmp']) await expect(storage.write(name, bytes('x'))).rejects.toThrow('Not a valid index file name');
  });

  it('removes a file with its temp and old companions', async () => {
    const adapter = new StubAdapter();
    const storage = new AdapterIndexStorage(adapter, DIR);
    await storage.write('keyword.json', bytes('k'));
    adapter.files.set(`${DIR}/keyword.json.tmp`, bytes('half'));
    await storage.remove('keyword.json');
    await storage.remove('bestaat-niet.json');
    expect([...adapter.files.keys()]).toEqual([]);
  });

  it('holds a whole index that a fresh open reads back without reading any note again', async () => {
    const vault = new Vault();
    addNotes(vault, exampleNotes());
    const source = new VaultNoteSource(vault as unknown as NoteVault);
    const first = await VisionIndex.open({ storage: new AdapterIndexStorage(vault.adapter, DIR), source, embedder: null });
    const built = await first.update();
    vault.readLog.length = 0;

    const reopened = await VisionIndex.open({ storage: new AdapterIndexStorage(vault.adapter, DIR), source, embedder: null });
    const again = await reopened.update();
    expect(vault.readLog).toEqual([]);
    expect(again.chunks).toBe(built.chunks);
    expect((await reopened.search('pestprotocol', { k: 1 })).hits[0]?.path).toBe('Beleid/Sociale veiligheid en pesten.md');
  });
});
