/**
 * The floor of `bench/import.bench.ts`: the least any importer could spend writing what the
 * import wrote, measured on the imported database itself, in its own process.
 *
 *   node --import tsx bench/import-floor.ts pglite <data dir>
 *   node --import tsx bench/import-floor.ts postgres <url>
 *
 * For every table the import fills, the rows it holds are first copied into an unindexed
 * temporary table (not timed), then merged with one set-based `INSERT … SELECT` into an empty
 * table created `LIKE` it `INCLUDING ALL` — the same columns, defaults, generated columns,
 * unique keys and indexes, but no foreign keys and no triggers (timed). No CSV is parsed, nothing
 * crosses the client connection, nothing is validated or deduplicated: an importer of any design
 * (COPY into staging and a SQL merge included) pays at least this for the same rows in the same
 * schema. Everything created is dropped again; the imported data is left as it was. The last
 * line of standard output is a JSON `FloorResult`.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/** What the floor process reports to the benchmark. */
export interface FloorResult {
  /** Sum of the timed merges. */
  ms: number;
  rows: number;
  tables: Array<{ table: string; rows: number; ms: number }>;
}

/** The tables `oversight import chicago` writes, parents first. */
const TABLES = [
  'cases',
  'case_agencies',
  'members',
  'case_members',
  'allegations',
  'allegation_findings',
  'parties',
  'case_investigators',
] as const;

type Run = (sql: string) => Promise<Array<Record<string, unknown>>>;

async function measure(run: Run): Promise<FloorResult> {
  const result: FloorResult = { ms: 0, rows: 0, tables: [] };
  for (const table of TABLES) {
    // generated columns (the narrative's tsvector) are computed by the insert, as on import
    const columns = (
      await run(
        `SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position) AS list
           FROM information_schema.columns
          WHERE table_schema = 'public' AND table_name = '${table}' AND is_generated = 'NEVER'`,
      )
    )[0]!['list'] as string;
    await run(`CREATE TEMP TABLE floor_staging AS SELECT ${columns} FROM ${table}`);
    await run(`CREATE TABLE floor_target (LIKE ${table} INCLUDING ALL)`);
    const t0 = performance.now();
    await run(`INSERT INTO floor_target (${columns}) SELECT ${columns} FROM floor_staging`);
    const ms = performance.now() - t0;
    const rows = Number((await run(`SELECT count(*)::int AS n FROM floor_target`))[0]!['n']);
    await run(`DROP TABLE floor_target`);
    await run(`DROP TABLE floor_staging`);
    result.tables.push({ table, rows, ms });
    result.ms += ms;
    result.rows += rows;
  }
  return result;
}

async function main(): Promise<void> {
  const [engine, target] = process.argv.slice(2);
  if (!target || (engine !== 'pglite' && engine !== 'postgres')) {
    throw new Error('usage: import-floor.ts pglite|postgres <data dir|url>');
  }
  let result: FloorResult;
  if (engine === 'pglite') {
    const db = new PGlite(path.join(target, 'pgdata'));
    await db.waitReady;
    result = await measure(async (sql) => (await db.query<Record<string, unknown>>(sql)).rows);
    await db.close();
  } else {
    const client = new pg.Client({ connectionString: target });
    await client.connect();
    try {
      result = await measure(async (sql) => (await client.query(sql)).rows);
    } finally {
      await client.end();
    }
  }
  console.log(JSON.stringify(result));
}

await main();
