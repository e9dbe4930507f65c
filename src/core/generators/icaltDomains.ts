/**
 * The six observed domains of ICALT (van de Grift), used only to order a kijkwijzer's look-fors in a
 * layout many Dutch schools know. The domain names are facts; the descriptions and the cue words are
 * Visiewijzer's own. This is a grouping by words, not the ICALT instrument, and nothing is scored.
 */
import { foldWord } from './lint/lexicon';

export type IcaltDomainId = 'leerklimaat' | 'klassenorganisatie' | 'instructie' | 'activering' | 'differentiatie' | 'leerstrategieen';

export interface IcaltDomain {
  id: IcaltDomainId;
  name: { nl: string; en: string };
  /** What the domain is about, in our own words. */
  about: { nl: string; en: string };
  /** Word stems (folded) that point at the domain; the first domain with the most hits wins. */
  cues: readonly string[];
}

export const ICALT_DOMAINS: readonly IcaltDomain[] = [
  {
    id: 'leerklimaat',
    name: { nl: 'Veilig en stimulerend leerklimaat', en: 'Safe and stimulating learning climate' },
    about: { nl: 'Hoe er met elkaar wordt omgegaan en of leerlingen zich durven te laten zien.', en: 'How people treat each other and whether pupils dare to show themselves.' },
    cues: ['begroet', 'naam', 'fout', 'uitlach', 'oordeel', 'afspraken', 'groepsafspraken', 'compliment', 'rustig', 'kwetsend', 'vriendelijk', 'helpen elkaar', 'respect'],
  },
  {
    id: 'klassenorganisatie',
    name: { nl: 'Efficiënte klassenorganisatie', en: 'Efficient classroom management' },
    about: { nl: 'Hoe tijd, ruimte, materiaal en routines het leren dragen.', en: 'How time, space, materials and routines carry the learning.' },
    cues: ['planbord', 'weektaak', 'planner', 'planning', 'rol', 'tijdbewaker', 'voorzitter', 'taakverdeling', 'stoplicht', 'materiaal', 'opruim', 'volgorde'],
  },
  {
    id: 'instructie',
    name: { nl: 'Duidelijke instructie', en: 'Clear instruction' },
    about: { nl: 'Of het doel en de uitleg voor iedereen te volgen zijn.', en: 'Whether the goal and the explanation are clear to everyone.' },
    cues: ['lesdoel', 'leerdoel', 'succescriteria', 'uitleg', 'legt uit', 'voordoen', 'hardop', 'introduceert', 'voorbeeld', 'woorden', 'bord', 'koppelt'],
  },
  {
    id: 'activering',
    name: { nl: 'Activerende instructie', en: 'Activating teaching' },
    about: { nl: 'Of alle leerlingen actief denken en meedoen, niet alleen een paar.', en: 'Whether all pupils think and take part, not only a few.' },
    cues: ['wisbord', 'denken-delen', 'cooperatieve', 'werkvorm', 'tweetal', 'open vraag', 'wacht', 'denktijd', 'samenvat', 'vat samen', 'vragen', 'debat', 'gesprek', 'vergelijken', 'presenteren', 'presenteert'],
  },
  {
    id: 'differentiatie',
    name: { nl: 'Afstemming op verschillen', en: 'Differentiation' },
    about: { nl: 'Of de les past bij wat verschillende leerlingen nodig hebben.', en: 'Whether the lesson fits what different pupils need.' },
    cues: ['niveau', 'oefenniveau', 'verlengde instructie', 'instructietafel', 'uitdag', 'verdiep', 'hulpmiddel', 'keuze', 'kiest', 'tempo', 'exit', 'aanpassen', 'past de'],
  },
  {
    id: 'leerstrategieen',
    name: { nl: 'Leerstrategieën', en: 'Learning strategies' },
    about: { nl: 'Of leerlingen leren hoe ze leren: plannen, nadenken over hun aanpak, zichzelf bijsturen.', en: 'Whether pupils learn how to learn: planning, thinking about their approach, adjusting.' },
    cues: ['uitleggen waarom', 'legt uit waarom', 'aanpak', 'strategie', 'reflect', 'terugkijk', 'volgende keer', 'oplossing', 'verwachting', 'hypothese', 'onderzoeksvraag', 'keuzes', 'voortgang', 'doelen', 'nakijk', 'kijkt zijn eigen'],
  },
];

/**
 * The domain a look-for fits best by its words, or null when no cue matches. Ties go to the domain
 * listed first, so the result is deterministic.
 */
export function icaltDomainOf(text: string): IcaltDomainId | null {
  const hay = ` ${foldWord(text).replace(/[^\p{L}\p{N}-]+/gu, ' ')} `;
  let best: IcaltDomainId | null = null;
  let bestHits = 0;
  for (const domain of ICALT_DOMAINS) {
    const hits = domain.cues.filter((cue) => hay.includes(` ${cue}`)).length;
    if (hits > bestHits) {
      best = domain.id;
      bestHits = hits;
    }
  }
  return best;
}
