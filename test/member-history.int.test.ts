import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { computeMemberNetwork } from '../src/server/commands/compute-member-network.ts';
import { chicagoProfile } from '../src/server/domain/profiles/chicago.ts';
import { testApp, type TestApp, type TestUser } from './test-app.ts';
import { addMember, fileCase } from './factories.ts';

/*
 * Member histories and the co-accusal network (issue 19 items 1–2): percentiles, peers, the
 * co-accused list and the network measures on a small graph whose answers are worked out by hand,
 * and the rule that a restricted case changes no figure a reader without need-to-know gets.
 *
 *   k1 A–B (2020-01-15)   k2 B–C (2021-06-01)   k3 C–D (2022-06-01)   all civilian complaints
 *   k4 C–E (2023-09-14)   department-initiated (the department's notification channel)
 *   F: no complaint; G: appointed 2023, under a year of service in the window
 *
 * The network is the path A–B–C with D and E hanging off C: 5 members, 6 pairs not involving a
 * given member. B lies on the shortest paths of (A,C) (A,D) (A,E): 3/6 = 0.5. C lies on those of
 * (A,D) (A,E) (B,D) (B,E) (D,E): 5/6.
 */

interface Rate {
  complaints: number;
  perServiceYear: number | null;
  percentile: number | null;
}
interface Comparison {
  population: string;
  computedAt: string;
  windowStart: string;
  windowEnd: string;
  populationSize: number;
  serviceYears: number | null;
  civilian: Rate;
  department: Rate;
  peers: {
    size: number;
    civilian: { percentile: number | null; median: number | null };
    department: { percentile: number | null; median: number | null };
  } | null;
  network: { degree: number; strength: number; betweenness: number; componentSize: number } | null;
  coAccused: Array<{ id: string; complaints: number; lastReceivedOn: string; weight: number }>;
}
interface Detail {
  allegations: Array<{ logNumber: string }>;
  history: {
    byYear: Array<{ year: number; allegations: number; sustained: number }>;
    byCategoryFinding: Array<{ category: string; finding: string | null; count: number }>;
  };
  comparison: Comparison | null;
}

const WINDOW_YEARS = (Date.parse('2023-09-14') - Date.parse('2020-01-15')) / 86_400_000 / 365.25;
const r3 = (x: number) => Math.round(x * 1000) / 1000;

describe('member histories and the co-accusal network', () => {
  let t: TestApp;
  let intake: TestUser;
  let chief: TestUser;
  let auditor: TestUser;
  let biaSupervisor: TestUser;
  let analyst: TestUser;
  const m: Record<string, string> = {};

  const accuse = async (receivedAt: string, who: string[], extra: object = {}) => {
    const log = await fileCase(t, intake, { receivedAt, ...extra });
    for (const k of who) {
      const res = await t.as(chief, {
        method: 'POST',
        url: `/api/v1/cases/${log}/allegations`,
        payload: {
          memberId: m[k],
          category: (extra as { categories?: string[] }).categories?.[0] ?? 'excessive_force',
          summary: 'Allegation.',
        },
      });
      expect(res.statusCode).toBe(201);
    }
    return log;
  };
  const run = () =>
    computeMemberNetwork({
      db: t.db,
      jurisdiction: 'chicago',
      timeZone: 'America/Chicago',
      agencies: Object.keys(chicagoProfile.agencies),
      now: () => new Date(),
    });
  const read = async (as: TestUser, who: string) => {
    const res = await t.as(as, { method: 'GET', url: `/api/v1/members/${m[who]}` });
    expect(res.statusCode).toBe(200);
    return res.json<Detail>();
  };
  const figures = (d: Detail) => {
    if (!d.comparison) {
      return null;
    }
    const { computedAt: _at, ...rest } = d.comparison;
    return rest;
  };

  beforeAll(async () => {
    t = await testApp();
    intake = await t.user('intake');
    chief = await t.user('chief_administrator');
    auditor = await t.user('auditor', 'OIG');
    biaSupervisor = await t.user('supervisor', 'BIA');
    analyst = await t.user('analyst');
    for (const k of ['A', 'B', 'C', 'D', 'E', 'F']) {
      m[k] = (
        await addMember(t, chief, { lastName: `Member${k}`, appointedDate: '2010-03-01' })
      ).id;
    }
    m['G'] = (await addMember(t, chief, { lastName: 'MemberG', appointedDate: '2023-01-01' })).id;
    await accuse('2020-01-15T10:00:00-06:00', ['A', 'B']);
    await accuse('2021-06-01T10:00:00-05:00', ['B', 'C']);
    await accuse('2022-06-01T10:00:00-05:00', ['C', 'D']);
    await accuse('2023-09-14T10:00:00-05:00', ['C', 'E'], {
      channel: 'department_notification',
    });
    await run();
  });
  afterAll(async () => {
    await t.close();
  });

  it('counts the allegations a reader sees by year and by category and finding', async () => {
    const c = await read(intake, 'C');
    expect(c.history.byYear).toEqual([
      { year: 2021, allegations: 1, sustained: 0 },
      { year: 2022, allegations: 1, sustained: 0 },
      { year: 2023, allegations: 1, sustained: 0 },
    ]);
    expect(c.history.byCategoryFinding).toEqual([
      { category: 'excessive_force', finding: null, count: 3 },
    ]);
  });

  it('places civilian and department-initiated complaints per service-year among members with a year of service', async () => {
    const c = (await read(intake, 'C')).comparison!;
    expect(c).toMatchObject({
      population: 'COPA',
      windowStart: '2020-01-15',
      windowEnd: '2023-09-14',
      // A–F; G has under a year of service in the window
      populationSize: 6,
      serviceYears: Math.round(WINDOW_YEARS * 10) / 10,
      // C: 2 civilian (k2 k3), 1 department-initiated (k4)
      civilian: { complaints: 2, perServiceYear: r3(2 / WINDOW_YEARS), percentile: 80 },
      department: { complaints: 1, perServiceYear: r3(1 / WINDOW_YEARS), percentile: 80 },
    });
    // civilian: A 1, B 2, D 1, E 0, F 0 → B (2) is above A, D, E, F: 4 of 5 others
    expect((await read(intake, 'B')).comparison!.civilian.percentile).toBe(80);
    // A (1) is above E and F only
    expect((await read(intake, 'A')).comparison!.civilian.percentile).toBe(40);
    // F has no complaint: no other member is lower
    expect((await read(intake, 'F')).comparison!.civilian.percentile).toBe(0);
    // G is not rated
    expect((await read(intake, 'G')).comparison!).toMatchObject({
      civilian: { complaints: 0, perServiceYear: null, percentile: null },
      peers: null,
    });
  });

  it('compares a member with peers of the same unit and rank appointed within two years', async () => {
    const c = (await read(intake, 'C')).comparison!;
    // peers of C: A, B, D, E, F (G was appointed 13 years later); median civilian rate of
    // 1, 2, 1, 0, 0 complaints is 1 complaint over the window
    expect(c.peers).toEqual({
      size: 5,
      civilian: { percentile: 80, median: r3(1 / WINDOW_YEARS) },
      department: { percentile: 80, median: 0 },
    });
  });

  it('lists co-accused members, weighted by count and recency, and the measures of a known graph', async () => {
    const c = (await read(intake, 'C')).comparison!;
    // weight 0.5^(age/5): E's complaint is on the window's last day (1), D's and B's older
    expect(c.coAccused.map((o) => [o.id, o.complaints, o.lastReceivedOn])).toEqual([
      [m['E'], 1, '2023-09-14'],
      [m['D'], 1, '2022-06-01'],
      [m['B'], 1, '2021-06-01'],
    ]);
    const ageD = (Date.parse('2023-09-14') - Date.parse('2022-06-01')) / 86_400_000 / 365.25;
    expect(c.coAccused.map((o) => o.weight)).toEqual([
      1,
      r3(0.5 ** (ageD / 5)),
      expect.any(Number),
    ]);
    expect(c.network).toMatchObject({ degree: 3, componentSize: 5 });
    expect(c.network!.betweenness).toBeCloseTo(5 / 6, 4);
    const b = (await read(intake, 'B')).comparison!;
    expect(b.network).toMatchObject({ degree: 2, componentSize: 5, betweenness: 0.5 });
    for (const k of ['A', 'D', 'E']) {
      expect((await read(intake, k)).comparison!.network).toMatchObject({
        degree: 1,
        betweenness: 0,
      });
    }
    expect((await read(intake, 'F')).comparison!).toMatchObject({ network: null, coAccused: [] });
  });

  it('gives a reader without need-to-know identical figures whether or not a restricted case exists', async () => {
    const before: Record<string, unknown> = {};
    for (const k of ['A', 'B', 'C', 'F']) {
      before[k] = figures(await read(intake, k));
    }
    // a restricted case naming C and A would link A to C and change every measure above
    const restricted = await accuse('2022-01-10T10:00:00-06:00', ['C', 'A'], {
      categories: ['sexual_misconduct'],
    });
    await run();
    for (const k of ['A', 'B', 'C', 'F']) {
      expect(figures(await read(intake, k))).toEqual(before[k]);
    }
    expect((await read(intake, 'C')).allegations.map((a) => a.logNumber)).not.toContain(restricted);
    // the chief, with need-to-know, sees the restricted allegation in the history, and the
    // comparison figures stay those of the unrestricted cases
    const asChief = await read(chief, 'C');
    expect(asChief.allegations.map((a) => a.logNumber)).toContain(restricted);
    expect(figures(asChief)).toEqual(before['C']);
  });

  it('forgets the stored figures the moment a case naming a member turns restricted, until the next run', async () => {
    // an unrestricted complaint naming A and F, inside the figures of a run …
    const log = await accuse('2022-03-01T10:00:00-06:00', ['A', 'F']);
    await run();
    expect((await read(intake, 'F')).comparison!.coAccused).toHaveLength(1);
    // … turns restricted when a minor is added as a party (PRODUCT.md §4)
    const res = await t.as(chief, {
      method: 'POST',
      url: `/api/v1/cases/${log}/parties`,
      payload: { role: 'victim', anonymous: true, vulnerabilities: ['minor'] },
    });
    expect(res.statusCode).toBe(201);
    // the stored rates and measures still count it: no reader gets them until the rerun
    for (const k of ['A', 'B', 'F']) {
      expect((await read(intake, k)).comparison).toBeNull();
    }
    await run();
    expect((await read(intake, 'F')).comparison!.coAccused).toEqual([]);
  });

  it('gives each reader the population of their scope, and none to a reader with no such population', async () => {
    expect((await read(auditor, 'C')).comparison!.population).toBe('all');
    // BIA takes part in none of these cases: its population has no complaint yet
    expect((await read(biaSupervisor, 'C')).comparison).toBeNull();
    const res = await t.as(analyst, { method: 'GET', url: `/api/v1/members/${m['C']}` });
    expect(res.statusCode).toBe(403);
  });
});
