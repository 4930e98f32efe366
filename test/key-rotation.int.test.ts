import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/server/audit/audit.ts';
import {
  fieldKeyStatus,
  pruneFieldKeys,
  rotateFieldKeys,
  type KeyDeps,
} from '../src/server/commands/rotate-keys.ts';
import { ENCRYPTED_FIELDS } from '../src/server/security/encrypted-fields.ts';
import {
  cipherForKeySource,
  readKeyFile,
  resolveFieldKeys,
  writeKeyFile,
  type FieldKeySource,
} from '../src/server/security/encryption.ts';
import { provisionTotp, readTotpSecret } from '../src/server/commands/second-factor.ts';
import { fileCase } from './factories.ts';
import { testApp, type TestApp, type TestUser } from './test-app.ts';
import { TEST_JURISDICTION } from './test-db.ts';

/**
 * ADR 0017: key versions and rotation without downtime. The app under test reads its keys from a
 * key file exactly as `oversight serve` does; the rotation runs beside it as `oversight keys
 * rotate` would (its own keyring loaded from the same file), on the same database.
 */
let t: TestApp;
let sup: TestUser;
let intake: TestUser;
let keyFile: string;
const cases: string[] = [];
const identities = new Map<string, unknown>();
/** A file attached through the public form (name and bytes encrypted) and a TOTP secret. */
const PHOTO = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('rotation photo bytes'),
]);
let attachmentUrl = '';
let totpSecret = '';

async function expectFileAndSecretReadable(): Promise<void> {
  const res = await t.as(sup, { method: 'GET', url: attachmentUrl });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.rawPayload.equals(PHOTO)).toBe(true);
  const secret = await readTotpSecret(
    { db: t.db, jurisdiction: TEST_JURISDICTION, cipher: t.cipher },
    'totp-holder@example.gov',
  );
  expect(secret).toBe(totpSecret);
}

const source = (): FieldKeySource =>
  resolveFieldKeys({ configured: undefined, keyFile, embedded: true });
const deps = () => ({
  db: t.db,
  jurisdiction: TEST_JURISDICTION,
  now: () => new Date(),
  keySource: source(),
});
const statusNow = () =>
  fieldKeyStatus({ ...deps(), cipher: cipherForKeySource(source()) } satisfies KeyDeps);

async function identitiesOf(n: string): Promise<unknown> {
  const res = await t.as(sup, { method: 'GET', url: `/api/v1/cases/${n}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ parties: unknown[] }>().parties;
}

async function expectAllReadable(): Promise<void> {
  for (const n of cases) {
    expect(await identitiesOf(n)).toEqual(identities.get(n));
  }
}

/** Rows in id order: the order batches take them in. */
async function partyIdsInOrder(): Promise<string[]> {
  const rows = await t.db.query<{ id: string }>(
    `SELECT id::text AS id FROM parties WHERE identity_enc IS NOT NULL ORDER BY id`,
  );
  return rows.map((r) => r.id);
}

/** Makes the database refuse to change one row: the batch holding it fails mid-way, a crash. */
async function crashAt(partyId: string): Promise<() => Promise<void>> {
  const [row] = await t.db.query<{ identity_enc: string }>(
    `SELECT identity_enc FROM parties WHERE id = $1`,
    [partyId],
  );
  await t.db.query(
    `ALTER TABLE parties ADD CONSTRAINT test_crash CHECK (id <> '${partyId}'::uuid OR identity_enc = '${row!.identity_enc}') NOT VALID`,
  );
  return async () => {
    await t.db.query(`ALTER TABLE parties DROP CONSTRAINT test_crash`);
  };
}

beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ovs-rotation-'));
  keyFile = path.join(dir, 'keys', 'field.key');
  t = await testApp({ cipher: cipherForKeySource(source()) });
  sup = await t.user('supervisor');
  intake = await t.user('intake');
  for (let i = 0; i < 6; i++) {
    const n = await fileCase(t, intake, {
      parties: [
        { role: 'complainant', name: `Rotation Person ${i}`, phone: `312-555-01${10 + i}` },
        { role: 'witness', name: `Rotation Witness ${i}`, email: `w${i}@example.org` },
      ],
    });
    cases.push(n);
  }
  for (const n of cases) {
    identities.set(n, await identitiesOf(n));
  }
  const filed = await t.app.inject({
    method: 'POST',
    url: '/api/public/v1/complaints',
    payload: {
      language: 'en',
      narrative: 'An officer pushed me. A photo is attached.',
      categories: ['excessive_force'],
      anonymous: true,
      files: [{ name: 'rotation-photo.png', data: PHOTO.toString('base64') }],
    },
  });
  expect(filed.statusCode, filed.body).toBe(201);
  const publicLog = filed.json<{ logNumber: string }>().logNumber;
  const withFile = await t.as(sup, { method: 'GET', url: `/api/v1/cases/${publicLog}` });
  const [att] = withFile.json<{ attachments: Array<{ id: string }> }>().attachments;
  attachmentUrl = `/api/v1/cases/${publicLog}/attachments/${att!.id}`;
  await t.user('supervisor', 'COPA', 'totp-holder@example.gov');
  totpSecret = (
    await provisionTotp(
      { db: t.db, now: () => new Date(), jurisdiction: TEST_JURISDICTION, cipher: t.cipher },
      'totp-holder@example.gov',
    )
  ).secret;
  await expectFileAndSecretReadable();
});
afterAll(async () => t.close());

describe('key rotation (ADR 0017)', () => {
  it('covers every encrypted column of the schema', async () => {
    const cols = await t.db.query<{ name: string }>(
      `SELECT table_name || '.' || column_name AS name FROM information_schema.columns
        WHERE table_schema = current_schema() AND column_name LIKE '%\\_enc' ORDER BY 1`,
    );
    expect(cols.map((c) => c.name)).toEqual(ENCRYPTED_FIELDS.map((f) => f.name).sort());
  });

  it('rotates with rows present, in audited batches, while the server reads and writes', async () => {
    const before = await statusNow();
    expect(before.toReencrypt).toBe(0);
    const oldKey = before.currentKeyId;
    expect(before.fields.map((f) => [f.field, f.byKey])).toEqual([
      ['parties.identity_enc', [{ keyId: oldKey, values: 12, current: true, loaded: true }]],
      ['attachments.file_name_enc', [{ keyId: oldKey, values: 1, current: true, loaded: true }]],
      ['attachments.content_enc', [{ keyId: oldKey, values: 1, current: true, loaded: true }]],
      ['users.totp_secret_enc', [{ keyId: oldKey, values: 1, current: true, loaded: true }]],
      ['sign_in_challenges.pending_secret_enc', []],
      ['letters.recipient_enc', []],
    ]);
    const auditBefore = (await verifyAuditChain(t.db, TEST_JURISDICTION)).checked;
    const during: number[] = [];
    const result = await rotateFieldKeys(deps(), {
      batchSize: 5,
      onBatch: async () => {
        // between batches the server serves: every identity still reads, new intakes write
        const mid = await statusNow();
        during.push(mid.toReencrypt);
        await expectAllReadable();
        await expectFileAndSecretReadable();
        const n = await fileCase(t, intake, {
          parties: [
            { role: 'complainant', name: 'Written During Rotation', phone: '773-555-0199' },
          ],
        });
        expect(JSON.stringify(await identitiesOf(n))).toContain('Written During Rotation');
      },
    });
    expect(result.newKey).toBe(true);
    expect(result.keyId).not.toBe(oldKey);
    expect(result.reencrypted).toBe(15);
    // identities 5 + 5 + 2, then one batch each for the file name, the file, the TOTP secret
    expect(result.batches).toBe(6);
    expect(result.toReencrypt).toBe(0);
    expect(result.unreadable).toBe(0);
    // old and new values were both readable mid-way
    expect(during).toEqual([10, 5, 3, 2, 1, 0]);
    // the key file: new key first, old key kept
    expect(readKeyFile(keyFile)).toHaveLength(2);
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    const after = await statusNow();
    expect(after.currentKeyId).toBe(result.keyId);
    expect(after.fields[0]!.byKey).toEqual([
      { keyId: result.keyId, values: 18, current: true, loaded: true },
    ]);
    for (const f of after.fields) {
      expect(f.byKey.every((k) => k.keyId === result.keyId)).toBe(true);
    }
    // the server picked the new key up: what it wrote during rotation is under the new key
    expect(t.cipher.currentKeyId()).toBe(result.keyId);
    await expectAllReadable();
    await expectFileAndSecretReadable();
    // one audit row per batch, no personal data in them, chain intact
    const rows = await t.db.query<{ changes: { reencrypted: number; fromKeys: object } }>(
      `SELECT changes FROM audit_events WHERE action = 'keys.rotated' ORDER BY seq`,
    );
    expect(rows.map((r) => r.changes.reencrypted)).toEqual([5, 5, 2, 1, 1, 1]);
    expect(rows[0]!.changes.fromKeys).toEqual({ [oldKey]: 5 });
    expect(JSON.stringify(rows)).not.toMatch(/Rotation|555|example\.org|rotation-photo/);
    expect(JSON.stringify(rows)).not.toContain(totpSecret);
    const chain = await verifyAuditChain(t.db, TEST_JURISDICTION);
    expect(chain.ok).toBe(true);
    expect(chain.checked).toBeGreaterThan(auditBefore);
    // nothing left to do: prune drops the unused old key
    expect((await pruneFieldKeys(deps())).removed).toEqual([oldKey]);
    expect(readKeyFile(keyFile)).toHaveLength(1);
  });

  it('a crash mid-rotation loses one batch; running again continues with the same key', async () => {
    for (const n of await listCases()) {
      identities.set(n, await identitiesOf(n));
    }
    const oldKey = (await statusNow()).currentKeyId;
    const ids = await partyIdsInOrder();
    // 12 + one intake written between each of the 6 batches
    expect(ids).toHaveLength(18);
    const undo = await crashAt(ids[7]!); // third batch of 3
    await expect(rotateFieldKeys(deps(), { batchSize: 3 })).rejects.toThrow();
    await undo();
    const crashed = await statusNow();
    const newKey = crashed.currentKeyId;
    expect(newKey).not.toBe(oldKey);
    // two batches committed, the third rolled back whole
    expect(crashed.fields[0]!.byKey).toEqual(
      expect.arrayContaining([
        { keyId: newKey, values: 6, current: true, loaded: true },
        { keyId: oldKey, values: 12, current: false, loaded: true },
      ]),
    );
    // the crash stopped the run before the other columns
    expect(crashed.toReencrypt).toBe(12 + 3);
    // reads in the half-rotated state
    await expectAllReadable();
    await expectFileAndSecretReadable();
    // prune keeps a key that still encrypts values
    expect((await pruneFieldKeys(deps())).removed).toEqual([]);
    const resumed = await rotateFieldKeys(deps(), { batchSize: 3 });
    expect(resumed.newKey).toBe(false);
    expect(resumed.keyId).toBe(newKey);
    expect(resumed.reencrypted).toBe(15);
    expect(resumed.toReencrypt).toBe(0);
    expect(readKeyFile(keyFile)).toHaveLength(2);
    await expectAllReadable();
    await expectFileAndSecretReadable();
  });

  it('with the old key removed too early, only the values still on it fail, loudly', async () => {
    const oldKey = (await statusNow()).currentKeyId;
    const ids = await partyIdsInOrder();
    const undo = await crashAt(ids[4]!);
    await expect(rotateFieldKeys(deps(), { batchSize: 4 })).rejects.toThrow();
    await undo();
    const crashed = await statusNow();
    expect(crashed.toReencrypt).toBe(14 + 3);
    // an operator deletes the old key from the file by hand
    const [current] = readKeyFile(keyFile);
    writeKeyFile(keyFile, [current!]);
    const status = await statusNow();
    expect(status.unreadable).toBe(17);
    expect(status.fields[0]!.byKey).toEqual(
      expect.arrayContaining([{ keyId: oldKey, values: 14, current: false, loaded: false }]),
    );
    const onOld = await t.db.query<{ log_number: string }>(
      `SELECT DISTINCT c.log_number FROM parties p JOIN cases c ON c.id = p.case_id
        WHERE split_part(p.identity_enc, '.', 2) = $1
       UNION
       SELECT c.log_number FROM attachments a JOIN cases c ON c.id = a.case_id
        WHERE split_part(a.file_name_enc, '.', 2) = $1`,
      [oldKey],
    );
    const onOldSet = new Set(onOld.map((r) => r.log_number));
    let failed = 0;
    for (const n of await listCases()) {
      const res = await t.as(sup, { method: 'GET', url: `/api/v1/cases/${n}` });
      if (onOldSet.has(n)) {
        expect(res.statusCode).toBe(500);
        failed++;
      } else {
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json<{ parties: unknown[] }>().parties).toEqual(identities.get(n));
      }
    }
    expect(failed).toBe(onOldSet.size);
    expect(failed).toBeGreaterThan(0);
    // the log names the missing key (not any value)
    expect(t.logs.join('\n')).toContain(`key ${oldKey}, which is not loaded`);
    // a rotation cannot help without the key: it says so and changes nothing
    await expect(rotateFieldKeys(deps(), { batchSize: 4 })).rejects.toThrow(
      new RegExp(`17 value\\(s\\) are under keys that are not loaded: ${oldKey} \\(14\\)`),
    );
    expect(readKeyFile(keyFile)).toHaveLength(1);
  });

  it('detects a tampered ciphertext: the read fails and rotation stops without writing', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ovs-tamper-'));
    keyFile = path.join(dir, 'keys', 'field.key');
    const t2 = await testApp({ cipher: cipherForKeySource(source()) });
    const prev = t;
    t = t2;
    try {
      sup = await t.user('supervisor');
      const n = await fileCase(t, sup, {
        parties: [{ role: 'complainant', name: 'Tamper Target', phone: '312-555-0111' }],
      });
      const [p] = await t.db.query<{ id: string; identity_enc: string }>(
        `SELECT id::text AS id, identity_enc FROM parties`,
      );
      const parts = p!.identity_enc.split('.');
      const ct = Buffer.from(parts[4]!, 'base64url');
      ct[0] = ct[0]! ^ 1;
      parts[4] = ct.toString('base64url');
      await t.db.query(`UPDATE parties SET identity_enc = $2 WHERE id = $1`, [
        p!.id,
        parts.join('.'),
      ]);
      const res = await t.as(sup, { method: 'GET', url: `/api/v1/cases/${n}` });
      expect(res.statusCode).toBe(500);
      expect(res.body).not.toContain('Tamper');
      await expect(rotateFieldKeys(deps())).rejects.toThrow(
        new RegExp(`parties.identity_enc of row ${p!.id} does not decrypt`),
      );
      const [after] = await t.db.query<{ identity_enc: string }>(
        `SELECT identity_enc FROM parties WHERE id = $1`,
        [p!.id],
      );
      expect(after!.identity_enc).toBe(parts.join('.'));
      expect(
        await t.db.query(`SELECT 1 FROM audit_events WHERE action = 'keys.rotated'`),
      ).toHaveLength(0);
    } finally {
      t = prev;
      await t2.close();
    }
  });
});

async function listCases(): Promise<string[]> {
  const rows = await t.db.query<{ log_number: string }>(
    `SELECT log_number FROM cases ORDER BY log_number`,
  );
  return rows.map((r) => r.log_number);
}
