/**
 * Case search (`GET /api/v1/cases?q=…`) on the full Chicago history, on PGlite and PostgreSQL.
 *
 * The database holds the whole import (`oversight import chicago`, ~98,000 cases): reused when
 * given, otherwise imported first by the real command in a child process (not measured here;
 * `bench:import` measures it). The real app is built in this process with buildApp() (logger at
 * `info` into a discarding stream, as production logs every request) and queried one request at
 * a time, through `app.inject` and through real HTTP (loopback listen + fetch), as an auditor
 * (scope: all cases) and as a COPA supervisor (scope: cases COPA leads or takes part in, or is
 * assigned to). Query types: single words, phrases, words with a status / category / date-range
 * filter, a category or status alone, and page 50. Each type gets BENCH_WARMUP requests, then
 * BENCH_REQUESTS measured ones, cycling through its variants; p50/p95/p99 per type and overall
 * are printed against the target p95 ≤ 50 ms (printed, never asserted).
 *
 * For every type that misses the target, the two statements listCases sent for one request of
 * it (the `count(*)` for `total` and the page) are run again under EXPLAIN (ANALYZE, BUFFERS);
 * their execution times are printed and the plans written to BENCH_EXPLAIN_DIR (a temporary
 * folder unless set).
 *
 * Settings (environment): BENCH_ENGINES (`postgres,pglite`), BENCH_DATA_DIR (a PGlite data
 * directory holding the import, e.g. from `BENCH_DATA_DIR=… npm run bench:import`; imported into
 * when empty, kept), BENCH_SEARCH_DATABASE_URL (a PostgreSQL database holding the import, used
 * as is), BENCH_DATABASE_URL or DATABASE_URL (a server to create a database on and import into;
 * otherwise a throwaway PostgreSQL 15), BENCH_REQUESTS (200), BENCH_WARMUP (20),
 * BENCH_EXPLAIN_DIR.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/server/app.ts';
import { ensureAuditHead } from '../src/server/audit/audit.ts';
import { addUser, createToken } from '../src/server/commands/users.ts';
import {
  lockDataDir,
  openPglite,
  openPostgres,
  type Db,
  type Queryable,
} from '../src/server/db/client.ts';
import { migrate } from '../src/server/db/migrate.ts';
import { chicagoProfile } from '../src/server/domain/profiles/chicago.ts';
import { createFieldCipher } from '../src/server/security/encryption.ts';
import type { Agency, Role } from '../src/shared/enums.ts';
import { createDatabase, randomKey, runImportCli, tempDir } from './chicago-import.ts';
import { fmtLoad, LoadSampler, sourceState } from './child-process.ts';
import { fmt, intSetting, runMain, stats, type Stats } from './measure.ts';
import { startThrowawayPostgres, type ThrowawayPostgres } from './throwaway-postgres.ts';

type Engine = 'postgres' | 'pglite';
type Mode = 'inject' | 'http';

const JURISDICTION = 'chicago';
const TARGET_P95_MS = 50;

const settings = {
  engines: (process.env.BENCH_ENGINES ?? 'postgres,pglite')
    .split(',')
    .map((e) => e.trim())
    .filter((e): e is Engine => e === 'postgres' || e === 'pglite'),
  dataDir: process.env.BENCH_DATA_DIR ? path.resolve(process.env.BENCH_DATA_DIR) : undefined,
  searchUrl: process.env.BENCH_SEARCH_DATABASE_URL,
  serverUrl: process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL,
  requests: intSetting('BENCH_REQUESTS', 200),
  warmup: intSetting('BENCH_WARMUP', 20),
  explainDir: process.env.BENCH_EXPLAIN_DIR,
};

/** A query type: the query strings it cycles through. */
interface QueryType {
  name: string;
  variants: string[];
}

const enc = (q: string): string => encodeURIComponent(q);

const QUERY_TYPES: QueryType[] = [
  {
    name: 'word',
    variants: ['arrest', 'taser', 'search', 'profanity', 'vehicle'].map((w) => `q=${enc(w)}`),
  },
  { name: 'phrase', variants: ['"traffic stop"', '"search warrant"'].map((p) => `q=${enc(p)}`) },
  {
    name: 'word + status',
    variants: [
      `q=arrest&status=closed_no_finding`,
      `q=vehicle&status=final`,
      `q=taser&status=investigation`,
    ],
  },
  {
    name: 'word + category',
    variants: [
      `q=arrest&category=excessive_force`,
      `q=search&category=improper_search_seizure`,
      `q=profanity&category=verbal_abuse`,
    ],
  },
  {
    name: 'word + from/to',
    variants: [
      `q=arrest&from=2015-01-01&to=2015-12-31`,
      `q=vehicle&from=2020-01-01&to=2021-12-31`,
      `q=search&from=2005-06-01&to=2005-06-30`,
    ],
  },
  {
    name: 'category only',
    variants: [
      `category=excessive_force`,
      `category=verbal_abuse`,
      `category=improper_search_seizure`,
    ],
  },
  {
    name: 'status only',
    variants: [`status=closed_no_finding`, `status=final`, `status=investigation`],
  },
  {
    name: 'page 50',
    variants: [`page=50`, `q=arrest&page=50`, `category=excessive_force&page=50`],
  },
];

interface Persona {
  label: string;
  roles: Role[];
  agency: Agency;
  token: string;
}

/** One answer: `total` when it was a 200, the status and problem code otherwise. */
interface Answer {
  status: number;
  total: number | null;
  code: string;
}

function answer(status: number, body: string): Answer {
  if (status === 200) {
    return { status, total: (JSON.parse(body) as { total: number }).total, code: '' };
  }
  let code = '';
  try {
    code = (JSON.parse(body) as { code?: string }).code ?? '';
  } catch {
    code = body.slice(0, 80);
  }
  return { status, total: null, code };
}

/** The statements listCases sends for one request (with `q` one, otherwise count and page). */
interface Captured {
  text: string;
  params: readonly unknown[];
}

/** Wraps the app's Db to remember the last list statements (one string test per statement). */
function capturing(db: Db, sink: Captured[]): Db {
  const remember = (text: string, params?: readonly unknown[]): void => {
    if (text.includes('FROM cases c WHERE')) {
      sink.push({ text, params: params ?? [] });
      if (sink.length > 2) {
        sink.shift();
      }
    }
  };
  return {
    engine: db.engine,
    listen: (channel, onNotify, onLive) => db.listen(channel, onNotify, onLive),
    query: <T>(text: string, params?: readonly unknown[]) => {
      remember(text, params);
      return db.query<T>(text, params);
    },
    copyFrom: (table, columns, data) => db.copyFrom(table, columns, data),
    transaction: <T>(fn: (tx: Queryable) => Promise<T>) => db.transaction(fn),
    reader: db.reader,
    poolStats: () => db.poolStats(),
    close: () => db.close(),
  };
}

/** The database for one engine: opened, with the import in it, and how to let it go. */
interface SearchDb {
  db: Db;
  description: string;
  close(): Promise<void>;
}

async function countImported(db: Db): Promise<number> {
  const rows = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM cases WHERE jurisdiction = $1 AND source_family IS NOT NULL`,
    [JURISDICTION],
  );
  return rows[0]?.n ?? 0;
}

async function importFirst(
  target: Parameters<typeof runImportCli>[0],
  where: string,
): Promise<string> {
  console.log(`  importing the Chicago history into ${where} first (child process)…`);
  const run = await runImportCli(target);
  if (run.code !== 0 || run.failed.length > 0 || run.files.length === 0) {
    throw new Error(`the import failed (exit ${run.code}):\n${run.stderr.slice(-3000)}`);
  }
  return `imported by this run in ${fmt(run.wallMs / 1000)} s`;
}

async function openPgliteDb(): Promise<SearchDb> {
  const keep = settings.dataDir !== undefined;
  const dir = settings.dataDir ?? path.join(tempDir('oversight-bench-search-'), 'data');
  let how = `reused from ${dir}`;
  if (!fs.existsSync(path.join(dir, 'pgdata', 'PG_VERSION'))) {
    how = await importFirst({ engine: 'pglite', dataDir: dir }, dir);
  }
  const release = lockDataDir(dir, 'bench:search');
  const db = await openPglite(dir);
  await migrate(db);
  await ensureAuditHead(db, JURISDICTION);
  return {
    db,
    description: `PGlite data directory ${dir} (${how})`,
    async close() {
      await db.close();
      release();
      if (!keep) {
        fs.rmSync(path.dirname(dir), { recursive: true, force: true });
      }
    },
  };
}

async function openPostgresDb(serverUrl: string | undefined): Promise<SearchDb> {
  if (settings.searchUrl) {
    const db = openPostgres(settings.searchUrl);
    await migrate(db);
    await ensureAuditHead(db, JURISDICTION);
    return {
      db,
      description: `the database of BENCH_SEARCH_DATABASE_URL (reused)`,
      close: () => db.close(),
    };
  }
  const fresh = await createDatabase(serverUrl!, 'oversight_bench_search');
  const workDir = tempDir('oversight-bench-search-pg-');
  const how = await importFirst(
    { engine: 'postgres', url: fresh.url, workDir, encryptionKey: randomKey() },
    `database ${fresh.name}`,
  );
  const db = openPostgres(fresh.url);
  return {
    db,
    description: `database ${fresh.name} (${how})`,
    async close() {
      await db.close();
      await fresh.drop();
      fs.rmSync(workDir, { recursive: true, force: true });
    },
  };
}

interface TypeResult {
  mode: Mode;
  persona: string;
  type: string;
  stats: Stats;
  latencies: number[];
  /** `total` of the answers, min..max over the variants. */
  totals: [number, number];
  /** Answers other than 200, by query and status (the latency is counted all the same). */
  failures: Map<string, number>;
  /** The statements of the last request of the first variant, for EXPLAIN. */
  sample: Captured[];
  sampleQuery: string;
}

async function benchEngine(engine: Engine, serverUrl: string | undefined): Promise<boolean> {
  const searchDb = engine === 'pglite' ? await openPgliteDb() : await openPostgresDb(serverUrl);
  const captured: Captured[] = [];
  let app: FastifyInstance | undefined;
  try {
    const { db } = searchDb;
    const imported = await countImported(db);
    const counts = await db.query<{ status: string; n: number }>(
      `SELECT status, count(*)::int AS n FROM cases WHERE jurisdiction = $1 GROUP BY status ORDER BY n DESC`,
      [JURISDICTION],
    );
    console.log(`  ${searchDb.description}`);
    console.log(
      `  ${imported.toLocaleString('en-US')} imported cases; by status: ${counts.map((c) => `${c.status} ${c.n}`).join(', ')}`,
    );
    if (imported === 0) {
      throw new Error('the database holds no imported cases');
    }
    app = await buildApp({
      db: capturing(db, captured),
      cipher: createFieldCipher(crypto.randomBytes(32)),
      profile: chicagoProfile,
      jurisdiction: JURISDICTION,
      logLevel: 'info',
      logStream: new Writable({ write: (_c, _e, cb) => cb() }),
    });
    const sys = { db, now: () => new Date(), jurisdiction: JURISDICTION };
    const suffix = crypto.randomBytes(4).toString('hex');
    const personas: Persona[] = [];
    for (const [label, roles, agency] of [
      ['auditor', ['auditor'], 'OIG'],
      ['COPA supervisor', ['supervisor'], 'COPA'],
    ] as Array<[string, Role[], Agency]>) {
      const email = `bench-${roles[0]}-${suffix}@example.gov`;
      await addUser(sys, { email, agency, roles });
      const { token } = await createToken(sys, { email, label: 'bench:search' });
      personas.push({ label, roles, agency, token });
    }
    const baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
    const a = app;
    const send: Record<Mode, (url: string, token: string) => Promise<Answer>> = {
      inject: async (url, token) => {
        const res = await a.inject({
          method: 'GET',
          url,
          headers: { authorization: `Bearer ${token}` },
        });
        return answer(res.statusCode, res.body);
      },
      http: async (url, token) => {
        const res = await fetch(baseUrl + url, { headers: { authorization: `Bearer ${token}` } });
        return answer(res.status, await res.text());
      },
    };

    const results: TypeResult[] = [];
    const load = new LoadSampler();
    const t0 = performance.now();
    for (const mode of ['inject', 'http'] as Mode[]) {
      for (const persona of personas) {
        for (const type of QUERY_TYPES) {
          const url = (i: number): string =>
            `/api/v1/cases?${type.variants[i % type.variants.length]!}`;
          for (let i = 0; i < settings.warmup; i++) {
            await send[mode](url(i), persona.token);
          }
          const latencies: number[] = [];
          const totals = new Map<number, number>();
          const failures = new Map<string, number>();
          let sample: Captured[] = [];
          for (let i = 0; i < settings.requests; i++) {
            if (i === 0) {
              captured.length = 0;
            }
            const s = performance.now();
            const res = await send[mode](url(i), persona.token);
            latencies.push(performance.now() - s);
            if (res.total === null) {
              const what = `${type.variants[i % type.variants.length]} → ${res.status} ${res.code}`;
              failures.set(what, (failures.get(what) ?? 0) + 1);
            } else {
              totals.set(i % type.variants.length, res.total);
            }
            if (i === 0) {
              sample = [...captured];
            }
          }
          results.push({
            mode,
            persona: persona.label,
            type: type.name,
            stats: stats(latencies),
            latencies,
            totals:
              totals.size > 0
                ? [Math.min(...totals.values()), Math.max(...totals.values())]
                : [Number.NaN, Number.NaN],
            failures,
            sample,
            sampleQuery: type.variants[0]!,
          });
        }
      }
    }
    const elapsed = performance.now() - t0;
    const l = load.stop();

    let allMet = true;
    let failed = 0;
    for (const mode of ['inject', 'http'] as Mode[]) {
      for (const persona of personas) {
        const rows = results.filter((r) => r.mode === mode && r.persona === persona.label);
        console.log(`  ${mode === 'inject' ? 'app.inject' : 'HTTP (fetch)'}, ${persona.label}:`);
        console.log(
          `    ${'type'.padEnd(16)} ${'n'.padStart(4)} ${'p50'.padStart(7)} ${'p95'.padStart(7)} ${'p99'.padStart(7)} ${'max'.padStart(7)}  total (matches)   p95 ≤ ${TARGET_P95_MS} ms`,
        );
        for (const r of rows) {
          const met = r.stats.p95 <= TARGET_P95_MS;
          allMet &&= met;
          console.log(
            `    ${r.type.padEnd(16)} ${String(r.stats.n).padStart(4)} ${fmt(r.stats.p50).padStart(7)} ${fmt(r.stats.p95).padStart(7)} ` +
              `${fmt(r.stats.p99).padStart(7)} ${fmt(r.stats.max).padStart(7)}  ${`${r.totals[0]}..${r.totals[1]}`.padEnd(16)}  ${met ? 'met' : 'NOT met'}`,
          );
        }
        for (const r of rows) {
          for (const [what, n] of r.failures) {
            failed += n;
            console.log(`    FAIL ${r.type}: ${n} of ${r.stats.n} answered ${what}`);
          }
        }
        const overall = stats(rows.flatMap((r) => r.latencies));
        console.log(
          `    ${'overall'.padEnd(16)} ${String(overall.n).padStart(4)} ${fmt(overall.p50).padStart(7)} ${fmt(overall.p95).padStart(7)} ` +
            `${fmt(overall.p99).padStart(7)} ${fmt(overall.max).padStart(7)}  ${''.padEnd(16)}  ${overall.p95 <= TARGET_P95_MS ? 'met' : 'NOT met'}`,
        );
      }
    }
    console.log(
      `  ${results.reduce((s, r) => s + r.stats.n, 0)} measured requests (+ ${settings.warmup} warm-up per type) in ${fmt(elapsed / 1000)} s, one at a time; ${fmtLoad(l)}`,
    );
    console.log(`  target p95 ≤ ${TARGET_P95_MS} ms for every type: ${allMet ? 'met' : 'NOT met'}`);
    if (failed > 0) {
      console.log(`  FAIL ${failed} requests did not answer 200 (see FAIL lines above)`);
    }
    await explainMisses(engine, db, results);
    return failed === 0;
  } finally {
    await app?.close();
    await searchDb.close();
  }
}

/**
 * Runs the statements of one request of each type that missed the target under
 * EXPLAIN (ANALYZE, BUFFERS): prints their execution times, writes the plans to a file.
 */
async function explainMisses(engine: Engine, db: Db, results: TypeResult[]): Promise<void> {
  const missed = new Map<string, TypeResult>();
  for (const r of results) {
    if (r.stats.p95 > TARGET_P95_MS && r.sample.length > 0) {
      missed.set(`${r.persona}/${r.type}`, r);
    }
  }
  if (missed.size === 0) {
    return;
  }
  const dir = settings.explainDir ?? tempDir('oversight-bench-explain-');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `search-explain-${engine}.txt`);
  const out: string[] = [];
  console.log(`  EXPLAIN (ANALYZE, BUFFERS) of one request per type that missed the target:`);
  for (const r of missed.values()) {
    const times: string[] = [];
    const labelled =
      r.sample.length === 1
        ? [['ranked page + total', r.sample[0]!] as const]
        : r.sample.map((stmt, i) => [i === 0 ? 'count' : 'page', stmt] as const);
    for (const [label, stmt] of labelled) {
      const plan = await db.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN (ANALYZE, BUFFERS) ${stmt.text}`,
        stmt.params,
      );
      const lines = plan.map((p) => p['QUERY PLAN']);
      const exec = lines.find((x) => x.startsWith('Execution Time'));
      times.push(`${label} ${exec?.replace('Execution Time: ', '') ?? '?'}`);
      out.push(
        `=== ${engine} / ${r.persona} / ${r.type} / ${decodeURIComponent(r.sampleQuery)} / ${label}`,
        stmt.text.replace(/\s+/g, ' '),
        `params: ${JSON.stringify(stmt.params)}`,
        ...lines,
        '',
      );
    }
    console.log(
      `    ${r.persona.padEnd(16)} ${r.type.padEnd(16)} ${decodeURIComponent(r.sampleQuery).padEnd(40)} ${times.join(', ')}`,
    );
  }
  fs.writeFileSync(file, out.join('\n'));
  console.log(`  plans: ${file}`);
}

async function main(): Promise<number> {
  console.log(
    `search benchmark: Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}; ` +
      `${settings.requests} requests per type after ${settings.warmup} warm-up; ` +
      `load average ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' / ')} at start; ${sourceState()}`,
  );
  let ok = true;
  let server: ThrowawayPostgres | undefined;
  try {
    for (const engine of settings.engines) {
      let serverUrl = settings.serverUrl;
      if (engine === 'postgres' && !settings.searchUrl && !serverUrl) {
        server = await startThrowawayPostgres();
        serverUrl = server.url;
      }
      console.log(
        `\n${engine}${engine === 'postgres' ? (server ? ' (throwaway PostgreSQL 15 started by this run)' : '') : ''}:`,
      );
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
