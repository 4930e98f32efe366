import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from '../e2e/server.ts';

const run = promisify(execFile);

/** The PostgreSQL 15 server binaries (as in .ci/run). */
export const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

/**
 * Runs a server binary. initdb and postgres refuse to run as root: as root they run as the
 * postgres user, from / (the postgres user may not enter the checkout), as .ci/run does.
 */
export async function asPostgres(bin: string, args: string[]): Promise<string> {
  const file = path.join(PG_BIN, bin);
  const { stdout } =
    process.getuid?.() === 0
      ? await run('runuser', ['-u', 'postgres', '--', file, ...args], { cwd: '/' })
      : await run(file, args);
  return stdout;
}

/** A folder under /tmp the postgres user owns (world-traversable, so it can reach it). */
export function serverDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join('/tmp', prefix));
  fs.chmodSync(dir, 0o755);
  if (process.getuid?.() === 0) {
    const { uid, gid } = postgresUser();
    fs.chownSync(dir, uid, gid);
  }
  return dir;
}

function postgresUser(): { uid: number; gid: number } {
  const line = fs
    .readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  if (!line) {
    throw new Error('no postgres user on this machine');
  }
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

/** One PostgreSQL server the test started: its data directory, loopback port and log. */
export interface PgServer {
  name: string;
  data: string;
  port: number;
  log: string;
  /** `postgres://postgres@127.0.0.1:<port>/<database>` */
  url(database?: string): string;
}

function server(dir: string, name: string, port: number): PgServer {
  return {
    name,
    data: path.join(dir, name),
    port,
    log: path.join(dir, `${name}.log`),
    url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
  };
}

/** Starts the server on its port (loopback only, socket in `dir`), waiting until it accepts. */
export async function startServer(s: PgServer, settings: string[] = []): Promise<void> {
  const dir = path.dirname(s.data);
  const options = [
    `-p ${s.port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    `-c cluster_name=${s.name}`,
    ...settings.map((x) => `-c ${x}`),
  ].join(' ');
  await asPostgres('pg_ctl', ['-D', s.data, '-l', s.log, '-w', '-o', options, 'start']);
}

/** A new primary: initdb (trust on loopback, replication included) and start. */
export async function startPrimary(dir: string): Promise<PgServer> {
  const s = server(dir, 'primary', await freePort());
  await asPostgres('initdb', [
    '-D',
    s.data,
    '-A',
    'trust',
    '-U',
    'postgres',
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
    // the initial files are not flushed to disk one by one (minutes on a loaded machine); the
    // server itself runs with fsync on, so what the tests write is as durable as in production
    '--no-sync',
  ]);
  await startServer(s);
  return s;
}

/**
 * A hot standby of `primary`: `pg_basebackup -R` (which writes standby.signal and the
 * primary_conninfo) and start. Its cluster_name is its application_name on the primary, which
 * `synchronous_standby_names` names.
 */
export async function startStandby(dir: string, primary: PgServer): Promise<PgServer> {
  const s = server(dir, 'standby', await freePort());
  await asPostgres('pg_basebackup', [
    '-h',
    '127.0.0.1',
    '-p',
    String(primary.port),
    '-U',
    'postgres',
    '-D',
    s.data,
    '-R',
    '-X',
    'stream',
    '--no-sync',
    // an immediate checkpoint on the primary: the default spreads it out over minutes
    '--checkpoint=fast',
  ]);
  await startServer(s);
  return s;
}

/** Stops a server: `immediate` is a crash (no shutdown checkpoint), as when the machine dies. */
export async function stopServer(s: PgServer, mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
  await asPostgres('pg_ctl', ['-D', s.data, '-m', mode, '-w', 'stop']);
}

/** Stops the server if it runs; for cleanup after a failure. */
export async function stopIfRunning(s: PgServer): Promise<void> {
  if (fs.existsSync(path.join(s.data, 'postmaster.pid'))) {
    await stopServer(s, 'immediate').catch(() => undefined);
  }
}

/** Runs statements on one server, on a short-lived connection. */
export async function sql<T extends pg.QueryResultRow = Record<string, unknown>>(
  url: string,
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(text, params)).rows;
  } finally {
    await c.end();
  }
}

/** Polls `check` until it is true, failing with `what` after `ms`. */
export async function until(
  what: string,
  check: () => Promise<boolean>,
  ms = 60_000,
): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await check().catch(() => false)) {
      return;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting: ${what}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
