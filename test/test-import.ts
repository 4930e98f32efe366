import type { Db } from '../src/server/db/client.ts';
import { chicagoProfile } from '../src/server/domain/profiles/chicago.ts';
import {
  importChicago,
  type ImportResult,
  type ProgressSink,
} from '../src/server/importers/chicago/import-chicago.ts';
import type { MapFile } from '../src/server/importers/chicago/recognize.ts';
import { TEST_JURISDICTION } from './test-db.ts';

/** No progress bars in tests. */
export const quietProgress: ProgressSink = { start() {}, tick() {}, finish() {} };

/**
 * Imports Chicago files (or folders of them) into a test database with the real importer,
 * quietly, at a fixed clock: what the tests that need imported history share.
 */
export function importForTest(
  db: Db,
  inputs: string[],
  reportDir: string,
  opts: { dryRun?: boolean; now?: () => Date; map?: MapFile; force?: boolean } = {},
): Promise<ImportResult> {
  return importChicago(
    {
      db,
      profile: chicagoProfile,
      jurisdiction: TEST_JURISDICTION,
      now: opts.now ?? (() => new Date('2026-11-28T12:00:00Z')),
    },
    {
      inputs,
      dryRun: opts.dryRun ?? false,
      reportDir,
      progress: quietProgress,
      force: opts.force ?? false,
      ...(opts.map ? { map: opts.map } : {}),
    },
  );
}
