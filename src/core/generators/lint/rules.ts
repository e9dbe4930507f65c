/**
 * The indicator lint's rules, as data: what each checks, what to fix (Dutch and English), and examples
 * that are the rule's documentation and its tests (every `bad` example must trip the rule, every `good`
 * one must pass the whole lint). The rules follow how Dutch schools write look-fors: "De leraar …" or
 * "De leerling …" plus one observable action in the present tense, or what is visible in the room.
 */
import { findPhrase, isVerbCandidate, type AnalyzedIndicator } from './analyzeIndicator';

export type LintSeverity = 'error' | 'warning';

export type LintRuleId =
  | 'actor'
  | 'action-verb'
  | 'inner-state'
  | 'trait'
  | 'one-behaviour'
  | 'frequency'
  | 'vague'
  | 'modal'
  | 'past-tense'
  | 'one-sentence';

export interface Localized {
  nl: string;
  en: string;
}

export interface LintRule {
  id: LintRuleId;
  /** `error`: not an observable indicator as written; `warning`: observable, but could be sharper. */
  severity: LintSeverity;
  title: Localized;
  /** What to fix; `{match}` becomes the words that tripped the rule. */
  message: Localized;
  examples: { bad: string[]; good: string[] };
  /** The words that trip the rule, or null when the indicator passes it. */
  check(s: AnalyzedIndicator): string | null;
}

/** Longer than this and it is rarely one behaviour; two observers would read it differently. */
export const MAX_WORDS = 30;

const COMMA = ',';

function words(s: AnalyzedIndicator, clause: 'main' | 'all'): string[] {
  return (clause === 'main' ? s.main : s.words).filter((w) => w !== COMMA);
}

export const LINT_RULES: readonly LintRule[] = [
  {
    id: 'actor',
    severity: 'error',
    title: { nl: 'Zegt wie iets doet', en: 'Says who acts' },
    message: {
      nl: 'Zeg wie iets doet: begin met „De leraar …”, „De leerling …” of met wat je in het lokaal ziet („In het lokaal hangt …”).',
      en: "Say who acts: start with 'The teacher …', 'The pupil …' or with what can be seen in the room ('On the wall hangs …').",
    },
    examples: {
      bad: ['Coöperatieve werkvormen worden ingezet.', 'Aandacht voor samenwerking.'],
      good: ['De leraar zet de werkvorm denken-delen-uitwisselen in.', 'In het lokaal hangt een planbord waarop leerlingen hun taken afvinken.'],
    },
    check: (s) => (s.actor === null ? s.text : null),
  },
  {
    id: 'action-verb',
    severity: 'error',
    title: { nl: 'Beschrijft een handeling', en: 'Describes an action' },
    message: {
      nl: 'Er staat geen handeling in. Beschrijf wat iemand doet, in de tegenwoordige tijd, bijvoorbeeld „De leerling kiest …”.',
      en: "There is no action. Describe what someone does, in the present tense, e.g. 'The pupil chooses …'.",
    },
    examples: { bad: ['De leerling met een eigen planning.', 'Leerlingen in tweetallen.'], good: ['De leerling houdt zijn planning bij op een weekkaart.'] },
    check: (s) => {
      const main = words(s, 'main');
      const verb = (w: string, i: number): boolean =>
        s.lex.roomVerbs.has(w) || [true, false].some((plural) => isVerbCandidate(w, main[i + 1], plural, s.lex, s.lang, false));
      const found = main.some((w, i) => i > 0 && verb(w, i));
      return found ? null : s.text;
    },
  },
  {
    id: 'inner-state',
    severity: 'error',
    title: { nl: 'Geen innerlijke toestand', en: 'No inner state' },
    message: {
      nl: '„{match}” beschrijft wat iemand denkt, weet of voelt; dat kun je niet zien. Beschrijf wat je ziet of hoort waaruit het blijkt, bijvoorbeeld „De leerling legt uit …”.',
      en: "'{match}' describes what someone thinks, knows or feels, which cannot be seen. Describe what you see or hear that shows it, e.g. 'The pupil explains …'.",
    },
    examples: {
      bad: ['Leerlingen begrijpen waarom samenwerken belangrijk is.', 'De leerling is zich bewust van zijn leerdoel.', 'De leerling voelt zich veilig in de groep.'],
      good: ['De leerling legt in eigen woorden uit waarom zijn groepje een taakverdeling maakt.', 'De leraar controleert met wisbordjes of alle leerlingen het begrijpen.'],
    },
    check: (s) => findPhrase(words(s, 'main'), s.lex.innerStates),
  },
  {
    id: 'trait',
    severity: 'error',
    title: { nl: 'Geen eigenschap', en: 'No trait label' },
    message: {
      nl: '„{match}” is een eigenschap, geen gedrag. Beschrijf wat de persoon doet waaraan je dat ziet.',
      en: "'{match}' is a trait, not a behaviour. Describe what the person does that shows it.",
    },
    examples: {
      bad: ['De leraar is betrokken bij alle leerlingen.', 'De leraar is proactief.', 'Leerlingen zijn erg gemotiveerd.', 'De leraar heeft een positieve houding.'],
      good: ['De leraar noemt elke leerling tijdens de les minstens één keer bij naam.'],
    },
    check: (s) => {
      const main = words(s, 'main');
      for (let i = 0; i < main.length; i++) {
        if (!s.lex.copulas.has(main[i] ?? '')) continue;
        const next = /^(erg|heel|zeer|altijd|echt|very|always|really)$/.test(main[i + 1] ?? '') ? main[i + 2] : main[i + 1];
        if (next && s.lex.traits.includes(next)) return `${main[i]} ${next}`;
      }
      return findPhrase(main, ['heeft een positieve houding', 'heeft een open houding', 'heeft een onderzoekende houding', 'hebben een positieve houding', 'has a positive attitude']);
    },
  },
  {
    id: 'one-behaviour',
    severity: 'warning',
    title: { nl: 'Eén gedraging', en: 'One behaviour' },
    message: {
      nl: 'Hier staan twee gedragingen („… {match} …”). Maak er twee kijkpunten van, zodat je elk apart kunt zien.',
      en: "These are two behaviours ('… {match} …'). Make two look-fors of them, so each can be seen on its own.",
    },
    examples: {
      bad: ['De leraar begroet de leerlingen bij de deur en maakt met elk kind even contact.', 'Leerlingen laten elkaar uitpraten en reageren op wat de ander zei.'],
      good: ['Leerlingen van groep 5 tot en met 8 kiezen vertegenwoordigers voor de kinderraad.', 'In de onderzoekshoek liggen boeken en vergrootglazen die leerlingen zelf pakken.'],
    },
    check: (s) => {
      const main = s.main;
      for (let i = 1; i < main.length; i++) {
        if (main[i] !== s.lex.and) continue;
        let j = i + 1;
        while (j < main.length && s.lex.linkAdverbs.has(main[j] ?? '')) j++;
        const word = main[j];
        if (word && word !== COMMA && isVerbCandidate(word, main[j + 1], s.plural, s.lex, s.lang)) return `${s.lex.and} ${word}`;
      }
      return null;
    },
  },
  {
    id: 'frequency',
    severity: 'warning',
    title: { nl: 'Meer dan hoe vaak', en: 'More than how often' },
    message: {
      nl: '„{match}” zegt alleen hoe vaak of hoeveel, niet wat er gebeurt. Beschrijf het gedrag zelf; niveaus verschillen in soort, niet in „soms” of „vaak”.',
      en: "'{match}' only says how often or how much, not what happens. Describe the behaviour itself; levels differ in kind, not in 'sometimes' or 'often'.",
    },
    examples: { bad: ['De leraar geeft vaak feedback.', 'De leerling werkt waar mogelijk zelfstandig.'], good: ['De leraar leest elke dag voor, ook in de bovenbouw.'] },
    check: (s) => findPhrase(words(s, 'all'), s.lex.frequency),
  },
  {
    id: 'vague',
    severity: 'warning',
    title: { nl: 'Concreet', en: 'Concrete' },
    message: {
      nl: '„{match}” is te algemeen om waar te nemen: twee kijkers zien er iets anders in. Noem de concrete handeling.',
      en: "'{match}' is too general to observe: two observers would see different things. Name the concrete action.",
    },
    examples: {
      bad: ['De leraar stimuleert de zelfstandigheid van leerlingen.', 'De leraar zorgt voor een veilig klimaat.', 'De leraar legt de opdracht goed uit.'],
      good: ['De leraar laat bij een nieuwe opdracht eerst één leerling in eigen woorden herhalen wat er moet gebeuren.'],
    },
    check: (s) => findPhrase(words(s, 'all'), s.lex.vague),
  },
  {
    id: 'modal',
    severity: 'warning',
    title: { nl: 'Wat er gebeurt', en: 'What happens' },
    message: {
      nl: '„{match}” zegt wat iemand kan, moet of zal, niet wat je ziet gebeuren. Schrijf wat er in de les gebeurt.',
      en: "'{match}' says what someone can, must or will do, not what you see happen. Write what happens in the lesson.",
    },
    examples: { bad: ['De leerling kan uitleggen welke strategie hij gebruikt.', 'De leraar moet de lesdoelen noemen.'], good: ['De leerling legt uit welke strategie hij gebruikt.'] },
    check: (s) => words(s, 'main').find((w) => s.lex.modals.has(w)) ?? null,
  },
  {
    id: 'past-tense',
    severity: 'warning',
    title: { nl: 'Tegenwoordige tijd', en: 'Present tense' },
    message: {
      nl: 'Schrijf in de tegenwoordige tijd („{match}”): wat je tijdens het bezoek ziet gebeuren.',
      en: "Write in the present tense ('{match}'): what you see happen during the visit.",
    },
    examples: { bad: ['De leraar gaf feedback met een top en een tip.', 'De leerling heeft zijn planning bijgewerkt.'], good: ['De leraar geeft feedback met een top en een tip.'] },
    check: (s) => {
      const main = words(s, 'main');
      const past = main.find((w) => s.lex.past.has(w) || (s.lang === 'nl' && /^(gaf|gaven|maakte|maakten|zei|zeiden|koos|kozen|schreef|schreven|las|lazen)$/.test(w)));
      if (past) return past;
      const last = main[main.length - 1] ?? '';
      const aux = main.slice(0, -1).some((w) => s.lex.perfectAux.has(w));
      if (aux && s.lang === 'nl' && /^\p{L}*ge\p{L}{2,}(d|t|en)$/u.test(last) && !/^(ge)?gebruiken$/.test(last)) return last;
      if (aux && s.lang === 'en' && /ed$/.test(last)) return last;
      return null;
    },
  },
  {
    id: 'one-sentence',
    severity: 'warning',
    title: { nl: 'Eén korte zin', en: 'One short sentence' },
    message: {
      nl: `Houd een kijkpunt bij één korte zin van hoogstens ${MAX_WORDS} woorden.`,
      en: `Keep a look-for to one short sentence of at most ${MAX_WORDS} words.`,
    },
    examples: {
      bad: ['De leraar noemt het lesdoel. Daarna schrijft hij het op het bord.'],
      good: ['De leraar schrijft het lesdoel aan het begin van de les op het bord.'],
    },
    check: (s) => {
      if (s.sentences > 1) return `${s.sentences} × .`;
      return s.words.length > MAX_WORDS ? `${s.words.length}` : null;
    },
  },
];
