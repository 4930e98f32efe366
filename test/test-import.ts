import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect } from 'vitest';
import type { Db } from '../src/server/db/client.ts';
import { chicagoProfile } from '../src/server/domain/profiles/chicago.ts';
import {
  importChicago,
  type ImportResult,
  type ProgressSink,
} from '../src/server/importers/chicago/import-chicago.ts';
import type { MapFile } from '../src/server/importers/chicago/recognize.ts';
import { caseStats } from '../src/server/repositories/stats.repository.ts';
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

/** The header of a COPA-style complaints file (one row per allegation). */
export const COMPLAINTS_HEADER =
  'row_id,cr_id,incident_date,incident_time,complaint_date,closed_date,apartment_number,city,state,zip,beat,location_code,complaint_code,allegation_category,case_type,final_finding_narrative,days_to_closure,civil_suit_no,suit_settled_date,biased_language_i,pursuit_related_i,domestic_violence_i,police_shooting,complainant_type,referred_to_agency,investigating_agency,current_status';

/** One concluded COPA complaint of that file, with its narrative (no double quotes in it). */
export const complaintRow = (row: number, crId: string, narrative: string): string =>
  `${row},${crId},2021-03-01,,2021-03-02,2022-01-10,,CHICAGO,IL,60624,1132.0,,05A,Excessive Force,Complaint Register,"${narrative}",300.0,,,N,N,N,No,Civilian,,COPA,Case Final`;

/**
 * The imported statistics equal the figures test/fixtures/chicago_stats.py computes on its own
 * from the CSV files in `dataDir`: the import checked against a second, independent reading.
 */
export async function expectStatsOfScript(db: Db, dataDir: string): Promise<void> {
  const expected = JSON.parse(
    execFileSync(
      'python3',
      [path.resolve(import.meta.dirname, 'fixtures/chicago_stats.py'), dataDir],
      {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      },
    ),
  );
  const stats = await caseStats(db, TEST_JURISDICTION, new Date(), 'America/Chicago');
  expect(stats.total).toBe(expected.total);
  expect(stats.allegations).toBe(expected.allegations);
  expect(stats.byYear).toEqual(expected.byYear);
  expect(stats.byHistoricalAgency).toEqual(expected.byHistoricalAgency);
  expect(stats.bySourceStatus).toEqual(expected.bySourceStatus);
  expect(stats.byStatus).toEqual(expected.byStatus);
  expect(stats.byFinding).toEqual(expected.byFinding);
  expect(stats.sustainedRate.overall).toBe(expected.sustainedRate);
  expect(stats.daysToClosure).toEqual(expected.daysToClosure);
}
