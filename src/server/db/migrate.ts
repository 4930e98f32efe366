import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db, Queryable } from './client.ts';

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Result of a migration run: the files applied now (empty when already current). */
export interface MigrateResult {
  applied: string[];
}

/**
 * Applies the forward-only SQL migrations in file-name order, each in its own transaction,
 * recording each in schema_migrations. An advisory lock keeps two servers from racing.
 */
export async function migrate(
  db: Db,
  opts: {
    /** Stop after this migration (a database as an older version left it: the restore test). */
    through?: string;
  } = {},
): Promise<MigrateResult> {
  await db.query(
    `CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
  );
  const all = migrationFiles();
  const files = opts.through ? all.slice(0, all.indexOf(opts.through) + 1) : all;
  const applied: string[] = [];
  for (const file of files) {
    const sql = fs.readFileSync(path.join(MIGRATIONS_DIR, file), 'utf8');
    const done = await db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(7335201)`);
      const seen = await tx.query(`SELECT 1 FROM schema_migrations WHERE name = $1`, [file]);
      if (seen.length > 0) {
        return false;
      }
      for (const statement of splitStatements(sql)) {
        await tx.query(statement);
      }
      await tx.query(`INSERT INTO schema_migrations (name) VALUES ($1)`, [file]);
      return true;
    });
    if (done) {
      applied.push(file);
    }
  }
  return { applied };
}

/** The migrations this code knows, in the order they apply (the last is its schema version). */
export function migrationFiles(): string[] {
  return fs
    .readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d{4}_.+\.sql$/.test(f))
    .sort();
}

/**
 * The migrations this build carries that the database has not applied (for `/ready`: a server
 * whose schema lags its code must not take traffic). Reads only, so it runs on a standby too.
 */
export async function pendingMigrations(db: Queryable): Promise<string[]> {
  const [table] = await db.query<{ present: boolean }>(
    `SELECT to_regclass('schema_migrations') IS NOT NULL AS present`,
  );
  if (!table?.present) {
    return migrationFiles();
  }
  const rows = await db.query<{ name: string }>(`SELECT name FROM schema_migrations`);
  const done = new Set(rows.map((r) => r.name));
  return migrationFiles().filter((f) => !done.has(f));
}

/**
 * Splits a migration into statements at semicolons outside quotes, comments and $$ bodies
 * (extended-protocol queries take one statement each).
 */
export function splitStatements(sql: string): string[] {
  const out: string[] = [];
  let current = '';
  let i = 0;
  let inDollar = false;
  while (i < sql.length) {
    const ch = sql[i];
    if (!inDollar && ch === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      i = end === -1 ? sql.length : end + 1;
      current += '\n';
      continue;
    }
    if (ch === '$' && sql[i + 1] === '$') {
      inDollar = !inDollar;
      current += '$$';
      i += 2;
      continue;
    }
    if (!inDollar && ch === "'") {
      const end = sql.indexOf("'", i + 1);
      current += sql.slice(i, end + 1);
      i = end + 1;
      continue;
    }
    if (!inDollar && ch === ';') {
      if (current.trim()) {
        out.push(current.trim());
      }
      current = '';
      i++;
      continue;
    }
    current += ch;
    i++;
  }
  if (current.trim()) {
    out.push(current.trim());
  }
  return out;
}
