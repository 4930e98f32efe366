/**
 * The one `Db` interface both engines answer: PGlite in-process (`pglite.ts`) and a PostgreSQL
 * server through node-postgres (`postgres.ts`); the embedded data directory's lock
 * (`data-dir-lock.ts`).
 */
export { lockDataDir, DataDirLockedError } from './data-dir-lock.ts';
export { openPglite } from './pglite.ts';
export { openPostgres } from './postgres.ts';

/** How a statement is run. */
export interface QueryOptions {
  /**
   * The statement's best plan does not depend on its parameters' values (rows found by their
   * keys): it is prepared under `keptPlanName(text)` — on each connection of a server, once in the
   * embedded engine's session — and run from its kept plan (ADR 0059). Never for a statement
   * whose plan should follow its constants, such as the staff list's (ADR 0058).
   */
  reusePlan?: boolean;
}

/** Anything that runs SQL: the database itself or an open transaction. */
export interface Queryable {
  /** Runs one parameterized statement and returns its rows. */
  query<T = Record<string, unknown>>(
    text: string,
    params?: readonly unknown[],
    options?: QueryOptions,
  ): Promise<T[]>;
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
