/**
 * The member page (`GET /api/v1/members/{id}`) on the full Chicago history, on PGlite, and the
 * full-history run of the member figures (`oversight members network`), issue 19 items 1, 2, 7.
 *
 * The data directory holds the whole import: BENCH_DATA_DIR is reused when it holds one, else
 * imported into first by the real command in a child process (not measured here; `bench:import`
 * measures it). Then the member figures of every population are computed once, timed per
 * population (BENCH_NETWORK=0 reuses the stored run instead). The real app is built in this
 * process with buildApp() (logger at `info` into a discarding stream) and queried one request at
 * a time through real HTTP (loopback listen + fetch) as an auditor (population: every
 * unrestricted case), a COPA supervisor and a BIA supervisor (their agency's unrestricted
 * cases). Members: the BENCH_HEAVY most-accused members (the longest histories and co-accused
 * lists) and BENCH_SAMPLE others drawn evenly from the roster. Each persona gets BENCH_WARMUP
 * requests, then one measured request per member; p50/p95/p99 per persona and overall are
 * printed against the target p95 ≤ 100 ms (printed, never asserted).
 *
 * Settings (environment): BENCH_DATA_DIR, BENCH_NETWORK (1), BENCH_HEAVY (50), BENCH_SAMPLE
 * (150), BENCH_WARMUP (20).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import { buildApp } from '../src/server/app.ts';
import { ensureAuditHead } from '../src/server/audit/audit.ts';
import { computeMemberNetwork } from '../src/server/commands/compute-member-network.ts';
import { addUser, createToken } from '../src/server/commands/users.ts';
import { lockDataDir, openPglite } from '../src/server/db/client.ts';
import { migrate } from '../src/server/db/migrate.ts';
import { chicagoProfile } from '../src/server/domain/profiles/chicago.ts';
import { createFieldCipher } from '../src/server/security/encryption.ts';
import type { Agency, Role } from '../src/shared/enums.ts';
import { ensureImportedPglite, tempDir } from './chicago-import.ts';
import { fmtLoad, LoadSampler, sourceState } from './child-process.ts';

const JURISDICTION = 'chicago';
const TARGET_P95_MS = 100;

function intSetting(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${name} must be a whole number, got ${raw}`);
  }
  return value;
}

const settings = {
  dataDir: process.env.BENCH_DATA_DIR ? path.resolve(process.env.BENCH_DATA_DIR) : undefined,
  network: intSetting('BENCH_NETWORK', 1) !== 0,
  heavy: intSetting('BENCH_HEAVY', 50),
  sample: intSetting('BENCH_SAMPLE', 150),
  warmup: intSetting('BENCH_WARMUP', 20),
};

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: readonly number[], p: number): number {
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}

const fmt = (n: number, digits = 1): string =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function summary(latencies: readonly number[]): string {
  const s = [...latencies].sort((a, b) => a - b);
  return `n ${s.length}  p50 ${fmt(percentile(s, 50))}  p95 ${fmt(percentile(s, 95))}  p99 ${fmt(percentile(s, 99))}  max ${fmt(s.at(-1) ?? Number.NaN)} ms`;
}

async function main(): Promise<void> {
  console.log(`bench:member  ${sourceState()}`);
  const keep = settings.dataDir !== undefined;
  const dir = settings.dataDir ?? path.join(tempDir('oversight-bench-member-'), 'data');
  await ensureImportedPglite(dir);
  const release = lockDataDir(dir, 'bench:member');
  const db = await openPglite(dir);
  try {
    await migrate(db);
    await ensureAuditHead(db, JURISDICTION);
    const [counts] = await db.query<{ cases: number; members: number; named: number }>(
      `SELECT (SELECT count(*)::int FROM cases WHERE jurisdiction = $1) AS cases,
              (SELECT count(*)::int FROM members WHERE jurisdiction = $1) AS members,
              (SELECT count(*)::int FROM allegations WHERE jurisdiction = $1 AND member_id IS NOT NULL) AS named`,
      [JURISDICTION],
    );
    console.log(
      `  PGlite data directory ${dir}: ${counts!.cases.toLocaleString('en-US')} cases, ${counts!.members.toLocaleString('en-US')} members, ${counts!.named.toLocaleString('en-US')} allegations naming a member`,
    );

    if (settings.network) {
      const load = new LoadSampler();
      const t0 = performance.now();
      const runs = await computeMemberNetwork({
        db,
        jurisdiction: JURISDICTION,
        timeZone: chicagoProfile.timeZone,
        agencies: Object.keys(chicagoProfile.agencies),
        now: () => new Date(),
      });
      const wall = performance.now() - t0;
      console.log(`\nfull-history run of the member figures (oversight members network):`);
      for (const r of runs) {
        console.log(
          `  ${r.population.padEnd(5)} ${String(r.members).padStart(6)} members rated  ${String(r.links).padStart(7)} links  ${fmt(r.durationMs / 1000)} s computing`,
        );
      }
      console.log(
        `  total ${fmt(wall / 1000)} s wall (writes included), RSS ${fmt(process.memoryUsage().rss / 2 ** 20, 0)} MiB, load ${fmtLoad(load.stop())}`,
      );
    }

    const app = await buildApp({
      db,
      cipher: createFieldCipher(crypto.randomBytes(32)),
      profile: chicagoProfile,
      jurisdiction: JURISDICTION,
      logLevel: 'info',
      logStream: new Writable({ write: (_c, _e, cb) => cb() }),
    });
    try {
      const sys = { db, now: () => new Date(), jurisdiction: JURISDICTION };
      const suffix = crypto.randomBytes(4).toString('hex');
      const personas: Array<{ label: string; token: string }> = [];
      for (const [label, roles, agency] of [
        ['auditor', ['auditor'], 'OIG'],
        ['COPA supervisor', ['supervisor'], 'COPA'],
        ['BIA supervisor', ['supervisor'], 'BIA'],
      ] as Array<[string, Role[], Agency]>) {
        const email = `bench-${label.replace(/\W/g, '-')}-${suffix}@example.gov`;
        await addUser(sys, { email, agency, roles });
        const { token } = await createToken(sys, { email, label: 'bench:member' });
        personas.push({ label, token });
      }
      const heavy = await db.query<{ id: string; n: number }>(
        `SELECT member_id AS id, count(*)::int AS n FROM allegations
          WHERE jurisdiction = $1 AND member_id IS NOT NULL
          GROUP BY member_id ORDER BY n DESC LIMIT $2`,
        [JURISDICTION, settings.heavy],
      );
      const sample = await db.query<{ id: string }>(
        `SELECT id FROM (SELECT id, row_number() OVER (ORDER BY id) AS r, count(*) OVER () AS n
                           FROM members WHERE jurisdiction = $1) m
          WHERE r % greatest(1, n / $2) = 0 LIMIT $2`,
        [JURISDICTION, settings.sample],
      );
      const ids = [...heavy.map((h) => h.id), ...sample.map((s) => s.id)];
      console.log(
        `\nmember page, ${ids.length} members (${heavy.length} most accused: up to ${heavy[0]?.n ?? 0} allegations; ${sample.length} across the roster), real HTTP:`,
      );
      const baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
      const all: number[] = [];
      let comparisons = 0;
      let coAccused = 0;
      for (const p of personas) {
        const get = async (id: string) => {
          const res = await fetch(`${baseUrl}/api/v1/members/${id}`, {
            headers: { authorization: `Bearer ${p.token}` },
          });
          const body = (await res.json()) as {
            comparison: { coAccused: unknown[] } | null;
          };
          if (res.status !== 200) {
            throw new Error(`${res.status} ${JSON.stringify(body)}`);
          }
          return body;
        };
        for (let i = 0; i < settings.warmup; i++) {
          await get(ids[i % ids.length]!);
        }
        const latencies: number[] = [];
        for (const id of ids) {
          const s = performance.now();
          const body = await get(id);
          latencies.push(performance.now() - s);
          comparisons += body.comparison ? 1 : 0;
          coAccused += body.comparison?.coAccused.length ?? 0;
        }
        all.push(...latencies);
        console.log(`  ${p.label.padEnd(16)} ${summary(latencies)}`);
      }
      const p95 = percentile(
        [...all].sort((a, b) => a - b),
        95,
      );
      console.log(`  ${'all'.padEnd(16)} ${summary(all)}`);
      console.log(
        `  ${comparisons} answers with comparison figures, ${coAccused} co-accused rows in all; target p95 ≤ ${TARGET_P95_MS} ms: ${p95 <= TARGET_P95_MS ? 'met' : 'MISSED'}`,
      );
    } finally {
      await app.close();
    }
  } finally {
    await db.close();
    release();
    if (!keep) {
      fs.rmSync(path.dirname(dir), { recursive: true, force: true });
    }
  }
}

await main();
