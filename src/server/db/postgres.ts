import pg from 'pg';
import { from as copyFromStdin } from 'pg-copy-streams';
import type { Db, PoolStats, Queryable, QueryOptions } from './client.ts';
import { DEFAULT_POOL_SIZE, serverUrls } from './hosts.ts';
import { keptPlanName } from './kept-plans.ts';
import { DATE_OID, identity, INT8_OID } from './parsers.ts';

export function openPostgres(url: string, poolSize = DEFAULT_POOL_SIZE, readUrl?: string): Db {
  const primary = primaryPool(url, poolSize);
  const readPool = readUrl ? serverPool(readUrl, poolSize, { readOnly: true }) : undefined;
  const readHandle: Queryable | undefined = readPool && {
    async query<T>(text: string, params?: readonly unknown[], options?: QueryOptions) {
      const r = await readPool.query(statement(text, params, options));
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
    async query<T>(text: string, params?: readonly unknown[], options?: QueryOptions) {
      const conn = await connect();
      try {
        const r = await watched(() => conn.query(statement(text, params, options)));
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
          async query<R>(text: string, params?: readonly unknown[], options?: QueryOptions) {
            const r = await conn.query(statement(text, params, options));
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
 * The statement as node-postgres sends it. With `reusePlan` it is named (keptPlanName), so
 * node-postgres prepares it once per connection and later calls only bind and execute it; after
 * five executions PostgreSQL keeps its generic plan when that costs no more than planning for the
 * values (plan_cache_mode auto).
 */
function statement(
  text: string,
  params: readonly unknown[] | undefined,
  options: QueryOptions | undefined,
): pg.QueryConfig {
  const values = params as unknown[] | undefined;
  if (!options?.reusePlan) {
    return { text, values };
  }
  return { name: keptPlanName(text), text, values };
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
    // an idle connection stays open for ten minutes, not node-postgres's ten seconds: it keeps
    // the plans of the reads by key (ADR 0059) and its catalog caches through a lull, so the next
    // burst of work is not replanned on new connections (ADR 0061)
    idleTimeoutMillis: 10 * 60_000,
    // …without holding a finished command-line process open for those ten minutes
    allowExitOnIdle: true,
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
