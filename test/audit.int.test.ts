import crypto from 'node:crypto';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { testApp, type TestApp, type TestUser } from './test-app.ts';
import { TEST_JURISDICTION } from './test-db.ts';
import { addMember, buildIntake, fileCase, walk } from './factories.ts';
import {
  AuditAction,
  recordAudits,
  recordReadAudits,
  verifyAuditChain,
  type AuditContext,
  type AuditEvent,
  type VerifyResult,
} from '../src/server/audit/audit.ts';
import { expectNoWrites, expectProblem, expectUnauthenticated } from './http.ts';
import { chainHash, type StoredRow } from './audit-chain.ts';
import { recording } from './recording.ts';

describe('audit chain', () => {
  let t: TestApp;
  let intake: TestUser;
  let supervisor: TestUser;
  let chief: TestUser;
  let auditor: TestUser;
  let total: number;

  const verify = (): Promise<VerifyResult> => verifyAuditChain(t.db, TEST_JURISDICTION);
  const kinds = (r: VerifyResult) => r.problems.map((p) => [p.seq, p.problem]);

  async function rows(): Promise<StoredRow[]> {
    return t.db.query<StoredRow>(
      `SELECT jurisdiction, seq::int AS seq, at, actor_id, actor_name, actor_roles, actor_agency, ip, action,
              entity_type, entity_id, case_id, reason, changes, prev_hash, hash
         FROM audit_events ORDER BY seq`,
    );
  }

  /** Runs SQL with the append-only triggers disabled, as an attacker with table rights would. */
  async function tamper(...statements: Array<[string, unknown[]?]>): Promise<void> {
    await t.db.query(
      `ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update, DISABLE TRIGGER audit_events_no_truncate`,
    );
    try {
      for (const [sql, params] of statements) {
        await t.db.query(sql, params ?? []);
      }
    } finally {
      await t.db.query(
        `ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update, ENABLE TRIGGER audit_events_no_truncate`,
      );
    }
  }

  /** Puts back the pristine log and head saved in beforeAll. */
  async function restore(): Promise<void> {
    await tamper(
      [`DELETE FROM audit_events`],
      [`INSERT INTO audit_events SELECT * FROM audit_events_pristine`],
      [
        `UPDATE audit_head h SET last_seq = p.last_seq, prev_hash = p.prev_hash, last_hash = p.last_hash
           FROM audit_head_pristine p WHERE h.jurisdiction = p.jurisdiction`,
      ],
    );
    expect(await verify()).toMatchObject({ ok: true, problems: [] });
  }

  beforeAll(async () => {
    t = await testApp();
    intake = await t.user('intake');
    supervisor = await t.user('supervisor');
    chief = await t.user('chief_administrator');
    auditor = await t.user('auditor', 'OIG');
    // several commands of different kinds, including a restricted read
    const member = await addMember(t, supervisor);
    const a = await fileCase(t, intake);
    const b = await fileCase(t, intake, { categories: ['sexual_misconduct'] });
    await walk(t, supervisor, a, [{ to: 'preliminary' }, { to: 'investigation' }]);
    const allegation = await t.as(chief, {
      method: 'POST',
      url: `/api/v1/cases/${b}/allegations`,
      payload: { memberId: member.id, category: 'sexual_misconduct', summary: 'x' },
    });
    expect(allegation.statusCode).toBe(201);
    expect((await t.as(chief, { method: 'GET', url: `/api/v1/cases/${b}` })).statusCode).toBe(200);
    // a failed command writes no audit row and leaves no gap
    const failed = await t.as(intake, {
      method: 'POST',
      url: '/api/v1/cases',
      payload: buildIntake({ incident: { facilityCode: 'X' } }),
    });
    expect(failed.statusCode).toBe(422);
    await fileCase(t, intake);
    await t.db.query(`CREATE TABLE audit_events_pristine AS SELECT * FROM audit_events`);
    await t.db.query(`CREATE TABLE audit_head_pristine AS SELECT * FROM audit_head`);
    total = (await rows()).length;
  });
  afterAll(async () => {
    await t.close();
  });

  describe('GET /api/v1/audit/verify', () => {
    it('answers 401 without a valid token', async () => {
      await expectUnauthenticated(t, 'GET', '/api/v1/audit/verify');
    });

    it('answers 403 to everyone but the auditor', async () => {
      for (const role of [
        'intake',
        'investigator',
        'supervisor',
        'chief_administrator',
        'public_information',
        'analyst',
        'admin',
      ] as const) {
        const user = await t.user(role);
        expectProblem(
          await t.as(user, { method: 'GET', url: '/api/v1/audit/verify' }),
          403,
          'forbidden',
        );
      }
      await restore();
    });

    it('reports an intact chain after a series of commands, and writes nothing', async () => {
      await expectNoWrites(t.db, async () => {
        const res = await t.as(auditor, { method: 'GET', url: '/api/v1/audit/verify' });
        expect(res.statusCode).toBe(200);
        const body = res.json<VerifyResult>();
        const [{ n, max }] = (await t.db.query<{ n: number; max: number }>(
          `SELECT count(*)::int AS n, max(seq)::int AS max FROM audit_events`,
        )) as [{ n: number; max: number }];
        expect(body).toEqual({
          ok: true,
          jurisdiction: TEST_JURISDICTION,
          checked: n,
          lastSeq: max,
          problems: [],
          checkpoints: { checked: 0, latestSeq: 0, keyId: t.auditKey.keyId },
        });
        expect(n).toBe(max);
      });
    });

    it('the log holds the restricted read and no row for the failed intake', async () => {
      const actions = (await rows()).map((r) => r.action);
      expect(actions).toContain('case.read_restricted');
      expect(actions.filter((a) => a === 'case.filed')).toHaveLength(3);
      const seqs = (await rows()).map((r) => r.seq);
      expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    });

    it('reports tampering through the API', async () => {
      await tamper([`UPDATE audit_events SET reason = 'nothing to see' WHERE seq = 3`]);
      const res = await t.as(auditor, { method: 'GET', url: '/api/v1/audit/verify' });
      expect(res.statusCode).toBe(200);
      expect(res.json<VerifyResult>()).toMatchObject({
        ok: false,
        problems: [{ seq: 3, problem: 'hash_mismatch' }],
      });
      await restore();
    });
  });

  describe('verifyAuditChain detects tampering', () => {
    it('an edited action', async () => {
      const target = (await rows()).find((r) => r.action === 'case.transitioned')!;
      await tamper([
        `UPDATE audit_events SET action = 'case.read_restricted' WHERE seq = $1`,
        [target.seq],
      ]);
      const r = await verify();
      expect(r.ok).toBe(false);
      expect(kinds(r)).toEqual([[target.seq, 'hash_mismatch']]);
      await restore();
    });

    it('edited changes (a restricted case made to look unrestricted)', async () => {
      const target = (await rows()).find(
        (r) => r.action === 'case.filed' && (r.changes as { restricted: boolean }).restricted,
      )!;
      await tamper([
        `UPDATE audit_events SET changes = jsonb_set(changes, '{restricted}', 'false') WHERE seq = $1`,
        [target.seq],
      ]);
      expect(kinds(await verify())).toEqual([[target.seq, 'hash_mismatch']]);
      await restore();
    });

    it('an edited actor or time', async () => {
      await tamper(
        [`UPDATE audit_events SET actor_name = 'someone-else@example.gov' WHERE seq = 5`],
        [`UPDATE audit_events SET at = at - interval '1 day' WHERE seq = 7`],
      );
      expect(kinds(await verify())).toEqual([
        [5, 'hash_mismatch'],
        [7, 'hash_mismatch'],
      ]);
      await restore();
    });

    it('a deleted middle row', async () => {
      const middle = Math.floor(total / 2);
      await tamper([`DELETE FROM audit_events WHERE seq = $1`, [middle]]);
      const r = await verify();
      expect(r.ok).toBe(false);
      expect(kinds(r)).toEqual([
        [middle + 1, 'sequence_gap'],
        [middle + 1, 'prev_hash_mismatch'],
      ]);
      expect(r.checked).toBe(total - 1);
      await restore();
    });

    it('a deleted last row (truncated tail)', async () => {
      await tamper([`DELETE FROM audit_events WHERE seq = $1`, [total]]);
      const r = await verify();
      expect(kinds(r)).toEqual([[total, 'head_mismatch']]);
      expect(r.lastSeq).toBe(total - 1);
      await restore();
    });

    it('a whole log wiped with TRUNCATE', async () => {
      await tamper([`TRUNCATE audit_events`]);
      const r = await verify();
      expect(r).toMatchObject({ ok: false, checked: 0, lastSeq: 0 });
      expect(kinds(r)).toEqual([[total, 'head_mismatch']]);
      await restore();
    });

    it('a forged row appended with a correctly computed hash', async () => {
      const last = (await rows()).at(-1)!;
      const forged = {
        ...last,
        seq: last.seq + 1,
        at: new Date(),
        action: 'case.transitioned',
        reason: 'forged',
        changes: { status: { from: 'investigation', to: 'closed_no_finding' } },
        prev_hash: last.hash,
      };
      const hash = chainHash(forged);
      await tamper([
        `INSERT INTO audit_events (jurisdiction, seq, at, actor_id, actor_name, actor_roles, actor_agency, ip,
                                   action, entity_type, entity_id, case_id, reason, changes, prev_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
        [
          forged.jurisdiction,
          forged.seq,
          forged.at,
          forged.actor_id,
          forged.actor_name,
          forged.actor_roles,
          forged.actor_agency,
          forged.ip,
          forged.action,
          forged.entity_type,
          forged.entity_id,
          forged.case_id,
          forged.reason,
          JSON.stringify(forged.changes),
          forged.prev_hash,
          hash,
        ],
      ]);
      const r = await verify();
      expect(r.ok).toBe(false);
      expect(kinds(r)).toEqual([[total, 'head_mismatch']]);
      expect(r.lastSeq).toBe(total + 1);
      await restore();
    });

    it('a forged row inserted with a made-up hash', async () => {
      await tamper([
        `INSERT INTO audit_events
           SELECT jurisdiction, seq + 1, at, actor_id, actor_name, actor_roles, actor_agency, ip, 'user.added',
                  entity_type, entity_id, case_id, reason, changes, hash, repeat('f', 64)
             FROM audit_events WHERE seq = $1`,
        [total],
      ]);
      expect(kinds(await verify())).toEqual([
        [total + 1, 'hash_mismatch'],
        [total, 'head_mismatch'],
      ]);
      await restore();
    });

    it('two rows swapped (their seq exchanged)', async () => {
      await tamper(
        [`UPDATE audit_events SET seq = -1 WHERE seq = 4`],
        [`UPDATE audit_events SET seq = 4 WHERE seq = 5`],
        [`UPDATE audit_events SET seq = 5 WHERE seq = -1`],
      );
      const r = await verify();
      expect(r.ok).toBe(false);
      expect(kinds(r)).toEqual([
        [4, 'prev_hash_mismatch'],
        [4, 'hash_mismatch'],
        [5, 'prev_hash_mismatch'],
        [5, 'hash_mismatch'],
        [6, 'prev_hash_mismatch'],
      ]);
      await restore();
    });

    it('an edit whose row and successors were all re-hashed is still caught by the head', async () => {
      const all = await rows();
      const from = 6;
      let prev = all[from - 2]!.hash;
      const statements: Array<[string, unknown[]]> = [];
      for (const row of all.slice(from - 1)) {
        const edited = {
          ...row,
          prev_hash: prev,
          actor_name: row.seq === from ? 'rewritten@example.gov' : row.actor_name,
        };
        const hash = chainHash(edited);
        statements.push([
          `UPDATE audit_events SET actor_name = $2, prev_hash = $3, hash = $4 WHERE seq = $1`,
          [row.seq, edited.actor_name, edited.prev_hash, hash],
        ]);
        prev = hash;
      }
      await tamper(...statements);
      expect(kinds(await verify())).toEqual([[total, 'head_mismatch']]);
      await restore();
    });
  });

  describe('the append-only trigger', () => {
    it('refuses UPDATE and DELETE on audit_events while enabled', async () => {
      await expect(
        t.db.query(`UPDATE audit_events SET action = 'x' WHERE seq = 1`),
      ).rejects.toThrow(/append-only/);
      await expect(t.db.query(`DELETE FROM audit_events WHERE seq = 1`)).rejects.toThrow(
        /append-only/,
      );
      await expect(t.db.query(`DELETE FROM audit_events`)).rejects.toThrow(/append-only/);
      expect(await verify()).toMatchObject({ ok: true, checked: total });
    });

    it('refuses TRUNCATE on audit_events while enabled', async () => {
      await expect(t.db.query(`TRUNCATE audit_events`)).rejects.toThrow(/append-only/);
      await expect(t.db.query(`TRUNCATE audit_events, audit_head`)).rejects.toThrow(/append-only/);
      expect((await rows()).length).toBe(total);
      expect(await verify()).toMatchObject({ ok: true, checked: total });
    });

    it('refuses them inside a command transaction too, rolling the transaction back', async () => {
      const before = (await rows()).length;
      await expect(
        t.db.transaction(async (tx) => {
          await tx.query(`INSERT INTO members (id, jurisdiction, star, first_name, last_name, created_at)
                          VALUES (gen_random_uuid(), 'chicago', '1', 'A', 'B', now())`);
          await tx.query(`UPDATE audit_events SET reason = 'x' WHERE seq = 2`);
        }),
      ).rejects.toThrow(/append-only/);
      expect((await rows()).length).toBe(before);
      expect(await t.db.query(`SELECT 1 FROM members WHERE star = '1'`)).toEqual([]);
    });
  });
});

describe('appending audit events (ADR 0059)', () => {
  let t: TestApp;

  const ctx = (): AuditContext => ({
    jurisdiction: TEST_JURISDICTION,
    actor: 'system',
    at: new Date(),
  });
  const event = (i: number): AuditEvent => ({
    action: AuditAction.case_read_restricted,
    entityType: 'case',
    entityId: `E-${i}`,
    // text that JSON and SQL both escape
    changes: { i, text: 'a "quoted"\nline \\ é' },
  });
  const stored = (): Promise<StoredRow[]> =>
    t.db.query<StoredRow>(
      `SELECT jurisdiction, seq::int AS seq, at, actor_id, actor_name, actor_roles, actor_agency, ip, action,
              entity_type, entity_id, case_id, reason, changes, prev_hash, hash
         FROM audit_events WHERE jurisdiction = $1 ORDER BY seq`,
      [TEST_JURISDICTION],
    );

  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('writes several events in one statement: in order, numbered on, each hashed onto the one before', async () => {
    const before = await stored();
    const seqs = await recordAudits(t.db, ctx(), [event(1), event(2), event(3)]);
    const last = before.at(-1)?.seq ?? 0;
    expect(seqs).toEqual([last + 1, last + 2, last + 3]);
    const added = (await stored()).slice(before.length);
    expect(added.map((r) => [r.seq, r.entity_id])).toEqual([
      [last + 1, 'E-1'],
      [last + 2, 'E-2'],
      [last + 3, 'E-3'],
    ]);
    expect(added[0]!.prev_hash).toBe(before.at(-1)?.hash ?? '0'.repeat(64));
    for (const [i, r] of added.entries()) {
      expect(r.hash).toBe(chainHash(r));
      if (i > 0) {
        expect(r.prev_hash).toBe(added[i - 1]!.hash);
      }
    }
    expect(added[2]!.changes).toEqual({ i: 3, text: 'a "quoted"\nline \\ é' });
    expect(await verifyAuditChain(t.db, TEST_JURISDICTION)).toMatchObject({
      ok: true,
      problems: [],
    });
  });

  it('keeps one unbroken chain when many callers append at once, each in a statement of its own', async () => {
    const before = (await stored()).length;
    // 1 to 3 events per caller, as a case read writes; on a server these run on the pool's
    // connections at the same time
    const callers = Array.from({ length: 24 }, (_, i) =>
      Array.from({ length: 1 + (i % 3) }, (_, j) => event(100 * i + j)),
    );
    const answers = await Promise.all(callers.map((events) => recordAudits(t.db, ctx(), events)));
    for (const [i, seqs] of answers.entries()) {
      // one caller's events are consecutive: nobody else's event lands between them
      expect(seqs).toEqual(seqs.map((_, j) => seqs[0]! + j));
      expect(seqs).toHaveLength(callers[i]!.length);
    }
    const all = await stored();
    expect(all).toHaveLength(before + 48);
    expect(all.map((r) => r.seq)).toEqual(all.map((_, i) => i + 1));
    expect(await verifyAuditChain(t.db, TEST_JURISDICTION)).toMatchObject({
      ok: true,
      checked: before + 48,
    });
  });

  it('groups concurrent reads’ events into few statements, each read’s events consecutive and its own actor’s', async () => {
    const before = (await stored()).length;
    let statements = 0;
    const db = recording(t.db, () => statements++);
    const actors = ['a', 'b', 'c'].map((name): AuditContext['actor'] => ({
      id: crypto.randomUUID(),
      email: `${name}@example.gov`,
      displayName: name,
      agency: 'COPA',
      roles: ['investigator'],
    }));
    const reads = Array.from({ length: 30 }, (_, i) => ({
      ctx: { ...ctx(), actor: actors[i % 3]! },
      events: Array.from({ length: 1 + (i % 2) }, (_, j) => event(1000 + 10 * i + j)),
    }));
    const answers = await Promise.all(reads.map((r) => recordReadAudits(db, r.ctx, r.events)));
    // the first read is written at once; the rest wait for it and are written together
    expect(statements).toBeLessThan(reads.length);
    expect(statements).toBeGreaterThanOrEqual(2);
    const all = await stored();
    expect(all).toHaveLength(before + 45);
    for (const [i, seqs] of answers.entries()) {
      expect(seqs).toEqual(seqs.map((_, j) => seqs[0]! + j));
      const rows = all.filter((r) => seqs.includes(r.seq));
      expect(rows.map((r) => r.entity_id)).toEqual(reads[i]!.events.map((e) => e.entityId));
      expect(rows.every((r) => r.actor_name === `${'abc'[i % 3]}@example.gov`)).toBe(true);
    }
    expect(await verifyAuditChain(t.db, TEST_JURISDICTION)).toMatchObject({ ok: true });
  });

  it('fails the reads of a group whose append fails, and writes the next group', async () => {
    const before = (await stored()).length;
    const elsewhere = { ...ctx(), jurisdiction: 'nowhere' };
    const [lost, kept] = await Promise.allSettled([
      recordReadAudits(t.db, ctx(), [event(1)]),
      recordReadAudits(t.db, elsewhere, [event(2)]),
      recordReadAudits(t.db, ctx(), [event(3)]),
    ]).then((r) => [r[1], r[2]]);
    expect(lost).toMatchObject({ status: 'rejected' });
    expect(String((lost as PromiseRejectedResult).reason)).toMatch(/chain head missing/);
    expect(kept).toMatchObject({ status: 'fulfilled' });
    expect((await stored()).length).toBe(before + 2);
    expect(await verifyAuditChain(t.db, TEST_JURISDICTION)).toMatchObject({ ok: true });
  });

  it('leaves no row and no gap when the transaction it ran in rolls back', async () => {
    const before = await stored();
    await expect(
      t.db.transaction(async (tx) => {
        await recordAudits(tx, ctx(), [event(7), event(8)]);
        throw new Error('the command failed');
      }),
    ).rejects.toThrow('the command failed');
    expect(await stored()).toEqual(before);
    const [seq] = await recordAudits(t.db, ctx(), [event(9)]);
    expect(seq).toBe(before.at(-1)!.seq + 1);
    expect(await verifyAuditChain(t.db, TEST_JURISDICTION)).toMatchObject({ ok: true });
  });

  it('writes nothing for no events', async () => {
    const before = await stored();
    expect(await recordAudits(t.db, ctx(), [])).toEqual([]);
    expect(await stored()).toEqual(before);
  });
});
