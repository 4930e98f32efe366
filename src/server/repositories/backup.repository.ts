import type { Queryable } from '../db/client.ts';

/** Every table of the application schema with its row count, by name. */
export async function tableRowCounts(db: Queryable): Promise<Record<string, number>> {
  const tables = await db.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    // names come from the catalog, quoted as identifiers
    const rows = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM public."${name.replace(/"/g, '""')}"`,
    );
    counts[name] = rows[0]?.n ?? 0;
  }
  return counts;
}

/** The migrations applied, in order (the last is the schema version). */
export async function appliedMigrations(db: Queryable): Promise<string[]> {
  const rows = await db.query<{ name: string }>(`SELECT name FROM schema_migrations ORDER BY name`);
  return rows.map((r) => r.name);
}

/** The audit chain's head for a jurisdiction (sequence number and hash of its last event). */
export async function auditChainHead(
  db: Queryable,
  jurisdiction: string,
): Promise<{ seq: number; hash: string } | null> {
  const rows = await db.query<{ seq: number; hash: string }>(
    `SELECT last_seq::int AS seq, last_hash AS hash FROM audit_head WHERE jurisdiction = $1`,
    [jurisdiction],
  );
  return rows[0] ?? null;
}

/** Tables, views, sequences and other relations outside the system schemas: an empty database has none. */
export async function userRelationCount(db: Queryable): Promise<number> {
  const rows = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'`,
  );
  return rows[0]?.n ?? 0;
}

/** Starts the backup's snapshot: the first statement of a repeatable-read, read-only transaction. */
export async function beginSnapshot(tx: Queryable): Promise<void> {
  await tx.query(`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY`);
}

/** Exports the transaction's snapshot for `pg_dump --snapshot` (a server only). */
export async function exportSnapshot(tx: Queryable): Promise<string> {
  const rows = await tx.query<{ id: string }>(`SELECT pg_export_snapshot() AS id`);
  return rows[0]!.id;
}

/** Writes the embedded engine's dirty pages out, so its dumped files need no recovery work. */
export async function checkpoint(tx: Queryable): Promise<void> {
  await tx.query(`CHECKPOINT`);
}
