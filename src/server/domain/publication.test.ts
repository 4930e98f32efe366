import { describe, expect, it } from 'vitest';
import {
  daysToCloseBucket,
  disciplineReleasable,
  narrativeWithholding,
  primaryCategory,
  publicPenalty,
  publicVisibility,
} from './publication.ts';

describe('publicVisibility', () => {
  it.each([
    [{ leadAgency: 'COPA', agencies: ['COPA'], restricted: false }, 'full'],
    [{ leadAgency: 'COPA', agencies: ['COPA', 'BIA'], restricted: true }, 'category_and_status'],
    [{ leadAgency: 'BIA', agencies: ['BIA'], restricted: false }, 'status_only'],
    [{ leadAgency: 'BIA', agencies: ['BIA'], restricted: true }, 'status_only'],
    [{ leadAgency: 'BIA', agencies: ['BIA', 'COPA'], restricted: false }, 'full'],
  ] as const)('%j → %s', (facts, expected) => {
    expect(publicVisibility(facts)).toBe(expected);
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
