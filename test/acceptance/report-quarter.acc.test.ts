import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportOut } from '../../src/shared/schemas/reports.ts';
import { auditRows, expectAudit, expectInvalidFields, expectProblem } from '../http.ts';
import { engineName } from '../test-db.ts';
import { testApp, type TestApp, type TestUser } from '../test-app.ts';
import { importForTest } from '../test-import.ts';
import { writeQuarterSubset, expectReportOfScript, REPORT_QUARTER } from '../report-fixtures.ts';

/*
 * The statutory report (issue 18 items 6–9): a real quarter of COPA's CMS release imported, every
 * table compared with test/fixtures/chicago_report.py's independent reading of the same CSVs; the
 * public version's suppression; the policy recommendations it lists; bad periods. It reads most of
 * the CMS release in ../shared/data/chicago, so it is in the acceptance tier (issue 20 item 7).
 */
describe(`statutory report of a real quarter (${engineName})`, () => {
  let t: TestApp;
  let chief: TestUser;
  let analyst: TestUser;
  let investigator: TestUser;
  let data: string;

  beforeAll(async () => {
    t = await testApp({ now: () => new Date('2026-11-28T12:00:00Z') });
    chief = await t.user('chief_administrator');
    analyst = await t.user('analyst');
    investigator = await t.user('investigator');
    data = writeQuarterSubset(fs.mkdtempSync(path.join(os.tmpdir(), 'ovs-report-')));
    await importForTest(t.db, [data], path.join(data, 'reports'));
  }, 120_000);
  afterAll(async () => t.close());

  const get = async (url: string, user: TestUser = analyst) => t.as(user, { method: 'GET', url });

  it('every table equals the figures computed independently from the CSV files', async () => {
    const res = await get(`/api/v1/reports/quarterly/${REPORT_QUARTER.label}`);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json<ReportOut>();
    expect(report.period).toEqual({ kind: 'quarterly', ...REPORT_QUARTER });
    expect(report.timeZone).toBe('America/Chicago');
    expect(report.lastImportAt).not.toBeNull();
    expectReportOfScript(report, data);
  });

  it('the public version suppresses counts under the threshold; the staff version does not', async () => {
    const staff = (
      await get(`/api/v1/reports/quarterly/${REPORT_QUARTER.label}`)
    ).json<ReportOut>();
    const pub = (
      await get(`/api/v1/reports/quarterly/${REPORT_QUARTER.label}?version=public`)
    ).json<ReportOut>();
    const district = (r: ReportOut) => r.tables.find((x) => x.id === 'intake_by_district')!;
    const small = district(staff).rows.filter(
      (r) => r.key !== 'total' && r.cells['cases']! > 0 && r.cells['cases']! < 5,
    );
    expect(small.length).toBeGreaterThan(0);
    for (const r of small) {
      expect(district(pub).rows.find((x) => x.key === r.key)!.cells['cases']).toBeNull();
    }
    // the total counts only published cells and says so
    const publishedSum = district(pub)
      .rows.filter((r) => r.key !== 'total')
      .reduce((a, r) => a + (r.cells['cases'] ?? 0), 0);
    expect(district(pub).rows.find((r) => r.key === 'total')!.cells['cases']).toBe(publishedSum);
    expect(district(pub).partialCells).toContain('total.cases');
    expect(pub.version).toBe('public');
  });

  it('serves a PDF with the fonts embedded and one CSV per table', async () => {
    const pdf = await get(`/api/v1/reports/quarterly/${REPORT_QUARTER.label}/report.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await getDocument({ data: new Uint8Array(pdf.rawPayload) }).promise;
    const page = await doc.getPage(1);
    const text = (await page.getTextContent()).items
      .map((i) => ('str' in i ? i.str : ''))
      .join(' ');
    expect(text).toContain(`Quarterly report ${REPORT_QUARTER.label}`);
    expect(text).toContain('America/Chicago');
    expect(pdf.rawPayload.toString('latin1')).toMatch(/FontFile2/);
    const csv = await get(
      `/api/v1/reports/quarterly/${REPORT_QUARTER.label}/tables/pending_by_age.csv`,
    );
    expect(csv.statusCode).toBe(200);
    expect(csv.body.split('\r\n')[0]).toBe('row,cases');
  });

  it('refuses a malformed period, a quarter not yet ended and a period without data', async () => {
    expectProblem(await get('/api/v1/reports/quarterly/2022Q5'), 400, 'malformed_period');
    expectProblem(await get('/api/v1/reports/annual/22'), 400, 'malformed_period');
    expectProblem(await get('/api/v1/reports/quarterly/2026Q4'), 422, 'period_in_future');
    expectProblem(await get('/api/v1/reports/quarterly/2010Q1'), 422, 'no_data');
    expectProblem(
      await get(`/api/v1/reports/quarterly/${REPORT_QUARTER.label}`, investigator),
      403,
    );
  });

  it('records policy recommendations with audit rows, and the report lists them', async () => {
    const made = await t.as(chief, {
      method: 'POST',
      url: '/api/v1/policy-recommendations',
      payload: {
        madeOn: '2022-05-10',
        topic: 'Foot pursuits',
        text: 'Adopt a foot-pursuit policy with supervisory review.',
        recipient: 'Superintendent of Police',
      },
    });
    expect(made.statusCode, made.body).toBe(201);
    const id = made.json<{ id: string }>().id;
    await expectAudit(t.db, 'policy_recommendation.created', id, chief);
    const before = await t.as(chief, {
      method: 'POST',
      url: `/api/v1/policy-recommendations/${id}/response`,
      payload: { response: 'Too early.', respondedOn: '2022-05-01' },
    });
    expectProblem(before, 422, 'response_before_recommendation');
    const answered = await t.as(chief, {
      method: 'POST',
      url: `/api/v1/policy-recommendations/${id}/response`,
      payload: { response: 'Accepted; policy drafted.', respondedOn: '2022-06-20' },
    });
    expect(answered.statusCode, answered.body).toBe(200);
    await expectAudit(t.db, 'policy_recommendation.response_recorded', id, chief);
    const status = await t.as(chief, {
      method: 'POST',
      url: `/api/v1/policy-recommendations/${id}/status`,
      payload: { status: 'in_progress' },
    });
    expect(status.json<{ status: string }>().status).toBe('in_progress');
    expect(await auditRows(t.db, 'policy_recommendation.status_changed', id)).toHaveLength(1);

    expectInvalidFields(
      await t.as(chief, {
        method: 'POST',
        url: '/api/v1/policy-recommendations',
        payload: { madeOn: 'yesterday', topic: '', text: 'x', recipient: 'CPD' },
      }),
      ['madeOn', 'topic'],
    );
    expectProblem(
      await t.as(chief, {
        method: 'POST',
        url: '/api/v1/policy-recommendations',
        payload: { madeOn: '2027-01-01', topic: 'x', text: 'x', recipient: 'CPD' },
      }),
      422,
      'date_in_future',
    );
    expectProblem(
      await t.as(analyst, {
        method: 'POST',
        url: '/api/v1/policy-recommendations',
        payload: { madeOn: '2022-05-10', topic: 'x', text: 'x', recipient: 'CPD' },
      }),
      403,
    );

    const report = (
      await get(`/api/v1/reports/quarterly/${REPORT_QUARTER.label}`)
    ).json<ReportOut>();
    expect(report.policyRecommendations).toEqual([
      expect.objectContaining({
        topic: 'Foot pursuits',
        response: 'Accepted; policy drafted.',
        respondedOn: '2022-06-20',
        status: 'in_progress',
      }),
    ]);
    const table = report.tables.find((x) => x.id === 'policy_recommendations')!;
    expect(table.rows.find((r) => r.key === 'in_progress')!.cells['recommendations']).toBe(1);
    // the office's recommendations are public documents, not people: their count is not suppressed
    const pub = (
      await get(`/api/v1/reports/quarterly/${REPORT_QUARTER.label}?version=public`)
    ).json<ReportOut>();
    const pubTable = pub.tables.find((x) => x.id === 'policy_recommendations')!;
    expect(pubTable.rows.find((r) => r.key === 'in_progress')!.cells['recommendations']).toBe(1);
    expect(pub.policyRecommendations).toHaveLength(1);
  });
});
