/** The engine's contract, and what it finds besides names: phones, emails, addresses, dates of birth, plates, shelters (docs/redaction.md). */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { REDACTION_KINDS, redactNarrative } from './engine.ts';
import { spans } from './test-spans.ts';
import { CHICAGO_REDACTION } from '../domain/profiles/chicago-redaction.ts';

describe('redactNarrative', () => {
  it('returns offsets into the original text, a replacement and a basis for every redaction', () => {
    const text =
      'Officer John Smith called Ms. Peña at (312) 555-0100 from 1234 W Main St, Apt 2B.';
    const result = redactNarrative(text);
    expect(result.text).toBe(
      'Officer [name] called Ms. [name] at [phone] from 1200 block of W Main St.',
    );
    expect(result.redactions.map((r) => [r.kind, text.slice(r.start, r.end)])).toEqual([
      ['person_name', 'John Smith'],
      ['person_name', 'Peña'],
      ['phone', '(312) 555-0100'],
      ['street_address', '1234 W Main St, Apt 2B'],
    ]);
    for (const r of result.redactions) {
      expect(r.basis).toBe(CHICAGO_REDACTION.basis[r.kind].en);
      expect(r.basisEs).toBe(CHICAGO_REDACTION.basis[r.kind].es);
    }
  });

  it('has a basis citing its statute, in English and Spanish, for every kind', () => {
    for (const kind of REDACTION_KINDS) {
      expect(CHICAGO_REDACTION.basis[kind].en).toMatch(/Illinois FOIA, 5 ILCS 140\/7\(1\)\([bc]\)/);
      expect(CHICAGO_REDACTION.basis[kind].es).toMatch(/\(FOIA\), 5 ILCS 140\/7\(1\)\([bc]\)/);
    }
  });

  it('leaves text without personal data untouched', () => {
    const text =
      'The reporting party alleges the accused officers stopped him without justification. Was it in a School?: No';
    expect(redactNarrative(text)).toEqual({ text, redactions: [] });
  });

  describe('phones and emails', () => {
    it('takes a phone number after its form label even with the next label glued to it', () => {
      expect(spans('Home Telephone13366524050Work Telephone (none)')).toEqual([
        ['phone', '13366524050'],
      ]);
      // a long number glued to other letters without a phone label is a code, not a phone
      expect(spans('Reference CB13366524050Work')).toEqual([]);
    });

    it('finds North American numbers in their usual forms, not case numbers', () => {
      expect(
        spans(
          'Call 312-555-0100, (773) 555 0100, 3125550100, +1 872.555.0100 or 555-0100. Log 1042002, CB#19761441, RD JC319207, 2019-0001234.',
        ),
      ).toEqual([
        ['phone', '312-555-0100'],
        ['phone', '(773) 555 0100'],
        ['phone', '3125550100'],
        ['phone', '+1 872.555.0100'],
        ['phone', '555-0100'],
      ]);
      // a record's number after its cue is not a telephone, even when it has a phone's shape
      expect(
        spans(
          'AZ PD report number - 19000021588 and RD# 555-1234, (Event # 2209308241), ID: 2015015498',
        ),
      ).toEqual([]);
      // a hyphen with a space beside it, and a dash before the number
      expect(spans('reached at (312) 538- 6112, or -626 618 6774')).toEqual([
        ['phone', '(312) 538- 6112'],
        ['phone', '626 618 6774'],
      ]);
    });

    it('finds an area code written with a space after its hyphen', () => {
      expect(spans('Rickie : 312- 597-2658 and')).toEqual([
        ['person_name', 'Rickie'],
        ['phone', '312- 597-2658'],
      ]);
    });

    it('finds numbers in irregular or foreign groupings and numbers spelled with letters', () => {
      expect(spans('called 626 22 01 94 and apple 1+844-872-55-93; file at 312-743-COPA')).toEqual([
        ['phone', '626 22 01 94'],
        ['phone', '1+844-872-55-93'],
        ['phone', '312-743-COPA'],
      ]);
      // a social security number, dates, a record's number, a score line and words in capitals
      expect(
        spans(
          'SSN 354-80-0715, on 11-13-2021, order 03-02-04, RD# 845 22 01 94, scores 80 90 100 100, CALLED 911 AND THIS',
        ),
      ).toEqual([]);
    });

    it('finds emails', () => {
      expect(spans('write to jane.roe+copa@example.org today')).toEqual([
        ['email', 'jane.roe+copa@example.org'],
      ]);
    });
  });

  describe('dates of birth and plates', () => {
    it('finds a date of birth with the day before the month and a short year', () => {
      expect(spans('placed Tom Cleveland JR DOB 25 NOV 91, and DOB 25-may-2018.')).toEqual([
        ['person_name', 'Tom Cleveland JR'],
        ['date_of_birth', '25 NOV 91'],
        ['date_of_birth', '25-may-2018'],
      ]);
    });

    it('finds a plate by its shape after its state, not a ZIP code or a vehicle number', () => {
      expect(spans('her car (Kia Sportage with IL BM76504), Mt Prospect, IL 60056')).toEqual([
        ['licence_plate', 'BM76504'],
      ]);
      expect(spans('SHELLS WERE FOUND IN VEH 9177')).toEqual([]);
      expect(spans('Chicago, IL  60651 I dont know the name')).toEqual([]);
    });

    it('finds a date only when it is a date of birth', () => {
      expect(
        spans('On 01/02/2019 Jane Roe dob 10/28/91, DOB11061985, date of birth: January 2, 1990'),
      ).toEqual([
        ['person_name', 'Jane Roe'],
        ['date_of_birth', '10/28/91'],
        ['date_of_birth', '11061985'],
        ['date_of_birth', 'January 2, 1990'],
      ]);
    });

    it('finds plate numbers after a plate cue, not words or years', () => {
      expect(
        spans(
          'License plate IL AB3 5231, IL plates AR15469, lic plate# BY49913, plate#(549U488); plates in 2019; license plate light out',
        ),
      ).toEqual([
        ['licence_plate', 'AB3 5231'],
        ['licence_plate', 'AR15469'],
        ['licence_plate', 'BY49913'],
        ['licence_plate', '549U488'],
      ]);
      // a plate followed by a word of its type: the word is not part of it
      expect(spans('License plate# 6927 White Sox')).toEqual([['licence_plate', '6927']]);
    });
  });

  describe('street addresses', () => {
    it('takes a house number and an unknown or Chicago street after a place cue', () => {
      const text = 'address changed from 414 cotus to 72 Garland under said name';
      expect(redactNarrative(text).text).toBe(
        'address changed from 400 block of cotus to 0 block of Garland under said name',
      );
      // times, counts and years after the same words are not addresses
      expect(spans('at 5 pm on 3 occasions at 1200 hours, moved to 2019 Chicago')).toEqual([]);
    });

    it('takes a street written in lower case before its suffix, not a count of things', () => {
      expect(spans('nancy t devlin(808 braeburn ter. in town)')).toContainEqual([
        'street_address',
        '808 braeburn ter',
      ]);
      expect(spans('3 officers Ave and 12 dollars st')).toEqual([]);
    });

    it('takes the floor written after the street, and plazas and trails as streets', () => {
      expect(spans('ph: 1965 W Pershing Rd, Bldg B, Chicago')).toEqual([
        ['street_address', '1965 W Pershing Rd, Bldg B'],
      ]);
      expect(spans('a raid on 1831 S Avers 1st Flr. They had')).toEqual([
        ['street_address', '1831 S Avers 1st Flr'],
      ]);
      expect(spans('the store at 930 Mt Prospect Plaza in the suburbs')).toEqual([
        ['street_address', '930 Mt Prospect Plaza'],
      ]);
    });

    it("takes more of Chicago's streets, two-word streets and Park as a street", () => {
      expect(spans('parked in the alley of 5424 Newland overnight, near 1400 Kostner')).toEqual([
        ['street_address', '5424 Newland'],
        ['street_address', '1400 Kostner'],
      ]);
      expect(
        spans('from 4900 S Cottage Grove to 1600 E Stony Island, then 3900 W Irving Park Rd'),
      ).toEqual([
        ['street_address', '4900 S Cottage Grove'],
        ['street_address', '1600 E Stony Island'],
        ['street_address', '3900 W Irving Park Rd'],
      ]);
      expect(spans('at 330 N. Central Park, then 1000 Brentwood park')).toEqual([
        ['street_address', '330 N. Central Park'],
        ['street_address', '1000 Brentwood park'],
      ]);
      // counts after a preposition of place, and a courthouse after its street, stay out
      expect(spans('one of 3 Tasers, in 250 Cases; from the 737 E. 111th St. Court')).toEqual([
        ['street_address', '737 E. 111th St'],
      ]);
    });

    it('takes the forms of the eighth round: unit letters, numbered streets, glued periods, Pike', () => {
      expect(spans('Management 2846 A NORTH MILWAUKEE AVE CHICAGO')).toEqual([
        ['street_address', '2846 A NORTH MILWAUKEE AVE'],
      ]);
      expect(spans('Re: the house, 600 West 111 Street, Chicago')).toEqual([
        ['street_address', '600 West 111 Street'],
      ]);
      expect(spans('stay at her own property at .4928 N. Lowell and then')).toEqual([
        ['street_address', '4928 N. Lowell'],
      ]);
      expect(spans('I LIVED AT 1280 CLOVERFIELD #7, IN OHIO')).toEqual([
        ['street_address', '1280 CLOVERFIELD #7'],
      ]);
      expect(spans('THE STORE AT 4075 WILMINGTON PIKE IN OHIO')).toEqual([
        ['street_address', '4075 WILMINGTON PIKE'],
      ]);
      expect(
        spans('my store at 1366 W, Ohio St was looted; a tenant from 7600 N.Bosworth'),
      ).toEqual([
        ['street_address', '1366 W, Ohio St'],
        ['street_address', '7600 N.Bosworth'],
      ]);
      // a decimal, a court reporter's citation and a statute are not addresses
      expect(
        spans('rate of 3.4928 N. per hour; 106 U.S. at 220, 1 S. Ct. at 261; 720 ILCS 5/33-3'),
      ).toEqual([]);
    });

    it('takes the forms of the tenth round, and leaves star numbers and blocks', () => {
      expect(spans('restaurant 1333 North Avenue, Chicago; at 447 Boulder Hill Pass, IL')).toEqual([
        ['street_address', '1333 North Avenue'],
        ['street_address', '447 Boulder Hill Pass'],
      ]);
      expect(spans('i call about 500 terry francois st in town')).toEqual([
        ['street_address', '500 terry francois st'],
      ]);
      expect(spans('she resides at 10455 S. Avenue L, and before at 9534 S Avenue O')).toEqual([
        ['street_address', '10455 S. Avenue L'],
        ['street_address', '9534 S Avenue O'],
      ]);
      expect(
        spans('Monday the Star 1535 skips court; down Pulaski on the 1200 n Block when'),
      ).toEqual([]);
    });

    it('takes a lower-case street after a house number and a direction', () => {
      expect(spans('when 177 n lacrosse is my place, not 3602 of them')).toEqual([
        ['street_address', '177 n lacrosse'],
      ]);
      expect(spans('stopped in front of 3602 west flournoy around 3:30')).toEqual([
        ['street_address', '3602 west flournoy'],
      ]);
      expect(spans('about 100 north of the station, 2019 south side')).toEqual([]);
    });

    it('takes a house number and a capitalised word no dictionary holds, without a cue', () => {
      const text = 'As I was approaching 69 Justine to help';
      expect(spans(text)).toEqual([['street_address', '69 Justine']]);
      expect(redactNarrative(text).text).toBe('As I was approaching 0 block of Justine to help');
      // a list of stars, a year, a zip code, an age, a record's number, a time, a word, a car
      for (const negative of [
        'officers Fosco 15727 Pezan 7399',
        'On March 19, 2019 Nasir told',
        'Chicago, IL 60636 Mashawnda',
        'at this age 49 Tyra has',
        'event no. 0076 Luka',
        'at 1206 Hrs.',
        'about 20 Officers',
        'a 15 Chevy',
      ]) {
        expect(spans(negative).filter(([kind]) => kind === 'street_address')).toEqual([]);
      }
    });

    it('does not show a name in the block label of an address found without a cue', () => {
      const text = 'As I was approaching 69 Justine to help';
      const known = redactNarrative(text, { knownNames: ['Justine Moore'] });
      expect(known.text).toBe('As I was approaching [address] to help');
      expect(redactNarrative('he was with 45 Kowalczyk yesterday').text).toBe(
        'he was with [address] yesterday',
      );
    });

    it('takes a direction and any street word after a house number, and the unit written bare', () => {
      expect(spans('past my office at 3849 west open two times')).toEqual([
        ['street_address', '3849 west open'],
      ]);
      expect(spans('building 1439 w 17th 1R Chicago')).toEqual([
        ['street_address', '1439 w 17th 1R'],
      ]);
      expect(spans('fired at 2326 N Lincoln Park West unit 4B. This')).toEqual([
        ['street_address', '2326 N Lincoln Park West unit 4B'],
      ]);
      // a heading, not a street: "200 west down the alley"; lower-case "no" is a word
      for (const negative of [
        'he ran 200 west down the alley',
        'Im 32 no criminal history',
        'the 7800 South block of Kingston',
      ]) {
        expect(spans(negative)).toEqual([]);
      }
    });

    it('takes an address with a comma glued to its number, and a reversed one without a direction', () => {
      expect(spans('my truck was running,816 w 76 st officer')).toEqual([
        ['street_address', '816 w 76 st'],
      ]);
      expect(spans('to the Pound on a,10301,dody rd. When')).toEqual([
        ['street_address', '10301,dody rd'],
      ]);
      const reversed = 'March 14, on Melrose street 6308,Chicago Illinois';
      expect(spans(reversed)).toEqual([['street_address', 'Melrose street 6308']]);
      expect(redactNarrative(reversed).text).toBe(
        'March 14, on 6300 block of Melrose street,Chicago Illinois',
      );
      // a city after a glued comma, a report number, a year, a block
      for (const negative of [
        'apartment 6308,Chicago Illinois',
        'A POLICE REPORT UNDER RD 18773.',
        'on Halsted Street 2019.',
        'on Halsted Street 1200 block',
      ]) {
        expect(
          spans(negative).filter(([kind]) => kind === 'street_address'),
          negative,
        ).toEqual([]);
      }
      // a list of addresses keeps each house number with its own street
      expect(spans('all night 721 Alamo Street, 1000 Westlake ave')).toEqual([
        ['street_address', '721 Alamo Street'],
        ['street_address', '1000 Westlake ave'],
      ]);
    });

    it('takes a reversed address: street, house number, direction', () => {
      const text = 'Dollar 79-th street 501 East,) n against';
      expect(spans(text)).toEqual([['street_address', '79-th street 501 East']]);
      expect(redactNarrative(text).text).toBe('Dollar 500 block of East 79-th street,) n against');
    });

    it('reduces exact addresses to their block', () => {
      const cases: Array<[string, string]> = [
        ['at 1234 W Main St, Apt 2B.', 'at 1200 block of W Main St.'],
        ['at 7700 South Wolcott.', 'at 7700 block of South Wolcott.'],
        ['near 1310 W. 13th Street in Chicago', 'near 1300 block of W 13th Street in Chicago'],
        ['at 10220 Wentworth.', 'at 10200 block of Wentworth.'],
        ['at 15 E Washington Blvd', 'at 0 block of E Washington Blvd'],
        ['AT 4427 N. MONTICELLO AVE', 'AT 4400 block of N MONTICELLO AVE'],
      ];
      for (const [input, output] of cases) {
        expect(redactNarrative(input).text).toBe(output);
      }
    });

    it('leaves block-level places, intersections, counts and years', () => {
      for (const text of [
        'on the 7500 block of Chapelle',
        'at 79th and Halsted',
        '2 Officers stopped 3 Black males',
        'in 2018 South Side residents',
        'fined $300 Street vendor',
      ]) {
        expect(spans(text)).toEqual([]);
      }
    });
  });

  describe('shelter locations', () => {
    it('redacts the shelter of a vulnerable party wherever it is named', () => {
      const result = redactNarrative(
        'She was living in the lobby of the 10th District Station with other residents.',
        { shelterLocations: ['10th district station'] },
      );
      expect(result.text).toBe(
        'She was living in the lobby of the [shelter location] with other residents.',
      );
      expect(result.redactions[0]?.basis).toMatch(/vulnerable party/);
    });
  });

  describe('bad input', () => {
    it('keeps markup, emoji and right-to-left text as text', () => {
      const text = '<script>alert("x")</script> 🙂🙂 named José Ñúñez — שלום <b>hi</b>';
      expect(redactNarrative(text).text).toBe(
        '<script>alert("x")</script> 🙂🙂 named [name] — שלום <b>hi</b>',
      );
    });

    it('never splits a surrogate pair and always returns consistent spans', () => {
      fc.assert(
        fc.property(
          fc.array(
            fc.constantFrom(
              'Officer ',
              'Smith ',
              'María ',
              '🙂',
              'שלום ',
              '312-555-0100 ',
              '1234 W Main St ',
              'DOB 1/2/90 ',
              'plate AB 1234 ',
              '<script>',
              '\n',
              ', ',
              'a@b.co ',
              'x',
            ),
            { maxLength: 30 },
          ),
          (parts) => {
            const text = parts.join('');
            const result = redactNarrative(text, { knownNames: ['María Smith'] });
            let cursor = 0;
            let rebuilt = '';
            for (const r of result.redactions) {
              expect(r.start).toBeGreaterThanOrEqual(cursor);
              expect(r.end).toBeGreaterThan(r.start);
              // a span never starts or ends inside a surrogate pair
              expect(/[\uDC00-\uDFFF]/.test(text[r.start] ?? '')).toBe(false);
              expect(/[\uD800-\uDBFF]/.test(text[r.end - 1] ?? '')).toBe(false);
              rebuilt += text.slice(cursor, r.start) + r.replacement;
              cursor = r.end;
            }
            expect(rebuilt + text.slice(cursor)).toBe(result.text);
          },
        ),
      );
    });

    it('redacts every occurrence in a long narrative', () => {
      // 110 kB; its speed is measured by the benchmark (docs/benchmarks.md, "Redaction of long
      // and hostile narratives"), never asserted here
      const text = 'Officer Smith called 312-555-0100 from 1234 W Main St. '.repeat(2000);
      const result = redactNarrative(text);
      expect(result.redactions.length).toBe(6000);
    });
  });
});
