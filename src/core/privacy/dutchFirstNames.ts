/**
 * First names common in Dutch schools, pupils and staff: Dutch and Frisian names, and names common among
 * Turkish-Dutch, Moroccan-Dutch, Surinamese-Dutch, Antillean, Polish, Syrian, Eritrean and Somali families.
 * Written for this project; lower-cased for lookup. The list anchors name detection: a capitalised word
 * in this list starts a name, and the words after it may add a surname.
 */

const DUTCH_GIRLS = `
emma julia mila tess sophie zoë zoe sara sarah nora eva anna evi saar lotte liv lieke nina fenna
yara olivia lina isa noa luna elin hanna hannah lisa julie fleur noor roos sterre lynn femke anouk
esmee floor maud jasmijn merel lauren naomi vera iris amber isabella charlotte lara lena lise lize
linde marit mirthe nienke puck fien fiene pien jip janna lois loïs veerle ilse inge indy jade kiki
feline fay fenne ella elise elisa emily ivy mara maria marie milou nova rosa senna sanne sofie sofia
suze suus tara tessa vajèn valerie yfke zara zoey amy bente britt daphne demi dewi eline elif elena
evy fem gwen hailey ise jet jente jolie juul kate kyara laura lea lieve lot lotus luca madelief
maja mare mariska myrthe nynke pleun romy ruby sam sienna silke sophia sterre stella vita yentl
zoey margriet violet hazel lente bloem hoop zon sky joy faith noortje liza mette annemijn annabel
jaylinn jaylin jayla jaelynn lynn nikki kimberly romy noa sanna selma vayèn yinthe xaira ziva
elke aster
`;

const DUTCH_BOYS = `
noah sem liam lucas oliver daan finn levi luuk mees james milan jesse bram sam thomas max adam benjamin
siem tim thijs ruben julian mason hugo teun tijn jens jayden boaz lars gijs mats stijn owen sven
floris guus dex vince luca ryan jurre jan joep kai david olivier morris quinn pepijn jack jake
nathan niek pim rens sepp sil storm tobias ties tygo vigo wessel xavi yusuf zayn abel alexander
bas beau casper cas dani dylan elias ezra felix gerrit hidde hendrik jip job jop jort joris kees
koen lenn lev mick mika niels noud olaf otis quinten raf rick rik rover seth silas stan thom tom
twan valentijn victor vincent ward willem wout wouter yannick jelle jesper joost kasper mark matthijs
melle merijn nick pieter ben bob toon
jaylano jayson jaydon jaxx kay ravi rayan senn sten tycho tijs vik wessel yoran zeb djayden kyan roan robin roel ruud sander sebastiaan sjoerd stefan teije tijmen
`;

const STAFF_GENERATION = `
hans kees piet henk wim jeroen marco martijn michiel remco sander arjan bert dennis edwin erwin gerard
jacco jasper koos leon maarten mike patrick paul rob ronald theo ton frits frans jan johan karel
ewout fons guido arno harm huib erik dirk frank gert geert bart rené rene peter marcel richard jos
jaap bas wilco wilfred gijsbert hugo adriaan anton cor dick eddy egbert evert ferry gerben hein
herman ivo jacob jeffrey jurgen kevin lambert laurens marc marnix menno nico onno pascal reinier
roeland rogier rutger ruben sietse sybren taco teun thijs tjeerd tjitse wiebe wietse willem wybren
marian ineke annemiek mirjam petra anke karin esther saskia monique marloes wendy linda sandra nicole
sylvia astrid brenda chantal debby kirsten hester jolanda marieke natasja patricia renate tineke
yvonne wilma bianca ingrid irene joke riet lies els ria ans mien annie gerda greet hennie jannie
marjan annelies hanneke gonnie gerdien wietske anneke marianne jolanda margot heleen ilona lydia
mirella nanda nel tiny carolien claudia danielle elske froukje geertje ineke jantine lenneke marloes
joyce judith karen liesbeth loes manon margreet marjolein marleen martine miranda mariëlle nathalie
paula rianne simone suzanne tamara tanja titia wilma yvette anja carla corinne desiree elly ellen
esmé hilde ilona jacqueline janneke jeannette jolien josé karlijn kim lianne lisette maaike marga
marijke marja maartje mieke mireille nelleke rosalie sabine sanne sietske trudy ymkje wieke grietje
`;

const TURKISH = `
mehmet mustafa ahmet ali hüseyin hasan ibrahim ismail osman yusuf emre burak mert kaan baran efe berat
yiğit yigit eren arda alperen ömer omer can deniz umut emir kerem enes furkan hakan murat serkan
volkan cem onur tolga selim batuhan oğuz oguz kemal erdem fatih sinan orhan tarik
elif zeynep esra büşra busra fatma ayşe ayse merve kübra kubra defne ecrin eylül eylul aylin ela
nil melek hatice emine hacer sevgi gül gul songül songul derya dilara ilayda irem selin sude yasemin
hilal nur nurcan özlem ozlem şeyma seyma tuba sibel
`;

const MOROCCAN_AND_ARABIC = `
mohammed mohamed mohamad muhammad ahmed ahmad amir bilal hamza ilias ilyas ayoub zakaria imran rayan
yassin yassine anass anas nassim soufiane soufyan othman omar youssef youssri karim khalid rachid
rachida said saïd samir hicham abdel abdelkader abdellah abdelilah abderrahim mustapha driss hassan
hassan houssam ismael adil aziz badr brahim ayman younes yunus idris idriss nabil mounir redouan
ridouan marwan mehdi sami walid zouhair jamal tarik
fatima fatiha khadija salma nour imane malak hiba aya ikram kaoutar rania yasmina yasmine yasmin
amal asma dounia dunya houda ilham iman inas jamila karima latifa laila leila loubna meryem maryam
naima nadia najat noura ouafae rabia samira sanae siham soumaya souad wafae widad zineb zainab
hafsa lina malika rajae sara sabrina safae sofia zahra zoubida
`;

const SURINAMESE_ANTILLEAN_HINDUSTANI = `
priya anjali ravi rajesh radjesh shanti kavita sunita sharmila reshma anil sanjay kiran roshni chandra
dinesh naresh sunil vishal ashwin amit rakesh shivani anita asha devi indira lakshmi mala nisha
pooja radha rekha sita usha vanita
jairo shaquille quincy jerrel romano jermaine dwayne kenneth virgil gianni nigel clarence tyrone
giovanni esmeralda ruthline chayenne shanaya xaviera jurian glenn gregory rudy ricardo roderick
stanley sherida shirley tatiana priscilla denise gracia jaydon jayvano jeremiah kendrick kenrick lorenzo
rayvano roshano sergio shurandy tyrese
`;

const OTHER_COMMUNITIES = `
jakub kacper szymon filip mateusz michał michal piotr tomasz wojciech zofia zuzanna maja wiktoria julia
natalia oliwia aleksandra kasia agnieszka magdalena
rama lana ahmad tarek khaled nour rasha rima yara jana joud hamid hussein hussain mahmoud
semhar filmon yonas aster helen merhawi senait tesfay yohannes
hodan abdi abdirahman ayaan fadumo hamza khadar mohamud sagal warsame
wei li mei ming xin hao yan lin chen
`;

function words(block: string): string[] {
  return block.split(/\s+/).filter((w) => w.length > 0);
}

/** All first names, lower-cased. */
export const FIRST_NAMES: ReadonlySet<string> = new Set([
  ...words(DUTCH_GIRLS),
  ...words(DUTCH_BOYS),
  ...words(STAFF_GENERATION),
  ...words(TURKISH),
  ...words(MOROCCAN_AND_ARABIC),
  ...words(SURINAMESE_ANTILLEAN_HINDUSTANI),
  ...words(OTHER_COMMUNITIES),
]);

/**
 * First names that are also ordinary words (a flower, the weather, a verb form, "each", "dear").
 * They count as names only when capitalised mid-sentence, after a name context ("juf", "met"),
 * with a surname after them, or where the same text already uses them as a name.
 */
export const WORD_LIKE_FIRST_NAMES: ReadonlySet<string> = new Set(words(`
roos fleur noor sterre storm bloem hoop mees merel linde lente zon sky joy faith jasmijn margriet
madelief violet jade amber iris hazel lieve elke toon ben wil lot job mark max bas frank bob joke riet
lies kick valentijn jet can umut nur gül gul mei lotus luca stella vita mare ward rover quinn
aster ton rob taco els
`));

/** Words in the list that are also months, weekdays or school words: never a name without a name context. */
export const NEVER_ALONE: ReadonlySet<string> = new Set(['mei', 'frans', 'april', 'augustus', 'juni']);
