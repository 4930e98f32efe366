import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { testApp, type TestApp, type TestUser } from './test-app.ts';
import { engineName, TEST_JURISDICTION } from './test-db.ts';
import { buildIntake, fileCase } from './factories.ts';
import { verifyAuditChain } from '../src/server/audit/audit.ts';
import { auditRows, expectNoWrites, expectProblem } from './http.ts';

const LOG_NUMBER = /^(\d{4})-(\d{7})$/;

function sequenceOf(logNumber: string): number {
  const m = LOG_NUMBER.exec(logNumber);
  expect(m, logNumber).not.toBeNull();
  return Number(m![2]);
}

/**
 * Only a server can prove a race: PGlite is one connection whose transaction() queues its callers,
 * so requests sent together run one after another there and no lock is ever contended. The tests
 * whose claim is about racing requests are registered on PostgreSQL only (TEST_DATABASE_URL: the
 * integration tier's second pass in CI), and say so in their names; on PGlite a test shows the
 * premise instead.
 */
const onServer = engineName === 'postgres';

/** A test of racing requests: on PostgreSQL only (see above). */
function race(name: string, fn: () => Promise<void>): void {
  if (onServer) {
    it(`${name} (PostgreSQL only)`, fn);
  }
}

/** A group of tests of racing requests: on PostgreSQL only (see above). */
function races(name: string, fn: () => void): void {
  if (onServer) {
    describe(`${name} (PostgreSQL only)`, fn);
  }
}

describe(`concurrency (${engineName})`, () => {
  let t: TestApp;
  let intake: TestUser;
  let supervisor: TestUser;
  let investigator: TestUser;
  let pio: TestUser;

  async function counter(year: number): Promise<number> {
    const rows = await t.db.query<{ last_seq: number }>(
      `SELECT last_seq FROM log_number_counters WHERE jurisdiction = $1 AND year = $2`,
      [TEST_JURISDICTION, year],
    );
    return rows[0]?.last_seq ?? 0;
  }

  beforeAll(async () => {
    t = await testApp();
    intake = await t.user('intake');
    supervisor = await t.user('supervisor');
    investigator = await t.user('investigator');
    pio = await t.user('public_information');
    const facility = await t.as(supervisor, {
      method: 'POST',
      url: '/api/v1/facilities',
      payload: { code: 'D010', name: '10th District station', kind: 'district_station' },
    });
    expect(facility.statusCode).toBe(201);
  });
  afterAll(async () => {
    await t.close();
  });

  if (!onServer) {
    it('runs one transaction at a time on PGlite, so its races are proven on PostgreSQL only', async () => {
      const order: string[] = [];
      const first = t.db.transaction(async (tx) => {
        order.push('first begins');
        // many round trips: room for the second transaction to begin if it could
        for (let i = 0; i < 50; i++) {
          await tx.query('SELECT 1');
        }
        order.push('first ends');
      });
      const second = t.db.transaction(async (tx) => {
        order.push('second begins');
        await tx.query('SELECT 1');
      });
      await Promise.all([first, second]);
      expect(order).toEqual(['first begins', 'first ends', 'second begins']);
    });
  }

  describe('log numbers', () => {
    race('50 concurrent intakes get 50 distinct, gap-free numbers 1..50 for the year', async () => {
      expect(await counter(2023)).toBe(0);
      const responses = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          t.as(intake, {
            method: 'POST',
            url: '/api/v1/cases',
            payload: buildIntake({
              narrative: `Concurrent intake number ${i}.`,
              parties: [{ role: 'complainant', name: `Person ${i}`, phone: `312-555-${1000 + i}` }],
            }),
          }),
        ),
      );
      for (const res of responses) {
        expect(res.statusCode, res.body).toBe(201);
      }
      const numbers = responses.map((r) => r.json<{ logNumber: string }>().logNumber);
      for (const n of numbers) {
        expect(n).toMatch(/^2023-\d{7}$/);
      }
      expect(new Set(numbers).size).toBe(50);
      expect(numbers.map(sequenceOf).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 50 }, (_, i) => i + 1),
      );
      expect(await counter(2023)).toBe(50);

      // each number has exactly one case, its party, and one audit row
      const rows = await t.db.query<{ log_number: string; parties: number }>(
        `SELECT c.log_number, (SELECT count(*)::int FROM parties p WHERE p.case_id = c.id) AS parties
           FROM cases c ORDER BY c.log_number`,
      );
      expect(rows.map((r) => r.log_number)).toEqual([...numbers].sort());
      expect(rows.every((r) => r.parties === 1)).toBe(true);
      const filed = await auditRows(t.db, 'case.filed');
      expect(filed.map((r) => r.entity_id).sort()).toEqual([...numbers].sort());
      expect(await verifyAuditChain(t.db, TEST_JURISDICTION)).toMatchObject({
        ok: true,
        problems: [],
      });
    });

    it('keeps one gap-free sequence per year, by the Chicago calendar date of receipt', async () => {
      const before2023 = await counter(2023);
      const before2024 = await counter(2024);
      const receipts = [
        ...Array.from({ length: 10 }, () => '2023-12-31T12:00:00-06:00'),
        // 03:00 UTC on New Year's Day is still 2023-12-31 in Chicago
        ...Array.from({ length: 5 }, () => '2024-01-01T03:00:00Z'),
        ...Array.from({ length: 10 }, () => '2024-01-02T09:00:00-06:00'),
      ];
      const responses = await Promise.all(
        receipts.map((receivedAt) =>
          t.as(intake, {
            method: 'POST',
            url: '/api/v1/cases',
            payload: buildIntake({ receivedAt }),
          }),
        ),
      );
      const numbers = responses.map((r) => {
        expect(r.statusCode, r.body).toBe(201);
        return r.json<{ logNumber: string }>().logNumber;
      });
      const byYear = (y: string) =>
        numbers
          .filter((n) => n.startsWith(`${y}-`))
          .map(sequenceOf)
          .sort((a, b) => a - b);
      expect(byYear('2023')).toEqual(Array.from({ length: 15 }, (_, i) => before2023 + i + 1));
      expect(byYear('2024')).toEqual(Array.from({ length: 10 }, (_, i) => before2024 + i + 1));
      expect(await counter(2023)).toBe(before2023 + 15);
      expect(await counter(2024)).toBe(before2024 + 10);
    });

    it('a failing intake writes nothing and does not consume a number', async () => {
      const year = 2023;
      const before = await counter(year);
      await expectNoWrites(t.db, async () => {
        const res = await t.as(intake, {
          method: 'POST',
          url: '/api/v1/cases',
          payload: buildIntake({
            incident: { facilityCode: 'NO-SUCH-SITE' },
            parties: [{ role: 'victim', name: 'Should Not Exist', phone: '312-555-0000' }],
          }),
        });
        expectProblem(res, 422, 'unknown_facility');
      });
      const [none] = await t.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM cases WHERE narrative = $1 AND facility_id IS NULL AND log_number = $2`,
        [buildIntake().narrative, `${year}-${String(before + 1).padStart(7, '0')}`],
      );
      expect(none?.n).toBe(0);
      const next = await fileCase(t, intake);
      expect(next).toBe(`${year}-${String(before + 1).padStart(7, '0')}`);
      expect(await counter(year)).toBe(before + 1);
    });

    it('failing intakes interleaved with good ones leave no gap', async () => {
      const before = await counter(2023);
      const responses = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          t.as(intake, {
            method: 'POST',
            url: '/api/v1/cases',
            payload: buildIntake(
              i % 2 === 0
                ? { incident: { facilityCode: 'D010' } }
                : { incident: { facilityCode: `MISSING-${i}` } },
            ),
          }),
        ),
      );
      const good = responses.filter((r) => r.statusCode === 201);
      const bad = responses.filter((r) => r.statusCode !== 201);
      expect(good).toHaveLength(10);
      for (const r of bad) {
        expectProblem(r, 422, 'unknown_facility');
      }
      expect(
        good
          .map((r) => sequenceOf(r.json<{ logNumber: string }>().logNumber))
          .sort((a, b) => a - b),
      ).toEqual(Array.from({ length: 10 }, (_, i) => before + i + 1));
      expect(await counter(2023)).toBe(before + 10);
    });
  });

  races('state changes on one case', () => {
    it('of two concurrent transitions from the same stage exactly one succeeds, the other gets 409', async () => {
      const n = await fileCase(t, intake);
      const [a, b] = await Promise.all(
        [1, 2].map(() =>
          t.as(supervisor, {
            method: 'POST',
            url: `/api/v1/cases/${n}/transitions`,
            payload: { to: 'preliminary' },
          }),
        ),
      );
      const codes = [a!.statusCode, b!.statusCode].sort();
      expect(codes).toEqual([200, 409]);
      const loser = a!.statusCode === 409 ? a! : b!;
      expectProblem(loser, 409, 'transition_not_allowed');
      const history = await t.db.query<{ to_status: string }>(
        `SELECT h.to_status FROM case_status_history h JOIN cases c ON c.id = h.case_id
          WHERE c.log_number = $1 ORDER BY h.at`,
        [n],
      );
      expect(history.map((h) => h.to_status)).toEqual(['intake', 'preliminary']);
      expect(await auditRows(t.db, 'case.transitioned', n)).toHaveLength(1);
    });

    it('of ten concurrent closures exactly one succeeds, the others get 409', async () => {
      const chief = await t.user('chief_administrator');
      const n = await fileCase(t, intake);
      const responses = await Promise.all(
        Array.from({ length: 10 }, () =>
          t.as(chief, {
            method: 'POST',
            url: `/api/v1/cases/${n}/transitions`,
            payload: { to: 'closed_no_finding', reason: 'duplicate' },
          }),
        ),
      );
      expect(responses.filter((r) => r.statusCode === 200)).toHaveLength(1);
      for (const r of responses.filter((x) => x.statusCode !== 200)) {
        expectProblem(r, 409, 'transition_not_allowed');
      }
      expect(await auditRows(t.db, 'case.transitioned', n)).toHaveLength(1);
    });

    // BUG (src/server/policies/case.policy.ts canOnCase, CaseAction.transition): the policy
    // refuses `case.transition` with 403 whenever the caller's roles allow no transition from
    // the *current* stage, so whoever loses a race to a stage they cannot leave is told their
    // role forbids it, instead of 409 (the state changed; reload).
    it('the loser of a race between two intake officers gets 409, not 403', async () => {
      const other = await t.user('intake');
      const n = await fileCase(t, intake);
      const responses = await Promise.all(
        [intake, other].map((who) =>
          t.as(who, {
            method: 'POST',
            url: `/api/v1/cases/${n}/transitions`,
            payload: { to: 'preliminary', expectedStatus: 'intake' },
          }),
        ),
      );
      expect(responses.filter((r) => r.statusCode === 200)).toHaveLength(1);
      const loser = responses.find((r) => r.statusCode !== 200)!;
      const body = expectProblem(loser, 409);
      expect(['transition_not_allowed', 'stale_status']).toContain(body.code);
      expect(await auditRows(t.db, 'case.transitioned', n)).toHaveLength(1);
    });

    it('concurrent identical assignments create one assignment and one audit row', async () => {
      const n = await fileCase(t, intake);
      const responses = await Promise.all(
        Array.from({ length: 5 }, () =>
          t.as(supervisor, {
            method: 'POST',
            url: `/api/v1/cases/${n}/assignments`,
            payload: { userId: investigator.id, role: 'investigator' },
          }),
        ),
      );
      for (const r of responses) {
        expect(r.statusCode, r.body).toBe(201);
      }
      expect(responses.filter((r) => r.json<{ created: boolean }>().created)).toHaveLength(1);
      const [rows] = await t.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM assignments a JOIN cases c ON c.id = a.case_id WHERE c.log_number = $1`,
        [n],
      );
      expect(rows?.n).toBe(1);
      const audits = (await auditRows(t.db, 'assignment.added')).filter(
        (r) => (r.changes as { userId: string }).userId === investigator.id,
      );
      expect(audits).toHaveLength(1);
    });

    it('concurrent deadline extensions add up instead of overwriting each other', async () => {
      const n = await fileCase(t, intake);
      const read = await t.as(supervisor, { method: 'GET', url: `/api/v1/cases/${n}` });
      const ack = read
        .json<{ deadlines: Array<{ id: string; kind: string; dueDate: string }> }>()
        .deadlines.find((d) => d.kind === 'acknowledgement_letter')!;
      expect(ack.dueDate).toBe('2023-09-21');
      const responses = await Promise.all(
        Array.from({ length: 3 }, (_, i) =>
          t.as(supervisor, {
            method: 'POST',
            url: `/api/v1/cases/${n}/deadlines/${ack.id}/extensions`,
            payload: { days: 2, dayKind: 'calendar', reason: `Extension ${i}` },
          }),
        ),
      );
      for (const r of responses) {
        expect(r.statusCode, r.body).toBe(201);
      }
      expect(responses.map((r) => r.json<{ dueDate: string }>().dueDate).sort()).toEqual([
        '2023-09-23',
        '2023-09-25',
        '2023-09-27',
      ]);
      const [row] = await t.db.query<{ due_date: string }>(
        `SELECT due_date FROM deadlines WHERE id = $1`,
        [ack.id],
      );
      expect(row?.due_date).toBe('2023-09-27');
    });

    it('of two concurrent publications of one statement, through either language, exactly one succeeds', async () => {
      const n = await fileCase(t, intake);
      const reviewer = await t.user('chief_administrator');
      const draft = async (payload: object) => {
        const res = await t.as(pio, {
          method: 'POST',
          url: `/api/v1/cases/${n}/statements`,
          payload,
        });
        const id = res.json<{ id: string }>().id;
        await t.as(reviewer, { method: 'POST', url: `/api/v1/statements/${id}/review` });
        return id;
      };
      const en = await draft({ text: 'Under investigation.', language: 'en' });
      const es = await draft({ text: 'Bajo investigación.', language: 'es', translationOf: en });
      // each request locks the pair in the same order, whichever version it names: no deadlock
      const responses = await Promise.all(
        [en, es].map((id) =>
          t.as(pio, { method: 'POST', url: `/api/v1/statements/${id}/publish` }),
        ),
      );
      expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      expectProblem(
        responses.find((r) => r.statusCode === 409)!,
        409,
        'already_published',
      );
      for (const id of [en, es]) {
        expect(await auditRows(t.db, 'statement.published', id)).toHaveLength(1);
      }
    });
  });

  races('creations keyed by a unique code', () => {
    it('of concurrent registrations of one facility code exactly one succeeds, the rest get 409', async () => {
      const responses = await Promise.all(
        Array.from({ length: 4 }, (_, i) =>
          t.as(supervisor, {
            method: 'POST',
            url: '/api/v1/facilities',
            payload: { code: 'D011', name: `11th District ${i}`, kind: 'district_station' },
          }),
        ),
      );
      expect(responses.filter((r) => r.statusCode === 201)).toHaveLength(1);
      for (const r of responses.filter((x) => x.statusCode !== 201)) {
        const body = expectProblem(r, 409);
        expect(['facility_exists', 'concurrent_update']).toContain(body.code);
      }
      const [row] = await t.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM facilities WHERE code = 'D011'`,
      );
      expect(row?.n).toBe(1);
      const added = (await auditRows(t.db, 'facility.added')).filter(
        (r) => (r.changes as { code: string }).code === 'D011',
      );
      expect(added).toHaveLength(1);
      expect(await verifyAuditChain(t.db, TEST_JURISDICTION)).toMatchObject({ ok: true });
    });
  });
});
