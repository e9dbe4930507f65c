import { describe, expect, it } from 'vitest';
import { parseNote } from '../../src/core/notes/parseNote';

const NOTE = `---
visiewijzer: visie
tags: [kernwaarde]
---
# Kernwaarden

Intro met [[Beleid/Toetsbeleid|ons toetsbeleid]] en #visie.

## Eigenaarschap

Leerlingen **nemen** regie over hun leren.

- De leerling kiest zelf de volgorde
  - met een planbord
- De leraar vraagt door

| Fase | Wat |
|------|-----|
| Kern | Samen werken |

### Voorbeeld

> [!tip] In de klas
> Een weektaak.

\`\`\`dataview
TABLE file.name
\`\`\`
`;

describe('parseNote', () => {
  const note = parseNote('Visie/Kernwaarden.md', NOTE);

  it('reads frontmatter, body tags and frontmatter tags, and wikilink targets', () => {
    expect(note.frontmatter['visiewijzer']).toBe('visie');
    expect(note.tags.sort()).toEqual(['kernwaarde', 'visie']);
    expect(note.links).toEqual(['Beleid/Toetsbeleid']);
    expect(note.title).toBe('Kernwaarden');
  });

  it('splits sections by heading with heading paths and 1-based line ranges', () => {
    const headings = note.sections.map((s) => [s.headingPath.join(' > '), s.startLine, s.endLine]);
    expect(headings).toEqual([
      ['Kernwaarden', 5, 7],
      ['Kernwaarden > Eigenaarschap', 9, 19],
      ['Kernwaarden > Eigenaarschap > Voorbeeld', 21, 24],
    ]);
  });

  it('keeps text a reader sees: wikilink aliases, list items with depth, table rows, callouts; drops code', () => {
    const [intro, values, example] = note.sections;
    expect(intro?.text).toBe('Intro met ons toetsbeleid en #visie.');
    expect(values?.listItems).toEqual([
      { text: 'De leerling kiest zelf de volgorde', line: 13, depth: 0 },
      { text: 'met een planbord', line: 14, depth: 1 },
      { text: 'De leraar vraagt door', line: 15, depth: 0 },
    ]);
    expect(values?.text).toContain('Kern | Samen werken');
    expect(values?.text).toContain('Leerlingen nemen regie over hun leren.');
    expect(example?.text).toBe('In de klas Een weektaak.');
    expect(example?.text).not.toContain('TABLE');
  });

  it('survives malformed frontmatter and still parses the body', () => {
    const odd = parseNote('x.md', '---\nvisiewijzer: [visie\n---\n## Kop\n\nTekst.\n');
    expect(odd.frontmatterError).toMatch(/not valid YAML/);
    expect(odd.frontmatter).toEqual({});
    expect(odd.sections.map((s) => s.heading)).toEqual(['Kop']);
  });

  it('reports empty and duplicate headings instead of failing', () => {
    const odd = parseNote('x.md', '## Zelfde\n\na\n\n## \n\nb\n\n## zelfde\n\nc\n');
    expect(odd.warnings).toEqual([
      'Empty heading on line 5',
      'Heading "Zelfde" appears 2 times (lines 1, 9); links go to the first',
    ]);
    expect(odd.sections).toHaveLength(3);
  });

  it('handles empty notes, notes without structure and Windows line ends', () => {
    expect(parseNote('leeg.md', '').sections).toEqual([]);
    const plain = parseNote('los.md', 'Alleen een zin.\r\nEn nog een.\r\n');
    expect(plain.sections).toHaveLength(1);
    expect(plain.sections[0]).toMatchObject({ heading: null, startLine: 1, endLine: 2, text: 'Alleen een zin. En nog een.' });
  });

  it('does not take numbers, headings or URLs with # for tags', () => {
    const n = parseNote('t.md', 'Issue #12 en https://x.nl/#anker en #burgerschap/groep8\n');
    expect(n.tags).toEqual(['burgerschap/groep8']);
  });
});

describe('parseNote with and without GFM syntax', () => {
  it('reads task boxes and footnotes as GFM', () => {
    const n = parseNote('t.md', '## Taken\n\n- [ ] Planbord ophangen\n- [x] Rollen uitleggen\n\nZie bron[^1].\n\n[^1]: Het schoolplan.\n');
    expect(n.sections[0]?.listItems.map((i) => i.text)).toEqual(['Planbord ophangen', 'Rollen uitleggen']);
    expect(n.sections[0]?.text).toContain('Het schoolplan.');
  });

  it('gives the same sections for every example-vault note whichever parser runs', async () => {
    const { loadExampleVault } = await import('../helpers/memoryNoteSource');
    for (const [path, text] of Object.entries(loadExampleVault())) {
      const plain = parseNote(path, text);
      // A trailing strikethrough forces the GFM parser; drop the block it adds before comparing.
      const gfm = parseNote(path, `${text}\n\n~~x~~\n`);
      const last = gfm.sections[gfm.sections.length - 1];
      last?.blocks.pop();
      if (last) last.text = last.blocks.map((b) => b.text).join('\n');
      expect(gfm.sections.map((s) => s.blocks), path).toEqual(plain.sections.map((s) => s.blocks));
    }
  });
});
