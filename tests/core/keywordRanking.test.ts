import { describe, expect, it } from 'vitest';
import { KeywordIndex } from '../../src/core/index/keywordIndex';
import { dutchTerm } from '../../src/core/index/dutchText';

const FILLER = 'klas school week dag jaar team plan werk tijd vraag antwoord doel stap rol taak regel';

describe('KeywordIndex ranking (BM25)', () => {
  it('scores a rarer term higher than a common one', () => {
    const index = KeywordIndex.empty();
    index.add('rare', 'rekenen spelling', '');
    index.add('common', 'lezen spelling', '');
    for (let i = 0; i < 8; i++) index.add(`filler${i}`, `lezen ${FILLER.split(' ')[i]}`, '');
    const hits = index.search('rekenen lezen', 3);
    expect(hits[0]?.id).toBe('rare');
    const scores = new Map(hits.map((h) => [h.id, h.score]));
    expect(scores.get('rare')!).toBeGreaterThan(scores.get('common')!);
  });

  it('scores a longer document lower for the same matches', () => {
    const index = KeywordIndex.empty();
    index.add('short', 'planbord in de klas', '');
    index.add('long', `planbord ${FILLER}`, '');
    const hits = index.search('planbord', 2);
    expect(hits.map((h) => h.id)).toEqual(['short', 'long']);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
  });

  it('ranks a passage with all the query words above one that repeats the rarest', () => {
    const index = KeywordIndex.empty();
    index.add('both', 'portfolio ouders klas school week dag jaar team plan werk', '');
    index.add('one', Array.from({ length: 10 }, () => 'portfolio').join(' '), '');
    for (let i = 0; i < 7; i++) index.add(`filler${i}`, `ouders ${FILLER}`.split(' ').slice(0, 9).join(' '), '');
    expect(index.search('portfolio ouders', 2).map((h) => h.id)).toEqual(['both', 'one']);
  });

  it('scores the heading as its own, double-weighted field', () => {
    const index = KeywordIndex.empty();
    index.add('body', 'planbord klas week', 'Afspraken');
    index.add('heading', 'klas week afspraken', 'Planbord');
    expect(index.search('planbord', 2).map((h) => h.id)).toEqual(['heading', 'body']);
  });

  it('matches longer terms by prefix for query terms of five letters or more, below an exact match', () => {
    expect(dutchTerm('toetsen')).toBe('toets');
    const index = KeywordIndex.empty();
    index.add('exact', 'wij toetsen formatief', '');
    index.add('longer', 'de toetskalender hangt in de gang', '');
    index.add('none', 'rekenen en spelling', '');
    const hits = index.search('toetsen', 5);
    expect(hits.map((h) => h.id)).toEqual(['exact', 'longer']);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);

    // A short query term is matched whole only: `boek` does not find `boekbespreking`.
    expect(dutchTerm('boek')!.length).toBeLessThan(5);
    index.add('book', 'een boekbespreking in groep 7', '');
    expect(index.search('boek', 5)).toEqual([]);
  });

  it('orders equal scores by id, cuts at k, and filters before the cut', () => {
    const index = KeywordIndex.empty();
    for (const id of ['d', 'b', 'a', 'c']) index.add(id, 'samen werken aan het planbord', 'Planbord');
    expect(index.search('planbord', 10).map((h) => h.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(index.search('planbord', 2).map((h) => h.id)).toEqual(['a', 'b']);
    expect(index.search('planbord', 2, (id) => id !== 'a').map((h) => h.id)).toEqual(['b', 'c']);
    expect(index.search('planbord', 0)).toEqual([]);
    expect(index.search('', 5)).toEqual([]);
  });

  it('leaves removed documents out of the statistics', () => {
    const index = KeywordIndex.empty();
    index.add('a', 'rekenen spelling', '');
    index.add('b', 'lezen spelling', '');
    const before = index.search('rekenen', 1)[0]!.score;
    for (let i = 0; i < 10; i++) index.add(`x${i}`, 'rekenen rekenen rekenen', '');
    for (let i = 0; i < 10; i++) index.remove(`x${i}`);
    expect(index.size).toBe(2);
    expect(index.search('rekenen', 1)[0]!.score).toBe(before);
    const files = index.persist();
    index.remove('b');
    index.add('b', 'lezen spelling', '');
    const reloaded = KeywordIndex.load(files.base!, index.persist().delta);
    expect(reloaded.search('rekenen', 1)[0]!.score).toBe(before);
  });
});
