import { describe, expect, it } from 'vitest';
import type { PiiType } from '../../src/core/privacy';
import { evaluateLabelledSet, loadLabelledSet, parseMarkedText } from './labelledSet';

describe('the labelled set helper', () => {
  it('derives clean text and gold offsets from inline markers', () => {
    const { text, gold } = parseMarkedText('Juf {{P:Ilse}} en {{L:Sanne de Vries}}, BSN {{bsn:123456782}}.');
    expect(text).toBe('Juf Ilse en Sanne de Vries, BSN 123456782.');
    expect(gold).toEqual([
      { type: 'name', start: 4, end: 8, role: 'adult' },
      { type: 'name', start: 12, end: 26, role: 'pupil' },
      { type: 'bsn', start: 32, end: 41 },
    ]);
  });

  it('holds at least 60 texts, and every kind of personal data', () => {
    const items = loadLabelledSet();
    expect(items.length).toBeGreaterThanOrEqual(60);
    const types = new Set(items.flatMap((item) => item.gold.map((g) => g.type)));
    expect(types.size).toBe(9);
  });
});

describe('quality on the labelled Dutch school texts', () => {
  const score = evaluateLabelledSet();
  const patternTypes: PiiType[] = ['bsn', 'email', 'phone', 'address', 'postcode', 'birthdate', 'student_number', 'iban'];

  it('finds at least 95% of the names, whole', () => {
    expect(score.perType.name.recall, score.misses.join('\n')).toBeGreaterThanOrEqual(0.95);
  });

  it.each(patternTypes)('finds at least 99%% of %s', (type) => {
    expect(score.perType[type].gold).toBeGreaterThan(0);
    expect(score.perType[type].recall, score.misses.join('\n')).toBeGreaterThanOrEqual(0.99);
  });

  it.each(['name', ...patternTypes] as PiiType[])('keeps precision of %s at 0.9 or more', (type) => {
    expect(score.perType[type].precision, score.falseAlarms.join('\n')).toBeGreaterThanOrEqual(0.9);
  });
});
