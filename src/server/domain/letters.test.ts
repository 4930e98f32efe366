import { describe, expect, it } from 'vitest';
import {
  LETTER_KINDS,
  LetterTemplateError,
  LetterValueMissingError,
  chooseChannel,
  intermediaryMayReceive,
  letterLanguage,
  penaltyWords,
  renderLetter,
  validateLetterPacks,
  writtenDate,
  type LetterLanguagePack,
} from './letters.ts';
import { LETTER_PACKS } from './profiles/chicago-letters.ts';
import { chicagoProfile } from './profiles/chicago.ts';

const en = LETTER_PACKS['en']!;
const es = LETTER_PACKS['es']!;

const VALUES = {
  officeName: es.officeName,
  officePhone: '(312) 743-2672',
  officeAddress: '1615 W. Chicago Ave., 4th Floor, Chicago, IL 60622',
  logNumber: '2023-0001234',
  letterDate: '25 de septiembre de 2023',
  receivedDate: '18 de septiembre de 2023',
  investigatingAgency: 'COPA',
  generalNature: 'Conducta sexual indebida',
  reasons: es.delayReasons.witnesses_not_yet_interviewed,
};

/** A pack with one template changed. */
function withTemplate(
  pack: LetterLanguagePack,
  kind: (typeof LETTER_KINDS)[number],
  body: string,
): LetterLanguagePack {
  return { ...pack, templates: { ...pack.templates, [kind]: { ...pack.templates[kind], body } } };
}

describe('letter templates (issue 18 item 1)', () => {
  it('the Chicago packs load: every kind in English and Spanish, every placeholder known', () => {
    expect(() => validateLetterPacks(LETTER_PACKS)).not.toThrow();
    expect(Object.keys(chicagoProfile.letters.packs).sort()).toEqual(['en', 'es']);
    for (const pack of [en, es]) {
      expect(Object.keys(pack.templates).sort()).toEqual([...LETTER_KINDS].sort());
    }
  });

  it('refuses a template with an unknown placeholder at load', () => {
    const bad = withTemplate(
      es,
      'acknowledgement',
      `${es.templates.acknowledgement.body} {nombre}`,
    );
    expect(() => validateLetterPacks({ en, es: bad })).toThrow(LetterTemplateError);
    expect(() => validateLetterPacks({ en, es: bad })).toThrow(
      'es.acknowledgement: unknown placeholder {nombre}',
    );
  });

  it('refuses a template that lacks a placeholder its kind requires at load', () => {
    // MCC 2-78-135: the notice must give the reasons; a notice without them is refused
    const bad = withTemplate(
      en,
      'six_month_notice',
      'Log {logNumber}, {receivedDate}: {generalNature}.',
    );
    expect(() => validateLetterPacks({ en: bad, es })).toThrow(
      'en.six_month_notice: missing placeholder {reasons}',
    );
  });

  it('refuses a language that lacks a kind, a phrase or has a stray brace', () => {
    const { outcome: _dropped, ...rest } = es.templates;
    const noOutcome = { ...es, templates: rest } as unknown as LetterLanguagePack;
    expect(() => validateLetterPacks({ es: noOutcome })).toThrow('es.outcome: template missing');
    const noReason = { ...es, closureReasons: { ...es.closureReasons, withdrawn: '' } };
    expect(() => validateLetterPacks({ es: noReason })).toThrow(
      'es.closureReasons: no text for withdrawn',
    );
    const brace = withTemplate(en, 'referral', `${en.templates.referral.body} {`);
    expect(() => validateLetterPacks({ en: brace })).toThrow('en.referral: unmatched brace');
  });

  it('a missing value is an error at render time, never a blank in the letter', () => {
    const { reasons: _none, ...partial } = VALUES;
    expect(() => renderLetter(es, 'six_month_notice', partial)).toThrow(LetterValueMissingError);
    expect(() => renderLetter(es, 'six_month_notice', { ...VALUES, reasons: ' ' })).toThrow(
      'The letter needs a value for {reasons}.',
    );
  });

  it('renders the Spanish six-month notice with its accents, addressing the reader as usted', () => {
    const letter = renderLetter(es, 'six_month_notice', VALUES);
    expect(letter.subject).toBe('Estado de la investigación, número de registro 2023-0001234');
    expect(letter.body).toContain('Código Municipal de Chicago (sección 2-78-135)');
    expect(letter.body).toContain('aún no se ha entrevistado a todos los testigos');
    expect(letter.body).toContain('Conducta sexual indebida');
    expect(letter.body).not.toMatch(/\{|\}/);
    expect(renderLetter(es, 'acknowledgement', VALUES).body).toContain('Por favor, conserve');
  });

  it('writes dates and discipline in the letter’s language', () => {
    expect(writtenDate(es, '2023-09-25')).toBe('25 de septiembre de 2023');
    expect(writtenDate(en, '2023-09-25')).toBe('September 25, 2023');
    expect(penaltyWords(es, '010')).toBe('suspensión de 10 días');
    expect(penaltyWords(en, '100')).toBe('reprimand');
  });

  it('a third language is data only: one more pack, checked and rendered by the same code', () => {
    const fr: LetterLanguagePack = {
      ...en,
      name: 'Français',
      locale: 'fr-FR',
      templates: {
        ...en.templates,
        acknowledgement: {
          subject: 'Nous avons reçu votre plainte ({logNumber})',
          body: 'Votre plainte, reçue le {receivedDate}, porte le numéro {logNumber}. Appelez le {officePhone}.',
        },
      },
    };
    expect(() => validateLetterPacks({ ...LETTER_PACKS, fr })).not.toThrow();
    const letter = renderLetter(fr, 'acknowledgement', {
      ...VALUES,
      receivedDate: writtenDate(fr, '2023-09-18'),
    });
    expect(letter.body).toContain('reçue le 18 septembre 2023');
    expect(letterLanguage({ ...LETTER_PACKS, fr }, ['fr'], 'en')).toBe('fr');
    expect(letterLanguage(LETTER_PACKS, ['fr', null], 'en')).toBe('en');
  });
});

describe('who receives what (issue 18 items 3–4)', () => {
  it('an intermediary receives only what the consent scope allows; in doubt, nothing', () => {
    expect(intermediaryMayReceive('report and relay contact', 'six_month_notice')).toBe(true);
    expect(intermediaryMayReceive('report and relay contact', 'outcome')).toBe(false);
    expect(intermediaryMayReceive('relay news and the outcome', 'outcome')).toBe(true);
    expect(intermediaryMayReceive('transmitir noticias y comunicación', 'acknowledgement')).toBe(
      true,
    );
    expect(intermediaryMayReceive('report the incident', 'acknowledgement')).toBe(false);
    expect(intermediaryMayReceive(null, 'acknowledgement')).toBe(false);
  });

  it('chooses email, then paper, then the follow page; otherwise says why', () => {
    const none = {
      anonymous: false,
      noLettersToShelter: false,
      shelterResident: false,
      holdsReceipt: false,
    };
    expect(chooseChannel({ ...none, email: 'a@example.org', address: 'x' })).toEqual({
      channel: 'email',
    });
    expect(chooseChannel({ ...none, address: '1 Main St' })).toEqual({ channel: 'print' });
    // a shelter resident who asked for no letters at the shelter is not written to there
    expect(
      chooseChannel({
        ...none,
        address: 'Shelter',
        shelterResident: true,
        noLettersToShelter: true,
      }),
    ).toEqual({ channel: null, failure: 'no_address' });
    expect(chooseChannel({ ...none, anonymous: true, holdsReceipt: true })).toEqual({
      channel: 'portal',
    });
    expect(chooseChannel({ ...none, anonymous: true })).toEqual({
      channel: null,
      failure: 'anonymous',
    });
  });
});
