import { describe, expect, it } from 'vitest';
import type { Agency, Role } from '../../shared/enums.ts';
import { DUTY_STATUS_ACTIONS, ROLES } from '../../shared/enums.ts';
import type { DutyStatusInput } from './duty-status.ts';
import { validateDutyStatus as validate } from './duty-status.ts';
import { chicagoProfile } from './profiles/chicago.ts';

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
