import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/server/db/client.ts';
import { testDb } from '../test-db.ts';
import { expectStatsOfScript, importForTest } from '../test-import.ts';

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
});
