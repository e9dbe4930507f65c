import { describe, expect, it } from 'vitest';
import { KeywordIndex } from '../../src/core/index/keywordIndex';
import { dutchTerm } from '../../src/core/index/dutchText';

describe('KeywordIndex', () => {
  const index = KeywordIndex.empty();
  index.add('a', 'Leerlingen leren samenwerken in groepjes met vaste rollen.', 'Samenwerken');
  index.add('b', 'De leraar toetst formatief met wisbordjes.', 'Toetsbeleid');
  index.add('c', 'Kinderen kiezen zelf de volgorde van hun taken en houden hun planning bij.', 'Eigenaarschap');

  it('stems Dutch so that samenwerking finds samenwerken, and ignores stop words', () => {
    expect(index.search('samenwerking', 5).map((h) => h.id)).toEqual(['a']);
    expect(index.search('de het een', 5)).toEqual([]);
    expect(dutchTerm('ideeën')).toBe(dutchTerm('ideeen'));
  });

  it('ranks better matches first and filters by id', () => {
    expect(index.search('planning kiezen taken', 5)[0]?.id).toBe('c');
    expect(index.search('leerlingen kinderen wisbordjes', 5, (id) => id !== 'b').map((h) => h.id)).not.toContain('b');
  });

  it('replaces and removes entries, and survives a round trip through JSON', () => {
    const copy = KeywordIndex.fromJSON(index.toJSON());
    expect(copy.size).toBe(3);
    copy.add('b', 'Nu over muziek en zingen.', 'Muziek');
    expect(copy.search('wisbordjes', 5)).toEqual([]);
    copy.remove('c');
    expect(copy.has('c')).toBe(false);
    expect(copy.search('planning', 5)).toEqual([]);
  });

  it('rejects text that is not a saved index', () => {
    expect(() => KeywordIndex.fromJSON('{"niet": "een index"}')).toThrow();
  });
});
