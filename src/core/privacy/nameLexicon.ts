/**
 * The words around names: surname particles, titles and role words that announce a name and tell pupil
 * from adult, and capitalised words that only look like names. All lower-cased for lookup.
 */

function set(block: string): ReadonlySet<string> {
  return new Set(block.split(/\s+/).filter((w) => w.length > 0));
}

/** Surname particles, Dutch and from families of other origins: van der, de, ter, El, Ben, Aït. */
export const PARTICLES = set(`
van de der den het ter ten te t la le du da di dos das del della von zu el al ben bin ibn abu bou ait aït ou
`);

/** Words that stand right before an adult's name: the name after them is `[PERSOON-n]`. */
export const ADULT_TITLES = set(`
juf juffrouw meester meneer mevrouw mevr mw mvr dhr heer mr dr drs ir ing prof collega directeur directrice
leerkracht leraar lerares docent docente mentor mentrix ib'er ib-er ib ib’er begeleider conciërge concierge
stagiair stagiaire logopedist logopediste orthopedagoog psycholoog jeugdverpleegkundige schoolarts coach
teamleider adjunct bouwcoördinator onderwijsassistent invaller vakleerkracht gymleraar gymdocent
moeder vader ouders ouder pleegmoeder pleegvader verzorger verzorgster oma opa tante oom familie fam gezin
stiefvader stiefmoeder mama papa voogd
`);

/** Words that stand right before a pupil's name: the name after them is `[LEERLING-n]`. */
export const PUPIL_TITLES = set(`
leerling leerlinge kleuter zoon dochter zoontje dochtertje broertje zusje pupil nieuwkomer zorgleerling
tweelingbroer tweelingzus maatje klasgenoot klasgenote buddy
`);

/** Labels of forms that a name follows without saying whose ("Naam: …"). */
export const NEUTRAL_TITLES = set(`
naam namen betreft aanwezig afwezig aanwezigen roepnaam voornaam voornamen achternaam tussenvoegsel
contactpersoon notulist voorzitter behalve deelnemers deelnemer
`);

/**
 * Role words that make the name after "van" a pupil: "moeder van Sanne", "de juf van Daan", "mentor van …".
 * ("zoon van" and "dochter van" point at a parent instead.)
 */
export const RELATIVE_OF_PUPIL = set(`
moeder vader ouders ouder verzorger verzorgers pleegouders oma opa juf meester leerkracht mentor broer zus
broertje zusje klasgenoot klasgenoten vriendje vriendinnetje
`);

/** Role words that make the name after "van" a parent: "zoon van mevrouw Bakker". */
export const CHILD_OF = set(`zoon dochter zoontje dochtertje kind`);

/** Words after a name that say it is a pupil: "Sanne (groep 5)", "Daan uit groep 7", "Elif, 8 jaar". */
export const PUPIL_AFTER = set(`
groep klas leerjaar havo vwo vmbo mavo kleuterklas brugklas jaar leerling leerlinge
`);

/** Words after a name that say it is staff or a parent: "Marloes (IB)", "Hans, directeur". */
export const ADULT_AFTER = set(`
directeur directrice ib ib'er ib’er leerkracht leraar lerares docent mentor moeder vader ouder ouders juf
meester conciërge stagiair stagiaire collega teamleider orthopedagoog logopedist moeder
`);

/** Words after which a name is likely (single unknown capitalised words still need more). */
export const NAME_CONTEXT = set(`met namens beste lieve hoi hallo dag geachte beste groet groeten vriendelijke en`);

/** Greetings that open a letter or e-mail: "Beste Jurriaan," names whoever follows. */
export const GREETINGS = set(`beste lieve hoi hallo dag geachte hey hee`);

/** Abbreviations whose dot does not end a sentence. */
export const ABBREVIATIONS = set(`
dhr mevr mw mvr fam drs dr ir ing prof mr geb bijv o.a oa evt ca zgn nr lln blz dwz enz etc vs st ma di
wo do vr za zo jan feb mrt apr jun jul aug sep sept okt nov dec tel
`);

const MONTHS_AND_DAYS = `
januari februari maart april mei juni juli augustus september oktober november december
maandag dinsdag woensdag donderdag vrijdag zaterdag zondag weekend
`;

const SUBJECTS = `
rekenen taal engels nederlands lezen spelling schrijven begrijpend technisch wereldoriëntatie
aardrijkskunde geschiedenis natuur techniek gym bewegingsonderwijs muziek tekenen handvaardigheid
drama burgerschap wiskunde biologie scheikunde natuurkunde economie frans duits spaans latijn grieks
informatica levensbeschouwing godsdienst mentoruur ckv lo filosofie arabisch turks chinees
`;

const SCHOOL_WORDS = `
groep klas leerjaar school basisschool havo vwo vmbo mavo atheneum gymnasium kleuters bovenbouw middenbouw
onderbouw mr gmr opp ib cito toets eindtoets doorstroomtoets kernwaarden kernwaarde visie missie pijlers
pijler samenwerken eigenaarschap nieuwsgierigheid vertrouwen verantwoordelijkheid creativiteit betrokkenheid
veiligheid onderwerp aanwezig afwezig notulen actiepunten afspraken datum gespreksverslag verslag
leerling leerlingen ouders juf meester team teamoverleg directie bestuur inspectie schoolplan beleid
kijkwijzer lesbezoek flitsbezoek zorgoverleg mentorgesprek incident incidentmelding samenvatting
conclusie aanleiding vervolg observatie doel doelen lesdoel evaluatie afsluiting instructie kern start
`;

const HOLIDAYS_AND_OTHER = `
kerst kerstmis pasen pinksteren sinterklaas sint koningsdag suikerfeest offerfeest ramadan divali
keti koti carnaval halloween nederland marokko turkije suriname syrië god allah jezus teams google
zoom word excel magister parnassys somtoday parro gynzy snappet
`;

/**
 * Capitalised words that are not names even when they follow a first name or a title: months and days,
 * subjects, school and vision words, holidays. A surname is never taken from this list.
 */
export const NOT_A_NAME = set(`${MONTHS_AND_DAYS} ${SUBJECTS} ${SCHOOL_WORDS} ${HOLIDAYS_AND_OTHER}`);

/** Nouns after which a capitalised word names a thing, not a person: "het thema Lente", "project Storm". */
export const THING_BEFORE = set(`thema project boek film lied liedje les lessen week hoek methode programma map tekst verhaal gedicht`);

/**
 * Words that follow a verb at the start of a question or command ("Ben je …", "Toon uw …", "Hoop je …"):
 * a word-like first name followed by one of them is the verb, not the name.
 */
export const PRONOUNS_AFTER_VERB = set(`je jij u uw jullie we wij ik ze zij hij het een ons onze mijn jouw dat deze die er`);
