/**
 * The baseline of `bench/import.bench.ts`, run as its own process so that its memory and its
 * start-up are its own: a raw `COPY … FROM` of every row of the given `.csv.gz` files into plain
 * staging tables (one `text` column per header column, no key, no index), on a fresh database.
 *
 *   node --import tsx bench/import-copy.ts pglite <data dir>   (PGlite on disk, as the product runs)
 *   node --import tsx bench/import-copy.ts postgres <url>      (an empty PostgreSQL database)
 *
 * Each file is decompressed and handed to COPY as it is: PGlite reads it from its `/dev/blob`
 * device, PostgreSQL from `COPY FROM STDIN` streamed through pg-copy-streams. The last line of
 * standard output is a JSON `CopyResult`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** What the baseline process reports to the benchmark. */
export interface CopyResult {
  /** Opening the database: for PGlite on a fresh directory this includes creating the cluster. */
  openMs: number;
  /** Decompressing and copying all files (CREATE TABLE included), one after the other. */
  copyMs: number;
  rows: number;
  files: Array<{ file: string; rows: number; ms: number }>;
}

/** The header row of a CSV text (RFC 4180 quoting, header names never span lines here). */
function headerOf(text: string): string[] {
  const line = text
    .slice(0, text.indexOf('\n'))
    .replace(/\r$/, '')
    .replace(/^\uFEFF/, '');
  const names: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        current += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        current += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      names.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  names.push(current);
  return names;
}

/** Reads the header from the first 64 kB of a gzip file. */
function headerOfGzip(file: string): string[] {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(65536);
    const n = fs.readSync(fd, buf, 0, buf.length, 0);
    const head = zlib.gunzipSync(buf.subarray(0, n), { finishFlush: zlib.constants.Z_SYNC_FLUSH });
    return headerOf(head.toString('utf8'));
  } finally {
    fs.closeSync(fd);
  }
}

const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;

function createTableSql(table: string, header: string[]): string {
  return `CREATE TABLE ${table} (${header.map((h) => `${ident(h)} text`).join(', ')})`;
}

const COPY_OPTIONS = 'WITH (FORMAT csv, HEADER true)';

async function copyPglite(dataDir: string, files: string[]): Promise<CopyResult> {
  const t0 = performance.now();
  const db = new PGlite(path.join(dataDir, 'pgdata'));
  await db.waitReady;
  const openMs = performance.now() - t0;
  const result: CopyResult = { openMs, copyMs: 0, rows: 0, files: [] };
  const t1 = performance.now();
  for (const [i, file] of files.entries()) {
    const f0 = performance.now();
    const bytes = zlib.gunzipSync(fs.readFileSync(file));
    const table = `staging_${String(i + 1).padStart(2, '0')}`;
    await db.exec(createTableSql(table, headerOf(bytes.toString('utf8', 0, 65536))));
    const r = await db.query(`COPY ${table} FROM '/dev/blob' ${COPY_OPTIONS}`, [], {
      blob: new Blob([bytes]),
    });
    const rows = r.affectedRows ?? 0;
    result.files.push({ file: path.basename(file), rows, ms: performance.now() - f0 });
    result.rows += rows;
  }
  result.copyMs = performance.now() - t1;
  await checkCounts((sql) => db.query<{ n: number }>(sql).then((r) => r.rows[0]!.n), result);
  await db.close();
  return result;
}

async function copyPostgres(url: string, files: string[]): Promise<CopyResult> {
  const t0 = performance.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const openMs = performance.now() - t0;
  const result: CopyResult = { openMs, copyMs: 0, rows: 0, files: [] };
  const t1 = performance.now();
  try {
    for (const [i, file] of files.entries()) {
      const f0 = performance.now();
      const table = `staging_${String(i + 1).padStart(2, '0')}`;
      await client.query(createTableSql(table, headerOfGzip(file)));
      const copy = client.query(copyFrom(`COPY ${table} FROM STDIN ${COPY_OPTIONS}`));
      await pipeline(fs.createReadStream(file), zlib.createGunzip(), copy);
      result.files.push({
        file: path.basename(file),
        rows: copy.rowCount,
        ms: performance.now() - f0,
      });
      result.rows += copy.rowCount;
    }
    result.copyMs = performance.now() - t1;
    await checkCounts((sql) => client.query<{ n: number }>(sql).then((r) => r.rows[0]!.n), result);
  } finally {
    await client.end();
  }
  return result;
}

/** The row counts COPY reported must be what the tables hold (not timed). */
async function checkCounts(
  count: (sql: string) => Promise<number>,
  result: CopyResult,
): Promise<void> {
  for (const [i, f] of result.files.entries()) {
    const table = `staging_${String(i + 1).padStart(2, '0')}`;
    const n = await count(`SELECT count(*)::int AS n FROM ${table}`);
    if (n !== f.rows) {
      throw new Error(`${f.file}: COPY reported ${f.rows} rows but ${table} holds ${n}`);
    }
  }
}

async function main(): Promise<void> {
  const [engine, target, dataFolder] = process.argv.slice(2);
  if (!target || !dataFolder || (engine !== 'pglite' && engine !== 'postgres')) {
    throw new Error('usage: import-copy.ts pglite|postgres <data dir|url> <folder of .csv.gz>');
  }
  const files = fs
    .readdirSync(dataFolder)
    .filter((n) => n.endsWith('.csv.gz'))
    .sort()
    .map((n) => path.join(dataFolder, n));
  const result =
    engine === 'pglite' ? await copyPglite(target, files) : await copyPostgres(target, files);
  console.log(JSON.stringify(result));
}

await main();
