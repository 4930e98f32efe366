import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** A PostgreSQL server that lives only as long as the benchmark run. */
export interface ThrowawayPostgres {
  /** Connection URL of the `postgres` database as superuser `postgres` (trust auth, loopback). */
  url: string;
  /** Stops the server and deletes its directory; safe to call twice. */
  stop(): void;
}

/** Where Debian's postgresql-15 package puts the server binaries. */
const DEFAULT_BIN = '/usr/lib/postgresql/15/bin';

/**
 * Starts a private PostgreSQL 15 server: `initdb` into a fresh temporary directory, then
 * `pg_ctl start` on a free loopback port with its socket in that directory. As root the binaries
 * run as user `postgres` (initdb refuses root), so the directory is chowned to that user.
 * Server settings stay at their defaults but for `settings` (`name=value`, e.g. a benchmark's
 * `shared_buffers`); fsync and synchronous_commit stay on: the numbers must include the commit
 * flush a real deployment pays.
 */
export async function startThrowawayPostgres(
  settings: readonly string[] = [],
  bin = DEFAULT_BIN,
): Promise<ThrowawayPostgres> {
  if (!fs.existsSync(path.join(bin, 'postgres'))) {
    throw new Error(
      `No PostgreSQL server binaries in ${bin}. Install postgresql-15, or set BENCH_DATABASE_URL.`,
    );
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oversight-bench-pg-'));
  // the postgres user must traverse and own it; mkdtemp creates it 0700 and owned by us
  fs.chmodSync(dir, 0o755);
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    fs.chownSync(dir, uid, gid);
  }
  const run = (command: string, args: string[]): void => {
    const file = path.join(bin, command);
    const [cmd, argv] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', file, ...args]]
      : [file, args];
    execFileSync(cmd, argv, { stdio: ['ignore', 'ignore', 'pipe'] });
  };
  const data = path.join(dir, 'data');
  const port = await freePort();
  let started = false;
  const stop = (): void => {
    if (started) {
      started = false;
      try {
        run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      } catch (err) {
        console.error(`could not stop the throwaway PostgreSQL server: ${String(err)}`);
      }
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync']);
    run('pg_ctl', [
      '-D',
      data,
      '-l',
      path.join(dir, 'server.log'),
      '-w',
      '-o',
      [
        `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`,
        ...settings.map((x) => `-c ${x}`),
      ].join(' '),
      'start',
    ]);
    started = true;
  } catch (err) {
    const log = path.join(dir, 'server.log');
    const tail = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').slice(-2000) : '';
    stop();
    throw new Error(`could not start a throwaway PostgreSQL server: ${String(err)}\n${tail}`);
  }
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop };
}

/** A TCP port nobody listens on right now (the OS picks it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') {
          resolve(address.port);
        } else {
          reject(new Error('no port'));
        }
      });
    });
  });
}
