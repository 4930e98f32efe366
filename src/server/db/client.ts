import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { from as copyFromStdin } from 'pg-copy-streams';
import { serverUrls } from './hosts.ts';

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

/** How busy the database handle is, for the `/metrics` endpoint. */
export interface PoolStats {
  /** Connections open (PGlite: always 1, its one in-process connection). */
  total: number;
  /** Connections open and not lent out (PGlite: 1 when nothing runs, else 0). */
  idle: number;
  /** Callers waiting for a connection (PGlite: calls queued behind the one running). */
  waiting: number;
}

/** The database handle every repository and command receives. */
export interface Db extends Queryable {
  readonly engine: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * The embedded engine only: its data directory as a gzipped tar (PGlite's `dumpDataDir`). Call
   * it inside `transaction()`, which holds PGlite's one connection, so no other command runs
   * between the caller's reads and the dump (`src/server/db/backup.ts`, ADR 0039).
   */
  dumpDataDir?: () => Promise<Blob>;
  /**
   * Where read-only reads that may lag the primary by the replication delay can go:
   * `DATABASE_READ_URL` (a hot standby, ADR 0040) when configured, else this same handle. Its
   * connections are read-only sessions, so a write sent here by mistake fails instead of
   * landing on a server that should not take it.
   */
  readonly reader: Queryable;
  /** Connection counts of the primary handle (the reader's are its own). */
  poolStats(): PoolStats;
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
    query<T>(text: string, params?: readonly unknown[]) {
      return counted(async () => {
        const r = await client.query<T>(text, params as unknown[], options);
        return r.rows;
      });
    },
    copyFrom: (table, columns, data) => counted(() => copyFrom(client, table, columns, data)),
    transaction<T>(fn: (tx: Queryable) => Promise<T>) {
      return counted(() =>
        client.transaction(async (tx) =>
          fn({
            async query<R>(text: string, params?: readonly unknown[]) {
              const r = await tx.query<R>(text, params as unknown[], options);
              return r.rows;
            },
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
export function openPostgres(url: string, poolSize = 10, readUrl?: string): Db {
  const primary = primaryPool(url, poolSize);
  const readPool = readUrl ? serverPool(readUrl, poolSize, { readOnly: true }) : undefined;
  const readHandle: Queryable | undefined = readPool && {
    async query<T>(text: string, params?: readonly unknown[]) {
      const r = await readPool.query(text, params as unknown[]);
      return r.rows as T[];
    },
    copyFrom() {
      return Promise.reject(new Error('The read-only database handle takes no writes.'));
    },
  };
  const notifications = poolNotifications(serverUrls(url));
  /**
   * A connection of the primary, listening for the channels this process listens to (see
   * poolNotifications); a connection failure on it sends the next caller looking.
   */
  const connect = async (): Promise<pg.PoolClient> => {
    try {
      return await notifications.join(await (await primary.pool()).connect());
    } catch (err) {
      primary.lost(err);
      throw err;
    }
  };
  const watched = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (err) {
      primary.lost(err);
      throw err;
    }
  };
  const db: Db = {
    engine: 'postgres',
    async query<T>(text: string, params?: readonly unknown[]) {
      const conn = await connect();
      try {
        const r = await watched(() => conn.query(text, params as unknown[]));
        return r.rows as T[];
      } finally {
        conn.release();
      }
    },
    async copyFrom(table, columns, data) {
      const conn = await connect();
      try {
        await watched(() => copyThrough(conn, table, columns, data));
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
        // a COMMIT whose connection died leaves the outcome unknown to us: the request fails
        // and is not retried here (a retried intake could be filed twice)
        primary.lost(err);
        await conn.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        conn.release();
      }
    },
    get reader() {
      // no standby configured: reads go where the writes go
      return readHandle ?? db;
    },
    poolStats: () => primary.stats(),
    listen: notifications.listen,
    async close() {
      await notifications.close();
      await Promise.all([primary.end(), readPool?.end()]);
    },
  };
  return db;
}

/**
 * LISTEN for a pool. A dedicated connection hears other processes' commits (reconnecting after a
 * drop, to whichever of the hosts is the primary, and reporting the drop, since what was sent
 * meanwhile is gone). Every pooled
 * connection listens too: PostgreSQL delivers a session's own notification before the
 * ReadyForQuery of its COMMIT, so this process forgets before its write's promise resolves, where
 * the dedicated connection would hear it a moment later.
 */
function poolNotifications(urls: readonly string[]): {
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
  // the first of the URL's hosts that takes a LISTEN (a standby refuses it during recovery)
  const openDedicated = async (): Promise<void> => {
    let last: unknown;
    for (const url of urls) {
      try {
        await openOn(url);
        return;
      } catch (err) {
        last = err;
      }
    }
    throw last;
  };
  const openOn = async (url: string): Promise<void> => {
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

/**
 * Errors that say the server is gone or no longer the primary: the connection failed or was cut
 * (node errors, SQLSTATE class 08), the server is shutting down or starting (57P01–57P03), or it
 * refuses writes (25006: a standby, or a primary demoted behind our back).
 */
function isServerLoss(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string') {
    if (['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH'].includes(code)) {
      return true;
    }
    if (code.startsWith('08') || ['57P01', '57P02', '57P03', '25006'].includes(code)) {
      return true;
    }
  }
  const message = err instanceof Error ? err.message : '';
  return /Connection terminated|Client has encountered a connection error|timeout expired/i.test(
    message,
  );
}

/** The pool writes go through: one server, or the primary among a multi-host URL's servers. */
interface PrimaryPool {
  pool(): Promise<pg.Pool>;
  /** Told of every failure; a loss of the server makes the next `pool()` look again. */
  lost(err: unknown): void;
  stats(): PoolStats;
  end(): Promise<void>;
}

function primaryPool(url: string, poolSize: number): PrimaryPool {
  const stats = (pool: pg.Pool | undefined): PoolStats => ({
    total: pool?.totalCount ?? 0,
    idle: pool?.idleCount ?? 0,
    waiting: pool?.waitingCount ?? 0,
  });
  const urls = serverUrls(url);
  if (urls.length === 1) {
    const pool = serverPool(urls[0]!, poolSize);
    return {
      pool: () => Promise.resolve(pool),
      lost: () => undefined,
      stats: () => stats(pool),
      end: () => pool.end(),
    };
  }
  let current: { url: string; pool: pg.Pool } | undefined;
  let stale = true;
  let finding: Promise<pg.Pool> | undefined;
  const retired: pg.Pool[] = [];
  /** libpq's target_session_attrs=read-write: the first host, in order, not in recovery. */
  const find = async (): Promise<pg.Pool> => {
    for (const candidate of urls) {
      const probe = new pg.Client({ connectionString: candidate, connectionTimeoutMillis: 2000 });
      probe.on('error', () => undefined);
      try {
        await probe.connect();
        const [row] = (
          await probe.query<{ standby: boolean }>('SELECT pg_is_in_recovery() AS standby')
        ).rows;
        if (row && !row.standby) {
          if (current?.url !== candidate) {
            if (current) {
              // connections to the old server are dead or must not take writes; the pool ends
              // once the requests holding them let go
              retired.push(current.pool);
              current.pool.end().catch(() => undefined);
            }
            current = { url: candidate, pool: serverPool(candidate, poolSize) };
          }
          stale = false;
          return current.pool;
        }
      } catch {
        // down or unreachable: the next host
      } finally {
        await probe.end().catch(() => undefined);
      }
    }
    throw Object.assign(new Error(`None of the ${urls.length} database hosts takes writes.`), {
      code: '08001',
    });
  };
  return {
    pool() {
      if (current && !stale) {
        return Promise.resolve(current.pool);
      }
      finding ??= find().finally(() => {
        finding = undefined;
      });
      return finding;
    },
    lost(err) {
      if (isServerLoss(err)) {
        stale = true;
      }
    },
    stats: () => stats(current?.pool),
    async end() {
      await Promise.all([
        current?.pool.end(),
        ...retired.map((p) => p.end().catch(() => undefined)),
      ]);
    },
  };
}

function serverPool(url: string, poolSize: number, opts: { readOnly?: boolean } = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    // a read-only session refuses INSERT/UPDATE/DELETE/DDL even on a primary: the read URL can
    // never take a write, whatever server it names
    ...(opts.readOnly ? { options: '-c default_transaction_read_only=on' } : {}),
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
  // A connection lent out (inside a transaction, between two of its statements) has no pool
  // listener: when the server dies under it, its 'error' would kill the process the same way.
  // The statement that next runs on it fails and the transaction fails with it (ADR 0040).
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
  });
  return pool;
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
