/**
 * Fixed reports for the rendering tests (callout, report note): hand-made, so the approved files change
 * only when the rendering does, not when the analysis is tuned. Plus the approval helper.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { ElementCheck, LessonCheckReport } from '../../src/core/lessonCheck';
import { renderDisclosure, type Disclosure } from '../../src/core/llm/disclosure';
import { reportSources } from '../../src/core/lessonCheck/renderReportNote';

const APPROVED = fileURLToPath(new URL('../fixtures/approved/lessonCheck/', import.meta.url));

/**
 * Compares `actual` with the approved file. `UPDATE_APPROVED=1 npx vitest run ...` writes it instead;
 * read the diff before committing. A missing file fails the test.
 */
export function approve(name: string, actual: string): void {
  const file = join(APPROVED, name);
  if (process.env['UPDATE_APPROVED'] === '1') {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
  }
  if (!existsSync(file)) throw new Error(`No approved file ${name}; run with UPDATE_APPROVED=1 and check the result`);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

const PLAN = 'Lessen/Groep 5 Rekenen - Breuken vergelijken.md';

const ELEMENTS: ElementCheck[] = [
  {
    id: 'kernwaarden/eigenaarschap',
    title: 'Eigenaarschap',
    path: 'Visie/Kernwaarden.md',
    heading: 'Eigenaarschap',
    status: 'strong',
    score: 0.826,
    evidence: [
      {
        startLine: 14,
        endLine: 14,
        text: 'De leerlingen kiezen zelf de volgorde van de taken op het planbord.',
        visionPath: 'Visie/Kernwaarden.md',
        visionHeading: 'Eigenaarschap',
        visionText: 'De leerling kiest zelf in welke volgorde hij de taken op het planbord afwerkt.',
        visionLine: 9,
        strength: 0.8,
      },
      {
        startLine: 15,
        endLine: 16,
        text: 'Ze houden hun planning bij op hun "weekkaart" en kleuren af wat klaar is.',
        visionPath: 'Good practices/Planbord in groep 4.md',
        visionHeading: 'Wat we doen',
        visionText: null,
        visionLine: null,
        strength: 0.41,
      },
    ],
    suggestions: [],
    verified: true,
  },
  {
    id: 'kernwaarden/samenwerken',
    title: 'Samenwerken',
    path: 'Visie/Kernwaarden.md',
    heading: 'Samenwerken',
    status: 'partial',
    score: 0.31,
    evidence: [
      {
        startLine: 18,
        endLine: 18,
        text: 'De leerlingen bespreken in tweetallen hun antwoord.',
        visionPath: 'Visie/Kernwaarden.md',
        visionHeading: 'Samenwerken',
        visionText: 'Leerlingen werken in tweetallen of groepjes met een vaste rol, zoals voorzitter of tijdbewaker.',
        visionLine: 17,
        strength: 0.3,
      },
    ],
    suggestions: [
      'Probeer dit: je zet coöperatieve werkvormen in, zoals denken-delen-uitwisselen ([[Visie/Kernwaarden#Samenwerken]])',
      'Zie de good practice [[Good practices/Denken-delen-uitwisselen]]: "Na elke alinea bespreken de leerlingen in tweetallen wat ze gelezen hebben."',
    ],
    verified: true,
  },
  {
    id: 'pijlers-2024-2028/pijler-1-rijke-taal',
    title: 'Pijler 1: Rijke taal',
    path: 'Schoolplan/Pijlers 2024-2028.md',
    heading: 'Pijler 1: Rijke taal',
    status: 'absent',
    score: 0.05,
    evidence: [],
    suggestions: ['Plan een moment waarop je dit ziet: leerlingen schrijven teksten voor een echte lezer ([[Schoolplan/Pijlers 2024-2028#Pijler 1 Rijke taal]])'],
    verified: true,
  },
];

/** An extractive, keyword-only report of three elements: one strong, one partial, one absent. */
export function extractiveReport(): LessonCheckReport {
  return { note: PLAN, mode: 'extractive', matching: 'keyword-only', elements: structuredClone(ELEMENTS), warnings: [] };
}

/** The same plan judged by a model: one element unverified (a quote was dropped). */
export function modelReport(): LessonCheckReport {
  const elements = structuredClone(ELEMENTS);
  elements[1]!.verified = false;
  return {
    note: PLAN,
    mode: 'model',
    matching: 'keyword-only',
    elements,
    warnings: ['1 quote(s) from the model were not found in the plan or the vision text and were left out.'],
    model: { provider: 'ollama', model: 'llama3.1', requests: [], redactionCount: 2, droppedQuotes: 1 },
  };
}

export const DAY = '2026-11-23';

export function disclosureFor(report: LessonCheckReport, lang: 'nl' | 'en'): Disclosure {
  return renderDisclosure({ provider: report.model!.provider, model: report.model!.model, date: DAY, sources: reportSources(report), lang });
}
