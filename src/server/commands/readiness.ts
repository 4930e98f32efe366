import type { Db } from '../db/client.ts';
import { pendingMigrations } from '../db/migrate.ts';
import { ServiceUnavailableError } from '../errors.ts';

/**
 * Whether this server may take traffic (`GET /ready`, ADR 0040): the database answers and has
 * every migration this build carries. A server whose code is newer than its schema would fail
 * on the first query of a new column, so it waits out of rotation until `oversight migrate` (or
 * the first server's start) has run. Throws 503 problems with a code naming which check failed.
 */
export async function checkReadiness(db: Db): Promise<void> {
  let pending: string[];
  try {
    pending = await pendingMigrations(db);
  } catch {
    throw new ServiceUnavailableError('database_unreachable', 'The database does not answer.');
  }
  if (pending.length > 0) {
    throw new ServiceUnavailableError(
      'migrations_pending',
      `The database schema is behind this version: ${pending.length} migration(s) not applied (${pending.join(', ')}).`,
    );
  }
}
