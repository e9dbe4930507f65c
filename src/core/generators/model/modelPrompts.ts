/**
 * One prompt per kind: the task (written by the program, never vault text) and the JSON schema the
 * answer must meet. Every item names the ids of the sources it rests on; the generator checks them.
 */
import { z } from 'zod';
import type { VisionElement } from '../../vision/visionElement';
import type { GeneratorKind, Lang } from '../types';
import { ICALT_DOMAINS } from '../icaltDomains';

const sources = z.array(z.string()).describe('ids van de bronnen waarop dit steunt, bijvoorbeeld ["S1"]');
const actor = z.enum(['leraar', 'leerlingen', 'omgeving']);
const levels = z.object({ beginnend: z.string(), gevorderd: z.string(), sterk: z.string() });
const icaltIds = ICALT_DOMAINS.map((d) => d.id) as [string, ...string[]];

export const LOOK_FOR_SCHEMA = z.object({
  items: z.array(
    z.object({
      text: z.string().min(1),
      actor: actor.optional(),
      sources,
      levels: levels.optional(),
      icalt: z.enum(icaltIds).nullable().optional(),
    }),
  ),
  question: z.object({ text: z.string().min(1), sources }).optional(),
});

export const QUESTION_SCHEMA = z.object({ items: z.array(z.object({ text: z.string().min(1), sources })) });

export const IDEA_SCHEMA = z.object({
  items: z.array(
    z.object({
      title: z.string().min(1),
      goal: z.string(),
      activity: z.string(),
      visible: z.string(),
      differentiation: z.string(),
      sources,
    }),
  ),
});

export const SUBJECT_SCHEMA = z.object({ items: z.array(z.object({ subject: z.string().min(1), text: z.string().min(1), sources })) });

export type LookForAnswer = z.infer<typeof LOOK_FOR_SCHEMA>;
export type QuestionAnswer = z.infer<typeof QUESTION_SCHEMA>;
export type IdeaAnswer = z.infer<typeof IDEA_SCHEMA>;
export type SubjectAnswer = z.infer<typeof SUBJECT_SCHEMA>;

/** What a prompt is about besides the element. */
export interface PromptOptions {
  lang: Lang;
  subjects: readonly string[];
  group?: string;
  levels?: boolean;
  icalt?: boolean;
}

const LOOK_FOR_RULES =
  'Regels voor elk kijkpunt: begin met "De leraar …", "De leerling …" of "Leerlingen …", of met wat je in het lokaal ziet ("In het lokaal hangt …"); ' +
  'één gedraging per kijkpunt, in de tegenwoordige tijd; zo concreet dat twee kijkers het eens zijn dat het gebeurde; ' +
  'geen innerlijke toestanden (begrijpt, weet, waardeert, is zich bewust, voelt) en geen eigenschappen (is betrokken, is proactief); ' +
  'geen woorden die alleen zeggen hoe vaak (soms, vaak, regelmatig). Geef bij elk kijkpunt "actor": leraar, leerlingen of omgeving.';

const CITE_RULE =
  'Baseer alles op de bronnen en geef bij elk item in "sources" de id\'s van de bronnen waarop het steunt (bijvoorbeeld ["S1", "S3"]). ' +
  'Gebruik alleen id\'s van bronnen die je hebt gekregen. Zeggen de bronnen er niets over, geef dan een lege lijst "items" en verzin niets.';

function languageRule(lang: Lang): string {
  return lang === 'nl' ? 'Schrijf in het Nederlands.' : 'Write the items in English.';
}

/** The task for one element and kind. */
export function taskFor(kind: GeneratorKind, element: VisionElement, options: PromptOptions): string {
  const name = `‘${element.title}’`;
  const subject = options.subjects[0];
  const scope = `${subject ? ` bij het vak ${subject}` : ''}${options.group ? ` voor groep of leerjaar ${options.group}` : ''}`;
  const parts: string[] = [];
  switch (kind) {
    case 'indicators':
      parts.push(`Schrijf 4 tot 8 gedragsindicatoren voor het visie-element ${name}: waarneembaar gedrag van de leraar, van leerlingen, en wat je in het lokaal ziet.`, LOOK_FOR_RULES);
      if (options.levels) parts.push('Geef bij elke indicator ook "levels" met drie niveaus (beginnend, gevorderd, sterk) die verschillen in soort gedrag, niet alleen in hoe vaak.');
      break;
    case 'kijkwijzer':
      parts.push(`Schrijf 4 tot 8 kijkpunten voor een kijkwijzer bij een lesbezoek over het visie-element ${name}.`, LOOK_FOR_RULES);
      if (options.icalt) parts.push(`Geef bij elk kijkpunt in "icalt" het domein dat er het best bij past (${ICALT_DOMAINS.map((d) => `${d.id}: ${d.name.nl}`).join('; ')}), of null.`);
      break;
    case 'flitsbezoek':
      parts.push(
        `Schrijf hoogstens vijf kijkpunten voor een flitsbezoek van drie tot vijf minuten over het visie-element ${name}.`,
        LOOK_FOR_RULES,
        'Geef in "question" één open, niet-oordelende vraag voor het gesprek achteraf: over wat de leraar deed, waarom, en wat het de leerlingen opleverde.',
      );
      break;
    case 'reflectie':
      parts.push(
        `Schrijf 4 tot 6 open reflectievragen voor een leraar over het visie-element ${name}, voor na een lesbezoek of voor zelfreflectie.`,
        'De vragen gaan over wat de leraar deed, waarom, en wat het de leerlingen opleverde; ook over wat goed ging. Nooit oordelend, geen ja/nee-vragen. Gebruik de woorden van de school.',
      );
      break;
    case 'lesideeen':
      parts.push(
        `Stel 2 tot 4 nieuwe lesideeën voor waarin het visie-element ${name} zichtbaar wordt${scope}.`,
        'Geef per idee: "title", "goal" (één zin met een concreet werkwoord), "activity", "visible" (hoe het element zichtbaar wordt), "differentiation". Bouw voort op wat collega\'s al doen als de bronnen dat beschrijven.',
      );
      break;
    case 'vakvoorbeelden':
      parts.push(
        `Beschrijf voor het visie-element ${name} per vak (${options.subjects.join(', ')}) in één of twee zinnen hoe het eruitziet in een concrete les${options.group ? ` voor groep of leerjaar ${options.group}` : ''}.`,
        'Geef per voorbeeld "subject" (precies een van de genoemde vakken) en "text". Laat een vak weg als je er op basis van de bronnen niets zinnigs over kunt zeggen.',
      );
      break;
  }
  parts.push(CITE_RULE, languageRule(options.lang));
  return parts.join('\n');
}

/** The question that goes under the sources. */
export function questionFor(kind: GeneratorKind, element: VisionElement): string {
  return `Visie-element: ${element.title} (${kind}).`;
}

/** The repair request for look-fors that broke the lint: one numbered line per item with what to fix. */
export function reaskText(failing: readonly { text: string; problems: string[] }[]): string {
  const lines = failing.map((f, i) => `${i + 1}. "${f.text}": ${f.problems.join(' ')}`);
  return [
    'Deze kijkpunten voldoen niet aan de regels:',
    ...lines,
    'Herschrijf alleen deze kijkpunten, in dezelfde volgorde, als JSON met "items" volgens hetzelfde schema, met dezelfde bronnen.',
  ].join('\n');
}
