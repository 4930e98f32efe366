import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportOut } from '../../src/shared/schemas/reports.ts';
import { engineName, testDb } from '../test-db.ts';
import { expectReportOfScript, REPORT_QUARTER, writeQuarterSubset } from '../report-fixtures.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);
// each test spawns the CLI several times: the acceptance tier's limit (vitest.config.ts) applies,
// a limit, not a performance target

/*
 * `oversight report quarterly|annual` as the office runs it (issue 18 items 6, 8, 9 and "Bad
 * input"): a real quarter imported by `oversight import chicago`, the JSON equal to the independent
 * figures, the CSV/HTML/PDF files written; a malformed period, one not yet ended and one without
 * data exit non-zero with a clear message and write nothing. It reads most of the CMS release in
 * ../shared/data/chicago, so it is in the acceptance tier (issue 20 item 7).
 */
describe(`oversight report (${engineName})`, () => {
  let dir: string;
  let data: string;
  let env: NodeJS.ProcessEnv;
  let close: () => Promise<void>;

  const cli = async (args: string[]): Promise<{ code: number; stdout: string; stderr: string }> => {
    try {
      const { stdout, stderr } = await run(
        process.execPath,
        ['--import', 'tsx', 'src/cli/main.ts', ...args],
        { cwd: ROOT, env, timeout: 120_000, maxBuffer: 64 * 1024 * 1024 },
      );
      return { code: 0, stdout, stderr };
    } catch (err) {
      const e = err as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oversight-cli-report-'));
    data = path.join(dir, 'chicago');
    fs.mkdirSync(data);
    writeQuarterSubset(data);
    const t = await testDb();
    close = async () => {
      await t.close();
      fs.rmSync(dir, { recursive: true, force: true });
    };
    env = {
      ...process.env,
      OVERSIGHT_DATA_DIR: path.join(dir, 'data'),
      DATABASE_URL: t.url ?? '',
      OVERSIGHT_ENCRYPTION_KEY: crypto.randomBytes(32).toString('base64'),
      TZ: 'UTC',
    };
  }, 60_000);
  afterAll(async () => close());

  it('refuses bad periods and a period without data, writing nothing', async () => {
    const out = path.join(dir, 'refused');
    for (const [args, message] of [
      [['quarterly', '2022Q5'], 'is not a quarter'],
      [['quarterly', '2099Q1'], 'has not ended yet'],
      [['quarterly', '2022Q2'], 'nothing to report'],
    ] as const) {
      const res = await cli(['report', ...args, '--format', 'csv', '--out', out]);
      expect(res.code, res.stderr).not.toBe(0);
      expect(res.stderr).toContain(message);
      expect(fs.existsSync(out)).toBe(false);
    }
    const noOut = await cli(['report', 'quarterly', '2022Q2', '--format', 'pdf']);
    expect(noOut.code).not.toBe(0);
    expect(noOut.stderr).toContain('--out');
  });

  it('reproduces the independent figures for a real quarter, and writes every format', async () => {
    const imported = await cli(['import', 'chicago', data]);
    expect(imported.code, imported.stderr).toBe(0);
    const json = await cli(['report', 'quarterly', REPORT_QUARTER.label, '--format', 'json']);
    expect(json.code, json.stderr).toBe(0);
    const report = JSON.parse(json.stdout) as ReportOut;
    expect(report.timeZone).toBe('America/Chicago');
    expect(report.lastImportAt).not.toBeNull();
    expectReportOfScript(report, data);

    const csvDir = path.join(dir, 'csv');
    const csv = await cli([
      'report',
      'quarterly',
      REPORT_QUARTER.label,
      '--format',
      'csv',
      '--out',
      csvDir,
    ]);
    expect(csv.code, csv.stderr).toBe(0);
    expect(fs.readdirSync(csvDir).sort()).toEqual(report.tables.map((t) => `${t.id}.csv`).sort());

    const html = path.join(dir, 'report.html');
    expect(
      (await cli(['report', 'quarterly', REPORT_QUARTER.label, '--format', 'html', '--out', html]))
        .code,
    ).toBe(0);
    const page = fs.readFileSync(html, 'utf8');
    expect(page).toContain('Quarterly report 2022Q2');
    expect(page).toContain('<svg');

    const pdf = path.join(dir, 'report.pdf');
    const pub = await cli([
      'report',
      'annual',
      '2021',
      '--format',
      'pdf',
      '--public',
      '--out',
      pdf,
    ]);
    expect(pub.code, pub.stderr).toBe(0);
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
