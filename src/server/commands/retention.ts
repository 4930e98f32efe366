import type { Db } from '../db/client.ts';
import { AuditAction, recordAudit } from '../audit/audit.ts';
import { NotFoundError } from '../errors.ts';
import {
  countRetention,
  lockRetentionBatch,
  purgePartyIdentities,
  setLegalHold,
} from '../repositories/privacy.repository.ts';
import { purgeLetterRecipients } from '../repositories/letters.repository.ts';
import type { CaseStatus } from '../../shared/enums.ts';
import { CONCLUDED } from '../domain/transition.ts';
import { systemAuditContext } from './context.ts';

/** Retention runs from the CLI, as the system. */
export interface RetentionDeps {
  db: Db;
  now: () => Date;
  jurisdiction: string;
}

/**
 * The stages after which a case is closed (the stage machine's CONCLUDED). A reopened case leaves
 * them (transition() moves it to investigation), so its identities are never purged while it is
 * worked again.
 */
const CLOSED_STATUSES: readonly CaseStatus[] = [...CONCLUDED];

/** What `oversight retention run` did (or, with --dry-run, would do). */
export interface RetentionReport {
  dryRun: boolean;
  years: number;
  /** Cases closed before this instant are due. */
  closedBefore: string;
  cases: number;
  parties: number;
  /** Closed, due cases skipped because of a legal hold. */
  heldCases: number;
}

/** `now` minus whole years, in UTC (29 February falls back to 28 February). */
export function yearsBefore(now: Date, years: number): Date {
  const d = new Date(now.getTime());
  d.setUTCFullYear(d.getUTCFullYear() - years);
  if (d.getUTCMonth() !== now.getUTCMonth()) {
    d.setUTCDate(0);
  }
  return d;
}

/**
 * Purges the civilian identity fields of cases closed more than `years` years ago (ADR 0017):
 * open cases and cases under a legal hold are never touched; the case, its allegations, findings
 * and the audit trail stay. Batches of cases, each its own transaction with one audit row per
 * case (the count of parties, never a value); a crash leaves whole cases done or not, and running
 * again finishes the rest.
 */
export async function applyRetention(
  deps: RetentionDeps,
  opts: { years: number; dryRun: boolean; batchSize?: number },
): Promise<RetentionReport> {
  const now = deps.now();
  const closedBefore = yearsBefore(now, opts.years);
  const due = await countRetention(deps.db, deps.jurisdiction, CLOSED_STATUSES, closedBefore);
  const report: RetentionReport = {
    dryRun: opts.dryRun,
    years: opts.years,
    closedBefore: closedBefore.toISOString(),
    cases: due.cases,
    parties: due.parties,
    heldCases: due.held,
  };
  if (opts.dryRun) {
    return report;
  }
  let cases = 0;
  let parties = 0;
  let after: string | null = null;
  for (;;) {
    const batch: Array<{ id: string; log_number: string }> = await deps.db.transaction(
      async (tx) => {
        const locked = await lockRetentionBatch(
          tx,
          deps.jurisdiction,
          CLOSED_STATUSES,
          closedBefore,
          after,
          opts.batchSize ?? 200,
        );
        if (locked.length === 0) {
          return locked;
        }
        const purged = await purgePartyIdentities(
          tx,
          locked.map((c) => c.id),
          now,
        );
        // the letters' envelopes to those people are identities too (issue 18)
        await purgeLetterRecipients(
          tx,
          locked.map((c) => c.id),
        );
        for (const c of locked) {
          const n = purged.filter((p) => p.case_id === c.id).length;
          parties += n;
          await recordAudit(tx, systemAuditContext(deps.jurisdiction, now), {
            action: AuditAction.retention_applied,
            entityType: 'case',
            entityId: c.log_number,
            caseId: c.id,
            changes: {
              partiesPurged: n,
              retentionYears: opts.years,
              closedBefore: closedBefore.toISOString(),
            },
          });
        }
        return locked;
      },
    );
    if (batch.length === 0) {
      break;
    }
    cases += batch.length;
    after = batch.at(-1)!.id;
  }
  return { ...report, cases, parties };
}

/**
 * Sets or releases a legal hold on a case (litigation, a records request in progress): a held
 * case is never purged by retention. Audited.
 */
export async function changeLegalHold(
  deps: RetentionDeps,
  logNumber: string,
  hold: boolean,
): Promise<{ changed: boolean }> {
  return deps.db.transaction(async (tx) => {
    const r = await setLegalHold(tx, deps.jurisdiction, logNumber, hold);
    if (!r) {
      throw new NotFoundError(`Case ${logNumber}`, 'case_not_found');
    }
    if (r.was !== hold) {
      await recordAudit(tx, systemAuditContext(deps.jurisdiction, deps.now()), {
        action: AuditAction.legal_hold_changed,
        entityType: 'case',
        entityId: logNumber,
        caseId: r.id,
        changes: { legalHold: { from: r.was, to: hold } },
      });
    }
    return { changed: r.was !== hold };
  });
}
