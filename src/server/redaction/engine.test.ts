import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { REDACTION_KINDS, redactNarrative, type RedactionOptions } from './engine.ts';
import { nameLexiconOf, recordedFullName } from './names.ts';
import { CHICAGO_REDACTION } from '../domain/profiles/chicago-redaction.ts';

/** The redacted substrings of `text` with their kinds, in text order. */
function spans(text: string, options?: RedactionOptions): string[][] {
  return redactNarrative(text, options).redactions.map((r) => [r.kind, text.slice(r.start, r.end)]);
}

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

    it('takes a surname written in lower case after a capitalised given name (rule 21)', () => {
      const names = (text: string): string[] =>
        spans(text)
          .filter(([kind]) => kind === 'person_name')
          .map(([, s]) => s ?? '');
      expect(names('Officer Ramiro lathe and officer Fabio ortegon stopped me')).toEqual([
        'Ramiro lathe',
        'Fabio ortegon',
      ]);
      expect(names('Kimberly kettle working with her')).toEqual(['Kimberly kettle']);
      // a verb, a plural or a common word after the given name is not a surname
      expect(names('Then Kimberly ran to the car and Kimberly punched him')).toEqual([
        'Kimberly',
        'Kimberly',
      ]);
      expect(names('Kimberly says Kimberly then left')).toEqual(['Kimberly', 'Kimberly']);
    });

    it('takes middle initials, suffixes and legal-citation initials with a name (rule 19)', () => {
      expect(spans('I ask Judge Anita M.J. Holloway and Judge Leon K. Marten Jr. to rule')).toEqual(
        [
          ['person_name', 'Anita M.J. Holloway'],
          ['person_name', 'Leon K. Marten Jr.'],
        ],
      );
      expect(spans('with Shirley A Green and Thomas p Sullivan and John f Kennedy')).toEqual([
        ['person_name', 'Shirley A Green'],
        ['person_name', 'Thomas p Sullivan'],
        ['person_name', 'John f Kennedy'],
      ]);
      expect(
        spans('officer Rodrigo JR, R L 12157 and officer Piedrabuena, J A 12884 came'),
      ).toEqual([
        ['person_name', 'Rodrigo JR, R L'],
        ['person_name', 'Piedrabuena, J A'],
      ]);
      expect(spans('punched his brother (A. Osbourne). Then')).toEqual([
        ['person_name', 'A. Osbourne'],
      ]);
      // a name written surname first keeps its middle initial
      expect(spans('Defendant: SMITH, JOHN A.')).toEqual([['person_name', 'SMITH, JOHN A.']]);
      // a rank's abbreviation is no initial, and a pronoun after a comma is no citation
      expect(spans('Officer Jones, I said, was late')).toEqual([['person_name', 'Jones']]);
      expect(spans('P.O. Smith and Sgt. Jones said he was, I think, late')).toEqual([
        ['person_name', 'Smith'],
        ['person_name', 'Jones'],
      ]);
    });

    it('takes the family of a surname found twice with different given names (rule 20)', () => {
      expect(
        spans('puSHPA THAKKAR MAHESH THAKKAR AND KRISHNA THAKKAR HIT ME. PUSHPA M. THAKKAR LEFT'),
      ).toEqual([
        ['person_name', 'puSHPA THAKKAR'],
        ['person_name', 'MAHESH THAKKAR'],
        ['person_name', 'KRISHNA THAKKAR'],
        ['person_name', 'PUSHPA M. THAKKAR'],
      ]);
      // an acronym after two words is no surname
      const found = spans('he worked with Invluding DoD and then Quorbelt DoD staff');
      expect(found.map(([, s]) => s).join(' ')).not.toContain('DoD');
    });

    it('keeps streets, pronouns and places out of rules 19 and 21', () => {
      const names = (text: string): string[] =>
        spans(text)
          .filter(([kind]) => kind === 'person_name')
          .map(([, s]) => s ?? '');
      // a direction before a street is no initial; two capitals are no initials
      expect(
        names('Officer Jackson walked near W. Jackson, and MORRANDA GARRETT, AT 5461 W MAIN ST'),
      ).toEqual(['Jackson', 'Jackson', 'MORRANDA GARRETT']);
      // a possessive given name or a place's name takes no lower-case surname
      expect(names("shot in Leon's direction at Sarah circle")).toEqual(["Leon's", 'Sarah']);
    });

    it('takes a plain-word surname in a list of titled names, and lower-case repeats', () => {
      expect(spans('neither judge woods judge Kendall nor judge wood and the clerk')).toEqual([
        ['person_name', 'woods'],
        ['person_name', 'Kendall'],
        ['person_name', 'wood'],
      ]);
      // after a title followed by anything else, a plain word stays a word
      expect(spans('the officer young enough to know')).toEqual([]);
      // a found name no dictionary holds is found again in lower case
      expect(spans('The Schmid cop left. Later schmid threatened me')).toEqual([
        ['person_name', 'Schmid'],
        ['person_name', 'schmid'],
      ]);
    });

    it('takes the next most frequent surnames that no dictionary holds in capitals', () => {
      expect(spans('THE ACCUSED WHITE MALE OFFICER 1 FITZGERALD SEARCHED THE CANNON')).toEqual([
        ['person_name', 'FITZGERALD'],
      ]);
    });

    it('ends a name in capitals where a capitalised word follows it in mixed text', () => {
      expect(spans('he would not turn in BOBBY KENNEDY Grand theft of a clock')).toEqual([
        ['person_name', 'BOBBY KENNEDY'],
      ]);
    });

    it('takes a listed surname in lower case after a rank (rule 31), not a word that is no surname', () => {
      expect(spans('yelling at me officer j woods , then Sgt. hill said no')).toEqual([
        ['person_name', 'j woods'],
        ['person_name', 'hill'],
      ]);
      expect(
        spans("officer will not help; officer said; this officer's record; officer black male"),
      ).toEqual([]);
      // with an initial between, any surname: "officer K. popp", not a word ("Officer A. then")
      expect(spans('and then officer K. popp started; Officer A. then left')).toEqual([
        ['person_name', 'K. popp'],
      ]);
    });

    it('takes a roster surname after a role noun, even a word (rule 35)', () => {
      const lexicon = nameLexiconOf([
        { firstName: 'Ann', lastName: 'Turner', star: '' },
        { firstName: 'Bo', lastName: 'Jones', star: '' },
        { firstName: 'Cy', lastName: 'Black', star: '' },
      ]);
      expect(
        spans('Complainant Turner (co-arrestee) alleges; the victim Black was', {
          nameLexicon: lexicon,
        }),
      ).toEqual([['person_name', 'Turner']]);
      expect(
        spans('COMPLAINANT JONES STATED THAT THE SUBJECT BLACK MALE FLED', {
          nameLexicon: lexicon,
        }),
      ).toEqual([['person_name', 'JONES']]);
      // without the roster, a dictionary word after a role noun stays
      expect(spans('Complainant Turner (co-arrestee) alleges')).toEqual([]);
    });

    it('takes the name a writer gives after named, name is, known as (rule 32)', () => {
      expect(spans('a guy named alpesh and her name is bookie; he calls himself dutch')).toEqual([
        ['person_name', 'alpesh'],
        ['person_name', 'bookie'],
        ['person_name', 'dutch'],
      ]);
      expect(
        spans(
          'his name is not known, named in the suit, known as a gang member; went by picture; his name was checked',
        ),
      ).toEqual([]);
    });

    it('completes a name found by one word with its other half (rule 33)', () => {
      const nameLexicon = nameLexiconOf([
        { firstName: 'Pinky', lastName: 'Sam' },
        { firstName: 'Will', lastName: 'Ayers' },
        { firstName: 'X', lastName: 'Coleman' },
      ]);
      const text =
        'my friend priscilla sam said; tell him Will ayers is; AIDE PINKY COLEMAN WALKED';
      expect(spans(text)).toEqual([
        ['person_name', 'priscilla'],
        ['person_name', 'COLEMAN'],
      ]);
      expect(spans(text, { nameLexicon })).toEqual([
        ['person_name', 'priscilla sam'],
        ['person_name', 'Will ayers'],
        ['person_name', 'PINKY COLEMAN'],
      ]);
      // a word after a given name stays a word; a given name that is a word opens no sentence
      expect(
        spans('Maria said so. Will Smith come? bc Jim rock island cop', { nameLexicon }),
      ).toEqual([
        ['person_name', 'Maria'],
        ['person_name', 'Smith'],
        ['person_name', 'Jim'],
      ]);
    });

    it('takes a job title before a surname, and the handle of a social-network profile (rule 34)', () => {
      expect(spans('we told Supervisor White, then Alderman Hairston')).toEqual([
        ['person_name', 'White'],
        ['person_name', 'Hairston'],
      ]);
      expect(
        spans(
          'https://twitter.com/jkimpictures/status/1266855960766746624?s=20 and https://www.facebook.com/dallas.walker.94/posts/102',
        ),
      ).toEqual([
        ['person_name', 'jkimpictures'],
        ['person_name', 'dallas.walker.94'],
      ]);
      // the site's own pages are no handle
      expect(
        spans('https://www.facebook.com/groups/12345/ and https://www.instagram.com/p/CBx12/'),
      ).toEqual([]);
    });

    it('takes a capitalised word after a courtesy title, even a word', () => {
      expect(spans('The accused stopped Mr. Towers; MS. BANKS said')).toEqual([
        ['person_name', 'Towers'],
        ['person_name', 'BANKS'],
      ]);
    });

    describe('names the records hold (rule 24)', () => {
      const nameLexicon = nameLexiconOf([
        { firstName: 'EAMON', lastName: 'MCGILLICUDDY' },
        { firstName: 'Jeannie', lastName: 'Hall' },
        { firstName: 'Francis', lastName: 'Floyd' },
        { firstName: 'UNKNOWN', lastName: 'Sargent' },
      ]);

      it('finds a roster word no dictionary holds in any letter case', () => {
        const text = 'witnesses said mcgillicuddy was there';
        expect(spans(text)).toEqual([]);
        expect(spans(text, { nameLexicon })).toEqual([['person_name', 'mcgillicuddy']]);
      });

      it('takes a roster surname that is a word only after a roster given name', () => {
        const text = 'I saw jeannie hall there; the hall was empty';
        expect(spans(text)).toEqual([]);
        expect(spans(text, { nameLexicon })).toEqual([['person_name', 'jeannie hall']]);
      });

      it('takes a given name no list knows before a surname of the records', () => {
        const lexicon = nameLexiconOf([
          { firstName: 'X', lastName: 'Griffin' },
          { firstName: 'X', lastName: 'Weathersby' },
        ]);
        expect(
          spans('RONSHONIA GRIFFIN MOTHER (TYESHHA WEATHERSBY) ARRIVED', { nameLexicon: lexicon }),
        ).toEqual([
          ['person_name', 'RONSHONIA GRIFFIN'],
          ['person_name', 'TYESHHA WEATHERSBY'],
        ]);
      });

      describe('star numbers (rule 30)', () => {
        const lexicon = nameLexiconOf([
          { firstName: 'Tom', lastName: 'Hunt', star: '15880' },
          { firstName: 'Ann', lastName: 'Young', star: '01158.0' },
          { firstName: 'Lee', lastName: 'Ridge', star: '7538' },
        ]);

        it('finds the holder of a star near it, in any letter case, even a word', () => {
          const text =
            'officer hunt badge number #15880 and officer castella; he said Young 1158 is all; OFFICE RIDGE #7538 FOUND IT';
          expect(spans(text)).toEqual([]);
          expect(spans(text, { nameLexicon: lexicon })).toEqual([
            ['person_name', 'hunt'],
            ['person_name', 'Young'],
            ['person_name', 'RIDGE'],
          ]);
        });

        it('needs the number to be that member’s star, in the same sentence', () => {
          const text =
            'we went on a hunt for #7538. Young people came.\n1158 were counted; a ridge at 12:15880';
          expect(spans(text, { nameLexicon: lexicon })).toEqual([]);
        });
      });

      it('keeps places, events, web addresses and misspelt ranks named like people', () => {
        const text =
          'taken to St. Francis Hospital after the George Floyd protests; see x.com/mcgillicuddy; a Sargent came';
        expect(spans(text, { nameLexicon })).toEqual([]);
      });

      it('leaves placeholders out of the lexicon and out of full names', () => {
        expect(nameLexiconOf([{ firstName: 'UNKNOWN', lastName: 'DOE', star: '0' }])).toEqual({
          given: new Set(),
          surnames: new Set(),
          byStar: new Map(),
        });
        expect(recordedFullName('UNKNOWN', 'UNKNOWN')).toBeNull();
        expect(recordedFullName('Jane', 'Doe')).toBeNull();
        expect(recordedFullName('POLICE', 'OFFICER')).toBeNull();
        expect(recordedFullName('TIM', 'WEST')).toBe('TIM WEST');
      });

      it('redacts a record name written surname first', () => {
        expect(
          spans('Assigned to Corso, Paul (111604); later CORSO PAUL wrote', {
            recordNames: ['PAUL CORSO'],
          }),
        ).toEqual([
          ['person_name', 'Corso, Paul'],
          ['person_name', 'CORSO PAUL'],
        ]);
      });

      it("redacts the case's record names whole, in any letter case, never a word of them alone", () => {
        expect(
          spans('tim west pushed her west of the park; TIM WEST later said no', {
            recordNames: ['TIM WEST'],
          }),
        ).toEqual([
          ['person_name', 'tim west'],
          ['person_name', 'TIM WEST'],
        ]);
      });
    });

    it('finds a name with its relation after it, not an adverb opening a sentence', () => {
      expect(spans('he was dropping off Biggs, his girlfriend, and then left')).toEqual([
        ['person_name', 'Biggs'],
      ]);
      expect(spans('he was dropping off bags, his girlfriend said')).toEqual([]);
      expect(spans('Lastly, the complainant said so. Unlike, my sister, she left')).toEqual([]);
    });

    it('reads a period glued to a capitalised word as a missing space, not a web address', () => {
      expect(spans('write them all send.Durbin,and the rest')).toEqual([['person_name', 'Durbin']]);
      expect(spans('cuffs too tight.Iwant these officers fired')).toEqual([]);
      expect(spans('see www.Zillow.com for it')).toEqual([]);
    });

    it('finds public figures: in any case when no word, capitalised when a word', () => {
      expect(spans('wrote to pritzker and Durbin about it')).toEqual([
        ['person_name', 'pritzker'],
        ['person_name', 'Durbin'],
      ]);
      expect(
        spans('He said, "You don\'t like Trump." It was a trump card at the Daley Center'),
      ).toEqual([['person_name', 'Trump']]);
    });

    it("finds the parties of a lawsuit's title, not its institutions or a numeral", () => {
      expect(spans('In McGowan versus Brucher the court held')).toEqual([
        ['person_name', 'McGowan'],
        ['person_name', 'Brucher'],
      ]);
      expect(spans('as in People v. Drake and City of Chicago v. Hall')).toEqual([
        ['person_name', 'Drake'],
        ['person_name', 'Hall'],
      ]);
      expect(spans('which violates Article V. Rules of Conduct')).toEqual([]);
    });

    it('finds a family in a lower-case list: a surname after three given names', () => {
      expect(spans('I reported izora rice Jamie rice Shannon rice and the rice family')).toEqual([
        ['person_name', 'izora rice'],
        ['person_name', 'Jamie rice'],
        ['person_name', 'Shannon rice'],
        ['person_name', 'rice'],
      ]);
      expect(spans('we ate jasmine rice and brown rice')).toEqual([]);
    });

    it('takes a name-like word between two found names in a list run together', () => {
      expect(
        spans('the Collins greta Jackie Maurice and Keisha Jerrod meka Tasha').map(([, s]) => s),
      ).toEqual(['Collins', 'greta', 'Jackie Maurice', 'Keisha Jerrod', 'meka', 'Tasha']);
      expect(spans('a complaint via Chris Harris and Maria told Jose')).toEqual([
        ['person_name', 'Chris Harris'],
        ['person_name', 'Maria'],
        ['person_name', 'Jose'],
      ]);
    });

    it('takes a lower-case word no dictionary holds before a frequent surname', () => {
      expect(spans('opened my mail, treasie jones gave it away')).toEqual([
        ['person_name', 'treasie jones'],
      ]);
      expect(spans('the tihs jones had')).toEqual([]);
    });

    it('continues a list of names into a lower-case surname no dictionary holds', () => {
      expect(spans('Officer Elkins and mcgreal and the rest')).toEqual([
        ['person_name', 'Elkins'],
        ['person_name', 'mcgreal'],
      ]);
      expect(spans('Officer Elkins and walked away')).toEqual([['person_name', 'Elkins']]);
    });

    it('joins a common given name in lower case to the surname found after it', () => {
      expect(spans('movie star people like john Cusack threat me')).toEqual([
        ['person_name', 'john Cusack'],
      ]);
    });

    it('redacts known names in right-to-left scripts, which have no capitals to detect', () => {
      const text = 'الشاهد أحمد قال إن الضابط دفعه 🙂 ועד דוד';
      expect(spans(text)).toEqual([]);
      expect(spans(text, { knownNames: ['أحمد', 'דוד'] })).toEqual([
        ['person_name', 'أحمد'],
        ['person_name', 'דוד'],
      ]);
    });
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

    it('is fast on a long narrative', () => {
      const text = 'Officer Smith called 312-555-0100 from 1234 W Main St. '.repeat(2000);
      const started = performance.now();
      const result = redactNarrative(text);
      expect(result.redactions.length).toBe(6000);
      // 110 kB in about 0.6 s on a loaded 2-core machine; the bound catches quadratic blow-ups
      expect(performance.now() - started).toBeLessThan(5000);
    });
  });
});
