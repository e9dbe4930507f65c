import { z } from 'zod';
import { buildGroundedPrompt, type GroundedPrompt, type PromptSource } from '../llm/prompt';
import type { ParsedNote } from '../notes/types';
import type { VisionElement } from '../vision/visionElement';

/** A policy passage sent with an element. */
export interface PolicyPassage {
  path: string;
  heading: string | null;
  startLine: number;
  text: string;
}

/** One element as the model sees it: a short id, the element, and the policy passages retrieved for it. */
export interface PromptElement {
  /** `E1`, `E2`, …: short ids the model can repeat without mistakes. */
  key: string;
  element: VisionElement;
  passages: PolicyPassage[];
}

/** What the model must answer: per element a status, quotes as evidence, and suggestions. */
export const ModelAnswerSchema = z.object({
  elements: z.array(
    z.object({
      id: z.string().describe('De id van het element, bijvoorbeeld E1'),
      status: z.enum(['strong', 'partial', 'absent']),
      evidence: z
        .array(
          z.object({
            quote: z.string().describe('Letterlijke tekst uit de les (bron LES)'),
            visionQuote: z.string().optional().describe('Letterlijke tekst uit de visie of het beleid bij dit element'),
          }),
        )
        .default([]),
      suggestions: z.array(z.string()).default([]),
    }),
  ),
});

export type ModelAnswer = z.infer<typeof ModelAnswerSchema>;

const TASK = [
  'Je beoordeelt een lesvoorbereiding aan de hand van de visie van de school.',
  'Bepaal per visie-element of de les het element duidelijk in praktijk brengt ("strong"), gedeeltelijk ("partial") of niet ("absent").',
  'Kijk naar wat leerlingen en leraar in de les doen, niet naar losse woorden: een waarde die alleen genoemd wordt',
  '(bijvoorbeeld achter "Kernwaarden:") maar in geen enkele activiteit terugkomt, is "absent".',
  'Geef als bewijs letterlijke citaten uit de les (bron LES, zonder regelnummer) en waar het kan het letterlijke kijkpunt',
  'uit de visie of het beleid dat erbij hoort. Citeer alleen wat er echt staat; verzin niets.',
  'Geef bij "partial" en "absent" één of twee concrete suggesties die aansluiten bij de kijkpunten van het element en bij deze les.',
].join(' ');

/** Builds the prompt for a batch of elements: the plan with line numbers, then each element and its passages. */
export function buildCheckPrompt(plan: ParsedNote, elements: readonly PromptElement[]): GroundedPrompt {
  const planLines = plan.sections.flatMap((s) => [
    ...(s.heading ? [`[${s.startLine}] ${'#'.repeat(Math.max(s.level, 1))} ${s.heading}`] : []),
    ...s.blocks.map((b) => `[${b.startLine}] ${b.text}`),
  ]);
  const sources: PromptSource[] = [{ id: 'LES', path: plan.path, heading: null, text: planLines.join('\n') }];
  for (const item of elements) {
    const e = item.element;
    const text = [`${item.key}: ${e.title}`, e.description, ...e.indicators.map((i) => `- ${i}`)].filter((t) => t.trim()).join('\n');
    sources.push({ id: item.key, path: e.path, heading: e.heading, text });
    item.passages.forEach((p, i) => sources.push({ id: `${item.key}-B${i + 1}`, path: p.path, heading: p.heading, text: p.text }));
  }
  const ids = elements.map((e) => e.key).join(', ');
  const question =
    `Beoordeel de les (bron LES) voor elk van deze visie-elementen: ${ids}. Bronnen ${elements[0]?.key ?? 'E1'}-B1 enzovoort zijn beleid bij het element. ` +
    'Antwoord met een JSON-object {"elements":[{"id":"E1","status":"strong|partial|absent","evidence":[{"quote":"…","visionQuote":"…"}],"suggestions":["…"]}]}, ' +
    'met precies één item per element.';
  return buildGroundedPrompt({ task: TASK, sources, question });
}
