import type { Db, Queryable } from '../db/client.ts';
import type { JurisdictionProfile } from '../domain/profiles/profile.ts';
import type { Actor } from '../policies/actor.ts';
import { caseView, canOnCase, type CaseAction } from '../policies/case.policy.ts';
import { lockCase, type CaseWithFacts } from '../repositories/cases.repository.ts';
import type { FieldCipher } from '../security/encryption.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import type { AuditContext } from '../audit/audit.ts';

/** Explicit dependencies of every command: no base class, no hidden globals. */
export interface CommandDeps {
  db: Db;
  /** The clock; tests pass a fixed one. */
  now: () => Date;
  actor: Actor;
  ip: string | null;
  cipher: FieldCipher;
  profile: JurisdictionProfile;
  jurisdiction: string;
}

/** The audit context of a command running at `at`. */
export function auditContext(
  deps: Pick<CommandDeps, 'jurisdiction' | 'actor' | 'ip'>,
  at: Date,
): AuditContext {
  return { jurisdiction: deps.jurisdiction, actor: deps.actor, ip: deps.ip, at };
}

/**
 * The audit context of work no signed-in person does (a CLI run, the importer, a purge, a sign-in
 * attempt, a complaint from the public): the system is its actor; `ip` is the caller's address
 * where a request brought it.
 */
export function systemAuditContext(
  jurisdiction: string,
  at: Date,
  ip: string | null = null,
): AuditContext {
  return { jurisdiction, actor: 'system', ip, at };
}

/**
 * Locks the case and authorizes `action` on it inside the transaction. A case the actor may not
 * see is a 404 (indistinguishable from a missing one); a visible case the actor may not change is
 * a 403.
 */
export async function loadCaseForAction(
  tx: Queryable,
  deps: CommandDeps,
  logNumber: string,
  action: CaseAction,
): Promise<CaseWithFacts> {
  const found = await lockCase(tx, deps.jurisdiction, logNumber);
  if (!found || caseView(deps.actor, found.facts) === 'none') {
    throw new NotFoundError(`Case ${logNumber}`, 'case_not_found');
  }
  if (!canOnCase(deps.actor, action, found.facts)) {
    throw new ForbiddenError('forbidden', `Your role does not allow ${action} on this case.`);
  }
  return found;
}

/**
 * The frame of a command on one case: one transaction in which the case is locked and `action`
 * authorized on it (`loadCaseForAction`) before `body` applies the rule and writes with its audit.
 */
export function onCase<T>(
  deps: CommandDeps,
  logNumber: string,
  action: CaseAction,
  body: (tx: Queryable, found: CaseWithFacts) => Promise<T>,
): Promise<T> {
  return deps.db.transaction(async (tx) =>
    body(tx, await loadCaseForAction(tx, deps, logNumber, action)),
  );
}
