import { AuditAction, recordAudit } from '../audit/audit.ts';
import type { Queryable } from '../db/client.ts';
import { quotedRestrictedDetail, type AnswerGuard } from '../domain/press-answer.ts';
import { reviewRefusal } from '../domain/review.ts';
import {
  GlobalAction,
  allowedGlobally,
  mayGlobally,
  requireGlobally,
} from '../policies/global-grants.ts';
import { CaseAction, canOnCase, caseScope, caseView } from '../policies/case.policy.ts';
import { findCaseById, type CaseWithFacts } from '../repositories/cases.repository.ts';
import { recordedFullName } from '../redaction/names.ts';
import {
  accusedMembers,
  listOfficePressInquiries,
  lockPressInquiry,
  recordAnswerStep,
  type AnswerStep,
  type PressInquiryRow,
  type PressInquiryState,
} from '../repositories/press-inquiries.repository.ts';
import { findStatement } from '../repositories/statements.repository.ts';
import { ConflictError, ForbiddenError, NotFoundError, UnprocessableError } from '../errors.ts';
import { createAudited, Created } from './audited.ts';
import { auditContext, loadCaseForAction, type CommandDeps } from './context.ts';
import { knownIdentities } from './read-public.ts';

const SPEAKERS_ONLY =
  'Only public-information officers and chief administrators log and answer press inquiries.';

/**
 * Logs a press inquiry about no case, one or several (issue 22 item 3). Each linked case is
 * checked as logging on that case is (404 unseen, 403 not the actor's to speak about).
 */
export async function logPressInquiry(
  deps: CommandDeps,
  input: {
    logNumbers: readonly string[];
    outlet: string;
    reporter?: string | undefined;
    question: string;
    receivedAt: string;
    respondBy?: string | undefined;
  },
): Promise<{ pressInquiryId: string }> {
  return deps.db.transaction(async (tx) => {
    const cases: CaseWithFacts[] = [];
    for (const logNumber of new Set(input.logNumbers)) {
      cases.push(await loadCaseForAction(tx, deps, logNumber, CaseAction.logPressInquiry));
    }
    requireGlobally(deps.actor, GlobalAction.logPressInquiry, SPEAKERS_ONLY);
    const receivedAt = new Date(input.receivedAt);
    const respondBy = input.respondBy ? new Date(input.respondBy) : null;
    if (respondBy && respondBy < receivedAt) {
      throw new UnprocessableError(
        'respond_by_before_received',
        'The committed deadline cannot be before the inquiry was received.',
        [{ field: 'respondBy', message: 'is before receivedAt' }],
      );
    }
    const { id } = await createAudited(
      tx,
      deps,
      deps.now(),
      Created.pressInquiry,
      {
        caseIds: cases.map((c) => c.row.id),
        outlet: input.outlet,
        reporter: input.reporter ?? null,
        question: input.question,
        receivedAt,
        respondBy,
      },
      cases.length > 0 ? { changes: { logNumbers: cases.map((c) => c.row.log_number) } } : {},
    );
    return { pressInquiryId: id };
  });
}

/**
 * Locks the inquiry and loads its linked cases. An inquiry about a case the actor may not see is
 * a 404, as the case would be; then `action` globally, and speaking about each case, or a 403.
 */
async function loadInquiryForAction(
  tx: Queryable,
  deps: CommandDeps,
  id: string,
  action: GlobalAction,
): Promise<{ inquiry: PressInquiryState; cases: CaseWithFacts[] }> {
  const inquiry = await lockPressInquiry(tx, deps.jurisdiction, id);
  const cases: CaseWithFacts[] = [];
  for (const caseId of inquiry?.case_ids ?? []) {
    const found = await findCaseById(tx, deps.jurisdiction, caseId);
    if (!found || caseView(deps.actor, found.facts) === 'none') {
      throw new NotFoundError('Press inquiry', 'press_inquiry_not_found');
    }
    cases.push(found);
  }
  if (!inquiry) {
    throw new NotFoundError('Press inquiry', 'press_inquiry_not_found');
  }
  if (
    !cases.every((c) => canOnCase(deps.actor, CaseAction.logPressInquiry, c.facts)) ||
    !allowedGlobally(deps.actor, action)
  ) {
    throw new ForbiddenError('forbidden', SPEAKERS_ONLY);
  }
  if (inquiry.answered_at) {
    throw new ConflictError('already_answered', 'This press inquiry is already answered.');
  }
  return { inquiry, cases };
}

/**
 * Refuses a free-text answer that quotes a linked case's restricted details (domain/
 * press-answer.ts). The case's identities are decrypted in memory only, for the comparison.
 */
async function refuseRestrictedQuote(
  tx: Queryable,
  deps: CommandDeps,
  text: string,
  cases: readonly CaseWithFacts[],
): Promise<void> {
  const guards: AnswerGuard[] = [];
  for (const { row } of cases) {
    const known = await knownIdentities({ db: tx, cipher: deps.cipher }, row.id);
    const accused = await accusedMembers(tx, row.id);
    guards.push({
      logNumber: row.log_number,
      restricted: row.restricted,
      civilianNames: known.names,
      civilianValues: [...known.otherValues, ...known.shelterLocations],
      recordNames: [
        ...known.recordNames,
        ...accused
          .map((m) => recordedFullName(m.first_name, m.last_name))
          .filter((n): n is string => n !== null),
      ],
      stars: accused.map((m) => m.star).filter((s): s is string => s !== null),
      incidentAddress: row.incident_address,
      narrative: row.narrative,
    });
  }
  const quoted = quotedRestrictedDetail(text, guards);
  if (quoted) {
    throw new UnprocessableError(
      'answer_quotes_restricted',
      `The answer quotes ${QUOTED_WORDS[quoted.detail]} of case ${quoted.logNumber}, which the public may not read.`,
      [{ field: 'text', message: `quotes ${QUOTED_WORDS[quoted.detail]}` }],
    );
  }
}

const QUOTED_WORDS = {
  identity: 'the identity of a civilian',
  record_name: 'a name or star on the records',
  incident_address: 'the incident address',
  narrative: 'the narrative',
} as const;

const STEP_AUDIT = {
  statement: AuditAction.press_inquiry_answered,
  text: AuditAction.press_inquiry_answer_written,
  review: AuditAction.press_inquiry_answer_reviewed,
} as const;

/** Records a step of answering and its audit row (the first linked case names the case). */
async function recordStep(
  tx: Queryable,
  deps: CommandDeps,
  { inquiry, cases }: { inquiry: PressInquiryState; cases: readonly CaseWithFacts[] },
  step: AnswerStep,
  changes: Record<string, unknown>,
): Promise<void> {
  const now = deps.now();
  await recordAnswerStep(tx, inquiry.id, step, now, deps.actor.id);
  await recordAudit(tx, auditContext(deps, now), {
    action: STEP_AUDIT[step.kind],
    entityType: 'press_inquiry',
    entityId: inquiry.id,
    caseId: cases[0]?.row.id ?? null,
    changes,
  });
}

/**
 * Answers a press inquiry. A published statement (office-wide, or about a linked case) answers
 * at once: publishing was its review. Free text is kept as the answer to review and counts only
 * once a second person approves it ({@link reviewPressAnswer}); a new text replaces one not yet
 * reviewed. Either way an answer never quotes what the public may not read.
 */
export async function answerPressInquiry(
  deps: CommandDeps,
  input: { pressInquiryId: string; statementId?: string | undefined; text?: string | undefined },
): Promise<{ state: 'answered' | 'awaiting_review' }> {
  return deps.db.transaction(async (tx) => {
    const loaded = await loadInquiryForAction(
      tx,
      deps,
      input.pressInquiryId,
      GlobalAction.answerPressInquiry,
    );
    const { inquiry, cases } = loaded;
    if (input.text !== undefined) {
      await refuseRestrictedQuote(tx, deps, input.text, cases);
      await recordStep(
        tx,
        deps,
        loaded,
        { kind: 'text', text: input.text },
        {
          replaced: inquiry.answer_text !== null,
        },
      );
      return { state: 'awaiting_review' as const };
    }
    const statement = input.statementId
      ? await findStatement(tx, deps.jurisdiction, input.statementId)
      : undefined;
    const aboutTheInquiry =
      statement !== undefined &&
      (statement.case_ids.length === 0 ||
        statement.case_ids.some((id) => inquiry.case_ids.includes(id)));
    if (!statement || !aboutTheInquiry) {
      throw new UnprocessableError(
        'unknown_statement',
        'The statement must be an office-wide statement or one about a case the inquiry is linked to.',
        [{ field: 'statementId', message: 'is not a statement about this inquiry' }],
      );
    }
    if (statement.status !== 'published') {
      throw new UnprocessableError(
        'statement_not_published',
        'Only a published statement can answer the press.',
        [{ field: 'statementId', message: 'must be published first' }],
      );
    }
    await recordStep(
      tx,
      deps,
      loaded,
      { kind: 'statement', statementId: statement.id },
      {
        statementId: statement.id,
      },
    );
    return { state: 'answered' as const };
  });
}

/**
 * A second person approves a free-text answer (the four-eyes rule, domain/review.ts): from then
 * it is the office's answer. The restricted-detail rule is checked again, as a party may have
 * been added to a linked case since the answer was written.
 */
export async function reviewPressAnswer(deps: CommandDeps, pressInquiryId: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const loaded = await loadInquiryForAction(
      tx,
      deps,
      pressInquiryId,
      GlobalAction.reviewStatement,
    );
    const { inquiry, cases } = loaded;
    if (inquiry.answer_text === null) {
      throw new ConflictError(
        'no_answer_to_review',
        'This inquiry has no written answer to review.',
      );
    }
    const refusal = reviewRefusal(inquiry.answer_written_by, deps.actor.id);
    if (refusal) {
      throw new ForbiddenError('reviewer_is_author', refusal);
    }
    await refuseRestrictedQuote(tx, deps, inquiry.answer_text, cases);
    await recordStep(tx, deps, loaded, { kind: 'review' }, { author: inquiry.answer_written_by });
  });
}

/** The office's press-inquiry log, open or answered, with what the reader may do. */
export async function readPressInquiryLog(
  deps: CommandDeps,
  state: 'open' | 'answered',
): Promise<{
  rows: PressInquiryRow[];
  can: { log: boolean; answer: boolean; review: boolean };
}> {
  requireGlobally(deps.actor, GlobalAction.readPressInquiries, SPEAKERS_ONLY);
  const rows = await listOfficePressInquiries(
    deps.db,
    deps.jurisdiction,
    { answered: state === 'answered', limit: 200 },
    caseScope(deps.actor),
    deps.now(),
  );
  return {
    rows,
    can: {
      log: mayGlobally(deps.actor, GlobalAction.logPressInquiry),
      answer: mayGlobally(deps.actor, GlobalAction.answerPressInquiry),
      review: mayGlobally(deps.actor, GlobalAction.reviewStatement),
    },
  };
}
