/**
 * Every sentence the generators and the renderer write themselves, in Dutch and English. Vault text is
 * never translated: it is quoted as the school wrote it.
 */
import type { GeneratorKind, ItemDetail, Lang } from './types';

export interface GeneratorText {
  kindTitle: Record<GeneratorKind, string>;
  /** Intro line under the title, per kind. */
  intro: Record<GeneratorKind, string>;
  actor: { leraar: string; leerlingen: string; omgeving: string; overig: string };
  columns: { lookFor: string; seen: string; notSeen: string; na: string; example: string; notes: string };
  detail: Record<ItemDetail['field'], string>;
  levels: { beginnend: string; gevorderd: string; sterk: string };
  origin: { extracted: string; generated: string };
  heading: { sources: string; elementSource: string; remarks: string; question: string; icalt: string; otherDomain: string; visit: string; fromVault: string; byModel: string };
  visitFields: string;
  lintLabel: string;
  noLookFors(element: string): string;
  levelsNeedModel: string;
  lintSummary(flagged: number, total: number): string;
  skippedSentences(count: number): string;
  modelCanSuggest: string;
  noIdeas(element: string): string;
  noIdeasFor(element: string, filter: string): string;
  nothingInSubject(element: string, subject: string): string;
  nothingOnElement(element: string): string;
  droppedItem(text: string, cited: string): string;
  brokenAnswer(element: string, problem: string): string;
  repairedAnswer(element: string): string;
  reasked(count: number): string;
  flitsbezoekLimit(shown: number, total: number): string;
}

export const GENERATOR_TEXT: Record<Lang, GeneratorText> = {
  nl: {
    kindTitle: {
      indicators: 'Gedragsindicatoren',
      kijkwijzer: 'Kijkwijzer',
      flitsbezoek: 'Flitsbezoek',
      lesideeen: 'Lesideeën',
      reflectie: 'Reflectievragen',
      vakvoorbeelden: 'Vakvoorbeelden',
    },
    intro: {
      indicators: 'Waarneembaar gedrag van de leraar en de leerlingen, en wat je in het lokaal ziet. Elk kijkpunt verwijst naar de passage waar het vandaan komt.',
      kijkwijzer:
        'Deze kijkwijzer is bedoeld voor ontwikkeling en het gesprek achteraf, niet om de leraar te beoordelen. Spreek de focus vooraf af. Vul in wat je ziet en hoort, niet wat je ervan vindt.',
      flitsbezoek:
        'Een flitsbezoek duurt drie tot vijf minuten. Het is bedoeld voor ontwikkeling, niet om de leraar te beoordelen. Noteer wat je ziet en hoort en stel na afloop één open vraag.',
      lesideeen: 'Ideeën uit je eigen kluis: wat collega’s al doen en lessen waarin het element duidelijk zichtbaar is.',
      reflectie: 'Open vragen voor een gesprek na een lesbezoek of voor zelfreflectie. Ze gaan over wat je deed, waarom, en wat het de leerlingen opleverde; niet over goed of fout.',
      vakvoorbeelden: 'Wat je kluis per vak zegt over hoe het element er in de les uitziet.',
    },
    actor: { leraar: 'De leraar', leerlingen: 'De leerlingen', omgeving: 'De omgeving', overig: 'Overig' },
    columns: { lookFor: 'Kijkpunt', seen: 'Gezien', notSeen: 'Niet gezien', na: 'n.v.t.', example: 'Voorbeeld of citaat', notes: 'Notities' },
    detail: { doel: 'Doel', activiteit: 'Activiteit', zichtbaar: 'Zo wordt het zichtbaar', differentiatie: 'Differentiatie', vak: 'Vak', groep: 'Groep' },
    levels: { beginnend: 'Beginnend', gevorderd: 'Gevorderd', sterk: 'Sterk' },
    origin: { extracted: 'uit de kluis', generated: 'voorgesteld door AI' },
    heading: {
      sources: 'Bronnen',
      elementSource: 'In de visie',
      remarks: 'Opmerkingen',
      question: 'Vraag voor het gesprek achteraf',
      icalt: 'Dezelfde kijkpunten per ICALT-domein',
      otherDomain: 'Past bij geen domein',
      visit: 'Bezoek',
      fromVault: 'Wat collega’s al doen',
      byModel: 'Nieuwe ideeën (voorgesteld door AI)',
    },
    visitFields: 'Datum: ______  Groep: ______  Tijd: ______  Focus: ______',
    lintLabel: 'Let op',
    noLookFors: (e) => `Je kluis bevat nog geen kijkpunten voor ${e}. Zet ze als opsommingstekens onder de kop van het element.`,
    levelsNeedModel: 'Niveaus (beginnend, gevorderd, sterk) maakt Visiewijzer alleen met een taalmodel: kies de modus ‘model’. Zonder model verzint Visiewijzer geen niveaus.',
    lintSummary: (f, t) => `${f} van de ${t} kijkpunten ${f === 1 ? 'voldoet' : 'voldoen'} niet helemaal aan de regels voor gedragsindicatoren; bij elk staat wat je kunt aanpassen.`,
    skippedSentences: (n) => `${n} ${n === 1 ? 'zin' : 'zinnen'} uit visie en beleid ${n === 1 ? 'is' : 'zijn'} overgeslagen omdat ze geen waarneembaar gedrag beschrijven.`,
    modelCanSuggest: 'Dit zijn ideeën die al in je kluis staan. Met een ingesteld taalmodel (modus ‘model’) kan Visiewijzer ook nieuwe ideeën voorstellen, gebaseerd op je visie.',
    noIdeas: (e) => `Je kluis bevat nog geen good practices of lessen waarin ${e} duidelijk zichtbaar is.`,
    noIdeasFor: (e, f) => `Voor ${e} staat er in je kluis niets voor ${f}; hieronder staat wat er wel is.`,
    nothingInSubject: (e, s) => `Je kluis zegt nog niets over ${e} bij ${s}.`,
    nothingOnElement: (e) => `Je kluis zegt niets over ${e}: er is niets naar het taalmodel gestuurd en niets verzonnen.`,
    droppedItem: (t, c) => `Weggelaten: „${t}”, want het model verwees naar een bron die het niet had gekregen (${c}).`,
    brokenAnswer: (e, p) => `Voor ${e} gaf het taalmodel geen bruikbaar antwoord (${p}); daar staat niets.`,
    repairedAnswer: (e) => `Voor ${e} was het eerste antwoord van het taalmodel onbruikbaar; het tweede is gebruikt.`,
    reasked: (n) => `${n} ${n === 1 ? 'kijkpunt is' : 'kijkpunten zijn'} één keer opnieuw gevraagd omdat ${n === 1 ? 'het' : 'ze'} niet aan de regels voldeden.`,
    flitsbezoekLimit: (s, t) => `Een flitsbezoek heeft hoogstens vijf kijkpunten: ${s} van de ${t} gekozen. De kijkwijzer bevat ze allemaal.`,
  },
  en: {
    kindTitle: {
      indicators: 'Behaviour indicators',
      kijkwijzer: 'Observation form',
      flitsbezoek: 'Walk-through',
      lesideeen: 'Lesson ideas',
      reflectie: 'Reflection questions',
      vakvoorbeelden: 'Subject examples',
    },
    intro: {
      indicators: 'Observable behaviour of the teacher and the pupils, and what can be seen in the room. Each look-for links to the passage it comes from.',
      kijkwijzer:
        'This observation form is for development and the conversation afterwards, not for assessing the teacher. Agree the focus beforehand. Note what you see and hear, not what you think of it.',
      flitsbezoek:
        'A walk-through takes three to five minutes. It is for development, not for assessing the teacher. Note what you see and hear and ask one open question afterwards.',
      lesideeen: 'Ideas from your own vault: what colleagues already do and lessons in which the element clearly shows.',
      reflectie: 'Open questions for a conversation after a lesson visit or for self-reflection. They are about what you did, why, and what it brought the pupils; not about right or wrong.',
      vakvoorbeelden: 'What your vault says, per subject, about how the element looks in a lesson.',
    },
    actor: { leraar: 'The teacher', leerlingen: 'The pupils', omgeving: 'The room', overig: 'Other' },
    columns: { lookFor: 'Look-for', seen: 'Seen', notSeen: 'Not seen', na: 'n/a', example: 'Example or quote', notes: 'Notes' },
    detail: { doel: 'Goal', activiteit: 'Activity', zichtbaar: 'How it shows', differentiatie: 'Differentiation', vak: 'Subject', groep: 'Group' },
    levels: { beginnend: 'Beginning', gevorderd: 'Developing', sterk: 'Strong' },
    origin: { extracted: 'from the vault', generated: 'suggested by AI' },
    heading: {
      sources: 'Sources',
      elementSource: 'In the vision',
      remarks: 'Remarks',
      question: 'Question for the conversation afterwards',
      icalt: 'The same look-fors by ICALT domain',
      otherDomain: 'Fits no domain',
      visit: 'Visit',
      fromVault: 'What colleagues already do',
      byModel: 'New ideas (suggested by AI)',
    },
    visitFields: 'Date: ______  Group: ______  Time: ______  Focus: ______',
    lintLabel: 'Note',
    noLookFors: (e) => `Your vault has no look-fors for ${e} yet. Add them as bullet points under the element's heading.`,
    levelsNeedModel: "Levels (beginning, developing, strong) are made only with a language model: choose the 'model' mode. Without a model Visiewijzer does not invent levels.",
    lintSummary: (f, t) => `${f} of the ${t} look-fors ${f === 1 ? 'does' : 'do'} not fully meet the rules for behaviour indicators; each says what to change.`,
    skippedSentences: (n) => `${n} ${n === 1 ? 'sentence' : 'sentences'} from vision and policy ${n === 1 ? 'was' : 'were'} left out because they describe no observable behaviour.`,
    modelCanSuggest: "These are ideas your vault already holds. With a configured language model ('model' mode) Visiewijzer can also suggest new ideas, based on your vision.",
    noIdeas: (e) => `Your vault holds no good practices or lessons yet in which ${e} clearly shows.`,
    noIdeasFor: (e, f) => `For ${e} your vault has nothing for ${f}; below is what it does have.`,
    nothingInSubject: (e, s) => `Your vault says nothing yet about ${e} in ${s}.`,
    nothingOnElement: (e) => `Your vault says nothing about ${e}: nothing was sent to the language model and nothing was invented.`,
    droppedItem: (t, c) => `Left out: '${t}', because the model cited a source it was not given (${c}).`,
    brokenAnswer: (e, p) => `For ${e} the language model gave no usable answer (${p}); nothing is shown there.`,
    repairedAnswer: (e) => `For ${e} the model's first answer was unusable; the second one was used.`,
    reasked: (n) => `${n} ${n === 1 ? 'look-for was' : 'look-fors were'} asked again once because ${n === 1 ? 'it' : 'they'} did not meet the rules.`,
    flitsbezoekLimit: (s, t) => `A walk-through has at most five look-fors: ${s} of ${t} chosen. The observation form has them all.`,
  },
};
