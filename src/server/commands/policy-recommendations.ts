import type { PolicyRecommendationStatus } from '../../shared/schemas/policy-recommendations.ts';
import { AuditAction, recordAudit } from '../audit/audit.ts';
import type { Queryable } from '../db/client.ts';
import { GlobalAction, requireGlobally } from '../policies/global-grants.ts';
import {
  findPolicyRecommendation,
  updatePolicyResponse,
  updatePolicyStatus,
  type PolicyRecommendationRow,
} from '../repositories/policy-recommendations.repository.ts';
import { localDate } from '../../shared/dates.ts';
import { NotFoundError, UnprocessableError } from '../errors.ts';
import { createAudited, Created } from './audited.ts';
import { auditContext, type CommandDeps } from './context.ts';

function authorize(deps: CommandDeps): void {
  requireGlobally(
    deps.actor,
    GlobalAction.managePolicyRecommendations,
    'Policy recommendations are recorded by the chief administrator.',
  );
}

/** A date after today (in the profile's time zone) is a typing error, not a record. */
function notInFuture(deps: CommandDeps, field: string, day: string): void {
  const today = localDate(deps.now(), deps.profile.timeZone);
  if (day > today) {
    throw new UnprocessableError('date_in_future', `${field} ${day} is after today (${today}).`, [
      { field, message: `must not be after ${today}` },
    ]);
  }
}

/** Records a recommendation made to the department (issue 18 item 7). */
export async function createPolicyRecommendation(
  deps: CommandDeps,
  input: { madeOn: string; topic: string; text: string; recipient: string },
): Promise<PolicyRecommendationRow> {
  authorize(deps);
  notInFuture(deps, 'madeOn', input.madeOn);
  return deps.db.transaction(async (tx) => {
    const { id, facts } = await createAudited(tx, deps, deps.now(), Created.policyRecommendation, {
      ...input,
      response: null,
      respondedOn: null,
      status: 'pending',
    });
    return { id, ...facts };
  });
}

async function load(
  deps: CommandDeps,
  tx: Queryable,
  id: string,
): Promise<PolicyRecommendationRow> {
  const found = await findPolicyRecommendation(tx, deps.jurisdiction, id, { lock: true });
  if (!found) {
    throw new NotFoundError(`Policy recommendation ${id}`, 'policy_recommendation_not_found');
  }
  return found;
}

/** Records the department's response and its date (a later response replaces it, audited). */
export async function recordPolicyResponse(
  deps: CommandDeps,
  id: string,
  input: { response: string; respondedOn: string },
): Promise<PolicyRecommendationRow> {
  authorize(deps);
  notInFuture(deps, 'respondedOn', input.respondedOn);
  return deps.db.transaction(async (tx) => {
    const found = await load(deps, tx, id);
    if (input.respondedOn < found.madeOn) {
      throw new UnprocessableError(
        'response_before_recommendation',
        `The response date ${input.respondedOn} is before the recommendation (${found.madeOn}).`,
        [{ field: 'respondedOn', message: `must not be before ${found.madeOn}` }],
      );
    }
    const now = deps.now();
    await updatePolicyResponse(tx, id, input.response, input.respondedOn, now);
    await recordAudit(tx, auditContext(deps, now), {
      action: AuditAction.policy_recommendation_response,
      entityType: 'policy_recommendation',
      entityId: id,
      changes: {
        respondedOn: { from: found.respondedOn, to: input.respondedOn },
        response: found.response === null ? 'recorded' : 'replaced',
      },
    });
    return { ...found, response: input.response, respondedOn: input.respondedOn };
  });
}

/** Changes the implementation status. */
export async function updatePolicyRecommendationStatus(
  deps: CommandDeps,
  id: string,
  status: PolicyRecommendationStatus,
): Promise<PolicyRecommendationRow> {
  authorize(deps);
  return deps.db.transaction(async (tx) => {
    const found = await load(deps, tx, id);
    const now = deps.now();
    await updatePolicyStatus(tx, id, status, now);
    await recordAudit(tx, auditContext(deps, now), {
      action: AuditAction.policy_recommendation_status,
      entityType: 'policy_recommendation',
      entityId: id,
      changes: { status: { from: found.status, to: status } },
    });
    return { ...found, status };
  });
}
