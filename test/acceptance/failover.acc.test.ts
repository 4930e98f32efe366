import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import { freePort, stopProcess } from '../../e2e/server.ts';
import { openPostgres } from '../../src/server/db/client.ts';
import { addUser, createToken } from '../../src/server/commands/users.ts';
import { verifyAuditChain } from '../../src/server/audit/audit.ts';
import { buildIntake } from '../factories.ts';
import {
  asPostgres,
  serverDir,
  sql,
  startPrimary,
  startStandby,
  stopIfRunning,
  stopServer,
  until,
  type PgServer,
} from '../pg-cluster.ts';

/**
 * Issue 21 item 5 (ADR 0040, docs/operations.md "Failover"): a primary and a hot standby with
 * streaming replication on loopback, the real app server pointed at both (a libpq host list) and
 * reading public statistics from the standby (DATABASE_READ_URL); the primary is killed
 * mid-writes, the standby promoted, and the app carries on by itself. Writes acknowledged
 * before the kill are on the promoted server: all of them with synchronous commit to the
 * standby; without it the loss is bounded by the replication lag and counted. FAILOVER_WRITES
 * sets how many writes precede the kill (default 15).
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const JURISDICTION = 'chicago';
const BEFORE_KILL = Number(process.env.FAILOVER_WRITES ?? 15);
const AFTER_PROMOTION = 10;

interface App {
  baseUrl: string;
  output(): string;
  stop(): Promise<void>;
}

async function startApp(dir: string, databaseUrl: string, readUrl: string): Promise<App> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--port', String(port)],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        DATABASE_READ_URL: readUrl,
        DATABASE_POOL_SIZE: '4',
        OVERSIGHT_DATA_DIR: path.join(dir, 'app'),
        OVERSIGHT_ENCRYPTION_KEY: crypto.randomBytes(32).toString('base64'),
        OVERSIGHT_AUDIT_CHECKPOINT_MINUTES: '0',
        // statistics read afresh on each request, so the read shows on the standby
        OVERSIGHT_PUBLIC_STATS_TTL_SECONDS: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        TZ: 'UTC',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  await until(
    'the app server to be ready',
    async () => {
      if (child.exitCode !== null) {
        throw new Error(`the app exited (${child.exitCode}):\n${output.slice(-3000)}`);
      }
      return (await fetch(`${baseUrl}/ready`)).status === 200;
    },
    120_000,
  ).catch((err: unknown) => {
    child.kill('SIGKILL');
    throw new Error(`${String(err)}\n${output.slice(-3000)}`);
  });
  return {
    baseUrl,
    output: () => output,
    stop: () => stopProcess(child),
  };
}

/** Client connections of the app to the `oversight` database on a server (ours excluded). */
async function appConnections(s: PgServer): Promise<number> {
  const [row] = await sql<{ n: number }>(
    s.url(),
    `SELECT count(*)::int AS n FROM pg_stat_activity
     WHERE datname = 'oversight' AND backend_type = 'client backend' AND pid <> pg_backend_pid()`,
  );
  return row!.n;
}

async function failover(synchronous: boolean): Promise<void> {
  const started = Date.now();
  const seconds = (from: number): string => ((Date.now() - from) / 1000).toFixed(1);
  const dir = serverDir('oversight-failover-');
  let primary: PgServer | undefined;
  let standby: PgServer | undefined;
  let app: App | undefined;
  try {
    primary = await startPrimary(dir);
    await sql(primary.url(), 'CREATE DATABASE oversight');
    standby = await startStandby(dir, primary);
    if (synchronous) {
      // set on the primary only, after the base backup: the promoted standby must not wait for a
      // standby of its own it does not have
      await sql(primary.url(), `ALTER SYSTEM SET synchronous_standby_names = 'standby'`);
      await sql(primary.url(), 'SELECT pg_reload_conf()');
    }
    const p = primary;
    await until('the standby to stream', async () => {
      const rows = await sql<{ sync_state: string }>(
        p.url(),
        `SELECT sync_state FROM pg_stat_replication WHERE application_name = 'standby' AND state = 'streaming'`,
      );
      return rows[0]?.sync_state === (synchronous ? 'sync' : 'async');
    });

    // the app is pointed at both; the standby also takes its read-only public reads
    const both = `postgres://postgres@127.0.0.1:${primary.port},127.0.0.1:${standby.port}/oversight?target_session_attrs=read-write`;
    const appStarted = Date.now();
    app = await startApp(dir, both, standby.url('oversight'));
    console.log(`servers up in ${seconds(started)} s, app ready in ${seconds(appStarted)} s`);
    const staff = openPostgres(primary.url('oversight'), 1);
    let token: string;
    try {
      const sys = { db: staff, now: () => new Date(), jurisdiction: JURISDICTION };
      await addUser(sys, { email: 'intake@copa.example', agency: 'COPA', roles: ['intake'] });
      token = (await createToken(sys, { email: 'intake@copa.example' })).token;
    } finally {
      await staff.close();
    }

    // DATABASE_READ_URL: a public statistics read runs on the standby
    const s = standby;
    expect(await appConnections(s)).toBe(0);
    const stats = await fetch(`${app.baseUrl}/api/public/v1/stats`);
    expect(stats.status).toBe(200);
    expect(await appConnections(s)).toBeGreaterThan(0);

    // writers: each acknowledged intake is remembered with the phase it was acknowledged in
    const acked: Array<{ log: string; phase: 'before' | 'after' }> = [];
    let phase: 'before' | 'down' | 'after' = 'before';
    let failures = 0;
    let stop = false;
    const a = app;
    const writer = async (): Promise<void> => {
      while (!stop) {
        const answered = phase;
        try {
          const res = await fetch(`${a.baseUrl}/api/v1/cases`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: JSON.stringify(buildIntake()),
          });
          if (res.status === 201) {
            const { logNumber } = (await res.json()) as { logNumber: string };
            // a write answered while the primary was down can only have gone to the new one
            acked.push({ log: logNumber, phase: answered === 'before' ? 'before' : 'after' });
          } else {
            failures++;
            await res.arrayBuffer();
            await new Promise((r) => setTimeout(r, 100));
          }
        } catch {
          failures++;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
    };
    const writers = [writer(), writer(), writer()];
    try {
      await until('writes before the failure', () => Promise.resolve(acked.length >= BEFORE_KILL));
      // the primary's machine dies: no shutdown checkpoint, connections cut
      phase = 'down';
      const killedAt = Date.now();
      await stopServer(primary, 'immediate');
      const ackedBeforeKill = acked.filter((x) => x.phase === 'before').length;
      await asPostgres('pg_ctl', ['-D', standby.data, '-w', 'promote']);
      phase = 'after';
      const promotedAt = acked.length;
      await until(
        'the first write on the promoted server',
        () => Promise.resolve(acked.length > promotedAt),
        60_000,
      );
      console.log(`writes acknowledged again ${seconds(killedAt)} s after the kill`);
      await until(
        'writes on the promoted server',
        () => Promise.resolve(acked.length >= promotedAt + AFTER_PROMOTION),
        90_000,
      );
      stop = true;
      await Promise.all(writers);

      const onPromoted = new Set(
        (
          await sql<{ log_number: string }>(
            standby.url('oversight'),
            'SELECT log_number FROM cases',
          )
        ).map((r) => r.log_number),
      );
      const lost = acked.filter((x) => !onPromoted.has(x.log));
      const lostBefore = lost.filter((x) => x.phase === 'before');
      console.log(
        `failover (${synchronous ? 'synchronous' : 'asynchronous'} commit): ${ackedBeforeKill} writes acknowledged before the kill, ${acked.length - ackedBeforeKill} after, ${failures} refused or failed during the failover, ${lostBefore.length} acknowledged writes missing on the promoted server`,
      );
      // everything acknowledged by the promoted server itself is there
      expect(lost.filter((x) => x.phase === 'after')).toEqual([]);
      if (synchronous) {
        // synchronous commit: no acknowledged write is lost
        expect(lostBefore).toEqual([]);
      }
      // whatever the mode, the promoted server holds a whole audit chain (a prefix, never a tear)
      const promoted = openPostgres(standby.url('oversight'), 1);
      try {
        const verified = await verifyAuditChain(promoted, JURISDICTION);
        expect(verified.problems).toEqual([]);
        expect(verified.ok).toBe(true);
      } finally {
        await promoted.close();
      }
      // and the app is ready on it
      expect((await fetch(`${app.baseUrl}/ready`)).status).toBe(200);
      console.log(`whole run ${seconds(started)} s`);
    } finally {
      stop = true;
      await Promise.allSettled(writers);
    }
  } catch (err) {
    for (const s of [primary, standby]) {
      if (s && fs.existsSync(s.log)) {
        console.error(`--- ${s.name} log ---\n${fs.readFileSync(s.log, 'utf8').slice(-2000)}`);
      }
    }
    if (app) {
      console.error(`--- app output ---\n${app.output().slice(-3000)}`);
    }
    throw err;
  } finally {
    await app?.stop();
    for (const s of [standby, primary]) {
      if (s) {
        await stopIfRunning(s);
      }
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('a standby that takes over (issue 21 item 5)', () => {
  it('synchronous commit: the primary dies mid-writes, the standby is promoted, the app carries on and no acknowledged write is lost', async () => {
    await failover(true);
  });

  it('asynchronous commit: the same failover; the acknowledged writes lost (if any) are counted, the chain is whole', async () => {
    await failover(false);
  });
});
