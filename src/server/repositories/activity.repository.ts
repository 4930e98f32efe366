import type { Queryable } from '../db/client.ts';
import { insertRows } from './sql.ts';

export interface ActivityInsert {
  id: string;
  jurisdiction: string;
  caseId: string;
  kind: string;
  occurredAt: Date;
  place: string | null;
  outcome: string | null;
  summary: string;
  memberId: string | null;
  agency: string;
  recordedAt: Date;
  recordedBy: string;
}

export async function insertActivity(tx: Queryable, a: ActivityInsert): Promise<void> {
  await insertRows(
    tx,
    'activities',
    [
      'id',
      'jurisdiction',
      'case_id',
      'kind',
      'occurred_at',
      'place',
      'outcome',
      'summary',
      'member_id',
      'agency',
      'recorded_at',
      'recorded_by',
    ],
    [
      [
        a.id,
        a.jurisdiction,
        a.caseId,
        a.kind,
        a.occurredAt,
        a.place,
        a.outcome,
        a.summary,
        a.memberId,
        a.agency,
        a.recordedAt,
        a.recordedBy,
      ],
    ],
  );
}
