import { describe, expect, it } from 'vitest';
import type { Finding } from '../../shared/enums.ts';
import { CASE_STATUSES, FINDINGS } from '../../shared/enums.ts';
import {
  CURRENT_FINDINGS,
  FINDING_DEFINITIONS,
  LEGACY_FINDINGS,
  PENALTY_CODES,
  decidedOnProblem,
  describePenalty,
  findingFromText,
  findingStageProblem,
  isLegacyFinding,
  isPenaltyCode,
  penaltyAllowedForFinding,
  penaltyCodeFromText,
} from './findings.ts';

describe('findings vocabulary', () => {
  it('labels every finding in English and Spanish', () => {
    for (const finding of FINDINGS) {
      const { label } = FINDING_DEFINITIONS[finding];
      expect(label.en.length).toBeGreaterThan(0);
      expect(label.es).not.toBe(label.en);
    }
    expect(FINDING_DEFINITIONS.not_sustained.label).toEqual({
      en: 'Not Sustained',
      es: 'No acreditada',
    });
  });

  it('marks exactly the three legacy values as legacy-only', () => {
    expect(LEGACY_FINDINGS).toEqual(['no_affidavit', 'no_finding', 'administratively_closed']);
    expect(CURRENT_FINDINGS).toEqual(['sustained', 'not_sustained', 'unfounded', 'exonerated']);
    expect(isLegacyFinding('no_affidavit')).toBe(true);
    expect(isLegacyFinding('sustained')).toBe(false);
  });

  it.each([
    ['Sustained', 'sustained'],
    ['NOT SUSTAINED', 'not_sustained'],
    ['Not  Sustained ', 'not_sustained'],
    ['UNFOUNDED', 'unfounded'],
    ['Exonerated', 'exonerated'],
    ['NO AFFIDAVIT', 'no_affidavit'],
    ['Closed/No Finding', 'no_finding'],
    ['Administratively Closed', 'administratively_closed'],
    ['ADDITIONAL INVESTIGATION REQUESTED', null],
    ['Within Policy Officer Involved Shooting', null],
    ['', null],
  ])('findingFromText(%j) → %s', (text, expected) => {
    expect(findingFromText(text)).toBe(expected);
  });
});

describe('penalty codes', () => {
  it('knows 000, 001–030, 100, 200, 301, 400, 600, 601, 800 and 999', () => {
    const expected = [
      '000',
      ...Array.from({ length: 30 }, (_, i) => String(i + 1).padStart(3, '0')),
      '100',
      '200',
      '301',
      '400',
      '600',
      '601',
      '800',
      '999',
    ];
    expect(Object.keys(PENALTY_CODES).sort()).toEqual(expected.sort());
    for (const code of expected) {
      expect(isPenaltyCode(code), code).toBe(true);
    }
  });

  it('rejects codes that are not exactly a known 3-digit code', () => {
    for (const code of ['031', '10', '0', '1000', '300', '500', ' 010', '010 ', 'abc', '']) {
      expect(isPenaltyCode(code), code).toBe(false);
    }
    expect(isPenaltyCode('toString')).toBe(false);
    expect(isPenaltyCode('__proto__')).toBe(false);
  });

  it('describes penalties in English and Spanish', () => {
    expect(describePenalty('010')).toEqual({
      en: '10-day suspension',
      es: 'Suspensión de 10 días',
    });
    expect(describePenalty('001')).toEqual({ en: '1-day suspension', es: 'Suspensión de 1 día' });
    expect(describePenalty('400')).toEqual({ en: 'Separation', es: 'Separación del cargo' });
    expect(describePenalty('800').en).toBe('Resigned – not served');
    expect(describePenalty('601').en).toBe('No action taken / no affidavit');
    expect(PENALTY_CODES['015']?.suspensionDays).toBe(15);
    expect(() => describePenalty('031')).toThrow(RangeError);
  });

  it('returns a copy so callers cannot edit labels', () => {
    const label = describePenalty('100');
    label.en = 'changed';
    expect(describePenalty('100').en).toBe('Reprimand');
  });

  it.each([
    ['010 - 10 DAY SUSPENSION', '010'],
    ['600 - NO ACTION TAKEN / NOT SUSTAINED / EXONERATED / UNFOUNDED', '600'],
    ['999 - DECEASED', '999'],
    ['SUSPENSION', null],
    ['031 - 31 DAY SUSPENSION', null],
    ['', null],
  ])('penaltyCodeFromText(%j) → %s', (text, expected) => {
    expect(penaltyCodeFromText(text)).toBe(expected);
  });
});

describe('penaltyAllowedForFinding', () => {
  const notSustained: Finding[] = ['not_sustained', 'unfounded', 'exonerated'];

  it('allows 600, 601 and 000 with any finding', () => {
    for (const finding of FINDINGS) {
      for (const code of ['600', '601', '000']) {
        expect(penaltyAllowedForFinding(finding, code), `${finding} ${code}`).toBe(true);
      }
    }
  });

  it('requires a sustained finding for discipline', () => {
    for (const code of ['001', '015', '030', '100', '200', '400']) {
      expect(penaltyAllowedForFinding('sustained', code), code).toBe(true);
      for (const finding of [...notSustained, 'no_affidavit', 'no_finding'] as Finding[]) {
        expect(penaltyAllowedForFinding(finding, code), `${finding} ${code}`).toBe(false);
      }
    }
  });

  it('lets 301, 800 and 999 go with sustained or the closing findings only', () => {
    for (const code of ['301', '800', '999']) {
      expect(penaltyAllowedForFinding('sustained', code)).toBe(true);
      expect(penaltyAllowedForFinding('administratively_closed', code)).toBe(true);
      expect(penaltyAllowedForFinding('no_finding', code)).toBe(true);
      for (const finding of notSustained) {
        expect(penaltyAllowedForFinding(finding, code), `${finding} ${code}`).toBe(false);
      }
    }
  });

  it('never allows an unknown code', () => {
    expect(penaltyAllowedForFinding('sustained', '031')).toBe(false);
    expect(penaltyAllowedForFinding('sustained', '')).toBe(false);
  });
});

describe('the stages where findings exist (issue 15 defect 2)', () => {
  const allowed = (stage: 'recommended' | 'final') =>
    CASE_STATUSES.filter((s) => findingStageProblem(stage, s) === null);

  it('takes a recommended finding once an investigation exists, not at intake or preliminary', () => {
    expect(allowed('recommended')).toEqual([
      'investigation',
      'review',
      'department_review',
      'final',
    ]);
    expect(findingStageProblem('recommended', 'preliminary')).toContain('preliminary');
  });

  it('takes a final finding from department review on (MCC 2-78-130), not in review', () => {
    expect(allowed('final')).toEqual(['department_review', 'final']);
    expect(findingStageProblem('final', 'review')).toContain('MCC 2-78-130');
  });

  it('takes neither on a case closed without a finding or referred', () => {
    for (const status of ['closed_no_finding', 'closed_referred'] as const) {
      expect(findingStageProblem('recommended', status)).not.toBeNull();
      expect(findingStageProblem('final', status)).not.toBeNull();
    }
  });
});

describe('the day a finding was decided', () => {
  const bounds = { today: '2024-03-10', receivedOn: '2023-01-15' };

  it('accepts today and the day of receipt, refuses tomorrow and the day before receipt', () => {
    expect(decidedOnProblem('2024-03-10', bounds)).toBeNull();
    expect(decidedOnProblem('2023-01-15', bounds)).toBeNull();
    expect(decidedOnProblem('2024-03-11', bounds)?.code).toBe('decided_on_in_future');
    expect(decidedOnProblem('2023-01-14', bounds)?.code).toBe('decided_on_before_receipt');
  });
});
