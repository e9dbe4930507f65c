import { describe, expect, it } from 'vitest';
import { applyPrefix, E5_PREFIXES, isE5Model, NO_PREFIXES, prefixesForModel } from '../../src/core/embedding/modelPrefixes';

describe('model prefixes', () => {
  it('recognises e5-family ids and nothing else', () => {
    for (const id of ['Xenova/multilingual-e5-small', 'intfloat/e5-base-v2', 'e5-large', 'Xenova/multilingual-e5-base']) {
      expect(isE5Model(id), id).toBe(true);
    }
    for (const id of ['Xenova/all-MiniLM-L6-v2', 'BAAI/bge-m3', 'visiewijzer-tiny', 'someone/he5-model', 'e55-small']) {
      expect(isE5Model(id), id).toBe(false);
    }
  });

  it('gives e5 models query/passage prefixes and others none', () => {
    expect(prefixesForModel('Xenova/multilingual-e5-small')).toEqual(E5_PREFIXES);
    expect(prefixesForModel('visiewijzer-tiny')).toEqual(NO_PREFIXES);
  });

  it('gives the instruct e5 variant an instruction before queries and nothing before passages', () => {
    const prefixes = prefixesForModel('intfloat/multilingual-e5-large-instruct');
    expect(prefixes.query).toMatch(/^Instruct: .*\nQuery: $/s);
    expect(prefixes.passage).toBe('');
  });

  it('puts the prefix of the requested kind before every text', () => {
    expect(applyPrefix(['wat is eigenaarschap?'], 'query', E5_PREFIXES)).toEqual(['query: wat is eigenaarschap?']);
    expect(applyPrefix(['Leerlingen kiezen zelf.', 'Samen leren.'], 'passage', E5_PREFIXES)).toEqual([
      'passage: Leerlingen kiezen zelf.',
      'passage: Samen leren.',
    ]);
    expect(applyPrefix(['tekst'], 'query', NO_PREFIXES)).toEqual(['tekst']);
  });
});
