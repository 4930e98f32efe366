/**
 * Signed checkpoints (ADR 0014) against the strongest attacker the hash chain alone cannot stop:
 * someone with write access to the database who rewrites the log AND recomputes every hash and
 * the chain head. The chain then verifies; the Ed25519 checkpoints (key outside the database) do
 * not. Also: the auditor reads the log through the API, a page at a time.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/server/audit/audit.ts';
import {
  checkpointMessage,
  generateSigningKey,
  verifyAuditTrail,
  writeCheckpoint,
  type AuditTrailResult,
} from '../src/server/audit/checkpoints.ts';
import { testApp, type TestApp, type TestUser } from './test-app.ts';
import { TEST_JURISDICTION } from './test-db.ts';
import { addMember, fileCase, walk } from './factories.ts';
import { AUDIT_COLUMNS as COLUMNS, chainHash, type StoredRow as Row } from './audit-chain.ts';
import { expectProblem, expectUnauthenticated } from './http.ts';

describe('signed audit checkpoints', () => {
  let t: TestApp;
  let auditor: TestUser;
  let chief: TestUser;
  let firstCheckpoint: number;
  let lastCheckpoint: number;

  const rows = () => t.db.query<Row>(`SELECT ${COLUMNS} FROM audit_events ORDER BY seq`);
  const trail = (): Promise<AuditTrailResult> =>
    verifyAuditTrail(t.db, TEST_JURISDICTION, t.auditKey.publicKey);

  /**
   * Replaces the whole log with `edited` (renumbered 1..n), every hash recomputed and the head
   * moved to match: a perfect forgery as far as the chain can tell.
   */
  async function rewrite(edited: Row[]): Promise<void> {
    let prev = '0'.repeat(64);
    const fixed = edited.map((r, i) => {
      const row = { ...r, seq: i + 1, prev_hash: prev };
      const hash = chainHash(row);
      prev = hash;
      return { ...row, hash };
    });
    await t.db.query(
      `ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update, DISABLE TRIGGER audit_events_no_truncate`,
    );
    try {
      await t.db.query(`DELETE FROM audit_events`);
      for (const r of fixed) {
        await t.db.query(
          `INSERT INTO audit_events (${COLUMNS}) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16)`,
          [
            r.jurisdiction,
            r.seq,
            r.at,
            r.actor_id,
            r.actor_name,
            r.actor_roles,
            r.actor_agency,
            r.ip,
            r.action,
            r.entity_type,
            r.entity_id,
            r.case_id,
            r.reason,
            JSON.stringify(r.changes),
            r.prev_hash,
            r.hash,
          ],
        );
      }
      await t.db.query(
        `UPDATE audit_head SET last_seq = $1, prev_hash = $2, last_hash = $3 WHERE jurisdiction = $4`,
        [fixed.length, fixed.at(-2)?.hash ?? '0'.repeat(64), fixed.at(-1)!.hash, TEST_JURISDICTION],
      );
    } finally {
      await t.db.query(
        `ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update, ENABLE TRIGGER audit_events_no_truncate`,
      );
    }
    // the forgery is perfect as far as the chain alone can tell
    expect(await verifyAuditChain(t.db, TEST_JURISDICTION)).toMatchObject({ ok: true });
  }

  let pristine: Row[];
  let pristineCheckpoints: unknown[];
  async function restore(): Promise<void> {
    await rewrite(pristine);
    await t.db.query(`DELETE FROM audit_checkpoints`);
    await t.db.query(`INSERT INTO audit_checkpoints SELECT * FROM audit_checkpoints_pristine`);
    expect(await trail()).toMatchObject({ ok: true, problems: [] });
    expect(await t.db.query(`SELECT * FROM audit_checkpoints ORDER BY seq`)).toEqual(
      pristineCheckpoints,
    );
  }

  beforeAll(async () => {
    t = await testApp();
    auditor = await t.user('auditor', 'OIG');
    chief = await t.user('chief_administrator');
    const member = await addMember(t, chief);
    const a = await fileCase(t, chief);
    await walk(t, chief, a, [{ to: 'preliminary' }]);
    firstCheckpoint = (await writeCheckpoint(t.db, TEST_JURISDICTION, t.auditKey, new Date())).seq;
    const b = await fileCase(t, chief, { categories: ['sexual_misconduct'] });
    await t.as(chief, {
      method: 'POST',
      url: `/api/v1/cases/${b}/allegations`,
      payload: { memberId: member.id, category: 'sexual_misconduct', summary: 'x' },
    });
    await walk(t, chief, a, [{ to: 'investigation' }]);
    lastCheckpoint = (await writeCheckpoint(t.db, TEST_JURISDICTION, t.auditKey, new Date())).seq;
    pristine = await rows();
    await t.db.query(`CREATE TABLE audit_checkpoints_pristine AS SELECT * FROM audit_checkpoints`);
    pristineCheckpoints = await t.db.query(`SELECT * FROM audit_checkpoints ORDER BY seq`);
  });
  afterAll(async () => {
    await t.close();
  });

  it('signs the tip, not twice for an idle log, and verifies', async () => {
    expect(firstCheckpoint).toBeGreaterThan(3);
    expect(lastCheckpoint).toBeGreaterThan(firstCheckpoint);
    expect(await writeCheckpoint(t.db, TEST_JURISDICTION, t.auditKey, new Date())).toEqual({
      seq: lastCheckpoint,
      written: false,
    });
    expect(await trail()).toMatchObject({
      ok: true,
      checkpoints: { checked: 2, latestSeq: lastCheckpoint, keyId: t.auditKey.keyId },
    });
  });

  const checkpointProblems = (r: AuditTrailResult) => r.problems.map((p) => [p.seq, p.problem]);

  it('an edited row, re-hashed with its successors and the head, breaks both checkpoints', async () => {
    await rewrite(pristine.map((r) => (r.seq === 2 ? { ...r, actor_name: 'someone-else' } : r)));
    expect(checkpointProblems(await trail())).toEqual([
      [firstCheckpoint, 'checkpoint_mismatch'],
      [lastCheckpoint, 'checkpoint_mismatch'],
    ]);
    await restore();
  });

  it('an edited row after the first checkpoint breaks only the later one', async () => {
    const target = firstCheckpoint + 1;
    await rewrite(pristine.map((r) => (r.seq === target ? { ...r, reason: 'edited' } : r)));
    expect(checkpointProblems(await trail())).toEqual([[lastCheckpoint, 'checkpoint_mismatch']]);
    await restore();
  });

  it('a deleted row, the log renumbered and re-hashed', async () => {
    await rewrite(pristine.filter((r) => r.seq !== 3));
    const r = await trail();
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => p.problem)).toContain('checkpoint_mismatch');
    expect(r.problems.find((p) => p.seq === lastCheckpoint)?.detail).toMatch(/no row/);
    await restore();
  });

  it('an inserted row, the log renumbered and re-hashed', async () => {
    const forged = { ...pristine[1]!, action: 'case.filed', entity_id: '2023-9999999' };
    await rewrite([pristine[0]!, forged, ...pristine.slice(1)]);
    expect(checkpointProblems(await trail())).toEqual([
      [firstCheckpoint, 'checkpoint_mismatch'],
      [lastCheckpoint, 'checkpoint_mismatch'],
    ]);
    await restore();
  });

  it('two rows reordered, the log re-hashed', async () => {
    const swapped = [...pristine];
    [swapped[1], swapped[2]] = [swapped[2]!, swapped[1]!];
    await rewrite(swapped);
    expect(checkpointProblems(await trail())).toEqual([
      [firstCheckpoint, 'checkpoint_mismatch'],
      [lastCheckpoint, 'checkpoint_mismatch'],
    ]);
    await restore();
  });

  it('a forged checkpoint: the attacker re-signs the rewritten log with a key of their own', async () => {
    await rewrite(pristine.map((r) => (r.seq === 2 ? { ...r, actor_name: 'someone-else' } : r)));
    const mine = generateSigningKey();
    await t.db.query(`DELETE FROM audit_checkpoints`);
    await writeCheckpoint(t.db, TEST_JURISDICTION, mine, new Date());
    const r = await trail();
    expect(checkpointProblems(r)).toEqual([[lastCheckpoint, 'checkpoint_signature_invalid']]);
    // with the attacker's own key everything would pass: the key file is the trust anchor
    expect((await verifyAuditTrail(t.db, TEST_JURISDICTION, mine.publicKey)).ok).toBe(true);
    await restore();
  });

  it('a forged checkpoint row: a signature for another hash, or garbage', async () => {
    const [row] = pristine.slice(-1);
    const otherSig = crypto
      .sign(null, checkpointMessage(TEST_JURISDICTION, 1, pristine[0]!.hash), t.auditKey.privateKey)
      .toString('base64');
    await t.db.query(
      `INSERT INTO audit_checkpoints VALUES ($1, 2, $2, now(), $3, $4), ($1, 3, $5, now(), $3, 'AAAA')`,
      [TEST_JURISDICTION, pristine[1]!.hash, t.auditKey.keyId, otherSig, row!.hash],
    );
    expect(checkpointProblems(await trail())).toEqual([
      [2, 'checkpoint_signature_invalid'],
      [3, 'checkpoint_signature_invalid'],
    ]);
    await restore();
  });

  it('GET /api/v1/audit/verify reports checkpoint problems too', async () => {
    await rewrite(pristine.filter((r) => r.seq !== 3));
    const res = await t.as(auditor, { method: 'GET', url: '/api/v1/audit/verify' });
    expect(res.statusCode).toBe(200);
    const body = res.json<AuditTrailResult>();
    expect(body.ok).toBe(false);
    expect(body.checkpoints).toMatchObject({ checked: 2, keyId: t.auditKey.keyId });
    await restore();
  });

  describe('GET /api/v1/audit/events', () => {
    it('answers 401 without credentials and 403 to everyone but the auditor', async () => {
      await expectUnauthenticated(t, 'GET', '/api/v1/audit/events');
      expectProblem(await t.as(chief, { method: 'GET', url: '/api/v1/audit/events' }), 403);
    });

    it('pages through the whole log in order, each read itself audited', async () => {
      const seen: number[] = [];
      let after = 0;
      for (let page = 0; page < 50; page++) {
        const res = await t.as(auditor, {
          method: 'GET',
          url: `/api/v1/audit/events?afterSeq=${after}&limit=4`,
        });
        expect(res.statusCode, res.body).toBe(200);
        const body = res.json<{
          items: Array<{ seq: number; hash: string; prevHash: string }>;
          nextAfterSeq: number | null;
        }>();
        seen.push(...body.items.map((i) => i.seq));
        if (body.nextAfterSeq === null) {
          break;
        }
        after = body.nextAfterSeq;
      }
      // every row once, in order: the pages read, and the audit rows the reads appended
      expect(seen).toEqual(Array.from({ length: seen.length }, (_, i) => i + 1));
      expect(seen.length).toBeGreaterThan(pristine.length);
      const reads = await t.db.query(`SELECT 1 FROM audit_events WHERE action = 'audit.read'`);
      expect(reads.length).toBeGreaterThan(2);
    });

    it('filters by action and refuses bad parameters', async () => {
      const res = await t.as(auditor, {
        method: 'GET',
        url: '/api/v1/audit/events?action=case.transitioned',
      });
      const items = res.json<{ items: Array<{ action: string }> }>().items;
      expect(items.length).toBeGreaterThan(0);
      expect(new Set(items.map((i) => i.action))).toEqual(new Set(['case.transitioned']));
      expectProblem(
        await t.as(auditor, { method: 'GET', url: '/api/v1/audit/events?limit=5000' }),
        400,
        'validation_failed',
      );
    });
  });
});
