import { describe, expect, it } from 'vitest';
import { KeywordIndex, KeywordIndexError } from '../../src/core/index/keywordIndex';
import { dutchTerm } from '../../src/core/index/dutchText';

/** A copy as the plugin sees it after a restart: written with `persist`, opened with `load`. */
function reopened(index: KeywordIndex): KeywordIndex {
  const files = index.persist({ compact: true });
  return KeywordIndex.load(files.base!, files.delta);
}

describe('KeywordIndex', () => {
  const index = KeywordIndex.empty();
  index.add('a', 'Leerlingen leren samenwerken in groepjes met vaste rollen.', 'Samenwerken');
  index.add('b', 'De leraar toetst formatief met wisbordjes.', 'Toetsbeleid');
  index.add('c', 'Kinderen kiezen zelf de volgorde van hun taken en houden hun planning bij.', 'Eigenaarschap');

  it('stems Dutch so that samenwerking finds samenwerken, and ignores stop words', () => {
    expect(index.search('samenwerking', 5).map((h) => h.id)).toEqual(['a']);
    expect(index.search('de het een', 5)).toEqual([]);
    expect(dutchTerm('ideeën')).toBe(dutchTerm('ideeen'));
    const copy = reopened(index);
    expect(copy.search('samenwerking', 5).map((h) => h.id)).toEqual(['a']);
    expect(copy.search('de het een', 5)).toEqual([]);
  });

  it('ranks better matches first and filters by id', () => {
    expect(index.search('planning kiezen taken', 5)[0]?.id).toBe('c');
    expect(index.search('leerlingen kinderen wisbordjes', 5, (id) => id !== 'b').map((h) => h.id)).not.toContain('b');
    const copy = reopened(index);
    expect(copy.search('planning kiezen taken', 5)[0]?.id).toBe('c');
    expect(copy.search('leerlingen kinderen wisbordjes', 5, (id) => id !== 'b').map((h) => h.id)).not.toContain('b');
  });

  it('replaces and removes entries, and survives a round trip through persist and load', () => {
    const saved = index.persist({ compact: true });
    const copy = KeywordIndex.load(saved.base!, saved.delta);
    expect(copy.size).toBe(3);
    copy.add('b', 'Nu over muziek en zingen.', 'Muziek');
    expect(copy.search('wisbordjes', 5)).toEqual([]);
    copy.remove('c');
    expect(copy.has('c')).toBe(false);
    expect(copy.search('planning', 5)).toEqual([]);

    const files = copy.persist();
    const again = KeywordIndex.load(files.base ?? saved.base!, files.delta);
    expect(again.size).toBe(2);
    expect(again.has('c')).toBe(false);
    expect(again.search('wisbordjes', 5)).toEqual([]);
    expect(again.search('planning', 5)).toEqual([]);
    expect(again.search('muziek zingen', 5).map((h) => h.id)).toEqual(['b']);
    expect(again.search('samenwerking', 5)).toEqual(copy.search('samenwerking', 5));
  });

  it('returns the same hits with the same scores after a round trip', () => {
    const copy = reopened(index);
    for (const query of ['samenwerking', 'planning kiezen taken', 'leerlingen kinderen wisbordjes', 'formatief']) {
      expect(copy.search(query, 5)).toEqual(index.search(query, 5));
    }
  });

  it('rejects bytes that are not a saved index', () => {
    expect(() => KeywordIndex.load(new TextEncoder().encode('{"niet": "een index"}'), null)).toThrow(KeywordIndexError);
    expect(() => KeywordIndex.load(new Uint8Array(0), null)).toThrow(KeywordIndexError);
  });
});
