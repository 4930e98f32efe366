import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chicagoProfile } from '../src/server/domain/profiles/chicago.ts';
import { testApp, type TestApp } from './test-app.ts';
import { get, post, type Story } from './shelter-story.ts';
import {
  accuse,
  duty,
  expectNoLeak,
  publicAnswer,
  rosterMember,
  shelterCase,
  type PublicDuty,
} from './public-duty-kit.ts';

/*
 * Issue 22 item 1 (remainder) and item 4: the public statistics count disclosed duty-status
 * actions by month and action under the small-cell rule; the staff case carries a preview of the
 * public duty-status answer that is that answer; the public case page shows, by visibility, the
 * status, the stage dates it may, the agencies and their tracks by name, and nothing that
 * identifies anyone on the restricted shelter case.
 */

interface StatCell {
  key: string;
  count: number | null;
  partial: boolean;
}
interface DutyStats {
  threshold: number;
  dutyStatusActions: StatCell[];
  dutyStatusByMonth: Array<StatCell & { month: string; action: string }>;
}

async function stats(t: TestApp, query = ''): Promise<{ body: string; json: DutyStats }> {
  const res = await t.app.inject({ method: 'GET', url: `/api/public/v1/stats${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return { body: res.body, json: res.json() };
}

interface Preview {
  visibility: string;
  dutyStatus: PublicDuty[];
  withheld?: Array<{ action: string; members: number; effectiveDate: string; reason: string }>;
  minUnitMembers: number;
}

async function preview(s: Story, who: Story['staff'][keyof Story['staff']]): Promise<Preview> {
  const res = await get(s.t, who, `/api/v1/cases/${s.log}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ publicPreview: Preview }>().publicPreview;
}

describe('the shelter case on the public record (Chicago profile)', () => {
  let t: TestApp;
  let s: Story;
  const N = chicagoProfile.dutyStatusDisclosure.minUnitMembers;

  beforeAll(async () => {
    t = await testApp();
    s = await shelterCase(t);
    // three more accused in unit 010 (five members on the roster: the unit is not small)
    for (const star of ['20001', '20002', '20003']) {
      await accuse(s, star, await rosterMember(s, star, '010'));
    }
    // one accused in unit 020, which has N−1 members on the roster
    await accuse(s, '12990', await rosterMember(s, '12990', '020'));
    for (const star of ['20011', '20012', '20013']) {
      await rosterMember(s, star, '020');
    }
  });
  afterAll(async () => t.close());

  it('statistics: N−1 decided reliefs in a month are suppressed, the Nth publishes N; recommendations never count', async () => {
    const { json: before } = await stats(t);
    expect(before.threshold).toBe(5);
    expect(before.dutyStatusActions).toEqual([]);
    // a recommendation is not a disclosed action
    await duty(s, '10231', 'recommended', '2023-09-27T12:00:00-05:00');
    for (const star of ['10231', '11872', '20001', '20002']) {
      await duty(s, star, 'decided', '2023-09-28T09:00:00-05:00');
    }
    const below = await stats(t);
    expect(below.json.dutyStatusActions).toEqual([
      { key: 'relieved_of_police_powers', count: null, partial: true },
    ]);
    expect(below.json.dutyStatusByMonth).toEqual([
      {
        key: '2023-09 relieved_of_police_powers',
        month: '2023-09',
        action: 'relieved_of_police_powers',
        count: null,
        partial: true,
      },
    ]);
    expectNoLeak(below.body);

    await duty(s, '20003', 'decided', '2023-09-28T09:00:00-05:00');
    const at = await stats(t);
    expect(at.json.dutyStatusActions).toEqual([
      { key: 'relieved_of_police_powers', count: 5, partial: false },
    ]);
    expect(at.json.dutyStatusByMonth).toEqual([
      {
        key: '2023-09 relieved_of_police_powers',
        month: '2023-09',
        action: 'relieved_of_police_powers',
        count: 5,
        partial: false,
      },
    ]);
    // the filters select the same published cells
    const filtered = await stats(t, '?yearFrom=2023&yearTo=2023&category=sexual_misconduct');
    expect(filtered.json.dutyStatusByMonth.map((c) => c.count)).toEqual([5]);
    expect((await stats(t, '?yearFrom=2024')).json.dutyStatusByMonth).toEqual([]);
    expectNoLeak(at.body);
  });

  it('statistics: another month is its own cell, suppressed alone; the published month is unchanged', async () => {
    // the member of the small unit: counted in October's cell (1 < 5, suppressed)
    await duty(s, '12990', 'decided', '2023-10-02T09:00:00-05:00');
    const { json } = await stats(t);
    expect(json.dutyStatusByMonth.map((c) => [c.month, c.action, c.count])).toEqual([
      ['2023-09', 'relieved_of_police_powers', 5],
      ['2023-10', 'relieved_of_police_powers', null],
    ]);
    expect(json.dutyStatusActions).toEqual([
      { key: 'relieved_of_police_powers', count: 5, partial: true },
    ]);
  });

  it('the preview on the staff case is the public answer, and says what is withheld and why', async () => {
    const pub = await publicAnswer(s);
    const seen = await preview(s, s.staff.chief);
    expect(seen.visibility).toBe(pub.json.visibility);
    expect(seen.dutyStatus).toEqual(pub.json.dutyStatus);
    expect(seen.dutyStatus.map((d) => [d.effectiveDate, d.members])).toEqual([['2023-09-28', 5]]);
    // the lone member of a unit of N−1: withheld from the public, and the case team is told so
    expect(seen.minUnitMembers).toBe(N);
    expect(seen.withheld).toEqual([
      {
        action: 'relieved_of_police_powers',
        members: 1,
        effectiveDate: '2023-10-02',
        reason: 'small_unit',
      },
    ]);
    // the public answer never carries what is withheld
    expect(pub.body).not.toContain('2023-10-02');
    expect(pub.body).not.toContain('withheld');
  });

  it('a public-information officer sees the same preview, without the withheld part', async () => {
    const res = await get(t, s.staff.pio, `/api/v1/cases/${s.log}`);
    expect(res.statusCode, res.body).toBe(200);
    const seen = res.json<{ view: string; publicPreview: Preview }>();
    expect(seen.publicPreview.dutyStatus).toEqual((await publicAnswer(s)).json.dutyStatus);
    // public information reads a restricted case in its public fields only (PRODUCT.md §3)
    expect(seen.view).toBe('public_fields');
    expect(seen.publicPreview.withheld).toBeUndefined();
  });

  it('the restricted case page: status, categories, agencies and tracks by name, duty status; no date, nothing identifying', async () => {
    const { json, body } = await publicAnswer(s);
    // no date of the case's events and nothing of its people
    for (const field of [
      'receivedDate',
      'incidentDate',
      'closedOn',
      'statusHistory',
      'district',
      'narrative',
      'allegations',
    ]) {
      expect(json, field).not.toHaveProperty(field);
    }
    expect(json.visibility).toBe('category_and_status');
    expect(json.status).toBe('investigation');
    expect(json.agencies).toEqual([
      {
        agency: 'COPA',
        agencyName: chicagoProfile.agencies.COPA.name.en,
        agencyNameEs: chicagoProfile.agencies.COPA.name.es,
        track: 'administrative',
        role: 'lead',
      },
      {
        agency: 'BIA',
        agencyName: chicagoProfile.agencies.BIA.name.en,
        agencyNameEs: chicagoProfile.agencies.BIA.name.es,
        track: 'criminal',
        role: 'parallel',
      },
    ]);
    expectNoLeak(body);
  });
});

describe('the public case page by visibility', () => {
  let t: TestApp;
  let staff: {
    intake: Awaited<ReturnType<TestApp['user']>>;
    sup: Awaited<ReturnType<TestApp['user']>>;
  };
  const file = async (category: string): Promise<string> => {
    const res = await post(t, staff.intake, '/api/v1/cases', {
      caseType: 'complaint',
      channel: 'phone',
      receivedAt: '2024-03-04T10:00:00-06:00',
      narrative: 'An officer was rude during a traffic stop.',
      incident: { occurredAt: '2024-03-01T22:00:00-06:00', district: '012' },
      categories: [category],
      officersUnknown: true,
      parties: [{ role: 'complainant', anonymous: true, language: 'en' }],
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ logNumber: string }>().logNumber;
  };
  const page = async (log: string): Promise<Record<string, unknown>> => {
    const res = await t.app.inject({ method: 'GET', url: `/api/public/v1/cases/${log}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    t = await testApp();
    staff = { intake: await t.user('intake', 'COPA'), sup: await t.user('supervisor', 'COPA') };
  });
  afterAll(async () => t.close());

  it('a full case shows its stage dates and its agencies by name', async () => {
    const log = await file('excessive_force');
    const res = await post(t, staff.sup, `/api/v1/cases/${log}/transitions`, {
      to: 'preliminary',
    });
    expect(res.statusCode, res.body).toBe(200);
    const c = await page(log);
    expect(c.visibility).toBe('full');
    expect(c.receivedDate).toBe('2024-03-04');
    expect((c.statusHistory as Array<{ status: string }>).map((h) => h.status)).toEqual([
      'intake',
      'preliminary',
    ]);
    expect(c.agencies).toEqual([
      {
        agency: 'COPA',
        agencyName: chicagoProfile.agencies.COPA.name.en,
        agencyNameEs: chicagoProfile.agencies.COPA.name.es,
        track: 'administrative',
        role: 'lead',
      },
    ]);
  });

  it('a status-only case shows its stage and nothing else: no agency, no date', async () => {
    const c = await page(await file('operational_violation'));
    expect(c.visibility).toBe('status_only');
    expect(Object.keys(c).sort()).toEqual(['logNumber', 'statements', 'status', 'visibility']);
  });
});
