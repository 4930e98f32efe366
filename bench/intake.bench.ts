/**
 * Concurrent intake through the real HTTP app, on PostgreSQL and on PGlite.
 *
 * Each round builds a fresh database and the real app (buildApp, logger at `info` into a
 * discarding stream), listens on a loopback port, and a separate load process keeps
 * BENCH_CONCURRENCY POST /api/v1/cases requests in flight. In the same round and on the same
 * database the baseline runs: the same number of plain single-row INSERTs into a bare staging
 * table, with the same concurrency through the same pool. Several rounds give the spread
 * (min / median / max), which is the noise of this machine.
 *
 * After each round the log numbers are checked: per year unique and gap-free (1..N), equal to
 * the counter row and to what the API answered; the audit chain is verified too. A failed check
 * or a failed request makes the run exit non-zero. Throughput is printed, never asserted.
 *
 * Settings (environment): BENCH_DATABASE_URL or DATABASE_URL (a PostgreSQL server to use;
 * otherwise a throwaway PostgreSQL 15 is started), BENCH_ENGINES (`postgres,pglite`),
 * BENCH_ROUNDS (3), BENCH_CONCURRENCY (32), BENCH_N_POSTGRES (2000), BENCH_N_PGLITE (500),
 * BENCH_POOL_SIZE (the app's default when unset).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import pg from 'pg';
import { buildApp } from '../src/server/app.ts';
import { ensureAuditHead, verifyAuditChain } from '../src/server/audit/audit.ts';
import { addUser, createToken } from '../src/server/commands/users.ts';
import { openPglite, openPostgres, type Db, type Queryable } from '../src/server/db/client.ts';
import { migrate } from '../src/server/db/migrate.ts';
import { parseLogNumber } from '../src/server/domain/log-number.ts';
import { chicagoProfile } from '../src/server/domain/profiles/chicago.ts';
import { createFieldCipher } from '../src/server/security/encryption.ts';
import { intakeBody, prng } from './intake-bodies.ts';
import type { LoadJob, LoadResult } from './intake-load.ts';
import { ForkedLoad, intSetting, percentile, runMain } from './measure.ts';
import { startThrowawayPostgres, type ThrowawayPostgres } from './throwaway-postgres.ts';

type Engine = 'postgres' | 'pglite';

const JURISDICTION = 'chicago';
/** Measured intakes are received in this year; warm-up intakes in the year before. */
const YEAR = 2024;
const WARMUP_YEAR = YEAR - 1;
/** The target of issue 3: sustained intake on PostgreSQL. */
const TARGET_CASES_PER_SECOND = 200;

const settings = {
  engines: (process.env.BENCH_ENGINES ?? 'postgres,pglite')
    .split(',')
    .map((e) => e.trim())
    .filter((e): e is Engine => e === 'postgres' || e === 'pglite'),
  rounds: intSetting('BENCH_ROUNDS', 3),
  concurrency: intSetting('BENCH_CONCURRENCY', 32),
  n: {
    postgres: intSetting('BENCH_N_POSTGRES', 2000),
    pglite: intSetting('BENCH_N_PGLITE', 500),
  } satisfies Record<Engine, number>,
  poolSize: process.env.BENCH_POOL_SIZE ? intSetting('BENCH_POOL_SIZE', 10) : undefined,
  url: process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL,
};

/** One measured run of N operations. */
interface Measurement {
  n: number;
  elapsedMs: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
}

interface RoundResult {
  intake: Measurement;
  baseline: Measurement;
  /** intake cases/s ÷ baseline rows/s. */
  ratio: number;
  trace: DbTrace;
  /** Share of the intake wall time during which some intake held the counter row lock. */
  lockBusy: number;
  checks: string[];
  ok: boolean;
}

function measurement(n: number, elapsedMs: number, latencies: readonly number[]): Measurement {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    n,
    elapsedMs,
    perSecond: n / (elapsedMs / 1000),
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
  };
}

/** Runs `n` operations with `concurrency` in flight; returns wall time and latencies. */
async function drive(
  n: number,
  concurrency: number,
  op: (i: number) => Promise<void>,
): Promise<{ elapsedMs: number; latencies: number[] }> {
  const latencies: number[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < n; i = next++) {
      const t0 = performance.now();
      await op(i);
      latencies.push(performance.now() - t0);
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { elapsedMs: performance.now() - t0, latencies };
}

/** A fresh, migrated database for one round, and how to throw it away. */
interface RoundDb {
  db: Db;
  drop: () => Promise<void>;
}

/** What the app did to the database during the measured intakes. */
interface DbTrace {
  /** Statements sent outside a transaction (the bearer-token lookup). */
  standalone: number;
  /** Statements sent inside transactions (BEGIN and COMMIT not counted). */
  inTransaction: number;
  transactions: number;
  /**
   * Per intake: from the log-number counter upsert returning (its row lock is held from then on)
   * to the end of the transaction (the lock is released at COMMIT).
   */
  counterLockHeldMs: number[];
}

function newTrace(): DbTrace {
  return { standalone: 0, inTransaction: 0, transactions: 0, counterLockHeldMs: [] };
}

/**
 * Wraps the app's database handle to count statements and time how long each intake holds the
 * log-number counter row lock, the section every intake must pass through one at a time. The
 * cost is two clock reads per statement.
 */
function traced(db: Db, trace: () => DbTrace): Db {
  return {
    engine: db.engine,
    listen: (channel, onNotify, onLive) => db.listen(channel, onNotify, onLive),
    query: <T>(text: string, params?: readonly unknown[]) => {
      trace().standalone++;
      return db.query<T>(text, params);
    },
    copyFrom: (table, columns, data) => db.copyFrom(table, columns, data),
    transaction: async <T>(fn: (tx: Queryable) => Promise<T>) => {
      const t = trace();
      t.transactions++;
      let lockedAt: number | undefined;
      try {
        return await db.transaction((tx) =>
          fn({
            query: async <R>(text: string, params?: readonly unknown[]) => {
              t.inTransaction++;
              const rows = await tx.query<R>(text, params);
              if (lockedAt === undefined && text.includes('log_number_counters')) {
                lockedAt = performance.now();
              }
              return rows;
            },
            copyFrom: (table, columns, data) => tx.copyFrom(table, columns, data),
          }),
        );
      } finally {
        if (lockedAt !== undefined) {
          t.counterLockHeldMs.push(performance.now() - lockedAt);
        }
      }
    },
    reader: db.reader,
    poolStats: () => db.poolStats(),
    close: () => db.close(),
  };
}

async function freshDatabase(engine: Engine, serverUrl: string | undefined): Promise<RoundDb> {
  let roundDb: RoundDb;
  if (engine === 'pglite') {
    // on disk, as the product runs by default (PGlite in the data directory)
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oversight-bench-pglite-'));
    const db = await openPglite(dir);
    roundDb = {
      db,
      drop: async () => {
        await db.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  } else {
    const name = `oversight_bench_${crypto.randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(serverUrl!);
    url.pathname = `/${name}`;
    const db = openPostgres(url.toString(), settings.poolSize);
    roundDb = {
      db,
      drop: async () => {
        await db.close();
        const c = new pg.Client({ connectionString: serverUrl });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  await migrate(roundDb.db);
  await ensureAuditHead(roundDb.db, JURISDICTION);
  // the baseline's table: no foreign keys, no secondary indexes, no trigger
  await roundDb.db.query(
    `CREATE TABLE bench_staging (id uuid PRIMARY KEY, body text NOT NULL, created_at timestamptz NOT NULL)`,
  );
  return roundDb;
}

/** A discarding log destination that keeps the first few error lines for the report. */
function logSink(): { stream: Writable; errors: string[] } {
  const errors: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      if (errors.length < 5) {
        const line = chunk.toString('utf8');
        if (/"level":(50|60)/.test(line)) {
          errors.push(line.slice(0, 500));
        }
      }
      cb();
    },
  });
  return { stream, errors };
}

/**
 * The correctness check: per year, log numbers are 1..N with no duplicate and no gap, the counter
 * row says N, and the API answered exactly the numbers the database holds. Also verifies the
 * audit hash chain the intakes appended to.
 */
async function checkRound(
  db: Db,
  expected: Map<number, number>,
  answered: readonly string[],
): Promise<{ ok: boolean; lines: string[] }> {
  const lines: string[] = [];
  let ok = true;
  const rows = await db.query<{ log_number: string }>(
    `SELECT log_number FROM cases WHERE jurisdiction = $1`,
    [JURISDICTION],
  );
  const byYear = new Map<number, number[]>();
  for (const { log_number } of rows) {
    const parsed = parseLogNumber(log_number);
    if (parsed?.kind !== 'modern') {
      lines.push(`FAIL malformed log number ${log_number}`);
      ok = false;
      continue;
    }
    const list = byYear.get(parsed.year) ?? [];
    list.push(parsed.seq);
    byYear.set(parsed.year, list);
  }
  const counters = new Map(
    (
      await db.query<{ year: number; last_seq: number }>(
        `SELECT year, last_seq FROM log_number_counters WHERE jurisdiction = $1`,
        [JURISDICTION],
      )
    ).map((r) => [Number(r.year), Number(r.last_seq)]),
  );
  for (const year of [...new Set([...byYear.keys(), ...expected.keys()])].sort()) {
    const seqs = (byYear.get(year) ?? []).sort((a, b) => a - b);
    const want = expected.get(year) ?? 0;
    let duplicates = 0;
    let gaps = 0;
    for (let i = 0; i < seqs.length; i++) {
      const prev = i === 0 ? 0 : seqs[i - 1]!;
      if (seqs[i] === prev) {
        duplicates++;
      } else if (seqs[i]! > prev + 1) {
        gaps += seqs[i]! - prev - 1;
      }
    }
    const counter = counters.get(year) ?? 0;
    const good =
      duplicates === 0 &&
      gaps === 0 &&
      seqs.length === want &&
      seqs[0] === 1 &&
      seqs[seqs.length - 1] === want &&
      counter === want;
    ok &&= good;
    lines.push(
      `${good ? 'ok  ' : 'FAIL'} log numbers of ${year}: ${seqs.length} cases (expected ${want}), ` +
        `range ${seqs[0] ?? '-'}..${seqs[seqs.length - 1] ?? '-'}, ${duplicates} duplicates, ${gaps} gaps, counter at ${counter}`,
    );
  }
  const answeredSet = new Set(answered);
  const held = new Set(rows.map((r) => r.log_number));
  const matches =
    answeredSet.size === answered.length && [...answeredSet].every((n) => held.has(n));
  ok &&= matches;
  lines.push(
    `${matches ? 'ok  ' : 'FAIL'} API answered ${answered.length} log numbers, ${answeredSet.size} distinct, all in the database`,
  );
  const chain = await verifyAuditChain(db, JURISDICTION);
  ok &&= chain.ok;
  lines.push(
    `${chain.ok ? 'ok  ' : 'FAIL'} audit chain: ${chain.checked} events verified, ${chain.problems.length} problems`,
  );
  return { ok, lines };
}

async function runRound(
  engine: Engine,
  round: number,
  serverUrl: string | undefined,
  load: ForkedLoad<LoadJob, LoadResult>,
): Promise<RoundResult> {
  const n = settings.n[engine];
  const warmup = Math.max(20, Math.floor(n / 20));
  const { db, drop } = await freshDatabase(engine, serverUrl);
  const sink = logSink();
  let trace = newTrace();
  const app = await buildApp({
    db: traced(db, () => trace),
    cipher: createFieldCipher(crypto.randomBytes(32)),
    profile: chicagoProfile,
    jurisdiction: JURISDICTION,
    // production logs every request at info; the lines go nowhere but are still built
    logLevel: 'info',
    logStream: sink.stream,
  });
  let open = true;
  const closeApp = async (): Promise<void> => {
    if (open) {
      open = false;
      await app.close();
    }
  };
  try {
    const baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
    const sys = { db, now: () => new Date(), jurisdiction: JURISDICTION };
    await addUser(sys, { email: 'intake@example.gov', agency: 'COPA', roles: ['intake'] });
    await addUser(sys, { email: 'supervisor@example.gov', agency: 'COPA', roles: ['supervisor'] });
    const { token } = await createToken(sys, { email: 'intake@example.gov' });
    const supervisor = await createToken(sys, { email: 'supervisor@example.gov' });
    const facilityCodes: string[] = [];
    for (let d = 1; d <= 25; d++) {
      const district = String(d).padStart(3, '0');
      const res = await fetch(`${baseUrl}/api/v1/facilities`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${supervisor.token}`,
        },
        body: JSON.stringify({
          code: `D${district}`,
          name: `District ${d} station`,
          kind: 'district_station',
          district,
        }),
      });
      if (res.status !== 201) {
        throw new Error(`facility setup failed: ${res.status} ${await res.text()}`);
      }
      facilityCodes.push(`D${district}`);
    }

    const job = (count: number, year: number, seed: number): LoadJob => ({
      baseUrl,
      token,
      n: count,
      concurrency: settings.concurrency,
      seed,
      year,
      facilityCodes,
    });
    const rand = prng(round * 7919);
    const payloads = Array.from({ length: n + warmup }, () =>
      JSON.stringify(intakeBody(rand, YEAR, facilityCodes)),
    );
    const insertStaging = (i: number): Promise<unknown> =>
      db.query(`INSERT INTO bench_staging (id, body, created_at) VALUES ($1, $2, $3)`, [
        crypto.randomUUID(),
        payloads[i]!,
        new Date(),
      ]);

    // warm-up: JIT, connections, caches; its intakes take log numbers of the year before
    const warm = await load.run(job(warmup, WARMUP_YEAR, round * 104729 + 1));
    await drive(warmup, settings.concurrency, async (i) => {
      await insertStaging(n + i);
    });

    const runBaseline = async (): Promise<Measurement> => {
      const { elapsedMs, latencies } = await drive(n, settings.concurrency, async (i) => {
        await insertStaging(i);
      });
      return measurement(n, elapsedMs, latencies);
    };
    const runIntake = async (): Promise<{ m: Measurement; result: LoadResult }> => {
      const result = await load.run(job(n, YEAR, round * 104729 + 2));
      return { m: measurement(n, result.elapsedMs, result.latenciesMs), result };
    };
    trace = newTrace();
    // alternate the order so a drift of the machine does not always favour the same side
    let baseline: Measurement;
    let intake: { m: Measurement; result: LoadResult };
    if (round % 2 === 1) {
      baseline = await runBaseline();
      intake = await runIntake();
    } else {
      intake = await runIntake();
      baseline = await runBaseline();
    }
    await closeApp();

    const failures = warm.failures + intake.result.failures;
    const check = await checkRound(
      db,
      new Map([
        [WARMUP_YEAR, warm.logNumbers.length],
        [YEAR, intake.result.logNumbers.length],
      ]),
      [...warm.logNumbers, ...intake.result.logNumbers],
    );
    const checks = [...check.lines];
    if (failures > 0) {
      checks.push(`FAIL ${failures} intake requests failed`);
      for (const sample of [...warm.failureSamples, ...intake.result.failureSamples].slice(0, 5)) {
        checks.push(`     ${sample}`);
      }
      for (const line of sink.errors) {
        checks.push(`     log: ${line.trim()}`);
      }
    }
    const staged = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM bench_staging`);
    const stagedOk = staged[0]?.n === n + warmup;
    checks.push(`${stagedOk ? 'ok  ' : 'FAIL'} baseline table holds ${staged[0]?.n} rows`);
    return {
      intake: intake.m,
      baseline,
      ratio: intake.m.perSecond / baseline.perSecond,
      trace,
      lockBusy: trace.counterLockHeldMs.reduce((a, b) => a + b, 0) / intake.m.elapsedMs,
      checks,
      ok: check.ok && failures === 0 && stagedOk,
    };
  } finally {
    await closeApp();
    await drop();
  }
}

const fmt = (v: number, digits = 1): string => v.toFixed(digits);

function spread(values: number[]): { min: number; median: number; max: number; noise: number } {
  const s = [...values].sort((a, b) => a - b);
  const median =
    s.length % 2 === 1 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
  const min = s[0]!;
  const max = s[s.length - 1]!;
  return { min, median, max, noise: median === 0 ? 0 : (max - min) / median };
}

function printSummary(engine: Engine, results: RoundResult[]): void {
  const row = (label: string, values: number[], unit: string, digits = 1): void => {
    const s = spread(values);
    console.log(
      `  ${label.padEnd(26)} ${fmt(s.min, digits).padStart(9)} ${fmt(s.median, digits).padStart(9)} ${fmt(s.max, digits).padStart(9)}  ${unit.padEnd(8)} spread ${fmt(s.noise * 100, 0)}%`,
    );
  };
  console.log(
    `\n${engine}: ${results.length} rounds of N=${settings.n[engine]}, concurrency ${settings.concurrency}`,
  );
  console.log(
    `  ${''.padEnd(26)} ${'min'.padStart(9)} ${'median'.padStart(9)} ${'max'.padStart(9)}            (max−min)/median`,
  );
  row(
    'intake throughput',
    results.map((r) => r.intake.perSecond),
    'cases/s',
  );
  row(
    'intake latency p50',
    results.map((r) => r.intake.p50),
    'ms',
  );
  row(
    'intake latency p95',
    results.map((r) => r.intake.p95),
    'ms',
  );
  row(
    'intake latency p99',
    results.map((r) => r.intake.p99),
    'ms',
  );
  row(
    'baseline throughput',
    results.map((r) => r.baseline.perSecond),
    'rows/s',
  );
  row(
    'baseline latency p95',
    results.map((r) => r.baseline.p95),
    'ms',
  );
  row(
    'ratio intake/baseline',
    results.map((r) => r.ratio),
    '',
    3,
  );
  if (engine === 'postgres') {
    const median = spread(results.map((r) => r.intake.perSecond)).median;
    console.log(
      `  target ≥ ${TARGET_CASES_PER_SECOND} cases/s: ${median >= TARGET_CASES_PER_SECOND ? 'met' : 'NOT met'} (median ${fmt(median)})`,
    );
  }
}

/** The 1-minute load average: other work on the machine is part of the noise. */
function loadAverage(): string {
  return fmt(os.loadavg()[0] ?? 0, 2);
}

async function describeMachine(): Promise<void> {
  const cpus = os.cpus();
  console.log(`Oversight intake benchmark, ${new Date().toISOString()}`);
  console.log(
    `machine: ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${fmt(os.totalmem() / 2 ** 30)} GiB RAM, ` +
      `${os.type()} ${os.release()}, Node ${process.version}; load average ${loadAverage()} at start`,
  );
  console.log(
    `load: a separate process keeps ${settings.concurrency} POST /api/v1/cases in flight over loopback HTTP/1.1 keep-alive; ` +
      `app logger at info into a discarding stream`,
  );
}

async function main(): Promise<number> {
  await describeMachine();
  let server: ThrowawayPostgres | undefined;
  const load = new ForkedLoad<LoadJob, LoadResult>('intake-load.ts');
  const stopServer = (): void => server?.stop();
  process.once('SIGINT', () => {
    stopServer();
    process.exit(130);
  });
  let ok = true;
  try {
    for (const engine of settings.engines) {
      let serverUrl: string | undefined;
      if (engine === 'postgres') {
        if (settings.url) {
          serverUrl = settings.url;
        } else {
          server = await startThrowawayPostgres();
          serverUrl = server.url;
        }
        const c = new pg.Client({ connectionString: serverUrl });
        await c.connect();
        const info = await c.query<{ v: string; f: string; s: string; b: string }>(
          `SELECT version() AS v, current_setting('fsync') AS f, current_setting('synchronous_commit') AS s,
                  current_setting('shared_buffers') AS b`,
        );
        await c.end();
        const i = info.rows[0]!;
        console.log(
          `\npostgres: ${i.v.split(' on ')[0]} (${server ? 'throwaway server started by this run' : 'given by BENCH_DATABASE_URL/DATABASE_URL'}), ` +
            `fsync=${i.f}, synchronous_commit=${i.s}, shared_buffers=${i.b}; ` +
            `app pool ${settings.poolSize ?? 'default (openPostgres)'} connections`,
        );
      } else {
        const pkg = JSON.parse(
          fs.readFileSync(
            path.join(process.cwd(), 'node_modules/@electric-sql/pglite/package.json'),
            'utf8',
          ),
        ) as { version: string };
        console.log(
          `\npglite: @electric-sql/pglite ${pkg.version}, data directory on disk (${os.tmpdir()}), one connection`,
        );
      }
      const results: RoundResult[] = [];
      for (let round = 1; round <= settings.rounds; round++) {
        const r = await runRound(engine, round, serverUrl, load);
        results.push(r);
        console.log(
          `  round ${round}: intake ${fmt(r.intake.perSecond)} cases/s ` +
            `(p50 ${fmt(r.intake.p50)} / p95 ${fmt(r.intake.p95)} / p99 ${fmt(r.intake.p99)} ms), ` +
            `baseline ${fmt(r.baseline.perSecond)} rows/s (p95 ${fmt(r.baseline.p95)} ms), ` +
            `ratio ${fmt(r.ratio, 3)}`,
        );
        const held = [...r.trace.counterLockHeldMs].sort((a, b) => a - b);
        const meanHeld = held.reduce((a, b) => a + b, 0) / Math.max(1, held.length);
        const perIntake = (v: number): string => fmt(v / Math.max(1, held.length));
        console.log(
          `    per intake ${perIntake(r.trace.inTransaction)} statements in its transaction` +
            `${engine === 'postgres' ? ' (+ BEGIN, COMMIT)' : ''} and ${perIntake(r.trace.standalone)} outside; ` +
            `counter row lock held p50 ${fmt(percentile(held, 50), 2)} / p95 ${fmt(percentile(held, 95), 2)} ms, ` +
            `busy ${fmt(r.lockBusy * 100, 0)}% of the run (one-at-a-time ceiling ≈ ${fmt(1000 / meanHeld, 0)} cases/s)`,
        );
        for (const line of r.checks) {
          console.log(`    ${line}`);
        }
        ok &&= r.ok;
      }
      printSummary(engine, results);
      console.log(
        `  load average ${loadAverage()} after the last round (${os.cpus().length} cores)`,
      );
      if (server) {
        server.stop();
        server = undefined;
      }
    }
  } finally {
    load.close();
    stopServer();
  }
  console.log(
    `\nlog-number check: ${ok ? 'PASSED (unique and gap-free in every round)' : 'FAILED'}`,
  );
  return ok ? 0 : 1;
}

runMain(main);
