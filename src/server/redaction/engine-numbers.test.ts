/** Phones, emails, dates of birth and licence plates (docs/redaction.md). */
import { describe, expect, it } from 'vitest';
import { spans } from './test-spans.ts';

describe('redactNarrative', () => {
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
});
