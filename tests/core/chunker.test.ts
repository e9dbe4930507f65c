import { describe, expect, it } from 'vitest';
import { parseNote } from '../../src/core/notes/parseNote';
import { chunkNote, estimateTokens } from '../../src/core/index/chunker';

describe('chunkNote', () => {
  it('prepends the breadcrumb, keeps line ranges and hashes text', () => {
    const note = parseNote('Beleid/Toetsbeleid.md', '# Toetsbeleid\n\nWe toetsen om te leren.\n\n## Formatief\n\n' + 'De leraar gebruikt wisbordjes om te zien wat leerlingen al kunnen. '.repeat(8) + '\n');
    const chunks = chunkNote(note, 'beleid');
    expect(chunks.map((c) => [c.id, c.headingPath, c.startLine, c.endLine])).toEqual([
      ['Beleid/Toetsbeleid.md#0', ['Toetsbeleid'], 1, 3],
      ['Beleid/Toetsbeleid.md#1', ['Toetsbeleid', 'Formatief'], 5, 7],
    ]);
    expect(chunks[1]?.text.startsWith('Toetsbeleid > Toetsbeleid > Formatief\nDe leraar')).toBe(true);
    expect(chunks[1]?.role).toBe('beleid');
    expect(chunks[0]?.hash).not.toBe(chunks[1]?.hash);
  });

  it('splits long sections at block boundaries within the token limit', () => {
    const items = Array.from({ length: 60 }, (_, i) => `- Indicator ${i}: de leerling legt aan een ander uit hoe hij de opdracht heeft aangepakt.`).join('\n');
    const chunks = chunkNote(parseNote('Visie/K.md', `## Eigenaarschap\n\n${items}\n`), 'visie');
    expect(chunks.length).toBeGreaterThan(2);
    for (const c of chunks) expect(estimateTokens(c.text)).toBeLessThanOrEqual(400 + 20);
    expect(chunks[0]?.startLine).toBe(1);
    expect(chunks[chunks.length - 1]?.endLine).toBe(62);
    for (let i = 1; i < chunks.length; i++) expect(chunks[i]!.startLine).toBe(chunks[i - 1]!.endLine + 1);
  });

  it('splits one giant paragraph by sentence', () => {
    const text = 'Dit is een lange zin over samenwerken in de klas. '.repeat(200);
    const chunks = chunkNote(parseNote('x.md', text), null);
    expect(chunks.length).toBeGreaterThan(3);
    for (const c of chunks) expect(estimateTokens(c.text)).toBeLessThanOrEqual(420);
    expect(chunks.every((c) => c.startLine === 1 && c.endLine === 1)).toBe(true);
  });

  it('folds a small sub-section into its parent chunk, keeping its heading searchable', () => {
    const chunks = chunkNote(parseNote('x.md', '## Samenwerken\n\nSamen leren.\n\n### Rollen\n\nVoorzitter en tijdbewaker.\n\n## Anders\n\nTekst.\n'), null);
    expect(chunks).toHaveLength(2);
    expect(chunks[0]?.text).toBe('x > Samenwerken\nSamen leren.\nRollen\nVoorzitter en tijdbewaker.');
    expect(chunks[0]?.endLine).toBe(7);
  });

  it('gives identical text the same hash in another note folder, so vectors can be reused', () => {
    const a = chunkNote(parseNote('A/Note.md', '## Kop\n\nZelfde tekst.\n'), null);
    const b = chunkNote(parseNote('B/Note.md', '## Kop\n\nZelfde tekst.\n'), null);
    expect(a[0]?.hash).toBe(b[0]?.hash);
  });
});
