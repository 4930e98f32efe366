import type { Queryable } from '../db/client.ts';
import type { CaseScope } from '../policies/case.policy.ts';
import { scopeCondition } from './case-list.repository.ts';
import { insertRows, rowByKey, rowsByKey } from './sql.ts';

/**
 * What the department's records say of a member besides the name: the same columns whether staff
 * add the member or a release's roster imports it (`import-members.repository.ts`).
 */
export interface MemberAttributes {
  star: string | null;
  rank: string | null;
  unit_code: string | null;
  appointed_date: string | null;
  race: string | null;
  sex: string | null;
  birth_year: number | null;
}

export interface MemberRow extends MemberAttributes {
  id: string;
  first_name: string;
  last_name: string;
}

/** The columns of {@link MemberRow}, in the order the reads and the insert name them. */
export const MEMBER_ROW_COLUMNS = [
  'id',
  'star',
  'first_name',
  'last_name',
  'rank',
  'unit_code',
  'appointed_date',
  'race',
  'sex',
  'birth_year',
] as const satisfies ReadonlyArray<keyof MemberRow>;

const MEMBER_COLUMNS = MEMBER_ROW_COLUMNS.join(', ');

export async function insertMember(
  tx: Queryable,
  jurisdiction: string,
  m: MemberRow,
  createdAt: Date,
): Promise<void> {
  await insertRows(
    tx,
    'members',
    ['jurisdiction', ...MEMBER_ROW_COLUMNS, 'created_at'],
    [[jurisdiction, ...MEMBER_ROW_COLUMNS.map((c) => m[c]), createdAt]],
  );
}

/** The member with this id in the jurisdiction. */
export const findMember = rowByKey<MemberRow, [jurisdiction: string, id: string]>(
  `SELECT ${MEMBER_COLUMNS} FROM members`,
  ['jurisdiction', 'id'],
);

/** Members holding a star number (usually one; stars are reissued over decades). */
export const findMembersByStar = rowsByKey<MemberRow, [jurisdiction: string, star: string]>(
  `SELECT ${MEMBER_COLUMNS} FROM members`,
  ['jurisdiction', 'star'],
  'appointed_date DESC NULLS LAST',
);

/** Star-number prefix or name search ("smith", "john smith", "smith, john"). */
export async function searchMembers(
  db: Queryable,
  jurisdiction: string,
  q: string | undefined,
  page: number,
  pageSize: number,
): Promise<{ rows: MemberRow[]; total: number }> {
  const params: unknown[] = [jurisdiction];
  let where = 'jurisdiction = $1';
  if (q) {
    if (/^\d+$/.test(q)) {
      params.push(`${q}%`);
      where += ` AND star LIKE $2`;
    } else {
      const words = q
        .toLowerCase()
        .split(/[\s,]+/)
        .filter(Boolean)
        .slice(0, 4);
      for (const w of words) {
        params.push(`${w.replace(/[%_\\]/g, (c) => `\\${c}`)}%`);
        where += ` AND (lower(last_name) LIKE $${params.length} OR lower(first_name) LIKE $${params.length})`;
      }
    }
  }
  const total = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM members WHERE ${where}`,
    params,
  );
  const rows = await db.query<MemberRow>(
    `SELECT ${MEMBER_COLUMNS} FROM members WHERE ${where} ORDER BY last_name, first_name, star LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
    params,
  );
  return { rows, total: total[0]?.n ?? 0 };
}

export interface MemberAllegationRow {
  id: string;
  log_number: string;
  category: string;
  recommended_finding: string | null;
  final_finding: string | null;
  final_penalty: string | null;
  received_at: Date;
}

/**
 * A read of one member's rows on the cases the scope allows (ADR 0013): `query` writes the
 * statement around the scope's condition on the case `c`; `$1` is the member, the condition's
 * parameters follow.
 */
function memberRowsInScope<T>(query: (scoped: string) => string) {
  return (db: Queryable, memberId: string, scope: CaseScope): Promise<T[]> => {
    const scoped = scopeCondition(scope, 1);
    return db.query<T>(query(scoped.sql), [memberId, ...scoped.params]);
  };
}

/** A member's allegations on the cases the scope allows. */
export const memberAllegations = memberRowsInScope<MemberAllegationRow>(
  (scoped) =>
    `SELECT a.id, c.log_number, a.category, a.recommended_finding, a.final_finding, a.final_penalty, c.received_at
       FROM allegations a JOIN cases c ON c.id = a.case_id
      WHERE a.member_id = $1 AND ${scoped}
      ORDER BY c.received_at, a.created_at`,
);

export interface DutyStatusRow {
  id: string;
  member_id: string;
  log_number: string;
  action: string;
  stage: 'recommended' | 'decided';
  recommendation_id: string | null;
  decided_by: string | null;
  reason: string;
  effective_at: Date;
  badge_surrendered: boolean | null;
  weapon_surrendered: boolean | null;
  agency: string;
  recorded_at: Date;
  recorded_by_email: string;
}

const DUTY_SELECT = `
  SELECT d.id, d.member_id, c.log_number, d.action, d.stage, d.recommendation_id, d.decided_by, d.reason,
         d.effective_at, d.badge_surrendered, d.weapon_surrendered, d.agency, d.recorded_at, u.email AS recorded_by_email
    FROM duty_status_actions d JOIN cases c ON c.id = d.case_id JOIN users u ON u.id = d.recorded_by`;

/** The duty-status ledger of a member, on the cases the scope allows. */
export const memberDutyStatus = memberRowsInScope<DutyStatusRow>(
  (scoped) =>
    `${DUTY_SELECT} WHERE d.member_id = $1 AND ${scoped} ORDER BY d.effective_at, d.recorded_at`,
);

/** The duty-status ledger of a case, oldest first. */
export const caseDutyStatus = rowsByKey<DutyStatusRow, [caseId: string]>(
  DUTY_SELECT,
  ['d.case_id'],
  'd.effective_at, d.recorded_at',
  ['effective_at', 'recorded_at'],
);

/** One duty-status action by its id. */
export const findDutyStatus = rowByKey<DutyStatusRow, [id: string]>(DUTY_SELECT, ['d.id'], 'd');

export async function insertDutyStatus(
  tx: Queryable,
  d: {
    id: string;
    jurisdiction: string;
    memberId: string;
    caseId: string;
    action: string;
    stage: string;
    recommendationId: string | null;
    decidedBy: string | null;
    reason: string;
    effectiveAt: Date;
    badgeSurrendered: boolean | null;
    weaponSurrendered: boolean | null;
    agency: string;
    recordedAt: Date;
    recordedBy: string;
  },
): Promise<void> {
  await insertRows(
    tx,
    'duty_status_actions',
    [
      'id',
      'jurisdiction',
      'member_id',
      'case_id',
      'action',
      'stage',
      'recommendation_id',
      'decided_by',
      'reason',
      'effective_at',
      'badge_surrendered',
      'weapon_surrendered',
      'agency',
      'recorded_at',
      'recorded_by',
    ],
    [
      [
        d.id,
        d.jurisdiction,
        d.memberId,
        d.caseId,
        d.action,
        d.stage,
        d.recommendationId,
        d.decidedBy,
        d.reason,
        d.effectiveAt,
        d.badgeSurrendered,
        d.weaponSurrendered,
        d.agency,
        d.recordedAt,
        d.recordedBy,
      ],
    ],
  );
}
