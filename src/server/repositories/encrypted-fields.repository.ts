import type { Queryable } from '../db/client.ts';
import type { EncryptedField } from '../security/encrypted-fields.ts';

/*
 * SQL over the encrypted columns of `security/encrypted-fields.ts`. Table and column names come
 * from that list (code), never from input. The key id is the second dot-separated part of an
 * envelope (`v1.<keyId>.…`), read with split_part so no decryption is needed to count or select.
 */

/** How many values of a column each key id encrypts. */
export async function countValuesByKey(
  db: Queryable,
  jurisdiction: string,
  field: EncryptedField,
): Promise<Array<{ keyId: string; values: number }>> {
  const rows = await db.query<{ key_id: string; n: number | string }>(
    `SELECT split_part(${field.column}, '.', 2) AS key_id, count(*) AS n
       FROM ${field.table}
      WHERE jurisdiction = $1 AND ${field.column} IS NOT NULL
      GROUP BY 1 ORDER BY 1`,
    [jurisdiction],
  );
  return rows.map((r) => ({ keyId: r.key_id, values: Number(r.n) }));
}

/**
 * Locks the next batch of values under one of `fromKeyIds`, in id order after `after`. Rows
 * another transaction holds are skipped (SKIP LOCKED), not waited for: a server write in progress
 * never stalls the rotation, and a later pass picks the row up.
 */
export async function lockValuesToReencrypt(
  tx: Queryable,
  jurisdiction: string,
  field: EncryptedField,
  fromKeyIds: readonly string[],
  after: string | null,
  limit: number,
): Promise<Array<{ id: string; value: string }>> {
  return tx.query<{ id: string; value: string }>(
    `SELECT id::text AS id, ${field.column} AS value
       FROM ${field.table}
      WHERE jurisdiction = $1 AND ${field.column} IS NOT NULL
        AND split_part(${field.column}, '.', 2) = ANY($2::text[])
        AND ($3::uuid IS NULL OR id > $3::uuid)
      ORDER BY id
      LIMIT $4
      FOR UPDATE SKIP LOCKED`,
    [jurisdiction, fromKeyIds, after, limit],
  );
}

/** Replaces values by id, each only if it still holds the envelope it was read with. */
export async function replaceValues(
  tx: Queryable,
  field: EncryptedField,
  rows: ReadonlyArray<{ id: string; from: string; to: string }>,
): Promise<number> {
  if (rows.length === 0) {
    return 0;
  }
  const updated = await tx.query<{ id: string }>(
    `UPDATE ${field.table} AS t SET ${field.column} = v.to_value
       FROM unnest($1::uuid[], $2::text[], $3::text[]) AS v(id, from_value, to_value)
      WHERE t.id = v.id AND t.${field.column} = v.from_value
      RETURNING t.id`,
    [rows.map((r) => r.id), rows.map((r) => r.from), rows.map((r) => r.to)],
  );
  return updated.length;
}
