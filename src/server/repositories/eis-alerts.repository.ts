import type { Queryable } from '../db/client.ts';
import type { AlertStatus, RuleKind } from '../../shared/schemas/eis.ts';
import type { LocalizedText } from '../domain/profiles/profile.ts';
import { rowByKey } from './sql.ts';

/** Early-intervention rules, alerts and their review steps (migration 0026). */

/** What an administrator sets on a rule. */
export interface RuleValues {
  kind: RuleKind;
  label: string;
  categories: string[];
  threshold: number | null;
  days: number | null;
  percentile: number | null;
  memberId: string | null;
  unitCode: string | null;
  active: boolean;
}

export interface RuleRow extends RuleValues {
  id: string;
  code: string;
  updatedAt: Date;
}

const RULE_COLUMNS = `id, code, kind, label, categories, threshold, days,
  percentile::float8 AS percentile, member_id AS "memberId", unit_code AS "unitCode", active,
  updated_at AS "updatedAt"`;

export async function listRules(db: Queryable, jurisdiction: string): Promise<RuleRow[]> {
  return db.query<RuleRow>(
    `SELECT ${RULE_COLUMNS} FROM eis_rules WHERE jurisdiction = $1 ORDER BY code`,
    [jurisdiction],
  );
}

/** One rule by its code; `lock` holds it for the change a command is about to make. */
export const findRule = rowByKey<RuleRow, [jurisdiction: string, code: string]>(
  `SELECT ${RULE_COLUMNS} FROM eis_rules`,
  ['jurisdiction', 'code'],
);

/** The rule's columns after id, jurisdiction and code, in the order both writes name them. */
const ruleParams = (v: RuleValues): unknown[] => [
  v.kind,
  v.label,
  v.categories,
  v.threshold,
  v.days,
  v.percentile,
  v.memberId,
  v.unitCode,
  v.active,
];

export async function insertRule(
  tx: Queryable,
  jurisdiction: string,
  id: string,
  code: string,
  v: RuleValues,
  by: string | null,
  at: Date,
): Promise<void> {
  await tx.query(
    `INSERT INTO eis_rules (id, jurisdiction, code, kind, label, categories, threshold, days,
                            percentile, member_id, unit_code, active, created_at, created_by,
                            updated_at, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $13, $14)`,
    [id, jurisdiction, code, ...ruleParams(v), at, by],
  );
}

export async function updateRule(
  tx: Queryable,
  id: string,
  v: RuleValues,
  by: string | null,
  at: Date,
): Promise<void> {
  await tx.query(
    `UPDATE eis_rules SET kind = $2, label = $3, categories = $4, threshold = $5, days = $6,
            percentile = $7, member_id = $8, unit_code = $9, active = $10, updated_at = $11,
            updated_by = $12
      WHERE id = $1`,
    [id, ...ruleParams(v), at, by],
  );
}

/** `member:rule` keys of the alerts still under review (not raised again by a nightly run). */
export async function openAlertKeys(db: Queryable, jurisdiction: string): Promise<Set<string>> {
  const rows = await db.query<{ k: string }>(
    `SELECT member_id || ':' || rule_id AS k FROM eis_alerts
      WHERE jurisdiction = $1 AND status IN ('new', 'supervisor_review', 'intervention_planned')`,
    [jurisdiction],
  );
  return new Set(rows.map((r) => r.k));
}

export async function insertAlert(
  tx: Queryable,
  a: {
    id: string;
    jurisdiction: string;
    memberId: string;
    ruleId: string;
    raisedOn: string;
    score: number | null;
    reasons: LocalizedText[];
    at: Date;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO eis_alerts (id, jurisdiction, member_id, rule_id, raised_on, score, reasons,
                             status, status_changed_at, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'new', $8, $8)`,
    [
      a.id,
      a.jurisdiction,
      a.memberId,
      a.ruleId,
      a.raisedOn,
      a.score,
      JSON.stringify(a.reasons),
      a.at,
    ],
  );
}

export interface AlertRow {
  id: string;
  memberId: string;
  firstName: string | null;
  lastName: string | null;
  star: string | null;
  unit: string | null;
  ruleCode: string;
  ruleKind: RuleKind;
  ruleLabel: string;
  raisedOn: string;
  score: number | null;
  reasons: LocalizedText[];
  status: AlertStatus;
}

const ALERT_SELECT = `SELECT a.id, a.member_id AS "memberId", m.first_name AS "firstName",
         m.last_name AS "lastName", m.star, m.unit_code AS unit, r.code AS "ruleCode",
         r.kind AS "ruleKind", r.label AS "ruleLabel", a.raised_on::text AS "raisedOn", a.score,
         a.reasons, a.status
    FROM eis_alerts a JOIN members m ON m.id = a.member_id JOIN eis_rules r ON r.id = a.rule_id`;

/** The queue, newest first; `statuses` filters (empty: all). */
export async function listAlerts(
  db: Queryable,
  jurisdiction: string,
  statuses: readonly AlertStatus[],
  limit: number,
): Promise<AlertRow[]> {
  return db.query<AlertRow>(
    `${ALERT_SELECT}
      WHERE a.jurisdiction = $1 AND (cardinality($2::text[]) = 0 OR a.status = ANY($2::text[]))
      ORDER BY a.raised_on DESC, a.created_at DESC, a.id
      LIMIT $3`,
    [jurisdiction, statuses, limit],
  );
}

/** One alert; `lock` holds the alert row (not its member's or rule's) for its review step. */
export const findAlert = rowByKey<AlertRow, [jurisdiction: string, id: string]>(
  ALERT_SELECT,
  ['a.jurisdiction', 'a.id'],
  'a',
);

export async function recordAlertStep(
  tx: Queryable,
  s: {
    id: string;
    jurisdiction: string;
    alertId: string;
    from: AlertStatus;
    to: AlertStatus;
    note: string;
    actorId: string | null;
    at: Date;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO eis_alert_steps (id, jurisdiction, alert_id, from_status, to_status, note, actor_id, at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [s.id, s.jurisdiction, s.alertId, s.from, s.to, s.note, s.actorId, s.at],
  );
  await tx.query(`UPDATE eis_alerts SET status = $2, status_changed_at = $3 WHERE id = $1`, [
    s.alertId,
    s.to,
    s.at,
  ]);
}

export interface AlertStepRow {
  alertId: string;
  from: AlertStatus;
  to: AlertStatus;
  note: string;
  actor: string | null;
  at: Date;
}

export async function alertSteps(
  db: Queryable,
  alertIds: readonly string[],
): Promise<AlertStepRow[]> {
  if (alertIds.length === 0) {
    return [];
  }
  return db.query<AlertStepRow>(
    `SELECT s.alert_id AS "alertId", s.from_status AS "from", s.to_status AS "to", s.note,
            u.display_name AS actor, s.at
       FROM eis_alert_steps s LEFT JOIN users u ON u.id = s.actor_id
      WHERE s.alert_id = ANY($1::uuid[])
      ORDER BY s.at, s.id`,
    [alertIds],
  );
}

/** Keeps a backtest run's tables (aggregates only). */
export async function saveBacktestRun(
  tx: Queryable,
  r: {
    id: string;
    jurisdiction: string;
    from: number;
    to: number;
    result: unknown;
    seconds: number;
    at: Date;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO eis_backtest_runs (id, jurisdiction, from_year, to_year, result, seconds, ran_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [r.id, r.jurisdiction, r.from, r.to, JSON.stringify(r.result), r.seconds, r.at],
  );
}

/** The latest backtest run, or null. */
export async function latestBacktestRun(
  db: Queryable,
  jurisdiction: string,
): Promise<{ result: unknown; seconds: number; ranAt: Date } | null> {
  const rows = await db.query<{ result: unknown; seconds: number; ranAt: Date }>(
    `SELECT result, seconds, ran_at AS "ranAt" FROM eis_backtest_runs
      WHERE jurisdiction = $1 ORDER BY ran_at DESC LIMIT 1`,
    [jurisdiction],
  );
  return rows[0] ?? null;
}
