import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/server/audit/audit.ts';
import { testApp, type TestApp, type TestUser } from './test-app.ts';
import { TEST_JURISDICTION } from './test-db.ts';

/**
 * PRODUCT.md §1, the product's first acceptance journey, end to end through the staff API:
 * the 2023 allegation that officers sexually abused a Spanish-speaking migrant sheltering in the
 * 10th District station lobby.
 */
let t: TestApp;
let staff: Record<
  'intake' | 'copaInv' | 'copaSup' | 'chief' | 'pio' | 'biaSup' | 'biaInv' | 'auditor' | 'admin',
  TestUser
>;
let log = '';
const members: Record<string, string> = {};

const post = (who: TestUser, url: string, payload: unknown) =>
  t.as(who, { method: 'POST', url, payload: payload as object });
const get = (who: TestUser, url: string) => t.as(who, { method: 'GET', url });

beforeAll(async () => {
  t = await testApp();
  staff = {
    intake: await t.user('intake', 'COPA'),
    copaInv: await t.user('investigator', 'COPA'),
    copaSup: await t.user('supervisor', 'COPA'),
    chief: await t.user('chief_administrator', 'COPA'),
    pio: await t.user('public_information', 'COPA'),
    biaSup: await t.user('supervisor', 'BIA'),
    biaInv: await t.user('investigator', 'BIA'),
    auditor: await t.user('auditor', 'OIG'),
    admin: await t.user('admin', 'COPA'),
  };
  const station = await post(staff.admin, '/api/v1/facilities', {
    code: 'D010',
    name: '10th District (Ogden)',
    kind: 'district_station',
    district: '010',
    address: '3315 W Ogden Ave',
  });
  expect(station.statusCode, station.body).toBe(201);
  const shelter = await post(staff.copaSup, '/api/v1/facilities/D010/shelter-periods', {
    startsOn: '2023-05-01',
    endsOn: '2023-11-15',
    note: 'Lobby used as a temporary shelter site',
  });
  expect(shelter.statusCode, shelter.body).toBe(201);
});
afterAll(async () => t.close());

describe('PRODUCT.md §1: the 2023 shelter case', () => {
  it('1–3. intake registers third-party information, routes it to COPA under (b-5) and restricts it', async () => {
    const res = await post(staff.intake, '/api/v1/cases', {
      caseType: 'miscellaneous',
      channel: 'intermediary',
      receivedAt: '2023-09-18T10:12:00-05:00',
      narrative:
        'A shelter volunteer reports that officers had sexual contact with a woman living in the 10th District station lobby. She may be a minor and speaks Spanish.',
      incident: { district: '010', facilityCode: 'D010' },
      categories: ['sexual_misconduct'],
      officersUnknown: true,
      parties: [
        {
          role: 'victim',
          anonymous: true,
          language: 'es',
          vulnerabilities: ['shelter_resident', 'minor'],
          contactSafety: { lettersToShelter: false },
        },
        {
          role: 'intermediary',
          name: 'Volunteer Vee',
          phone: '312-555-0142',
          organization: 'Lobby Volunteers',
          consentScope: 'report and relay contact',
        },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    log = body.logNumber;
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
    const res = await post(staff.copaSup, `/api/v1/cases/${log}/agencies`, {
      agency: 'BIA',
      track: 'criminal',
      role: 'parallel',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().agencies).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ agency: 'COPA', role: 'lead' }),
        expect.objectContaining({ agency: 'BIA', track: 'criminal', role: 'parallel' }),
      ]),
    );
    expect((await get(staff.biaSup, `/api/v1/cases/${log}`)).statusCode).toBe(200);
    expect(
      (
        await post(staff.biaSup, `/api/v1/cases/${log}/assignments`, {
          email: staff.biaInv.email,
          role: 'investigator',
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await post(staff.copaSup, `/api/v1/cases/${log}/assignments`, {
          email: staff.copaInv.email,
          role: 'lead_investigator',
        })
      ).statusCode,
    ).toBe(201);
    const bia = await get(staff.biaInv, `/api/v1/cases/${log}`);
    expect(bia.statusCode).toBe(200);
    expect(bia.json().routing.clause).toBe('MCC 2-78-120(b-5)');
  });

  it('5. investigators canvass shelters, identify officers and add allegations per officer', async () => {
    for (const to of ['preliminary', 'investigation']) {
      const res = await post(staff.copaSup, `/api/v1/cases/${log}/transitions`, { to });
      expect(res.statusCode, res.body).toBe(200);
    }
    for (const [occurredAt, place] of [
      ['2023-09-20T14:00:00-05:00', '10th District station lobby'],
      ['2023-09-22T11:00:00-05:00', 'Near West Side shelter'],
    ]) {
      const res = await post(staff.copaInv, `/api/v1/cases/${log}/activities`, {
        kind: 'canvass',
        occurredAt,
        place,
        outcome: 'No one identified the woman',
        summary: 'Shelter canvass',
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    for (const [star, lastName] of [
      ['10231', 'Kowalczyk'],
      ['11872', 'Whitfield'],
    ] as const) {
      const m = await post(staff.copaSup, '/api/v1/members', {
        star,
        firstName: 'Demo',
        lastName,
        rank: 'Police Officer',
        unit: '010',
      });
      expect(m.statusCode, m.body).toBe(201);
      members[star] = m.json().id;
      const found = await get(staff.copaInv, `/api/v1/members?q=${star}`);
      expect(found.json().items.map((x: { id: string }) => x.id)).toContain(members[star]);
      const a = await post(staff.copaInv, `/api/v1/cases/${log}/allegations`, {
        star,
        category: 'sexual_misconduct',
        summary: 'Alleged sexual contact with a person sheltering in the lobby',
      });
      expect(a.statusCode, a.body).toBe(201);
    }
    const c = (await get(staff.copaInv, `/api/v1/cases/${log}`)).json();
    expect(c.allegations).toHaveLength(2);
    expect(c.officersUnknown).toBe(false);
    expect(c.activities.filter((x: { kind: string }) => x.kind === 'canvass')).toHaveLength(2);
  });

  it('6. the chief administrator recommends relief of police powers; the decision is recorded separately', async () => {
    const star = '10231';
    const id = members[star]!;
    const denied = await post(staff.copaInv, `/api/v1/members/${id}/duty-status`, {
      action: 'relieved_of_police_powers',
      stage: 'recommended',
      logNumber: log,
      reason: 'x',
      effectiveAt: '2023-09-27T12:00:00-05:00',
    });
    expect(denied.statusCode).toBe(403);
    const rec = await post(staff.chief, `/api/v1/members/${id}/duty-status`, {
      action: 'relieved_of_police_powers',
      stage: 'recommended',
      logNumber: log,
      reason: 'Seriousness of the allegation',
      effectiveAt: '2023-09-27T12:00:00-05:00',
    });
    expect(rec.statusCode, rec.body).toBe(201);
    const noDecider = await post(staff.chief, `/api/v1/members/${id}/duty-status`, {
      action: 'relieved_of_police_powers',
      stage: 'decided',
      logNumber: log,
      reason: 'Decided',
      effectiveAt: '2023-09-28T09:00:00-05:00',
    });
    expect(noDecider.statusCode).toBe(400);
    expect(noDecider.json().errors[0].field).toBe('decidedBy');
    const decided = await post(staff.biaSup, `/api/v1/members/${id}/duty-status`, {
      action: 'relieved_of_police_powers',
      stage: 'decided',
      logNumber: log,
      recommendationId: rec.json().id,
      decidedBy: 'Superintendent of Police',
      reason: 'Relieved pending the investigations',
      effectiveAt: '2023-09-28T09:00:00-05:00',
      badgeSurrendered: true,
      weaponSurrendered: true,
    });
    expect(decided.statusCode, decided.body).toBe(201);
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
    const en = await post(staff.pio, `/api/v1/cases/${log}/statements`, {
      language: 'en',
      text: 'The allegations are under investigation by BIA and COPA.',
    });
    expect(en.statusCode, en.body).toBe(201);
    expect(en.json().status).toBe('draft');
    const es = await post(staff.pio, `/api/v1/cases/${log}/statements`, {
      language: 'es',
      text: 'Las denuncias están siendo investigadas por BIA y COPA.',
      translationOf: en.json().id,
    });
    expect(es.statusCode, es.body).toBe(201);
    const inquiry = await post(staff.pio, `/api/v1/cases/${log}/press-inquiries`, {
      outlet: 'Example Tribune',
      question: 'Were any officers’ powers revoked?',
      receivedAt: '2023-09-29T10:00:00-05:00',
    });
    expect(inquiry.statusCode, inquiry.body).toBe(201);
    const early = await post(staff.pio, `/api/v1/press-inquiries/${inquiry.json().id}/answer`, {
      statementId: en.json().id,
    });
    expect(early.statusCode).toBe(422);
    for (const s of [en, es]) {
      const p = await post(staff.pio, `/api/v1/statements/${s.json().id}/publish`, {});
      expect(p.statusCode, p.body).toBe(200);
      expect(p.json().status).toBe('published');
    }
    expect(
      (
        await post(staff.pio, `/api/v1/press-inquiries/${inquiry.json().id}/answer`, {
          statementId: en.json().id,
        })
      ).statusCode,
    ).toBe(200);
    const view = (await get(staff.pio, `/api/v1/cases/${log}`)).json();
    expect(view.view).toBe('public_fields');
    expect(view.narrative).toBeUndefined();
    expect(view.parties).toBeUndefined();
    expect(
      view.statements
        .map((s: { language: string; status: string }) => `${s.language}:${s.status}`)
        .sort(),
    ).toEqual(['en:published', 'es:published']);
    expect(view.pressInquiries[0].statementId).toBe(en.json().id);
  });

  it('9. COPA closes with no finding (no victim or witness identified); new evidence reopens it', async () => {
    const noReason = await post(staff.chief, `/api/v1/cases/${log}/transitions`, {
      to: 'closed_no_finding',
    });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().code).toBe('reason_required');
    const closed = await post(staff.chief, `/api/v1/cases/${log}/transitions`, {
      to: 'closed_no_finding',
      reason: 'no_victim_or_witness_identified',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().status).toBe('closed_no_finding');
    const byInvestigator = await post(staff.copaInv, `/api/v1/cases/${log}/transitions`, {
      to: 'investigation',
      reason: 'new_material_evidence',
    });
    expect(byInvestigator.statusCode).toBe(403);
    const reopened = await post(staff.chief, `/api/v1/cases/${log}/transitions`, {
      to: 'investigation',
      reason: 'new_material_evidence',
      note: 'A witness came forward',
    });
    expect(reopened.statusCode, reopened.body).toBe(200);
    const c = reopened.json();
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
