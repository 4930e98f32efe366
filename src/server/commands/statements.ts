import crypto from 'node:crypto';
import { AuditAction, recordAudit } from '../audit/audit.ts';
import { GlobalAction, requireGlobally } from '../policies/authorization.ts';
import { CaseAction, canOnCase, caseView } from '../policies/case.policy.ts';
import { findCase } from '../repositories/cases.repository.ts';
import {
  findStatement,
  insertStatement,
  markPublished,
} from '../repositories/statements.repository.ts';
import { ConflictError, ForbiddenError, NotFoundError, UnprocessableError } from '../errors.ts';
import { auditContext, loadCaseForAction, type CommandDeps } from './context.ts';

/** Drafts a public statement on a case, in one language; a translation names its original. */
export async function draftStatement(
  deps: CommandDeps,
  input: {
    logNumber: string;
    text: string;
    language: string;
    translationOf?: string | undefined;
    humanReviewed: boolean;
  },
): Promise<{ statementId: string }> {
  return deps.db.transaction(async (tx) => {
    const { row } = await loadCaseForAction(tx, deps, input.logNumber, CaseAction.draftStatement);
    if (input.translationOf) {
      const original = await findStatement(tx, deps.jurisdiction, input.translationOf);
      if (!original || original.case_id !== row.id) {
        throw new UnprocessableError(
          'unknown_statement',
          'translationOf must name a statement on this case.',
          [{ field: 'translationOf', message: 'is not a statement on this case' }],
        );
      }
    }
    const now = deps.now();
    const id = crypto.randomUUID();
    await insertStatement(tx, {
      id,
      jurisdiction: deps.jurisdiction,
      caseId: row.id,
      language: input.language,
      text: input.text,
      humanReviewed: input.humanReviewed,
      translationOf: input.translationOf ?? null,
      createdAt: now,
      createdBy: deps.actor.id,
    });
    await recordAudit(tx, auditContext(deps, now), {
      action: AuditAction.statement_drafted,
      entityType: 'statement',
      entityId: id,
      caseId: row.id,
      changes: { language: input.language, translationOf: input.translationOf ?? null },
    });
    return { statementId: id };
  });
}

const PUBLISHERS_ONLY =
  'Only public-information officers and chief administrators publish statements.';

/**
 * Publishes a statement: publishing is the approval, by a public-information officer or a chief
 * administrator of an agency on the case (PRODUCT.md §3).
 */
export async function publishStatement(
  deps: CommandDeps,
  statementId: string,
): Promise<{ statementId: string; logNumber: string | null }> {
  return deps.db.transaction(async (tx) => {
    const statement = await findStatement(tx, deps.jurisdiction, statementId, true);
    if (!statement) {
      throw new NotFoundError('Statement', 'statement_not_found');
    }
    if (statement.log_number) {
      const found = await findCase(tx, deps.jurisdiction, statement.log_number);
      if (!found || caseView(deps.actor, found.facts) === 'none') {
        throw new NotFoundError('Statement', 'statement_not_found');
      }
      if (!canOnCase(deps.actor, CaseAction.draftStatement, found.facts)) {
        throw new ForbiddenError('forbidden', PUBLISHERS_ONLY);
      }
    } else {
      requireGlobally(deps.actor, GlobalAction.publishGeneralStatement, PUBLISHERS_ONLY);
    }
    if (statement.status === 'published') {
      throw new ConflictError('already_published', 'This statement is already published.');
    }
    const now = deps.now();
    await markPublished(tx, statement.id, now, deps.actor.id);
    await recordAudit(tx, auditContext(deps, now), {
      action: AuditAction.statement_published,
      entityType: 'statement',
      entityId: statement.id,
      caseId: statement.case_id,
      changes: { language: statement.language },
    });
    return { statementId: statement.id, logNumber: statement.log_number };
  });
}
