/**
 * The kill harness of issue 21 item 3: the real `oversight` processes (the server, an import)
 * started as the README documents, killed with SIGKILL, and what a restart finds inspected.
 *
 * The inspection runs in a child process (`kill-inspect.ts`) that opens the database exactly as a
 * restarted process does (`openRuntime`: the embedded data-directory lock, migrations, the audit
 * head): the test process never opens the embedded database itself, so it never holds a second
 * copy of PGlite's memory and never races the server for the lock.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { verifyAuditTrail } from '../../src/server/audit/checkpoints.ts';
import type { Queryable } from '../../src/server/db/client.ts';
import type { Runtime } from '../../src/server/runtime.ts';
import { freePort } from '../../e2e/server.ts';
import { startThrowawayPostgres } from '../../bench/throwaway-postgres.ts';
import { freshServerDatabase } from '../test-db.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = path.join(ROOT, 'bin/oversight.js');
const INSPECT = fileURLToPath(new URL('./kill-inspect.ts', import.meta.url));

export type Engine = 'pglite' | 'postgres';

/** One database the processes under test share: the environment that points them at it. */
export interface Target {
  env: NodeJS.ProcessEnv;
  dispose: () => Promise<void>;
}

/**
 * Makes fresh targets for one engine: a new data directory each (PGlite), or a new database each
 * on the server of TEST_DATABASE_URL, or else on a throwaway PostgreSQL 15 started here.
 */
export async function targets(engine: Engine): Promise<{
  make: () => Promise<Target>;
  close: () => Promise<void>;
}> {
  let serverUrl: string | undefined;
  let stopServer = (): void => undefined;
  if (engine === 'postgres') {
    serverUrl = process.env.TEST_DATABASE_URL;
    if (!serverUrl) {
      const pg = await startThrowawayPostgres();
      serverUrl = pg.url;
      stopServer = () => pg.stop();
    }
  }
  return {
    async make() {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `oversight-kill-${engine}-`));
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        OVERSIGHT_DATA_DIR: dataDir,
        // one key for the run: a server database needs one given, and a restart must find it
        OVERSIGHT_ENCRYPTION_KEY: crypto.randomBytes(32).toString('base64'),
        DATABASE_URL: '',
        LOG_LEVEL: 'warn',
        TZ: 'UTC',
      };
      let drop = async (): Promise<void> => undefined;
      if (serverUrl) {
        const db = await freshServerDatabase(serverUrl);
        env.DATABASE_URL = db.url;
        drop = db.drop;
      }
      return {
        env,
        async dispose() {
          await drop();
          fs.rmSync(dataDir, { recursive: true, force: true });
        },
      };
    },
    async close() {
      stopServer();
    },
  };
}

/** A started `oversight` process and what it printed. */
export interface Proc {
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}

/** Starts `oversight <args>` (bin/oversight.js, as the README runs it) in its own process. */
export function start(env: NodeJS.ProcessEnv, args: string[]): Proc {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ? null : code)),
  );
  return { child, output: () => out, exited };
}

/** Runs `oversight <args>` to its end; throws with its output when it does not exit 0. */
export async function run(env: NodeJS.ProcessEnv, args: string[]): Promise<string> {
  const p = start(env, args);
  const code = await p.exited;
  if (code !== 0) {
    throw new Error(`oversight ${args.join(' ')} exited ${code}:\n${p.output().slice(-3000)}`);
  }
  return p.output();
}

/** SIGKILL: no handler runs, nothing is flushed or closed; resolves when the process is gone. */
export async function sigkill(p: Proc): Promise<void> {
  p.child.kill('SIGKILL');
  await p.exited;
  p.child.stdout?.destroy();
  p.child.stderr?.destroy();
}

/** A staff user who may file and move cases, and a bearer token for it (made before serving). */
export async function staffToken(env: NodeJS.ProcessEnv): Promise<string> {
  await run(env, [
    'users',
    'add',
    'kill@copa.example',
    '--role',
    'chief_administrator',
    '--agency',
    'COPA',
  ]);
  const out = await run(env, ['tokens', 'create', 'kill@copa.example', '--label', 'kill harness']);
  const token = /^(ovs_\S+)$/m.exec(out)?.[1];
  if (!token) {
    throw new Error(`no token printed:\n${out}`);
  }
  return token;
}

/** `oversight serve` on a free loopback port; resolves when /health answers. */
export async function serve(env: NodeJS.ProcessEnv): Promise<Proc & { baseUrl: string }> {
  const port = await freePort();
  const p = start(env, ['serve', '--port', String(port), '--host', '127.0.0.1']);
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (p.child.exitCode !== null) {
      throw new Error(`the server exited (${p.child.exitCode}):\n${p.output().slice(-3000)}`);
    }
    try {
      if ((await fetch(`${baseUrl}/health`)).ok) {
        return { ...p, baseUrl };
      }
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await sigkill(p);
      throw new Error(`the server did not start in time:\n${p.output().slice(-3000)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** What a restarted process finds in the database (see `inspect`). */
export interface Found {
  /** Log numbers of every case, one entry per row (a duplicate would show twice). */
  logNumbers: string[];
  counters: Array<{ year: number; lastSeq: number }>;
  /** Entity ids (log numbers) of the `case.filed` audit events. */
  filedAudit: string[];
  allegationIds: string[];
  allegationAudit: string[];
  /** One `log number>status` per status change made by a person (not by intake or import). */
  transitions: string[];
  /** One log number per `case.transitioned` audit event. */
  transitionAudit: string[];
  metDeadlines: string[];
  metAudit: string[];
  audit: { ok: boolean; checked: number; problems: string[] };
  /** Counts and checksums of what an import writes (compare two imports of the same files). */
  fingerprint: Record<string, string>;
}

const col = async (db: Queryable, sql: string, params: unknown[] = []): Promise<string[]> =>
  (await db.query<{ v: string }>(sql, params)).map((r) => String(r.v));

/** Reads everything the checks need, in the opened runtime of a restarted process. */
export async function inspect(rt: Runtime): Promise<Found> {
  const { db, jurisdiction: j } = rt;
  const audited = (action: string) =>
    col(db, `SELECT entity_id AS v FROM audit_events WHERE jurisdiction = $1 AND action = $2`, [
      j,
      action,
    ]);
  const trail = await verifyAuditTrail(db, j, rt.auditKey.publicKey);
  const fingerprint = (
    await db.query<Record<string, string>>(
      `SELECT
         (SELECT count(*) FROM cases WHERE jurisdiction = $1)::text AS cases,
         (SELECT count(*) FROM allegations WHERE jurisdiction = $1)::text AS allegations,
         (SELECT count(*) FROM members WHERE jurisdiction = $1)::text AS members,
         (SELECT count(*) FROM parties WHERE jurisdiction = $1)::text AS parties,
         (SELECT count(*) FROM import_runs WHERE jurisdiction = $1)::text AS import_runs,
         (SELECT count(*) FROM audit_events WHERE jurisdiction = $1)::text AS audit_events,
         (SELECT coalesce(md5(string_agg(concat_ws('|', log_number, case_type, status,
                   received_at, lead_agency, narrative), ',' ORDER BY log_number)), '')
            FROM cases WHERE jurisdiction = $1) AS cases_md5,
         (SELECT coalesce(md5(string_agg(x, ',' ORDER BY x)), '') FROM (
            SELECT concat_ws('|', c.log_number, a.category, m.star, m.last_name, a.final_finding) AS x
              FROM allegations a JOIN cases c ON c.id = a.case_id
              LEFT JOIN members m ON m.id = a.member_id WHERE a.jurisdiction = $1) s)
           AS allegations_md5,
         (SELECT coalesce(md5(string_agg(x, ',' ORDER BY x)), '') FROM (
            SELECT concat_ws('|', file_name, file_sha256, kind, read, inserted, updated,
                     unchanged, rejected) AS x
              FROM import_runs WHERE jurisdiction = $1) s) AS import_runs_md5`,
      [j],
    )
  )[0]!;
  return {
    logNumbers: await col(db, `SELECT log_number AS v FROM cases WHERE jurisdiction = $1`, [j]),
    counters: (
      await db.query<{ year: number; last_seq: number }>(
        `SELECT year, last_seq FROM log_number_counters WHERE jurisdiction = $1`,
        [j],
      )
    ).map((r) => ({ year: Number(r.year), lastSeq: Number(r.last_seq) })),
    filedAudit: await audited('case.filed'),
    allegationIds: await col(db, `SELECT id AS v FROM allegations WHERE jurisdiction = $1`, [j]),
    allegationAudit: await audited('allegation.added'),
    transitions: await col(
      db,
      `SELECT c.log_number || '>' || h.to_status AS v
         FROM case_status_history h JOIN cases c ON c.id = h.case_id
        WHERE h.jurisdiction = $1 AND h.from_status IS NOT NULL`,
      [j],
    ),
    transitionAudit: await audited('case.transitioned'),
    metDeadlines: await col(
      db,
      `SELECT id AS v FROM deadlines WHERE jurisdiction = $1 AND met_at IS NOT NULL`,
      [j],
    ),
    metAudit: await audited('deadline.met'),
    audit: {
      ok: trail.ok,
      checked: trail.checked,
      problems: trail.problems.map((p) => `seq ${p.seq}: ${p.problem} (${p.detail})`),
    },
    fingerprint,
  };
}

/** Opens the target as a restarted process would (a child process) and reads what it finds. */
export async function restartAndInspect(env: NodeJS.ProcessEnv): Promise<Found> {
  const child = spawn(process.execPath, ['--import', 'tsx', INSPECT], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) {
    throw new Error(`the restart could not open the database (exit ${code}):\n${err.slice(-3000)}`);
  }
  return JSON.parse(out) as Found;
}

/** Counts of each value. */
export function tally(values: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const v of values) {
    m.set(v, (m.get(v) ?? 0) + 1);
  }
  return m;
}

/**
 * What must hold at rest after any kill, whatever was in flight: nothing half-written is visible.
 * Returns the problems found (none is a pass).
 *  - log numbers per year are 1..last_seq, each once (ADR 0005: a number is taken in the intake
 *    transaction and returned by its rollback, so an interrupted intake leaves no gap); after an
 *    import (`imported`), the counter is past every imported number;
 *  - every case has exactly one `case.filed` audit event and every such event its case (ADR 0004:
 *    the audit row is written in the same transaction);
 *  - the same for allegations, status changes (per case) and met deadlines.
 */
export function halfWritten(f: Found, imported = false): string[] {
  const problems: string[] = [];
  const byYear = new Map<number, number[]>();
  for (const ln of f.logNumbers) {
    const [y, n] = ln.split('-');
    if (n !== undefined) {
      byYear.set(Number(y), [...(byYear.get(Number(y)) ?? []), Number(n)]);
    }
  }
  for (const { year, lastSeq } of f.counters) {
    const seqs = [...(byYear.get(year) ?? [])].sort((a, b) => a - b);
    if (imported) {
      // historic numbers have their own gaps; the counter must be past every one of them, in
      // the same transaction, or the next intake would take a number already used (ADR 0005)
      if (seqs.length > 0 && seqs[seqs.length - 1]! > lastSeq) {
        problems.push(`counter of ${year} at ${lastSeq}, below imported ${seqs.at(-1)}`);
      }
      continue;
    }
    const expected = Array.from({ length: lastSeq }, (_, i) => i + 1);
    if (JSON.stringify(seqs) !== JSON.stringify(expected)) {
      problems.push(
        `log numbers of ${year} are not 1..${lastSeq}: ${seqs.length} numbers, first gaps at ${expected
          .filter((n) => !seqs.includes(n))
          .slice(0, 5)
          .join(', ')}`,
      );
    }
  }
  const same = (what: string, rows: readonly string[], audit: readonly string[]): void => {
    const a = tally(rows);
    const b = tally(audit);
    for (const [k, n] of a) {
      if (b.get(k) !== n) {
        problems.push(`${what} ${k}: ${n} row(s), ${b.get(k) ?? 0} audit event(s)`);
      }
    }
    for (const [k, n] of b) {
      if (!a.has(k)) {
        problems.push(`${what} ${k}: ${n} audit event(s) and no row`);
      }
    }
  };
  // imported cases carry one audit event per file, not per case
  if (!imported) {
    same('case', f.logNumbers, f.filedAudit);
    same('allegation', f.allegationIds, f.allegationAudit);
  }
  same(
    'status change of case',
    f.transitions.map((t) => t.split('>')[0]!),
    f.transitionAudit,
  );
  same('met deadline', f.metDeadlines, f.metAudit);
  if (!f.audit.ok) {
    problems.push(`audit chain: ${f.audit.problems.slice(0, 5).join('; ')}`);
  }
  return problems;
}
