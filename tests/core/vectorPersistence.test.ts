import { describe, expect, it } from 'vitest';
import { VisionIndex } from '../../src/core/visionIndex';
import { FakeEmbedder } from '../helpers/fakeEmbedder';
import { MemoryNoteSource } from '../helpers/memoryNoteSource';
import { MemoryIndexStorage } from '../helpers/memoryIndexStorage';
import { VECTORS_FILE } from '../../src/core/index/vectorFile';
import { VECTORS_DELTA_FILE, VECTORS_DELTA_META_FILE } from '../../src/core/index/vectorPersistence';

function vault(notes: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < notes; i++) out[`Beleid/Notitie ${i}.md`] = `# Notitie ${i}\n\nOver onderwerp ${i}: samenwerken en toetsen, versie ${i}.\n`;
  return out;
}

async function indexed(notes = 40) {
  const source = new MemoryNoteSource(vault(notes));
  const storage = new MemoryIndexStorage();
  const embedder = new FakeEmbedder();
  const open = () => VisionIndex.open({ storage, source, embedder });
  const index = await open();
  await index.update();
  return { source, storage, embedder, open, index };
}

describe('vector files: a base plus a small delta', () => {
  it('writes only a delta after a small edit, and a reopened index embeds nothing', async () => {
    const { source, storage, embedder, open, index } = await indexed();
    const base = storage.files.get(VECTORS_FILE);
    expect(storage.files.has(VECTORS_DELTA_FILE)).toBe(false);
    source.set('Beleid/Notitie 3.md', '# Notitie 3\n\nNieuwe tekst over de kinderraad.\n');
    expect((await index.update()).embedded).toBe(1);
    expect(storage.files.get(VECTORS_FILE)).toBe(base);
    expect(storage.files.has(VECTORS_DELTA_FILE)).toBe(true);
    embedder.resetCounts();
    const reopened = await open();
    expect((await reopened.update()).embedded).toBe(0);
    expect((await reopened.search('kinderraad')).hits[0]?.path).toBe('Beleid/Notitie 3.md');
  });

  it('ignores a delta that belongs to another base and embeds just those chunks again', async () => {
    const { source, storage, open, index } = await indexed();
    source.set('Beleid/Notitie 5.md', '# Notitie 5\n\nIets nieuws over ouders.\n');
    await index.update();
    const other = await indexed(10);
    other.source.set('Beleid/Notitie 1.md', '# Notitie 1\n\nAnders.\n');
    await other.index.update();
    storage.files.set(VECTORS_DELTA_FILE, other.storage.files.get(VECTORS_DELTA_FILE)!);
    storage.files.set(VECTORS_DELTA_META_FILE, other.storage.files.get(VECTORS_DELTA_META_FILE)!);
    const report = await (await open()).update();
    expect(report.embedded).toBe(1);
    expect(report.chunks).toBe(40);
  });

  it('rewrites the base and drops the delta once changes pass the threshold', async () => {
    const { source, storage, index } = await indexed(300);
    const base = storage.files.get(VECTORS_FILE);
    for (let i = 0; i < 290; i++) source.set(`Beleid/Notitie ${i}.md`, `# Notitie ${i}\n\nHerschreven tekst ${i}.\n`);
    await index.update();
    expect(storage.files.get(VECTORS_FILE)).not.toBe(base);
    expect(storage.files.has(VECTORS_DELTA_FILE)).toBe(false);
  });
});
