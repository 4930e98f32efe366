import type { PolicyRecommendationOut } from '../../shared/schemas/policy-recommendations.ts';
import type { Queryable } from '../db/client.ts';
import { insertRows, rowByKey, updateById } from './sql.ts';

/** A policy recommendation as the API and the reports show it. */
export type PolicyRecommendationRow = PolicyRecommendationOut;

const COLUMNS = `id, made_on::text AS "madeOn", topic, body AS text, recipient, response,
  response_on::text AS "respondedOn", status`;

export async function insertPolicyRecommendation(
  tx: Queryable,
  jurisdiction: string,
  r: PolicyRecommendationRow,
  at: Date,
  by: string | null,
): Promise<void> {
  await insertRows(
    tx,
    'policy_recommendations',
    [
      'id',
      'jurisdiction',
      'made_on',
      'topic',
      'body',
      'recipient',
      'status',
      'created_at',
      'created_by',
      'updated_at',
    ],
    [[r.id, jurisdiction, r.madeOn, r.topic, r.text, r.recipient, r.status, at, by, at]],
  );
}

/** One recommendation; `lock` holds it for the change a command is about to make. */
export const findPolicyRecommendation = rowByKey<
  PolicyRecommendationRow,
  [jurisdiction: string, id: string]
>(`SELECT ${COLUMNS} FROM policy_recommendations`, ['jurisdiction', 'id']);

/** Recommendations made between two dates inclusive (all when no dates), oldest first. */
export async function listPolicyRecommendations(
  db: Queryable,
  jurisdiction: string,
  period?: { from: string; to: string },
): Promise<PolicyRecommendationRow[]> {
  return db.query<PolicyRecommendationRow>(
    `SELECT ${COLUMNS} FROM policy_recommendations
      WHERE jurisdiction = $1 AND ($2::date IS NULL OR made_on BETWEEN $2::date AND $3::date)
      ORDER BY made_on, topic, id`,
    [jurisdiction, period?.from ?? null, period?.to ?? null],
  );
}

/** Records the department's response to a recommendation. */
export const updatePolicyResponse = updateById<[response: string, respondedOn: string, at: Date]>(
  'policy_recommendations',
  ['response', 'response_on', 'updated_at'],
);

/** Moves a recommendation's status. */
export const updatePolicyStatus = updateById<[status: string, at: Date]>('policy_recommendations', [
  'status',
  'updated_at',
]);
