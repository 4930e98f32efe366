import type { Db, Queryable, QueryOptions } from '../src/server/db/client.ts';

/** One statement as it was sent to the database. */
export interface SentStatement {
  text: string;
  params: readonly unknown[];
}

/**
 * `q` with every statement sent through it (its transactions and its reader included) told to
 * `onSent` before it runs: the statement counts of the case-read test and the EXPLAIN capture of
 * the staff benchmark.
 */
export function recording<Q extends Queryable>(q: Q, onSent: (s: SentStatement) => void): Q {
  return new Proxy(q, {
    get(target, prop, receiver) {
      if (prop === 'query') {
        return (text: string, params?: readonly unknown[], options?: QueryOptions) => {
          onSent({ text, params: params ?? [] });
          return target.query(text, params, options);
        };
      }
      if (prop === 'transaction') {
        return <T>(fn: (tx: Queryable) => Promise<T>) =>
          (target as unknown as Db).transaction((tx) => fn(recording(tx, onSent)));
      }
      if (prop === 'reader') {
        return recording((target as unknown as Db).reader, onSent);
      }
      const value: unknown = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  });
}
