import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/server/db/client.ts';
import { expectStatsOfScript, importForTest } from '../test-import.ts';
import { buildReport } from '../../src/server/commands/build-report.ts';
import { parsePeriod } from '../../src/server/domain/reports.ts';
import { TEST_JURISDICTION, testDb } from '../test-db.ts';
import { expectReportOfScript, REPORT_QUARTER } from '../report-fixtures.ts';

/**
 * The whole developer set (15 files, about 1.3 million rows) imported, and its statistics
 * compared with figures computed independently from the CSV files by test/fixtures/chicago_stats.py.
 */
const DATA = path.resolve(import.meta.dirname, '../../../shared/data/chicago');
const LONG = 30 * 60_000;

let db: Db;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ db, close } = await testDb());
}, LONG);
afterAll(async () => close());

describe('import chicago: the full history', () => {
  it(
    'imports every file and matches the independent figures',
    async () => {
      const result = await importForTest(
        db,
        [DATA],
        fs.mkdtempSync(path.join(os.tmpdir(), 'ovs-full-')),
      );
      expect(result.files).toHaveLength(15);
      for (const f of result.files) {
        expect(f.error, f.file).toBeUndefined();
        expect(f.read, f.file).toBe(f.inserted + f.updated + f.unchanged + f.rejected);
      }
      await expectStatsOfScript(db, DATA);
    },
    LONG,
  );

  it(
    'builds the statutory report of a real quarter (2022Q2) equal to the independent figures',
    async () => {
      // the import above, reused: the report over the whole history, CMS and CLEAR cases alike
      const report = await buildReport({
        db,
        jurisdiction: TEST_JURISDICTION,
        timeZone: 'America/Chicago',
        period: parsePeriod('quarterly', REPORT_QUARTER.label, null),
        now: new Date(),
        version: 'staff',
        threshold: 5,
      });
      expectReportOfScript(report, DATA);
    },
    LONG,
  );
});
