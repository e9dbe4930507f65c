import { describe, expect, it } from 'vitest';
import { decodeStateFile, encodeStateFile, StateFileError, STATE_FILE, type StateSnapshot } from '../../src/core/index/stateFile';
import type { NoteRecord } from '../../src/core/index/indexState';
import { hashText } from '../../src/core/util/hash';
import { VisionIndex } from '../../src/core/visionIndex';
import { FakeEmbedder } from '../helpers/fakeEmbedder';
import { MemoryNoteSource } from '../helpers/memoryNoteSource';
import { MemoryIndexStorage } from '../helpers/memoryIndexStorage';
import { KEYWORD_BASE_FILE, KEYWORD_DELTA_FILE } from '../../src/core/index/indexState';

/** A note as the chunker records it: ids `path#n`, hashes from `hashText`. */
function note(path: string, role: NoteRecord['role'], headings: string[][], mtime = 1795402233775.25): NoteRecord {
  return {
    mtime,
    size: 1234,
    role,
    chunks: headings.map((headingPath, n) => ({ id: `${path}#${n}`, path, role, hash: hashText(`${path} ${n}`), startLine: 1 + 10 * n, endLine: 9 + 10 * n, headingPath })),
  };
}

function snapshot(notes: [string, NoteRecord][], extra: Partial<StateSnapshot> = {}): StateSnapshot {
  return { model: { modelId: 'Xenova/multilingual-e5-small', fingerprint: 'abc|384|q8', dim: 384 }, keywordStamp: '0123456789abcdef:9f', vectorStamp: 'murmur3:0e26c5af+none', notes: new Map(notes), ...extra };
}

describe('the state file', () => {
  it('gives back exactly the records it was given', () => {
    const input = snapshot([
      ['Visie/Kernwaarden.md', note('Visie/Kernwaarden.md', 'visie', [['Kernwaarden'], ['Kernwaarden', 'Eigenaarschap'], ['Kernwaarden', 'Samenwerken']])],
      ['Notities/Één — idee 😀.md', note('Notities/Één — idee 😀.md', null, [[], ['Één — idee 😀', '']], 1.5)],
      ['Lessen/Leeg.md', note('Lessen/Leeg.md', 'les', [])],
    ]);
    const { derivedIds, ...output } = decodeStateFile(encodeStateFile(input));
    expect(output).toEqual(input);
    expect(derivedIds).toBe(true);
    expect([...output.notes.keys()]).toEqual([...input.notes.keys()]);
  });

  it('keeps ids and hashes of any other shape too', () => {
    const odd = note('a.md', 'beleid', [['a'], ['a']]);
    odd.chunks[0]!.id = 'eigen-id';
    odd.chunks[1]!.hash = 'niet-hex';
    const input = snapshot([['a.md', odd]], { model: null, keywordStamp: null, vectorStamp: null });
    const { derivedIds, ...output } = decodeStateFile(encodeStateFile(input));
    expect(output).toEqual(input);
    expect(derivedIds).toBe(false);
  });

  it('stores a chunk in about 20 bytes, not the 100 of JSON', () => {
    const notes: [string, NoteRecord][] = [];
    for (let i = 0; i < 200; i++) {
      const path = `Beleid/Notitie ${i}.md`;
      notes.push([path, note(path, 'beleid', Array.from({ length: 10 }, (_, n) => [`Notitie ${i}`, ['Inleiding', 'Kern', 'Afsluiting'][n % 3]!]))]);
    }
    const bytes = encodeStateFile(snapshot(notes));
    expect(bytes.length / 2000).toBeLessThan(25);
    expect(decodeStateFile(bytes).notes.size).toBe(200);
  });

  it('refuses damaged, truncated, foreign and old files with a StateFileError', () => {
    const good = encodeStateFile(snapshot([['a.md', note('a.md', 'les', [['A'], ['A', 'Kern']])]]));
    const flipped = good.slice();
    flipped[good.length - 3]! ^= 0x10;
    const cases = [good.subarray(0, good.length - 1), flipped, new TextEncoder().encode('{"format":1,"notes":{}}'), new Uint8Array(3)];
    for (const bytes of cases) expect(() => decodeStateFile(bytes)).toThrow(StateFileError);
  });
});

describe('the state file in the index', () => {
  const NOTES = {
    'Visie/Kernwaarden.md': '# Kernwaarden\n\n## Eigenaarschap\n\nLeerlingen sturen hun eigen leren.\n',
    'Beleid/Toetsbeleid.md': '# Toetsbeleid\n\nWe toetsen om te leren, met wisbordjes.\n',
  };

  it('replaces the JSON state file of earlier versions', async () => {
    const storage = new MemoryIndexStorage();
    storage.files.set('index.json', new TextEncoder().encode('{"format":1,"model":null,"notes":{}}'));
    const index = await VisionIndex.open({ storage, source: new MemoryNoteSource(NOTES), embedder: new FakeEmbedder() });
    expect((await index.update()).chunks).toBe(2);
    expect(storage.files.has('index.json')).toBe(false);
    expect(storage.files.has(STATE_FILE)).toBe(true);
  });

  it('never trusts keyword files newer than the state file (a crash between the writes)', async () => {
    const storage = new MemoryIndexStorage();
    const source = new MemoryNoteSource(NOTES);
    const open = () => VisionIndex.open({ storage, source, embedder: null });
    await (await open()).update();
    const state = storage.files.get(STATE_FILE)!;
    // The next save writes the keyword files, then "crashes" before the state file.
    source.set('Beleid/Burgerschap.md', '# Burgerschap\n\nDe kinderraad vergadert elke maand.\n');
    await (await open()).update();
    storage.files.set(STATE_FILE, state);
    expect(storage.files.has(KEYWORD_BASE_FILE) && storage.files.has(KEYWORD_DELTA_FILE)).toBe(true);

    const reopened = await open();
    // The state knows two notes; a search must not return a chunk it cannot place.
    expect((await reopened.search('kinderraad')).hits).toEqual([]);
    const report = await reopened.update();
    expect(report.notes).toBe(3);
    expect((await reopened.search('kinderraad')).hits[0]?.path).toBe('Beleid/Burgerschap.md');
  });
});
