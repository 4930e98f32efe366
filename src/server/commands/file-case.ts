import crypto from 'node:crypto';
import type { CaseIntakeRequest } from '../../shared/schemas/cases.ts';
import type { ReportedOfficerInput } from '../../shared/schemas/officers.ts';
import type { Queryable } from '../db/client.ts';
import type { Vulnerability } from '../../shared/enums.ts';
import { recordAudit, AuditAction } from '../audit/audit.ts';
import { localDate } from '../../shared/dates.ts';
import { computeCaseDeadlines, owesSixMonthNotice, type Deadline } from '../domain/clocks.ts';
import { formatLogNumber } from '../domain/log-number.ts';
import {
  categoryFlags,
  checkIncidentBeforeReceipt,
  classifyIntake,
  intakeVulnerabilities,
} from '../domain/intake.ts';
import type { RoutingDecision } from '../domain/routing.ts';
import { GlobalAction, requireGlobally } from '../policies/global-grants.ts';
import {
  assignLogNumber,
  insertCase,
  pendingLogNumber,
  insertStatusHistory,
} from '../repositories/cases.repository.ts';
import { insertCaseAgency, insertRoutingDecision } from '../repositories/routing.repository.ts';
import { deadlineInsert, insertDeadlines } from '../repositories/deadlines.repository.ts';
import { findFacilityByCode } from '../repositories/facilities.repository.ts';
import { findMember } from '../repositories/members.repository.ts';
import { insertParties } from '../repositories/parties.repository.ts';
import {
  insertReportedOfficers,
  type ReportedOfficerInsert,
} from '../repositories/reported-officers.repository.ts';
import { identityFieldNames, partyRow } from '../security/party-identity.ts';
import { UnprocessableError } from '../errors.ts';
import type { CommandDeps } from './context.ts';

/** What intake returns: the contract of POST /api/v1/cases. */
export interface FiledCase {
  caseId: string;
  logNumber: string;
  status: 'intake';
  restricted: boolean;
  restrictionReasons: string[];
  routing: RoutingDecision & { decidedAt: string };
  deadlines: Array<Deadline & { id: string; sequence: number }>;
}

/** Intake's roles register cases; the routing preview asks the same. */
export function requireIntakeRole(deps: Pick<CommandDeps, 'actor'>): void {
  requireGlobally(
    deps.actor,
    GlobalAction.fileCase,
    'Only intake, supervisors and chief administrators register cases.',
  );
}

/**
 * Registers a complaint, notification or miscellaneous matter (MCC §2-78-120(a): COPA registers
 * every complaint, then routes it). Routing, restriction and clocks are decided by the pure rules
 * before the transaction; the transaction allocates the gap-free log number and writes the case,
 * its parties, lead agency, routing decision, first stage, deadlines and the audit row together.
 */
export async function fileCase(deps: CommandDeps, input: CaseIntakeRequest): Promise<FiledCase> {
  requireIntakeRole(deps);
  return registerCase({ ...deps, filer: { kind: 'staff', actor: deps.actor } }, input);
}

/**
 * Who registers a case: a staff member (authorized by fileCase), or the public complaint form
 * (MCC §2-78-120(a): COPA registers every complaint, whoever brings it). The public form has no
 * user row: the case's `created_by` stays null and the audit actor is `system`, with the source
 * named in the audit row.
 */
export type CaseFiler =
  { kind: 'staff'; actor: CommandDeps['actor'] } | { kind: 'public'; source: 'public_form' };

/** Dependencies of registerCase: those of a command, with the filer instead of a staff actor. */
export interface RegisterCaseDeps extends Omit<CommandDeps, 'actor'> {
  filer: CaseFiler;
  /**
   * Extra writes in the intake transaction, after the case and before the log number is
   * assigned (e.g. the public form's confirmation receipt), so they commit or roll back with it.
   */
  alsoWrite?: (tx: Queryable, caseId: string) => Promise<void>;
}

/**
 * The one intake: routing, restriction, clocks, the case rows, the gap-free log number and the
 * audit row, for every way a case arrives. Callers authorize first (fileCase for staff; the
 * public form needs no account by design).
 */
export async function registerCase(
  deps: RegisterCaseDeps,
  input: CaseIntakeRequest,
): Promise<FiledCase> {
  const createdBy = deps.filer.kind === 'staff' ? deps.filer.actor.id : null;
  const auditActor = deps.filer.kind === 'staff' ? deps.filer.actor : ('system' as const);
  const now = deps.now();
  const receivedAt = new Date(input.receivedAt);
  const incidentAt = input.incident?.occurredAt ? new Date(input.incident.occurredAt) : undefined;
  if (receivedAt.getTime() > now.getTime() + 5 * 60_000) {
    throw new UnprocessableError('received_in_future', 'receivedAt is in the future.', [
      { field: 'receivedAt', message: 'must not be in the future' },
    ]);
  }
  checkIncidentBeforeReceipt(incidentAt, receivedAt);
  const { routing, ...restriction } = classifyIntake(input, deps.profile);
  const clocks = computeCaseDeadlines(
    {
      receivedAt,
      caseType: input.caseType,
      categories: input.categories,
      ...(incidentAt ? { incidentAt } : {}),
      ...(input.notificationType ? { notificationType: input.notificationType } : {}),
    },
    deps.profile,
  );
  // MCC §2-78-135 six-month notices are COPA's duty; BIA cases do not carry them
  const deadlines = owesSixMonthNotice(routing.agency, deps.profile)
    ? clocks
    : clocks.filter((d) => d.kind !== 'six_month_notice');
  const flags = deriveFlags(input, intakeVulnerabilities(input));
  const caseId = crypto.randomUUID();
  const year = Number(localDate(receivedAt, deps.profile.timeZone).slice(0, 4));

  return deps.db.transaction(async (tx) => {
    const facilityId = input.incident?.facilityCode
      ? await facilityIdOf(tx, deps.jurisdiction, input.incident.facilityCode)
      : null;
    await insertCase(tx, {
      id: caseId,
      jurisdiction: deps.jurisdiction,
      log_number: pendingLogNumber(caseId),
      case_type: input.caseType,
      notification_type: input.notificationType ?? null,
      channel: input.channel,
      received_at: receivedAt,
      incident_occurred_at: incidentAt ?? null,
      incident_address: input.incident?.address ?? null,
      incident_beat: input.incident?.beat ?? null,
      incident_district: input.incident?.district ?? null,
      facility_id: facilityId,
      narrative: input.narrative,
      categories: input.categories,
      flags,
      officers_unknown: input.officersUnknown,
      lead_agency: routing.agency,
      restricted: restriction.restricted,
      restriction_reasons: restriction.restrictionReasons,
      status: 'intake',
      created_at: now,
      created_by: createdBy,
      // kept so every later evaluation of the routing sees what intake saw (migration 0014)
      serious_injury_or_death: input.seriousInjuryOrDeath,
      in_custody: input.inCustody,
    });
    await insertParties(
      tx,
      input.parties.map((p) =>
        partyRow(
          { jurisdiction: deps.jurisdiction, cipher: deps.cipher, createdBy },
          caseId,
          p,
          now,
        ),
      ),
    );
    await insertReportedOfficers(
      tx,
      await reportedOfficerRows(tx, deps, caseId, input.reportedOfficers, now, createdBy),
    );
    await insertCaseAgency(tx, {
      id: crypto.randomUUID(),
      jurisdiction: deps.jurisdiction,
      caseId,
      agency: routing.agency,
      track: 'administrative',
      role: 'lead',
      addedAt: now,
      addedBy: createdBy,
    });
    await insertRoutingDecision(tx, {
      id: crypto.randomUUID(),
      jurisdiction: deps.jurisdiction,
      caseId,
      agency: routing.agency,
      clause: routing.clause,
      rule: routing.rule,
      explanation: routing.explanation,
      explanationEs: routing.explanationEs,
      decidedAt: now,
      decidedBy: createdBy,
      jointReason: null,
    });
    await insertStatusHistory(tx, {
      id: crypto.randomUUID(),
      jurisdiction: deps.jurisdiction,
      caseId,
      from: null,
      to: 'intake',
      reason: null,
      note: null,
      at: now,
      actorId: createdBy,
    });
    const stored = deadlines.map((d) => ({
      ...d,
      id: crypto.randomUUID(),
      sequence: d.sequence ?? 1,
    }));
    await insertDeadlines(
      tx,
      stored.map((d) =>
        deadlineInsert(d, {
          id: d.id,
          jurisdiction: deps.jurisdiction,
          caseId,
          sequence: d.sequence,
          createdAt: now,
        }),
      ),
    );
    if (deps.alsoWrite) {
      await deps.alsoWrite(tx, caseId);
    }
    // last, so the year's counter row is locked only for this statement, the audit row and COMMIT
    const assigned = await assignLogNumber(tx, deps.jurisdiction, year, caseId);
    const logNumber = formatLogNumber(year, assigned.seq);
    if (logNumber !== assigned.logNumber) {
      throw new Error(`log number formats disagree: ${logNumber} vs ${assigned.logNumber}`);
    }
    const audit = {
      jurisdiction: deps.jurisdiction,
      actor: auditActor,
      ip: deps.ip,
      at: now,
    };
    await recordAudit(tx, audit, {
      action: AuditAction.case_filed,
      entityType: 'case',
      entityId: logNumber,
      caseId,
      reason: routing.clause,
      changes: {
        ...(deps.filer.kind === 'public' ? { source: deps.filer.source } : {}),
        caseType: input.caseType,
        channel: input.channel,
        categories: input.categories,
        leadAgency: routing.agency,
        restricted: restriction.restricted,
        // which fields were given, never their values
        parties: input.parties.map((p) => ({
          role: p.role,
          anonymous: p.anonymous,
          identityFields: identityFieldNames(p),
        })),
        // the roster member, or which fields were given as the complainant put them
        reportedOfficers: input.reportedOfficers.map((o) => ({
          memberId: o.memberId ?? null,
          givenFields: (['name', 'star', 'description'] as const).filter((f) => o[f] !== undefined),
        })),
      },
    });
    return {
      caseId,
      logNumber,
      status: 'intake' as const,
      restricted: restriction.restricted,
      restrictionReasons: restriction.restrictionReasons,
      routing: { ...routing, decidedAt: now.toISOString() },
      deadlines: stored,
    };
  });
}

function deriveFlags(
  input: CaseIntakeRequest,
  vulnerabilities: readonly Vulnerability[],
): string[] {
  const flags = new Set<string>([...input.flags, ...categoryFlags(input)]);
  if (vulnerabilities.length > 0) {
    flags.add('vulnerable_party');
  }
  return [...flags].sort();
}

/** The id of the registered facility with `code`, or a 422 naming the field. */
export async function facilityIdOf(
  tx: Queryable,
  jurisdiction: string,
  code: string,
): Promise<string> {
  const facility = await findFacilityByCode(tx, jurisdiction, code);
  if (!facility) {
    throw new UnprocessableError('unknown_facility', `No facility has code ${code}.`, [
      { field: 'incident.facilityCode', message: 'is not a registered facility' },
    ]);
  }
  return facility.id;
}

/**
 * The stored rows of the officers the complainant names (docs/domain.md "Reported officers"): a
 * roster member must exist (422 naming the field); a name or star as given is kept as given,
 * unresolved, because a star may have been held by several members and identifying the officer
 * is the investigation's work.
 */
async function reportedOfficerRows(
  tx: Queryable,
  deps: RegisterCaseDeps,
  caseId: string,
  officers: readonly ReportedOfficerInput[],
  now: Date,
  createdBy: string | null,
): Promise<ReportedOfficerInsert[]> {
  const rows: ReportedOfficerInsert[] = [];
  for (const [i, o] of officers.entries()) {
    if (o.memberId && !(await findMember(tx, deps.jurisdiction, o.memberId))) {
      throw new UnprocessableError('unknown_member', 'No member on the roster has that id.', [
        { field: `reportedOfficers.${i}.memberId`, message: 'is not on the roster' },
      ]);
    }
    rows.push({
      id: crypto.randomUUID(),
      jurisdiction: deps.jurisdiction,
      caseId,
      position: i,
      memberId: o.memberId ?? null,
      name: o.name ?? null,
      star: o.star ?? null,
      description: o.description ?? null,
      source: deps.filer.kind === 'staff' ? 'staff_intake' : 'public_form',
      createdAt: now,
      createdBy,
    });
  }
  return rows;
}
