/**
 * The report note beside a lesson plan: approved Markdown (extractive in Dutch and English, model-assisted
 * with its disclosure), its name, and that its frontmatter reads back as what it says.
 */
import { describe, expect, it } from 'vitest';
import { parseNote } from '../../src/core/notes/parseNote';
import { renderReportNote, reportNoteName, reportSources, REPORT_PLAN_KEY } from '../../src/core/lessonCheck/renderReportNote';
import { approve, DAY, disclosureFor, extractiveReport, modelReport } from './renderFixtures';

describe('renderReportNote', () => {
  it('renders an extractive check in Dutch and English (approved)', () => {
    approve('report-extractive.nl.md', renderReportNote(extractiveReport(), { lang: 'nl', date: DAY }));
    approve('report-extractive.en.md', renderReportNote(extractiveReport(), { lang: 'en', date: DAY }));
  });

  it('renders a model-assisted check with the disclosure in frontmatter and as a visible line (approved)', () => {
    const report = modelReport();
    approve('report-model.nl.md', renderReportNote(report, { lang: 'nl', date: DAY, disclosure: disclosureFor(report, 'nl') }));
  });

  it('links the plan and every vision passage, and its frontmatter reads back', () => {
    const report = modelReport();
    const text = renderReportNote(report, { lang: 'nl', date: DAY, disclosure: disclosureFor(report, 'nl') });
    for (const source of reportSources(report)) expect(text).toContain(source);
    expect(reportSources(report)).toEqual([
      '[[Lessen/Groep 5 Rekenen - Breuken vergelijken]]',
      '[[Visie/Kernwaarden#Eigenaarschap]]',
      '[[Good practices/Planbord in groep 4#Wat we doen]]',
      '[[Visie/Kernwaarden#Samenwerken]]',
      '[[Schoolplan/Pijlers 2024-2028#Pijler 1 Rijke taal]]',
    ]);
    const note = parseNote('Lessen/x - visiecheck.md', text);
    expect(note.frontmatterError).toBeUndefined();
    expect(note.frontmatter[REPORT_PLAN_KEY]).toBe('[[Lessen/Groep 5 Rekenen - Breuken vergelijken]]');
    expect(note.frontmatter['ai']).toMatchObject({ provider: 'ollama', model: 'llama3.1', date: DAY, reviewed: false });
    expect((note.frontmatter['ai'] as { sources: string[] }).sources).toEqual(reportSources(report));
  });

  it('refuses a model-assisted report without its disclosure, and writes none for an extractive one', () => {
    expect(() => renderReportNote(modelReport(), { lang: 'nl', date: DAY })).toThrow(/disclosure/);
    const text = renderReportNote(extractiveReport(), { lang: 'nl', date: DAY, disclosure: disclosureFor(modelReport(), 'nl') });
    expect(text).not.toContain('ai:');
    expect(text).not.toContain('[!info]');
  });

  it('names the note after the plan', () => {
    expect(reportNoteName('Lessen/Groep 8 Burgerschap - Een voorstel.md', 'nl')).toBe('Groep 8 Burgerschap - Een voorstel - visiecheck');
    expect(reportNoteName('Plan.md', 'en')).toBe('Plan - vision check');
  });
});
