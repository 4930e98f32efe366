/**
 * Data: the word lists and cue phrases of the name rules (names.ts) — titles, roles, cues,
 * particles, place words, verbs and the other small sets the rules consult. The large shared
 * lists (given names, dictionary, places) live in `lexicon.ts`.
 */
import { words } from './lexicon.ts';

/** Relation words among the titles: "sister" and "cousin" come before ordinary nouns too. */
export const KIN_TITLES = new Set([
  'father',
  'sister',
  'brother',
  'aunt',
  'auntie',
  'uncle',
  'cousin',
  'grandma',
  'grandpa',
]);

/** Ranks and courtesy titles: what follows is a surname (or given name and surname). */
export const TITLE_WORDS = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'dr',
  'sr',
  'sra',
  'srta',
  'senor',
  'senora',
  'officer',
  'officers',
  'ofc',
  'po',
  'p.o',
  'sgt',
  'sergeant',
  'sergeants',
  'lt',
  'lieutenant',
  'det',
  'detective',
  'detectives',
  'capt',
  'captain',
  'cmdr',
  'commander',
  'chief',
  'supt',
  'superintendent',
  'investigator',
  'inv',
  'agent',
  'trooper',
  'deputy',
  'judge',
  'supervisor',
  'supv',
  'principal',
  'coach',
  'nurse',
  'professor',
  'prof',
  'alderman',
  'alderwoman',
  'ald',
  'senator',
  'governor',
  'mayor',
  'commissioner',
  'director',
  'warden',
  'chaplain',
  'congressman',
  'congresswoman',
  'councilman',
  'councilwoman',
  'president',
  'atty',
  'attorney',
  'reverend',
  'rev',
  'pastor',
  ...KIN_TITLES,
  'sheriff',
  'marshal',
  'corporal',
  'cpl',
  'patrolman',
  'patrolwoman',
  'inspector',
  'doctor',
  'deacon',
  'minister',
  'imam',
  'rabbi',
  'counselor',
  'teacher',
  'caseworker',
]);

/** Courtesy titles, which stand only before a name. */
export const COURTESY_TITLES = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'sr',
  'sra',
  'srta',
  'senor',
  'senora',
]);

/** Relation and role nouns: a capitalised word right after one (or after its comma) is a name. */
export const ROLE_WORDS = words(
  `son daughter husband wife mother father brother sister boyfriend girlfriend friend cousin uncle
  aunt auntie nephew niece grandson granddaughter grandmother grandfather grandma grandpa stepson
  stepdaughter stepfather stepmother fiance fiancee spouse partner neighbor neighbour landlord
  landlady tenant roommate coworker boss manager employer employee complainant victim witness
  subject arrestee offender plaintiff defendant accused suspect detainee driver passenger client
  patient student teacher lawyer deceased decedent juvenile child kid baby godfather godmother
  ex mom dad inmate resident owner guard hijo hija esposo esposa madre padre hermano hermana novio
  novia amigo amiga vecino vecina`,
);

/** Words that introduce a name ("named", "my name is", "a.k.a.", a letter's sign-off). */
export const CUES: ReadonlyArray<readonly string[]> = [
  ['named'],
  ['name'],
  ['name', 'is'],
  ['named', 'is'],
  ['name', 'was'],
  ['name', 'of'],
  ['known', 'as'],
  ['identified', 'as'],
  // "identified himself as MIKE", "she calls herself Nena", "he goes by Dre"
  ['himself', 'as'],
  ['herself', 'as'],
  ['calls', 'himself'],
  ['calls', 'herself'],
  ['called', 'himself'],
  ['called', 'herself'],
  ['goes', 'by'],
  ['aka'],
  ['a.k.a'],
  ['sincerely'],
  ['regards'],
  ['respectfully'],
  ['thank', 'you'],
  ['thanks'],
  ['yours'],
  ['llama'],
  ['llamo'],
  ['nombre', 'es'],
  ['atentamente'],
];

/** Lower-case particles inside a name ("Persida Del Carmen", "Van Buren"). */
export const PARTICLES = new Set([
  'de',
  'del',
  'la',
  'las',
  'los',
  'van',
  'von',
  'da',
  'di',
  'du',
  'le',
  'y',
]);

/** Words that make a capitalised run a place or an organisation, not a person. */
export const PLACE_WORDS = words(
  `hospital park school university college church mall club hotel center centre store avenue street
  boulevard road drive company inc llc bank airport station district county department office
  court market foods restaurant bar grill lounge academy institute library museum plaza tower
  towers apartments homes expressway highway bridge beach lake river island city village town
  high middle elementary services service group corporation corp agency association foundation
  ministries shelter mission gas liquor motel inn cafe pizza chicken grocery pharmacy clinic
  medical health dealership motors auto protest protests rights statue memorial law act day state
  line stop police pd dept courthouse sheriff township co ave blvd pkwy estates heights hills
  grove warnings warning`,
);

/** Words that start a place's name: "South Carolina", "San Antonio", "St. Francis". */
export const PLACE_PREFIXES =
  /^(?:north|south|east|west|new|san|santa|los|las|fort|saint|st|mount|lake|port)$/u;

/** Given names that are ordinary Spanish words ("camioneta blanca", "con dolores"). */
export const SPANISH_WORD_NAMES = words(
  'blanca dolores esperanza consuelo mercedes rosario flor perla aurora rosa pilar soledad socorro paz luz estrella',
);

/** Surnames that are also ordinary words a writer uses in lower case ("white", "long"). */
export const PLAIN_SURNAME_WORDS = words(
  `black white brown green gray grey young little long short small strong wise rich love hope may
  west north street guard fields sharp frank bush cash glass page rose stone lamb bird wood woods
  banks bell hall hill lane rivers weeks wolf fox crane summers hunter chase grant king porter`,
);

/** Verbs a writer puts right after a first name that no suffix shows ("Maria ran", "John hit"). */
export const BARE_VERBS = words(
  `am are was were be been is has had have did do does go went gone ran run hit got get came come
  took take saw see told tell left leave said say drove drive gave give made make put threw throw
  kept keep let felt feel began begin brought bring bought buy caught catch fought fight sat sit
  stood stand knew know thought think found find heard hear meant met pay paid read rode ride
  sent send shot shoot spoke speak swore swear woke wore tore struck strike stole steal fell held
  hold lied lost lose can could will would shall should may might must also then never still just
  and or but not too who which that what when where while with from into onto upon about than`,
);

/** Race words of a capitals description before MALE or FEMALE ("BLK MALE", "M/WHI FEMALE"). */
export const RACE_WORDS = words(
  'blk black bl b wht white wh whi w hisp hispanic his h asian asn arab latino latina',
);

export const REPORTING_VERBS = words(
  'alleges alleged alleging states stated said says reported reports claims claimed told asserts asserted indicated related',
);

/** Placeholders the releases write where a name is not known: not names of anyone. */
export const NOT_RECORDED_NAMES = new Set([
  'unknown',
  'unk',
  'doe',
  'none',
  'officer',
  'nfn',
  'nln',
]);

/** Ranks as writers misspell them, which are also surnames of the roster ("a Sargent"). */
export const RANK_SPELLINGS = new Set(['sargent', 'sargeant', 'seargent', 'sergent', 'sargant']);

// A number a narrative may give as a star: three digits or more ("1 Police officers" counts),
// not part of a date, a time, money or a longer code.
export const STAR_NUMBER = /(?<![\p{L}\p{N}/:.$,-])#?(\d{3,6})(?![\p{N}/:]|\.\d|,\d)/gu;

/** Ranks and courtesy titles a surname follows ("officer woods", "sgt. hill", "mr hall"). */
export const RANKS = words(
  `officer ofc po p.o sgt sergeant lt lieutenant det detective capt captain cmdr commander
  investigator inv agent trooper mr mrs ms`,
);

/** Phrases after which a writer gives a name, nickname or alias ("a guy named", "known as"). */
export const NAMING_CUES: ReadonlyArray<readonly string[]> = [
  ['named'],
  ['nicknamed'],
  ['name', 'is'],
  ['name', 'was'],
  ['known', 'as'],
  ['goes', 'by'],
  ['calls', 'himself'],
  ['calls', 'herself'],
  ['called', 'himself'],
  ['called', 'herself'],
  ['aka'],
  ['alias'],
];

/** Who a lawsuit names that is no person: "People v. …", "City of Chicago v. …". */
export const LAWSUIT_INSTITUTIONS = words(
  'people city state county united states board village town government commonwealth republic',
);

/** Abbreviations written with periods that are not a person's initials. */
export const NOT_INITIALS = words(
  `po pos us usa id dob rd cb am pm tv dc ny la er oc cpd fbi swat md rn jd ps bs ms ma ba phd
  ok uk un eu ie eg vs nd sd cc ss foia dui dwi uuw ac bp`,
);

// Social networks whose first path segment is a person's own handle ("facebook.com/jane.doe.94")
export const PROFILE_HOSTS =
  /^(?:[a-z]+\.)?(?:facebook|fb|twitter|x|instagram|tiktok|linkedin|youtube|snapchat|threads)\.com$/iu;

// Path segments of those networks that are pages of the site, not handles
export const SITE_SEGMENTS = words(
  `p posts post groups group pages page watch status share sharer photo photos story.php
  permalink.php profile.php events hashtag search login home reel reels video videos in channel
  user c explore stories intent i messages marketplace gaming live tv`,
);
