import crypto from 'node:crypto';
import { AuditAction, recordAudit } from '../audit/audit.ts';
import { CaseAction, canOnCase, caseView } from '../policies/case.policy.ts';
import { findCaseById } from '../repositories/cases.repository.ts';
import {
  answerPressInquiry,
  findPressInquiry,
  insertPressInquiry,
} from '../repositories/press-inquiries.repository.ts';
import { findStatement } from '../repositories/statements.repository.ts';
import { ForbiddenError, NotFoundError, UnprocessableError } from '../errors.ts';
import { auditContext, loadCaseForAction, type CommandDeps } from './context.ts';

/** Logs a press inquiry about a case. */
export async function logPressInquiry(
  deps: CommandDeps,
  input: { logNumber: string; outlet: string; question: string; receivedAt: string },
): Promise<{ pressInquiryId: string }> {
  return deps.db.transaction(async (tx) => {
    const { row } = await loadCaseForAction(tx, deps, input.logNumber, CaseAction.logPressInquiry);
    const now = deps.now();
    const id = crypto.randomUUID();
    await insertPressInquiry(tx, {
      id,
      jurisdiction: deps.jurisdiction,
      caseId: row.id,
      outlet: input.outlet,
      question: input.question,
      receivedAt: new Date(input.receivedAt),
      loggedAt: now,
      loggedBy: deps.actor.id,
    });
    await recordAudit(tx, auditContext(deps, now), {
      action: AuditAction.press_inquiry_logged,
      entityType: 'press_inquiry',
      entityId: id,
      caseId: row.id,
      changes: { outlet: input.outlet },
    });
    return { pressInquiryId: id };
  });
}

/** Answers a press inquiry with a published statement of the same case. */
export async function answerPressInquiryWithStatement(
  deps: CommandDeps,
  input: { pressInquiryId: string; statementId: string },
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const inquiry = await findPressInquiry(tx, deps.jurisdiction, input.pressInquiryId);
    const found = inquiry?.case_id
      ? await findCaseById(tx, deps.jurisdiction, inquiry.case_id)
      : undefined;
    if (!inquiry || !found || caseView(deps.actor, found.facts) === 'none') {
      throw new NotFoundError('Press inquiry', 'press_inquiry_not_found');
    }
    if (!canOnCase(deps.actor, CaseAction.logPressInquiry, found.facts)) {
      throw new ForbiddenError();
    }
    const statement = await findStatement(tx, deps.jurisdiction, input.statementId);
    if (!statement || statement.case_id !== inquiry.case_id) {
      throw new UnprocessableError(
        'unknown_statement',
        'The statement must belong to the same case.',
        [{ field: 'statementId', message: 'is not a statement on this case' }],
      );
    }
    if (statement.status !== 'published') {
      throw new UnprocessableError(
        'statement_not_published',
        'Only a published statement can answer the press.',
        [{ field: 'statementId', message: 'must be published first' }],
      );
    }
    const now = deps.now();
    await answerPressInquiry(tx, inquiry.id, statement.id, now, deps.actor.id);
    await recordAudit(tx, auditContext(deps, now), {
      action: AuditAction.press_inquiry_answered,
      entityType: 'press_inquiry',
      entityId: inquiry.id,
      caseId: inquiry.case_id,
      changes: { statementId: statement.id },
    });
  });
}
