import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { lockDataDir, openPglite, openPostgres, type Db } from '../db/client.ts';
import { migrate, migrationFiles } from '../db/migrate.ts';
import { ensureAuditHead } from '../audit/audit.ts';
import {
  auditChainHead,
  beginSnapshot,
  checkpoint,
  exportSnapshot,
  appliedMigrations,
  tableRowCounts,
  userRelationCount,
} from '../repositories/backup.repository.ts';

/*
 * `oversight backup` / `oversight restore` (issue 21 item 4, ADR 0039). A backup file is one line
 * of magic, one line of JSON manifest, then the engine's own snapshot: PGlite's data directory as
 * a gzipped tar, or `pg_dump --format=custom` of a server database. The manifest says what a
 * restore must check before it writes anything (jurisdiction, schema version, engine, the payload's
 * length and SHA-256) and what it must find afterwards (row counts, the audit chain head). No key
 * is in it: the field keys and the audit signing key live in files or the environment, outside the
 * database, and are kept apart from the backups (docs/operations.md "Key custody").
 */

const MAGIC = 'OVERSIGHT-BACKUP 1\n';
/** The manifest line is small (a row count per table); anything longer is not our file. */
const MAX_HEADER = 1024 * 1024;

export const BackupManifest = z.object({
  engine: z.enum(['pglite', 'postgres']),
  jurisdiction: z.string().min(1),
  /** The last migration applied: the schema version. */
  schemaVersion: z.string().min(1),
  /** Every migration applied (a newer version may have added one before the last we know). */
  migrations: z.array(z.string()).min(1),
  createdAt: z.string(),
  rowCounts: z.record(z.string(), z.number().int().nonnegative()),
  auditHead: z.object({ seq: z.number().int().nonnegative(), hash: z.string() }).nullable(),
  payload: z.object({
    bytes: z.number().int().nonnegative(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
});
export type BackupManifest = z.infer<typeof BackupManifest>;

/** A backup or restore refused before anything was written; the message says why and what to do. */
export class BackupRefusedError extends Error {}

function pgTool(pgBinDir: string | undefined, name: 'pg_dump' | 'pg_restore'): string {
  return pgBinDir ? path.join(pgBinDir, name) : name;
}

/**
 * Runs a PostgreSQL client tool on the database at `url`; rejects with its standard error when it
 * fails. The password goes in PGPASSWORD, not on the command line, where `ps` would show it to
 * every user of the machine.
 */
function runTool(
  command: string,
  url: string,
  args: string[],
  stdin?: NodeJS.ReadableStream,
): Promise<void> {
  const dbname = new URL(url);
  const password = decodeURIComponent(dbname.password);
  dbname.password = '';
  // the child inherits the environment, as it would by default, plus the password
  const env = password ? { ...process.env, PGPASSWORD: password } : process.env;
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args, `--dbname=${dbname.toString()}`], {
      env,
      stdio: [stdin ? 'pipe' : 'ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (err) => reject(new Error(`${command}: ${err.message}`)));
    child.on('close', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${command} failed (exit ${code}): ${stderr.trim()}`)),
    );
    if (stdin && child.stdin) {
      child.stdin.on('error', () => undefined); // the tool's own exit reports the failure
      stdin.pipe(child.stdin);
    }
  });
}

async function sha256Of(file: string, start = 0): Promise<string> {
  const hash = crypto.createHash('sha256');
  await pipeline(fs.createReadStream(file, { start }), hash);
  return hash.digest('hex');
}

/**
 * Writes a consistent snapshot of the open database to `file`. The manifest's counts and audit
 * head are read in the same snapshot the payload holds: on a server one repeatable-read
 * transaction exports its snapshot to `pg_dump --snapshot`; on PGlite the transaction holds the
 * one connection, so no command commits between the counts and the dump. Writers keep working on
 * a server; on PGlite they wait for the seconds the dump takes.
 */
export async function createBackup(opts: {
  db: Db;
  /** The server database's URL (for pg_dump); absent for the embedded engine. */
  databaseUrl?: string | undefined;
  jurisdiction: string;
  file: string;
  pgBinDir?: string | undefined;
  now: Date;
}): Promise<BackupManifest> {
  const { db, file } = opts;
  if (fs.existsSync(file)) {
    throw new BackupRefusedError(
      `${file} already exists; a backup never overwrites one (choose a new name, e.g. with the date).`,
    );
  }
  const payloadFile = `${file}.payload.partial`;
  const partial = `${file}.partial`;
  try {
    const described = await db.transaction(async (tx) => {
      await beginSnapshot(tx);
      let snapshot: string | undefined;
      if (db.engine === 'postgres') {
        snapshot = await exportSnapshot(tx);
      } else {
        await checkpoint(tx);
      }
      const migrations = await appliedMigrations(tx);
      const schemaVersion = migrations.at(-1);
      if (!schemaVersion) {
        throw new BackupRefusedError('The database has no schema yet: nothing to back up.');
      }
      const rowCounts = await tableRowCounts(tx);
      const auditHead = await auditChainHead(tx, opts.jurisdiction);
      if (db.engine === 'postgres') {
        if (!opts.databaseUrl) {
          throw new Error('createBackup: a server backup needs the database URL for pg_dump');
        }
        await runTool(pgTool(opts.pgBinDir, 'pg_dump'), opts.databaseUrl, [
          '--format=custom',
          `--snapshot=${snapshot}`,
          `--file=${payloadFile}`,
        ]);
      } else {
        if (!db.dumpDataDir) {
          throw new Error('createBackup: this embedded database cannot dump its data directory');
        }
        const tar = await db.dumpDataDir();
        fs.writeFileSync(payloadFile, Buffer.from(await tar.arrayBuffer()));
      }
      return { schemaVersion, migrations, rowCounts, auditHead };
    });
    const manifest: BackupManifest = {
      engine: db.engine,
      jurisdiction: opts.jurisdiction,
      schemaVersion: described.schemaVersion,
      migrations: described.migrations,
      createdAt: opts.now.toISOString(),
      rowCounts: described.rowCounts,
      auditHead: described.auditHead,
      payload: { bytes: fs.statSync(payloadFile).size, sha256: await sha256Of(payloadFile) },
    };
    fs.writeFileSync(partial, MAGIC + JSON.stringify(manifest) + '\n', { mode: 0o600 });
    await pipeline(fs.createReadStream(payloadFile), fs.createWriteStream(partial, { flags: 'a' }));
    // the name appears only once the whole file is written: a file named `file` is complete
    fs.renameSync(partial, file);
    return manifest;
  } finally {
    fs.rmSync(payloadFile, { force: true });
    fs.rmSync(partial, { force: true });
  }
}

/** Reads and checks a backup file's manifest and payload checksum; writes nothing. */
export async function readBackup(
  file: string,
): Promise<{ manifest: BackupManifest; payloadOffset: number }> {
  const corrupt = (why: string): BackupRefusedError =>
    new BackupRefusedError(
      `${file} is not a usable Oversight backup: ${why}. Nothing was restored.`,
    );
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (err) {
    throw new BackupRefusedError(`Cannot read ${file}: ${(err as Error).message}`);
  }
  let head: string;
  let size: number;
  try {
    size = fs.fstatSync(fd).size;
    const buf = Buffer.alloc(Math.min(size, MAX_HEADER));
    fs.readSync(fd, buf, 0, buf.length, 0);
    head = buf.toString('latin1');
  } finally {
    fs.closeSync(fd);
  }
  if (!head.startsWith(MAGIC)) {
    throw corrupt('it does not start with the Oversight backup header');
  }
  const end = head.indexOf('\n', MAGIC.length);
  if (end < 0) {
    throw corrupt('its manifest is cut off');
  }
  let manifest: BackupManifest;
  try {
    manifest = BackupManifest.parse(
      JSON.parse(Buffer.from(head.slice(MAGIC.length, end), 'latin1').toString('utf8')),
    );
  } catch {
    throw corrupt('its manifest is unreadable');
  }
  const payloadOffset = Buffer.byteLength(head.slice(0, end + 1), 'latin1');
  if (size - payloadOffset !== manifest.payload.bytes) {
    throw corrupt(
      `it holds ${size - payloadOffset} bytes of data where its manifest says ${manifest.payload.bytes} (truncated or altered)`,
    );
  }
  if ((await sha256Of(file, payloadOffset)) !== manifest.payload.sha256) {
    throw corrupt('its data does not match the checksum in its manifest (damaged or altered)');
  }
  return { manifest, payloadOffset };
}

/** Where a restore writes: an embedded data directory or a server database. */
export type RestoreTarget =
  { engine: 'pglite'; dataDir: string } | { engine: 'postgres'; url: string };

/**
 * Restores a backup into an empty target after every check has passed (the file is whole, the
 * jurisdiction is this deployment's, this code knows its schema, the engines match, the target
 * is empty), compares the restored row counts with the manifest, then migrates forward: an older
 * backup's schema is brought up to this code's (migrations are forward-only).
 */
export async function restoreBackup(opts: {
  file: string;
  jurisdiction: string;
  target: RestoreTarget;
  pgBinDir?: string | undefined;
}): Promise<{ manifest: BackupManifest; migrated: string[] }> {
  const { file, target } = opts;
  const { manifest, payloadOffset } = await readBackup(file);
  if (manifest.jurisdiction !== opts.jurisdiction) {
    // every row carries its jurisdiction and each has its own audit chain: a restore never
    // mixes one office's records into another deployment
    throw new BackupRefusedError(
      `${file} is a backup of jurisdiction "${manifest.jurisdiction}"; this deployment is "${opts.jurisdiction}" (OVERSIGHT_JURISDICTION). Nothing was restored.`,
    );
  }
  const known = migrationFiles();
  const unknown = [manifest.schemaVersion, ...manifest.migrations].filter(
    (m) => !known.includes(m),
  );
  if (unknown.length > 0) {
    // migrations are forward-only: this code cannot run on, or undo, a schema it has not seen
    throw new BackupRefusedError(
      `${file} has schema ${manifest.schemaVersion} with migration(s) ${[...new Set(unknown)].join(', ')} that this version of Oversight does not know (it knows up to ${known.at(-1)}). Restore it with the version that made it, or a newer one. Nothing was restored.`,
    );
  }
  if (manifest.engine !== target.engine) {
    throw new BackupRefusedError(
      manifest.engine === 'pglite'
        ? `${file} is a backup of the embedded database; restore it with DATABASE_URL unset (into OVERSIGHT_DATA_DIR). Nothing was restored.`
        : `${file} is a backup of a PostgreSQL server database; restore it with DATABASE_URL set to an empty database. Nothing was restored.`,
    );
  }
  const migrated =
    target.engine === 'pglite'
      ? await restorePglite(file, payloadOffset, target.dataDir, manifest)
      : await restorePostgres(file, payloadOffset, target.url, opts.pgBinDir, manifest);
  return { manifest, migrated };
}

/** Checks the restored counts against the manifest, then applies the migrations it lacks. */
async function checkAndMigrate(db: Db, manifest: BackupManifest): Promise<string[]> {
  const counts = await tableRowCounts(db);
  const differ = Object.keys({ ...counts, ...manifest.rowCounts }).filter(
    (t) => counts[t] !== manifest.rowCounts[t],
  );
  if (differ.length > 0) {
    throw new Error(
      `The restored database differs from the backup's manifest in ${differ.join(', ')}: do not use it.`,
    );
  }
  const { applied } = await migrate(db);
  await ensureAuditHead(db, manifest.jurisdiction);
  return applied;
}

async function restorePglite(
  file: string,
  payloadOffset: number,
  dataDir: string,
  manifest: BackupManifest,
): Promise<string[]> {
  const existed = fs.existsSync(dataDir);
  // the data directory's one owner for the whole restore (ADR 0002)
  const release = lockDataDir(dataDir, 'oversight restore');
  try {
    const pgdata = path.join(dataDir, 'pgdata');
    if (fs.existsSync(pgdata) && fs.readdirSync(pgdata).length > 0) {
      throw new BackupRefusedError(
        `${dataDir} already holds a database; a restore goes into an empty data directory (OVERSIGHT_DATA_DIR) and never over one. Nothing was restored.`,
      );
    }
    const tar = new Blob([fs.readFileSync(file).subarray(payloadOffset)]);
    const db = await openPglite(dataDir, { loadDataDir: tar });
    try {
      return await checkAndMigrate(db, manifest);
    } finally {
      await db.close();
    }
  } catch (err) {
    if (err instanceof BackupRefusedError && !existed) {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
    throw err;
  } finally {
    release();
  }
}

async function restorePostgres(
  file: string,
  payloadOffset: number,
  url: string,
  pgBinDir: string | undefined,
  manifest: BackupManifest,
): Promise<string[]> {
  const db = openPostgres(url, 1);
  try {
    if ((await userRelationCount(db)) > 0) {
      throw new BackupRefusedError(
        `The database at DATABASE_URL is not empty; a restore goes into an empty database (createdb a new one) and never over one. Nothing was restored.`,
      );
    }
    // one transaction: a failed restore leaves the database empty, as it was
    await runTool(
      pgTool(pgBinDir, 'pg_restore'),
      url,
      ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction'],
      fs.createReadStream(file, { start: payloadOffset }),
    );
    return await checkAndMigrate(db, manifest);
  } finally {
    await db.close();
  }
}
