import path from 'node:path';
import type { Db } from '../src/server/db/client.ts';
import { chicagoProfile } from '../src/server/domain/profiles/chicago.ts';
import {
  importChicago,
  type ImportResult,
  type ProgressSink,
} from '../src/server/importers/chicago/import-chicago.ts';
import type { MapFile } from '../src/server/importers/chicago/recognize.ts';
import { TEST_JURISDICTION } from './test-db.ts';

/**
 * The Chicago sample files (`../shared/data/chicago/sample`, kept outside the repository; see its
 * README). CHICAGO_SAMPLES names another copy, e.g. for a checkout that is not the repository's
 * sibling of `shared/`.
 */
export const CHICAGO_SAMPLES =
  process.env.CHICAGO_SAMPLES ??
  path.resolve(import.meta.dirname, '../../shared/data/chicago/sample');

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
