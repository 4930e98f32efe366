/**
 * Word lists for the redaction engine (names.ts and the recognizers), the same in every
 * jurisdiction (a jurisdiction's streets come from its profile: profiles/chicago-redaction.ts).
 * Hand-written, lower case, no accents (lookups fold accents): common given names, which make a
 * capitalised pair a person's name, and common words, which keep a capitalised word from being
 * taken for one. The lists were written from general knowledge, not from the labelled
 * narratives (docs/redaction.md).
 */

import englishWords from 'an-array-of-english-words' with { type: 'json' };

/**
 * Whether `word` (lower case, a-z) is an English dictionary word: ~275,000 words, sorted, from
 * the Letterpress list (package an-array-of-english-words, MIT). Binary search, so loading costs
 * no set construction. Surnames that are also words ("Brown", "Jones") are in it; the rarer
 * surnames and most given names outside English are not — which is what the engine uses.
 */
export function isEnglishWord(word: string): boolean {
  let lo = 0;
  let hi = englishWords.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = englishWords[mid] ?? '';
    if (at === word) {
      return true;
    }
    if (at < word) {
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return false;
}

/** An English dictionary word, or the plural (or possessive) of one: "officers", "cops". */
export function isEnglishWordOrPlural(word: string): boolean {
  return isEnglishWord(word) || (word.endsWith('s') && isEnglishWord(word.slice(0, -1)));
}

/** A set of the words of a list written one or more to a line. */
export function words(list: string): ReadonlySet<string> {
  return new Set(list.split(/\s+/u).filter((w) => w !== ''));
}

/** Given names common in Chicago (English, Spanish, Polish, Arabic, African American usage). */
export const GIVEN_NAMES = words(
  `
aaliyah aaron abdul abigail abraham adam adrian adriana aidan aisha alan albert alberto alejandra
alejandro alex alexander alexandra alexis alfonso alfred alfredo ali alice alicia alisha allen
allison alma alonzo alvin amanda amber amir amy ana andre andrea andres andrew andy angel angela
angelica angelo anita ann anna anne annette anthony antoine antonio antwan april araceli armando
arnold arthur arturo ashley audrey aurora austin barbara barry beatriz ben benjamin bernard
bernardo bernice bertha betty beverly bianca bill billy blanca bob bobby bonnie brad bradley
brandon brenda brendan brent brett brian briana brittany brooke bruce bryan byron caleb calvin
cameron camille candace carl carla carlos carmen carol carolina caroline carrie casey cassandra
catherine cecilia cedric cesar charlene charles charlie charlotte chelsea cheryl chris christian
christina christine christopher cindy claire clara clarence claudia clinton cody colleen
connie consuelo cora corey courtney craig crystal curtis cynthia daisy dale damian damon
dan dana daniel daniela danielle danny darius darlene darnell darrell darren daryl dave david
dawn dean deandre debbie deborah debra deja delores demetrius denise dennis derek derrick desiree
destiny devin devon diana diane diego dolores dominic dominique don donald donna donte doris
dorothy douglas duane dustin dwayne dylan earl ebony eddie edgar edith eduardo edward edwin
eileen elaine elena eli elias elijah elizabeth ella ellen elsa elvira emily emma emmanuel enrique
eric erica erik erika ernest ernesto esmeralda esperanza esteban estela esther ethan eugene eva
evelyn fatima felicia felipe felix fernando fidel flor frances francisco frank franklin fred
freddie frederick gabriel gabriela gail gary gene geneva george gerald gerardo gilbert gilberto
gina gladys glen glenda glenn gloria gordon grace graciela greg gregory guadalupe guillermo
gustavo gwendolyn hannah harold harry hassan hazel heather hector heidi helen henry herbert
herman hilda holly howard hugo ian ibrahim ignacio irene iris irma isaac isabel isaiah ismael
ivan jack jackie jacob jaime jake jamal james jamie jan jane janet janice jared jasmine jason javier
jay jeff jeffery jeffrey jenna jennifer jenny jeremiah jeremy jermaine jerome jerry jesse
jessica jesus jill jim jimmy jo joan joann joanna joe joel john johnny jon jonathan jordan
jorge jose joseph josephine joshua joy joyce juan juana juanita judith judy julia julian
juliana julie julio justin kaitlyn kara karen karina karl kate katherine kathleen
kathryn kathy katie kayla keisha keith kelly ken kendra kenneth kenny kevin kim kimberly
kristen kristin kurt kyle lakisha lamar lance larry latasha latisha latonya latoya laura lauren
laurie lawrence leah lee leon leonard leonardo leroy leslie leticia lillian linda lisa lloyd
lois lonnie lorena lorenzo lori lorraine louis louise lucas lucia lucy luis luz lydia lynn
mack malik mandy manuel marc marcia marco marcos marcus margaret margarita maria mariah marian
marie marilyn mario marisol marjorie mark marlene marquis marsha martha martin marvin
mary mateo matthew maurice maxine megan melanie melinda melissa melvin mercedes micheal michael
michele michelle miguel mike mildred miriam misty mitchell mohamed mohammad mohammed monica
monique muhammad myra myrtle nadia nancy naomi natalie natasha nathan nathaniel neil
nelson nicholas nichole nick nicole nina noah noel nora norma norman octavio olga oliver olivia
omar oscar pablo pam pamela patricia patrick patsy paul paula pauline pedro peggy penny perla
peter philip phillip phyllis priscilla rachel rafael ralph ramiro ramon ramona randall randy
raquel raul ray raymond rebecca regina reginald renee ricardo richard rick ricky rita robert
roberta roberto robin rodney rodolfo rodrigo roger roland rolando ron ronald ronnie rosa
rosalinda rosario rosemary ross roy ruben ruby russell ruth ryan sabrina sadie salvador sam
samantha samuel sandra sara sarah scott sean sergio seth shameka shana shanice shannon shaquille
sharon shawn sheila shelby shelia shelly sherry shirley sidney silvia simon sofia sonia sonya
sophia stacey stacy stanley stella stephanie stephen steve steven sue susan suzanne sylvia
tamara tameka tamika tammy tanya tara tasha ted teresa terrance terrell terrence terri terry
thelma theodore theresa thomas tiffany tim timothy tina toby todd tom tommy toni tony tonya
tracey traci tracy travis trevor troy tyler tyrone valerie vanessa vernon veronica vicki
vickie victor victoria vincent viola violet virginia vivian wade wallace walter wanda warren
wayne wendy wesley whitney willie william wilma xavier yesenia yolanda yvette yvonne zachary
bartosz dariusz grzegorz jacek jakub janusz kazimierz krzysztof lukasz malgorzata marek
marcin mariusz piotr stanislaw tomasz wojciech zbigniew agnieszka ewa jolanta katarzyna
ahmed fatimah hussein khalid mustafa yusuf samir tariq
`
    .concat(
      // third round (docs/redaction.md): more names common in Chicago — African American,
      // Mexican and Central American, Polish, Arabic and older English usage
      `
hilary hillary deshawn dashawn jaylen jalen jayden aiden brianna breanna kiara jada tyrell tyree
marquise keshawn lashawn shawna shaniqua latrice lakeisha tanisha keyana kiana ashanti imani aja
demario dante javon jevon kendrick lamont lavell reggie rashad rasheed tiana tierra trina shante
adan agustin amparo benito catalina cristian cristina efrain emilio fabiola fernanda gisela
griselda homero ines isidro jaqueline joaquin josefina leonel lizbeth lourdes lupe marisela
maricela maximo nestor noemi osvaldo reyna rigoberto rogelio rosalba rocio saul susana ulises
valentin wilfredo xochitl yadira yuridia aleksandra andrzej beata bozena danuta dorota elzbieta
grazyna halina irena jadwiga jerzy krystyna leszek magdalena marta pawel renata ryszard slawomir
tadeusz urszula wieslaw zofia abdullah ahmad amal amina fadi hamza hana jamila karim khaled
layla mahmoud mariam nabil rami rana salma sami yasmin yousef zainab chloe zoe ava mia isabella
liam owen gavin colin connor shane vince wendell wilbert willis winston alfonzo percy otis odell
ervin irvin elmer emmett ernie floyd herschel hubert jasper kirk lester lyle marlon milton nolan
quentin quincy rufus sherman stuart sylvester terence thaddeus tobias ulysses virgil wilbur
woodrow clyde cornelius dewayne dwight dexter elbert eldridge fredrick grady isiah jerald luther
marcel marcellus ollie roderick sammie shelton tommie torrence tremaine tyrese wardell willard
antwon devonte dontae jamar jamel keon kwame lavar marquez rayshawn tavares travon trayvon
tyquan angelina annie beatrice bessie carolyn cassie cecelia charmaine christie clarissa
claudette darla della dianne dora edna effie elise eloise erma ethel eunice fannie francine
geraldine gertrude hattie ida inez jacqueline jeanette jeanne jessie johnnie josie katrina
kristina lakeshia latanya lavonne leona lorene loretta lucille mabel mae mamie marcella margie
marguerite mattie maude mavis minnie nellie nettie odessa phoebe rachael rhonda rochelle
rosalind roxanne sallie sheryl sonja stacie tabitha tania teri tonia trudy velma vera verna
willa winifred sheena shauna shawanda shenita lashonda kiera kierra
`,
    )
    .trim(),
);

/**
 * Given names that are also common words or places ("May", "Grant Park", "Austin" district):
 * they make a name only together with a following capitalised surname.
 */
export const AMBIGUOUS_GIVEN_NAMES = words(`
april august austin bill bob brooke brown chase cliff crystal dawn dean destiny faith frank
grace grant hope ivy jack jade jordan joy june lincoln mark may miles pat penny river rose ruby
sage sky summer wade will young lee guadalupe jesus angel trinity king price washington jackson
madison
marquise nestor saul hamza rami rana ava isabella colin jasper kirk dexter marcel ollie christie
jeanette jessie johnnie mae mamie marcella marguerite mattie mavis minnie nellie nettie phoebe
vera
`);

/**
 * Words that are not names when capitalised: sentence starts, narrative vocabulary, CPD and COPA
 * terms, places and institutions, months and days. A capitalised run made only of these is not
 * a name; a title followed by one of these is not a name ("Officer Involved").
 */
export const COMMON_WORDS = words(`
dob ssn
a about above according accused across act action actions actually added additional additionally
address advised after afterwards again against agency aggravated aid airport alert all alleged
allegedly alleges allegation allegations alley allowed almost along already also although always
am amendment an and another answer any anyone anything apartment apparently appeared approached
approximately are area arm around arrest arrested arresting arrestee arrived as ask asked assault
assaulted assigned at attached attempted attorney auto avenue away back bad badge based battery
be beat beaten because been before began behind being believe believes below beside between
black block blue board body both boy boys brother brothers building burglary bus but by call
called came can car case cause caused cell center central certain chicago chief child children
circuit citizen city civil civilian clerk closed club co code college commander committee
community company complainant complainants complained complaint complaints concern conduct
consent continue continued copa corner could county court crash crime criminal cta cpd custody
daughter day days decree department deputy described despite detained detective detectives did
didn direct director disorderly district division do domestic done door down drive driver
driving drug drugs due during each east either else email emergency employee end entered
entire even evening event every everyone evidence excessive exited facility failed false
family father federal felony female few filed finally fire firearm first floor following for
force former found fourth free friday friend from front further furthermore gang gave general
get girl given go going good got government grabbed ground guard gun had handcuffed handcuffs
has have he head headquarters hear heard held her here herself high him himself his home
hospital hours house how however i id identified if illinois immediately in incident including
information initiation injury inside instead internal into investigation investigator is it
its jail january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec judge just juvenile kicked knew know known lady
last later law lawsuit left legal let license lieutenant like line lives local location lockup
log lot made make making male man manager many marked mayor me medical member members men
message minor miss monday more morning most mother mr mrs ms much my myself name named names
narcotics near need neighbor neighborhood never new news next night no none north not note
nothing notification notified now number of off office officer officers official on once one
only onto open or order ordered other others our out outside over own park parking partner party
passenger past people per person phone physical placed plainclothes please point pointed police
possible post premises present president prior private probable problem process property
protest protesters public pulled punched put quarters question questions race rather reason
received recovered red refused regarding related release released report reported reporting
reports request residence resisting respond responded response restaurant retaliation right
road robbery room rude said same saturday saw say school scene search searched second security
see seen sergeant service services several sexual she sheriff shift should shot show side since
sir sister sitting six slammed so social some someone something son south spoke squad star
started state stated states station statement stop stopped store street subject suit sunday
superintendent supervisor support suspect sustained take taken team than thank that the their
them then there thereafter these they thing third this those three through thursday time to
today told too took towards tow traffic transit truck tuesday two unit united university unknown
until up upon us use used using vehicle verbal very victim video violation walked want wanted
warrant was watch way we web wednesday week well went were west what when where whether which
while white who whom why wife will with within without witness witnesses woman women work worker
would wrong year years yes yet you young your
reporting rp rps rs rpw rpv rptp ri si rd cb trr bwc ois oig bia ipra ops tac sgt lt po
initiated generated referral referred duplicate dup settled civilian civilians
inspector notice case report log unit units north south east west blvd ave st
hispanic african american asian white black latino latina caucasian
cook county state states illinois chicago indiana florida america american
facebook instagram twitter google uber lyft amazon walmart target mcdonald mcdonalds walgreens
youtube tiktok snapchat whatsapp netflix doordash grubhub paypal venmo zelle cashapp craigslist ebay
christ god lord jesus allah
struck hit took threw beat broke told gave kept left made met put ran saw sent shot stole stood
swore tore caught drew drove fell fought found got held hurt led let lost paid said sat shook
spat spit stuck swung thrown went wrote bit brought bought came chose dug felt fled flew forgot
froze hung knew laid lay lied lit meant read rode shut slept slid spoke spent split spread sued
swept taught choked refused entered failed slapped punched pushed kicked grabbed cursed yelled
says tells takes gets goes makes comes wants knows calls hits gives puts keeps refuses
yours sincerely regards respectfully thanks dear hello hi ok okay please
accidental discharge agreement lease material promotional pro se matter lives illegal fake false
ilcs usc
stop help big fat short shorter does development investment investments insurance
online portal tip tipster anonymous attachment attachments
`);

/**
 * Vehicle makes and models: "Jeep Cherokee", "Ford Explorer" and "Chevy Suburban" are cars.
 */
export const VEHICLE_WORDS = words(`
acura audi bmw buick cadillac chevy chevrolet chrysler dodge ford gmc honda hummer hyundai infiniti
jaguar jeep kia lexus lincoln mazda mercedes mercury mitsubishi nissan oldsmobile plymouth pontiac
porsche saturn subaru tesla toyota volkswagen volvo vw accord altima camaro camry charger
challenger cherokee civic corolla durango equinox escalade escape explorer expedition focus
fusion grand impala malibu maxima mustang odyssey pathfinder prius rav4 sienna silverado suburban
tahoe traverse wrangler yukon
`);

/**
 * Surnames that are also common words ("Ms. Brown", "PO King", "Mr. Price"): after a title or
 * a given name they are taken as part of the name.
 */
export const SURNAME_WORDS = words(`
baker banks bell bird black brown bush cash chase cook cole crane fox frank freeman glass grant
gray green grey hall hart hill holmes hope hunter jordan king knight lamb lane little long love
mann may moore nash page parks pope porter price rice rich rivers rose sharp short small stone
strong summers walker weeks white wise wolf wood woods young guard street fields west north
`);

/**
 * The next most frequent US surnames (about ranks 101–400 of the 2010 Census list, written from
 * general knowledge), only those in no dictionary: "Sullivan", "Gonzales", "Fitzgerald" ("Cannon"
 * and "Wells" are words and stay out). In capitals-only text one of them is a name wherever it
 * stands (rule 1c); in lower case it is a surname after a given name (rule 21).
 */
const FREQUENT_SURNAMES = `
patterson simmons gonzales bryant alexander griffin hayes graham sullivan wallace cole owens
reynolds fisher ellis harrison gibson mcdonald gomez murray freeman webb simpson stevens tucker
hicks crawford boyd henry kennedy dixon gordon shaw holmes robertson daniels palmer nichols
ferguson hawkins dunn perkins spencer gardner stephens payne matthews arnold wagner willis
watkins olson carroll duncan snyder cunningham andrews harper riley armstrong carpenter weaver
greene elliott chavez sims peters kelley lawson gutierrez ryan schmidt vasquez wheeler chapman
oliver montgomery richards williamson johnston meyer mccoy howell morrison hansen fernandez garza
burton stanley jacobs reid fuller lynch gilbert garrett romero welch larson frazier burke hanson
moreno bowman medina fowler hoffman carlson silva pearson fleming jensen vargas byrd davidson
hopkins herrera soto walters curtis caldwell jennings barnett jimenez horton shelton barrett
obrien castro sutton gregory mckinney lucas craig rodriquez chambers lambert fletcher bates
rhodes pena newman haynes mcdaniel mendez vaughn dawson santiago norris steele schultz guzman
munoz keller chandler weber leonard walsh lyons ramsey wolfe schneider mullins benson bowen
cummings hines baldwin griffith valdez hubbard salazar reeves warner stevenson burgess santos
garner thornton mcgee delgado aguilar vega glover manning cohen harmon rodgers robbins
ingram reese strickland townsend goodwin walton hampton ortega patton swanson
maldonado yates becker erickson hodges rios conner adkins malone quinn maxwell mccarthy
guerrero lindsey estrada sandoval gibbs fitzgerald stokes doyle saunders colon alvarado greer
padilla nunez ballard schwartz mcbride christensen klein pratt briggs parsons mclaughlin
zimmerman buchanan moran copeland pittman brady mccormick holloway brock poole morton abbott
norton clayton massey lloyd figueroa carson bowers roberson barton harrington boone cortez
mathis singleton wilkins underwood hogan mckenzie collier luna phelps mcguire bridges wilkerson
`
  .split(/\s+/u)
  .filter((w) => w !== '' && !isEnglishWord(w))
  .join(' ');

/**
 * The most frequent surnames in the United States (the 2010 Census list of the top 100),
 * without those that are ordinary words (Brown, White, King, Long, Foster, …) and those that
 * are Chicago streets or places (Jackson, Clark, Howard, …, kept by their own lists). Several are
 * in the dictionary ("williams", "jones"), so rule 6 would miss them: a capitalised one is a
 * name wherever it stands, at the start of a sentence too ("Williams, one …").
 */
export const COMMON_SURNAMES = words(`
smith johnson williams jones garcia miller davis rodriguez martinez hernandez lopez gonzalez
wilson anderson thomas taylor moore martin lee perez thompson harris sanchez ramirez lewis
robinson allen wright scott torres nguyen flores adams nelson rivera campbell mitchell carter
roberts gomez phillips evans diaz parker cruz edwards collins reyes stewart morris morales
murphy gutierrez ortiz cooper bailey kelly ramos kim richardson watson brooks chavez bennett
mendoza ruiz hughes alvarez castillo sanders patel myers ross jimenez
${FREQUENT_SURNAMES}`);

/**
 * Places a narrative names without a street: Chicago community areas and neighbourhoods, nearby
 * towns, states and countries. Capitalised and not in the dictionary, they would otherwise look
 * like surnames.
 */
export const PLACE_NAMES = words(`
albany andersonville archer armour ashburn auburn austin avalon belmont beverly bridgeport
brighton bronzeville burnside calumet chatham chinatown cicero dunning edgewater englewood evanston
garfield gresham hegewisch humboldt irving jefferson kenwood lakeview lawndale lincolnwood logan
mckinley montclare morgan norwood oakland oaklawn pilsen portage pullman ravenswood riverdale
rogers roscoe roseland sauganash streeterville uptown wicker woodlawn wrigleyville naperville
aurora joliet elgin waukegan skokie oak harvey dolton maywood bellwood berwyn blue island
kankakee gary hammond stateville cook dupage illinois indiana wisconsin michigan iowa ohio
florida georgia texas california carolina mississippi alabama tennessee missouri kentucky
minnesota arizona nevada colorado louisiana mexico canada puerto rico guatemala honduras
salvador venezuela colombia ecuador peru haiti nigeria ghana poland ukraine india pakistan
bangladesh philippines china korea vietnam israel palestine syria iraq iran afghanistan
lollapalooza ohare midway cpic covid zillow tipsubmit neiu idhr omec
seattle portland boston pittsburgh charleston detroit milwaukee atlanta houston dallas denver
phoenix miami orlando tampa memphis nashville louisville cleveland cincinnati columbus
indianapolis minneapolis philadelphia baltimore brooklyn bronx queens manhattan oregon washington
belgium france germany italy spain england ireland scotland africa europe asia jamaica cuba
dominican depaul loyola northwestern stroger northeastern
american americans african africans asian hispanic latino latina latinx mexican mexicans indian
indians pakistani bangladeshi arab arabic muslim christian jewish polish ukrainian russian
chinese korean japanese filipino vietnamese nigerian haitian jamaican cuban puerto rican
caucasian european english spanish french german italian irish
mon tue tues wed thu thur thurs fri sat sun dept etc iphone ipad suv suvs atm gps y'all yall
`);

/**
 * Public figures a complaint may name — presidents and vice-presidents, governors, senators and
 * members of Congress for Illinois, mayors, state's attorneys, county and city officials and
 * police superintendents of Chicago, and a few figures of national news — by surname, written
 * from general knowledge. A public figure's name is still a name (docs/redaction.md, labelling
 * rules). Those that are also words (`trump`, `bush`) count only when capitalised.
 */
export const PUBLIC_FIGURES = words(`
trump biden obama clinton bush pence cheney reagan carter nixon kennedy harris pelosi sanders
mcconnell schumer giuliani cuomo desantis putin zelensky comey mueller barr epstein
pritzker rauner blagojevich blago madigan durbin duckworth kinzinger quigley schakowsky
krishnamoorthi foster raoul mendoza frerichs giannoulias
lightfoot emanuel emmanuel daley preckwinkle foxx alvarez dart brandon
escalante snelling mccarthy weis hillard cline
`);

/** Public figures whose surname is also an English word: names only when capitalised. */
export const PUBLIC_FIGURE_WORDS = words(`trump bush barr carter foster dart brandon`);
