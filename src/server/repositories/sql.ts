import type { Queryable, QueryOptions } from '../db/client.ts';
import { CONCLUDED } from '../domain/transition.ts';

/**
 * Inserts many rows in one statement (one round trip), columns in the given order.
 * Table and column names come from code, never from input.
 */
export async function insertRows(
  tx: Queryable,
  table: string,
  columns: readonly string[],
  rows: ReadonlyArray<readonly unknown[]>,
): Promise<void> {
  if (rows.length === 0) {
    return;
  }
  const params: unknown[] = [];
  const tuples = rows.map((row) => {
    if (row.length !== columns.length) {
      throw new Error(`insertRows(${table}): expected ${columns.length} values, got ${row.length}`);
    }
    const placeholders = row.map((value) => {
      params.push(value);
      return `$${params.length}`;
    });
    return `(${placeholders.join(', ')})`;
  });
  await tx.query(
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`,
    params,
  );
}

/** ISO string of a timestamptz column value (a Date on both drivers), or null. */
export function iso(value: Date | string | null | undefined): string | null {
  if (value === null || value === undefined) {
    return null;
  }
  return new Date(value).toISOString();
}

/** Same as iso() for NOT NULL columns. */
export function isoRequired(value: Date | string): string {
  return new Date(value).toISOString();
}

/**
 * `('final', 'closed_no_finding', 'closed_referred')`: the stages in which a case has ended, as
 * SQL text for `status IN …`, built from the stage machine's one list (domain CONCLUDED). The codes
 * are fixed enum values, never input.
 */
export const CONCLUDED_SQL = `(${[...CONCLUDED].map((s) => `'${s}'`).join(', ')})`;

/** The first row a query returns, or undefined when it returns none. */
export async function firstRow<T>(
  db: Queryable,
  sql: string,
  params: readonly unknown[] = [],
  options?: QueryOptions,
): Promise<T | undefined> {
  const rows = await db.query<T>(sql, params, options);
  return rows[0];
}

/**
 * A read as data: its statement, its parameters (`$1` the first) and its `timestamptz` columns,
 * so that it runs alone ({@link rowsFrom}) or beside others in one statement
 * ({@link readTogether}, ADR 0057). `T` is the row it returns.
 */
export interface Read<T> {
  readonly sql: string;
  readonly params: readonly unknown[];
  /** Its `timestamptz` columns: JSON carries them as text, the driver as a Date. */
  readonly times: readonly string[];
  /** Never set: ties the read to its row type. */
  readonly row?: T;
}

/** A reader that is also the {@link Read} of its arguments, to be run with others. */
export type ListReader<T, A extends readonly unknown[]> = ((
  db: Queryable,
  ...args: A
) => Promise<T[]>) & { read(...args: A): Read<T> };

/** Runs one read alone. */
export function rowsFrom<T>(db: Queryable, read: Read<T>): Promise<T[]> {
  return db.query<T>(read.sql, read.params);
}

/** The reader of `read`: called, it runs the read alone; `.read` gives it to run with others. */
export function listReader<T, A extends readonly unknown[]>(
  read: (...args: A) => Read<T>,
): ListReader<T, A> {
  return Object.assign((db: Queryable, ...args: A) => rowsFrom(db, read(...args)), { read });
}

type RowsOf<R> = { [K in keyof R]: R[K] extends Read<infer T> | null ? T[] : never };

/**
 * Runs several reads in one statement, one round trip (ADR 0057): each read becomes a JSON
 * array column (`json_agg` over the read as a subquery, so its rows keep its ORDER BY), its
 * parameters renumbered after those of the reads before it. Its `times` are made Dates again, so
 * each list is what the read alone returns (the driver's dates are 'YYYY-MM-DD' text and its
 * bigints numbers, as JSON carries them). A null read is an empty list and costs nothing.
 */
export async function readTogether<R extends Record<string, Read<unknown> | null>>(
  db: Queryable,
  reads: R,
): Promise<RowsOf<R>> {
  const params: unknown[] = [];
  const entries = Object.entries(reads);
  const columns = entries.flatMap(([name, read]) => {
    if (!read) {
      return [];
    }
    const offset = params.length;
    params.push(...read.params);
    const sql = read.sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`);
    return [`COALESCE((SELECT json_agg(q) FROM (${sql}) q), '[]') AS "${name}"`];
  });
  const [row] =
    columns.length > 0
      ? await db.query<Record<string, Array<Record<string, unknown>>>>(
          `SELECT ${columns.join(', ')}`,
          params,
          // reads of one case's rows by its keys: a server plans the statement once (ADR 0059)
          { reusePlan: true },
        )
      : [{}];
  return Object.fromEntries(
    entries.map(([name, read]) => [
      name,
      read ? row![name]!.map((r) => reviveTimes(r, read.times)) : [],
    ]),
  ) as RowsOf<R>;
}

function reviveTimes(r: Record<string, unknown>, times: readonly string[]): unknown {
  for (const column of times) {
    const v = r[column];
    if (typeof v === 'string') {
      r[column] = new Date(v);
    }
  }
  return r;
}

/**
 * The reader of a statement whose parameters are its arguments, in order (`$1` the first): a read
 * that is not a row by its key ({@link rowsByKey}) is declared by its SQL alone, the arguments'
 * names written once, in the labelled tuple `A`, and its `timestamptz` columns in `times` (for
 * {@link readTogether}). The SQL comes from code, never from input.
 */
export function rowsOf<T, A extends readonly unknown[]>(
  sql: string,
  times: readonly string[] = [],
): ListReader<T, A> {
  return listReader((...args: A) => ({ sql, params: args, times }));
}

/** {@link rowsOf} for a statement that returns one row, or none (undefined). */
export function rowOf<T, A extends readonly unknown[]>(
  sql: string,
  options?: QueryOptions,
): (db: Queryable, ...args: A) => Promise<T | undefined> {
  return (db, ...args) => firstRow<T>(db, sql, args, options);
}

/** `{ lock: true }`: the row is read FOR UPDATE, held for the change a command is about to make. */
export interface LockOption {
  lock?: boolean;
}

/**
 * The reader of the one row whose key columns equal its arguments, in order: `select` is the
 * `SELECT … FROM …` (joins included) the row comes from, `keys` its qualified key columns (the
 * jurisdiction or parent case first, then the row's own key), and `lockOf` the alias whose row
 * `{ lock: true }` locks, so a join does not lock the rows it reads beside it. Undefined when no
 * row matches. Column names come from code, never from input.
 */
export function rowByKey<T, K extends readonly unknown[]>(
  select: string,
  keys: readonly string[],
  lockOf?: string,
  times: readonly string[] = [],
): ((db: Queryable, ...args: [...K, LockOption?]) => Promise<T | undefined>) & {
  /** The unlocked read of the row, to run with others ({@link readTogether}): none or one. */
  read(...args: K): Read<T>;
} {
  const where = keyCondition(keys);
  const lock = lockOf ? ` FOR UPDATE OF ${lockOf}` : ' FOR UPDATE';
  const read = (...args: K): Read<T> => ({ sql: `${select} WHERE ${where}`, params: args, times });
  return Object.assign(
    (db: Queryable, ...args: [...K, LockOption?]) => {
      const opts = (args[keys.length] ?? {}) as LockOption;
      return firstRow<T>(
        db,
        `${select} WHERE ${where}${opts.lock ? lock : ''}`,
        args.slice(0, keys.length),
      );
    },
    { read },
  );
}

/**
 * The reader of every row whose key columns equal its arguments (a case's deadlines, a review's
 * decisions), in `orderBy`'s order; `select` and `keys` as for {@link rowByKey}, `times` as for
 * {@link rowsOf}.
 */
export function rowsByKey<T, K extends readonly unknown[]>(
  select: string,
  keys: readonly string[],
  orderBy: string,
  times: readonly string[] = [],
): ListReader<T, K> {
  return rowsOf<T, K>(`${select} WHERE ${keyCondition(keys)} ORDER BY ${orderBy}`, times);
}

/** `a = $1 AND b = $2`: the key columns, each equal to its parameter. */
function keyCondition(keys: readonly string[]): string {
  return keys.map((column, i) => `${column} = $${i + 1}`).join(' AND ');
}

/** {@link rowByKey}'s reader that always locks the row it reads (FOR UPDATE OF `lockOf`). */
export function lockedRowByKey<T, K extends readonly unknown[]>(
  select: string,
  keys: readonly string[],
  lockOf: string,
): (tx: Queryable, ...args: K) => Promise<T | undefined> {
  const read = rowByKey<T, K>(select, keys, lockOf);
  return (tx, ...args) => read(tx, ...args, { lock: true });
}

/**
 * The writer of these columns of one row, found by its id: its arguments after the id are the
 * columns' new values, in order. Table and column names come from code, never from input.
 */
export function updateById<V extends readonly unknown[]>(
  table: string,
  columns: readonly string[],
): (tx: Queryable, id: string, ...values: V) => Promise<void> {
  const set = columns.map((column, i) => `${column} = $${i + 2}`).join(', ');
  const sql = `UPDATE ${table} SET ${set} WHERE id = $1`;
  return async (tx, id, ...values) => {
    await tx.query(sql, [id, ...values]);
  };
}

/**
 * A list's WHERE clause built filter by filter, each value the next parameter (`$1`, `$2`, …),
 * starting from the condition every list has (the jurisdiction). Column names and SQL come from
 * code; only values travel as parameters.
 */
export class Conditions {
  readonly params: unknown[] = [];
  private readonly clauses: string[] = [];

  constructor(first: (p: string) => string, value: unknown) {
    this.add(first, value);
  }

  /** A new parameter holding `value`: its placeholder. */
  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  /** Adds a condition on a new parameter holding `value`. */
  add(sql: (p: string) => string, value: unknown): void {
    this.and(sql(this.param(value)));
  }

  /** Adds a condition whose parameters, if any, were taken with {@link param}. */
  and(sql: string): void {
    this.clauses.push(sql);
  }

  /** The conditions joined by AND. */
  get sql(): string {
    return this.clauses.join(' AND ');
  }
}
