import crypto from 'node:crypto';
import type { AgencyRole, Category, InvestigatingAgency, Track } from '../../shared/enums.ts';
import { AuditAction, recordAudit } from '../audit/audit.ts';
import { routeCase } from '../domain/routing.ts';
import { CaseAction } from '../policies/case.policy.ts';
import {
  insertCaseAgency,
  insertRoutingDecision,
  updateCaseRouting,
} from '../repositories/cases.repository.ts';
import { ConflictError, UnprocessableError } from '../errors.ts';
import { auditContext, loadCaseForAction, type CommandDeps } from './context.ts';

export interface AddCaseAgencyInput {
  logNumber: string;
  agency: InvestigatingAgency;
  track: Track;
  role: AgencyRole;
  jointDetermination?: { reason: string } | undefined;
}

/**
 * Adds a participating agency with its track: a parallel criminal track (BIA beside COPA), or a
 * referral. Changing the lead agency is lawful only by a joint COPA+BIA determination for a
 * sexual-misconduct case (MCC 2-78-120(b-5)); it is recorded as a new routing decision.
 */
export async function addCaseAgency(
  deps: CommandDeps,
  input: AddCaseAgencyInput,
): Promise<{ created: boolean; leadAgency: string }> {
  return deps.db.transaction(async (tx) => {
    const { row } = await loadCaseForAction(tx, deps, input.logNumber, CaseAction.addAgency);
    const now = deps.now();
    let leadAgency = row.lead_agency;
    if (input.role === 'lead' && input.agency !== row.lead_agency) {
      const categories = row.categories as Category[];
      if (
        !input.jointDetermination ||
        !categories.includes('sexual_misconduct') ||
        input.agency !== 'BIA'
      ) {
        throw new UnprocessableError(
          'lead_change_not_allowed',
          'The lead agency follows the routing rules; only a joint COPA+BIA determination on a sexual-misconduct case moves it to BIA (MCC 2-78-120(b-5)).',
          [
            {
              field: 'role',
              message:
                'lead is set by routing; use parallel or referred, or record a joint determination',
            },
          ],
        );
      }
      const decision = routeCase(
        {
          caseType: row.case_type as 'complaint',
          categories,
          jointDetermination: {
            agency: 'BIA',
            recordedAt: now.toISOString(),
            reason: input.jointDetermination.reason,
          },
        },
        deps.profile,
      );
      await insertRoutingDecision(tx, {
        id: crypto.randomUUID(),
        jurisdiction: deps.jurisdiction,
        caseId: row.id,
        agency: decision.agency,
        clause: decision.clause,
        rule: decision.rule,
        explanation: decision.explanation,
        explanationEs: decision.explanationEs,
        decidedAt: now,
        decidedBy: deps.actor.id,
        jointReason: input.jointDetermination.reason,
      });
      await updateCaseRouting(tx, row.id, decision.agency);
      leadAgency = decision.agency;
      await recordAudit(tx, auditContext(deps, now), {
        action: AuditAction.case_rerouted,
        entityType: 'case',
        entityId: input.logNumber,
        caseId: row.id,
        reason: input.jointDetermination.reason,
        changes: {
          leadAgency: { from: row.lead_agency, to: decision.agency },
          clause: decision.clause,
        },
      });
    } else if (input.role === 'lead') {
      throw new ConflictError('already_lead', `${input.agency} already leads this case.`);
    }
    const id = crypto.randomUUID();
    const created = await insertCaseAgency(tx, {
      id,
      jurisdiction: deps.jurisdiction,
      caseId: row.id,
      agency: input.agency,
      track: input.track,
      role: input.role,
      addedAt: now,
      addedBy: deps.actor.id,
    });
    if (!created && input.role !== 'lead') {
      throw new ConflictError(
        'track_exists',
        `${input.agency} already has a ${input.track} track on this case.`,
      );
    }
    if (created) {
      await recordAudit(tx, auditContext(deps, now), {
        action: AuditAction.agency_added,
        entityType: 'case_agency',
        entityId: id,
        caseId: row.id,
        changes: { agency: input.agency, track: input.track, role: input.role },
      });
    }
    return { created, leadAgency };
  });
}
