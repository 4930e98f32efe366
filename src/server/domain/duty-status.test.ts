import { describe, expect, it } from 'vitest';
import type { Agency, Role } from '../../shared/enums.ts';
import { DUTY_STATUS_ACTIONS, ROLES } from '../../shared/enums.ts';
import type { CaseDutyEntry, DutyStatusInput } from './duty-status.ts';
import {
  disclosedDutyAction,
  judgeDutyStatus,
  publicDutyStatus,
  validateDutyStatus as validate,
} from './duty-status.ts';
import { chicagoProfile } from './profiles/chicago.ts';
import { nycProfile } from './profiles/nyc.ts';

const AGENCIES = Object.keys(chicagoProfile.agencies);
const validateDutyStatus = (input: DutyStatusInput) => validate(input, chicagoProfile.agencyRoles);

const recommend = (over: Partial<DutyStatusInput> = {}): DutyStatusInput => ({
  action: 'relieved_of_police_powers',
  stage: 'recommended',
  actorRoles: ['chief_administrator'],
  actorAgency: 'COPA',
  reason: 'Credible allegation of sexual misconduct with a person in police care.',
  ...over,
});

const decide = (over: Partial<DutyStatusInput> = {}): DutyStatusInput => ({
  action: 'relieved_of_police_powers',
  stage: 'decided',
  actorRoles: ['chief_administrator'],
  actorAgency: 'COPA',
  decidedBy: 'Superintendent of Police',
  reason: 'Accepted the COPA recommendation.',
  ...over,
});

describe('validateDutyStatus: recommendations', () => {
  it('accepts a recommendation by the COPA chief administrator, for every action', () => {
    for (const action of DUTY_STATUS_ACTIONS) {
      expect(validateDutyStatus(recommend({ action }))).toEqual({ ok: true });
    }
  });

  it('refuses a recommendation by any other role or agency', () => {
    for (const role of ROLES.filter((r) => r !== 'chief_administrator')) {
      expect(validateDutyStatus(recommend({ actorRoles: [role] }))).toMatchObject({
        ok: false,
        code: 'forbidden_role',
      });
    }
    for (const agency of AGENCIES.filter((a) => a !== 'COPA')) {
      expect(validateDutyStatus(recommend({ actorAgency: agency }))).toMatchObject({
        ok: false,
        code: 'forbidden_role',
      });
    }
  });

  it('refuses a recommendation that names a decider', () => {
    expect(validateDutyStatus(recommend({ decidedBy: 'Superintendent' }))).toMatchObject({
      ok: false,
      code: 'decided_by_not_allowed',
    });
    expect(validateDutyStatus(recommend({ decidedBy: '   ' }))).toEqual({ ok: true });
  });

  it('requires a reason', () => {
    expect(validateDutyStatus(recommend({ reason: ' \n ' }))).toMatchObject({
      ok: false,
      code: 'reason_required',
    });
  });
});

describe('validateDutyStatus: decisions', () => {
  const allowed: Array<[Role, Agency]> = [
    ['chief_administrator', 'COPA'],
    ['chief_administrator', 'BIA'],
    ['supervisor', 'BIA'],
  ];

  it.each(allowed)('accepts a decision recorded by a %s of %s', (role, agency) => {
    expect(validateDutyStatus(decide({ actorRoles: [role], actorAgency: agency }))).toEqual({
      ok: true,
    });
  });

  it('refuses every other role × agency combination', () => {
    for (const role of ROLES) {
      for (const agency of AGENCIES) {
        if (allowed.some(([r, a]) => r === role && a === agency)) {
          continue;
        }
        expect(
          validateDutyStatus(decide({ actorRoles: [role], actorAgency: agency })),
          `${role} of ${agency}`,
        ).toMatchObject({ ok: false, code: 'forbidden_role' });
      }
    }
  });

  it('accepts when any one of several roles qualifies', () => {
    expect(
      validateDutyStatus(
        decide({ actorRoles: ['investigator', 'supervisor'], actorAgency: 'BIA' }),
      ),
    ).toEqual({ ok: true });
  });

  it('requires the name of who decided', () => {
    expect(validateDutyStatus(decide({ decidedBy: undefined }))).toMatchObject({
      ok: false,
      code: 'decided_by_required',
    });
    expect(validateDutyStatus(decide({ decidedBy: '  ' }))).toMatchObject({
      ok: false,
      code: 'decided_by_required',
    });
  });

  it('requires a reason', () => {
    expect(validateDutyStatus(decide({ reason: '' }))).toMatchObject({
      ok: false,
      code: 'reason_required',
    });
  });

  it('checks authorization before the fields', () => {
    expect(
      validateDutyStatus(decide({ actorRoles: ['analyst'], decidedBy: undefined, reason: '' })),
    ).toMatchObject({ ok: false, code: 'forbidden_role' });
  });
});

describe('publicDutyStatus (issue 22 item 1)', () => {
  const rule = chicagoProfile.dutyStatusDisclosure;
  const entry = (memberId: string, over: Partial<CaseDutyEntry> = {}): CaseDutyEntry => ({
    memberId,
    action: 'relieved_of_police_powers',
    stage: 'decided',
    effectiveAt: new Date('2023-09-28T14:00:00Z'),
    unitMembers: rule.minUnitMembers,
    ...over,
  });

  it('withholds a lone member whose unit is unknown (counted as 0)', () => {
    expect(publicDutyStatus([entry('a', { unitMembers: 0 })], rule, 'America/Chicago')).toEqual([]);
  });

  it('shows two members together even when each is alone in a unit', () => {
    const out = publicDutyStatus(
      [entry('a', { unitMembers: 1 }), entry('b', { unitMembers: 1 })],
      rule,
      'America/Chicago',
    );
    expect(out).toEqual([
      {
        action: 'relieved_of_police_powers',
        members: 2,
        effectiveDate: '2023-09-28',
        decidedBy: rule.decidingOffice.en,
        decidedByEs: rule.decidingOffice.es,
      },
    ]);
  });

  it('tells the preview what it withholds and why: the lone member of a small unit', () => {
    const small = entry('a', {
      unitMembers: rule.minUnitMembers - 1,
      effectiveAt: new Date('2023-10-02T14:00:00Z'),
    });
    const judged = judgeDutyStatus([entry('b'), small], rule, 'America/Chicago');
    expect(judged.shown.map((d) => d.effectiveDate)).toEqual(['2023-09-28']);
    expect(judged.withheld).toEqual([
      {
        action: 'relieved_of_police_powers',
        members: 1,
        effectiveDate: '2023-10-02',
        reason: 'small_unit',
      },
    ]);
  });

  it('discloses, for the case page and the statistics alike, only decided actions of listed kinds', () => {
    expect(disclosedDutyAction('restored', 'decided', rule)).toBe('restored');
    expect(disclosedDutyAction('restored', 'recommended', rule)).toBeUndefined();
    expect(disclosedDutyAction('suspended', 'decided', rule)).toBeUndefined();
    expect(
      disclosedDutyAction('restored', 'decided', nycProfile.dutyStatusDisclosure),
    ).toBeUndefined();
  });

  it('never shows a recommendation, and New York discloses nothing', () => {
    expect(publicDutyStatus([entry('a', { stage: 'recommended' })], rule, 'UTC')).toEqual([]);
    expect(nycProfile.dutyStatusDisclosure.actions).toEqual([]);
    expect(publicDutyStatus([entry('a')], nycProfile.dutyStatusDisclosure, 'UTC')).toEqual([]);
  });
});
