import type { Agency, Role } from '../../../shared/enums.ts';

/*
 * The Chicago demo's people and places (issue 20 item 6): fictional staff of COPA, BIA and the
 * OIG, the CPD district stations and a fictional roster. demo/demo.ts holds the mechanics that
 * load them; a second city's demo is another file like this one.
 */

/**
 * The password of every demo user, for signing in to the web app on a demo data directory. It is
 * public (README) on purpose: demo data is fictional and the demo is for trying the product.
 */
export const DEMO_PASSWORD = 'oversight-demo';

/** The one demo user left without a second factor, to try the first-sign-in enrolment. */
export const DEMO_NEWCOMER = 'newcomer@copa.example';

/** Demo staff: one per role and agency a newcomer needs to try the product. */
export const DEMO_USERS: ReadonlyArray<{
  email: string;
  name: string;
  agency: Agency;
  roles: Role[];
}> = [
  { email: 'intake@copa.example', name: 'Isabel Intake', agency: 'COPA', roles: ['intake'] },
  {
    email: 'investigator@copa.example',
    name: 'Ines Investigator',
    agency: 'COPA',
    roles: ['investigator'],
  },
  {
    email: 'investigator2@copa.example',
    name: 'Omar Investigator',
    agency: 'COPA',
    roles: ['investigator'],
  },
  {
    email: 'supervisor@copa.example',
    name: 'Sam Supervisor',
    agency: 'COPA',
    roles: ['supervisor'],
  },
  {
    email: 'chief@copa.example',
    name: 'Chris Chief Administrator',
    agency: 'COPA',
    roles: ['chief_administrator'],
  },
  {
    email: 'pio@copa.example',
    name: 'Pat Public Information',
    agency: 'COPA',
    roles: ['public_information'],
  },
  { email: 'analyst@copa.example', name: 'Ana Analyst', agency: 'COPA', roles: ['analyst'] },
  { email: 'admin@copa.example', name: 'Ada Admin', agency: 'COPA', roles: ['admin'] },
  {
    email: 'supervisor@bia.example',
    name: 'Bo BIA Supervisor',
    agency: 'BIA',
    roles: ['supervisor'],
  },
  {
    email: 'investigator@bia.example',
    name: 'Bea BIA Investigator',
    agency: 'BIA',
    roles: ['investigator'],
  },
  {
    email: 'chief@bia.example',
    name: 'Bill BIA Chief',
    agency: 'BIA',
    roles: ['chief_administrator'],
  },
  { email: 'auditor@oig.example', name: 'Olga Auditor', agency: 'OIG', roles: ['auditor'] },
  // has no second factor yet: signing in as them shows the first-sign-in TOTP enrolment
  {
    email: DEMO_NEWCOMER,
    name: 'Nico Newcomer',
    agency: 'COPA',
    roles: ['intake'],
  },
];

/** CPD district stations (the 22 districts) plus headquarters. */
export const DEMO_STATIONS: ReadonlyArray<[string, string, string]> = [
  ['001', '1st District (Central)', '1718 S State St'],
  ['002', '2nd District (Wentworth)', '5101 S Wentworth Ave'],
  ['003', '3rd District (Grand Crossing)', '7040 S Cottage Grove Ave'],
  ['004', '4th District (South Chicago)', '2255 E 103rd St'],
  ['005', '5th District (Calumet)', '727 E 111th St'],
  ['006', '6th District (Gresham)', '7808 S Halsted St'],
  ['007', '7th District (Englewood)', '1438 W 63rd St'],
  ['008', '8th District (Chicago Lawn)', '3420 W 63rd St'],
  ['009', '9th District (Deering)', '3120 S Halsted St'],
  ['010', '10th District (Ogden)', '3315 W Ogden Ave'],
  ['011', '11th District (Harrison)', '3151 W Harrison St'],
  ['012', '12th District (Near West)', '1412 S Blue Island Ave'],
  ['014', '14th District (Shakespeare)', '2150 N California Ave'],
  ['015', '15th District (Austin)', '5701 W Madison St'],
  ['016', '16th District (Jefferson Park)', '5151 N Milwaukee Ave'],
  ['017', '17th District (Albany Park)', '4650 N Pulaski Rd'],
  ['018', '18th District (Near North)', '1160 N Larrabee St'],
  ['019', '19th District (Town Hall)', '850 W Addison St'],
  ['020', '20th District (Lincoln)', '5400 N Lincoln Ave'],
  ['022', '22nd District (Morgan Park)', '1900 W Monterey Ave'],
  ['024', '24th District (Rogers Park)', '6464 N Clark St'],
  ['025', '25th District (Grand Central)', '5555 W Grand Ave'],
];

/** Fictional roster members (no real officer is named in demo data). */
export const DEMO_MEMBERS: ReadonlyArray<{
  star: string;
  firstName: string;
  lastName: string;
  rank: string;
  unit: string;
  appointedDate: string;
}> = [
  {
    star: '10231',
    firstName: 'Daniel',
    lastName: 'Kowalczyk',
    rank: 'Police Officer',
    unit: '010',
    appointedDate: '2016-03-14',
  },
  {
    star: '11872',
    firstName: 'Marcus',
    lastName: 'Whitfield',
    rank: 'Police Officer',
    unit: '010',
    appointedDate: '2018-08-27',
  },
  {
    star: '1544',
    firstName: 'Teresa',
    lastName: 'Odum',
    rank: 'Sergeant',
    unit: '010',
    appointedDate: '2009-01-05',
  },
  {
    star: '612',
    firstName: 'Gregory',
    lastName: 'Hallstrom',
    rank: 'Lieutenant',
    unit: '011',
    appointedDate: '2002-06-17',
  },
  {
    star: '14420',
    firstName: 'Kevin',
    lastName: 'Brandt',
    rank: 'Police Officer',
    unit: '011',
    appointedDate: '2019-11-12',
  },
  {
    star: '9931',
    firstName: 'Luis',
    lastName: 'Echeverria',
    rank: 'Police Officer',
    unit: '007',
    appointedDate: '2014-02-03',
  },
  {
    star: '13005',
    firstName: 'Rachel',
    lastName: 'Dunmore',
    rank: 'Police Officer',
    unit: '007',
    appointedDate: '2017-05-22',
  },
  {
    star: '8807',
    firstName: 'Anthony',
    lastName: 'Salerno',
    rank: 'Detective',
    unit: '620',
    appointedDate: '2006-09-11',
  },
  {
    star: '15561',
    firstName: 'Jasmine',
    lastName: 'Pruitt',
    rank: 'Police Officer',
    unit: '015',
    appointedDate: '2020-01-21',
  },
  {
    star: '7720',
    firstName: 'Patrick',
    lastName: 'Moloney',
    rank: 'Police Officer',
    unit: '018',
    appointedDate: '2005-04-18',
  },
];
