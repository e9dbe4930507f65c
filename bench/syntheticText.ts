/**
 * A deterministic generator of Dutch-like school notes for index benchmarks.
 *
 * The text is grammatical enough to tokenise and stem like real notes (school vocabulary, sentences
 * with subject, verb, object and a time or place), but it means nothing: use it for speed and size,
 * never for retrieval quality. Each note has frontmatter, a title and on average ten `##` sections
 * of about 150-230 words (roughly 250-350 tokens), so N notes give about 10 x N chunks.
 */

/** One generated note: a vault-relative path and its Markdown. */
export interface SyntheticNote {
  path: string;
  text: string;
}

import { seededRandom } from '../src/core/util/seededRandom';

const ROLES = [
  { role: 'visie', folder: 'Visie', topics: ['Onze visie', 'Kernwaarden', 'Pijler', 'Missie', 'Ambities'] },
  { role: 'beleid', folder: 'Beleid', topics: ['Toetsbeleid', 'Burgerschap', 'Ondersteuning', 'ICT en AI', 'Sociale veiligheid', 'Ouderbetrokkenheid', 'Verzuim'] },
  { role: 'les', folder: 'Lessen', topics: ['Rekenles', 'Taalles', 'Leesles', 'Wereldoriëntatie', 'Begrijpend lezen', 'Spelling'] },
  { role: 'praktijk', folder: 'Good practices', topics: ['Planbord', 'Vragenmuur', 'Leesmaatjes', 'Maandagkring', 'Feedbackmuur', 'Leerlingpanel'] },
] as const;

const VALUES = ['Eigenaarschap', 'Samenwerken', 'Nieuwsgierigheid', 'Vertrouwen', 'Verantwoordelijkheid', 'Creativiteit', 'Betrokkenheid', 'Veiligheid'];

const SECTION_HEADINGS = [
  'Aanleiding', 'Doelen', 'Werkwijze', 'Afspraken', 'Rol van de leraar', 'Rol van de leerling', 'Evaluatie',
  'Borging', 'Ouders', 'Planning', 'Verantwoordelijkheden', 'Middelen', 'Scholing', 'Differentiatie',
  'Kwaliteitszorg', 'Samenwerking', 'Resultaten', 'Vervolgstappen', 'Lesdoel', 'Beginsituatie', 'Kern',
  'Afsluiting', 'Wat we zien in de klas', 'Tips voor collega\u0027s',
];

/** [singular, plural] subjects. */
const SUBJECTS: [string, boolean][] = [
  ['de leraar', false], ['de leerlingen', true], ['het team', false], ['de intern begeleider', false],
  ['de schoolleider', false], ['ouders', true], ['de mentor', false], ['elke groep', false],
  ['de kinderen in groep 5', true], ['de bouwcoördinator', false], ['het leerteam', false], ['collega\u0027s', true],
  ['de medezeggenschapsraad', false], ['kleuters', true], ['de onderwijsassistent', false],
];

/** [singular, plural] present-tense verbs that take an object. */
const VERBS: [string, string][] = [
  ['bespreekt', 'bespreken'], ['plant', 'plannen'], ['evalueert', 'evalueren'], ['oefent', 'oefenen'],
  ['kiest', 'kiezen'], ['verbetert', 'verbeteren'], ['onderzoekt', 'onderzoeken'], ['deelt', 'delen'],
  ['bewaakt', 'bewaken'], ['ondersteunt', 'ondersteunen'], ['bekijkt', 'bekijken'], ['beschrijft', 'beschrijven'],
  ['verzamelt', 'verzamelen'], ['presenteert', 'presenteren'], ['formuleert', 'formuleren'], ['volgt', 'volgen'],
];

const OBJECTS = [
  'de leerdoelen', 'het weekoverzicht', 'de resultaten van de methodetoets', 'de afspraken over pesten',
  'het ontwikkelingsperspectiefplan', 'de kernwaarden', 'het planbord', 'de instructie aan de instructietafel',
  'de feedback van medeleerlingen', 'de groepsplannen', 'het leesdossier', 'de opbrengsten van het schooljaar',
  'de signalen van zorg', 'het burgerschapsonderwijs', 'de gesprekken met ouders', 'de keuzetaken',
  'het portfolio', 'de verlengde instructie', 'de lesvoorbereiding', 'de kijkwijzer voor het flitsbezoek',
  'de toetskalender', 'het gebruik van chromebooks', 'de regels in de klas', 'de reflectievragen',
];

const ADVERBIALS = [
  'elke week', 'tijdens de kringactiviteit', 'aan het begin van het schooljaar', 'in de bouwvergadering',
  'met behulp van het planbord', 'samen met de ouders', 'na elke toetsperiode', 'in een kort gesprek',
  'bij de start van de les', 'op de studiedag', 'in het leerteam', 'voor de herfstvakantie',
  'tijdens het zelfstandig werken', 'bij de afsluiting van het thema', 'twee keer per jaar', 'in kleine groepjes',
];

const PURPOSES = [
  'hun eigen werk plannen', 'elkaar om hulp vragen', 'de lesdoelen beter begrijpen', 'zich veilig voelen',
  'trots hun resultaten laten zien', 'zelf een volgende stap kiezen', 'gericht feedback geven',
  'meer tijd aan de instructie besteden', 'de afspraken naleven', 'vragen stellen over de wereld',
];

function pick<T>(items: readonly T[], next: () => number): T {
  return items[Math.floor(next() * items.length)]!;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function sentence(next: () => number): string {
  const [subject, plural] = pick(SUBJECTS, next);
  const verb = pick(VERBS, next)[plural ? 1 : 0];
  let text = `${capitalise(subject)} ${verb} ${pick(OBJECTS, next)} ${pick(ADVERBIALS, next)}`;
  const shape = next();
  if (shape < 0.35) {
    text += `, zodat ${pick(SUBJECTS.filter(([, p]) => p), next)[0]} ${pick(PURPOSES, next)}`;
  } else if (shape < 0.5) {
    text += ` en ${pick(OBJECTS, next)} ${pick(ADVERBIALS, next)}`;
  }
  return `${text}.`;
}

function paragraph(next: () => number, sentences: number): string {
  return Array.from({ length: sentences }, () => sentence(next)).join(' ');
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** One `##` section of 150-230 words: paragraphs, sometimes a list and a link to another note. */
function section(heading: string, next: () => number, linkTarget: string | null): string {
  const target = 150 + Math.floor(next() * 61);
  const blocks: string[] = [];
  let words = 0;
  while (words < target) {
    // Sentences run 8-20 words; never plan more than the remaining words need, so a section ends
    // at most one sentence past its target.
    const room = Math.max(1, Math.ceil((target - words) / 14));
    const isList = next() < 0.25;
    const count = Math.min(room, isList ? 3 + Math.floor(next() * 4) : 2 + Math.floor(next() * 3));
    const block = isList
      ? Array.from({ length: count }, () => `- ${sentence(next)}`).join('\n')
      : paragraph(next, count);
    blocks.push(block);
    words += wordCount(block);
  }
  if (linkTarget) blocks.push(`Zie ook [[${linkTarget}]].`);
  return `## ${heading}\n\n${blocks.join('\n\n')}`;
}

/**
 * `notes` notes of synthetic school Markdown; the same seed always gives the same vault. About ten
 * chunks of 200-400 tokens per note: 200 notes give about 2,000 chunks, 2,000 notes about 20,000.
 */
export function generateSyntheticVault(notes: number, seed: number): SyntheticNote[] {
  const next = seededRandom(seed);
  const titles: string[] = [];
  const vault: SyntheticNote[] = [];
  for (let n = 0; n < notes; n++) {
    const kind = pick(ROLES, next);
    const title = `${pick(kind.topics, next)} ${n + 1}`;
    const values = [pick(VALUES, next), pick(VALUES, next)].filter((v, i, all) => all.indexOf(v) === i);
    const sectionCount = 7 + Math.floor(next() * 7);
    const headings = Array.from({ length: sectionCount }, () => pick(SECTION_HEADINGS, next));
    const sections = headings.map((heading) =>
      section(heading, next, titles.length > 0 && next() < 0.3 ? pick(titles, next) : null),
    );
    const text =
      `---\nvisiewijzer: ${kind.role}\nkernwaarden: [${values.join(', ')}]\n---\n\n` +
      `# ${title}\n\n${paragraph(next, 2)}\n\n${sections.join('\n\n')}\n`;
    vault.push({ path: `${kind.folder}/${title}.md`, text });
    titles.push(title);
  }
  return vault;
}
