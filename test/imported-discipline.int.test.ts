import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp, type TestUser } from './test-app.ts';
import { CHICAGO_SAMPLES, importForTest } from './test-import.ts';

/*
 * Issue 15 defect 1: imported findings took the import time as their decision date, so the
 * Personnel Record Review Act check (820 ILCS 40/8) never withheld them. The CMS sample holds
 * sustained findings with suspensions on cases the release closed in 2020 and 2021; the accused
 * file has no date of its own, so the case's closed date is the date of the decision.
 */
const CMS = [
  'complaints-complaints-cms_2019-2022_2022-09_p031093.csv',
  'complaints-accused-cms_2019-2022_2022-09_p031093.csv',
].map((f) => path.join(CHICAGO_SAMPLES, f));

/** Closed 2020-02-25 (Case Final): Verbal Abuse, sustained, 003 (3-day suspension). */
const CLOSED_2020 = '2019-0000178';
/** Closed 2021-08-31 (Case Final): Operational Violation, sustained, 030 (30-day suspension). */
const CLOSED_2021 = '2019-0001780';

let clock = new Date('2025-06-01T17:00:00Z');
let t: TestApp;
let auditor: TestUser;
let tmp: string;

interface PublicAllegation {
  category: string;
  finalFinding: string | null;
  penalty: string | null;
  penaltyWithheld: string | null;
}

const publicAllegations = async (log: string): Promise<PublicAllegation[]> => {
  const res = await t.app.inject({ method: 'GET', url: `/api/public/v1/cases/${log}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ allegations: PublicAllegation[] }>().allegations;
};

/** The allegation rows of the CSV export, by log number. */
async function csvAllegations(): Promise<Map<string, Array<Record<string, string>>>> {
  const res = await t.app.inject({ method: 'GET', url: '/api/public/v1/export.csv' });
  expect(res.statusCode).toBe(200);
  const [header, ...lines] = res.body.trimEnd().split('\r\n');
  const names = header!.split(',');
  const out = new Map<string, Array<Record<string, string>>>();
  for (const line of lines) {
    // the allegation rows hold codes and dates only: no quoted commas
    const row = Object.fromEntries(line.split(',').map((v, i) => [names[i]!, v]));
    if (row['record_type'] === 'allegation') {
      out.set(row['log_number']!, [...(out.get(row['log_number']!) ?? []), row]);
    }
  }
  return out;
}

beforeAll(async () => {
  t = await testApp({ now: () => clock });
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ovs-imported-discipline-'));
  // imported on the day the tests read: the import time must not count as the decision date
  const result = await importForTest(t.db, CMS, tmp, { now: () => clock });
  for (const f of result.files) {
    expect(f.rejected, f.file).toBe(0);
  }
  auditor = await t.user('auditor', 'OIG');
});
afterAll(async () => {
  await t.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('imported findings are dated by the release (issue 15 defect 1)', () => {
  it('stores the case’s closed date as the decision date of every imported finding row', async () => {
    const res = await t.as(auditor, { method: 'GET', url: `/api/v1/cases/${CLOSED_2020}` });
    expect(res.statusCode, res.body).toBe(200);
    const history = res
      .json<{ allegations: Array<{ history: Array<{ stage: string; decidedOn: string }> }> }>()
      .allegations.flatMap((a) => a.history);
    expect(history.length).toBeGreaterThan(0);
    for (const h of history) {
      expect(h.decidedOn).toBe('2020-02-25');
    }
  });

  it('withholds a 2020 suspension on the case page and in export.csv, and releases a 2021 one', async () => {
    clock = new Date('2025-06-01T17:00:00Z');
    const old = await publicAllegations(CLOSED_2020);
    expect(old).toHaveLength(1);
    expect(old[0]).toMatchObject({ finalFinding: 'sustained', penalty: null });
    expect(old[0]!.penaltyWithheld).toContain('820 ILCS 40/8');
    const recent = await publicAllegations(CLOSED_2021);
    // the release lists this allegation twice (an exact duplicate row): one allegation
    expect(recent.map((a) => a.penalty)).toEqual(['030']);
    const csv = await csvAllegations();
    expect(csv.get(CLOSED_2020)).toEqual([
      expect.objectContaining({
        final_finding: 'sustained',
        penalty: '',
        penalty_withheld: 'personnel_record_review_act',
      }),
    ]);
    expect(csv.get(CLOSED_2021)!.map((r) => [r['penalty'], r['penalty_withheld']])).toEqual([
      ['030', ''],
    ]);
    const json = await t.app.inject({ method: 'GET', url: '/api/public/v1/export.json' });
    const rows = json
      .json<Array<Record<string, string>>>()
      .filter((r) => r['record_type'] === 'allegation' && r['log_number'] === CLOSED_2020);
    expect(rows.map((r) => [r['penalty'], r['penalty_withheld']])).toEqual([
      ['', 'personnel_record_review_act'],
    ]);
  });

  it('releases the 2020 suspension on the fourth anniversary of the closing and withholds it the day after', async () => {
    // 2024-02-25 23:30 in Chicago: exactly four years after 2020-02-25
    clock = new Date('2024-02-26T05:30:00Z');
    expect((await publicAllegations(CLOSED_2020))[0]).toMatchObject({
      penalty: '003',
      penaltyWithheld: null,
    });
    expect((await csvAllegations()).get(CLOSED_2020)![0]).toMatchObject({ penalty: '003' });
    // 2024-02-26 00:30 in Chicago: one day more
    clock = new Date('2024-02-26T06:30:00Z');
    expect((await publicAllegations(CLOSED_2020))[0]).toMatchObject({ penalty: null });
    expect((await csvAllegations()).get(CLOSED_2020)![0]).toMatchObject({
      penalty: '',
      penalty_withheld: 'personnel_record_review_act',
    });
    clock = new Date('2025-06-01T17:00:00Z');
  });

  it('re-dates the imported findings when a newer release changes the case’s closed date', async () => {
    const [complaints] = CMS as [string];
    const newer = path.join(tmp, 'newer');
    fs.mkdirSync(newer, { recursive: true });
    const text = fs.readFileSync(complaints, 'utf8');
    const line = text.split('\n').find((l) => l.includes(`,${CLOSED_2020},`))!;
    expect(line).toContain(',2020-02-25,');
    fs.writeFileSync(
      path.join(newer, path.basename(complaints)),
      text.replace(line, line.replace(',2020-02-25,', ',2021-09-01,')),
    );
    const result = await importForTest(t.db, [newer], tmp, { now: () => clock });
    expect(result.files[0]).toMatchObject({ updated: 1, rejected: 0 });
    const res = await t.as(auditor, { method: 'GET', url: `/api/v1/cases/${CLOSED_2020}` });
    const history = res
      .json<{ allegations: Array<{ history: Array<{ decidedOn: string }> }> }>()
      .allegations.flatMap((a) => a.history);
    expect(history.map((h) => h.decidedOn)).toEqual(['2021-09-01', '2021-09-01']);
    expect((await publicAllegations(CLOSED_2020))[0]).toMatchObject({ penalty: '003' });
  });
});
