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
import { eisBacktest } from '../../src/server/commands/eis-backtest.ts';

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

  it(
    'runs the early-warning backtest 2008–2018 (issue 19 items 5–6; docs/early-intervention.md)',
    async () => {
      const r = await eisBacktest(db, TEST_JURISDICTION, 'America/Chicago', {
        from: 2008,
        to: 2018,
      });
      expect(r.years.map((y) => y.year)).toEqual([
        2008, 2009, 2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018,
      ]);
      // the population and the outcomes of docs/early-intervention.md
      expect(r.years.reduce((n, y) => n + y.members, 0)).toBe(92_810);
      expect(r.years.reduce((n, y) => n + y.positives, 0)).toBe(1_509);
      expect(r.pooled['5%'].rank_by_complaints.recall).toBeCloseTo(0.07735, 4);
      expect(r.pooled['5%'].threshold_3_in_180.recall).toBeCloseTo(0.097, 4);
      expect(r.pooled['5%'].cpdp_percentile.recall).toBeCloseTo(0.08848, 4);
      // the frozen model: +7% relative to rank-by-complaints, within noise (interval across 0);
      // the same on every import of the same files (ties shared, sample by identity key)
      expect(r.pooled['5%'].model.recall).toBeCloseTo(0.08284, 4);
      expect(r.model_vs_rank_5pct.ci95[0]).toBeLessThan(0);
    },
    LONG,
  );
});
