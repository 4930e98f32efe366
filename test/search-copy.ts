import type { Queryable } from '../src/server/db/client.ts';

/** The columns `case_search` copies from `cases` (migration 0035). */
const COPIED = [
  'jurisdiction',
  'log_number',
  'case_type',
  'received_at',
  'status',
  'categories',
  'lead_agency',
  'agencies',
  'restricted',
  'facility_id',
] as const;

/**
 * The cases whose search copy is missing, stale or left over: each copied column compared with
 * its case, and the vector computed again from the narrative. Empty when the copy is true.
 */
export async function searchCopyMismatches(db: Queryable): Promise<string[]> {
  const cols = (alias: string) => COPIED.map((c) => `${alias}.${c}`).join(', ');
  const rows = await db.query<{ id: string }>(
    `SELECT coalesce(c.id, s.id)::text AS id
       FROM cases c FULL JOIN case_search s ON s.id = c.id
      WHERE (${cols('c')}, case_search_vector(c.narrative)) IS DISTINCT FROM (${cols('s')}, s.search)
      ORDER BY 1`,
  );
  return rows.map((r) => r.id);
}
