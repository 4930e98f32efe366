import type { ReportedOfficerResolutionRequest } from '../../shared/schemas/officers.ts';
import { AuditAction, recordAudit } from '../audit/audit.ts';
import { CaseAction } from '../policies/case.policy.ts';
import {
  lockReportedOfficer,
  resolveReportedOfficerRow,
} from '../repositories/reported-officers.repository.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { writeAllegation } from './add-allegation.ts';
import { auditContext, onCase, type CommandDeps } from './context.ts';

/**
 * An investigator's answer to an officer the complainant named at intake (docs/domain.md
 * "Reported officers"): confirmed into an allegation — one member × one category, written as
 * any allegation is, re-routing included — or dismissed with a reason. Who may: those who may add
 * allegations to the case (PRODUCT.md §2: investigators identify officers and add allegations).
 * A reported officer is answered once; the row and its answer stay on the case.
 */
export async function resolveReportedOfficer(
  deps: CommandDeps,
  input: { logNumber: string; id: string } & ReportedOfficerResolutionRequest,
): Promise<{ allegationId: string | null }> {
  return onCase(deps, input.logNumber, CaseAction.addAllegation, async (tx, { row }) => {
    const officer = await lockReportedOfficer(tx, row.id, input.id);
    if (!officer) {
      throw new NotFoundError(`Reported officer ${input.id}`, 'reported_officer_not_found');
    }
    if (officer.status !== 'reported') {
      throw new ConflictError(
        'reported_officer_resolved',
        `This reported officer was already ${officer.status}.`,
      );
    }
    const now = deps.now();
    let allegationId: string | null = null;
    let memberId: string | null = null;
    if (input.outcome === 'confirmed') {
      // the member intake identified, else the one the investigator identifies now; with none,
      // the allegation stands against an unknown officer, as the allegation form allows
      const who = officer.member_id
        ? { memberId: officer.member_id }
        : input.memberId
          ? { memberId: input.memberId }
          : input.star
            ? { star: input.star }
            : { unknownMember: true };
      const written = await writeAllegation(tx, deps, row, {
        ...who,
        category: input.category,
        summary: input.summary,
      });
      allegationId = written.allegationId;
      memberId = written.memberId;
    }
    await resolveReportedOfficerRow(tx, {
      id: officer.id,
      status: input.outcome,
      memberId,
      allegationId,
      note: input.outcome === 'dismissed' ? input.reason : null,
      at: now,
      by: deps.actor.id,
    });
    await recordAudit(tx, auditContext(deps, now), {
      action: AuditAction.reported_officer_resolved,
      entityType: 'reported_officer',
      entityId: officer.id,
      caseId: row.id,
      ...(input.outcome === 'dismissed' ? { reason: input.reason } : {}),
      changes: { status: { from: 'reported', to: input.outcome }, allegationId, memberId },
    });
    return { allegationId };
  });
}
