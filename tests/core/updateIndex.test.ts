import { describe, expect, it } from 'vitest';
import { VisionIndex } from '../../src/core/visionIndex';
import { FakeEmbedder } from '../helpers/fakeEmbedder';
import { MemoryNoteSource } from '../helpers/memoryNoteSource';
import { MemoryIndexStorage } from '../helpers/memoryIndexStorage';
import { STATE_FILE, KEYWORD_DELTA_FILE } from '../../src/core/index/indexState';
import { IndexCancelledError } from '../../src/core/index/indexReport';

const NOTES = {
  'Visie/Kernwaarden.md': '# Kernwaarden\n\n## Eigenaarschap\n\nLeerlingen sturen hun eigen leren.\n\n- De leerling kiest zelf de volgorde.\n\n## Samenwerken\n\nSamen leer je meer dan alleen.\n',
  'Beleid/Toetsbeleid.md': '# Toetsbeleid\n\nWe toetsen om te leren, met wisbordjes en exitkaartjes.\n',
  'Lessen/Rekenen groep 5.md': '# Rekenen\n\n## Lesdoel\n\nDe leerling kan breuken vergelijken.\n\n## Kern\n\nLeerlingen werken in tweetallen.\n',
};

async function setup(embedder: FakeEmbedder | null = new FakeEmbedder(), source = new MemoryNoteSource(NOTES), storage = new MemoryIndexStorage()) {
  const open = () => VisionIndex.open({ storage, source, embedder });
  return { source, storage, embedder, open, index: await open() };
}

describe('incremental indexing', () => {
  it('embeds every chunk once, then nothing when nothing changed, even after re-opening', async () => {
    const { index, embedder, open, source } = await setup();
    const first = await index.update();
    expect(first).toMatchObject({ notes: 3, chunks: 5, embedded: 5, reused: 0, removed: 0, mode: 'hybrid', model: 'fake-bag-of-words' });
    embedder!.resetCounts();
    source.reads.length = 0;
    const reopened = await open();
    const second = await reopened.update();
    expect(second).toMatchObject({ notes: 3, chunks: 5, embedded: 0, reused: 5 });
    expect(embedder!.textCount).toBe(0);
    expect(source.reads).toEqual([]);
  });

  it('re-embeds only the changed chunk of an edited note', async () => {
    const { index, embedder, source } = await setup();
    await index.update();
    embedder!.resetCounts();
    source.reads.length = 0;
    source.set('Lessen/Rekenen groep 5.md', NOTES['Lessen/Rekenen groep 5.md'].replace('tweetallen', 'groepjes van vier'));
    const report = await index.update();
    expect(source.reads).toEqual(['Lessen/Rekenen groep 5.md']);
    expect(report).toMatchObject({ embedded: 1, reused: 4 });
    expect(embedder!.embeddedTexts).toEqual(['Rekenen groep 5 > Rekenen > Kern\nLeerlingen werken in groepjes van vier.']);
  });

  it('removes deleted notes and reuses vectors when a note moves folder', async () => {
    const { index, embedder, source } = await setup();
    await index.update();
    embedder!.resetCounts();
    source.delete('Beleid/Toetsbeleid.md');
    source.rename('Lessen/Rekenen groep 5.md', 'Archief/Rekenen groep 5.md');
    const report = await index.update();
    expect(report).toMatchObject({ notes: 2, chunks: 4, removed: 2, embedded: 0 });
    const hits = await index.search('wisbordjes exitkaartjes');
    expect(hits.hits.map((h) => h.path)).not.toContain('Beleid/Toetsbeleid.md');
    expect((await index.search('breuken')).hits[0]?.path).toBe('Archief/Rekenen groep 5.md');
  });

  it('rebuilds all vectors cleanly when the model changes, never mixing them', async () => {
    const { storage, source } = await setup();
    await (await VisionIndex.open({ storage, source, embedder: new FakeEmbedder({ dim: 64 }) })).update();
    const other = new FakeEmbedder({ dim: 32, modelId: 'ander-model' });
    const index = await VisionIndex.open({ storage, source, embedder: other });
    const report = await index.update();
    expect(report.embedded).toBe(5);
    expect(report.messages.join(' ')).toMatch(/model changed/);
    expect(index.state.vectors?.dim).toBe(32);
  });

  it('says when it runs keyword-only and still finds passages by keyword', async () => {
    const { index } = await setup(null);
    const report = await index.update();
    expect(report).toMatchObject({ mode: 'keyword-only', model: null, embedded: 0, chunks: 5 });
    expect(report.messages.join(' ')).toMatch(/keyword-only/);
    const result = await index.search('breuken vergelijken');
    expect(result.mode).toBe('keyword-only');
    expect(result.notice).toMatch(/Keyword search only/);
    expect(result.hits[0]).toMatchObject({ path: 'Lessen/Rekenen groep 5.md', heading: 'Lesdoel', startLine: 3, endLine: 5, vectorScore: null, snippet: 'De leerling kan breuken vergelijken.' });
  });

  it('adds vectors later for chunks indexed keyword-only', async () => {
    const { storage, source } = await setup(null);
    await (await VisionIndex.open({ storage, source, embedder: null })).update();
    const embedder = new FakeEmbedder();
    const report = await (await VisionIndex.open({ storage, source, embedder })).update();
    expect(report.embedded).toBe(5);
  });

  it('reports files it cannot index as skipped and indexes the rest', async () => {
    const source = new MemoryNoteSource({ ...NOTES, 'Kapot.md': 'binair\u0000data', 'Groot.md': 'x'.repeat(2000) });
    const storage = new MemoryIndexStorage();
    const index = await VisionIndex.open({ storage, source, embedder: null, maxNoteBytes: 1000 });
    const report = await index.update();
    expect(report.skipped).toEqual([
      { path: 'Kapot.md', reason: 'not a text file' },
      { path: 'Groot.md', reason: 'note is larger than 1 KiB' },
    ]);
    expect(report.notes).toBe(3);
  });

  it('leaves a chunk with an unusable vector out of vector search and says so', async () => {
    const embedder = new FakeEmbedder();
    embedder.returnNaNFor('Toetsbeleid > Toetsbeleid\nWe toetsen om te leren, met wisbordjes en exitkaartjes.');
    const { index } = await setup(embedder);
    const report = await index.update();
    expect(report.embedded).toBe(4);
    expect(report.warnings[0]?.message).toMatch(/unusable vector/);
  });

  it('tries the chunk without a vector again after re-opening, and only that one', async () => {
    const embedder = new FakeEmbedder();
    const toets = 'Toetsbeleid > Toetsbeleid\nWe toetsen om te leren, met wisbordjes en exitkaartjes.';
    embedder.returnNaNFor(toets);
    const { index, storage, source } = await setup(embedder);
    await index.update();
    const healthy = new FakeEmbedder();
    const reopened = await VisionIndex.open({ storage, source, embedder: healthy });
    expect((await reopened.update()).embedded).toBe(1);
    expect(healthy.embeddedTexts).toEqual([toets]);
    // Now every chunk has its vector: opening again checks nothing and embeds nothing.
    expect((await (await VisionIndex.open({ storage, source, embedder: healthy })).update()).embedded).toBe(0);
  });

  it('keeps a loadable index when a write fails midway, and repairs it on the next update', async () => {
    const { index, storage, source, open } = await setup();
    await index.update();
    const before = storage.files.get(STATE_FILE);
    source.set('Beleid/Nieuw.md', '# Nieuw\n\nOver burgerschap en de kinderraad.\n');
    storage.failOnWrite = KEYWORD_DELTA_FILE;
    await expect(index.update()).rejects.toThrow(/disk full/);
    expect(storage.files.get(STATE_FILE)).toEqual(before);
    storage.failOnWrite = null;
    const reopened = await open();
    const report = await reopened.update();
    expect(report.notes).toBe(4);
    expect((await reopened.search('kinderraad')).hits[0]?.path).toBe('Beleid/Nieuw.md');
  });

  it('rebuilds with a message when the index files are corrupt', async () => {
    const { index, storage, open } = await setup();
    await index.update();
    storage.files.set(STATE_FILE, new TextEncoder().encode('{kapot'));
    storage.files.set('vectors.bin', new Uint8Array([1, 2, 3]));
    const reopened = await open();
    const report = await reopened.update();
    expect(report.messages.join(' ')).toMatch(/unreadable/);
    expect(report.chunks).toBe(5);
  });

  it('finds damage inside the vector rows at the next update, then embeds everything again once', async () => {
    const { index, storage, open } = await setup();
    await index.update();
    const bin = storage.files.get('vectors.bin')!;
    bin[32 + 4 * 10]! ^= 0x20; // a byte inside the first row: the header and the sidecar still agree
    const reopened = await open();
    // Opening does not hash the rows (that waits for the update), and the index can be searched.
    expect((await reopened.search('wisbordjes')).hits[0]?.path).toBe('Beleid/Toetsbeleid.md');
    const report = await reopened.update();
    expect(report.messages.join(' ')).toMatch(/vector index is damaged/);
    expect(report.embedded).toBe(5);
    expect((await (await open()).update()).embedded).toBe(0);
  });

  it('can be cancelled between notes, keeping what was done', async () => {
    const { index } = await setup();
    const controller = new AbortController();
    let seen = 0;
    await expect(index.update({ signal: controller.signal, onProgress: () => { if (++seen === 2) controller.abort(); } })).rejects.toBeInstanceOf(IndexCancelledError);
    const report = await index.update();
    expect(report.notes).toBe(3);
  });
});
