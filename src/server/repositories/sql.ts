import type { Queryable } from '../db/client.ts';
import { CONCLUDED } from '../domain/transition.ts';

/**
 * Inserts many rows in one statement (one round trip), columns in the given order.
 * Table and column names come from code, never from input.
 */
export async function insertRows(
  tx: Queryable,
  table: string,
  columns: readonly string[],
  rows: ReadonlyArray<readonly unknown[]>,
): Promise<void> {
  if (rows.length === 0) {
    return;
  }
  const params: unknown[] = [];
  const tuples = rows.map((row) => {
    if (row.length !== columns.length) {
      throw new Error(`insertRows(${table}): expected ${columns.length} values, got ${row.length}`);
    }
    const placeholders = row.map((value) => {
      params.push(value);
      return `$${params.length}`;
    });
    return `(${placeholders.join(', ')})`;
  });
  await tx.query(
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`,
    params,
  );
}

/** ISO string of a timestamptz column value (a Date on both drivers), or null. */
export function iso(value: Date | string | null | undefined): string | null {
  if (value === null || value === undefined) {
    return null;
  }
  return new Date(value).toISOString();
}

/** Same as iso() for NOT NULL columns. */
export function isoRequired(value: Date | string): string {
  return new Date(value).toISOString();
}

/**
 * `('final', 'closed_no_finding', 'closed_referred')`: the stages in which a case has ended, as
 * SQL text for `status IN …`, built from the stage machine's one list (domain CONCLUDED). The codes
 * are fixed enum values, never input.
 */
export const CONCLUDED_SQL = `(${[...CONCLUDED].map((s) => `'${s}'`).join(', ')})`;

/** The first row a query returns, or undefined when it returns none. */
export async function firstRow<T>(
  db: Queryable,
  sql: string,
  params: readonly unknown[] = [],
): Promise<T | undefined> {
  const rows = await db.query<T>(sql, params);
  return rows[0];
}
