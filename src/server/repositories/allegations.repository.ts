import type { Queryable } from '../db/client.ts';
import type { AllegationOutcome } from '../domain/publication.ts';
import { insertRows, rowByKey, rowsByKey, rowsOf } from './sql.ts';

export interface AllegationRow {
  id: string;
  case_id: string;
  member_id: string | null;
  category: string;
  summary: string;
  recommended_finding: string | null;
  recommended_penalty: string | null;
  final_finding: string | null;
  final_penalty: string | null;
  created_at: Date;
  member_star: string | null;
  member_first_name: string | null;
  member_last_name: string | null;
  member_rank: string | null;
}

export interface FindingRow {
  allegation_id: string;
  stage: 'recommended' | 'final';
  finding: string | null;
  penalty: string | null;
  agency: string;
  recorded_at: Date;
  /** The day the finding or penalty was decided, 'YYYY-MM-DD' (migration 0013). */
  decided_on: string;
  recorded_by_email: string | null;
}

export async function insertAllegation(
  tx: Queryable,
  a: {
    id: string;
    jurisdiction: string;
    caseId: string;
    memberId: string | null;
    category: string;
    summary: string;
    createdAt: Date;
    createdBy: string;
  },
): Promise<void> {
  await insertRows(
    tx,
    'allegations',
    [
      'id',
      'jurisdiction',
      'case_id',
      'member_id',
      'category',
      'summary',
      'created_at',
      'created_by',
    ],
    [[a.id, a.jurisdiction, a.caseId, a.memberId, a.category, a.summary, a.createdAt, a.createdBy]],
  );
}

const SELECT = `
  SELECT a.id, a.case_id, a.member_id, a.category, a.summary, a.recommended_finding, a.recommended_penalty,
         a.final_finding, a.final_penalty, a.created_at,
         m.star AS member_star, m.first_name AS member_first_name, m.last_name AS member_last_name, m.rank AS member_rank
    FROM allegations a LEFT JOIN members m ON m.id = a.member_id`;

/** A case's allegations, in the order they were added. */
export const listAllegations = rowsByKey<AllegationRow, [caseId: string]>(
  SELECT,
  ['a.case_id'],
  'a.created_at, a.id',
  ['created_at'],
);

/** Ranks of the members accused on a case, as the roster writes them (routing: CPD G08-01). */
export async function accusedRanks(db: Queryable, caseId: string): Promise<string[]> {
  const rows = await db.query<{ rank: string }>(
    `SELECT DISTINCT m.rank FROM allegations a JOIN members m ON m.id = a.member_id
      WHERE a.case_id = $1 AND m.rank IS NOT NULL ORDER BY m.rank`,
    [caseId],
  );
  return rows.map((r) => r.rank);
}

/** The categories of a case's allegations (the case's categories cache holds these and intake's). */
export async function allegationCategories(db: Queryable, caseId: string): Promise<string[]> {
  const rows = await db.query<{ category: string }>(
    `SELECT DISTINCT category FROM allegations WHERE case_id = $1 ORDER BY category`,
    [caseId],
  );
  return rows.map((r) => r.category);
}

/** One allegation of a case. */
export const findAllegation = rowByKey<AllegationRow, [caseId: string, id: string]>(SELECT, [
  'a.case_id',
  'a.id',
]);

/** The findings of a case's allegations, oldest first. */
export const listFindings = rowsOf<FindingRow, [caseId: string]>(
  `SELECT f.allegation_id, f.stage, f.finding, f.penalty, f.agency, f.recorded_at, f.decided_on, u.email AS recorded_by_email
     FROM allegation_findings f JOIN allegations a ON a.id = f.allegation_id LEFT JOIN users u ON u.id = f.recorded_by
    WHERE a.case_id = $1 ORDER BY f.recorded_at, f.id`,
  ['recorded_at'],
);

/**
 * Appends a finding row (history) and refreshes the allegation's cache columns for that stage;
 * a value not given keeps the previous one.
 */
export async function recordFinding(
  tx: Queryable,
  f: {
    id: string;
    jurisdiction: string;
    allegationId: string;
    stage: 'recommended' | 'final';
    finding: string | null;
    penalty: string | null;
    agency: string;
    recordedAt: Date;
    /** The day it was decided, 'YYYY-MM-DD'. */
    decidedOn: string;
    recordedBy: string;
  },
): Promise<void> {
  await insertRows(
    tx,
    'allegation_findings',
    [
      'id',
      'jurisdiction',
      'allegation_id',
      'stage',
      'finding',
      'penalty',
      'agency',
      'recorded_at',
      'decided_on',
      'recorded_by',
    ],
    [
      [
        f.id,
        f.jurisdiction,
        f.allegationId,
        f.stage,
        f.finding,
        f.penalty,
        f.agency,
        f.recordedAt,
        f.decidedOn,
        f.recordedBy,
      ],
    ],
  );
  const [findingCol, penaltyCol] =
    f.stage === 'recommended'
      ? ['recommended_finding', 'recommended_penalty']
      : ['final_finding', 'final_penalty'];
  await tx.query(`UPDATE allegations SET ${findingCol} = $2, ${penaltyCol} = $3 WHERE id = $1`, [
    f.allegationId,
    f.finding,
    f.penalty,
  ]);
}

/**
 * SQL: the decision date of allegation `a`'s current finding of one stage, i.e. of the latest
 * row, the one the allegation's cache columns hold (recordFinding).
 */
export function decidedOnSql(stage: 'recommended' | 'final'): string {
  return `(SELECT f.decided_on FROM allegation_findings f
            WHERE f.allegation_id = a.id AND f.stage = '${stage}'
            ORDER BY f.recorded_at DESC, f.id DESC LIMIT 1)`;
}

/** An allegation's finding columns, as the public reads select them. */
export interface AllegationOutcomeColumns {
  recommended_finding: string | null;
  recommended_penalty: string | null;
  /** Decision date of the current recommended finding (`decidedOnSql`). */
  recommended_on: string | null;
  final_finding: string | null;
  final_penalty: string | null;
  /** Decision date of the current final finding. */
  final_on: string | null;
}

/** The finding columns of a public read as the publication rule takes them (`publicOutcome`). */
export function allegationOutcome(a: AllegationOutcomeColumns): AllegationOutcome {
  return {
    recommendedFinding: a.recommended_finding,
    recommendedPenalty: a.recommended_penalty,
    recommendedOn: a.recommended_on,
    finalFinding: a.final_finding,
    finalPenalty: a.final_penalty,
    finalOn: a.final_on,
  };
}
