import type { Category, NotificationType } from '../../shared/enums.ts';
import type { CaseCorrectionRequest } from '../../shared/schemas/cases.ts';
import { AuditAction, recordAudit } from '../audit/audit.ts';
import type { Queryable } from '../db/client.ts';
import { recomputeClock, videoReleaseDeadline, type DeadlineAnchorKind } from '../domain/clocks.ts';
import { redactNarrative, type RedactionJurisdiction } from '../redaction/engine.ts';
import { CaseAction } from '../policies/case.policy.ts';
import { allegationCategories } from '../repositories/allegations.repository.ts';
import { updateCaseFacts, type CorrectableFacts } from '../repositories/cases.repository.ts';
import {
  findDeadline,
  listDeadlines,
  supersedeDeadline,
  type DeadlineRow,
} from '../repositories/deadlines.repository.ts';
import { findFacilityById } from '../repositories/facilities.repository.ts';
import { UnprocessableError } from '../errors.ts';
import { auditContext, onCase, type CommandDeps } from './context.ts';
import { startDeadline } from './open-deadline.ts';
import { categoryFlags, checkIncidentBeforeReceipt } from '../domain/intake.ts';
import { facilityIdOf } from './file-case.ts';
import { applyReevaluation, loadCaseFacts } from './reroute-case.ts';

export type CorrectCaseFactsInput = CaseCorrectionRequest & { logNumber: string };

/** What a correction did. */
export interface CorrectedCase {
  caseId: string;
  /** The request's names of the fields whose value changed. */
  corrected: string[];
  restricted: boolean;
  /** The deadlines recomputed from the corrected facts (the ones that now run). */
  deadlines: DeadlineRow[];
}

/** One corrected field in the audit: the value before and after. */
interface Change {
  from: unknown;
  to: unknown;
  blockLevel?: true;
}

/**
 * Corrects intake facts after intake (issue 15): the incident's time and place, the intake
 * categories and the channel, by the roles that register cases (MCC §2-78-120(a);
 * `case.correct_facts` in the authorization table). Under the case lock: intake's own validation
 * of the new values, the write, the restriction the new categories call for (never lifted), the
 * clocks counted from a corrected fact recomputed (the video-release clock runs from the
 * incident date), and one audit row holding each field's old and new value with the reason.
 *
 * Corrected categories re-evaluate routing and restriction with the classification intake uses
 * (`applyReevaluation`, issue 15 defect 5), exactly as an allegation adding the category would.
 */
export async function correctCaseFacts(
  deps: CommandDeps,
  input: CorrectCaseFactsInput,
): Promise<CorrectedCase> {
  return onCase(deps, input.logNumber, CaseAction.correctFacts, async (tx, { row }) => {
    const now = deps.now();
    const changes: Record<string, Change | unknown[]> = {};
    const update: CorrectableFacts = {};
    const incident = input.incident ?? {};

    if (incident.occurredAt !== undefined) {
      const to = incident.occurredAt === null ? null : new Date(incident.occurredAt);
      if (to?.getTime() !== row.incident_occurred_at?.getTime()) {
        checkIncidentBeforeReceipt(to ?? undefined, row.received_at);
        update.incident_occurred_at = to;
        changes['incident.occurredAt'] = {
          from: row.incident_occurred_at?.toISOString() ?? null,
          to: to?.toISOString() ?? null,
        };
      }
    }
    if (incident.address !== undefined && incident.address !== row.incident_address) {
      update.incident_address = incident.address;
      // the audit is append-only and never purged, and an incident address may be someone's
      // home: it keeps the block, as the portal would publish it (docs/security.md)
      changes['incident.address'] = {
        from: blockLevel(row.incident_address, deps.profile.redaction),
        to: blockLevel(incident.address, deps.profile.redaction),
        blockLevel: true,
      };
    }
    if (incident.beat !== undefined && incident.beat !== row.incident_beat) {
      update.incident_beat = incident.beat;
      changes['incident.beat'] = { from: row.incident_beat, to: incident.beat };
    }
    if (incident.district !== undefined && incident.district !== row.incident_district) {
      update.incident_district = incident.district;
      changes['incident.district'] = { from: row.incident_district, to: incident.district };
    }
    if (incident.facilityCode !== undefined) {
      const to =
        incident.facilityCode === null
          ? null
          : await facilityIdOf(tx, deps.jurisdiction, incident.facilityCode);
      if (to !== row.facility_id) {
        const from = row.facility_id ? await findFacilityById(tx, row.facility_id) : undefined;
        update.facility_id = to;
        changes['incident.facilityCode'] = { from: from?.code ?? null, to: incident.facilityCode };
      }
    }
    const oldCategories = row.categories;
    // the case's categories cache holds intake's and its allegations' (docs/domain.md
    // "Re-routing"): a corrected intake list keeps the allegations' categories
    const categories = input.categories
      ? ([
          ...new Set([...input.categories, ...(await allegationCategories(tx, row.id))]),
        ] as Category[])
      : oldCategories;
    if (input.categories && !sameSet(categories, oldCategories)) {
      update.categories = categories;
      changes.categories = { from: oldCategories, to: categories };
    }
    if (input.channel !== undefined && input.channel !== row.channel) {
      update.channel = input.channel;
      changes.channel = { from: row.channel, to: input.channel };
    }
    if (Object.keys(changes).length === 0) {
      throw new UnprocessableError(
        'nothing_to_correct',
        'The case already holds these facts; nothing was corrected.',
      );
    }
    const corrected = Object.keys(changes);
    if (update.categories) {
      // the flags intake derives from categories follow them; like restriction, none is removed
      const flags = [
        ...new Set([
          ...row.flags,
          ...categoryFlags({ categories, notificationType: row.notification_type }),
        ]),
      ].sort();
      if (!sameSet(flags, row.flags)) {
        update.flags = flags;
        changes.flags = { from: row.flags, to: flags };
      }
    }
    const before = await loadCaseFacts(tx, row);
    await updateCaseFacts(tx, row.id, update);
    let restricted = row.restricted;
    if (update.categories) {
      // the classification intake ran, over the corrected facts: restriction tightens (never
      // lifts, PRODUCT.md §4) and a COPA clause takes a BIA case to COPA (MCC §2-78-120(b)–(f)),
      // as when an allegation adds the category (issue 15 defect 5)
      const applied = await applyReevaluation(
        tx,
        deps,
        row,
        { before, after: { ...before, categories } },
        { trigger: 'facts_corrected', changes: { categories: changes.categories } },
        now,
      );
      Object.assign(changes, applied.audit);
      restricted = applied.restricted;
    }

    const deadlines: DeadlineRow[] = [];
    if (update.incident_occurred_at !== undefined || update.categories) {
      // Video Release Policy: 60 days from the incident date, for firearm, Taser and custody cases
      const incidentAt =
        update.incident_occurred_at !== undefined
          ? update.incident_occurred_at
          : row.incident_occurred_at;
      const video = await recomputeVideoClock(tx, deps, row.id, now, {
        receivedAt: row.received_at,
        ...(incidentAt ? { incidentAt } : {}),
        categories,
        ...(row.notification_type
          ? { notificationType: row.notification_type as NotificationType }
          : {}),
      });
      if (video) {
        changes.deadlines = [video];
        const stored = await findDeadline(tx, row.id, video.to.id);
        if (stored) {
          deadlines.push(stored);
        }
      }
    }

    await recordAudit(tx, auditContext(deps, now), {
      action: AuditAction.case_facts_corrected,
      entityType: 'case',
      entityId: input.logNumber,
      caseId: row.id,
      reason: input.reason,
      changes,
    });
    return { caseId: row.id, corrected, restricted, deadlines };
  });
}

/**
 * Recomputes the video-release clock from corrected facts (domain rule `recomputeClock`): the
 * running row is superseded, not edited, and the recomputed one is inserted with the next
 * sequence. Returns what changed for the audit, or null when nothing did.
 */
async function recomputeVideoClock(
  tx: Queryable,
  deps: CommandDeps,
  caseId: string,
  now: Date,
  facts: Parameters<typeof videoReleaseDeadline>[0],
): Promise<{ kind: string; from: ClockRef | null; to: ClockRef } | null> {
  const stored = (await listDeadlines(tx, caseId)).filter((d) => d.kind === 'video_release');
  const result = recomputeClock(
    stored.map((d) => ({
      anchor: { kind: d.anchor_kind as DeadlineAnchorKind, date: d.anchor_date },
      met: d.met_at !== null,
      superseded: d.superseded_at !== null,
    })),
    videoReleaseDeadline(facts, deps.profile),
  );
  if (result.change === 'none') {
    return null;
  }
  const d = result.deadline;
  const sequence = Math.max(0, ...stored.map((s) => s.sequence)) + 1;
  const to: ClockRef = {
    id: await startDeadline(tx, deps, caseId, d, sequence, now),
    sequence,
    dueDate: d.dueDate,
  };
  const running = stored.find((s) => s.met_at === null && s.superseded_at === null);
  if (result.change === 'replace' && running) {
    await supersedeDeadline(tx, running.id, to.id, now);
    return {
      kind: d.kind,
      from: { id: running.id, sequence: running.sequence, dueDate: running.due_date },
      to,
    };
  }
  return { kind: d.kind, from: null, to };
}

/** A deadline row as the audit names it. */
interface ClockRef {
  id: string;
  sequence: number;
  dueDate: string;
}

/** An incident address at block level ("1234 W Main St" → "1200 block of W Main St"). */
function blockLevel(address: string | null, jurisdiction: RedactionJurisdiction): string | null {
  return address === null ? null : redactNarrative(address, { jurisdiction }).text;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
