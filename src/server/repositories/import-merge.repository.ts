/**
 * The import's bulk writes, shared by its repositories: rows staged by COPY and merged on their
 * natural key, or copied straight into a table whose kind was never imported (ADR 0025, 0032).
 */
import crypto from 'node:crypto';
import type { Queryable } from '../db/client.ts';
import { copyText, type CopyColumn } from '../db/copy-text.ts';

/** What an upsert did to each key it was given (keys not returned were unchanged). */
export type Outcome = 'inserted' | 'updated' | 'unchanged';

export type ColumnSpec = CopyColumn;

/**
 * Loads rows into the transaction's temporary staging table for `target` (unindexed, created on
 * first use, dropped at commit) through COPY, and returns its name: the import's one bulk path on
 * both engines (ADR 0025). Whoever reads it empties it with {@link unstage}.
 */
async function stage(
  tx: Queryable,
  target: string,
  columns: readonly ColumnSpec[],
  rows: ReadonlyArray<Record<string, unknown>>,
): Promise<string> {
  const name = `import_stage_${target}`;
  await tx.query(
    `CREATE TEMP TABLE IF NOT EXISTS ${name} (${columns.map((c) => `${c.name} ${c.type}`).join(', ')}) ON COMMIT DROP`,
  );
  await tx.copyFrom(
    name,
    columns.map((c) => c.name),
    copyText(columns, rows),
  );
  return name;
}

async function unstage(tx: Queryable, name: string): Promise<void> {
  await tx.query(`TRUNCATE ${name}`);
}

/**
 * Set-based upsert of many rows in one statement: rows are staged by COPY, then merged with one
 * `INSERT … SELECT … ON CONFLICT` on the natural key. A row whose `import_hash` equals the stored
 * one is not touched (and not returned), so re-importing the same release writes nothing; the
 * rows returned say which keys were inserted and which updated.
 */
async function upsertBatch(
  tx: Queryable,
  opts: { table: string; key: string; columns: ColumnSpec[]; update: string[]; onlyWhere?: string },
  rows: Array<Record<string, unknown>>,
): Promise<Array<{ key: string; id: string; inserted: boolean }>> {
  if (rows.length === 0) {
    return [];
  }
  const names = opts.columns.map((c) => c.name);
  const set = opts.update.map((c) => `${c} = EXCLUDED.${c}`).join(', ');
  const where = [`${opts.table}.import_hash IS DISTINCT FROM EXCLUDED.import_hash`, opts.onlyWhere]
    .filter(Boolean)
    .join(' AND ');
  const staged = await stage(tx, opts.table, opts.columns, rows);
  const result = await tx.query<{ key: string; id: string; inserted: boolean }>(
    `INSERT INTO ${opts.table} (id, ${names.join(', ')})
     SELECT gen_random_uuid(), ${names.join(', ')} FROM ${staged}
     ON CONFLICT (jurisdiction, ${opts.key}) DO UPDATE SET ${set}
     WHERE ${where}
     RETURNING ${opts.key} AS key, id, (xmax = 0) AS inserted`,
  );
  await unstage(tx, staged);
  return result;
}

/**
 * Inserts rows whose keys the table should not hold yet (nothing of their file's kind was ever
 * imported) by COPY straight into the table, each with a new id, under a savepoint: no staging
 * table, no conflict arbitration, no `RETURNING`. Returns false, with nothing written, when a
 * key exists after all (another kind wrote it, or a key repeats in the file): those rows go
 * through the merge instead, which counts them as it always did.
 */
async function copyFresh(
  tx: Queryable,
  opts: { table: string; columns: ColumnSpec[] },
  rows: Array<Record<string, unknown>>,
): Promise<boolean> {
  for (const r of rows) {
    r['id'] = crypto.randomUUID();
  }
  const columns = [{ name: 'id', type: 'uuid' }, ...opts.columns];
  await tx.query(`SAVEPOINT import_fresh`);
  try {
    await tx.copyFrom(
      opts.table,
      columns.map((c) => c.name),
      copyText(columns, rows),
    );
  } catch (err) {
    if ((err as { code?: string }).code !== '23505') {
      throw err;
    }
    await tx.query(`ROLLBACK TO SAVEPOINT import_fresh`);
    return false;
  }
  await tx.query(`RELEASE SAVEPOINT import_fresh`);
  return true;
}

/** Rows per jsonb statement (the smaller writes) and per staged COPY (the upserts). */
export const BATCH = 2000;
const STAGE_BATCH = 10_000;

/**
 * Upserts in batches, calling `progress` after each; returns the outcome per key. `fresh`: no
 * run of the rows' file kind wrote rows before, so their keys should be new ({@link copyFresh}).
 */
export async function upsertAll(
  tx: Queryable,
  opts: Parameters<typeof upsertBatch>[1],
  rows: Array<Record<string, unknown> & { import_key?: string; log_number?: string }>,
  keyOf: (row: Record<string, unknown>) => string,
  progress: (done: number) => void,
  fresh = false,
): Promise<{ outcomes: Map<string, Outcome>; ids: Map<string, string> }> {
  const outcomes = new Map<string, Outcome>();
  const ids = new Map<string, string>();
  for (let i = 0; i < rows.length; i += STAGE_BATCH) {
    const batch = rows.slice(i, i + STAGE_BATCH);
    if (fresh && (await copyFresh(tx, opts, batch))) {
      for (const r of batch) {
        outcomes.set(keyOf(r), 'inserted');
        ids.set(keyOf(r), r['id'] as string);
      }
      progress(Math.min(i + STAGE_BATCH, rows.length));
      continue;
    }
    for (const r of batch) {
      outcomes.set(keyOf(r), 'unchanged');
    }
    for (const r of await upsertBatch(tx, opts, batch)) {
      outcomes.set(r.key, r.inserted ? 'inserted' : 'updated');
      ids.set(r.key, r.id);
    }
    progress(Math.min(i + STAGE_BATCH, rows.length));
  }
  return { outcomes, ids };
}
