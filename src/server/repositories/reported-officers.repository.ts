import type { Queryable } from '../db/client.ts';
import type { ReportedOfficerSource, ReportedOfficerStatus } from '../../shared/enums.ts';
import { insertRows, lockedRowByKey, rowsByKey } from './sql.ts';

/** A reported officer as stored (migration 0018), with its roster member when identified. */
export interface ReportedOfficerRow {
  id: string;
  case_id: string;
  member_id: string | null;
  name_as_given: string | null;
  star: string | null;
  description: string | null;
  source: ReportedOfficerSource;
  status: ReportedOfficerStatus;
  allegation_id: string | null;
  resolution_note: string | null;
  resolved_at: Date | null;
  created_at: Date;
  member_star: string | null;
  member_first_name: string | null;
  member_last_name: string | null;
  member_rank: string | null;
  member_unit: string | null;
  member_appointed_date: string | null;
}

export interface ReportedOfficerInsert {
  id: string;
  jurisdiction: string;
  caseId: string;
  position: number;
  memberId: string | null;
  name: string | null;
  star: string | null;
  description: string | null;
  source: ReportedOfficerSource;
  createdAt: Date;
  createdBy: string | null;
}

export async function insertReportedOfficers(
  tx: Queryable,
  officers: readonly ReportedOfficerInsert[],
): Promise<void> {
  await insertRows(
    tx,
    'reported_officers',
    [
      'id',
      'jurisdiction',
      'case_id',
      'position',
      'member_id',
      'name_as_given',
      'star',
      'description',
      'source',
      'created_at',
      'created_by',
    ],
    officers.map((o) => [
      o.id,
      o.jurisdiction,
      o.caseId,
      o.position,
      o.memberId,
      o.name,
      o.star,
      o.description,
      o.source,
      o.createdAt,
      o.createdBy,
    ]),
  );
}

const SELECT = `SELECT r.id, r.case_id, r.member_id, r.name_as_given, r.star, r.description,
         r.source, r.status, r.allegation_id, r.resolution_note, r.resolved_at, r.created_at,
         m.star AS member_star, m.first_name AS member_first_name,
         m.last_name AS member_last_name, m.rank AS member_rank, m.unit_code AS member_unit,
         m.appointed_date AS member_appointed_date
    FROM reported_officers r LEFT JOIN members m ON m.id = r.member_id`;

/** A case's reported officers, in the order they were recorded. */
export const listReportedOfficers = rowsByKey<ReportedOfficerRow, [caseId: string]>(
  SELECT,
  ['r.case_id'],
  'r.created_at, r.position, r.id',
  ['resolved_at', 'created_at'],
);

/** One reported officer of a case, locked for its resolution. */
export const lockReportedOfficer = lockedRowByKey<ReportedOfficerRow, [caseId: string, id: string]>(
  SELECT,
  ['r.case_id', 'r.id'],
  'r',
);

/** Records the resolution: confirmed into an allegation, or dismissed with a reason. */
export async function resolveReportedOfficerRow(
  tx: Queryable,
  r: {
    id: string;
    status: Exclude<ReportedOfficerStatus, 'reported'>;
    memberId: string | null;
    allegationId: string | null;
    note: string | null;
    at: Date;
    by: string;
  },
): Promise<void> {
  await tx.query(
    `UPDATE reported_officers
        SET status = $2, member_id = COALESCE($3, member_id), allegation_id = $4,
            resolution_note = $5, resolved_at = $6, resolved_by = $7
      WHERE id = $1 AND status = 'reported'`,
    [r.id, r.status, r.memberId, r.allegationId, r.note, r.at, r.by],
  );
}
