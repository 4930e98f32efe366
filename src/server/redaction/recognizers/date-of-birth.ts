/**
 * `date-of-birth`: a date introduced by a birth cue, in English or Spanish ("DOB 01/02/1990",
 * "nacido el 3-5-88"); incident dates stay (they are public).
 */
import { candidatesOf, endingGroup, type Recognizer } from '../kinds.ts';

const id = 'date-of-birth';

/** A month's name or abbreviation, as a regular expression source. */
export const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|Jun(?:e)?|Jul(?:y)?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
// the day before the month may be spaced or hyphenated, and the year short: "25 NOV 91",
// "25-may-2018"
const DATE = `(?:\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}|\\d{8}|\\d{6}|\\d{4}-\\d{2}-\\d{2}|${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}(?:\\s+|-)${MONTH}(?:,?\\s+|-)(?:\\d{4}|\\d{2}(?!\\d)))`;
const DOB = new RegExp(
  `(?<![\\p{L}])(?:D\\.?O\\.?B\\.?|date\\s+of\\s+birth|birth\\s*date|birthday|born(?:\\s+on)?|fecha\\s+de\\s+nacimiento|nacid[oa](?:\\s+el)?)\\s*[:#-]?\\s*(?:of\\s+|is\\s+|was\\s+)?(${DATE})`,
  'giu',
);

export const dateOfBirth: Recognizer = {
  id,
  kinds: ['date_of_birth'],
  find: (text) => candidatesOf(text, DOB, (m) => endingGroup(id, 'date_of_birth', m, m[1] ?? '')),
};
