import { AuditAction, recordAudit } from '../audit/audit.ts';
import { GlobalAction, requireGlobally } from '../policies/global-grants.ts';
import { CaseAction, canOnCase, caseView } from '../policies/case.policy.ts';
import type { Queryable } from '../db/client.ts';
import { reviewRefusal } from '../domain/review.ts';
import { publicationRefusal, translationRefusal } from '../domain/statements.ts';
import { findCaseById, findCasesByIds } from '../repositories/cases.repository.ts';
import {
  findStatement,
  listOfficeStatements,
  markPublished,
  markReviewed,
  type StatementRow,
} from '../repositories/statements.repository.ts';
import { ConflictError, ForbiddenError, NotFoundError, UnprocessableError } from '../errors.ts';
import { createAudited, Created } from './audited.ts';
import { auditContext, loadCaseForAction, type CommandDeps } from './context.ts';

/** A translationOf that names no statement the actor may translate: never says which. */
function unknownOriginal(): UnprocessableError {
  return new UnprocessableError(
    'unknown_statement',
    'translationOf must name a statement about the same cases.',
    [{ field: 'translationOf', message: 'is not a statement about these cases' }],
  );
}

const PUBLISHERS_ONLY =
  'Only public-information officers and chief administrators publish statements.';

/**
 * Authorizes speaking about an existing statement: every case it is about must be one the actor
 * sees (else `hidden()`, indistinguishable from a missing statement) and speaks for (the case
 * table's draft-statement grant); an office-wide statement needs the global grant.
 */
async function authorizeStatement(
  tx: Queryable,
  deps: CommandDeps,
  statement: StatementRow,
  hidden: () => Error,
): Promise<void> {
  if (statement.case_ids.length === 0) {
    requireGlobally(deps.actor, GlobalAction.publishGeneralStatement, PUBLISHERS_ONLY);
    return;
  }
  const cases = [];
  for (const caseId of statement.case_ids) {
    const found = await findCaseById(tx, deps.jurisdiction, caseId);
    if (!found || caseView(deps.actor, found.facts) === 'none') {
      throw hidden();
    }
    cases.push(found);
  }
  if (cases.some((c) => !canOnCase(deps.actor, CaseAction.draftStatement, c.facts))) {
    throw new ForbiddenError('forbidden', PUBLISHERS_ONLY);
  }
}

const statementNotFound = () => new NotFoundError('Statement', 'statement_not_found');

/**
 * Drafts one language version of a public statement about zero, one or several cases (none: an
 * office-wide statement). A translation names its original and is about the same cases.
 */
export async function draftStatement(
  deps: CommandDeps,
  input: {
    logNumbers: readonly string[];
    text: string;
    language: string;
    translationOf?: string | undefined;
  },
): Promise<{ statementId: string }> {
  return deps.db.transaction(async (tx) => {
    // locked in log-number order, so two drafts naming the same cases never deadlock
    const logNumbers = [...new Set(input.logNumbers)].sort();
    const cases = [];
    for (const logNumber of logNumbers) {
      cases.push(await loadCaseForAction(tx, deps, logNumber, CaseAction.draftStatement));
    }
    let caseIds = cases.map((c) => c.row.id);
    if (input.translationOf) {
      const original = await findStatement(tx, deps.jurisdiction, input.translationOf, true);
      if (!original || caseIds.some((id) => !original.case_ids.includes(id))) {
        throw unknownOriginal();
      }
      await authorizeStatement(tx, deps, original, unknownOriginal);
      const refused = translationRefusal(
        {
          language: original.language,
          translationOf: original.translation_of,
          translationId: original.translation_id,
        },
        input.language,
      );
      if (refused) {
        throw refused.code === 'translation_exists'
          ? new ConflictError(refused.code, refused.message)
          : new UnprocessableError(refused.code, refused.message, [
              { field: 'translationOf', message: refused.message },
            ]);
      }
      caseIds = original.case_ids;
    } else if (caseIds.length === 0) {
      requireGlobally(deps.actor, GlobalAction.publishGeneralStatement, PUBLISHERS_ONLY);
    }
    const { id } = await createAudited(tx, deps, deps.now(), Created.statement, {
      caseIds,
      language: input.language,
      text: input.text,
      translationOf: input.translationOf ?? null,
    });
    return { statementId: id };
  });
}

/**
 * Records a second person's review of one language version (issue 22 item 2): the reviewer holds
 * the review grant, speaks for the statement's cases, and is not its author (domain/review.ts).
 */
export async function reviewStatement(
  deps: CommandDeps,
  statementId: string,
): Promise<{ statementId: string }> {
  return deps.db.transaction(async (tx) => {
    const statement = await findStatement(tx, deps.jurisdiction, statementId, true);
    if (!statement) {
      throw statementNotFound();
    }
    await authorizeStatement(tx, deps, statement, statementNotFound);
    requireGlobally(
      deps.actor,
      GlobalAction.reviewStatement,
      'Only public-information officers and chief administrators review statements.',
    );
    const refused = reviewRefusal(statement.created_by, deps.actor.id);
    if (refused) {
      throw new ForbiddenError('reviewer_is_author', refused);
    }
    if (statement.status !== 'draft') {
      throw new ConflictError('already_reviewed', 'This statement is already reviewed.');
    }
    const now = deps.now();
    await markReviewed(tx, statement.id, now, deps.actor.id);
    await recordAudit(tx, auditContext(deps, now), {
      action: AuditAction.statement_reviewed,
      entityType: 'statement',
      entityId: statement.id,
      caseId: statement.case_ids[0] ?? null,
      changes: { language: statement.language, author: statement.created_by },
    });
    return { statementId: statement.id };
  });
}

/**
 * Publishes a statement with its translation, together and at one time, by a public-information
 * officer or a chief administrator who speaks for its cases (PRODUCT.md §3): refused, with nothing
 * published, while a language is missing or a version is unreviewed (domain/statements.ts).
 */
export async function publishStatement(
  deps: CommandDeps,
  statementId: string,
): Promise<{ statementId: string; published: string[] }> {
  return deps.db.transaction(async (tx) => {
    const asked = await findStatement(tx, deps.jurisdiction, statementId);
    if (!asked) {
      throw statementNotFound();
    }
    // both versions locked in id order, whichever was asked for: two publications of one pair
    // queue instead of deadlocking
    const ids = [asked.id, ...(asked.translation_id ? [asked.translation_id] : [])].sort();
    const versions: StatementRow[] = [];
    for (const id of ids) {
      const locked = await findStatement(tx, deps.jurisdiction, id, true);
      if (locked) {
        versions.push(locked);
      }
    }
    const statement = versions.find((v) => v.id === asked.id) ?? asked;
    await authorizeStatement(tx, deps, statement, statementNotFound);
    const refused = publicationRefusal(versions);
    if (refused) {
      throw refused.code === 'already_published'
        ? new ConflictError(refused.code, refused.message)
        : new UnprocessableError(refused.code, refused.message);
    }
    const now = deps.now();
    const publish = versions.filter((v) => v.status !== 'published');
    await markPublished(
      tx,
      publish.map((v) => v.id),
      now,
      deps.actor.id,
    );
    for (const v of publish) {
      await recordAudit(tx, auditContext(deps, now), {
        action: AuditAction.statement_published,
        entityType: 'statement',
        entityId: v.id,
        caseId: v.case_ids[0] ?? null,
        changes: { language: v.language },
      });
    }
    return { statementId: statement.id, published: publish.map((v) => v.id) };
  });
}

/** The office's statements the actor may see, newest first (the public-information page). */
export async function readOfficeStatements(deps: CommandDeps): Promise<StatementRow[]> {
  requireGlobally(deps.actor, GlobalAction.reviewStatement);
  const rows = await listOfficeStatements(deps.db, deps.jurisdiction, 200);
  // every case the statements name, read with its access facts in one statement
  const named = await findCasesByIds(deps.db, deps.jurisdiction, [
    ...new Set(rows.flatMap((row) => row.case_ids)),
  ]);
  const visible = new Set(
    named.filter((c) => caseView(deps.actor, c.facts) !== 'none').map((c) => c.row.id),
  );
  // a statement is listed only when the actor may see every case it is about
  return rows.filter((row) => row.case_ids.every((id) => visible.has(id)));
}
