import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/server/audit/audit.ts';
import { applyRetention, changeLegalHold, yearsBefore } from '../src/server/commands/retention.ts';
import { exportSubjectAccess } from '../src/server/commands/subject-access.ts';
import { buildIntake, fileCase, walk } from './factories.ts';
import { testApp, type TestApp, type TestUser } from './test-app.ts';
import { TEST_JURISDICTION } from './test-db.ts';

/** ADR 0017: the subject-access export and the retention of closed cases' identities. */
let clock = new Date('2015-01-10T15:00:00Z');
let t: TestApp;
let intake: TestUser;
let copaSup: TestUser;
let copaInv: TestUser;
let chief: TestUser;
let biaSup: TestUser;
let auditor: TestUser;

const ROSA = {
  role: 'complainant' as const,
  name: 'Rosa Delgado-Ibarra',
  phone: '773-555-0148',
  email: 'rosa.di@example.org',
  address: '2120 W 21st Pl',
  dateOfBirth: '1988-02-29',
};
const OTHERS = [
  { role: 'witness' as const, name: 'Teodoro Vashchenko', phone: '312-555-0186' },
  {
    role: 'intermediary' as const,
    name: 'Priya Lindqvist',
    email: 'priya@pilsen-help.example.org',
    organization: 'Pilsen Help Desk',
    consentScope: 'File and follow',
  },
];

const sys = () => ({ db: t.db, now: () => clock, jurisdiction: TEST_JURISDICTION });

async function caseParties(
  log: string,
): Promise<Array<{ id: string; role: string; identity: { name?: string } | null }>> {
  const res = await t.as(chief, { method: 'GET', url: `/api/v1/cases/${log}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{
    parties: Array<{ id: string; role: string; identity: { name?: string } | null }>;
  }>().parties;
}

async function rosaIn(log: string): Promise<string> {
  const p = (await caseParties(log)).find((x) => x.identity?.name === ROSA.name);
  return p!.id;
}

const sar = (who: TestUser, partyIds: string[]) =>
  t.as(who, {
    method: 'POST',
    url: '/api/v1/privacy/subject-access',
    payload: { partyIds },
  });

const auditCount = async (action: string): Promise<number> =>
  (await t.db.query(`SELECT 1 FROM audit_events WHERE action = $1`, [action])).length;

beforeAll(async () => {
  t = await testApp({ now: () => clock });
  intake = await t.user('intake', 'COPA');
  copaSup = await t.user('supervisor', 'COPA');
  copaInv = await t.user('investigator', 'COPA');
  chief = await t.user('chief_administrator', 'COPA');
  biaSup = await t.user('supervisor', 'BIA');
  auditor = await t.user('auditor', 'OIG');
});
afterAll(async () => t.close());

describe('subject-access export', () => {
  let first: string;
  let second: string;
  let restricted: string;
  const ids: string[] = [];

  beforeAll(async () => {
    first = await fileCase(t, intake, {
      receivedAt: '2015-01-05T10:00:00-06:00',
      parties: [ROSA, ...OTHERS],
    });
    second = await fileCase(t, intake, {
      receivedAt: '2015-01-08T10:00:00-06:00',
      parties: [{ ...ROSA, role: 'witness' }, OTHERS[0]!],
    });
    restricted = await fileCase(t, chief, {
      receivedAt: '2015-01-09T10:00:00-06:00',
      categories: ['sexual_misconduct'],
      parties: [{ ...ROSA, role: 'victim', vulnerabilities: ['shelter_resident'] }],
    });
    ids.push(await rosaIn(first), await rosaIn(second), await rosaIn(restricted));
  });

  it('exports every record of the person, decrypted, across cases; others only by role', async () => {
    const before = await auditCount('privacy.subject_access_export');
    const res = await sar(copaSup, ids);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.json<{
      records: Array<{
        partyId: string;
        role: string;
        identity: Record<string, string>;
        case: { logNumber: string };
        otherParties: Array<{ role: string }>;
        vulnerabilities: string[];
      }>;
    }>();
    expect(body.records.map((r) => r.case.logNumber)).toEqual([first, second, restricted]);
    expect(body.records.map((r) => r.role)).toEqual(['complainant', 'witness', 'victim']);
    for (const r of body.records) {
      const { role: _role, ...identity } = ROSA;
      expect(r.identity).toEqual(identity);
    }
    // (parties filed together share created_at: their order is by random id)
    expect(body.records[0]!.otherParties.map((p) => p.role).sort()).toEqual([
      'intermediary',
      'witness',
    ]);
    expect(body.records[2]!.vulnerabilities).toEqual(['shelter_resident']);
    // nobody else's identity
    for (const o of OTHERS) {
      expect(res.body).not.toContain(o.name);
      for (const v of Object.values(o)) {
        if (v !== o.role) {
          expect(res.body).not.toContain(v);
        }
      }
    }
    // audited as a read of personal data, one row per record, with no personal value
    expect(await auditCount('privacy.subject_access_export')).toBe(before + 3);
    const rows = await t.db.query<{ entity_id: string; actor_id: string }>(
      `SELECT entity_id, actor_id FROM audit_events WHERE action = 'privacy.subject_access_export'`,
    );
    expect(rows.map((r) => r.entity_id).sort()).toEqual([...ids].sort());
    expect(rows.every((r) => r.actor_id === copaSup.id)).toBe(true);
    const dump = JSON.stringify(await t.db.query(`SELECT * FROM audit_events`));
    expect(dump).not.toContain('Delgado');
    expect(dump).not.toContain('555-0148');
    expect((await verifyAuditChain(t.db, TEST_JURISDICTION)).ok).toBe(true);
  });

  it('is for managers only; roles without the grant are refused before any lookup', async () => {
    for (const who of [intake, copaInv, auditor]) {
      const res = await sar(who, ids);
      expect(res.statusCode).toBe(403);
    }
    expect((await sar(chief, ids)).statusCode).toBe(200);
  });

  it('a party the requester may not see, or that does not exist, is a 404 and nothing is audited', async () => {
    const before = await auditCount('privacy.subject_access_export');
    // BIA has no track on these COPA cases
    expect((await sar(biaSup, [ids[0]!])).statusCode).toBe(404);
    const missing = await sar(copaSup, [ids[0]!, '00000000-0000-4000-8000-000000000000']);
    expect(missing.statusCode).toBe(404);
    expect(missing.json<{ code: string }>().code).toBe('party_not_found');
    expect(await auditCount('privacy.subject_access_export')).toBe(before);
  });

  it('refuses bad input with a 400', async () => {
    expect((await sar(copaSup, [])).statusCode).toBe(400);
    expect((await sar(copaSup, ['not-a-uuid'])).statusCode).toBe(400);
    expect(
      (
        await t.as(copaSup, {
          method: 'POST',
          url: '/api/v1/privacy/subject-access',
          payload: { partyIds: ids, email: ROSA.email },
        })
      ).statusCode,
    ).toBe(400);
  });

  it('the CLI path (system actor) exports the same records and is audited', async () => {
    const out = await exportSubjectAccess(
      { ...sys(), actor: 'system', ip: null, cipher: t.cipher },
      [ids[1]!],
    );
    expect(out.records).toHaveLength(1);
    expect(out.records[0]!.identity?.name).toBe(ROSA.name);
    const [row] = await t.db.query<{ actor_name: string }>(
      `SELECT actor_name FROM audit_events WHERE action = 'privacy.subject_access_export' AND actor_id IS NULL`,
    );
    expect(row).toBeDefined();
  });
});

describe('retention of closed cases', () => {
  const logs: Record<'old' | 'open' | 'held' | 'recent' | 'reopened', string> = {
    old: '',
    open: '',
    held: '',
    recent: '',
    reopened: '',
  };
  const named = (suffix: string) =>
    buildIntake({
      receivedAt: '2015-01-05T10:00:00-06:00',
      parties: [
        {
          role: 'complainant',
          name: `Retention ${suffix}`,
          phone: '312-555-0170',
          address: '1 N. State St.',
        },
        { role: 'witness', anonymous: true },
      ],
    });
  const close = async (log: string): Promise<void> =>
    walk(t, chief, log, [{ to: 'closed_no_finding', reason: 'no_victim_or_witness_identified' }]);

  beforeAll(async () => {
    clock = new Date('2015-01-10T15:00:00Z');
    for (const k of Object.keys(logs) as Array<keyof typeof logs>) {
      logs[k] = await fileCase(t, intake, named(k));
    }
    // a letter addressed to the complainant: its envelope is an identity too (issue 18)
    const letter = await t.as(chief, {
      method: 'POST',
      url: `/api/v1/cases/${logs.old}/letters`,
      payload: { kind: 'acknowledgement' },
    });
    expect(letter.statusCode, letter.body).toBe(201);
    clock = new Date('2015-02-01T15:00:00Z');
    await close(logs.old);
    await close(logs.held);
    await close(logs.reopened);
    await changeLegalHold(sys(), logs.held, true);
    clock = new Date('2016-03-01T15:00:00Z');
    await walk(t, chief, logs.reopened, [{ to: 'investigation', reason: 'new_material_evidence' }]);
    clock = new Date('2022-06-01T15:00:00Z');
    await close(logs.recent);
    // seven years after the first closures
    clock = new Date('2023-06-01T15:00:00Z');
  });

  const identityOf = async (log: string) =>
    t.db.query<{ identity_enc: string | null; identity_purged_at: Date | null; role: string }>(
      `SELECT p.identity_enc, p.identity_purged_at, p.role FROM parties p
         JOIN cases c ON c.id = p.case_id WHERE c.log_number = $1
        ORDER BY p.role = 'complainant' DESC, p.id`,
      [log],
    );

  it('computes the cut-off in whole years', () => {
    expect(yearsBefore(new Date('2023-06-01T15:00:00Z'), 7).toISOString()).toBe(
      '2016-06-01T15:00:00.000Z',
    );
    expect(yearsBefore(new Date('2024-02-29T00:00:00Z'), 1).toISOString()).toBe(
      '2023-02-28T00:00:00.000Z',
    );
  });

  it('a dry run counts and changes nothing', async () => {
    const audits = await auditCount('privacy.retention_applied');
    const r = await applyRetention(sys(), { years: 7, dryRun: true });
    expect(r).toMatchObject({ dryRun: true, cases: 1, parties: 1, heldCases: 1 });
    expect(r.closedBefore).toBe('2016-06-01T15:00:00.000Z');
    expect((await identityOf(logs.old))[0]!.identity_enc).not.toBeNull();
    expect(await auditCount('privacy.retention_applied')).toBe(audits);
  });

  it('purges only closed, due, unheld cases; keeps the case, its history and the audit trail', async () => {
    const r = await applyRetention(sys(), { years: 7, dryRun: false, batchSize: 1 });
    expect(r).toMatchObject({ dryRun: false, cases: 1, parties: 1, heldCases: 1 });
    const [purged, anon] = await identityOf(logs.old);
    expect(purged).toMatchObject({ identity_enc: null, role: 'complainant' });
    const letters = await t.db.query<{ recipient_enc: string | null }>(
      `SELECT l.recipient_enc FROM letters l JOIN cases c ON c.id = l.case_id
        WHERE c.log_number = $1`,
      [logs.old],
    );
    expect(letters).toEqual([{ recipient_enc: null }]);
    expect(purged!.identity_purged_at).toEqual(clock);
    expect(anon!.identity_purged_at).toBeNull();
    for (const k of ['open', 'held', 'recent', 'reopened'] as const) {
      expect((await identityOf(logs[k]))[0]!.identity_enc, k).not.toBeNull();
    }
    // the case is still there, with its status history, and reads without the identity
    const read = await t.as(chief, { method: 'GET', url: `/api/v1/cases/${logs.old}` });
    expect(read.statusCode).toBe(200);
    const c = read.json<{
      status: string;
      parties: Array<{ identity: unknown; role: string }>;
      statusHistory: unknown[];
    }>();
    expect(c.status).toBe('closed_no_finding');
    expect(c.parties.find((p) => p.role === 'complainant')).toMatchObject({ identity: null });
    expect(c.statusHistory.length).toBeGreaterThan(1);
    expect(read.body).not.toContain('Retention old');
    // audited per case, without personal data; the chain holds
    const rows = await t.db.query<{ entity_id: string; changes: { partiesPurged: number } }>(
      `SELECT entity_id, changes FROM audit_events WHERE action = 'privacy.retention_applied'`,
    );
    expect(rows).toEqual([
      { entity_id: logs.old, changes: expect.objectContaining({ partiesPurged: 1 }) },
    ]);
    expect(JSON.stringify(rows)).not.toContain('Retention');
    expect((await verifyAuditChain(t.db, TEST_JURISDICTION)).ok).toBe(true);
    // a second run finds nothing left
    expect(await applyRetention(sys(), { years: 7, dryRun: false })).toMatchObject({
      cases: 0,
      parties: 0,
    });
  });

  it('the subject-access export shows the purge', async () => {
    const [row] = await t.db.query<{ id: string }>(
      `SELECT p.id::text AS id FROM parties p JOIN cases c ON c.id = p.case_id
        WHERE c.log_number = $1 AND p.role = 'complainant'`,
      [logs.old],
    );
    const res = await sar(copaSup, [row!.id]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ records: unknown[] }>().records[0]).toMatchObject({
      identity: null,
      identityPurgedAt: clock.toISOString(),
      role: 'complainant',
    });
  });

  it('releasing a legal hold lets the next run purge the case; later closures wait their turn', async () => {
    expect(await changeLegalHold(sys(), logs.held, false)).toEqual({ changed: true });
    expect(await changeLegalHold(sys(), logs.held, false)).toEqual({ changed: false });
    expect(await auditCount('case.legal_hold_changed')).toBe(2);
    expect(await applyRetention(sys(), { years: 7, dryRun: false })).toMatchObject({
      cases: 1,
      heldCases: 0,
    });
    expect((await identityOf(logs.held))[0]!.identity_enc).toBeNull();
    // in 2029 the 2022 closure is due; the reopened and the open case never are
    clock = new Date('2029-06-02T00:00:00Z');
    expect(await applyRetention(sys(), { years: 7, dryRun: false })).toMatchObject({ cases: 1 });
    expect((await identityOf(logs.recent))[0]!.identity_enc).toBeNull();
    expect((await identityOf(logs.reopened))[0]!.identity_enc).not.toBeNull();
    expect((await identityOf(logs.open))[0]!.identity_enc).not.toBeNull();
  });
});
