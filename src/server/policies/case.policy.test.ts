import { describe, expect, it } from 'vitest';
import { CASE_STATUSES, ROLES, type Agency, type Role } from '../../shared/enums.ts';
import { findTransition } from '../domain/transition.ts';
import type { Actor } from './actor.ts';
import { CASE_GRANTS } from './authorization.ts';
import { GLOBAL_GRANTS, GlobalAction } from './global-grants.ts';
import {
  CaseAction,
  canBreakGlass,
  canOnCase,
  caseAbilities,
  caseScope,
  caseView,
  type CaseAccessFacts,
} from './case.policy.ts';

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
  conflictedUserIds: [],
  glassUserIds: [],
  ...over,
});
/**
 * The actions canOnCase answers for a visible case in investigation (break-the-glass is asked of
 * invisible ones; a narrative is reviewed only once concluded, tested on its own below).
 */
const ACTIONS = Object.values(CaseAction).filter(
  (a) =>
    a !== CaseAction.breakGlass &&
    a !== CaseAction.readPublicFields &&
    a !== CaseAction.reviewNarrative,
);

describe('canOnCase: reviewing a narrative for publication (issue 17 item 5)', () => {
  const concluded = facts({ status: 'closed_no_finding' });
  it('public information and chief administrators, on a concluded unrestricted case', () => {
    const allowed = ROLES.filter((r) =>
      canOnCase(actor([r]), CaseAction.reviewNarrative, concluded),
    );
    expect(allowed.sort()).toEqual(['chief_administrator', 'public_information']);
  });
  it('not while open, nor on a restricted case (its narrative is never published)', () => {
    const pio = actor(['public_information']);
    expect(canOnCase(pio, CaseAction.reviewNarrative, facts())).toBe(false);
    expect(
      canOnCase(pio, CaseAction.reviewNarrative, facts({ status: 'final', restricted: true })),
    ).toBe(false);
    expect(canOnCase(pio, CaseAction.reviewNarrative, facts({ status: 'final' }))).toBe(true);
  });
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
  // expected allow-lists for an unrestricted COPA case in investigation, actor in COPA, not assigned.
  // case.transition is role and visibility only: intake may ask, transition() says no from here.
  const expected: Record<Role, CaseAction[]> = {
    intake: [CaseAction.read, CaseAction.addParty, CaseAction.transition, CaseAction.correctFacts],
    investigator: [CaseAction.read],
    supervisor: [
      CaseAction.read,
      CaseAction.readIdentity,
      CaseAction.transition,
      CaseAction.correctFacts,
      CaseAction.addParty,
      CaseAction.assign,
      CaseAction.addAllegation,
      CaseAction.recordRecommendedFinding,
      CaseAction.addAgency,
      CaseAction.logActivity,
      CaseAction.completeDeadline,
      CaseAction.extendDeadline,
      CaseAction.acceptRerouting,
      // the lead agency's managers write, approve and send the letters (ADR 0033)
      CaseAction.draftLetter,
      CaseAction.approveLetter,
      CaseAction.sendLetter,
    ],
    chief_administrator: ACTIONS,
    public_information: [CaseAction.read, CaseAction.draftStatement, CaseAction.logPressInquiry],
    analyst: [],
    auditor: [CaseAction.read],
    admin: [],
  };
  for (const role of ROLES) {
    it(`${role}`, () => {
      const allowed = ACTIONS.filter((a) => canOnCase(actor([role]), a, facts()));
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
      CaseAction.completeDeadline,
      CaseAction.draftLetter,
      CaseAction.sendLetter,
    ]) {
      expect(canOnCase(a, action, f)).toBe(true);
    }
    for (const action of [
      CaseAction.recordFinalFinding,
      // what the office signs, a manager approves (ADR 0033)
      CaseAction.approveLetter,
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

describe('the parallel agency works its track; the lead agency runs the case', () => {
  // a COPA-led case in investigation with a BIA parallel track; actors in BIA
  const parallel = facts({ agencies: ['COPA', 'BIA'] });
  const LEAD_ONLY: CaseAction[] = [
    CaseAction.transition,
    CaseAction.correctFacts,
    CaseAction.completeDeadline,
    CaseAction.extendDeadline,
    CaseAction.addAgency,
    CaseAction.recordFinalFinding,
    // the letters answer the lead agency's clocks (ADR 0007, 0033)
    CaseAction.draftLetter,
    CaseAction.approveLetter,
    CaseAction.sendLetter,
  ];
  const table: Array<[string, Actor, CaseAction[]]> = [
    [
      'BIA supervisor',
      actor(['supervisor'], 'BIA'),
      [
        CaseAction.read,
        CaseAction.readIdentity,
        CaseAction.addParty,
        CaseAction.assign,
        CaseAction.addAllegation,
        CaseAction.logActivity,
        CaseAction.recordRecommendedFinding,
        CaseAction.decideDutyStatus,
        // both agencies' managers decide on setting a joint determination aside (b-5)
        CaseAction.acceptRerouting,
      ],
    ],
    [
      'BIA chief administrator',
      actor(['chief_administrator'], 'BIA'),
      ACTIONS.filter((a) => !LEAD_ONLY.includes(a)),
    ],
    ['BIA intake', actor(['intake'], 'BIA'), [CaseAction.read, CaseAction.addParty]],
    ['BIA investigator, unassigned', actor(['investigator'], 'BIA'), [CaseAction.read]],
    [
      'BIA investigator, assigned',
      actor(['investigator'], 'BIA', 'u-assigned'),
      [
        CaseAction.read,
        CaseAction.readIdentity,
        CaseAction.addParty,
        CaseAction.addAllegation,
        CaseAction.logActivity,
        CaseAction.recordRecommendedFinding,
      ],
    ],
  ];
  it.each(table)('%s', (_label, a, allowed) => {
    const f = {
      ...parallel,
      assignments: [{ userId: 'u-assigned', role: 'investigator' as const }],
    };
    const got = ACTIONS.filter((x) => canOnCase(a, x, f));
    expect(got.sort()).toEqual([...allowed].sort());
    expect(caseAbilities(a, f).transitions).toEqual([]);
  });

  it('the same roles of the lead agency keep the lead-only actions', () => {
    for (const role of ['supervisor', 'chief_administrator'] as const) {
      const a = actor([role], 'COPA');
      for (const action of LEAD_ONLY) {
        expect(canOnCase(a, action, parallel), `${role} ${action}`).toBe(
          action !== CaseAction.recordFinalFinding || role === 'chief_administrator',
        );
      }
    }
  });

  it('lead means the lead agency, whichever it is', () => {
    const biaLed = facts({ leadAgency: 'BIA', agencies: ['BIA', 'COPA'] });
    for (const action of LEAD_ONLY) {
      expect(canOnCase(actor(['chief_administrator'], 'COPA'), action, biaLed)).toBe(false);
      expect(canOnCase(actor(['chief_administrator'], 'BIA'), action, biaLed)).toBe(true);
    }
  });
});

describe("case.transition asks about role and visibility; the stage is transition()'s question", () => {
  for (const status of CASE_STATUSES) {
    it(`from ${status}`, () => {
      const f = facts({ status });
      const chief = actor(['chief_administrator']);
      // allowed to ask in every stage, so a stale or lost request meets transition()'s 409
      expect(canOnCase(chief, CaseAction.transition, f)).toBe(true);
      // announced in abilities only when some move is open from this stage
      const anyTarget = CASE_STATUSES.some((to) =>
        findTransition(status, to)?.roles.includes('chief_administrator'),
      );
      const abilities = caseAbilities(chief, f);
      expect(abilities.actions.includes(CaseAction.transition)).toBe(anyTarget);
      expect(abilities.transitions.length > 0).toBe(anyTarget);
    });
  }

  it.each([
    ['intake', 'intake', true],
    ['intake', 'investigation', false],
    ['investigator', 'investigation', false],
    ['public_information', 'intake', false],
    ['auditor', 'intake', false],
  ] as const)('%s in %s: abilities announce a transition → %s', (role, status, announced) => {
    const abilities = caseAbilities(
      actor([role], role === 'auditor' ? 'OIG' : 'COPA'),
      facts({ status }),
    );
    expect(abilities.actions.includes(CaseAction.transition)).toBe(announced);
    expect(abilities.transitions.length > 0).toBe(announced);
  });

  it('roles no transition rule names may not ask at all', () => {
    for (const role of ['public_information', 'analyst', 'auditor', 'admin'] as const) {
      expect(canOnCase(actor([role]), CaseAction.transition, facts({ status: 'intake' }))).toBe(
        false,
      );
    }
  });
});

describe('caseScope mirrors caseView for lists', () => {
  it('auditor all, analyst none, staff by agency', () => {
    expect(caseScope(actor(['auditor'], 'OIG'))).toEqual({ kind: 'all', userId: 'u-1' });
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

  it('with content, leaves out the cases a reader sees as public fields only', () => {
    const pio = actor(['public_information']);
    expect(caseView(pio, facts({ restricted: true }))).toBe('public_fields');
    expect(caseScope(pio)).toMatchObject({ unrestricted: true, restricted: true });
    expect(caseScope(pio, { content: true })).toMatchObject({
      unrestricted: true,
      restricted: false,
    });
    for (const role of ['supervisor', 'chief_administrator'] as const) {
      expect(caseScope(actor([role]), { content: true })).toEqual(caseScope(actor([role])));
    }
    expect(caseScope(actor(['auditor'], 'OIG'), { content: true })).toEqual({
      kind: 'all',
      userId: 'u-1',
    });
  });
});

describe('correcting intake facts (issue 15)', () => {
  it('is for exactly the roles that register cases', () => {
    const correctors = [
      ...new Set(
        CASE_GRANTS.filter((g) => g.action === CaseAction.correctFacts).flatMap((g) => g.roles),
      ),
    ];
    expect(correctors.sort()).toEqual([...GLOBAL_GRANTS[GlobalAction.fileCase].roles].sort());
  });

  it('intake corrects the cases it can see; managers also need-to-know ones; in every stage', () => {
    for (const status of CASE_STATUSES) {
      expect(canOnCase(actor(['intake']), CaseAction.correctFacts, facts({ status }))).toBe(true);
      expect(
        canOnCase(
          actor(['supervisor']),
          CaseAction.correctFacts,
          facts({ status, restricted: true }),
        ),
      ).toBe(true);
    }
    const restricted = facts({ restricted: true });
    expect(caseView(actor(['intake']), restricted)).toBe('none');
    expect(canOnCase(actor(['intake']), CaseAction.correctFacts, restricted)).toBe(false);
    // assigned to a restricted case, intake reads it but corrects it through a manager
    const a = actor(['intake']);
    const assigned = facts({
      restricted: true,
      assignments: [{ userId: a.id, role: 'investigator' }],
    });
    expect(caseView(a, assigned)).toBe('full');
    expect(canOnCase(a, CaseAction.correctFacts, assigned)).toBe(false);
  });

  it('is not an investigator’s, assigned or not', () => {
    const a = actor(['investigator']);
    const f = facts({ assignments: [{ userId: a.id, role: 'lead_investigator' }] });
    expect(canOnCase(a, CaseAction.correctFacts, f)).toBe(false);
    expect(caseAbilities(a, f).actions).not.toContain(CaseAction.correctFacts);
    expect(caseAbilities(actor(['intake']), facts()).actions).toContain(CaseAction.correctFacts);
  });
});

describe('the authorization table itself', () => {
  it('every row names its basis and at least one role', () => {
    for (const g of CASE_GRANTS) {
      expect(g.basis.length, g.action).toBeGreaterThan(10);
      expect(g.roles.length, g.action).toBeGreaterThan(0);
    }
  });

  it('read rows hold in every state, so caseScope (which has no state) mirrors caseView', () => {
    for (const g of CASE_GRANTS.filter(
      (x) => x.action === CaseAction.read || x.action === CaseAction.readPublicFields,
    )) {
      expect([...g.states].sort()).toEqual([...CASE_STATUSES].sort());
      expect(g.agency).not.toBe('lead');
    }
  });
});

describe('conflict of interest overrides every row', () => {
  const conflicted = (over: Partial<CaseAccessFacts> = {}) =>
    facts({ conflictedUserIds: ['u-1'], ...over });

  it.each(ROLES)('%s with a recorded relation to an accused member sees nothing', (role) => {
    const a = actor([role], role === 'auditor' ? 'OIG' : 'COPA');
    expect(caseView(a, conflicted())).toBe('none');
    expect(
      caseView(a, conflicted({ assignments: [{ userId: 'u-1', role: 'investigator' }] })),
    ).toBe('none');
    for (const action of ACTIONS) {
      expect(canOnCase(a, action, conflicted())).toBe(false);
    }
    expect(canBreakGlass(a, conflicted({ restricted: true }))).toBe(false);
  });

  it('someone else’s conflict changes nothing for the actor', () => {
    expect(caseView(actor(['supervisor']), facts({ conflictedUserIds: ['u-2'] }))).toBe('full');
  });
});

describe('break-the-glass', () => {
  const restricted = facts({ restricted: true });

  it('case workers outside the team may ask; those who already see it, or no agency on it, not', () => {
    expect(canBreakGlass(actor(['investigator']), restricted)).toBe(true);
    expect(canBreakGlass(actor(['intake']), restricted)).toBe(true);
    expect(canBreakGlass(actor(['supervisor']), restricted)).toBe(false);
    expect(canBreakGlass(actor(['investigator'], 'BIA'), restricted)).toBe(false);
    expect(canBreakGlass(actor(['public_information']), restricted)).toBe(false);
    expect(canBreakGlass(actor(['analyst']), restricted)).toBe(false);
    expect(canBreakGlass(actor(['investigator']), facts())).toBe(false);
  });

  it('an active grant gives a full read with identities, and nothing to change', () => {
    const a = actor(['investigator']);
    const f = facts({ restricted: true, glassUserIds: [a.id] });
    expect(caseView(a, restricted)).toBe('none');
    expect(caseView(a, f)).toBe('full');
    expect(ACTIONS.filter((x) => canOnCase(a, x, f)).sort()).toEqual(
      [CaseAction.read, CaseAction.readIdentity].sort(),
    );
    expect(caseScope(a)).toMatchObject({ glass: true, assigned: true, restricted: false });
  });
});
