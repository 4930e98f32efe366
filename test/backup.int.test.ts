import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCheckpoint, verifyAuditTrail } from '../src/server/audit/checkpoints.ts';
import {
  BackupRefusedError,
  createBackup,
  readBackup,
  restoreBackup,
  type BackupManifest,
  type RestoreTarget,
} from '../src/server/commands/backup.ts';
import { lockDataDir, openPglite, openPostgres, type Db } from '../src/server/db/client.ts';
import { migrate, migrationFiles } from '../src/server/db/migrate.ts';
import { ensureAuditHead } from '../src/server/audit/audit.ts';
import { createFieldCipher } from '../src/server/security/encryption.ts';
import { PARTY_IDENTITY } from '../src/server/security/encrypted-fields.ts';
import { fileCase } from './factories.ts';
import { testApp, type TestApp, type TestUser } from './test-app.ts';
import { engineName, serverUrl, TEST_JURISDICTION } from './test-db.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const run = promisify(execFile);

/*
 * Issue 21 item 4 (ADR 0039): a backup taken while a writer files cases restores into an empty
 * target with the manifest's row counts, an audit chain that verifies, and civilian identities
 * that decrypt with the kept key and not with another; a restore refuses another jurisdiction, an
 * unknown (newer) schema, a non-empty target and a damaged file, writing nothing. PGlite→PGlite
 * without TEST_DATABASE_URL, server→server with it.
 */
describe(`backup and restore (${engineName})`, () => {
  let t: TestApp;
  let intake: TestUser;
  let dir: string;
  let backupFile: string;
  let manifest: BackupManifest;
  const filed: string[] = [];
  let filedBeforeBackup = 0;
  let filedAfterBackup = 0;
  const databases: string[] = [];
  /** The kept field key: outside the backup, and what decrypts the restored identities. */
  const fieldKey = crypto.randomBytes(32);

  /** A fresh empty target: a data directory that does not exist yet, or a new database. */
  async function emptyTarget(): Promise<RestoreTarget> {
    if (!serverUrl) {
      return { engine: 'pglite', dataDir: path.join(dir, `data-${crypto.randomUUID()}`) };
    }
    const name = `oversight_restore_${crypto.randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    databases.push(name);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return { engine: 'postgres', url: url.toString() };
  }

  async function openTarget(target: RestoreTarget): Promise<Db> {
    return target.engine === 'pglite' ? openPglite(target.dataDir) : openPostgres(target.url, 2);
  }

  /** What a refused restore must leave: no data directory, or a database without tables. */
  async function expectUntouched(target: RestoreTarget): Promise<void> {
    if (target.engine === 'pglite') {
      expect(fs.existsSync(target.dataDir)).toBe(false);
      return;
    }
    const db = openPostgres(target.url, 1);
    const rows = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`,
    );
    await db.close();
    expect(rows[0]?.n).toBe(0);
  }

  /** A copy of the backup with its manifest changed (the payload and its checksum kept). */
  function withManifest(change: Partial<BackupManifest>): string {
    const bytes = fs.readFileSync(backupFile);
    const firstLine = bytes.indexOf(0x0a);
    const secondLine = bytes.indexOf(0x0a, firstLine + 1);
    const out = path.join(dir, `altered-${crypto.randomUUID()}.obk`);
    fs.writeFileSync(
      out,
      Buffer.concat([
        bytes.subarray(0, firstLine + 1),
        Buffer.from(JSON.stringify({ ...manifest, ...change })),
        bytes.subarray(secondLine),
      ]),
    );
    return out;
  }

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oversight-backup-'));
    t = await testApp({ cipher: createFieldCipher(fieldKey) });
    intake = await t.user('intake');
    for (let i = 0; i < 3; i++) {
      filed.push(
        await fileCase(t, intake, { parties: [{ role: 'complainant', name: `Early ${i}` }] }),
      );
    }
    await writeCheckpoint(t.db, TEST_JURISDICTION, t.auditKey, new Date());
    backupFile = path.join(dir, 'office.obk');

    // a writer files cases the whole time the backup runs, and goes on after it
    let backupDone = false;
    const writer = (async () => {
      let i = 0;
      while (!backupDone || filedAfterBackup < 3) {
        filed.push(
          await fileCase(t, intake, { parties: [{ role: 'complainant', name: `During ${i++}` }] }),
        );
        if (backupDone) {
          filedAfterBackup++;
        }
      }
    })();
    while (filed.length < 6) {
      await new Promise((r) => setImmediate(r));
    }
    filedBeforeBackup = filed.length;
    manifest = await createBackup({
      db: t.db,
      databaseUrl: t.url,
      jurisdiction: TEST_JURISDICTION,
      file: backupFile,
      pgBinDir: process.env.OVERSIGHT_PG_BIN_DIR,
      now: new Date(),
    });
    backupDone = true;
    await writer;
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    if (serverUrl && databases.length > 0) {
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      for (const name of databases) {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      }
      await admin.end();
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('the manifest names engine, jurisdiction, schema and audit head, and no key', async () => {
    const { manifest: read } = await readBackup(backupFile);
    expect(read).toEqual(manifest);
    expect(read.engine).toBe(engineName);
    expect(read.jurisdiction).toBe(TEST_JURISDICTION);
    expect(read.schemaVersion).toMatch(/^\d{4}_.+\.sql$/);
    // taken during the writes: some cases filed before it, some only after
    expect(read.rowCounts.cases).toBeGreaterThanOrEqual(filedBeforeBackup);
    expect(read.rowCounts.cases).toBeLessThan(filed.length);
    expect(read.auditHead?.seq).toBeGreaterThan(0);
    expect(Object.keys(read).sort()).toEqual([
      'auditHead',
      'createdAt',
      'engine',
      'jurisdiction',
      'migrations',
      'payload',
      'rowCounts',
      'schemaVersion',
    ]);
    const text = fs.readFileSync(backupFile);
    expect(text.includes(fieldKey)).toBe(false);
    expect(text.includes(Buffer.from(fieldKey.toString('base64')))).toBe(false);
  });

  it('restores into an empty target: row counts, audit chain and identities hold', async () => {
    const target = await emptyTarget();
    const restored = await restoreBackup({
      file: backupFile,
      jurisdiction: TEST_JURISDICTION,
      target,
      pgBinDir: process.env.OVERSIGHT_PG_BIN_DIR,
    });
    expect(restored).toEqual({ manifest, migrated: [] });
    const db = await openTarget(target);
    try {
      const [cases] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM cases`);
      const [events] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events`);
      expect(cases?.n).toBe(manifest.rowCounts.cases);
      expect(events?.n).toBe(manifest.rowCounts.audit_events);
      expect(events?.n).toBe(manifest.auditHead?.seq);

      const verified = await verifyAuditTrail(db, TEST_JURISDICTION, t.auditKey.publicKey);
      expect(verified.problems).toEqual([]);
      expect(verified.ok).toBe(true);
      expect(verified.lastSeq).toBe(manifest.auditHead?.seq);
      expect(verified.checkpoints.checked).toBeGreaterThan(0);

      const parties = await db.query<{ id: string; identity_enc: string }>(
        `SELECT id::text AS id, identity_enc FROM parties WHERE identity_enc IS NOT NULL ORDER BY id`,
      );
      expect(parties.length).toBe(manifest.rowCounts.cases);
      const names = parties.map(
        (p) =>
          (
            JSON.parse(t.cipher.decrypt(p.identity_enc, PARTY_IDENTITY.context(p.id))) as {
              name: string;
            }
          ).name,
      );
      expect(names).toContain('Early 0');
      expect(names).toContain('During 0');
      const another = createFieldCipher(crypto.randomBytes(32));
      const first = parties[0]!;
      expect(() => another.decrypt(first.identity_enc, PARTY_IDENTITY.context(first.id))).toThrow();
    } finally {
      await db.close();
    }
  });

  it('an older schema is migrated forward on restore', async () => {
    const known = migrationFiles();
    const previous = known.at(-2)!;
    const older = await emptyTarget();
    const file = path.join(dir, 'older.obk');
    const db = older.engine === 'pglite' ? await openPglite(undefined) : openPostgres(older.url, 2);
    try {
      await migrate(db, { through: previous });
      await ensureAuditHead(db, TEST_JURISDICTION);
      const taken = await createBackup({
        db,
        databaseUrl: older.engine === 'postgres' ? older.url : undefined,
        jurisdiction: TEST_JURISDICTION,
        file,
        pgBinDir: process.env.OVERSIGHT_PG_BIN_DIR,
        now: new Date(),
      });
      expect(taken.schemaVersion).toBe(previous);
    } finally {
      await db.close();
    }
    const target = await emptyTarget();
    const { migrated } = await restoreBackup({
      file,
      jurisdiction: TEST_JURISDICTION,
      target,
      pgBinDir: process.env.OVERSIGHT_PG_BIN_DIR,
    });
    expect(migrated).toEqual([known.at(-1)]);
    const restored = await openTarget(target);
    const [last] = await restored.query<{ name: string }>(
      `SELECT max(name) AS name FROM schema_migrations`,
    );
    await restored.close();
    expect(last?.name).toBe(known.at(-1));
  });

  describe('refuses, writing nothing', () => {
    const refused = async (file: string, jurisdiction = TEST_JURISDICTION) => {
      const target = await emptyTarget();
      const err = await restoreBackup({
        file,
        jurisdiction,
        target,
        pgBinDir: process.env.OVERSIGHT_PG_BIN_DIR,
      }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(BackupRefusedError);
      await expectUntouched(target);
      return (err as Error).message;
    };

    it('a backup from another jurisdiction', async () => {
      expect(await refused(backupFile, 'springfield')).toMatch(
        /jurisdiction "chicago"; this deployment is "springfield"/,
      );
    });

    it('a schema newer than this code knows', async () => {
      expect(
        await refused(
          withManifest({
            schemaVersion: '9999_from_the_future.sql',
            migrations: [...manifest.migrations, '9999_from_the_future.sql'],
          }),
        ),
      ).toMatch(
        /schema 9999_from_the_future\.sql with migration\(s\) 9999_from_the_future\.sql that this version of Oversight does not know/,
      );
    });

    it('a migration this code lacks before the last one it knows', async () => {
      const migrations = [...manifest.migrations];
      migrations.splice(-1, 0, '0026_from_another_branch.sql');
      expect(await refused(withManifest({ migrations }))).toMatch(
        /with migration\(s\) 0026_from_another_branch\.sql that this version of Oversight does not know/,
      );
    });

    it('a truncated file', async () => {
      const cut = path.join(dir, 'truncated.obk');
      const bytes = fs.readFileSync(backupFile);
      fs.writeFileSync(cut, bytes.subarray(0, bytes.length - 100));
      expect(await refused(cut)).toMatch(/truncated or altered/);
    });

    it('a damaged file', async () => {
      const bad = path.join(dir, 'damaged.obk');
      const bytes = Buffer.from(fs.readFileSync(backupFile));
      bytes[bytes.length - 50] = bytes[bytes.length - 50]! ^ 0xff;
      fs.writeFileSync(bad, bytes);
      expect(await refused(bad)).toMatch(/does not match the checksum/);
    });

    it('a file that is not a backup', async () => {
      const other = path.join(dir, 'notes.txt');
      fs.writeFileSync(other, 'not a backup\n');
      expect(await refused(other)).toMatch(/does not start with the Oversight backup header/);
    });

    it('a target that already holds a database', async () => {
      const target = await emptyTarget();
      await restoreBackup({
        file: backupFile,
        jurisdiction: TEST_JURISDICTION,
        target,
        pgBinDir: process.env.OVERSIGHT_PG_BIN_DIR,
      });
      const db = await openTarget(target);
      const [before] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events`);
      await db.close();
      const err = await restoreBackup({
        file: backupFile,
        jurisdiction: TEST_JURISDICTION,
        target,
        pgBinDir: process.env.OVERSIGHT_PG_BIN_DIR,
      }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(BackupRefusedError);
      expect((err as Error).message).toMatch(/never over one/);
      const again = await openTarget(target);
      const [after] = await again.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_events`,
      );
      await again.close();
      expect(after?.n).toBe(before?.n);
    });
  });

  it('the CLI backs up, restores and verifies; a second restore over it exits 1', async () => {
    // the restored copy is the CLI's source: the same data, reached as an operator reaches it
    const source = await emptyTarget();
    await restoreBackup({
      file: backupFile,
      jurisdiction: TEST_JURISDICTION,
      target: source,
      pgBinDir: process.env.OVERSIGHT_PG_BIN_DIR,
    });
    const dest = await emptyTarget();
    const publicKey = path.join(dir, 'audit.pub.pem');
    fs.writeFileSync(publicKey, t.auditKey.publicKey.export({ type: 'spki', format: 'pem' }));
    const envFor = (target: RestoreTarget): NodeJS.ProcessEnv => ({
      ...process.env,
      TZ: 'UTC',
      OVERSIGHT_JURISDICTION: TEST_JURISDICTION,
      OVERSIGHT_DATA_DIR: target.engine === 'pglite' ? target.dataDir : path.join(dir, 'unused'),
      DATABASE_URL: target.engine === 'postgres' ? target.url : '',
      OVERSIGHT_AUDIT_KEY_FILE: path.join(dir, 'keys', 'audit-signing.pem'),
      OVERSIGHT_ENCRYPTION_KEY: crypto.randomBytes(32).toString('base64'),
    });
    const cli = async (args: string[], env: NodeJS.ProcessEnv) => {
      try {
        const { stdout, stderr } = await run(
          process.execPath,
          ['--import', 'tsx', 'src/cli/main.ts', ...args],
          { cwd: ROOT, env, timeout: 120_000 },
        );
        return { code: 0, stdout, stderr };
      } catch (err) {
        const e = err as { code: number; stdout: string; stderr: string };
        return { code: e.code, stdout: e.stdout, stderr: e.stderr };
      }
    };
    const file = path.join(dir, 'cli.obk');
    if (source.engine === 'pglite') {
      // the embedded database has one owner (ADR 0002): while another process holds it, the
      // backup is refused and writes no file (ADR 0039)
      const release = lockDataDir(source.dataDir, 'oversight serve');
      const locked = await cli(['backup', file], envFor(source));
      release();
      expect(locked.code).toBe(1);
      expect(locked.stderr).toMatch(/in use by process .*stop the server, back up, start it again/);
      expect(fs.existsSync(file)).toBe(false);
    }
    const backup = await cli(['backup', file], envFor(source));
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain(`${manifest.rowCounts.cases} cases`);

    const restore = await cli(['restore', file], envFor(dest));
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    expect(restore.stdout).toContain('row counts match the manifest');

    const verify = await cli(['audit', 'verify', '--public-key', publicKey], envFor(dest));
    expect(verify.code).toBe(0);
    expect(verify.stdout).toContain('audit chain OK');

    const twice = await cli(['restore', file], envFor(dest));
    expect(twice.code).toBe(1);
    expect(twice.stderr).toMatch(/^oversight: .*never over one\. Nothing was restored\./);
  }, 180_000);
});
