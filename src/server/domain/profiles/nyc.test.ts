import { describe, expect, it } from 'vitest';
import { clockRuns, computeCaseDeadlines, disciplineLimitationDate } from '../clocks.ts';
import { routeCase } from '../routing.ts';
import { chicagoProfile } from './chicago.ts';
import { nycProfile } from './nyc.ts';

const route = (categories: string[]) =>
  routeCase({ caseType: 'complaint', categories }, nycProfile);

describe('nycProfile routing (NYC Charter §440(c)(1))', () => {
  it.each(['force', 'abuse_of_authority', 'discourtesy', 'offensive_language'])(
    'gives %s to the Board under the Charter',
    (category) => {
      const d = route([category]);
      expect(d).toMatchObject({
        agency: 'CCRB',
        clause: 'NYC Charter §440(c)(1)',
        rule: `ccrb_${category}`,
        oversightClauses: ['NYC Charter §440(c)(1)'],
      });
      expect(d.explanationEs).toContain('NYC Charter §440(c)(1)');
    },
  );

  it('refers misconduct outside FADO to the Police Department', () => {
    expect(route(['other_misconduct'])).toMatchObject({
      agency: 'NYPD',
      rule: 'nypd_outside_fado',
      oversightClauses: [],
    });
  });

  it('keeps a complaint with any FADO allegation at the Board, citing every clause that applies', () => {
    const d = route(['other_misconduct', 'untruthful_statement', 'discourtesy']);
    expect(d).toMatchObject({ agency: 'CCRB', rule: 'ccrb_discourtesy' });
    expect(d.oversightClauses).toEqual([
      'NYC Charter §440(c)(1)',
      'NYC Charter §440(c)(1) (as amended 2019)',
    ]);
    expect(d.explanation).toContain('also falls under NYC Charter §440(c)(1) (as amended 2019)');
  });

  it('names only agencies and categories the profile has', () => {
    const { oversight, internalAffairs } = nycProfile.agencyRoles;
    expect(Object.keys(nycProfile.agencies)).toEqual(
      expect.arrayContaining([oversight, internalAffairs]),
    );
    for (const c of ['force', 'abuse_of_authority', 'discourtesy', 'offensive_language']) {
      expect(nycProfile.categories[c]?.label.es).toBeTruthy();
    }
  });
});

describe('nycProfile clocks', () => {
  it('runs none of Chicago’s clocks', () => {
    expect(
      computeCaseDeadlines(
        {
          receivedAt: new Date('2024-05-06T18:00:00Z'),
          caseType: 'complaint',
          categories: ['force'],
        },
        nycProfile,
      ),
    ).toEqual([]);
    expect(clockRuns('acknowledgement_letter', nycProfile)).toBe(false);
    expect(clockRuns('acknowledgement_letter', chicagoProfile)).toBe(true);
  });

  it('limits discipline to 18 months after the incident (NY Civil Service Law §75(4))', () => {
    expect(disciplineLimitationDate('2024-05-04', nycProfile)).toBe('2025-11-04');
    // the end of a short month: Aug 31 + 18 months is the last day of February
    expect(disciplineLimitationDate('2023-08-31', nycProfile)).toBe('2025-02-28');
    expect(disciplineLimitationDate('2024-05-04', chicagoProfile)).toBeNull();
  });
});
