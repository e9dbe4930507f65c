/**
 * The summary callout appended to a lesson plan: approved Markdown for both languages and both modes,
 * where it goes, and that the check never reads its own callout back as lesson text.
 */
import { describe, expect, it } from 'vitest';
import { calloutInsertion, renderCheckCallout, withoutCheckCallouts } from '../../src/core/lessonCheck/renderCallout';
import { parseNote } from '../../src/core/notes/parseNote';
import { approve, DAY, disclosureFor, extractiveReport, modelReport } from './renderFixtures';

describe('renderCheckCallout', () => {
  it('renders an extractive check in Dutch and English (approved)', () => {
    approve('callout-extractive.nl.md', `${renderCheckCallout(extractiveReport(), { lang: 'nl', date: DAY })}\n`);
    approve('callout-extractive.en.md', `${renderCheckCallout(extractiveReport(), { lang: 'en', date: DAY })}\n`);
  });

  it('renders a model-assisted check with who judged it and the unverified element (approved)', () => {
    const report = modelReport();
    approve('callout-model.nl.md', `${renderCheckCallout(report, { lang: 'nl', date: DAY, disclosure: disclosureFor(report, 'nl') })}\n`);
  });

  it('is one callout: every line quoted, the first naming the visiewijzer type, one item per element', () => {
    const callout = renderCheckCallout(extractiveReport(), { lang: 'nl', date: DAY });
    const lines = callout.split('\n');
    expect(lines[0]).toBe('> [!visiewijzer] Visiecheck');
    expect(lines.every((line) => line.startsWith('>'))).toBe(true);
    expect(lines.filter((line) => /^> - [✓◐○] /.test(line))).toHaveLength(3);
    expect(callout).toContain('[[Visie/Kernwaarden#Eigenaarschap]]');
    expect(callout).toContain('regels 14 en 15–16');
  });
});

describe('calloutInsertion', () => {
  it('keeps a blank line before the callout whatever the note ends with', () => {
    const callout = '> [!visiewijzer] Visiecheck\n> x';
    for (const note of ['Tekst.', 'Tekst.\n', 'Tekst.\n\n']) {
      expect(`${note}${calloutInsertion(note, callout)}`).toBe(`Tekst.\n\n${callout}\n`);
    }
    expect(calloutInsertion('', callout)).toBe(`${callout}\n`);
  });
});

describe('withoutCheckCallouts', () => {
  it('blanks the check callouts and keeps every other line where it was', () => {
    const plan = '# Les\n\nDe leerlingen kiezen zelf.\n';
    const withCallout = `${plan}${calloutInsertion(plan, renderCheckCallout(extractiveReport(), { lang: 'nl', date: DAY }))}\n> [!note] Eigen notitie\n> blijft staan`;
    const masked = withoutCheckCallouts(withCallout);
    expect(masked.split('\n')).toHaveLength(withCallout.split('\n').length);
    expect(masked).not.toContain('Eigenaarschap');
    expect(masked.startsWith(plan)).toBe(true);
    expect(masked).toContain('> [!note] Eigen notitie\n> blijft staan');
    const note = parseNote('Lessen/x.md', masked);
    expect(note.sections.flatMap((s) => s.blocks.map((b) => b.text)).join(' ')).not.toMatch(/Visiecheck|planbord/);
  });
});
