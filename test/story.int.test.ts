import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/server/audit/audit.ts';
import { testApp, type TestApp, type TestUser } from './test-app.ts';
import {
  castShelterStory,
  closeNoFinding,
  draftStatements,
  get as storyGet,
  investigate,
  openParallelTrack,
  post as storyPost,
  publishAndAnswer,
  relieveOfPowers,
  reopen,
  shelterIntake,
  type Staff,
  type Story,
} from './shelter-story.ts';
import { TEST_JURISDICTION } from './test-db.ts';

/**
 * PRODUCT.md §1, the product's first acceptance journey, end to end through the staff API:
 * the 2023 allegation that officers sexually abused a Spanish-speaking migrant sheltering in the
 * 10th District station lobby.
 */
let t: TestApp;
let staff: Staff;
let log = '';
let story: Story;

const post = (who: TestUser, url: string, payload: unknown) => storyPost(t, who, url, payload);
const get = (who: TestUser, url: string) => storyGet(t, who, url);

beforeAll(async () => {
  t = await testApp();
  staff = await castShelterStory(t);
});
afterAll(async () => t.close());

describe('PRODUCT.md §1: the 2023 shelter case', () => {
  it('1–3. intake registers third-party information, routes it to COPA under (b-5) and restricts it', async () => {
    const res = await post(staff.intake, '/api/v1/cases', shelterIntake());
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    log = body.logNumber;
    story = { t, staff, log, members: {} };
    expect(log).toMatch(/^2023-\d{7}$/);
    expect(body.status).toBe('intake');
    expect(body.routing).toMatchObject({ agency: 'COPA', clause: 'MCC 2-78-120(b-5)' });
    expect(body.routing.explanation).toContain('2-78-120(b-5)');
    expect(body.restricted).toBe(true);
    expect(body.restrictionReasons).toEqual(
      expect.arrayContaining(['sexual_misconduct', 'shelter_resident_party', 'minor_party']),
    );
    // 8. acknowledgement: 5 business days from Monday 2023-09-18
    const ack = body.deadlines.find((d: { kind: string }) => d.kind === 'acknowledgement_letter');
    expect(ack.dueDate).toBe('2023-09-25');
    const notice = body.deadlines.find((d: { kind: string }) => d.kind === 'six_month_notice');
    expect(notice.clause).toContain('2-78-135');
    // the identity of the volunteer is ciphertext at rest
    const raw = await t.db.query<{ identity_enc: string | null }>(
      `SELECT identity_enc FROM parties`,
    );
    expect(raw.some((r) => r.identity_enc !== null)).toBe(true);
    expect(JSON.stringify(raw)).not.toContain('Volunteer Vee');
    expect(JSON.stringify(raw)).not.toContain('312-555-0142');
  });

  it('keeps the restricted case from staff outside the need-to-know team', async () => {
    expect((await get(staff.intake, `/api/v1/cases/${log}`)).statusCode).toBe(404);
    expect((await get(staff.copaInv, `/api/v1/cases/${log}`)).statusCode).toBe(404);
    expect((await get(staff.biaSup, `/api/v1/cases/${log}`)).statusCode).toBe(404);
    const chief = await get(staff.chief, `/api/v1/cases/${log}`);
    expect(chief.statusCode).toBe(200);
    expect(chief.json().facility).toMatchObject({ code: 'D010', shelterSiteOnIncidentDate: true });
  });

  it('4. BIA opens a parallel criminal track on the same log number', async () => {
    const res = await openParallelTrack(story);
    expect(res.json().agencies).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ agency: 'COPA', role: 'lead' }),
        expect.objectContaining({ agency: 'BIA', track: 'criminal', role: 'parallel' }),
      ]),
    );
    expect((await get(staff.biaSup, `/api/v1/cases/${log}`)).statusCode).toBe(200);
    const bia = await get(staff.biaInv, `/api/v1/cases/${log}`);
    expect(bia.statusCode).toBe(200);
    expect(bia.json().routing.clause).toBe('MCC 2-78-120(b-5)');
  });

  it('5. investigators canvass shelters, identify officers and add allegations per officer', async () => {
    await investigate(story);
    for (const star of ['10231', '11872']) {
      const found = await get(staff.copaInv, `/api/v1/members?q=${star}`);
      expect(found.json().items.map((x: { id: string }) => x.id)).toContain(story.members[star]);
    }
    const c = (await get(staff.copaInv, `/api/v1/cases/${log}`)).json();
    expect(c.status).toBe('investigation');
    expect(c.allegations).toHaveLength(2);
    expect(c.officersUnknown).toBe(false);
    expect(c.activities.filter((x: { kind: string }) => x.kind === 'canvass')).toHaveLength(2);
  });

  it('6. the chief administrator recommends relief of police powers; the decision is recorded separately', async () => {
    const id = story.members['10231']!;
    const denied = await post(staff.copaInv, `/api/v1/members/${id}/duty-status`, {
      action: 'relieved_of_police_powers',
      stage: 'recommended',
      logNumber: log,
      reason: 'x',
      effectiveAt: '2023-09-27T12:00:00-05:00',
    });
    expect(denied.statusCode).toBe(403);
    const noDecider = await post(staff.chief, `/api/v1/members/${id}/duty-status`, {
      action: 'relieved_of_police_powers',
      stage: 'decided',
      logNumber: log,
      reason: 'Decided',
      effectiveAt: '2023-09-28T09:00:00-05:00',
    });
    expect(noDecider.statusCode).toBe(400);
    expect(noDecider.json().errors[0].field).toBe('decidedBy');
    const { recommendation: rec, decision: decided } = await relieveOfPowers(story, '10231');
    expect(decided.json()).toMatchObject({
      stage: 'decided',
      decidedBy: 'Superintendent of Police',
      recommendationId: rec.json().id,
    });
    const member = (await get(staff.chief, `/api/v1/members/${id}`)).json();
    expect(member.currentDutyStatus).toBe('relieved_of_police_powers');
    expect(member.dutyStatus.map((d: { stage: string }) => d.stage)).toEqual([
      'recommended',
      'decided',
    ]);
  });

  it('7. press inquiries are answered with the approved statement, published in English and Spanish', async () => {
    const ids = await draftStatements(story);
    const drafts = (await get(staff.pio, `/api/v1/cases/${log}`)).json();
    expect(drafts.statements.map((x: { status: string }) => x.status)).toEqual(['draft', 'draft']);
    const early = await post(staff.pio, `/api/v1/press-inquiries/${ids.inquiry}/answer`, {
      statementId: ids.en,
    });
    expect(early.statusCode).toBe(422);
    const published = (await publishAndAnswer(story, ids)).json();
    expect(published.status).toBe('published');
    expect(published.published.sort()).toEqual([ids.en, ids.es].sort());
    const view = (await get(staff.pio, `/api/v1/cases/${log}`)).json();
    expect(view.view).toBe('public_fields');
    expect(view.narrative).toBeUndefined();
    expect(view.parties).toBeUndefined();
    expect(
      view.statements
        .map((s: { language: string; status: string }) => `${s.language}:${s.status}`)
        .sort(),
    ).toEqual(['en:published', 'es:published']);
    expect(view.pressInquiries[0].statementId).toBe(ids.en);
  });

  it('9. COPA closes with no finding (no victim or witness identified); new evidence reopens it', async () => {
    const noReason = await post(staff.chief, `/api/v1/cases/${log}/transitions`, {
      to: 'closed_no_finding',
    });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().code).toBe('reason_required');
    const closed = await closeNoFinding(story);
    expect(closed.json().status).toBe('closed_no_finding');
    const byInvestigator = await post(staff.copaInv, `/api/v1/cases/${log}/transitions`, {
      to: 'investigation',
      reason: 'new_material_evidence',
    });
    expect(byInvestigator.statusCode).toBe(403);
    const c = (await reopen(story)).json();
    expect(c.status).toBe('investigation');
    expect(c.statusHistory.map((h: { to: string }) => h.to)).toEqual([
      'intake',
      'preliminary',
      'investigation',
      'closed_no_finding',
      'investigation',
    ]);
    expect(c.statusHistory.at(-1).reason).toBe('new_material_evidence');
  });

  it('leaves an unbroken audit trail of every step, including restricted reads', async () => {
    const res = await get(staff.auditor, '/api/v1/audit/verify');
    expect(res.statusCode).toBe(200);
    expect(res.json().ok).toBe(true);
    const actions = await t.db.query<{ action: string }>(
      `SELECT DISTINCT action FROM audit_events`,
    );
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'case.filed',
        'case.read_restricted',
        'agency.added',
        'assignment.added',
        'allegation.added',
        'duty_status.recorded',
        'statement.reviewed',
        'statement.published',
        'case.transitioned',
      ]),
    );
    const result = await verifyAuditChain(t.db, TEST_JURISDICTION);
    expect(result.checked).toBeGreaterThan(25);
    // nothing identifying in the audit log either
    const dump = JSON.stringify(await t.db.query(`SELECT * FROM audit_events`));
    expect(dump).not.toContain('Volunteer Vee');
    expect(dump).not.toContain('312-555-0142');
  });

  it('has no immigration-status field anywhere', async () => {
    const res = await post(staff.intake, '/api/v1/cases', {
      caseType: 'complaint',
      channel: 'phone',
      receivedAt: '2023-09-18T10:12:00-05:00',
      narrative: 'x',
      parties: [{ role: 'complainant', immigrationStatus: 'undocumented' }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('validation_failed');
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).body;
    expect(spec.toLowerCase()).not.toContain('immigration');
    const columns = await t.db.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema()`,
    );
    expect(columns.map((c) => c.column_name).join(' ')).not.toMatch(/immigra|citizenship|visa/);
  });
});
