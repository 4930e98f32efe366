/**
 * Staff pages at full-history speed (`npm run bench:staff`, issue 24): every view of the case
 * queue (`GET /api/v1/cases`: default, each filter, each sort, search, facility, a deep page) and
 * the staff case read (`GET /api/v1/cases/{logNumber}`), on the whole imported Chicago history
 * (~98,000 cases), at 1 and at 10 concurrent clients, on PGlite and on PostgreSQL.
 *
 * The database holds the import (`oversight import chicago`): reused when given, otherwise
 * imported first by the real command in a child process (not measured; `bench:import` measures
 * it). It is opened as the server opens it (`openRuntime`: migrations, field keys), the real app
 * is built with buildApp() (logger at `info` into a discarding stream, as production logs every
 * request) and listens on a loopback port; a forked load process (`bench/get-load.ts`) runs N
 * clients in a closed loop over HTTP keep-alive, signed in as COPA's chief administrator (a
 * bearer token). Before measuring, the run files 20 complaints through the API (with
 * complainants' names, phones and addresses, encrypted as always) and registers one facility,
 * to which the complaints and one in 40 imported cases are attached (the releases carry no
 * facility; the attachment is fixture data written with one UPDATE).
 *
 * Baseline, measured in the same run at the same concurrency: `GET /api/v1/sessions` (the
 * caller's browser sessions: authentication + one small indexed query), so a view's ratio to it separates the view's own cost from
 * the HTTP, authentication and machine noise every request pays.
 *
 * After measuring, the statements of one request per view are run again under
 * EXPLAIN (ANALYZE, BUFFERS) (reads only): execution times are printed and the plans written to
 * BENCH_EXPLAIN_DIR (a temporary folder unless set). Targets (printed, never asserted): p95 ≤ 50 ms
 * at 1 client on both engines and at 10 clients on PostgreSQL; p95 ≤ 250 ms at 10 clients on
 * PGlite, which runs one statement at a time.
 *
 * Settings (environment): BENCH_ENGINES (`postgres,pglite`), BENCH_DATA_DIR (a PGlite data
 * directory holding the import; imported into when empty, kept), BENCH_STAFF_DATABASE_URL (a
 * PostgreSQL database holding the import, used as is, with OVERSIGHT_ENCRYPTION_KEY if set),
 * BENCH_DATABASE_URL or DATABASE_URL (a server to create a database on and import into;
 * otherwise a throwaway PostgreSQL 15 with `shared_buffers` 2 GB, ADR 0062), BENCH_CLIENTS (`1,10`), BENCH_REQUESTS (100 per view and
 * client count), BENCH_WARMUP (10; at least ten per client), BENCH_VIEWS (comma-separated view names; all by default),
 * BENCH_EXPLAIN_DIR.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildApp } from '../src/server/app.ts';
import { addUser, createToken } from '../src/server/commands/users.ts';
import { loadConfig } from '../src/server/config/config.ts';
import type { Db } from '../src/server/db/client.ts';
import { openRuntime, type Runtime } from '../src/server/runtime.ts';
import {
  createDatabase,
  ensureImportedPglite,
  randomKey,
  runImportCli,
  tempDir,
} from './chicago-import.ts';
import { fmtLoad, LoadSampler, sourceState } from './child-process.ts';
import type { GetJob, GetResult } from './get-load.ts';
import { intakeBody, prng } from './intake-bodies.ts';
import { fmt, ForkedLoad, intSetting, runMain, stats, type Stats } from './measure.ts';
import { startThrowawayPostgres, type ThrowawayPostgres } from './throwaway-postgres.ts';
import { recording, type SentStatement } from '../test/recording.ts';

type Engine = 'postgres' | 'pglite';

const JURISDICTION = 'chicago';
const FACILITY = 'BENCH-STAFF';

const settings = {
  engines: (process.env.BENCH_ENGINES ?? 'postgres,pglite')
    .split(',')
    .map((e) => e.trim())
    .filter((e): e is Engine => e === 'postgres' || e === 'pglite'),
  dataDir: process.env.BENCH_DATA_DIR ? path.resolve(process.env.BENCH_DATA_DIR) : undefined,
  staffUrl: process.env.BENCH_STAFF_DATABASE_URL,
  serverUrl: process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL,
  clients: (process.env.BENCH_CLIENTS ?? '1,10').split(',').map(Number),
  requests: intSetting('BENCH_REQUESTS', 100),
  warmup: intSetting('BENCH_WARMUP', 10),
  views: process.env.BENCH_VIEWS?.split(',').map((v) => v.trim()),
  explainDir: process.env.BENCH_EXPLAIN_DIR,
};

/**
 * Warm-up requests of a view at a client count: at least BENCH_WARMUP, and ten per client, so
 * that every pooled connection has run the view's kept statements past the five custom plans
 * PostgreSQL makes before it keeps the generic one (ADR 0059); measured requests then see the
 * plans a running server holds, as its connections stay open (ADR 0061).
 */
const warmupOf = (clients: number): number => Math.max(settings.warmup, clients * 10);

/** p95 target in ms of a view at a client count on an engine (issue 24). */
const target = (engine: Engine, clients: number): number =>
  engine === 'pglite' && clients > 1 ? 250 : 50;

/** A view: the paths its requests cycle through. */
interface View {
  name: string;
  paths: string[];
}

const list = (q: string): string => `/api/v1/cases?${q}&page=1&pageSize=25`;

/** The queue as QueuePage asks for it (page and page size always sent), and the case read. */
function views(caseReads: string[]): View[] {
  const all: View[] = [
    { name: 'baseline: own sessions', paths: ['/api/v1/sessions'] },
    { name: 'default (newest first)', paths: ['/api/v1/cases?page=1&pageSize=25'] },
    { name: 'agency COPA', paths: [list('agency=COPA')] },
    { name: 'agency BIA', paths: [list('agency=BIA')] },
    { name: 'status investigation', paths: [list('status=investigation')] },
    { name: 'status final', paths: [list('status=final')] },
    { name: 'category', paths: [list('category=excessive_force'), list('category=verbal_abuse')] },
    { name: 'received from/to', paths: [list('from=2015-01-01&to=2015-12-31')] },
    { name: 'facility', paths: [list(`facility=${FACILITY}`)] },
    { name: 'sort oldest first', paths: [list('sort=received_asc')] },
    { name: 'sort log number', paths: [list('sort=log_number')] },
    { name: 'agency + status', paths: [list('agency=COPA&status=final')] },
    { name: 'search word', paths: [list('q=gun'), list('q=arrest'), list('q=taser')] },
    { name: 'search phrase', paths: [list(`q=${encodeURIComponent('"traffic stop"')}`)] },
    { name: 'page 50', paths: ['/api/v1/cases?page=50&pageSize=25'] },
    { name: 'facilities page', paths: ['/api/v1/facilities'] },
    { name: 'case read', paths: caseReads.map((l) => `/api/v1/cases/${encodeURIComponent(l)}`) },
  ];
  return settings.views ? all.filter((v) => settings.views!.includes(v.name)) : all;
}

/** The runtime of one engine over the imported history, and how to let it go. */
interface StaffDb {
  rt: Runtime;
  description: string;
  close(): Promise<void>;
}

async function openPgliteHistory(): Promise<StaffDb> {
  const keep = settings.dataDir !== undefined;
  const dir = settings.dataDir ?? path.join(tempDir('oversight-bench-staff-'), 'data');
  const how = await ensureImportedPglite(dir);
  const rt = await openRuntime(
    loadConfig({ ...process.env, OVERSIGHT_DATA_DIR: dir, DATABASE_URL: '' }),
    'bench:staff',
  );
  return {
    rt,
    description: `PGlite data directory ${dir} (${how})`,
    async close() {
      await rt.close();
      if (!keep) {
        fs.rmSync(path.dirname(dir), { recursive: true, force: true });
      }
    },
  };
}

async function openPostgresHistory(serverUrl: string | undefined): Promise<StaffDb> {
  const workDir = tempDir('oversight-bench-staff-pg-');
  const env = (url: string, key: string) =>
    loadConfig({
      ...process.env,
      DATABASE_URL: url,
      OVERSIGHT_ENCRYPTION_KEY: key,
      OVERSIGHT_DATA_DIR: path.join(workDir, 'data'),
    });
  if (settings.staffUrl) {
    const rt = await openRuntime(
      env(settings.staffUrl, process.env.OVERSIGHT_ENCRYPTION_KEY ?? randomKey()),
      'bench:staff',
    );
    return {
      rt,
      description: 'the database of BENCH_STAFF_DATABASE_URL (reused)',
      async close() {
        await rt.close();
        fs.rmSync(workDir, { recursive: true, force: true });
      },
    };
  }
  const fresh = await createDatabase(serverUrl!, 'oversight_bench_staff');
  const key = randomKey();
  console.log(`  importing the Chicago history into database ${fresh.name} first (child process)…`);
  const run = await runImportCli({
    engine: 'postgres',
    url: fresh.url,
    workDir,
    encryptionKey: key,
  });
  if (run.code !== 0 || run.failed.length > 0 || run.files.length === 0) {
    throw new Error(`the import failed (exit ${run.code}):\n${run.stderr.slice(-3000)}`);
  }
  const rt = await openRuntime(env(fresh.url, key), 'bench:staff');
  return {
    rt,
    description: `database ${fresh.name} (imported in ${fmt(run.wallMs / 1000)} s)`,
    async close() {
      await rt.close();
      await fresh.drop();
      fs.rmSync(workDir, { recursive: true, force: true });
    },
  };
}

/** Answers the app with `status`, or throws with what it said. */
async function expectStatus(
  app: FastifyInstance,
  req: InjectOptions & { method: string; url: string },
  status: number,
): Promise<unknown> {
  const res = await app.inject(req);
  if (res.statusCode !== status) {
    throw new Error(`${req.method} ${req.url} → ${res.statusCode}: ${res.body}`);
  }
  return res.json();
}

/**
 * The fixture every run adds: a chief administrator of COPA with a token, one registered
 * facility, 20 complaints filed through the API (with identities) at that facility, and one in 40
 * imported cases attached to it. Returns the token and the case-read targets: the filed
 * complaints this reader may see and the 10 imported cases with the most allegations.
 */
async function fixture(
  app: FastifyInstance,
  rt: Runtime,
): Promise<{ token: string; reads: string[] }> {
  const sys = { db: rt.db, now: () => new Date(), jurisdiction: JURISDICTION };
  const email = `bench-staff-${crypto.randomBytes(4).toString('hex')}@example.gov`;
  await addUser(sys, { email, agency: 'COPA', roles: ['chief_administrator'] });
  const { token } = await createToken(sys, { email, label: 'bench:staff' });
  const auth = { authorization: `Bearer ${token}` };
  const known = await rt.db.query(
    `SELECT 1 FROM facilities WHERE jurisdiction = $1 AND code = $2`,
    [JURISDICTION, FACILITY],
  );
  if (known.length === 0) {
    await expectStatus(
      app,
      {
        method: 'POST',
        url: '/api/v1/facilities',
        headers: auth,
        payload: { code: FACILITY, name: 'Benchmark district station', kind: 'district_station' },
      },
      201,
    );
  }
  const rand = prng(24);
  const reads: string[] = [];
  for (let i = 0; i < 20; i++) {
    const body = intakeBody(rand, new Date().getUTCFullYear() - 1, [FACILITY]);
    body.incident = { ...body.incident, facilityCode: FACILITY };
    const filed = (await expectStatus(
      app,
      { method: 'POST', url: '/api/v1/cases', headers: auth, payload: body },
      201,
    )) as { logNumber: string };
    // routing may hand a complaint to an agency whose cases this COPA reader does not see
    const read = await app.inject({
      method: 'GET',
      url: `/api/v1/cases/${filed.logNumber}`,
      headers: auth,
    });
    if (read.statusCode === 200) {
      reads.push(filed.logNumber);
    }
  }
  await rt.db.query(
    `UPDATE cases SET facility_id = (SELECT id FROM facilities WHERE jurisdiction = $1 AND code = $2)
      WHERE jurisdiction = $1 AND facility_id IS NULL AND source_family IS NOT NULL
        AND hashtext(log_number) % 40 = 0`,
    [JURISDICTION, FACILITY],
  );
  const biggest = await rt.db.query<{ log_number: string }>(
    `SELECT c.log_number FROM cases c JOIN allegations a ON a.case_id = c.id
      WHERE c.jurisdiction = $1 GROUP BY c.log_number ORDER BY count(*) DESC, c.log_number LIMIT 10`,
    [JURISDICTION],
  );
  reads.push(...biggest.map((r) => r.log_number));
  return { token, reads };
}

interface Measured {
  view: string;
  clients: number;
  stats: Stats;
  rps: number;
  failures: Record<string, number>;
}

async function benchEngine(engine: Engine, serverUrl: string | undefined): Promise<boolean> {
  const staffDb =
    engine === 'pglite' ? await openPgliteHistory() : await openPostgresHistory(serverUrl);
  const captured: SentStatement[] = [];
  let capturing = false;
  let app: FastifyInstance | undefined;
  const load = new ForkedLoad<GetJob, GetResult>('get-load.ts');
  try {
    const { rt } = staffDb;
    const counts = await rt.db.query<{ n: number; imported: number }>(
      `SELECT count(*)::int AS n, count(source_family)::int AS imported FROM cases WHERE jurisdiction = $1`,
      [JURISDICTION],
    );
    // what the database is given to hold the history in memory (ADR 0062)
    const memory = await rt.db.query<{ shared_buffers: string; size: string }>(
      `SELECT current_setting('shared_buffers') AS shared_buffers,
              pg_size_pretty(pg_database_size(current_database())) AS size`,
    );
    console.log(`  ${staffDb.description}`);
    console.log(
      `  ${counts[0]!.n.toLocaleString('en-US')} cases (${counts[0]!.imported.toLocaleString('en-US')} imported); database ${memory[0]!.size}, shared_buffers ${memory[0]!.shared_buffers}; pool ${JSON.stringify(rt.db.poolStats())}`,
    );
    app = await buildApp({
      db: recording(rt.db, (sent) => {
        if (capturing) {
          captured.push(sent);
        }
      }),
      cipher: rt.cipher,
      profile: rt.profile,
      jurisdiction: JURISDICTION,
      logLevel: 'info',
      logStream: new Writable({ write: (_c, _e, cb) => cb() }),
    });
    const { token, reads } = await fixture(app, rt);
    const baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
    const results: Measured[] = [];
    const sampler = new LoadSampler();
    const viewList = views(reads);
    for (const clients of settings.clients) {
      for (const view of viewList) {
        await load.run({
          baseUrl,
          token,
          paths: view.paths,
          n: warmupOf(clients),
          concurrency: clients,
        });
        const r = await load.run({
          baseUrl,
          token,
          paths: view.paths,
          n: settings.requests,
          concurrency: clients,
        });
        results.push({
          view: view.name,
          clients,
          stats: stats(r.latenciesMs),
          rps: (r.latenciesMs.length / r.elapsedMs) * 1000,
          failures: r.failures,
        });
      }
    }
    const l = sampler.stop();
    let allMet = true;
    let failed = 0;
    console.log(
      `    ${'view'.padEnd(24)} ${'clients'.padStart(7)} ${'p50'.padStart(7)} ${'p95'.padStart(7)} ${'p99'.padStart(7)} ${'req/s'.padStart(7)} ${'p95/base'.padStart(8)}  target`,
    );
    for (const r of results) {
      const base = results.find((b) => b.clients === r.clients && b.view.startsWith('baseline'));
      const goal = target(engine, r.clients);
      const met = r.stats.p95 <= goal;
      if (!r.view.startsWith('baseline')) {
        allMet &&= met;
      }
      console.log(
        `    ${r.view.padEnd(24)} ${String(r.clients).padStart(7)} ${fmt(r.stats.p50).padStart(7)} ${fmt(r.stats.p95).padStart(7)} ` +
          `${fmt(r.stats.p99).padStart(7)} ${fmt(r.rps, 0).padStart(7)} ${(base ? fmt(r.stats.p95 / base.stats.p95) : '-').padStart(8)}  ≤ ${goal} ${met ? 'met' : 'NOT met'}`,
      );
      for (const [what, n] of Object.entries(r.failures)) {
        failed += n;
        console.log(`    FAIL ${r.view}: ${n} answered ${what}`);
      }
    }
    console.log(
      `  ${settings.requests} requests per view and client count after ${settings.clients.map(warmupOf).join(' / ')} warm-up; ${fmtLoad(l)}`,
    );
    console.log(
      `  targets (p95 ≤ 50 ms at 1 client; ${engine === 'pglite' ? '≤ 250' : '≤ 50'} ms at 10): ${allMet ? 'met' : 'NOT met'}`,
    );
    if (failed > 0) {
      console.log(`  FAIL ${failed} requests did not answer 200 (see FAIL lines above)`);
    }
    await explainViews(engine, app, rt.db, token, viewList, captured, (on) => {
      capturing = on;
    });
    return failed === 0;
  } finally {
    load.close();
    await app?.close();
    await staffDb.close();
  }
}

/**
 * Sends one request of each view with statement capture on, then runs its read statements again
 * under EXPLAIN (ANALYZE, BUFFERS): prints how many statements the request sent and the summed
 * execution time of its reads, and writes the plans to a file.
 */
async function explainViews(
  engine: Engine,
  app: FastifyInstance,
  db: Db,
  token: string,
  viewList: View[],
  captured: SentStatement[],
  capture: (on: boolean) => void,
): Promise<void> {
  const dir = settings.explainDir ?? tempDir('oversight-bench-explain-');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `staff-explain-${engine}.txt`);
  const out: string[] = [];
  console.log(`  EXPLAIN (ANALYZE, BUFFERS) of one request per view (reads only):`);
  for (const view of viewList) {
    captured.length = 0;
    capture(true);
    await app.inject({
      method: 'GET',
      url: view.paths[0]!,
      headers: { authorization: `Bearer ${token}` },
    });
    capture(false);
    const statements = [...captured];
    let total = 0;
    const slowest: string[] = [];
    for (const stmt of statements) {
      if (
        !/^\s*(SELECT|WITH)\b/i.test(stmt.text) ||
        /\b(INSERT|UPDATE|DELETE)\b/i.test(stmt.text)
      ) {
        continue;
      }
      const plan = await db.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN (ANALYZE, BUFFERS) ${stmt.text}`,
        stmt.params,
      );
      const lines = plan.map((p) => p['QUERY PLAN']);
      const ms = Number(/Execution Time: ([\d.]+)/.exec(lines.join('\n'))?.[1] ?? Number.NaN);
      total += ms;
      slowest.push(`${fmt(ms, 2)}`);
      out.push(
        `=== ${engine} / ${view.name} / ${view.paths[0]} / ${fmt(ms, 2)} ms`,
        stmt.text.replace(/\s+/g, ' '),
        `params: ${JSON.stringify(stmt.params)}`,
        ...lines,
        '',
      );
    }
    console.log(
      `    ${view.name.padEnd(24)} ${String(statements.length).padStart(3)} statements; reads ${fmt(total, 2)} ms (${slowest.join(' + ')})`,
    );
  }
  fs.writeFileSync(file, out.join('\n'));
  console.log(`  plans: ${file}`);
}

async function main(): Promise<number> {
  console.log(
    `staff benchmark: Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}; ` +
      `clients ${settings.clients.join(', ')}; ${settings.requests} requests per view after ${settings.clients.map(warmupOf).join(' / ')} warm-up; ` +
      `load average ${os
        .loadavg()
        .map((x) => x.toFixed(2))
        .join(' / ')} at start; ${sourceState()}`,
  );
  let ok = true;
  let server: ThrowawayPostgres | undefined;
  try {
    for (const engine of settings.engines) {
      let serverUrl = settings.serverUrl;
      if (engine === 'postgres' && !settings.staffUrl && !serverUrl) {
        // the history held in memory, as docs/operations.md asks of a server (ADR 0062)
        server = await startThrowawayPostgres(['shared_buffers=2GB']);
        serverUrl = server.url;
      }
      console.log(`\n${engine}${server ? ' (throwaway PostgreSQL 15 started by this run)' : ''}:`);
      ok &&= await benchEngine(engine, serverUrl);
      server?.stop();
      server = undefined;
    }
  } finally {
    server?.stop();
  }
  return ok ? 0 : 1;
}

runMain(main);
