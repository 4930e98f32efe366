/**
 * Times every statement of one full import (ADR 0025's measurement): imports the files into a
 * fresh database through a wrapped `Db` and prints the server time per statement shape, largest
 * first, with the per-file seconds.
 *
 *   node --import tsx bench/import-profile.ts <files or folders…>
 *
 * PGlite in memory by default; PROFILE_DATABASE_URL names a PostgreSQL server to create a
 * database on.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Db, Queryable } from '../src/server/db/client.ts';
import { testDb } from '../test/test-db.ts';
import { importForTest } from '../test/test-import.ts';

const inputs = process.argv.slice(2);
if (process.env.PROFILE_DATABASE_URL) {
  process.env.TEST_DATABASE_URL = process.env.PROFILE_DATABASE_URL;
}
const copied = new Map<string, number>();
const spent = new Map<string, { ms: number; n: number }>();
const shape = (sql: string): string =>
  sql
    .replace(/\s+/g, ' ')
    .replace(/import_stage_\w+/g, 'import_stage_*')
    .trim()
    .slice(0, 110);
const note = (sql: string, ms: number): void => {
  const k = shape(sql);
  const e = spent.get(k) ?? { ms: 0, n: 0 };
  e.ms += ms;
  e.n++;
  spent.set(k, e);
};
function timed(q: Queryable): Queryable {
  return {
    async query(text, params) {
      const t0 = performance.now();
      try {
        return await q.query(text, params);
      } finally {
        note(text, performance.now() - t0);
      }
    },
    async copyFrom(table, columns, data) {
      const t0 = performance.now();
      try {
        return await q.copyFrom(table, columns, data);
      } finally {
        note(`COPY ${table}`, performance.now() - t0);
        copied.set(table, (copied.get(table) ?? 0) + data.length);
      }
    },
  };
}
const { db, close, url } = await testDb();
if (url) {
  console.log(`database ${url}`);
}
const wrapped: Db = {
  ...timed(db),
  engine: db.engine,
  transaction: (fn) => db.transaction((tx) => fn(timed(tx))),
  reader: db.reader,
  poolStats: () => db.poolStats(),
  listen: (channel, onNotify, onLive) => db.listen(channel, onNotify, onLive),
  close: () => db.close(),
};
try {
  const t0 = performance.now();
  const result = await importForTest(
    wrapped,
    inputs,
    fs.mkdtempSync(path.join(os.tmpdir(), 'ovs-profile-')),
  );
  const total = (performance.now() - t0) / 1000;
  for (const f of result.files) {
    console.log(`${f.seconds.toFixed(1).padStart(6)} s  ${f.file}`);
  }
  const cpu = process.cpuUsage();
  if (db.engine === 'postgres') {
    // the server's CPU for this database: its backends' user + system time (the pool keeps them)
    const pids = await db.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database()`,
    );
    const ticks = pids.reduce((sum, { pid }) => {
      try {
        const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        return sum + Number(fields[11]) + Number(fields[12]);
      } catch {
        return sum;
      }
    }, 0);
    console.log(`server CPU ${(ticks / 100).toFixed(1)} s in ${pids.length} backends`);
  }
  console.log(
    `total ${total.toFixed(1)} s, files ${result.files.reduce((s, f) => s + f.seconds, 0).toFixed(1)} s, maintenance ${result.maintenanceSeconds.toFixed(1)} s, client CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s`,
  );
  let sum = 0;
  const rows = [...spent].sort((a, b) => b[1].ms - a[1].ms);
  for (const [, v] of rows) sum += v.ms;
  console.log(
    `COPY text: ${[...copied].map(([t, n]) => `${t} ${(n / 1e6).toFixed(0)} MB`).join(', ')}`,
  );
  console.log(`statements: ${(sum / 1000).toFixed(1)} s`);
  for (const [k, v] of rows.slice(0, 40)) {
    console.log(`${(v.ms / 1000).toFixed(2).padStart(7)} s ${String(v.n).padStart(5)}× ${k}`);
  }
} finally {
  if (process.env.PROFILE_KEEP) {
    console.log('kept');
    await db.close();
  } else {
    await close();
  }
}
