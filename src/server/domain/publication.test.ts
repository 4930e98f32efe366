import { describe, expect, it } from 'vitest';
import { CASE_STATUSES } from '../../shared/enums.ts';
import { chicagoProfile } from './profiles/chicago.ts';
import {
  daysToCloseBucket,
  disciplineReleasable,
  findingsPublished,
  narrativeWithholding,
  primaryCategory,
  publicOutcome,
  publicPenalty,
  publicVisibility,
  type AllegationOutcome,
} from './publication.ts';

describe('publicVisibility', () => {
  it.each([
    [{ leadAgency: 'COPA', agencies: ['COPA'], restricted: false }, 'full'],
    [{ leadAgency: 'COPA', agencies: ['COPA', 'BIA'], restricted: true }, 'category_and_status'],
    [{ leadAgency: 'BIA', agencies: ['BIA'], restricted: false }, 'status_only'],
    [{ leadAgency: 'BIA', agencies: ['BIA'], restricted: true }, 'status_only'],
    [{ leadAgency: 'BIA', agencies: ['BIA', 'COPA'], restricted: false }, 'full'],
  ] as const)('%j → %s', (facts, expected) => {
    expect(publicVisibility(facts, chicagoProfile.agencyRoles)).toBe(expected);
  });
});

describe('narrativeWithholding', () => {
  it('publishes only concluded, fully public cases', () => {
    expect(narrativeWithholding('full', 'final', 'text')).toBeNull();
    expect(narrativeWithholding('full', 'closed_no_finding', 'text')).toBeNull();
    expect(narrativeWithholding('full', 'investigation', 'text')).toBe('open_investigation');
    expect(narrativeWithholding('category_and_status', 'final', 'text')).toBe('not_public');
    expect(narrativeWithholding('full', 'final', '  ')).toBe('no_narrative');
  });
});

describe('discipline older than 4 years (820 ILCS 40/8)', () => {
  it('releases discipline dated within four years and withholds older', () => {
    expect(disciplineReleasable('2022-11-28', '2026-11-28')).toBe(true);
    expect(disciplineReleasable('2022-11-27', '2026-11-28')).toBe(false);
    expect(disciplineReleasable('2024-02-29', '2028-02-29')).toBe(true);
    expect(disciplineReleasable('2024-02-27', '2028-02-29')).toBe(false);
  });

  it('withholds an old penalty with its basis, never "no action" codes', () => {
    expect(publicPenalty('015', '2015-01-01', '2026-11-28')).toEqual({
      penalty: null,
      penaltyWithheld: expect.stringContaining('820 ILCS 40/8'),
      penaltyWithheldEs: expect.stringContaining('820 ILCS 40/8'),
    });
    expect(publicPenalty('015', '2025-01-01', '2026-11-28')).toEqual({
      penalty: '015',
      penaltyWithheld: null,
      penaltyWithheldEs: null,
    });
    expect(publicPenalty('600', '2010-01-01', '2026-11-28').penalty).toBe('600');
    expect(publicPenalty(null, '2010-01-01', '2026-11-28')).toEqual({
      penalty: null,
      penaltyWithheld: null,
      penaltyWithheldEs: null,
    });
  });
});

describe('penalties dated by their decision (issue 15 defect 1)', () => {
  it('withholds discipline whose decision date is unknown, never "no action" codes', () => {
    expect(publicPenalty('010', null, '2026-11-28')).toEqual({
      penalty: null,
      penaltyWithheld: expect.stringContaining('820 ILCS 40/8'),
      penaltyWithheldEs: expect.stringContaining('820 ILCS 40/8'),
    });
    expect(publicPenalty('600', null, '2026-11-28').penalty).toBe('600');
  });

  const sustained: AllegationOutcome = {
    recommendedFinding: 'sustained',
    recommendedPenalty: '020',
    recommendedOn: '2019-03-01',
    finalFinding: 'sustained',
    finalPenalty: '010',
    finalOn: '2019-12-10',
  };

  it('dates the final penalty by the final finding’s decision: released on the fourth anniversary, withheld the day after', () => {
    expect(publicOutcome('final', sustained, '2023-12-10')).toEqual({
      recommendedFinding: 'sustained',
      finalFinding: 'sustained',
      penalty: '010',
      penaltyWithheld: null,
      penaltyWithheldEs: null,
    });
    expect(publicOutcome('final', sustained, '2023-12-11')).toMatchObject({
      finalFinding: 'sustained',
      penalty: null,
      penaltyWithheld: expect.stringContaining('820 ILCS 40/8'),
      penaltyWithheldEs: expect.stringContaining('820 ILCS 40/8'),
    });
  });

  it('dates a recommended penalty (no final one) by the recommendation’s decision', () => {
    const recommendedOnly = { ...sustained, finalFinding: null, finalPenalty: null, finalOn: null };
    expect(publicOutcome('final', recommendedOnly, '2023-03-01').penalty).toBe('020');
    expect(publicOutcome('final', recommendedOnly, '2023-03-02').penalty).toBeNull();
  });
});

describe('findings of open cases are not published (issue 15 defect 2)', () => {
  it('publishes findings in final, closed_no_finding and closed_referred only', () => {
    expect(CASE_STATUSES.filter(findingsPublished)).toEqual([
      'final',
      'closed_no_finding',
      'closed_referred',
    ]);
  });

  it('shows nothing of a recommended or final finding before the case is concluded', () => {
    const outcome: AllegationOutcome = {
      recommendedFinding: 'sustained',
      recommendedPenalty: '010',
      recommendedOn: '2026-01-05',
      finalFinding: 'sustained',
      finalPenalty: '010',
      finalOn: '2026-02-05',
    };
    const nothing = {
      recommendedFinding: null,
      finalFinding: null,
      penalty: null,
      penaltyWithheld: null,
      penaltyWithheldEs: null,
    };
    for (const status of [
      'intake',
      'preliminary',
      'investigation',
      'review',
      'department_review',
    ] as const) {
      expect(publicOutcome(status, outcome, '2026-03-01'), status).toEqual(nothing);
    }
    expect(publicOutcome('closed_no_finding', outcome, '2026-03-01').finalFinding).toBe(
      'sustained',
    );
  });
});

describe('statistics helpers', () => {
  it('takes the first category in the profile order as primary', () => {
    expect(primaryCategory(['verbal_abuse', 'excessive_force'])).toBe('excessive_force');
    expect(primaryCategory([])).toBe('unknown');
  });

  it('buckets days to close', () => {
    expect([0, 30, 31, 90, 91, 180, 181, 365, 366, 730, 731].map(daysToCloseBucket)).toEqual([
      '0-30',
      '0-30',
      '31-90',
      '31-90',
      '91-180',
      '91-180',
      '181-365',
      '181-365',
      '366-730',
      '366-730',
      '731+',
    ]);
  });
});
