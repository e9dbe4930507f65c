import { describe, expect, it } from 'vitest';
import { ByteWriter } from '../../src/core/index/byteWriter';
import { decodePostings, encodePostings, postingsBuffers, type PostingsBuffers } from '../../src/core/index/keyword/postingsCodec';
import { KeywordSegment, SegmentWriter } from '../../src/core/index/keyword/keywordSegment';
import { decodeDelta, encodeDelta } from '../../src/core/index/keyword/keywordDelta';
import { KeywordIndexError } from '../../src/core/index/keyword/keywordIndexError';

/** Postings buffers holding exactly these values. */
function postings(docs: number[], bodyTfs: number[], headingTfs: number[] = docs.map(() => 0)): PostingsBuffers {
  return { docs: Int32Array.from(docs), bodyTfs: Int32Array.from(bodyTfs), headingTfs: Int32Array.from(headingTfs), bodyDf: 0, headingDf: 0 };
}

describe('postings codec', () => {
  it('round-trips ascending documents and body and heading frequencies of any size below 2^30', () => {
    const docs = [0, 1, 127, 128, 300, 16_383, 16_384, 2_000_000, 2 ** 30 - 1];
    const bodyTfs = [1, 63, 64, 2, 16_384, 0, 3, 70_000, 5];
    const headingTfs = [0, 0, 1, 0, 2, 200, 0, 1, 0];
    const writer = new ByteWriter(4);
    encodePostings(writer, postings(docs, bodyTfs, headingTfs), docs.length);
    const bytes = writer.result();
    const out = postingsBuffers(docs.length);
    expect(decodePostings(bytes, 0, bytes.length, 2 ** 30, out)).toBe(docs.length);
    expect([...out.docs]).toEqual(docs);
    expect([...out.bodyTfs]).toEqual(bodyTfs);
    expect([...out.headingTfs]).toEqual(headingTfs);
    expect([out.bodyDf, out.headingDf]).toEqual([8, 4]);
  });

  it('counts document frequencies without the removed documents', () => {
    const writer = new ByteWriter();
    encodePostings(writer, postings([0, 1, 2, 3], [1, 0, 2, 1], [0, 1, 1, 0]), 4);
    const bytes = writer.result();
    const out = postingsBuffers(4);
    const removed = Uint8Array.from([0, 0, 1, 0]);
    expect(decodePostings(bytes, 0, bytes.length, 4, out, removed)).toBe(4);
    expect([out.bodyDf, out.headingDf]).toEqual([2, 1]);
  });

  it('spends two bytes on a typical posting, one more when the term is in the heading', () => {
    const writer = new ByteWriter();
    const docs = Array.from({ length: 1000 }, (_, i) => i * 3);
    encodePostings(writer, postings(docs, docs.map(() => 2)), docs.length);
    expect(writer.length).toBe(2000);
    const withHeading = new ByteWriter();
    encodePostings(withHeading, postings(docs, docs.map(() => 2), docs.map(() => 1)), docs.length);
    expect(withHeading.length).toBe(3000);
  });

  it('rejects postings that point past the last document', () => {
    const writer = new ByteWriter();
    encodePostings(writer, postings([1, 5], [1, 1]), 2);
    const bytes = writer.result();
    expect(() => decodePostings(bytes, 0, bytes.length, 5, postingsBuffers(5))).toThrow(KeywordIndexError);
  });
});

describe('base segment', () => {
  function segmentBytes(): Uint8Array {
    const writer = new SegmentWriter();
    writer.addTerm('leerling', postings([0, 2], [3, 1], [1, 0]), 2);
    writer.addTerm('planbord', postings([1], [2]), 1);
    writer.addTerm('planbordj', postings([2], [1]), 1);
    return writer.finish(['a.md#0', 'b.md#0', 'c.md#1'], [10, 20, 30], [1, 0, 2]);
  }

  it('finds terms and prefix ranges and decodes postings', () => {
    const segment = KeywordSegment.decode(segmentBytes());
    expect(segment.ids).toEqual(['a.md#0', 'b.md#0', 'c.md#1']);
    expect([...segment.bodyLengths]).toEqual([10, 20, 30]);
    expect([...segment.headingLengths]).toEqual([1, 0, 2]);
    expect(segment.postingCount).toBe(4);
    expect(segment.findTerm('planbord')).toBe(1);
    expect(segment.findTerm('plan')).toBe(-1);
    expect(segment.prefixRange('planbord')).toEqual([1, 3]);
    expect(segment.prefixRange('zzz')).toEqual([3, 3]);
    const out = postingsBuffers(3);
    expect(segment.postingsOf(0, out)).toBe(2);
    expect([...out.docs.subarray(0, 2)]).toEqual([0, 2]);
    expect([...out.bodyTfs.subarray(0, 2)]).toEqual([3, 1]);
    expect([...out.headingTfs.subarray(0, 2)]).toEqual([1, 0]);
  });

  it('gives equal content an equal base id and other content another', () => {
    expect(KeywordSegment.decode(segmentBytes()).baseId).toBe(KeywordSegment.decode(segmentBytes()).baseId);
    const other = new SegmentWriter();
    other.addTerm('leerling', postings([0], [1]), 1);
    expect(KeywordSegment.decode(other.finish(['a.md#0'], [1], [0])).baseId).not.toBe(KeywordSegment.decode(segmentBytes()).baseId);
  });

  it('rejects another format version', () => {
    const bytes = segmentBytes();
    new DataView(bytes.buffer, bytes.byteOffset).setUint32(4, 99, true);
    expect(() => KeywordSegment.decode(bytes)).toThrow(/version 99/);
  });
});

describe('delta file', () => {
  it('round-trips removals and added documents', () => {
    const delta = {
      baseId: '0123456789abcdef',
      removed: [0, 4],
      docs: [{ id: 'x.md#0', terms: ['planbord', 'klas', 'afspraak'], bodyTfs: [3, 2, 0], headingTfs: [1, 0, 1], bodyLength: 5, headingLength: 2 }],
    };
    expect(decodeDelta(encodeDelta(delta))).toEqual(delta);
  });

  it('rejects a payload of the wrong shape even with a valid checksum', () => {
    const bad = encodeDelta({ baseId: 'not-hex', removed: [], docs: [] });
    expect(() => decodeDelta(bad)).toThrow(KeywordIndexError);
    const badTerms = encodeDelta({ baseId: '0123456789abcdef', removed: [], docs: [{ id: 'x', terms: ['a', 'b'], bodyTfs: [1], headingTfs: [0, 0], bodyLength: 1, headingLength: 0 }] });
    expect(() => decodeDelta(badTerms)).toThrow(KeywordIndexError);
    const noFrequency = encodeDelta({ baseId: '0123456789abcdef', removed: [], docs: [{ id: 'x', terms: ['a'], bodyTfs: [0], headingTfs: [0], bodyLength: 0, headingLength: 0 }] });
    expect(() => decodeDelta(noFrequency)).toThrow(KeywordIndexError);
  });
});
