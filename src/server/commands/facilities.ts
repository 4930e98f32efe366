import { AuditAction, recordAudit } from '../audit/audit.ts';
import { GlobalAction, requireGlobally } from '../policies/global-grants.ts';
import {
  findFacilityByCode,
  upsertDailyCount,
  type FacilityRow,
} from '../repositories/facilities.repository.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { createAudited, Created } from './audited.ts';
import { auditContext, type CommandDeps } from './context.ts';
import type { Queryable } from '../db/client.ts';

function authorize(deps: CommandDeps): void {
  requireGlobally(
    deps.actor,
    GlobalAction.manageFacilities,
    'Facilities are maintained by supervisors, chief administrators and admins.',
  );
}

/** Registers a district station or other site. */
export async function addFacility(
  deps: CommandDeps,
  input: {
    code: string;
    name: string;
    kind: string;
    district?: string | undefined;
    address?: string | undefined;
  },
): Promise<FacilityRow> {
  authorize(deps);
  return deps.db.transaction(async (tx) => {
    if (await findFacilityByCode(tx, deps.jurisdiction, input.code)) {
      throw new ConflictError('facility_exists', `A facility with code ${input.code} exists.`);
    }
    const { id, facts } = await createAudited(tx, deps, deps.now(), Created.facility, {
      code: input.code,
      name: input.name,
      kind: input.kind,
      district: input.district ?? null,
      address: input.address ?? null,
    });
    return { id, ...facts };
  });
}

/** Records that a facility serves as a temporary shelter site for a period. */
export async function addShelterPeriod(
  deps: CommandDeps,
  code: string,
  input: { startsOn: string; endsOn?: string | undefined; note?: string | undefined },
): Promise<void> {
  await onFacility(deps, code, async (tx, facility) => {
    await createAudited(tx, deps, deps.now(), Created.shelterPeriod, {
      facilityId: facility.id,
      startsOn: input.startsOn,
      endsOn: input.endsOn ?? null,
      note: input.note ?? null,
    });
  });
}

/** Records one day's aggregate resident count at a shelter site: a number, never names. */
export async function recordDailyCount(
  deps: CommandDeps,
  code: string,
  input: { day: string; residents: number },
): Promise<void> {
  await onFacility(deps, code, async (tx, facility) => {
    const now = deps.now();
    await upsertDailyCount(tx, deps.jurisdiction, facility.id, input.day, input.residents, now);
    await recordAudit(tx, auditContext(deps, now), {
      action: AuditAction.daily_count_recorded,
      entityType: 'facility',
      entityId: facility.id,
      changes: { day: input.day, residents: input.residents },
    });
  });
}

/**
 * The frame of a change to one registered facility: authorized, in one transaction, with the
 * facility of `code` (a 404 when none has it).
 */
async function onFacility(
  deps: CommandDeps,
  code: string,
  body: (tx: Queryable, facility: FacilityRow) => Promise<void>,
): Promise<void> {
  authorize(deps);
  await deps.db.transaction(async (tx) => {
    const facility = await findFacilityByCode(tx, deps.jurisdiction, code);
    if (!facility) {
      throw new NotFoundError(`Facility ${code}`, 'facility_not_found');
    }
    await body(tx, facility);
  });
}
