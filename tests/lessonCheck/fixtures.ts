/** A small school for the lesson-check tests: two values, a practice, a policy note and a few other plans. */
import { parseNote } from '../../src/core/notes/parseNote';
import type { ParsedNote } from '../../src/core/notes/types';
import { extractElements } from '../../src/core/vision/extractElements';
import type { LessonCheckSources } from '../../src/core/lessonCheck';

export const VISION = [
  '# Kernwaarden', // 1
  '', // 2
  'Onze waarden.', // 3
  '', // 4
  '## Eigenaarschap', // 5
  '', // 6
  'Leerlingen sturen hun eigen leren en dragen verantwoordelijkheid voor hun keuzes.', // 7
  '', // 8
  '- De leerling kiest zelf in welke volgorde hij de taken op het planbord afwerkt.', // 9
  '- De leerling houdt zijn eigen planning bij en kleurt af wat klaar is.', // 10
  '- De leraar vraagt na de les wat de leerling morgen anders aanpakt.', // 11
  '', // 12
  '## Samenwerken', // 13
  '', // 14
  'Samen leer je meer dan alleen.', // 15
  '', // 16
  '- Leerlingen werken in tweetallen of groepjes met een vaste rol, zoals voorzitter of tijdbewaker.', // 17
  '- De leerling vat samen wat een klasgenoot zei voordat hij een eigen idee toevoegt.', // 18
].join('\n');

/** A plan that shows ownership in its activities without the word, and no collaboration. */
export const PLAN = [
  '---', // 1
  'visiewijzer: les', // 2
  '---', // 3
  '# Rekenen groep 5: breuken', // 4
  '', // 5
  '**Lesdoel:** De leerlingen vergelijken breuken met gelijke noemers.', // 6
  '', // 7
  '## Lesverloop', // 8
  '', // 9
  '### Instructie', // 10
  'De leraar legt met breukenstroken uit hoe je twee breuken vergelijkt.', // 11
  '', // 12
  '### Zelfstandig werken', // 13
  '- De leerlingen kiezen zelf de volgorde van de taken op het planbord.', // 14
  '- Ze houden hun planning bij op hun weekkaart en kleuren af wat klaar is.', // 15
  '', // 16
  '### Afsluiting', // 17
  'De leraar bespreekt twee sommen op het bord.', // 18
].join('\n');

/** A plan that only names the value in a header field. */
export const NAMING_PLAN = [
  '# Rekenen groep 6: kommagetallen', // 1
  '', // 2
  '**Kernwaarden:** eigenaarschap en samenwerken', // 3
  '', // 4
  '## Lesverloop', // 5
  '', // 6
  'De leraar legt uit hoe je kommagetallen optelt en doet drie voorbeelden voor.', // 7
  'Alle leerlingen maken opgave 1 tot en met 12 in hun schrift.', // 8
].join('\n');

export const PRACTICE = [
  '---',
  'visiewijzer: praktijk',
  'kernwaarden: [Samenwerken]',
  '---',
  '# Denken-delen-uitwisselen bij begrijpend lezen',
  '',
  'Na elke alinea bespreken de leerlingen in tweetallen wat ze gelezen hebben, elk met een vaste rol: de een vat samen, de ander stelt een vraag.',
].join('\n');

export const POLICY = [
  '# Toetsbeleid',
  '',
  '## Zelf plannen',
  '',
  'In de bovenbouw plannen leerlingen hun eigen oefenwerk voor de toetsweek met een planbord in de klas.',
  '',
  '## Rapporten',
  '',
  'Het rapport verschijnt twee keer per jaar.',
].join('\n');

/** Other plans of the school: the background that word weights and calibration come from. */
export const OTHER_PLANS: Record<string, string> = {
  'Lessen/Taal groep 4.md': '# Taal groep 4\n\n## Lesverloop\n\nDe leraar leest een prentenboek voor. De leerlingen zoeken rijmwoorden en schrijven ze op het bord. Daarna maken ze werkblad 3. Wie klaar is, leest een boek.\n',
  'Lessen/Gym groep 7.md': '# Gym groep 7\n\n- Warming-up met tikspel.\n- Uitleg van de oefening bij de kast.\n- Oefenen in vier groepen bij vier toestellen.\n- Afsluitend spel: trefbal.\n- Opruimen.\n',
  'Lessen/Aardrijkskunde groep 8.md': '# Aardrijkskunde groep 8\n\nDe leraar laat een kaart van Europa zien en vertelt over rivieren. De leerlingen zoeken de rivieren op in de atlas en schrijven de namen in hun schrift. De leraar stelt vragen over de lengte van de rivieren en de steden langs de Rijn.\n',
  'Lessen/Muziek groep 3.md': '# Muziek groep 3\n\nWe zingen het lied van de week. De kinderen klappen het ritme mee en spelen op trommels. De leraar speelt het lied op de piano. Aan het eind zingen we het lied samen nog een keer.\n',
};

/** The sources of this small school, parsed. */
export function smallSchool(): LessonCheckSources & { plan: ParsedNote; namingPlan: ParsedNote } {
  const vision = parseNote('Visie/Kernwaarden.md', VISION);
  return {
    elements: extractElements(vision).elements,
    visionNotes: [vision],
    practices: [parseNote('Good practices/Denken-delen-uitwisselen.md', PRACTICE)],
    policy: [parseNote('Beleid/Toetsbeleid.md', POLICY)],
    corpus: Object.entries(OTHER_PLANS).map(([path, text]) => parseNote(path, text)),
    plan: parseNote('Lessen/Breuken groep 5.md', PLAN),
    namingPlan: parseNote('Lessen/Kommagetallen groep 6.md', NAMING_PLAN),
  };
}
