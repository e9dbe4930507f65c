import { describe, expect, it } from 'vitest';
import { KeywordIndex, KeywordIndexError } from '../../src/core/index/keywordIndex';
import { seededRandom } from '../../src/core/util/seededRandom';

const WORDS = (
  'leerlingen leraar samenwerking samenwerken planbord planborden toetsen toetskalender formatief wisbordjes ' +
  'ouders ouderavond veiligheid pesten kernwaarden eigenaarschap nieuwsgierigheid vertrouwen instructie ' +
  'instructietafel feedback portfolio leesdossier burgerschap rekenen rekenles lezen spelling kinderraad ' +
  'groepsplan groepsplannen reflectie evaluatie doelen leerdoelen de het een en met voor van'
).split(' ');

const QUERIES = [
  'samenwerking', 'planbord toetsen', 'leerling', 'rekenen', 'toets', 'instructie feedback ouders',
  'groepsplan', 'kernwaarden eigenaarschap vertrouwen', 'de het', 'muziek', 'leesdossier lezen spelling reflectie',
];

interface Doc {
  text: string;
  heading: string;
}

function randomDoc(next: () => number): Doc {
  const words = (count: number): string => Array.from({ length: count }, () => WORDS[Math.floor(next() * WORDS.length)]).join(' ');
  return { text: words(3 + Math.floor(next() * 30)), heading: words(1 + Math.floor(next() * 3)) };
}

/** What a fresh index over exactly these documents answers (added in id order, a different order than the edits). */
function freshAnswers(docs: Map<string, Doc>): ReturnType<KeywordIndex['search']>[] {
  const fresh = KeywordIndex.empty();
  for (const id of [...docs.keys()].sort()) fresh.add(id, docs.get(id)!.text, docs.get(id)!.heading);
  return QUERIES.map((q) => fresh.search(q, 100));
}

/** Chunk ids of a few notes; edits pick from the same ids, so they replace as well as add. */
function idOf(n: number): string {
  return `Beleid/Notitie ${n % 20}.md#${n}`;
}

function buildIndex(count: number, seed: number): { index: KeywordIndex; docs: Map<string, Doc> } {
  const next = seededRandom(seed);
  const docs = new Map<string, Doc>();
  const index = KeywordIndex.empty();
  for (let i = 0; i < count; i++) {
    const doc = randomDoc(next);
    const id = idOf(i);
    docs.set(id, doc);
    index.add(id, doc.text, doc.heading);
  }
  return { index, docs };
}

describe('KeywordIndex persistence', () => {
  it('after random adds, replaces and removes, base + delta answers exactly like a fresh index', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const next = seededRandom(seed * 101);
      const { index: built, docs } = buildIndex(60, seed);
      let files = built.persist();
      let base = files.base!;
      let index = KeywordIndex.load(base, files.delta);
      let compactions = 0;
      for (let step = 0; step < 40; step++) {
        const roll = next();
        const id = idOf(Math.floor(next() * 90));
        if (roll < 0.6) {
          const doc = randomDoc(next);
          docs.set(id, doc);
          index.add(id, doc.text, doc.heading);
        } else {
          docs.delete(id);
          index.remove(id);
        }
        if (step % 7 === 6) {
          // A save and a restart: only what persist wrote survives.
          files = index.persist();
          if (files.base) {
            base = files.base;
            compactions++;
          }
          index = KeywordIndex.load(base, files.delta);
        }
      }
      files = index.persist();
      const reloaded = KeywordIndex.load(files.base ?? base, files.delta);
      const expected = freshAnswers(docs);
      for (const copy of [index, reloaded]) {
        expect(copy.size).toBe(docs.size);
        expect(QUERIES.map((q) => copy.search(q, 100))).toEqual(expected);
        for (let n = 0; n < 90; n++) {
          expect(copy.has(idOf(n))).toBe(docs.has(idOf(n)));
        }
      }
      expect(compactions).toBeGreaterThan(0);
    }
  });

  it('writes only a small delta for one edit, and compacts once the changes pass ~10% of the base', () => {
    const { index } = buildIndex(200, 9);
    const first = index.persist();
    expect(first.base).not.toBeNull(); // the first save always writes the base

    index.add('Beleid/Notitie 3.md#3', 'Nu over de kinderraad en het planbord.', 'Kinderraad');
    const edit = index.persist();
    expect(edit.base).toBeNull();
    expect(edit.delta.length).toBeLessThan(first.base!.length / 20);
    const afterEdit = KeywordIndex.load(first.base!, edit.delta);
    expect(afterEdit.search('kinderraad', 5)[0]?.id).toBe('Beleid/Notitie 3.md#3');

    const next = seededRandom(5);
    let compacted: Uint8Array | null = null;
    let edits = 1;
    while (!compacted && edits < 100) {
      const doc = randomDoc(next);
      index.add(idOf(edits), doc.text, doc.heading);
      edits++;
      compacted = index.persist().base;
    }
    expect(edits).toBeGreaterThan(15);
    expect(edits).toBeLessThanOrEqual(25);
    // After compaction the index continues from the new base: the next edit is a delta again.
    index.remove('Beleid/Notitie 5.md#5');
    expect(index.persist().base).toBeNull();
  });

  it('compacts eventually when one passage is edited over and over (replaced entries are not kept forever)', () => {
    const { index } = buildIndex(100, 17);
    index.persist();
    const next = seededRandom(8);
    let saves = 0;
    let compacted = false;
    while (!compacted && saves < 50) {
      const doc = randomDoc(next);
      index.add(idOf(7), doc.text, doc.heading);
      compacted = index.persist().base !== null;
      saves++;
    }
    expect(compacted).toBe(true);
    expect(saves).toBeLessThanOrEqual(11);
    expect(index.size).toBe(100);
  });

  it('compacts on request, and the compacted base answers like base + delta', () => {
    const { index } = buildIndex(100, 11);
    const first = index.persist();
    index.remove('Beleid/Notitie 1.md#1');
    const withDelta = KeywordIndex.load(first.base!, index.persist().delta);
    const compacted = index.persist({ compact: true });
    expect(compacted.base).not.toBeNull();
    const fromBase = KeywordIndex.load(compacted.base!, compacted.delta);
    expect(fromBase.size).toBe(99);
    for (const q of QUERIES) expect(fromBase.search(q, 100)).toEqual(withDelta.search(q, 100));
    expect(compacted.base!.length).toBeLessThan(first.base!.length);
  });

  it('persists an empty index and ids with any characters', () => {
    const empty = KeywordIndex.empty().persist();
    const loaded = KeywordIndex.load(empty.base!, empty.delta);
    expect(loaded.size).toBe(0);
    expect(loaded.search('planbord', 5)).toEqual([]);

    const index = KeywordIndex.empty();
    // Ids are front-coded on disk: neighbours that share a prefix, one that ends inside the next, an
    // empty one, a NUL, and two emoji that share their first UTF-16 code unit (a split pair would break).
    const odd = ['Visie/Kernwaarden — ideeën.md#0', 'Visie/Kernwaarden — ideeën.md#10', 'Visie/Kernwaarden — ideeën.md#1', 'a\nb.md#1', '', 'a\0b', 'Notities 😀.md#0', 'Notities 😁.md#0', 'Stopwoorden.md#0'];
    odd.slice(0, -1).forEach((id, i) => index.add(id, `Regel ${i} over het planbord.`, i === 0 ? 'Kernwaarden' : ''));
    index.add(odd.at(-1)!, 'de het een', ''); // only stop words: indexed, never found
    const files = index.persist();
    const copy = KeywordIndex.load(files.base!, files.delta);
    for (const id of odd) expect(copy.has(id)).toBe(true);
    expect(copy.size).toBe(odd.length);
    expect(copy.search('planbord', 20).map((h) => h.id).sort()).toEqual(odd.slice(0, -1).sort());
  });

  it('opens a base that is not 4-byte aligned in its buffer', () => {
    const { index } = buildIndex(30, 13);
    const files = index.persist();
    const shifted = new Uint8Array(files.base!.length + 1);
    shifted.set(files.base!, 1);
    const copy = KeywordIndex.load(shifted.subarray(1), files.delta);
    for (const q of QUERIES) expect(copy.search(q, 10)).toEqual(index.search(q, 10));
  });
});

describe('KeywordIndex on damaged or foreign files', () => {
  const { index } = buildIndex(80, 21);
  const first = index.persist();
  const base = first.base!;
  index.add('Beleid/Notitie 2.md#2', 'Iets nieuws over burgerschap.', 'Burgerschap');
  const delta = index.persist().delta;

  function flipped(bytes: Uint8Array, at: number): Uint8Array {
    const copy = bytes.slice();
    copy[at] = copy[at]! ^ 0x10;
    return copy;
  }

  it('rejects a truncated, bit-flipped or foreign base', () => {
    expect(() => KeywordIndex.load(base.subarray(0, base.length - 7), null)).toThrow(KeywordIndexError);
    expect(() => KeywordIndex.load(base.subarray(0, 40), null)).toThrow(KeywordIndexError);
    for (const at of [4, 20, 60, Math.floor(base.length / 2), base.length - 10, base.length - 1]) {
      expect(() => KeywordIndex.load(flipped(base, at), null)).toThrow(KeywordIndexError);
    }
    const wrongMagic = base.slice();
    wrongMagic.set(new TextEncoder().encode('XXXX'), 0);
    expect(() => KeywordIndex.load(wrongMagic, null)).toThrow(/not a Visiewijzer keyword index/);
    expect(() => KeywordIndex.load(delta, null)).toThrow(KeywordIndexError);
    const next = seededRandom(3);
    const noise = Uint8Array.from({ length: 4096 }, () => Math.floor(next() * 256));
    expect(() => KeywordIndex.load(noise, null)).toThrow(KeywordIndexError);
  });

  it('rejects a damaged delta, and a delta that belongs to another base', () => {
    expect(KeywordIndex.load(base, delta).has('Beleid/Notitie 2.md#2')).toBe(true);
    expect(() => KeywordIndex.load(base, delta.subarray(0, delta.length - 3))).toThrow(KeywordIndexError);
    expect(() => KeywordIndex.load(base, flipped(delta, delta.length - 5))).toThrow(KeywordIndexError);
    expect(() => KeywordIndex.load(base, base)).toThrow(KeywordIndexError);

    const other = buildIndex(80, 22).index.persist();
    expect(() => KeywordIndex.load(other.base!, delta)).toThrow(/belongs to another base/);
    expect(() => KeywordIndex.load(base, other.delta)).toThrow(/belongs to another base/);
  });
});
