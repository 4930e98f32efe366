/** Person names by the numbered rules (19-35) and the names the records hold (docs/redaction.md). */
import { describe, expect, it } from 'vitest';
import { nameLexiconOf, recordedFullName } from './names.ts';
import { spans } from './test-spans.ts';

describe('redactNarrative', () => {
  describe('person names', () => {
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
});
