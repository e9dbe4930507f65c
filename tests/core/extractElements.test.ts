import { describe, expect, it } from 'vitest';
import { parseNote } from '../../src/core/notes/parseNote';
import { extractElements } from '../../src/core/vision/extractElements';

const extract = (path: string, text: string) => extractElements(parseNote(path, text));

describe('extractElements', () => {
  it('makes one element per level-2 heading with description, indicators and source lines', () => {
    const { elements, warnings } = extract('Visie/Kernwaarden.md', [
      '# Kernwaarden', '', 'Inleiding.', '', '## Eigenaarschap', '', 'Leerlingen sturen hun leren.', '',
      '- De leerling kiest zelf.', '- De leraar vraagt door.', '', '### In de klas', '', 'Een planbord.', '- De leerling werkt het planbord bij.', '',
      '## Samenwerken', '', 'Samen leer je meer.',
    ].join('\n'));
    expect(warnings).toEqual([]);
    expect(elements).toEqual([
      {
        id: 'kernwaarden/eigenaarschap', title: 'Eigenaarschap', path: 'Visie/Kernwaarden.md', heading: 'Eigenaarschap',
        description: 'Leerlingen sturen hun leren.\nEen planbord.',
        indicators: ['De leerling kiest zelf.', 'De leraar vraagt door.', 'De leerling werkt het planbord bij.'],
        startLine: 5, endLine: 15,
      },
      { id: 'kernwaarden/samenwerken', title: 'Samenwerken', path: 'Visie/Kernwaarden.md', heading: 'Samenwerken', description: 'Samen leer je meer.', indicators: [], startLine: 17, endLine: 19 },
    ]);
  });

  it('makes a note without level-2 headings one element named after the file', () => {
    const { elements } = extract('Visie/Veiligheid.md', '# Iets anders\n\nWe zorgen voor rust.\n\n- De leraar begroet elk kind.\n');
    expect(elements).toHaveLength(1);
    expect(elements[0]).toMatchObject({ id: 'veiligheid', title: 'Veiligheid', heading: null, indicators: ['De leraar begroet elk kind.'], startLine: 1, endLine: 5 });
  });

  it('gives duplicate headings distinct ids and skips empty headings, with warnings', () => {
    const { elements, warnings } = extract('Visie/K.md', '## Zorg\n\na\n\n## \n\nb\n\n## Zorg\n\nc\n');
    expect(elements.map((e) => e.id)).toEqual(['k/zorg', 'k/zorg-2']);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/line 5 is empty/);
    expect(warnings[1]).toMatch(/more than once/);
  });

  it('reports a vision note with no text instead of inventing an element', () => {
    expect(extract('Visie/Leeg.md', '')).toEqual({ elements: [], warnings: ['Visie/Leeg.md: vision note has no text; no element made'] });
    expect(extract('Visie/Kop.md', '# Alleen een kop\n').elements).toEqual([]);
  });
});
