/**
 * The words the indicator lint knows, per language, as plain data: who can act in a lesson, what can be
 * seen in a room, which verbs name an inner state, which words are traits, vague or frequency-only.
 * Matching is on lower-cased, accent-folded words (see `foldWord`).
 */

/** Language of an indicator's text (not of the messages). */
export type TextLang = 'nl' | 'en';

/** Who an indicator is about: the teacher, the pupils, or what is seen in the room (visitors included). */
export type Actor = 'leraar' | 'leerlingen' | 'omgeving';

export interface Lexicon {
  /** Words for the teacher. */
  teacher: ReadonlySet<string>;
  /** Words for pupils (and groups of them). */
  pupils: ReadonlySet<string>;
  /** People from outside the lesson (visitors, parents): seen in the room, so `omgeving`. */
  visitors: ReadonlySet<string>;
  /** Plural actor words: their verb ends in `-en` (Dutch). */
  plural: ReadonlySet<string>;
  /** Things in the room; compounds ending in one of `roomSuffixes` count too. */
  room: ReadonlySet<string>;
  roomSuffixes: readonly string[];
  /** Verbs that say where a thing is: with a room word the indicator is about the environment. */
  roomVerbs: ReadonlySet<string>;
  /** Words that open a subordinate clause (removed before the main clause is judged). */
  subordinators: ReadonlySet<string>;
  /** Inner states: single words and phrases. */
  innerStates: readonly string[];
  /** Trait adjectives after a copula (`is`, `zijn`, `blijft`). */
  traits: readonly string[];
  copulas: ReadonlySet<string>;
  /** Phrases that only say how often or how much. */
  frequency: readonly string[];
  /** Phrases too general to observe. */
  vague: readonly string[];
  /** Modal and future auxiliaries: what someone can or must do, not what happens. */
  modals: ReadonlySet<string>;
  /** Past-tense forms and perfect auxiliaries. */
  past: ReadonlySet<string>;
  perfectAux: ReadonlySet<string>;
  /** The conjunction that joins two behaviours. */
  and: string;
  /** Adverbs that may sit between `en` and the second verb. */
  linkAdverbs: ReadonlySet<string>;
  /** Words after a plural verb that show it is a verb (a preposition, article, pronoun). */
  verbFollowers: ReadonlySet<string>;
  /** Finite verbs that do not end the regular way. */
  irregularVerbs: ReadonlySet<string>;
  /** Words that end like a verb but are none. */
  notVerbs: ReadonlySet<string>;
}

const set = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s+/));

export const LEXICON: Record<TextLang, Lexicon> = {
  nl: {
    teacher: set('leraar leraren leerkracht leerkrachten docent docenten juf juffen meester meesters mentor mentoren onderwijsassistent'),
    pupils: set(
      'leerling leerlingen kind kinderen kleuter kleuters klas klassen groep groepen groepje groepjes tweetal tweetallen duo duos ' +
        'team teams klasgenoot klasgenoten leesmaatje leesmaatjes iedereen plusleerlingen',
    ),
    visitors: set('ouders ouder buurtbewoner buurtbewoners gast gasten gastdocent gastdocenten opdrachtgever opdrachtgevers directeur'),
    plural: set(
      'leraren leerkrachten docenten juffen meesters mentoren leerlingen kinderen kleuters klassen groepen groepjes tweetallen duos ' +
        'teams klasgenoten leesmaatjes plusleerlingen ouders buurtbewoners gasten gastdocenten opdrachtgevers',
    ),
    room: set('lokaal klaslokaal muur wand bord digibord prikbord hoek kast instructietafel lokalen gang'),
    roomSuffixes: ['muur', 'bord', 'hoek', 'wand', 'kast'],
    roomVerbs: set('hangt hangen staat staan ligt liggen heeft hebben'),
    subordinators: set(
      'dat omdat zodat doordat voordat nadat totdat terwijl als wanneer waarom hoe wat wie welke welk waar waarop waarin ' +
        'waarmee waaraan waarvan waarbij waardoor waarna die om zoals bijvoorbeeld zonder',
    ),
    innerStates: [
      'begrijpt', 'begrijpen', 'weet', 'weten', 'waardeert', 'waarderen', 'voelt', 'voelen', 'snapt', 'snappen', 'beseft',
      'beseffen', 'ervaart', 'ervaren', 'geniet', 'genieten', 'kent', 'kennen', 'realiseert', 'realiseren', 'vertrouwt',
      'is zich bewust', 'zijn zich bewust', 'houdt van', 'houden van', 'vindt het leuk', 'vinden het leuk', 'vindt het fijn',
      'vinden het fijn', 'heeft plezier', 'hebben plezier', 'heeft zin', 'hebben zin', 'heeft begrip', 'hebben begrip',
    ],
    traits: [
      'proactief', 'betrokken', 'empathisch', 'enthousiast', 'gemotiveerd', 'nieuwsgierig', 'creatief', 'respectvol', 'geduldig',
      'zorgzaam', 'flexibel', 'positief', 'open', 'warm', 'zelfstandig', 'verantwoordelijk', 'zelfverzekerd', 'behulpzaam',
      'sociaal', 'consequent', 'eerlijk', 'vriendelijk', 'attent', 'betrouwbaar', 'veilig', 'gelukkig', 'actief',
    ],
    copulas: set('is zijn blijft blijven lijkt lijken'),
    frequency: ['soms', 'vaak', 'regelmatig', 'meestal', 'geregeld', 'af en toe', 'voldoende', 'onvoldoende', 'zo veel mogelijk', 'zoveel mogelijk', 'waar mogelijk', 'waar nodig', 'zo nodig'],
    vague: [
      'stimuleert', 'stimuleren', 'bevordert', 'bevorderen', 'zorgt voor', 'zorgen voor', 'zorgt ervoor', 'zorgen ervoor',
      'besteedt aandacht', 'besteden aandacht', 'aandacht voor', 'op een goede manier', 'goed', 'adequaat', 'effectief',
      'passende', 'prettige sfeer', 'veilig klimaat',
    ],
    modals: set('kan kunnen moet moeten zal zullen mag mogen wil willen'),
    past: set('was waren werd werden had hadden deed deden ging gingen zag zagen kwam kwamen'),
    perfectAux: set('heeft hebben is zijn'),
    and: 'en',
    linkAdverbs: set('daarna dan vervolgens ook direct meteen zelf samen daarbij'),
    verbFollowers: set(
      'op aan met de het een hun zijn haar elkaar wat samen af uit in over die dat voor bij naar zelf ze hem er mee van tijdens ' +
        'daarop daarover erover ermee terug',
    ),
    irregularVerbs: set('is kan wil zal mag gaat staat doet ziet slaat zegt legt heeft komt'),
    notVerbs: set(
      'niet met het dat wat tot uit dit net iets niets meest best laatst eerst soort plaats product resultaat opdracht recht licht ' +
        'nacht feit kunst taart punt start tekst toets tijdschrift gezicht overzicht contact concept moment element ' +
        'onderwerp verslag portret budget ticket succescriteria eigen open boven beneden binnen buiten tegen tussen zonder even samen',
    ),
  },
  en: {
    teacher: set('teacher teachers tutor mentor'),
    pupils: set('pupil pupils student students child children class group groups pair pairs team teams classmate classmates everyone'),
    visitors: set('parent parents visitor visitors guest guests'),
    plural: set('teachers pupils students children groups pairs teams classmates parents visitors guests'),
    room: set('classroom wall board whiteboard corner display room'),
    roomSuffixes: ['wall', 'board', 'corner'],
    roomVerbs: set('hangs hang stands stand is are has have'),
    subordinators: set('that because so when while whether if why how what who which where whom such for'),
    innerStates: [
      'understands', 'understand', 'knows', 'know', 'appreciates', 'appreciate', 'feels', 'feel', 'realises', 'realise',
      'realizes', 'realize', 'is aware', 'are aware', 'enjoys', 'enjoy', 'values', 'believes', 'believe',
    ],
    traits: [
      'proactive', 'engaged', 'empathetic', 'enthusiastic', 'motivated', 'curious', 'creative', 'respectful', 'patient', 'caring',
      'flexible', 'positive', 'open', 'independent', 'responsible', 'confident', 'supportive', 'involved', 'safe', 'happy', 'active',
    ],
    copulas: set('is are remains remain seems seem'),
    frequency: ['sometimes', 'often', 'regularly', 'usually', 'frequently', 'occasionally', 'sufficiently', 'where possible', 'as much as possible', 'where needed'],
    vague: ['encourages', 'encourage', 'promotes', 'promote', 'fosters', 'foster', 'ensures', 'ensure', 'pays attention', 'appropriate', 'effective', 'effectively', 'adequately', 'in a good way', 'well'],
    modals: set('can could must should will would may might'),
    past: set('was were did had went saw came made'),
    perfectAux: set('has have'),
    and: 'and',
    linkAdverbs: set('then also immediately together'),
    verbFollowers: set('on to with the a an their his her each what together up out in about that for at from them it'),
    irregularVerbs: set('is has does goes'),
    notVerbs: set('is this its his has was as less class glass process progress success always sometimes its yes us'),
  },
};

/** Lower case, accents folded (`coöperatieve` → `cooperatieve`), so lexicon words match however typed. */
export function foldWord(word: string): string {
  return word.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

const EN_MARKERS = new Set(['the', 'and', 'of', 'to', 'with', 'their', 'a', 'on', 'teacher', 'pupils', 'students']);
const NL_MARKERS = new Set(['de', 'het', 'een', 'en', 'van', 'met', 'hun', 'zijn', 'op', 'leraar', 'leerlingen', 'leerling']);

/** The language an indicator is written in, by its function words; Dutch when unsure. */
export function textLanguage(words: readonly string[]): TextLang {
  let en = 0;
  let nl = 0;
  for (const word of words) {
    if (EN_MARKERS.has(word)) en++;
    if (NL_MARKERS.has(word)) nl++;
  }
  return en > nl ? 'en' : 'nl';
}
