/** Person names the engine finds by cues, titles, lists and the case's known names (docs/redaction.md `person-names`). */
import { describe, expect, it } from 'vitest';
import { redactNarrative } from './engine.ts';
import { spans } from './test-spans.ts';

describe('redactNarrative', () => {
  describe('person names', () => {
    it('takes a frequent surname that is also a dictionary word, even at the start of a sentence', () => {
      expect(spans('Williams, one of the officers, left. Then Johnson said no.')).toEqual([
        ['person_name', 'Williams'],
        ['person_name', 'Johnson'],
      ]);
      // ordinary words among the surnames stay ("White", "Long", "Foster")
      expect(spans('White male, long hair, in foster care. Long story.')).toEqual([]);
    });

    it('takes a capitalised word before a verb of reporting after "and" or a comma', () => {
      expect(spans('Elkin alleges harassment and Gross alleges she was stopped.')).toEqual([
        ['person_name', 'Elkin'],
        ['person_name', 'Gross'],
      ]);
      // role nouns and common words before the verb are not names
      expect(spans('The officer and Complainant stated that she and He said no.')).toEqual([]);
    });

    it('takes a second unknown word after a title in capitals-only text, not a verb', () => {
      expect(spans('COMPLAINANT ALLEGES LT. ELLIS VOULGARIS CALL THE COMPLAINANT')).toEqual([
        ['person_name', 'ELLIS VOULGARIS'],
      ]);
      expect(spans('P.O. DORN DREW HIS GUN ON THE VIC.')).toEqual([['person_name', 'DORN']]);
    });

    it('takes a web address path of a name whose second word is a frequent surname', () => {
      expect(spans('see https://www.fbi.gov/wanted/seeking-info/vernado-jones-jr today')).toEqual([
        ['person_name', 'vernado-jones-jr'],
      ]);
      expect(spans('see https://example.org/news/police-reform-plan today')).toEqual([]);
    });

    it('takes a given name written in lower case after a cue or before a found name', () => {
      expect(spans('My best friend her named is vontia Speight i asked her')).toEqual([
        ['person_name', 'vontia Speight'],
      ]);
      // a lower-case dictionary word before the cue's name stays
      expect(spans('her name is Speight and')).toEqual([['person_name', 'Speight']]);
    });

    it('takes a member listed by star number, even a given name alone', () => {
      expect(
        spans('members present: Ann Lee star# 12345, Mina star# 54321 and Bo star 1234.'),
      ).toEqual([
        ['person_name', 'Ann Lee'],
        ['person_name', 'Mina'],
        ['person_name', 'Bo'],
      ]);
      // a word before "star" without a number, or a common word, stays
      expect(spans('Gold star families. The Officer star 1234 left.')).toEqual([]);
    });

    it('takes a surname after a description of a person in capitals-only text', () => {
      expect(spans('COMPLAINANT ALLEGES A BLK MALE HODGES OF 002 DIST WAS RUDE')).toEqual([
        ['person_name', 'HODGES'],
      ]);
      expect(spans('COMPLAINANT ALLEGES AN UNKNOWN BLK MALE DAMAGED HER VEHICLE')).toEqual([]);
      // a common given name alone after a description, a role noun or before a verb of reporting
      expect(spans('A BLK MALE TYRONE STRUCK HIM. HER SON JOHN WAS ARRESTED.')).toEqual([
        ['person_name', 'TYRONE'],
        ['person_name', 'JOHN'],
      ]);
      expect(spans('MARIA STATED THAT HER SON WAS ARRESTED')).toEqual([['person_name', 'MARIA']]);
      // in capitals a relation word before a word or a typo of one is a noun, not a title
      expect(spans('WITNESSED HER SISTER THREATEND HER. HER SISTER MARIA LEFT.')).toEqual([
        ['person_name', 'MARIA'],
      ]);
      // between a role noun and a verb of reporting, a word that is no plain word
      expect(spans('COMPLAINANT HODGES ALLEGES THAT. COMPLAINANT HEREBY ALLEGES')).toEqual([
        ['person_name', 'HODGES'],
      ]);
      expect(spans('A WHITE MALE OFFICER STRUCK A HISP FEMALE DRIVER')).toEqual([]);
    });

    it('takes names written in lower case after a given name, a rank or in a list', () => {
      expect(spans('he talked to michael flynn and nancy t devlin about it')).toEqual([
        ['person_name', 'michael flynn'],
        ['person_name', 'nancy t devlin'],
      ]);
      // a given name that is also a word needs a surname no dictionary holds
      expect(spans('joe biden spoke; joe cook dinner')).toEqual([['person_name', 'joe biden']]);
      expect(spans('Tim cook and his team met. Later they cook.')).toEqual([
        ['person_name', 'Tim cook'],
      ]);
      expect(spans('Tim said no and Tim left.')).toEqual([
        ['person_name', 'Tim'],
        ['person_name', 'Tim'],
      ]);
      // a lower-case list goes on only with words that look like names
      expect(spans('him and officer baker and slams my face')).toEqual([['person_name', 'baker']]);
      expect(spans('I was stopped by officer baker on east 93rd street.')).toEqual([
        ['person_name', 'baker'],
      ]);
      // after a relation word, or an ordinary word, it stays
      expect(spans('my sister cook dinner; the officer white male')).toEqual([]);
      expect(spans('officers Ann Lee and J price arrived')).toEqual([
        ['person_name', 'Ann Lee'],
        ['person_name', 'J price'],
      ]);
    });

    it('takes lower-case given names after a role noun or alone, and names in glued text', () => {
      expect(spans('i told lisa about it and my son dylan jones came')).toEqual([
        ['person_name', 'lisa'],
        ['person_name', 'dylan jones'],
      ]);
      // a given name that is a word, or a Spanish word, written in lower case stays
      expect(spans('the mark on the car, it was blanca')).toEqual([]);
      expect(spans('HER BOYFRIEND KOWALCZYK STRUCK HER. THE ACCUSED STRUCK HIM.')).toEqual([
        ['person_name', 'KOWALCZYK'],
      ]);
      expect(spans('Stop fraudbyH.B.HanishaB.orHanishaBesan now')).toEqual([
        ['person_name', 'H.B.'],
        ['person_name', 'HanishaB'],
        ['person_name', 'HanishaBesan'],
      ]);
      // an iPhone or a McDonough is one word
      expect(spans('my iPhone; Officer McDonough')).toEqual([['person_name', 'McDonough']]);
    });

    it('takes list surnames before a verb of reporting, in lists and after Mr. in lower case', () => {
      expect(spans('Banks stated that he left. Price said no.')).toEqual([
        ['person_name', 'Banks'],
        ['person_name', 'Price'],
      ]);
      // an ordinary word before the verb stays
      expect(spans('Nobody said a word. Everyone stated no.')).toEqual([]);
      expect(spans('Det.s Rivera and Cook left; Rivera and Cook County')).toEqual([
        ['person_name', 'Rivera'],
        ['person_name', 'Cook'],
        ['person_name', 'Rivera'],
      ]);
      expect(spans('dear Mr. brown, Mr. and Mrs. Smith')).toEqual([
        ['person_name', 'brown'],
        ['person_name', 'Smith'],
      ]);
      expect(spans('COMPLAINANT STATES THAT TRAYVON KOWALCZYK STRUCK HIM')).toEqual([
        ['person_name', 'TRAYVON KOWALCZYK'],
      ]);
      expect(spans('COMPLAINANT ALLEGES THAT DESHAWN WILLIAMS STRUCK HIM')).toEqual([
        ['person_name', 'DESHAWN WILLIAMS'],
      ]);
    });

    it('takes a name after "identified himself as" and other self-naming cues', () => {
      expect(spans('A MALE SUBJECT IDENTIFIED HIMSELF AS MIKE FROM THE CHICAGO POLICE')).toEqual([
        ['person_name', 'MIKE'],
      ]);
      expect(spans('she calls herself Nena and he goes by Dre.')).toEqual([
        ['person_name', 'Nena'],
        ['person_name', 'Dre'],
      ]);
      expect(spans('he identified himself as a police officer')).toEqual([]);
    });

    it('leaves placeholders, street corners, towns, acronyms and compounds', () => {
      expect(spans('I was just a John Doe in a cell.')).toEqual([]);
      expect(spans('Officer Jane Doe #1234 arrived.')).toEqual([['person_name', 'Jane Doe']]);
      expect(spans('friends at Devon and Western, then near Western and Devon again')).toEqual([]);
      expect(spans('once he reached 63rd and Hamilton the car stopped')).toEqual([]);
      // a given name joined to a name, not a street, is still a name
      expect(spans('Devon and Ashley went home.')).toEqual([
        ['person_name', 'Devon'],
        ['person_name', 'Ashley'],
      ]);
      expect(spans('Officers Devon and Ashland left')).toEqual([
        ['person_name', 'Devon'],
        ['person_name', 'Ashland'],
      ]);
      expect(
        spans(
          'in the lot in Matteson, Illinois the Crossville Police Dept and the Markham Courthouse',
        ),
      ).toEqual([]);
      expect(
        spans('the officer made a U-turn. TRRs were flagged; the DoD Hotline and the Sun-Times.'),
      ).toEqual([]);
      expect(spans('I watch it on YouTube and deliver for DoorDash.')).toEqual([]);
      expect(spans('driving down Loomis Blvd and ON TAYLOR AVE')).toEqual([]);
      // a dictionary word after a role noun is a typo or a noun, not a name
      expect(spans('the accused Offer stated that he left; the accused Ryan stated no.')).toEqual([
        ['person_name', 'Ryan'],
      ]);
      expect(spans('Ms. Garcia-Lopez left.')).toEqual([['person_name', 'Garcia-Lopez']]);
      // after a title a hyphenated surname of two words is a name
      expect(spans('He yelled at Mrs. Sykes-Hogan.')).toEqual([['person_name', 'Sykes-Hogan']]);
    });

    it('finds names after titles and ranks, in any letter case', () => {
      expect(spans('Sgt. Rigan#1279 and PO McDonough#14176 arrived; Det. Ann Lee left.')).toEqual([
        ['person_name', 'Rigan'],
        ['person_name', 'McDonough'],
        ['person_name', 'Ann Lee'],
      ]);
      expect(spans('P.O. DORN DREW HIS GUN ON THE VIC.')).toEqual([['person_name', 'DORN']]);
      expect(spans('A M/H CIV. DRESSED HIT MR MOORE W/A METAL CLIPBD')).toEqual([
        ['person_name', 'MOORE'],
      ]);
    });

    it('takes a surname that is also a word after a title, not a rank on its own', () => {
      expect(spans('Ms. Brown reports that Mr. Price and PO King left.')).toEqual([
        ['person_name', 'Brown'],
        ['person_name', 'Price'],
        ['person_name', 'King'],
      ]);
      expect(spans('The accused Sergeant pulled him over. Officer A and Officer B left.')).toEqual(
        [],
      );
    });

    it('finds names after relations, roles, cues and sign-offs', () => {
      expect(spans('My name is Cynthia Kanner and my son, Dylan, has diabetes.')).toEqual([
        ['person_name', 'Cynthia Kanner'],
        ['person_name', 'Dylan'],
      ]);
      expect(spans('The complainant, Persida Del Carmen Melendez, stated she left.')).toEqual([
        ['person_name', 'Persida Del Carmen Melendez'],
      ]);
      expect(spans('I need help. Sincerely, Olamide Adeyemi')).toEqual([
        ['person_name', 'Olamide Adeyemi'],
      ]);
    });

    it('finds a name again wherever it recurs', () => {
      expect(spans('Melissa Lopez was there. Ms. Lopez stated that LOPEZ left.')).toEqual([
        ['person_name', 'Melissa Lopez'],
        ['person_name', 'Lopez'],
        ['person_name', 'LOPEZ'],
      ]);
    });

    it('finds rarer names no list holds, but not places, typos or dictionary words', () => {
      expect(spans('During the clash I watched as Yosef tried to stand between them.')).toEqual([
        ['person_name', 'Yosef'],
      ]);
      expect(spans('He drove down Wentworth to Lollapalooza in Uptown. SHPULDER pain.')).toEqual(
        [],
      );
      expect(spans('the 7500 block of Chapelle')).toEqual([]);
    });

    it('finds lists, quoted nicknames, initials, lower-case names after a title and names in web addresses', () => {
      expect(spans('Officers RAZO and MIRANDA refused.')).toEqual([
        ['person_name', 'RAZO'],
        ['person_name', 'MIRANDA'],
      ]);
      expect(spans('I contacted Clarence "Dean" Brinson. Dean never answered.')).toEqual([
        ['person_name', 'Clarence "Dean" Brinson'],
        ['person_name', 'Dean'],
      ]);
      expect(spans('The minor K.W. was released; the P.O. and the U.S. attorney left.')).toEqual([
        ['person_name', 'K.W.'],
      ]);
      expect(spans('then officer bunz approached my vehicle')).toEqual([['person_name', 'bunz']]);
      expect(spans('see https://example.org/wanted/jacob-abdul-johnson now')).toEqual([
        ['person_name', 'jacob-abdul-johnson'],
      ]);
    });

    it('keeps organisations out and names in lists, quotes and form fields', () => {
      expect(spans('the Equal Employment Opportunity Commission and the Lease Agreement')).toEqual(
        [],
      );
      expect(spans('using Corporates, NXIVM, Jeffrey Epstein and others')).toContainEqual([
        'person_name',
        'Jeffrey Epstein',
      ]);
      expect(spans('they were looking for a guy named "Rico".')).toEqual([['person_name', 'Rico']]);
      expect(redactNarrative('Mailing Address11444 VANCE JACKSON ROAD UNIT 906 SAN').text).toBe(
        'Mailing Address11400 block of VANCE JACKSON ROAD SAN',
      );
    });

    it('handles Spanish names and accents', () => {
      expect(spans('Mi hija, María José Ñúñez, fue detenida. Se llama Sofía Peña.')).toEqual([
        ['person_name', 'María José Ñúñez'],
        ['person_name', 'Sofía Peña'],
      ]);
    });

    it('leaves places, events and institutions named after people', () => {
      expect(
        spans(
          '(George Floyd protests) at the statue of Christopher Columbus near Roseland Hospital.',
        ),
      ).toEqual([]);
    });

    it('redacts the names the case knows, in any case and without accents', () => {
      expect(spans('JOSE PENA said Peña was at home', { knownNames: ['José Peña'] })).toEqual([
        ['person_name', 'JOSE PENA'],
        ['person_name', 'Peña'],
      ]);
    });
  });
});
