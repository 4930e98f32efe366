import { describe, expect, it } from 'vitest';
import { CASE_STATUSES, ROLES, type Agency, type Role } from '../../shared/enums.ts';
import { findTransition } from '../domain/transition.ts';
import type { Actor } from './actor.ts';
import { CaseAction, canOnCase, caseScope, caseView, type CaseAccessFacts } from './case.policy.ts';

const actor = (roles: Role[], agency: Agency = 'COPA', id = 'u-1'): Actor => ({
  id,
  email: `${id}@x`,
  displayName: id,
  agency,
  roles,
});
const facts = (over: Partial<CaseAccessFacts> = {}): CaseAccessFacts => ({
  status: 'investigation',
  restricted: false,
  leadAgency: 'COPA',
  agencies: ['COPA'],
  assignments: [],
  ...over,
});

describe('caseView: role × restriction × assignment × agency', () => {
  const table: Array<[Role, boolean, boolean, ReturnType<typeof caseView>]> = [
    // role, restricted, assigned, expected view (actor in COPA, case led by COPA)
    ['intake', false, false, 'full'],
    ['intake', true, false, 'none'],
    ['investigator', false, false, 'full'],
    ['investigator', true, false, 'none'],
    ['investigator', true, true, 'full'],
    ['supervisor', true, false, 'full'],
    ['chief_administrator', true, false, 'full'],
    ['public_information', false, false, 'public_fields'],
    ['public_information', true, false, 'public_fields'],
    ['analyst', false, false, 'none'],
    ['admin', false, false, 'none'],
    ['auditor', true, false, 'full'],
  ];
  it.each(table)('%s, restricted=%s, assigned=%s → %s', (role, restricted, assigned, expected) => {
    const a = actor([role]);
    expect(
      caseView(
        a,
        facts({
          restricted,
          assignments: assigned ? [{ userId: a.id, role: 'investigator' }] : [],
        }),
      ),
    ).toBe(expected);
  });

  it('another agency sees nothing until it has a track on the case', () => {
    const bia = actor(['supervisor'], 'BIA');
    expect(caseView(bia, facts())).toBe('none');
    expect(caseView(bia, facts({ agencies: ['COPA', 'BIA'] }))).toBe('full');
  });
});

describe('canOnCase: every action for every role', () => {
  // expected allow-lists for an unrestricted COPA case in investigation, actor in COPA, not assigned
  const expected: Record<Role, CaseAction[]> = {
    intake: [CaseAction.read, CaseAction.addParty],
    investigator: [CaseAction.read],
    supervisor: [
      CaseAction.read,
      CaseAction.readIdentity,
      CaseAction.transition,
      CaseAction.addParty,
      CaseAction.assign,
      CaseAction.addAllegation,
      CaseAction.recordRecommendedFinding,
      CaseAction.addAgency,
      CaseAction.logActivity,
      CaseAction.extendDeadline,
    ],
    chief_administrator: Object.values(CaseAction),
    public_information: [CaseAction.read, CaseAction.draftStatement, CaseAction.logPressInquiry],
    analyst: [],
    auditor: [CaseAction.read],
    admin: [],
  };
  for (const role of ROLES) {
    it(`${role}`, () => {
      const allowed = Object.values(CaseAction).filter((a) => canOnCase(actor([role]), a, facts()));
      expect(allowed.sort()).toEqual([...expected[role]].sort());
    });
  }

  it('an assigned investigator works the case but records no final finding', () => {
    const a = actor(['investigator']);
    const f = facts({ assignments: [{ userId: a.id, role: 'lead_investigator' }] });
    for (const action of [
      CaseAction.addAllegation,
      CaseAction.logActivity,
      CaseAction.recordRecommendedFinding,
      CaseAction.readIdentity,
      CaseAction.transition,
    ]) {
      expect(canOnCase(a, action, f)).toBe(true);
    }
    for (const action of [
      CaseAction.recordFinalFinding,
      CaseAction.assign,
      CaseAction.recommendDutyStatus,
      CaseAction.decideDutyStatus,
    ]) {
      expect(canOnCase(a, action, f)).toBe(false);
    }
  });

  it('a BIA supervisor on the case records duty-status decisions but not recommendations', () => {
    const a = actor(['supervisor'], 'BIA');
    const f = facts({ agencies: ['COPA', 'BIA'] });
    expect(canOnCase(a, CaseAction.decideDutyStatus, f)).toBe(true);
    expect(canOnCase(a, CaseAction.recommendDutyStatus, f)).toBe(false);
  });
});

describe('transition ability follows transition() for every state', () => {
  for (const status of CASE_STATUSES) {
    it(`from ${status}`, () => {
      const f = facts({ status });
      const chief = canOnCase(actor(['chief_administrator']), CaseAction.transition, f);
      const anyTarget = CASE_STATUSES.some((to) =>
        findTransition(status, to)?.roles.includes('chief_administrator'),
      );
      expect(chief).toBe(anyTarget);
    });
  }
});

describe('caseScope mirrors caseView for lists', () => {
  it('auditor all, analyst none, staff by agency', () => {
    expect(caseScope(actor(['auditor'], 'OIG'))).toEqual({ kind: 'all' });
    expect(caseScope(actor(['analyst']))).toEqual({ kind: 'none' });
    expect(caseScope(actor(['admin']))).toEqual({ kind: 'none' });
    expect(caseScope(actor(['investigator']))).toMatchObject({
      kind: 'agency',
      unrestricted: true,
      restricted: false,
    });
    expect(caseScope(actor(['supervisor']))).toMatchObject({
      kind: 'agency',
      unrestricted: true,
      restricted: true,
    });
  });
});
