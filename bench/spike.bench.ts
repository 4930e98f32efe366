/**
 * The news spike (`npm run bench:spike`, issue 21 item 1): in one run, a bare Fastify JSON route
 * as the baseline, then the public case page, the case list, the statistics and a search, each
 * under autocannon at 50 concurrent connections (BENCH_SPIKE_CONNECTIONS) for BENCH_SPIKE_SECONDS
 * (10) after a 2-second warm-up. Throughput is reported as a share of the bare route's, with p50
 * and p99. Targets (printed, never asserted): ≥ 20% of the bare route and p99 ≤ 50 ms.
 *
 * During the case-page spike a statement is published on that case (a committed write, as a
 * public-information officer's) and a reader polls the page until the statement shows: the time
 * from commit to the first answer that holds it is the origin's staleness; a CDN or browser adds
 * at most max-age + stale-while-revalidate (ADR 0037). The statement is removed afterwards.
 *
 * The database: BENCH_SPIKE_DATABASE_URL (a PostgreSQL database holding the full import), else
 * BENCH_DATA_DIR (a PGlite data directory holding it; imported into first when empty, kept).
 * The app is the real one (buildApp, per-address read limits on but wide enough for one load
 * client, request logging at info into a discarding stream) on a loopback port; autocannon runs as
 * a child process so the load generator has its own core.
 */
import { benchApp } from './bench-app.ts';
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Fastify from 'fastify';
import { ensureAuditHead } from '../src/server/audit/audit.ts';
import { lockDataDir, openPglite, openPostgres, type Db } from '../src/server/db/client.ts';
import { migrate } from '../src/server/db/migrate.ts';
import { ensureImportedPglite } from './chicago-import.ts';
import { sourceState } from './child-process.ts';

const JURISDICTION = 'chicago';
const connections = Number(process.env.BENCH_SPIKE_CONNECTIONS ?? 50);
const seconds = Number(process.env.BENCH_SPIKE_SECONDS ?? 10);
const TARGET_SHARE = 0.2;
const TARGET_P99_MS = 50;

interface Load {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** autocannon in a child process against `url`; its JSON summary. */
function autocannon(url: string, duration: number): Promise<Load> {
  const bin = path.resolve('node_modules/autocannon/autocannon.js');
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [bin, '-c', String(connections), '-d', String(duration), '-j', url],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) {
        reject(new Error(`autocannon exited ${code}`));
        return;
      }
      const r = JSON.parse(out) as {
        requests: { average: number };
        latency: { p50: number; p99: number };
        errors: number;
        non2xx: number;
      };
      resolve({
        rps: r.requests.average,
        p50: r.latency.p50,
        p99: r.latency.p99,
        errors: r.errors,
        non2xx: r.non2xx,
      });
    });
  });
}

async function spike(url: string): Promise<Load> {
  await autocannon(url, 2);
  return autocannon(url, seconds);
}

async function openDb(): Promise<{ db: Db; description: string; close: () => Promise<void> }> {
  const url = process.env.BENCH_SPIKE_DATABASE_URL;
  if (url) {
    const db = openPostgres(url);
    await migrate(db);
    return { db, description: 'PostgreSQL (BENCH_SPIKE_DATABASE_URL)', close: () => db.close() };
  }
  const dir = path.resolve(process.env.BENCH_DATA_DIR ?? '/tmp/oversight-spike-data');
  await ensureImportedPglite(dir);
  const release = lockDataDir(dir, 'bench:spike');
  const db = await openPglite(dir);
  await migrate(db);
  return {
    db,
    description: `PGlite ${dir}`,
    async close() {
      await db.close();
      release();
    },
  };
}

/**
 * Publishes a statement on the case mid-spike and polls the page (no validators, as a first
 * visitor) until it shows: milliseconds from the commit to the first answer holding it.
 */
async function publicationDelay(db: Db, base: string, logNumber: string): Promise<number> {
  const marker = `spike-statement-${crypto.randomBytes(4).toString('hex')}`;
  const id = crypto.randomUUID();
  const t0 = performance.now();
  await db.query(
    `INSERT INTO statements (id, jurisdiction, case_id, language, text, human_reviewed, status,
                             created_at, published_at)
     SELECT $1, jurisdiction, id, 'en', $2, true, 'published', now(), now()
       FROM cases WHERE log_number = $3`,
    [id, marker, logNumber],
  );
  const committed = performance.now();
  try {
    for (;;) {
      const body = await (await fetch(`${base}/api/public/v1/cases/${logNumber}`)).text();
      if (body.includes(marker)) {
        return performance.now() - committed;
      }
      if (performance.now() - t0 > 60_000) {
        return Infinity;
      }
    }
  } finally {
    await db.query('DELETE FROM statements WHERE id = $1', [id]);
  }
}

async function main(): Promise<void> {
  console.log(`bench:spike — ${sourceState()}; ${connections} connections, ${seconds} s each`);
  const { db, description, close } = await openDb();
  await ensureAuditHead(db, JURISDICTION);
  const [counts] = await db.query<{ cases: number }>(`SELECT count(*)::int AS cases FROM cases`);
  console.log(`${description}: ${counts!.cases.toLocaleString('en-US')} cases`);
  await db.query('ANALYZE');
  const bare = Fastify({ logger: false });
  bare.get('/bare', () => ({ hello: 'world' }));
  const bareBase = await bare.listen({ host: '127.0.0.1', port: 0 });
  // one load client is one address: its read bucket is the only limit raised
  const app = await benchApp(db, { publicPortal: { readPerIp: { max: 1e9, windowMs: 60_000 } } });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  try {
    // the page the story links to: the newest concluded COPA case with a public narrative
    const [story] = await db.query<{ log_number: string }>(
      `SELECT log_number FROM cases
        WHERE lead_agency = 'COPA' AND NOT restricted AND status LIKE 'closed%'
        ORDER BY received_at DESC NULLS LAST LIMIT 1`,
    );
    const logNumber = story!.log_number;
    const targets: Array<[string, string]> = [
      ['case page', `${base}/api/public/v1/cases/${logNumber}`],
      ['case list', `${base}/api/public/v1/cases`],
      ['statistics', `${base}/api/public/v1/stats`],
      [
        'search',
        `${base}/api/public/v1/cases?logNumber=${logNumber.slice(0, 5)}&status=closed_no_finding`,
      ],
    ];
    for (const [, url] of targets) {
      const t0 = performance.now();
      const res = await fetch(url);
      if (res.status !== 200) {
        throw new Error(`${url}: ${res.status} ${await res.text()}`);
      }
      await res.arrayBuffer();
      console.log(
        `first answer ${url.slice(base.length)}: ${(performance.now() - t0).toFixed(0)} ms`,
      );
    }
    const baseline = await spike(`${bareBase}/bare`);
    const rows: string[] = [
      '| route | req/s | % of bare | p50 ms | p99 ms | errors/non-2xx | target |',
      '|---|---:|---:|---:|---:|---:|---|',
      `| bare Fastify JSON | ${baseline.rps.toFixed(0)} | 100% | ${baseline.p50} | ${baseline.p99} | ${baseline.errors}/${baseline.non2xx} | |`,
    ];
    let delay = NaN;
    for (const [name, url] of targets) {
      const running = spike(url);
      if (name === 'case page') {
        // the publication lands mid-spike (after the warm-up and half the measured run)
        await new Promise((r) => setTimeout(r, (2 + seconds / 2) * 1000));
        delay = await publicationDelay(db, base, logNumber);
      }
      const r = await running;
      const share = r.rps / baseline.rps;
      const met = share >= TARGET_SHARE && r.p99 <= TARGET_P99_MS ? 'met' : 'MISSED';
      rows.push(
        `| ${name} | ${r.rps.toFixed(0)} | ${(share * 100).toFixed(1)}% | ${r.p50} | ${r.p99} | ${r.errors}/${r.non2xx} | ${met} |`,
      );
    }
    console.log(rows.join('\n'));
    console.log(
      `publication during the case-page spike: visible at the origin ${delay.toFixed(0)} ms after commit ` +
        `(bound at a CDN or browser: max-age 10 s + stale-while-revalidate 20 s)`,
    );
    console.log(`cache: ${JSON.stringify(app.publication.stats())}`);
  } finally {
    await app.close();
    await bare.close();
    await close();
  }
}

await main();
