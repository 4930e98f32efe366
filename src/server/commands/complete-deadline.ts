import { AuditAction, recordAudit } from '../audit/audit.ts';
import { sixMonthNotice, type DeadlineAnchorKind } from '../domain/clocks.ts';
import { CONCLUDED } from '../domain/transition.ts';
import { CaseAction } from '../policies/case.policy.ts';
import {
  countDeadlines,
  markDeadlineMet,
  positionInRun,
  type DeadlineRow,
} from '../repositories/deadlines.repository.ts';
import type { CaseRow } from '../repositories/cases.repository.ts';
import type { Queryable } from '../db/client.ts';
import { UnprocessableError } from '../errors.ts';
import { auditContext, onCase, type CommandDeps } from './context.ts';
import { loadOpenDeadline, startDeadline } from './open-deadline.ts';

/**
 * Records that a deadline was met (the acknowledgement letter went out, the §2-78-135 notices were
 * sent). A met six-month notice on an open case schedules the next one: MCC §2-78-135 repeats the
 * notice every six months until the investigation ends. The clocks are the lead agency's (ADR
 * 0007): its managers and its assigned team record them met (`case.complete_deadline`).
 */
export async function completeDeadline(
  deps: CommandDeps,
  input: { logNumber: string; deadlineId: string; metAt?: string | undefined },
): Promise<{ next: string | null }> {
  return onCase(deps, input.logNumber, CaseAction.completeDeadline, async (tx, { row }) => {
    const deadline = await loadOpenDeadline(tx, row.id, input.deadlineId);
    const now = deps.now();
    const metAt = input.metAt ? new Date(input.metAt) : now;
    if (metAt.getTime() > now.getTime() + 5 * 60_000) {
      throw new UnprocessableError(
        'met_in_future',
        'A deadline is met when the work is done, not before.',
        [{ field: 'metAt', message: 'must not be in the future' }],
      );
    }
    return recordDeadlineMet(tx, deps, row, deadline, metAt, null);
  });
}

/**
 * Marks a deadline met and, for a six-month notice on an open case, schedules the next one at
 * once (MCC §2-78-135 repeats the notice every six months until the investigation ends), with the
 * audit row. One place for both ways a deadline is met: a person records it (`completeDeadline`)
 * or the letters that answer it are sent (`sendLetter`, whose ids are the `evidence`).
 */
export async function recordDeadlineMet(
  tx: Queryable,
  deps: CommandDeps,
  row: CaseRow,
  deadline: DeadlineRow,
  metAt: Date,
  evidence: { letters: string[] } | null,
): Promise<{ next: string | null }> {
  const now = deps.now();
  await markDeadlineMet(tx, deadline.id, metAt);
  let next: string | null = null;
  if (deadline.kind === 'six_month_notice' && !CONCLUDED.has(row.status)) {
    // the next notice of the same run (from intake, or from the latest reopening), numbered
    // after every notice the case has had
    const position = await positionInRun(tx, deadline, [...CONCLUDED]);
    const upcoming = sixMonthNotice(
      { kind: deadline.anchor_kind as DeadlineAnchorKind, date: deadline.anchor_date },
      position + 1,
      deps.profile,
      (await countDeadlines(tx, row.id, deadline.kind)) + 1,
    );
    next = await startDeadline(
      tx,
      deps,
      row.id,
      upcoming,
      upcoming.sequence ?? deadline.sequence + 1,
      now,
    );
  }
  await recordAudit(tx, auditContext(deps, now), {
    action: AuditAction.deadline_met,
    entityType: 'deadline',
    entityId: deadline.id,
    caseId: row.id,
    changes: {
      kind: deadline.kind,
      sequence: deadline.sequence,
      metAt: metAt.toISOString(),
      next,
      ...(evidence ? { evidence } : {}),
    },
  });
  return { next };
}
