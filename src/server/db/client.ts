import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { from as copyFromStdin } from 'pg-copy-streams';

/** Anything that runs SQL: the database itself or an open transaction. */
export interface Queryable {
  /** Runs one parameterized statement and returns its rows. */
  query<T = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /**
   * Bulk-loads rows in COPY's text format (`src/server/db/copy-text.ts`) into `table (columns)`:
   * PGlite reads them from its `/dev/blob` device, a server through `COPY … FROM STDIN`. Parsing
   * COPY text costs the server a fraction of what a jsonb parameter of the same rows does.
   */
  copyFrom(table: string, columns: readonly string[], data: string): Promise<void>;
}

/** The database handle every repository and command receives. */
export interface Db extends Queryable {
  readonly engine: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Calls `onNotify` for each notification on `channel` (sent by `pg_notify` in a transaction that
   * committed, in this process or any other sharing the database). A write made through this handle
   * is told before its own commit resolves, so a request after it never sees what it replaced.
   * `onLive(false)` says notifications are being missed (the listening connection dropped), and
   * `onLive(true)` that they are heard again: in between the caller must trust nothing it kept.
   * Resolves to a stop function.
   */
  listen(
    channel: string,
    onNotify: () => void,
    onLive: (live: boolean) => void,
  ): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

const DATE_OID = 1082;
const INT8_OID = 20;
const identity = (v: string): string => v;

/**
 * Embedded PostgreSQL (PGlite) in `dataDir/pgdata`, or in memory when dataDir is undefined.
 * PGlite is one connection: its transaction() queues other callers, so commands never interleave.
 */
export async function openPglite(
  dataDir: string | undefined,
  opts: { sharedBuffers?: string } = {},
): Promise<Db> {
  const pgdata = dataDir ? path.join(dataDir, 'pgdata') : undefined;
  if (pgdata && !fs.existsSync(path.join(pgdata, 'PG_VERSION'))) {
    await createPgliteCluster(pgdata);
  }
  // The buffer pool lives in the WebAssembly memory, which grows but is never given back; a
  // one-off bulk job can run with a smaller pool (as a start parameter: PGlite's `postgresqlconf`
  // option would rewrite the data directory's postgresql.conf).
  const client = new PGlite(
    pgdata,
    opts.sharedBuffers
      ? {
          startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${opts.sharedBuffers}`],
        }
      : {},
  );
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
  return {
    engine: 'pglite',
    async query<T>(text: string, params?: readonly unknown[]) {
      const r = await client.query<T>(text, params as unknown[], options);
      return r.rows;
    },
    copyFrom: (table, columns, data) => copyFrom(client, table, columns, data),
    transaction<T>(fn: (tx: Queryable) => Promise<T>) {
      return client.transaction(async (tx) =>
        fn({
          async query<R>(text: string, params?: readonly unknown[]) {
            const r = await tx.query<R>(text, params as unknown[], options);
            return r.rows;
          },
          copyFrom: (table, columns, data) => copyFrom(tx, table, columns, data),
        }),
      );
    },
    async listen(channel, onNotify) {
      // one connection: a notification is handled before the committing query resolves
      const stop = await client.listen(channel, () => onNotify());
      return stop;
    },
    async close() {
      await client.close();
    },
  };
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

/** A PostgreSQL server through a node-postgres pool. */
export function openPostgres(url: string, poolSize = 10): Db {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
        if (oid === DATE_OID) {
          return identity;
        }
        if (oid === INT8_OID) {
          return (v: string) => Number(v);
        }
        return pg.types.getTypeParser(oid, format) as (v: string) => unknown;
      }) as typeof pg.types.getTypeParser,
    },
  });
  // An idle pooled connection the server ends (a restart, a failover, pg_terminate_backend, a
  // dropped database) emits 'error' on the pool; with no listener that is an uncaught exception
  // and the whole process dies. The pool has already discarded the connection and opens a new
  // one for the next query, so the error needs no handling beyond not crashing; a query in
  // flight still gets its own error.
  pool.on('error', () => undefined);
  const notifications = poolNotifications(url);
  const connect = async (): Promise<pg.PoolClient> => notifications.join(await pool.connect());
  return {
    engine: 'postgres',
    async query<T>(text: string, params?: readonly unknown[]) {
      const conn = await connect();
      try {
        const r = await conn.query(text, params as unknown[]);
        return r.rows as T[];
      } finally {
        conn.release();
      }
    },
    async copyFrom(table, columns, data) {
      const conn = await connect();
      try {
        await copyThrough(conn, table, columns, data);
      } finally {
        conn.release();
      }
    },
    async transaction<T>(fn: (tx: Queryable) => Promise<T>) {
      const conn = await connect();
      try {
        await conn.query('BEGIN');
        const result = await fn({
          async query<R>(text: string, params?: readonly unknown[]) {
            const r = await conn.query(text, params as unknown[]);
            return r.rows as R[];
          },
          copyFrom: (table, columns, data) => copyThrough(conn, table, columns, data),
        });
        await conn.query('COMMIT');
        return result;
      } catch (err) {
        await conn.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        conn.release();
      }
    },
    listen: notifications.listen,
    async close() {
      await notifications.close();
      await pool.end();
    },
  };
}

/**
 * LISTEN for a pool. A dedicated connection hears other processes' commits (reconnecting after a
 * drop, and reporting the drop, since what was sent meanwhile is gone). Every pooled
 * connection listens too: PostgreSQL delivers a session's own notification before the
 * ReadyForQuery of its COMMIT, so this process forgets before its write's promise resolves, where
 * the dedicated connection would hear it a moment later.
 */
function poolNotifications(url: string): {
  join(conn: pg.PoolClient): Promise<pg.PoolClient>;
  listen: Db['listen'];
  close(): Promise<void>;
} {
  const handlers = new Map<string, Set<{ notify: () => void; live: (live: boolean) => void }>>();
  const joined = new WeakMap<pg.PoolClient, Set<string>>();
  const dispatch = (msg: pg.Notification): void => {
    for (const h of handlers.get(msg.channel) ?? []) {
      h.notify();
    }
  };
  let dedicated: pg.Client | undefined;
  let closed = false;
  const quote = (channel: string): string => `"${channel.replaceAll('"', '""')}"`;
  // every second until the server answers again (a failover, a restart)
  const reconnect = (): void => {
    setTimeout(() => {
      if (!closed) {
        openDedicated().catch(reconnect);
      }
    }, 1000).unref();
  };
  const openDedicated = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: url });
    c.on('notification', dispatch);
    c.on('error', () => {
      // 'end' follows; the drop is handled there
    });
    c.on('end', () => {
      if (dedicated !== c || closed) {
        return;
      }
      dedicated = undefined;
      for (const set of handlers.values()) {
        for (const h of set) {
          h.live(false);
        }
      }
      reconnect();
    });
    try {
      await c.connect();
      for (const channel of handlers.keys()) {
        await c.query(`LISTEN ${quote(channel)}`);
      }
    } catch (err) {
      await c.end().catch(() => undefined);
      throw err;
    }
    dedicated = c;
    for (const set of handlers.values()) {
      for (const h of set) {
        h.live(true);
      }
    }
  };
  return {
    async join(conn) {
      let heard = joined.get(conn);
      if (!heard) {
        heard = new Set();
        joined.set(conn, heard);
        conn.on('notification', dispatch);
      }
      for (const channel of handlers.keys()) {
        if (!heard.has(channel)) {
          await conn.query(`LISTEN ${quote(channel)}`);
          heard.add(channel);
        }
      }
      return conn;
    },
    async listen(channel, onNotify, onLive) {
      const entry = { notify: onNotify, live: onLive };
      const set = handlers.get(channel) ?? new Set();
      handlers.set(channel, set);
      set.add(entry);
      if (dedicated) {
        await dedicated.query(`LISTEN ${quote(channel)}`);
      } else {
        await openDedicated();
      }
      return async () => {
        set.delete(entry);
      };
    },
    async close() {
      closed = true;
      await dedicated?.end().catch(() => undefined);
    },
  };
}

/** `COPY … FROM STDIN` on one server connection, the rows written as one message stream. */
async function copyThrough(
  conn: pg.PoolClient,
  table: string,
  columns: readonly string[],
  data: string,
): Promise<void> {
  const stream = conn.query(copyFromStdin(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  await new Promise<void>((resolve, reject) => {
    stream.on('error', reject);
    stream.on('finish', resolve);
    stream.end(data);
  });
}

/** Raised when another live process holds the embedded data directory. */
export class DataDirLockedError extends Error {}

/**
 * The embedded database belongs to one process at a time: two PGlite instances on one folder
 * corrupt it. An exclusive lock file (created with O_EXCL) names the owner; a lock left by a
 * process that no longer runs is taken over.
 */
export function lockDataDir(dataDir: string, purpose: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, 'oversight.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(lockPath, 'wx');
      fs.writeSync(fd, JSON.stringify({ pid: process.pid, purpose, since: new Date() }));
      fs.closeSync(fd);
      return () => {
        try {
          const owner = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as { pid: number };
          if (owner.pid === process.pid) {
            fs.unlinkSync(lockPath);
          }
        } catch {
          // already gone
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw err;
      }
      const owner = readOwner(lockPath);
      if (owner && owner.pid !== process.pid && isAlive(owner.pid)) {
        throw new DataDirLockedError(
          `The embedded database in ${dataDir} is in use by process ${owner.pid} (${owner.purpose}, since ${owner.since}). ` +
            `Stop that process first, or set DATABASE_URL to use a PostgreSQL server that many processes can share.`,
        );
      }
      fs.rmSync(lockPath, { force: true }); // stale: its process is gone
    }
  }
  throw new DataDirLockedError(`Could not take the lock on ${dataDir}.`);
}

function readOwner(lockPath: string): { pid: number; purpose: string; since: string } | undefined {
  try {
    return JSON.parse(fs.readFileSync(lockPath, 'utf8')) as {
      pid: number;
      purpose: string;
      since: string;
    };
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
