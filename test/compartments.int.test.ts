import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp, type TestUser } from './test-app.ts';
import { addMember, fileCase, walk } from './factories.ts';
import { auditRows, expectAudit, expectNoWrites, expectProblem } from './http.ts';

interface Listed {
  items: Array<{ logNumber: string }>;
  total: number;
}

describe('conflict of interest (ADR 0013)', () => {
  let t: TestApp;
  let chief: TestUser;
  let admin: TestUser;
  let related: TestUser;
  let colleague: TestUser;
  let auditor: TestUser;
  let log: string;
  let other: string;
  let member: { id: string; star: string };

  beforeAll(async () => {
    t = await testApp();
    chief = await t.user('chief_administrator');
    admin = await t.user('admin');
    related = await t.user('supervisor', 'COPA', 'related-sup@example.gov');
    colleague = await t.user('supervisor');
    auditor = await t.user('auditor', 'OIG');
    member = await addMember(t, chief, { lastName: 'Relative' });
    log = await fileCase(t, chief);
    other = await fileCase(t, chief);
    await walk(t, chief, log, [{ to: 'preliminary' }, { to: 'investigation' }]);
    const res = await t.as(chief, {
      method: 'POST',
      url: `/api/v1/cases/${log}/allegations`,
      payload: { star: member.star, category: 'excessive_force', summary: 'Pushed.' },
    });
    expect(res.statusCode).toBe(201);
  });
  afterAll(async () => {
    await t.close();
  });

  it('before any relation is recorded, the supervisor opens the case', async () => {
    expect((await t.as(related, { method: 'GET', url: `/api/v1/cases/${log}` })).statusCode).toBe(
      200,
    );
  });

  it('only admins and chief administrators record a relation; it is audited without its text', async () => {
    const payload = { email: related.email, star: member.star, relation: 'brother-in-law' };
    await expectNoWrites(t.db, async () => {
      expectProblem(
        await t.as(colleague, { method: 'POST', url: '/api/v1/conflicts', payload }),
        403,
      );
    });
    const res = await t.as(admin, { method: 'POST', url: '/api/v1/conflicts', payload });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json<{ id: string }>().id;
    const row = await expectAudit(t.db, 'conflict.recorded', id, admin);
    expect(JSON.stringify(row.changes)).not.toContain('brother');
    expectProblem(
      await t.as(admin, { method: 'POST', url: '/api/v1/conflicts', payload }),
      409,
      'conflict_exists',
    );
  });

  it('the related supervisor can no longer open the case: 404, as if it did not exist', async () => {
    expectProblem(
      await t.as(related, { method: 'GET', url: `/api/v1/cases/${log}` }),
      404,
      'case_not_found',
    );
    expectProblem(
      await t.as(related, {
        method: 'POST',
        url: `/api/v1/cases/${log}/activities`,
        payload: { kind: 'note', occurredAt: '2023-09-20T10:00:00Z', summary: 'x' },
      }),
      404,
    );
    // a case without that member is unaffected
    expect((await t.as(related, { method: 'GET', url: `/api/v1/cases/${other}` })).statusCode).toBe(
      200,
    );
  });

  it('lists and the member history leave the case out for them, not for a colleague', async () => {
    const mine = (
      await t.as(related, { method: 'GET', url: '/api/v1/cases?pageSize=200' })
    ).json<Listed>();
    const theirs = (
      await t.as(colleague, { method: 'GET', url: '/api/v1/cases?pageSize=200' })
    ).json<Listed>();
    expect(mine.items.map((i) => i.logNumber)).not.toContain(log);
    expect(mine.items.map((i) => i.logNumber)).toContain(other);
    expect(theirs.items.map((i) => i.logNumber)).toContain(log);
    expect(mine.total).toBe(theirs.total - 1);
    const history = await t.as(related, { method: 'GET', url: `/api/v1/members/${member.id}` });
    expect(history.statusCode).toBe(200);
    expect(JSON.stringify(history.json())).not.toContain(log);
    const colleagueView = await t.as(colleague, {
      method: 'GET',
      url: `/api/v1/members/${member.id}`,
    });
    expect(JSON.stringify(colleagueView.json())).toContain(log);
  });

  it('the related supervisor cannot be assigned to the case', async () => {
    await expectNoWrites(t.db, async () => {
      const res = await t.as(chief, {
        method: 'POST',
        url: `/api/v1/cases/${log}/assignments`,
        payload: { email: related.email, role: 'supervisor' },
      });
      expectProblem(res, 422, 'conflict_of_interest');
    });
  });

  it('applies to the auditor too', async () => {
    await t.as(admin, {
      method: 'POST',
      url: '/api/v1/conflicts',
      payload: { userId: auditor.id, memberId: member.id, relation: 'spouse' },
    });
    expectProblem(await t.as(auditor, { method: 'GET', url: `/api/v1/cases/${log}` }), 404);
  });

  it('an allegation added later hides a case that was visible', async () => {
    const later = await fileCase(t, chief);
    await walk(t, chief, later, [{ to: 'preliminary' }, { to: 'investigation' }]);
    expect((await t.as(related, { method: 'GET', url: `/api/v1/cases/${later}` })).statusCode).toBe(
      200,
    );
    await t.as(chief, {
      method: 'POST',
      url: `/api/v1/cases/${later}/allegations`,
      payload: { memberId: member.id, category: 'verbal_abuse', summary: 'Insults.' },
    });
    expectProblem(await t.as(related, { method: 'GET', url: `/api/v1/cases/${later}` }), 404);
  });
});

describe('break-the-glass (ADR 0013)', () => {
  let t: TestApp;
  let chief: TestUser;
  let investigator: TestUser;
  let supervisor: TestUser;
  let biaSupervisor: TestUser;
  let auditor: TestUser;
  let log: string;
  const reason = 'Complainant called the hotline in distress; need her contact details now.';

  beforeAll(async () => {
    t = await testApp();
    chief = await t.user('chief_administrator');
    investigator = await t.user('investigator');
    supervisor = await t.user('supervisor');
    biaSupervisor = await t.user('supervisor', 'BIA');
    auditor = await t.user('auditor', 'OIG');
    log = await fileCase(t, chief, {
      categories: ['sexual_misconduct'],
      parties: [{ role: 'complainant', name: 'Ana Example', phone: '312-555-0199' }],
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('the restricted case is invisible to an unassigned investigator', async () => {
    expectProblem(await t.as(investigator, { method: 'GET', url: `/api/v1/cases/${log}` }), 404);
  });

  it('a reason shorter than 20 characters is refused, and nothing is written', async () => {
    await expectNoWrites(t.db, async () => {
      const res = await t.as(investigator, {
        method: 'POST',
        url: `/api/v1/cases/${log}/break-glass`,
        payload: { reason: 'need it' },
      });
      expectProblem(res, 400, 'validation_failed');
    });
  });

  it('an agency not on the case gets 404, not a grant', async () => {
    const biaInvestigator = await t.user('investigator', 'BIA');
    await expectNoWrites(t.db, async () => {
      expectProblem(
        await t.as(biaInvestigator, {
          method: 'POST',
          url: `/api/v1/cases/${log}/break-glass`,
          payload: { reason },
        }),
        404,
      );
    });
  });

  it('grants a read with identities, audited with the typed reason', async () => {
    const res = await t.as(investigator, {
      method: 'POST',
      url: `/api/v1/cases/${log}/break-glass`,
      payload: { reason },
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json<{ id: string; expiresAt: string }>();
    const hours = (Date.parse(body.expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(3.9);
    expect(hours).toBeLessThanOrEqual(4.01);
    const audit = await expectAudit(t.db, 'case.break_glass', log, investigator);
    expect(audit.reason).toBe(reason);
    const read = await t.as(investigator, { method: 'GET', url: `/api/v1/cases/${log}` });
    expect(read.statusCode).toBe(200);
    expect(read.body).toContain('Ana Example');
    // the emergency read is itself a read of restricted data and of an identity: both audited
    expect((await auditRows(t.db, 'case.read_restricted', log)).at(-1)?.actor_id).toBe(
      investigator.id,
    );
    expect((await auditRows(t.db, 'party.identity_read', log)).at(-1)?.actor_id).toBe(
      investigator.id,
    );
    // and nothing to change
    expectProblem(
      await t.as(investigator, {
        method: 'POST',
        url: `/api/v1/cases/${log}/activities`,
        payload: { kind: 'note', occurredAt: '2023-09-20T10:00:00Z', summary: 'x' },
      }),
      403,
    );
    const listed = await t.as(investigator, { method: 'GET', url: '/api/v1/cases' });
    expect(JSON.stringify(listed.json())).toContain(log);
  });

  it('is flagged to the supervisors of agencies on the case and to the auditor, not to others', async () => {
    const list = async (u: TestUser) =>
      (await t.as(u, { method: 'GET', url: '/api/v1/break-glass' })).json<{
        items: Array<{ logNumber: string; reason: string; userEmail: string }>;
      }>();
    expect((await list(supervisor)).items).toEqual([
      expect.objectContaining({ logNumber: log, reason, userEmail: investigator.email }),
    ]);
    expect((await list(auditor)).items).toHaveLength(1);
    expect((await list(biaSupervisor)).items).toHaveLength(0);
    expectProblem(await t.as(investigator, { method: 'GET', url: '/api/v1/break-glass' }), 403);
  });

  it('a supervisor reviews it; it leaves the open list; reviewing twice is a conflict', async () => {
    const [grant] = (await t.as(supervisor, { method: 'GET', url: '/api/v1/break-glass' })).json<{
      items: Array<{ id: string }>;
    }>().items;
    expectProblem(
      await t.as(biaSupervisor, {
        method: 'POST',
        url: `/api/v1/break-glass/${grant!.id}/review`,
        payload: { note: 'ok' },
      }),
      404,
    );
    const res = await t.as(supervisor, {
      method: 'POST',
      url: `/api/v1/break-glass/${grant!.id}/review`,
      payload: { note: 'Justified: hotline call logged.' },
    });
    expect(res.statusCode, res.body).toBe(200);
    await expectAudit(t.db, 'break_glass.reviewed', grant!.id, supervisor);
    const open = (await t.as(supervisor, { method: 'GET', url: '/api/v1/break-glass' })).json<{
      total: number;
    }>();
    expect(open.total).toBe(0);
    const all = (
      await t.as(supervisor, { method: 'GET', url: '/api/v1/break-glass?open=false' })
    ).json<{ total: number }>();
    expect(all.total).toBe(1);
    expectProblem(
      await t.as(supervisor, {
        method: 'POST',
        url: `/api/v1/break-glass/${grant!.id}/review`,
        payload: { note: 'again' },
      }),
      409,
      'already_reviewed',
    );
  });

  it('access ends when the grant expires', async () => {
    await t.db.query(`UPDATE break_glass_grants SET expires_at = now() - interval '1 second'`);
    expectProblem(await t.as(investigator, { method: 'GET', url: `/api/v1/cases/${log}` }), 404);
    const listed = await t.as(investigator, { method: 'GET', url: '/api/v1/cases' });
    expect(JSON.stringify(listed.json())).not.toContain(log);
  });
});
