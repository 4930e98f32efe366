import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEis } from '../src/server/commands/eis.ts';
import { eisBacktest, keepBacktest } from '../src/server/commands/eis-backtest.ts';
import { chicagoProfile } from '../src/server/domain/profiles/chicago.ts';
import type { AlertOut, BacktestOut, RuleOut } from '../src/shared/schemas/eis.ts';
import { accuse, addHistoryCase, addHistoryMember, addWitness } from './eis-history.ts';
import { engineName, TEST_JURISDICTION } from './test-db.ts';
import { testApp, type TestApp, type TestUser } from './test-app.ts';

/*
 * Issue 19 items 3a and 4: rules as data kept by an administrator, `oversight eis run` raising
 * alerts, and an alert's review new → supervisor review → intervention planned → resolved, each
 * step with a note, an actor and an audit row. An alert never leads to discipline.
 */
let t: TestApp;
let admin: TestUser;
let supervisor: TestUser;
let auditor: TestUser;
let analyst: TestUser;
let busy: string;
let quiet: string;
let watched: string;

// a clock that moves a minute a call, so the review steps have an order
let tick = 0;
const now = (): Date => new Date(Date.UTC(2024, 5, 2, 12, tick++));

async function auditActions(action: string): Promise<Array<{ changes: Record<string, unknown> }>> {
  return t.db.query(`SELECT changes FROM audit_events WHERE action = $1 ORDER BY seq`, [action]);
}

beforeAll(async () => {
  t = await testApp({ now });
  admin = await t.user('admin');
  supervisor = await t.user('supervisor', 'BIA');
  auditor = await t.user('auditor', 'OIG');
  analyst = await t.user('analyst');
  busy = await addHistoryMember(t.db, 'Busy', { unit: '007' });
  quiet = await addHistoryMember(t.db, 'Quiet', { unit: '007' });
  watched = await addHistoryMember(t.db, 'Watched', { unit: '011' });
  // three complaints within 180 days before 2024-06-01 for Busy, two for Quiet
  for (const d of ['2024-01-10', '2024-03-05', '2024-05-20']) {
    await accuse(t.db, busy, d);
  }
  for (const d of ['2024-02-10', '2024-05-01']) {
    await accuse(t.db, quiet, d, { category: 'excessive_force' });
  }
  // Quiet's third complaint is a need-to-know case: an alert must not count (and so reveal) it
  await accuse(t.db, quiet, '2024-05-15', { category: 'sexual_misconduct', restricted: true });
  await accuse(t.db, watched, '2024-05-25');
  const older = await addHistoryCase(t.db, '2023-01-01', '2023-02-01');
  for (const m of [busy, quiet, watched]) {
    await addWitness(t.db, older, m);
  }
});

afterAll(async () => {
  await t.close();
});

describe(`early-intervention rules are data an administrator keeps (${engineName})`, () => {
  const rule = {
    kind: 'count_in_days',
    code: 'three-in-180',
    label: '3 complaints in 180 days',
    threshold: 3,
    days: 180,
  };

  it('an administrator adds and changes a rule, audited; others may not', async () => {
    expect(
      (await t.as(supervisor, { method: 'POST', url: '/api/v1/eis/rules', payload: rule }))
        .statusCode,
    ).toBe(403);
    const created = await t.as(admin, { method: 'POST', url: '/api/v1/eis/rules', payload: rule });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json<RuleOut>()).toMatchObject({
      code: 'three-in-180',
      threshold: 3,
      days: 180,
      active: true,
    });
    expect(
      (await t.as(admin, { method: 'POST', url: '/api/v1/eis/rules', payload: rule })).json<{
        code: string;
      }>().code,
    ).toBe('rule_exists');
    const bad = await t.as(admin, {
      method: 'POST',
      url: '/api/v1/eis/rules',
      payload: { ...rule, code: 'bad', categories: ['not_a_category'] },
    });
    expect(bad.statusCode).toBe(422);
    const changed = await t.as(admin, {
      method: 'PUT',
      url: '/api/v1/eis/rules/three-in-180',
      payload: { ...rule, threshold: 2 },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json<RuleOut>().threshold).toBe(2);
    const back = await t.as(admin, {
      method: 'PUT',
      url: '/api/v1/eis/rules/three-in-180',
      payload: rule,
    });
    expect(back.json<RuleOut>().threshold).toBe(3);
    const audits = await auditActions('eis.rule_saved');
    expect(audits).toHaveLength(3);
    expect(audits[1]!.changes).toMatchObject({ before: { threshold: 3 }, after: { threshold: 2 } });
    const list = await t.as(auditor, { method: 'GET', url: '/api/v1/eis/rules' });
    expect(list.json<{ items: RuleOut[] }>().items.map((r) => r.code)).toEqual(['three-in-180']);
    expect((await t.as(analyst, { method: 'GET', url: '/api/v1/eis/rules' })).statusCode).toBe(403);
  });

  it('a run raises one alert per member and rule, with its reason in English and Spanish', async () => {
    const monitor = await t.as(admin, {
      method: 'POST',
      url: '/api/v1/eis/rules',
      payload: {
        kind: 'monitor_member',
        code: 'watch',
        label: 'Monitoring order',
        memberId: watched,
        days: 30,
      },
    });
    expect(monitor.statusCode, monitor.body).toBe(201);
    expect(
      (
        await t.as(supervisor, {
          method: 'POST',
          url: '/api/v1/eis/runs',
          payload: { asOf: '2024-06-01' },
        })
      ).statusCode,
    ).toBe(403);
    const first = await t.as(admin, {
      method: 'POST',
      url: '/api/v1/eis/runs',
      payload: { asOf: '2024-06-01' },
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ rules: 2, raised: 2, alreadyOpen: 0 });
    const again = await runEis(t.db, chicagoProfile, TEST_JURISDICTION, '2024-06-01', now);
    expect(again).toMatchObject({ raised: 0, alreadyOpen: 2 });
    const res = await t.as(supervisor, { method: 'GET', url: '/api/v1/eis/alerts' });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json<{ items: AlertOut[] }>().items;
    const byMember = new Map(items.map((a) => [a.member.id, a]));
    expect([...byMember.keys()].sort()).toEqual([busy, watched].sort());
    expect(byMember.get(busy)!.reasons[0]).toEqual({
      en: '3 complaint(s) in the last 180 days (rule: 3 in 180 days)',
      es: '3 queja(s) en los últimos 180 días (regla: 3 en 180 días)',
    });
    expect(byMember.get(watched)!.rule.code).toBe('watch');
    expect(await auditActions('eis.alert_raised')).toHaveLength(2);
  });

  it('an alert moves new → supervisor review → intervention planned → resolved, each step noted and audited', async () => {
    const list = await t.as(supervisor, { method: 'GET', url: '/api/v1/eis/alerts?open=true' });
    const alert = list.json<{ items: AlertOut[] }>().items.find((a) => a.member.id === busy)!;
    expect(alert.status).toBe('new');
    expect(alert.nextSteps).toEqual(['supervisor_review', 'dismissed', 'acknowledged']);
    const url = `/api/v1/eis/alerts/${alert.id}/steps`;
    const skip = await t.as(supervisor, {
      method: 'POST',
      url,
      payload: { to: 'resolved', note: 'skip ahead' },
    });
    expect(skip.statusCode).toBe(422);
    expect(skip.json<{ code: string }>().code).toBe('alert_step_not_allowed');
    expect(
      (await t.as(auditor, { method: 'POST', url, payload: { to: 'dismissed', note: 'no' } }))
        .statusCode,
    ).toBe(403);
    for (const [to, note] of [
      ['supervisor_review', 'Reviewing the three complaints with the watch commander.'],
      ['intervention_planned', 'De-escalation refresher and a mentor for 90 days.'],
      ['resolved', 'Training completed.'],
    ] as const) {
      const res = await t.as(supervisor, { method: 'POST', url, payload: { to, note } });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json<AlertOut>().status).toBe(to);
    }
    const done = await t.as(auditor, { method: 'GET', url: `/api/v1/eis/alerts/${alert.id}` });
    const body = done.json<AlertOut>();
    expect(body.nextSteps).toEqual([]);
    expect(body.steps.map((s) => [s.from, s.to])).toEqual([
      ['new', 'supervisor_review'],
      ['supervisor_review', 'intervention_planned'],
      ['intervention_planned', 'resolved'],
    ]);
    expect(body.steps.every((s) => s.actor !== null && s.note.length > 0)).toBe(true);
    const audits = await auditActions('eis.alert_step');
    expect(audits.map((a) => a.changes['to'])).toEqual([
      'supervisor_review',
      'intervention_planned',
      'resolved',
    ]);
    // resolved: the next run may raise the member again
    const next = await runEis(t.db, chicagoProfile, TEST_JURISDICTION, '2024-06-01', now);
    expect(next).toMatchObject({ raised: 1, alreadyOpen: 1 });
  });

  it('an alert is dismissed as a false positive with a note; the analyst sees no queue', async () => {
    const list = await t.as(supervisor, { method: 'GET', url: '/api/v1/eis/alerts?status=new' });
    const alert = list.json<{ items: AlertOut[] }>().items.find((a) => a.member.id === watched)!;
    const res = await t.as(supervisor, {
      method: 'POST',
      url: `/api/v1/eis/alerts/${alert.id}/steps`,
      payload: { to: 'dismissed', note: 'The complaint was a duplicate of a closed case.' },
    });
    expect(res.json<AlertOut>().status).toBe('dismissed');
    expect((await t.as(analyst, { method: 'GET', url: '/api/v1/eis/alerts' })).statusCode).toBe(
      403,
    );
  });
});

describe(`the backtest's tables for the Reports page (${engineName})`, () => {
  it('shows the latest kept run to the queue readers, and says when none was run', async () => {
    const none = await t.as(supervisor, { method: 'GET', url: '/api/v1/eis/backtest' });
    expect(none.statusCode).toBe(404);
    expect(none.json<{ code: string }>().code).toBe('backtest_not_run');
    const r = await eisBacktest(t.db, TEST_JURISDICTION, 'America/Chicago', {
      from: 2022,
      to: 2023,
      resamples: 10,
    });
    await keepBacktest(t.db, TEST_JURISDICTION, r, 1.5, now());
    const res = await t.as(auditor, { method: 'GET', url: '/api/v1/eis/backtest' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<BacktestOut>();
    expect(body).toMatchObject({ from: 2022, to: 2023, seconds: 1.5 });
    expect(body.years.map((y) => y.year)).toEqual([2022, 2023]);
    expect(Object.keys(body.pooled['5%']).sort()).toEqual([
      'cpdp_percentile',
      'model',
      'rank_by_complaints',
      'threshold_3_in_180',
    ]);
    expect((await t.as(analyst, { method: 'GET', url: '/api/v1/eis/backtest' })).statusCode).toBe(
      403,
    );
  });
});

describe('an alert is never discipline', () => {
  it('no table of the discipline record refers to an alert, and no alert table to a finding', async () => {
    const refs = await t.db.query<{ from_table: string; to_table: string }>(
      `SELECT tc.table_name AS from_table, ccu.table_name AS to_table
         FROM information_schema.table_constraints tc
         JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name
        WHERE tc.constraint_type = 'FOREIGN KEY'
          AND (tc.table_name LIKE 'eis\\_%' OR ccu.table_name LIKE 'eis\\_%')`,
    );
    const discipline = ['allegations', 'allegation_findings', 'cases'];
    expect(refs.length).toBeGreaterThan(0);
    for (const r of refs) {
      expect(discipline).not.toContain(r.from_table);
      expect(discipline).not.toContain(r.to_table);
    }
  });

  it('the early-intervention commands, routes and repository write no allegation, finding or penalty', () => {
    const files = [
      'src/server/commands/eis.ts',
      'src/server/routes/eis.routes.ts',
      'src/server/repositories/eis-alerts.repository.ts',
    ];
    for (const f of files) {
      const text = fs.readFileSync(new URL(`../${f}`, import.meta.url), 'utf8');
      expect(text, f).not.toMatch(
        /record-finding|allegations\.repository|(INSERT INTO|UPDATE)\s+allegation|_penalty/i,
      );
    }
  });
});
