import type { Agency, AgencyRole, Track } from '../../shared/enums.ts';
import { classifyCase } from '../domain/classification.ts';
import { CaseAction } from '../policies/case.policy.ts';
import { ConflictError, UnprocessableError } from '../errors.ts';
import { createAudited, Created } from './audited.ts';
import { onCase, type CommandDeps } from './context.ts';
import { loadCaseFacts, writeReroute } from './reroute-case.ts';

export interface AddCaseAgencyInput {
  logNumber: string;
  agency: Agency;
  track: Track;
  role: AgencyRole;
  jointDetermination?: { reason: string } | undefined;
}

/**
 * Adds a participating agency with its track: a parallel criminal track (BIA beside COPA), or a
 * referral. Changing the lead agency is lawful only by a joint COPA+BIA determination for a
 * sexual-misconduct case no other COPA clause holds (MCC 2-78-120(b-5)); it is recorded as a new
 * routing decision, and COPA keeps a parallel track (writeReroute).
 */
export async function addCaseAgency(
  deps: CommandDeps,
  input: AddCaseAgencyInput,
): Promise<{ created: boolean; leadAgency: string }> {
  return onCase(deps, input.logNumber, CaseAction.addAgency, async (tx, { row }) => {
    const now = deps.now();
    const { oversight, internalAffairs } = deps.profile.agencyRoles;
    if (input.role === 'lead' && input.agency !== row.lead_agency) {
      const refuse = () =>
        new UnprocessableError(
          'lead_change_not_allowed',
          `The lead agency follows the routing rules; only a joint ${oversight}+${internalAffairs} determination the routing rules accept moves it to ${internalAffairs}.`,
          [
            {
              field: 'role',
              message:
                'lead is set by routing; use parallel or referred, or record a joint determination',
            },
          ],
        );
      const facts = await loadCaseFacts(tx, row);
      if (!input.jointDetermination || input.agency !== internalAffairs) {
        throw refuse();
      }
      // the classification intake uses, with the determination: the profile's router decides
      // whether it moves the case (Chicago: any other COPA clause — (b), (c), (d), (e), (f) —
      // keeps the case at COPA, since (b-5) moves sexual misconduct only)
      const { routing: decision } = classifyCase(
        {
          ...facts,
          jointDetermination: {
            agency: internalAffairs,
            recordedAt: now.toISOString(),
            reason: input.jointDetermination.reason,
          },
        },
        deps.profile,
      );
      if (decision.agency !== internalAffairs || decision.jointDetermination === undefined) {
        throw refuse();
      }
      await writeReroute(
        tx,
        deps,
        row,
        {
          decision,
          trigger: 'joint_determination',
          jointReason: input.jointDetermination.reason,
          reason: input.jointDetermination.reason,
          track: input.track,
        },
        now,
      );
      return { created: true, leadAgency: decision.agency };
    } else if (input.role === 'lead') {
      throw new ConflictError('already_lead', `${input.agency} already leads this case.`);
    }
    const { result: created } = await createAudited(tx, deps, now, Created.caseAgency, {
      caseId: row.id,
      agency: input.agency,
      track: input.track,
      role: input.role,
    });
    if (!created) {
      throw new ConflictError(
        'track_exists',
        `${input.agency} already has a ${input.track} track on this case.`,
      );
    }
    return { created, leadAgency: row.lead_agency };
  });
}
