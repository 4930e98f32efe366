/**
 * What the Chicago profile supplies to the redaction engine (src/server/redaction/,
 * docs/redaction.md "Jurisdiction"): the city's street grid, for addresses written without a
 * suffix or direction, and the Illinois law under which each kind of redaction is made.
 */
import type { RedactionJurisdiction } from '../../redaction/kinds.ts';
import { words } from '../../redaction/lexicon.ts';

/**
 * Chicago streets commonly written without a suffix or direction after a house number
 * ("10220 Wentworth"). A number followed by one of these is an address.
 */
export const CHICAGO_STREETS = words(`
addison archer armitage ashland austin belmont devon touhy pratt broadway california central cermak chicago cicero clark
cottage damen diversey division dorchester drexel elston ewing foster fullerton garfield garland
halsted harlem higgins homan howard hyde indiana irving jackson jeffery kedzie keeler kildare
kilpatrick kostner lake laramie lawrence lincoln madison marquette michigan milwaukee montrose
narragansett normal north ogden pershing peterson pulaski racine randolph roosevelt sacramento
sheridan south state stony vincennes wabash washington wentworth western wolcott
`);

/**
 * More of Chicago's street grid, written from general knowledge (the city's north-south and
 * east-west streets, by side): used only for addresses — a capitalised word after a house number
 * of 100 or more — never to keep a word from being a name, since most of them are surnames too
 * ("Kostner", "Wolcott", "Newland").
 */
const MORE_CHICAGO_STREETS = words(`
aberdeen ada adams agatite ainslie albany albion alta altgeld arthur artesian astor augusta
austin avalon avers avondale baltimore balmoral barry beach belden bell bennett berenice
berteau berwyn birchwood bishop blackstone bloomingdale bosworth brandon brighton bryn buffalo
burley byron calumet campbell canal canfield carmen carpenter carroll catalpa chappel
chase cherry chestnut christiana claremont clinton clybourn clyde colfax coles commercial
congress constance corliss cornelia cornell cortez cortland crandon cregier crystal cullerton
cullom cumberland dakin dante dearborn delano deming desplaines dickens dobson drake east
eberhart eddy eggleston elizabeth ellis elmdale emerald erie escanaba essex estes euclid evans
evanston evergreen exchange fairfield fargo farwell federal ferdinand fillmore fletcher
flournoy forrestville francisco franklin fulton george giddings gladys glenlake grace grand
granville green greenleaf greenview greenwood grenshaw haddon hamilton hamlin harding harper
harrison hartland hastings hermitage hirsch hollywood homan honore houston hoyne hubbard hudson
huron iowa jarvis jefferson jourdan juneau justine karlov kedvale keefe keeler kenmore kenneth
kenton kenwood keystone kilbourn kimball kimbark kingston kinzie kirkland knox kolin kolmar
komensky kostner lacrosse lafayette laflin lamon langley laporte lasalle latrobe lavergne lawler
lawndale leamington leavitt leclaire leland lemoyne lexington lill linder lockwood loomis lorel
lotus lowe luella lunt lyman mackinaw major malden manistee maplewood marine marmora marshfield
mason maxwell mcclurg mcvicker meade melrose melvina menard merrill millard moffat monitor
monroe montana monticello moody morgan morse mozart muskegon nagle nashville natchez natoma
neenah nelson newcastle newland newport nordica normandy nottingham oakdale oakley oglesby
ohio oketo olcott ontario oriole ottawa palmer parkside parnell patterson paulina paxton peoria
perry phillips pine polk potomac prairie princeton quincy rhodes rice richmond ridge ridgeland
ridgeway ritchie rockwell rosehill rosemont rush saginaw sangamon sawyer schiller school schubert
seeley seipp shakespeare shields sherwin spaulding springfield stewart sunnyside superior talman
taylor thome thorndale throop torrence tripp troy trumbull union university vernon wallace
wallen walton warren washtenaw waveland wayne webster wellington wells whipple wilcox wilson
winchester windsor winnemac winthrop wood woodlawn wrightwood yale yates
`);

/**
 * Chicago streets of two words, neither a suffix ("4900 S Cottage Grove", "1600 E Stony Island"):
 * the second word belongs to the address.
 */
const CHICAGO_STREET_PAIRS = words(`
stony:island cottage:grove irving:park central:park bryn:mawr van:buren east:end north:shore
south:shore south:chicago lake:park lake:shore st:louis la:salle oak:park forest:glen
`);

/**
 * The legal basis recorded with each kind, in English and Spanish, citing public law only (the
 * public reads it next to each redaction; issue 15 defect 8). Illinois FOIA exempts "private
 * information" (5 ILCS 140/7(1)(b), defined in 140/2(c-5): personal telephone numbers, personal
 * email addresses, home address, personal licence plates), disclosures that would be a clearly
 * unwarranted invasion of personal privacy (140/7(1)(c)) and records whose disclosure would
 * endanger anyone's life or physical safety (140/7(1)(d)(vi)).
 */
const BASIS: RedactionJurisdiction['basis'] = {
  person_name: {
    en: 'Personal privacy: a person named in the narrative is not identified (Illinois FOIA, 5 ILCS 140/7(1)(c))',
    es: 'Privacidad personal: no se identifica a las personas nombradas en el relato (Ley de Libertad de Información de Illinois (FOIA), 5 ILCS 140/7(1)(c))',
  },
  phone: {
    en: 'Private information (personal telephone number) (Illinois FOIA, 5 ILCS 140/7(1)(b) and 140/2(c-5))',
    es: 'Información privada (número de teléfono personal) (Ley de Libertad de Información de Illinois (FOIA), 5 ILCS 140/7(1)(b) y 140/2(c-5))',
  },
  email: {
    en: 'Private information (personal email address) (Illinois FOIA, 5 ILCS 140/7(1)(b) and 140/2(c-5))',
    es: 'Información privada (correo electrónico personal) (Ley de Libertad de Información de Illinois (FOIA), 5 ILCS 140/7(1)(b) y 140/2(c-5))',
  },
  street_address: {
    en: 'Private information (home address): an address is shown at block level only (Illinois FOIA, 5 ILCS 140/7(1)(b) and 140/2(c-5))',
    es: 'Información privada (domicilio): una dirección se muestra solo a nivel de cuadra (Ley de Libertad de Información de Illinois (FOIA), 5 ILCS 140/7(1)(b) y 140/2(c-5))',
  },
  date_of_birth: {
    en: 'Personal privacy (date of birth) (Illinois FOIA, 5 ILCS 140/7(1)(c))',
    es: 'Privacidad personal (fecha de nacimiento) (Ley de Libertad de Información de Illinois (FOIA), 5 ILCS 140/7(1)(c))',
  },
  licence_plate: {
    en: 'Private information (personal licence plate) (Illinois FOIA, 5 ILCS 140/7(1)(b) and 140/2(c-5))',
    es: 'Información privada (placa de vehículo personal) (Ley de Libertad de Información de Illinois (FOIA), 5 ILCS 140/7(1)(b) y 140/2(c-5))',
  },
  shelter_location: {
    en: 'Safety and personal privacy of a vulnerable party: where a shelter resident lives is never published (Illinois FOIA, 5 ILCS 140/7(1)(c) and 140/7(1)(d)(vi))',
    es: 'Seguridad y privacidad personal de una persona vulnerable: nunca se publica dónde vive una persona albergada en un refugio (Ley de Libertad de Información de Illinois (FOIA), 5 ILCS 140/7(1)(c) y 140/7(1)(d)(vi))',
  },
};

export const CHICAGO_REDACTION: RedactionJurisdiction = {
  streets: CHICAGO_STREETS,
  moreStreets: MORE_CHICAGO_STREETS,
  streetPairs: CHICAGO_STREET_PAIRS,
  basis: BASIS,
};
