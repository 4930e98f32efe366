import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Db, Queryable, QueryOptions } from './client.ts';
import { keptPlanName } from './kept-plans.ts';
import { DATE_OID, identity } from './parsers.ts';

/**
 * Embedded PostgreSQL (PGlite) in `dataDir/pgdata`, or in memory when dataDir is undefined.
 * PGlite is one connection: its transaction() queues other callers, so commands never interleave.
 */
export async function openPglite(
  dataDir: string | undefined,
  opts: {
    sharedBuffers?: string;
    /** A data directory tar (a backup's, ADR 0039) to start from instead of a new cluster. */
    loadDataDir?: Blob;
  } = {},
): Promise<Db> {
  const pgdata = dataDir ? path.join(dataDir, 'pgdata') : undefined;
  if (pgdata && opts.loadDataDir) {
    fs.mkdirSync(pgdata, { recursive: true });
  } else if (pgdata && !fs.existsSync(path.join(pgdata, 'PG_VERSION'))) {
    await createPgliteCluster(pgdata);
  }
  // The buffer pool lives in the WebAssembly memory, which grows but is never given back; a
  // one-off bulk job can run with a smaller pool (as a start parameter: PGlite's `postgresqlconf`
  // option would rewrite the data directory's postgresql.conf).
  const client = new PGlite(pgdata, {
    ...(opts.sharedBuffers
      ? {
          startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${opts.sharedBuffers}`],
        }
      : {}),
    ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
  });
  // dates stay 'YYYY-MM-DD' text on both engines: a JS Date would shift them by time zone.
  // (PGlite 0.5 applies parsers given per query, not those given to the constructor.)
  const options = { parsers: { [DATE_OID]: identity } };
  await client.waitReady;
  const copyFrom = async (
    on: Pick<PGlite, 'query'>,
    table: string,
    columns: readonly string[],
    data: string,
  ): Promise<void> => {
    await on.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob'`, [], {
      blob: new Blob([data]),
    });
  };
  // `reusePlan` (ADR 0059). The embedded engine is one session: a statement PREPAREd once is
  // EXECUTEd from its kept plan by later calls. EXECUTE takes no bound parameters, so each value
  // is written as a quoted literal of its parameter's type, serialized as PGlite would bind it.
  // Statements are prepared outside transactions only (a failed PREPARE would abort one), and two
  // first calls at once may both PREPARE: the second is told it exists (42P05), which is the
  // same. PREPARE is not undone by a rollback.
  const prepared = new Map<string, { name: string; types: number[] }>();
  const prepare = async (text: string) => {
    const name = keptPlanName(text);
    try {
      await client.query(`PREPARE ${name} AS ${text}`);
    } catch (err) {
      if ((err as { code?: string }).code !== '42P05') {
        throw err;
      }
    }
    const [row] = (
      await client.query<{ types: number[] }>(
        `SELECT parameter_types::oid[] AS types FROM pg_prepared_statements WHERE name = $1`,
        [name],
      )
    ).rows;
    const statement = { name, types: row!.types };
    prepared.set(text, statement);
    return statement;
  };
  const literal = (value: unknown, type: number): string => {
    if (value === null || value === undefined) {
      return 'NULL';
    }
    const serialize = client.serializers[type] as ((v: unknown) => string) | undefined;
    // PGlite binds a value of a type it has no serializer for (text, uuid, numbers) as its string
    const text = serialize ? serialize(value) : plainText(value);
    return `'${text.replaceAll("'", "''")}'`;
  };
  const run = async <T>(
    on: Pick<PGlite, 'query'>,
    text: string,
    params: readonly unknown[] | undefined,
    queryOptions: QueryOptions | undefined,
    inTransaction: boolean,
  ): Promise<T[]> => {
    const kept = queryOptions?.reusePlan && params && params.length > 0;
    const statement = kept
      ? (prepared.get(text) ?? (inTransaction ? undefined : await prepare(text)))
      : undefined;
    if (!statement) {
      return (await on.query<T>(text, params as unknown[], options)).rows;
    }
    const args = params!.map((value, i) => literal(value, statement.types[i]!)).join(', ');
    return (await on.query<T>(`EXECUTE ${statement.name}(${args})`, [], options)).rows;
  };
  // PGlite runs one call at a time and queues the rest: the calls begun and not yet settled are
  // the one running plus the queue
  let inFlight = 0;
  const counted = async <T>(run: () => Promise<T>): Promise<T> => {
    inFlight++;
    try {
      return await run();
    } finally {
      inFlight--;
    }
  };
  const db: Db = {
    engine: 'pglite',
    query<T>(text: string, params?: readonly unknown[], queryOptions?: QueryOptions) {
      return counted(() => run<T>(client, text, params, queryOptions, false));
    },
    copyFrom: (table, columns, data) => counted(() => copyFrom(client, table, columns, data)),
    transaction<T>(fn: (tx: Queryable) => Promise<T>) {
      return counted(() =>
        client.transaction(async (tx) =>
          fn({
            query: <R>(text: string, params?: readonly unknown[], queryOptions?: QueryOptions) =>
              run<R>(tx, text, params, queryOptions, true),
            copyFrom: (table, columns, data) => copyFrom(tx, table, columns, data),
          }),
        ),
      );
    },
    dumpDataDir: () => client.dumpDataDir('gzip'),
    get reader() {
      // one process owns the embedded database: there is no standby to read from
      return db;
    },
    poolStats: () => ({
      total: 1,
      idle: inFlight === 0 ? 1 : 0,
      waiting: Math.max(0, inFlight - 1),
    }),
    async listen(channel, onNotify) {
      // one connection: a notification is handled before the committing query resolves
      const stop = await client.listen(channel, () => onNotify());
      return stop;
    },
    async close() {
      await client.close();
    },
  };
  return db;
}

/**
 * Creates an embedded cluster (initdb) in a short-lived child process. Creating it grows
 * PGlite's WebAssembly memory by ~450 MB that is never returned, and a second instance opened
 * in the same process keeps the first one's memory until it is collected: measured, a first full
 * import peaked at 1,038 MB within seconds of starting, all of it from this step. In a child
 * the memory goes back to the system when the child exits.
 */
async function createPgliteCluster(pgdata: string): Promise<void> {
  const script = `const { PGlite } = await import(process.argv[1]);
const db = new PGlite(process.argv[2]);
await db.waitReady;
await db.close();`;
  fs.mkdirSync(path.dirname(pgdata), { recursive: true });
  await new Promise<void>((resolve, reject) => {
    execFile(
      process.execPath,
      ['--input-type=module', '-e', script, import.meta.resolve('@electric-sql/pglite'), pgdata],
      (err, _stdout, stderr) =>
        err
          ? reject(new Error(`creating the embedded database failed: ${stderr || err.message}`))
          : resolve(),
    );
  });
}

/**
 * A PostgreSQL server through a node-postgres pool; with `readUrl`, a second pool of read-only
 * sessions on that server (a hot standby) behind `reader`. `url` may list several hosts
 * (`postgres://u@a:5432,b:5432/db`, libpq's form): writes then go to whichever of them is the
 * primary, found again when the one in use goes away (ADR 0040).
 */

/** A value with no serializer of its type, as text. */
function plainText(value: unknown): string {
  if (typeof value === 'string') {
    return value;
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return value.toString();
  }
  return JSON.stringify(value);
}
