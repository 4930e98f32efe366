import { describe, expect, it } from 'vitest';
import type { CaseStatus, Role, TransitionReason } from '../../shared/enums.ts';
import { CASE_STATUSES, ROLES, TRANSITION_REASONS } from '../../shared/enums.ts';
import {
  CONCLUDED,
  TRANSITIONS,
  allowedTransitions,
  closedOnAfter,
  findTransition,
  isClosing,
  isReopening,
  transition,
} from './transition.ts';

const NOW = new Date('2023-09-01T14:30:00.000Z');
const actor = (...roles: Role[]) => ({ roles });

const NO_FINDING: TransitionReason[] = [
  'no_allegation',
  'member_not_identified',
  'no_victim_or_witness_identified',
  'withdrawn',
  'duplicate',
];
const REFERRAL: TransitionReason[] = ['outside_jurisdiction', 'referred_to_other_agency'];

/**
 * The expected stage machine, written out independently of TRANSITIONS (PRODUCT.md §3).
 * `required` = a reason must be one of these; `optional` = a reason may be given, from these.
 */
interface Expected {
  roles: Role[];
  required?: TransitionReason[];
  optional?: TransitionReason[];
}
const SUP_CA: Role[] = ['supervisor', 'chief_administrator'];
const EXPECTED: Partial<Record<`${CaseStatus}->${CaseStatus}`, Expected>> = {
  'intake->preliminary': { roles: ['intake', 'supervisor', 'chief_administrator'] },
  'preliminary->investigation': { roles: SUP_CA, optional: ['preliminary_complete'] },
  'investigation->review': {
    roles: ['investigator', 'supervisor', 'chief_administrator'],
    optional: ['investigation_complete'],
  },
  'review->department_review': { roles: SUP_CA, optional: ['approved'] },
  'review->investigation': { roles: SUP_CA, required: ['returned_for_further_investigation'] },
  'department_review->final': { roles: ['chief_administrator'], optional: ['accepted'] },
  'intake->closed_no_finding': { roles: SUP_CA, required: NO_FINDING },
  'preliminary->closed_no_finding': { roles: SUP_CA, required: NO_FINDING },
  'investigation->closed_no_finding': { roles: SUP_CA, required: NO_FINDING },
  'intake->closed_referred': { roles: SUP_CA, required: REFERRAL },
  'preliminary->closed_referred': { roles: SUP_CA, required: REFERRAL },
  'investigation->closed_referred': { roles: SUP_CA, required: REFERRAL },
  'final->investigation': { roles: ['chief_administrator'], required: ['new_material_evidence'] },
  'closed_no_finding->investigation': {
    roles: ['chief_administrator'],
    required: ['new_material_evidence'],
  },
  'closed_referred->investigation': {
    roles: ['chief_administrator'],
    required: ['new_material_evidence'],
  },
};

const pairs: Array<[CaseStatus, CaseStatus]> = CASE_STATUSES.flatMap((from) =>
  CASE_STATUSES.map((to): [CaseStatus, CaseStatus] => [from, to]),
);
const allowedPairs = pairs.filter(([from, to]) => EXPECTED[`${from}->${to}`] !== undefined);
const refusedPairs = pairs.filter(([from, to]) => EXPECTED[`${from}->${to}`] === undefined);

describe('transition(): the full status × status table', () => {
  it('has 64 pairs, 15 allowed', () => {
    expect(pairs).toHaveLength(64);
    expect(allowedPairs).toHaveLength(15);
    expect(refusedPairs).toHaveLength(49);
  });

  it.each(allowedPairs)('%s → %s is allowed for its roles', (from, to) => {
    const exp = EXPECTED[`${from}->${to}`] as Expected;
    for (const role of exp.roles) {
      const reason = exp.required?.[0];
      const result = transition({ status: from }, { to, reason, actor: actor(role) }, NOW);
      expect(result, `${role}`).toEqual({
        ok: true,
        from,
        to,
        ...(reason ? { reason } : {}),
        at: '2023-09-01T14:30:00.000Z',
      });
    }
  });

  it.each(allowedPairs)('%s → %s is refused to every other role', (from, to) => {
    const exp = EXPECTED[`${from}->${to}`] as Expected;
    for (const role of ROLES.filter((r) => !exp.roles.includes(r))) {
      const result = transition(
        { status: from },
        { to, reason: exp.required?.[0], actor: actor(role) },
        NOW,
      );
      expect(result.ok, role).toBe(false);
      expect(result).toMatchObject({ code: 'forbidden_role' });
    }
  });

  it.each(allowedPairs)('%s → %s accepts exactly its reasons', (from, to) => {
    const exp = EXPECTED[`${from}->${to}`] as Expected;
    const accepted = exp.required ?? exp.optional ?? [];
    for (const reason of TRANSITION_REASONS) {
      const result = transition({ status: from }, { to, reason, actor: actor(...ROLES) }, NOW);
      if (accepted.includes(reason)) {
        expect(result, reason).toMatchObject({ ok: true, reason });
      } else {
        expect(result, reason).toMatchObject({ ok: false, code: 'reason_not_allowed' });
      }
    }
    const withoutReason = transition({ status: from }, { to, actor: actor(...ROLES) }, NOW);
    if (exp.required) {
      expect(withoutReason).toMatchObject({
        ok: false,
        code: 'reason_required',
        allowedReasons: exp.required,
      });
    } else {
      expect(withoutReason).toMatchObject({ ok: true });
      expect(withoutReason).not.toHaveProperty('reason');
    }
  });

  it.each(refusedPairs)('%s → %s is never allowed, whatever the role or reason', (from, to) => {
    for (const reason of [undefined, ...TRANSITION_REASONS]) {
      const result = transition({ status: from }, { to, reason, actor: actor(...ROLES) }, NOW);
      expect(result).toMatchObject({ ok: false, code: 'transition_not_allowed' });
    }
  });

  it('never allows a same-state transition', () => {
    for (const status of CASE_STATUSES) {
      const result = transition({ status }, { to: status, actor: actor(...ROLES) }, NOW);
      expect(result).toMatchObject({ ok: false, code: 'transition_not_allowed' });
      expect(result.ok === false && result.message).toContain('already');
    }
  });
});

describe('transition(): specific refusals', () => {
  it('requires a reason to close without a finding, and lists the allowed ones', () => {
    const result = transition(
      { status: 'investigation' },
      { to: 'closed_no_finding', actor: actor('supervisor') },
      NOW,
    );
    expect(result).toEqual({
      ok: false,
      code: 'reason_required',
      message: expect.stringContaining('no_victim_or_witness_identified') as string,
      allowedReasons: NO_FINDING,
    });
  });

  it('refuses a referral reason on a no-finding closure', () => {
    const result = transition(
      { status: 'investigation' },
      { to: 'closed_no_finding', reason: 'outside_jurisdiction', actor: actor('supervisor') },
      NOW,
    );
    expect(result).toMatchObject({
      ok: false,
      code: 'reason_not_allowed',
      allowedReasons: NO_FINDING,
    });
  });

  it('refuses any reason where none is defined', () => {
    const result = transition(
      { status: 'intake' },
      { to: 'preliminary', reason: 'approved', actor: actor('intake') },
      NOW,
    );
    expect(result).toMatchObject({ ok: false, code: 'reason_not_allowed' });
    expect(result).not.toHaveProperty('allowedReasons');
  });

  it('lets only the chief administrator reopen, with new material evidence', () => {
    const bySupervisor = transition(
      { status: 'closed_no_finding' },
      { to: 'investigation', reason: 'new_material_evidence', actor: actor('supervisor') },
      NOW,
    );
    expect(bySupervisor).toMatchObject({ ok: false, code: 'forbidden_role' });
    const byChief = transition(
      { status: 'closed_no_finding' },
      { to: 'investigation', reason: 'new_material_evidence', actor: actor('chief_administrator') },
      NOW,
    );
    expect(byChief).toMatchObject({ ok: true, reason: 'new_material_evidence' });
  });

  it('checks the role before the reason', () => {
    const result = transition(
      { status: 'final' },
      { to: 'investigation', actor: actor('investigator') },
      NOW,
    );
    expect(result).toMatchObject({ ok: false, code: 'forbidden_role' });
  });

  it('refuses everything to analysts, auditors, admins and public information officers', () => {
    for (const role of ['analyst', 'auditor', 'admin', 'public_information'] as const) {
      for (const [from, to] of pairs) {
        const result = transition({ status: from }, { to, actor: actor(role) }, NOW);
        expect(result.ok).toBe(false);
      }
      for (const status of CASE_STATUSES) {
        expect(allowedTransitions(status, [role])).toEqual([]);
      }
    }
  });

  it('refuses a user with no roles', () => {
    const result = transition({ status: 'intake' }, { to: 'preliminary', actor: actor() }, NOW);
    expect(result).toMatchObject({ ok: false, code: 'forbidden_role' });
  });

  it('walks the acceptance story: intake → … → closed_no_finding → reopened', () => {
    const steps: Array<[CaseStatus, CaseStatus, Role, TransitionReason | undefined]> = [
      ['intake', 'preliminary', 'intake', undefined],
      ['preliminary', 'investigation', 'supervisor', 'preliminary_complete'],
      [
        'investigation',
        'closed_no_finding',
        'chief_administrator',
        'no_victim_or_witness_identified',
      ],
      ['closed_no_finding', 'investigation', 'chief_administrator', 'new_material_evidence'],
      ['investigation', 'review', 'investigator', 'investigation_complete'],
      ['review', 'investigation', 'supervisor', 'returned_for_further_investigation'],
      ['investigation', 'review', 'investigator', undefined],
      ['review', 'department_review', 'supervisor', 'approved'],
      ['department_review', 'final', 'chief_administrator', 'accepted'],
    ];
    for (const [from, to, role, reason] of steps) {
      expect(transition({ status: from }, { to, reason, actor: actor(role) }, NOW)).toMatchObject({
        ok: true,
        from,
        to,
      });
    }
  });
});

describe('TRANSITIONS and allowedTransitions()', () => {
  it('has at most one rule per (from, to) pair and no self-loops', () => {
    const seen = new Set<string>();
    for (const rule of TRANSITIONS) {
      for (const from of rule.from) {
        const key = `${from}->${rule.to}`;
        expect(seen.has(key), key).toBe(false);
        expect(from).not.toBe(rule.to);
        seen.add(key);
      }
      expect(rule.reasons !== undefined && rule.optionalReasons !== undefined).toBe(false);
    }
    expect([...seen].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it('finds rules by pair', () => {
    expect(findTransition('review', 'investigation')?.reasons).toEqual([
      'returned_for_further_investigation',
    ]);
    expect(findTransition('final', 'investigation')?.roles).toEqual(['chief_administrator']);
    expect(findTransition('final', 'closed_no_finding')).toBeUndefined();
    expect(findTransition('intake', 'intake')).toBeUndefined();
  });

  it('lists what an investigator may do from investigation', () => {
    expect(allowedTransitions('investigation', ['investigator'])).toEqual([
      { to: 'review', reasons: ['investigation_complete'], reasonRequired: false },
    ]);
  });

  it('lists what a supervisor may do from investigation', () => {
    expect(allowedTransitions('investigation', ['supervisor'])).toEqual([
      { to: 'review', reasons: ['investigation_complete'], reasonRequired: false },
      { to: 'closed_no_finding', reasons: NO_FINDING, reasonRequired: true },
      { to: 'closed_referred', reasons: REFERRAL, reasonRequired: true },
    ]);
  });

  it('lists reopening only for the chief administrator', () => {
    expect(allowedTransitions('final', ['supervisor'])).toEqual([]);
    expect(allowedTransitions('final', ['chief_administrator'])).toEqual([
      { to: 'investigation', reasons: ['new_material_evidence'], reasonRequired: true },
    ]);
  });

  it('agrees with transition() for every status and role', () => {
    for (const status of CASE_STATUSES) {
      for (const role of ROLES) {
        const listed = allowedTransitions(status, [role]).map((t) => t.to);
        const accepted = CASE_STATUSES.filter((to) => {
          const exp = EXPECTED[`${status}->${to}`];
          const reason = exp?.required?.[0];
          return transition({ status }, { to, reason, actor: actor(role) }, NOW).ok;
        });
        expect([...listed].sort(), `${status} as ${role}`).toEqual([...accepted].sort());
      }
    }
  });

  it('returns copies, so callers cannot change the rules', () => {
    const listed = allowedTransitions('intake', ['supervisor']);
    listed[1]?.reasons?.push('accepted');
    expect(findTransition('intake', 'closed_no_finding')?.reasons).toEqual(NO_FINDING);
  });
});

describe('closedOnAfter (issue 15 defect 4)', () => {
  const TZ = 'America/Chicago';

  it('dates a closing in the profile time zone: 23:30 on Dec 31 in Chicago is Dec 31, not Jan 1', () => {
    const at = new Date('2024-01-01T05:30:00Z'); // 2023-12-31 23:30 CST
    expect(closedOnAfter('investigation', 'closed_no_finding', at, TZ, null)).toBe('2023-12-31');
    // one hour later it is Jan 1 in Chicago too
    const later = new Date('2024-01-01T06:30:00Z');
    expect(closedOnAfter('investigation', 'closed_referred', later, TZ, null)).toBe('2024-01-01');
    expect(closedOnAfter('department_review', 'final', later, TZ, null)).toBe('2024-01-01');
  });

  it('clears the date on reopening and keeps it through any other change', () => {
    for (const from of CONCLUDED) {
      expect(closedOnAfter(from, 'investigation', NOW, TZ, '2023-01-02')).toBeNull();
    }
    expect(closedOnAfter('review', 'investigation', NOW, TZ, null)).toBeNull();
    expect(closedOnAfter('intake', 'preliminary', NOW, TZ, null)).toBeNull();
  });

  it('treats exactly the stage machine’s ways into and out of the concluded stages as closing and reopening', () => {
    for (const rule of TRANSITIONS) {
      for (const from of rule.from) {
        expect(isClosing(from, rule.to), `${from}->${rule.to}`).toBe(
          ['final', 'closed_no_finding', 'closed_referred'].includes(rule.to),
        );
        expect(isReopening(from, rule.to), `${from}->${rule.to}`).toBe(
          rule.reasons?.includes('new_material_evidence') ?? false,
        );
      }
    }
  });
});
