import { termKey } from './terms';

/**
 * Words of Dutch school language that stand in for one another when a teacher describes an activity
 * and a vision describes a value: a plan says "in tweetallen", the vision "samenwerken"; a plan "de
 * kinderen bepalen zelf", the indicator "de leerling kiest zelf". Keyword matching alone misses these;
 * an embedding model finds them, but the check must also work without one.
 *
 * The groups are general Dutch education vocabulary (lesson-plan forms, common kernwaarden, the
 * inspection's and Kennisnet's words), the same for every school: no school's own element names, and
 * nothing taken from the labelled test plans. Each group is narrow on purpose: words that mean many
 * things in a lesson ("samen", "vraag", "vertellen", "maken") are left out, because a bridge from a
 * common word makes false evidence everywhere; so are words that are mostly something else in a
 * lesson plan ("ouder" is older; "stemmen" are voices; "thuis" is mostly homework, "omgeving" a
 * learning environment, "nakijken" grading). A past participle does not join its verb's group
 * (`TermMatcher`): "bepaald" is "a certain", not "decided". A synonym counts less than the word itself
 * (`SYNONYM_MATCH` in terms.ts).
 */
export const DUTCH_SCHOOL_SYNONYMS: readonly (readonly string[])[] = [
  // working together
  ['samenwerken', 'samenwerking', 'tweetal', 'duo', 'groepje', 'maatje', 'teamwerk', 'coöperatief', 'groepswerk', 'groepsopdracht', 'samenwerkingsopdracht'],
  // choosing, deciding for oneself
  ['kiezen', 'keuze', 'keuzes', 'bepalen', 'beslissen', 'kiesopdracht', 'keuzeopdracht'],
  // planning one's own work
  ['plannen', 'planning', 'planbord', 'weektaak', 'dagtaak', 'takenlijst', 'weekplanning', 'taakbrief', 'studiewijzer'],
  // looking back on the learning
  ['reflecteren', 'reflectie', 'terugkijken', 'terugblik', 'terugblikken', 'nabespreken', 'nabespreking', 'evalueren', 'evaluatie'],
  // feedback
  ['feedback', 'feedforward', 'tip', 'tips', 'tops', 'compliment', 'complimenten'],
  // goals the pupil knows
  ['leerdoel', 'lesdoel', 'succescriterium', 'succescriteria', 'doelen'],
  // inquiry
  ['onderzoeken', 'onderzoek', 'ontdekken', 'uitzoeken', 'experimenteren', 'experiment', 'proefje', 'hypothese', 'waarnemen', 'waarneming', 'observeren', 'verkennen', 'onderzoeksvraag'],
  // wonder
  ['nieuwsgierig', 'nieuwsgierigheid', 'verwonderen', 'verwondering', 'benieuwd', 'verbazen', 'verbazing'],
  // the world outside the classroom
  ['wijk', 'buurt', 'excursie', 'gastles', 'gastspreker', 'gastdocent', 'ondernemer', 'bedrijf', 'gemeente', 'bibliotheek', 'museum', 'samenleving', 'maatschappij', 'buurtbewoners', 'wijkbewoners'],
  // parents and family
  ['ouders', 'verzorgers', 'opa', 'oma', 'grootouders', 'familie'],
  // making something new
  ['creatief', 'creativiteit', 'ontwerpen', 'ontwerp', 'bedenken', 'verzinnen', 'fantasie', 'verbeelding', 'uitvinden', 'origineel'],
  // showing work to others
  ['presenteren', 'presentatie', 'pitch', 'pitchen', 'toelichten', 'tentoonstelling', 'expositie'],
  // a safe climate
  ['veilig', 'veiligheid', 'vertrouwen', 'welbevinden', 'geborgenheid', 'respect', 'respectvol'],
  // words and language
  ['woordenschat', 'woordweb', 'woordmuur', 'woordkaart', 'begrippen', 'verwoorden', 'formuleren'],
  // making learning visible during the lesson
  ['wisbordje', 'wisbordjes', 'exitkaart', 'exitkaartje', 'exitticket', 'formatief', 'controleren', 'checken'],
  // opinions and democracy
  ['mening', 'standpunt', 'debat', 'debatteren', 'discussie', 'discussiëren', 'argument', 'argumenteren', 'kinderraad', 'leerlingenraad', 'democratie', 'democratisch'],
  // roles in a group
  ['rol', 'rollen', 'voorzitter', 'tijdbewaker', 'notulist', 'materiaalverantwoordelijke', 'verantwoordelijkheid', 'verantwoordelijk'],
  // steering one's own learning ("zelfstandig" is left out: in a plan it is mostly the phase of
  // independent practice, zelfstandige verwerking, which says nothing about ownership)
  ['zelfsturing', 'zelfregulatie', 'eigenaarschap', 'regie'],
  // different levels
  ['differentiëren', 'differentiatie', 'niveau', 'niveaus', 'instructietafel', 'verlengde', 'verrijking', 'plusopdracht'],
  // sustainability
  ['duurzaam', 'duurzaamheid', 'milieu', 'afval', 'recyclen', 'hergebruik', 'hergebruiken', 'klimaat'],
  // cultures and backgrounds
  ['cultuur', 'culturen', 'achtergrond', 'achtergronden', 'thuistaal', 'diversiteit', 'tradities', 'traditie'],
];

/**
 * Which synonym groups each term key belongs to, for {@link TermMatcher}. Keys are made with the same
 * `termKey` as everything else, so inflected forms in a plan find their group through `termMatch`.
 */
export class SynonymTable {
  private readonly groupsByKey = new Map<string, number[]>();

  constructor(groups: readonly (readonly string[])[] = DUTCH_SCHOOL_SYNONYMS) {
    groups.forEach((words, g) => {
      for (const word of words) {
        const key = termKey(word);
        if (key === null) continue;
        const list = this.groupsByKey.get(key) ?? [];
        if (!list.includes(g)) list.push(g);
        this.groupsByKey.set(key, list);
      }
    });
  }

  /** Every key that has a group, for matching inflected forms against. */
  keys(): IterableIterator<string> {
    return this.groupsByKey.keys();
  }

  groupsOf(key: string): readonly number[] {
    return this.groupsByKey.get(key) ?? [];
  }
}
