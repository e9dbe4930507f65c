/** The note an answer becomes: disclosure frontmatter that reads back as data, a free file name. */
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { freeNotePath, noteNameFor, renderAnswerNote } from '../../src/core/llm/answerNote';
import { renderDisclosure } from '../../src/core/llm/disclosure';
import { frontmatterOf } from '../../src/core/privacy/rosterLoader';

const sources = [
  { citation: '[[Kernwaarden#Samenwerken]]', path: 'Visie/Kernwaarden.md', heading: 'Samenwerken', startLine: 10, endLine: 14 },
  { citation: '[[Leesbeleid#Leesmaatjes: "groep 8"]]', path: 'Beleid/Leesbeleid.md', heading: 'Leesmaatjes: "groep 8"', startLine: 3, endLine: 5 },
];

describe('renderAnswerNote', () => {
  it('writes frontmatter ai: {provider, model, date, sources, reviewed: false}, the disclosure line, question, answer and sources', () => {
    const disclosure = renderDisclosure({ provider: 'ollama', model: 'llama3.1: "8b"', date: '2026-11-23', sources: sources.map((s) => s.citation), lang: 'nl' });
    const note = renderAnswerNote({ question: 'Hoe werken\nwe samen?', answer: 'Samen, zie [[Kernwaarden#Samenwerken]].', sources, disclosure, lang: 'nl' });
    expect(frontmatterOf(note)).toEqual({
      ai: { provider: 'ollama', model: 'llama3.1: "8b"', date: '2026-11-23', sources: ['[[Kernwaarden#Samenwerken]]', '[[Leesbeleid#Leesmaatjes: "groep 8"]]'], reviewed: false },
    });
    const body = note.slice(note.indexOf('\n---\n') + 5);
    expect(body.split('\n')[0]).toBe(disclosure.line);
    expect(body).toContain('## Vraag\n\n> Hoe werken\n> we samen?\n\n## Antwoord\n\nSamen, zie [[Kernwaarden#Samenwerken]].\n\n## Bronnen\n\n- [[Kernwaarden#Samenwerken]]\n');
  });

  it('writes an empty source list as valid YAML, with English headings in English', () => {
    const disclosure = renderDisclosure({ provider: 'openai', model: 'gpt', date: '2026-11-23', sources: [], lang: 'en' });
    const note = renderAnswerNote({ question: 'Q', answer: 'A', sources: [], disclosure, lang: 'en' });
    const yaml = /^---\n([\s\S]*?)\n---/.exec(note)?.[1] ?? '';
    expect(parseYaml(yaml)).toMatchObject({ ai: { sources: [], reviewed: false } });
    expect(note).toContain('## Question');
    expect(note).toContain('Draft, made with help from AI');
  });
});

describe('note names', () => {
  it('makes a file name from the question without link syntax or forbidden characters', () => {
    expect(noteNameFor('Wat zegt [[Kernwaarden]] over #samenwerken: groep 5/6?', 'Vraag')).toBe('Wat zegt Kernwaarden over samenwerken groep 5 6');
    expect(noteNameFor('...', 'Vraag')).toBe('Vraag');
    const long = noteNameFor('Hoe zorgen we ervoor dat alle leerlingen in de bovenbouw hun eigen leerdoelen kunnen formuleren?', 'Vraag');
    expect(long.length).toBeLessThanOrEqual(60);
    expect('Hoe zorgen we ervoor dat alle leerlingen in de bovenbouw hun eigen leerdoelen').toContain(long);
  });

  it('never picks the path of an existing note: adds 2, 3, …', () => {
    const taken = new Set(['Visiewijzer/Vraag.md', 'Visiewijzer/Vraag 2.md']);
    expect(freeNotePath('Visiewijzer', 'Vraag', (p) => taken.has(p))).toBe('Visiewijzer/Vraag 3.md');
    expect(freeNotePath('Visiewijzer/', 'Nieuw', (p) => taken.has(p))).toBe('Visiewijzer/Nieuw.md');
  });
});
