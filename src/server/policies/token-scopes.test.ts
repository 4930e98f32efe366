import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CASE_STATUSES,
  ROLES,
  TOKEN_SCOPES,
  type Role,
  type TokenScope,
} from '../../shared/enums.ts';
import type { Actor } from './actor.ts';
import { CASE_ACTION_SCOPES } from './authorization.ts';
import { allowedGlobally, GLOBAL_GRANTS, GlobalAction } from './global-grants.ts';

const GLOBAL_SCOPES = Object.values(GLOBAL_GRANTS).map((g) => g.scope);
import { TokenScopeError } from './token-scope.ts';
import { CaseAction, caseAbilities, canOnCase, caseScope, caseView } from './case.policy.ts';
import type { CaseAccessFacts } from './case.policy.ts';

const actor = (roles: Role[], scopes?: TokenScope[]): Actor => ({
  id: 'u-1',
  email: 'u-1@x',
  displayName: 'u-1',
  agency: 'COPA',
  roles,
  ...(scopes ? { scopes } : {}),
});

/** Runs `fn`; a scope refusal counts as "no". */
function permits(fn: () => boolean): boolean {
  try {
    return fn();
  } catch (err) {
    if (err instanceof TokenScopeError) {
      return false;
    }
    throw err;
  }
}

const arbFacts = fc.record<CaseAccessFacts>({
  status: fc.constantFrom(...CASE_STATUSES),
  restricted: fc.boolean(),
  leadAgency: fc.constantFrom('COPA', 'BIA'),
  agencies: fc.subarray(['COPA', 'BIA']),
  assignments: fc.constantFrom([], [{ userId: 'u-1', role: 'investigator' as const }]),
  conflictedUserIds: fc.constantFrom([], ['u-1']),
  glassUserIds: fc.constantFrom([], ['u-1']),
});
const arbRoles = fc.subarray([...ROLES], { minLength: 1 });
const arbScopes = fc.subarray([...TOKEN_SCOPES]);

describe('token scopes (ADR 0016)', () => {
  it('every action of the table belongs to a scope of the vocabulary', () => {
    for (const s of [...Object.values(CASE_ACTION_SCOPES), ...GLOBAL_SCOPES]) {
      expect(TOKEN_SCOPES).toContain(s);
    }
    // and every scope is used by some action
    const used = new Set([...Object.values(CASE_ACTION_SCOPES), ...GLOBAL_SCOPES]);
    expect([...used].sort()).toEqual([...TOKEN_SCOPES].sort());
  });

  it('a token never does more than its roles: case actions, any facts, any scopes', () => {
    fc.assert(
      fc.property(arbRoles, arbScopes, arbFacts, (roles, scopes, facts) => {
        const session = actor(roles);
        const token = actor(roles, scopes);
        for (const action of Object.values(CaseAction)) {
          if (permits(() => canOnCase(token, action, facts))) {
            expect(canOnCase(session, action, facts)).toBe(true);
            expect(scopes).toContain(CASE_ACTION_SCOPES[action]);
          }
        }
        // the abilities a token announces are a subset of the session's
        const viewable = permits(() => caseView(token, facts) !== 'none');
        if (viewable) {
          const mine = caseAbilities(token, facts).actions;
          const all = caseAbilities(session, facts).actions;
          expect(all).toEqual(expect.arrayContaining(mine));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('a token never does more than its roles: global actions', () => {
    fc.assert(
      fc.property(arbRoles, arbScopes, (roles, scopes) => {
        for (const action of Object.values(GlobalAction)) {
          const byToken = permits(() => allowedGlobally({ roles, scopes }, action));
          const byRoles = allowedGlobally({ roles }, action);
          expect(byToken).toBe(byRoles && scopes.includes(GLOBAL_GRANTS[action].scope));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('refuses with token_scope_insufficient only what the roles would allow', () => {
    expect(() =>
      allowedGlobally({ roles: ['auditor'], scopes: ['cases:read'] }, GlobalAction.readAudit),
    ).toThrow(TokenScopeError);
    expect(
      allowedGlobally({ roles: ['analyst'], scopes: ['audit:read'] }, GlobalAction.readAudit),
    ).toBe(false);
  });

  it('a token without cases:read lists no case', () => {
    expect(caseScope(actor(['chief_administrator'], ['roster:read']))).toEqual({ kind: 'none' });
    expect(caseScope(actor(['chief_administrator'], ['cases:read'])).kind).not.toBe('none');
  });
});
