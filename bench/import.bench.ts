/**
 * The Chicago history import (15 `.csv.gz` files, 1.12 M CSV records) on PGlite and PostgreSQL,
 * against a raw COPY of the same rows on the same engine, in the same run.
 *
 * Per engine, one after the other, each in its own process and on its own fresh database:
 *  1. baseline — `bench/import-copy.ts`: decompress each file and `COPY` it into a plain staging
 *     table (one `text` column per header column, no key, no index, no transform);
 *  2. import — the real command, `node bin/oversight.js import chicago <folder>`, measured from
 *     outside: wall time and peak RSS (`/usr/bin/time -f %M`);
 *  2b. floor — `bench/import-floor.ts` on the imported database: the rows the import wrote, merged
 *     set-based from unindexed staging tables into empty copies of their tables; the least any
 *     importer of this schema spends on writing them, printed as a ratio to the baseline too;
 *  3. re-import — the same command again on the same database: its time, and whether it reported
 *     every file unchanged (`inserted 0 + updated 0` on every file line).
 * Printed per engine: rows, wall time, rows/s, peak RSS, the baseline's, and the ratio
 * import/COPY: the import's own per-file times (the CLI prints them; start-up, creating the
 * database and migrating are outside them) over the baseline's decompress + COPY time; the ratio
 * of the whole processes is printed next to it. A per-file table shows where the time goes.
 * Targets (printed, never asserted): ratio ≤ 8 (PRODUCT.md §6), peak RSS < 1 GiB. The run exits
 * non-zero only when something is wrong rather than slow: an import failed, the import read
 * a different number of rows than COPY copied, or the re-import changed something.
 *
 * Settings (environment): BENCH_ENGINES (`postgres,pglite`), BENCH_DATABASE_URL or DATABASE_URL
 * (a PostgreSQL server to create databases on; otherwise a throwaway PostgreSQL 15 is started),
 * BENCH_CHICAGO_DIR (`/work/shared/data/chicago`), BENCH_DATA_DIR (keep the PGlite import in
 * this folder, e.g. for `bench:search`; it must not exist yet or be empty), BENCH_VERBOSE=1 (echo
 * the import's per-file progress).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import {
  CHICAGO_DATA,
  createDatabase,
  randomKey,
  runImportCli,
  tempDir,
  type ImportRun,
  type ImportTarget,
} from './chicago-import.ts';
import { fmtLoad, LoadSampler, runMeasured, sourceState, type ChildRun } from './child-process.ts';
import type { CopyResult } from './import-copy.ts';
import type { FloorResult } from './import-floor.ts';
import { runMain } from './measure.ts';
import { startThrowawayPostgres, type ThrowawayPostgres } from './throwaway-postgres.ts';

type Engine = 'postgres' | 'pglite';

/** PRODUCT.md §6 and issue 16: the whole import within 8× a raw COPY of the same rows. */
const TARGET_RATIO = 8;
const TARGET_RSS_BYTES = 1024 ** 3;

const settings = {
  engines: (process.env.BENCH_ENGINES ?? 'postgres,pglite')
    .split(',')
    .map((e) => e.trim())
    .filter((e): e is Engine => e === 'postgres' || e === 'pglite'),
  url: process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL,
  keepDataDir: process.env.BENCH_DATA_DIR ? path.resolve(process.env.BENCH_DATA_DIR) : undefined,
  verbose: process.env.BENCH_VERBOSE === '1',
};

/** With BENCH_VERBOSE=1, echoes the import's per-file "done" progress lines as they come. */
const progressEcho = settings.verbose
  ? {
      onStderrLine: (line: string): void => {
        if (line.endsWith(', done')) {
          console.log(`    ${line}`);
        }
      },
    }
  : {};

const fmt = (n: number, digits = 1): string =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const int = (n: number): string => Math.round(n).toLocaleString('en-US');
const mib = (bytes: number): string => `${fmt(bytes / 1024 ** 2, 0)} MiB`;
const secs = (ms: number): string => `${fmt(ms / 1000)} s`;

interface Baseline {
  run: ChildRun;
  result: CopyResult;
}

/** Runs the COPY baseline in its own process. */
async function runBaseline(engine: Engine, target: string): Promise<Baseline> {
  const run = await runMeasured(
    process.execPath,
    ['--import', 'tsx', 'bench/import-copy.ts', engine, target, CHICAGO_DATA],
    { cwd: process.cwd(), env: { TZ: 'UTC' } },
  );
  if (run.code !== 0) {
    throw new Error(`the COPY baseline failed (exit ${run.code}):\n${run.stderr.slice(-3000)}`);
  }
  const last = run.stdout.trim().split('\n').pop() ?? '';
  return { run, result: JSON.parse(last) as CopyResult };
}

/** Runs the floor measurement (`bench/import-floor.ts`) on the imported database. */
async function runFloor(engine: Engine, target: string): Promise<FloorResult> {
  const run = await runMeasured(
    process.execPath,
    ['--import', 'tsx', 'bench/import-floor.ts', engine, target],
    { cwd: process.cwd(), env: { TZ: 'UTC' } },
  );
  if (run.code !== 0) {
    throw new Error(`the floor measurement failed (exit ${run.code}):\n${run.stderr.slice(-3000)}`);
  }
  return JSON.parse(run.stdout.trim().split('\n').pop() ?? '') as FloorResult;
}

function importFailure(label: string, run: ImportRun): string | undefined {
  if (run.code !== 0 || run.failed.length > 0 || run.files.length === 0) {
    return `${label} failed (exit ${run.code}): ${run.failed.join('; ')}\n${run.stderr.slice(-3000)}`;
  }
  return undefined;
}

interface EngineResult {
  ok: boolean;
}

async function benchEngine(engine: Engine, serverUrl: string | undefined): Promise<EngineResult> {
  const problems: string[] = [];
  const cleanups: Array<() => Promise<void> | void> = [];
  try {
    // 1. baseline, on its own fresh database
    const baselineLoad = new LoadSampler();
    let baselineTarget: string;
    if (engine === 'pglite') {
      baselineTarget = tempDir('oversight-bench-copy-');
      const dir = baselineTarget;
      cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    } else {
      const db = await createDatabase(serverUrl!, 'oversight_bench_copy');
      cleanups.push(() => db.drop());
      baselineTarget = db.url;
    }
    console.log(`  baseline: COPY of every file into staging tables (separate process)…`);
    const baseline = await runBaseline(engine, baselineTarget);
    const bLoad = baselineLoad.stop();

    // 2. the real import, on another fresh database
    const workDir = tempDir('oversight-bench-import-');
    cleanups.push(() => fs.rmSync(workDir, { recursive: true, force: true }));
    let target: ImportTarget;
    if (engine === 'pglite') {
      let dataDir = path.join(workDir, 'data');
      if (settings.keepDataDir) {
        const existing = fs.existsSync(settings.keepDataDir)
          ? fs.readdirSync(settings.keepDataDir)
          : [];
        if (existing.length > 0) {
          throw new Error(`BENCH_DATA_DIR ${settings.keepDataDir} is not empty`);
        }
        dataDir = settings.keepDataDir;
      }
      target = { engine, dataDir };
    } else {
      const db = await createDatabase(serverUrl!, 'oversight_bench_import');
      cleanups.push(() => db.drop());
      target = { engine, url: db.url, workDir, encryptionKey: randomKey() };
    }
    console.log(`  import: node bin/oversight.js import chicago ${CHICAGO_DATA} (child process)…`);
    const importLoad = new LoadSampler();
    const sourceAtImport = sourceState();
    const first = await runImportCli(target, progressEcho);
    const iLoad = importLoad.stop();
    const firstFailure = importFailure('the import', first);
    if (firstFailure) {
      console.log(`  FAIL ${firstFailure}`);
      return { ok: false };
    }

    // 2b. the floor: what writing the imported rows costs by itself in this schema
    console.log(`  floor: set-based merge of the imported rows into empty copies of their tables…`);
    const floorLoad = new LoadSampler();
    const floor = await runFloor(engine, target.engine === 'pglite' ? target.dataDir : target.url);
    const fLoad = floorLoad.stop();

    // 3. the same import again, on the same database
    console.log(`  re-import: the same command on the same database…`);
    const reimportLoad = new LoadSampler();
    const sourceAtReimport = sourceState();
    const second = await runImportCli(target, progressEcho);
    const rLoad = reimportLoad.stop();
    const secondFailure = importFailure('the re-import', second);
    if (secondFailure) {
      problems.push(secondFailure);
    }

    // report
    const srcOf = (state: string): string => state.replace(/^commit \S+ /, '');
    if (srcOf(sourceAtImport) !== srcOf(sourceAtReimport)) {
      console.log(
        `  NOTE src/ changed between the import (${sourceAtImport}) and the re-import (${sourceAtReimport})`,
      );
    }
    const b = baseline.result;
    const read = first.files.reduce((s, f) => s + f.read, 0);
    const rejected = first.files.reduce((s, f) => s + f.rejected, 0);
    const inserted = first.files.reduce((s, f) => s + f.inserted, 0);
    const updated = first.files.reduce((s, f) => s + f.updated, 0);
    const unchanged = first.files.reduce((s, f) => s + f.unchanged, 0);
    const fileSeconds = first.files.reduce((s, f) => s + f.seconds, 0);
    const ratio = first.wallMs / baseline.run.wallMs;
    const workRatio = (fileSeconds * 1000) / b.copyMs;
    console.log(
      `  COPY baseline: ${int(b.rows)} rows of ${b.files.length} files copied; process ${secs(baseline.run.wallMs)} wall ` +
        `(open ${secs(b.openMs)}, decompress + COPY ${secs(b.copyMs)}), ${int(b.rows / (baseline.run.wallMs / 1000))} rows/s, ` +
        `peak RSS ${mib(baseline.run.peakRssBytes)}; ${fmtLoad(bLoad)}`,
    );
    console.log(
      `  import:        ${int(read)} rows read (= ${int(inserted)} inserted + ${int(updated)} updated + ${int(unchanged)} unchanged + ${int(rejected)} rejected); ` +
        `process ${secs(first.wallMs)} wall (files ${fmt(fileSeconds)} s), ${int(read / (first.wallMs / 1000))} rows/s, ` +
        `peak RSS ${mib(first.peakRssBytes)}; ${fmtLoad(iLoad)}`,
    );
    const unchangedEverywhere = second.files.every((f) => f.inserted === 0 && f.updated === 0);
    const secondFiles = second.files.reduce((s, f) => s + f.seconds, 0);
    console.log(
      `  re-import:     ${int(second.files.reduce((s, f) => s + f.read, 0))} rows read; process ${secs(second.wallMs)} wall ` +
        `(files ${fmt(secondFiles)} s), peak RSS ${mib(second.peakRssBytes)}; ` +
        `${unchangedEverywhere ? `every file "inserted 0 + updated 0" (${second.files.length} files)` : 'CHANGED something'}; ${fmtLoad(rLoad)}`,
    );
    if (!unchangedEverywhere || second.files.length !== first.files.length) {
      problems.push(
        `the re-import was not a no-op: ${second.files
          .filter((f) => f.inserted + f.updated > 0)
          .map((f) => `${f.file} inserted ${f.inserted} + updated ${f.updated}`)
          .join('; ')}`,
      );
    }
    if (read !== b.rows) {
      problems.push(`the import read ${read} rows but COPY copied ${b.rows}`);
    }
    console.log(
      `  ratio import/COPY: ${fmt(workRatio, 2)} (the import's file times ÷ the baseline's decompress + COPY) — ` +
        `target ≤ ${TARGET_RATIO}: ${workRatio <= TARGET_RATIO ? 'met' : 'NOT met'}; ` +
        `whole processes (start-up, creating the database, migrations included): ${fmt(ratio, 2)}`,
    );
    console.log(
      `  floor:         ${int(floor.rows)} rows merged from unindexed staging tables into empty copies of their ` +
        `tables (same columns, keys and indexes; no foreign keys, no triggers): ${secs(floor.ms)} = ` +
        `${fmt(floor.ms / b.copyMs, 2)} × the COPY baseline — no importer that loads these indexed tables can have a lower ratio; ${fmtLoad(fLoad)}`,
    );
    console.log(
      `    ${floor.tables.map((t) => `${t.table} ${int(t.rows)} rows ${secs(t.ms)}`).join('; ')}`,
    );
    console.log(
      `  peak RSS of the import ${mib(first.peakRssBytes)} (re-import ${mib(second.peakRssBytes)}) — target < 1 GiB: ` +
        `${Math.max(first.peakRssBytes, second.peakRssBytes) < TARGET_RSS_BYTES ? 'met' : 'NOT met'}` +
        (engine === 'postgres' ? ' (the client process only; the server is not counted)' : ''),
    );
    console.log(`  per file (largest first):`);
    console.log(
      `    ${'file'.padEnd(72)} ${'rows'.padStart(9)} ${'COPY s'.padStart(7)} ${'import s'.padStart(9)} ${'ratio'.padStart(6)} ${'re-import s'.padStart(11)}`,
    );
    const copyByFile = new Map(b.files.map((f) => [f.file, f]));
    const secondByFile = new Map(second.files.map((f) => [f.file, f]));
    for (const f of [...first.files].sort((x, y) => y.read - x.read)) {
      const c = copyByFile.get(f.file);
      const copyS = c ? c.ms / 1000 : Number.NaN;
      console.log(
        `    ${f.file.padEnd(72)} ${int(f.read).padStart(9)} ${fmt(copyS, 2).padStart(7)} ${fmt(f.seconds).padStart(9)} ` +
          `${fmt(f.seconds / copyS, 0).padStart(6)} ${fmt(secondByFile.get(f.file)?.seconds ?? Number.NaN).padStart(11)}`,
      );
      if (c && c.rows !== f.read) {
        problems.push(`${f.file}: the import read ${f.read} rows, COPY copied ${c.rows}`);
      }
    }
    if (engine === 'pglite' && settings.keepDataDir) {
      console.log(
        `  kept the imported PGlite database in ${settings.keepDataDir} (BENCH_DATA_DIR)`,
      );
    }
  } finally {
    for (const cleanup of cleanups.reverse()) {
      await cleanup();
    }
  }
  for (const p of problems) {
    console.log(`  FAIL ${p}`);
  }
  return { ok: problems.length === 0 };
}

async function describePostgres(serverUrl: string, throwaway: boolean): Promise<void> {
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  const info = await c.query<{ v: string; f: string; s: string; b: string; w: string }>(
    `SELECT version() AS v, current_setting('fsync') AS f, current_setting('synchronous_commit') AS s,
            current_setting('shared_buffers') AS b, current_setting('max_wal_size') AS w`,
  );
  await c.end();
  const i = info.rows[0]!;
  console.log(
    `\npostgres: ${i.v.split(' on ')[0]} (${throwaway ? 'throwaway server started by this run' : 'given by BENCH_DATABASE_URL/DATABASE_URL'}), ` +
      `fsync=${i.f}, synchronous_commit=${i.s}, shared_buffers=${i.b}, max_wal_size=${i.w}`,
  );
}

async function main(): Promise<number> {
  const files = fs.readdirSync(CHICAGO_DATA).filter((n) => n.endsWith('.csv.gz'));
  console.log(
    `import benchmark: ${files.length} files from ${CHICAGO_DATA}; Node ${process.version}, ` +
      `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${mib(os.totalmem())} RAM; ` +
      `load average ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' / ')} at start; ${sourceState()}`,
  );
  let ok = true;
  let server: ThrowawayPostgres | undefined;
  const stopServer = (): void => server?.stop();
  process.once('SIGINT', () => {
    stopServer();
    process.exit(130);
  });
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
        await describePostgres(serverUrl, Boolean(server));
      } else {
        const pkg = JSON.parse(
          fs.readFileSync(
            path.join(process.cwd(), 'node_modules/@electric-sql/pglite/package.json'),
            'utf8',
          ),
        ) as { version: string };
        console.log(
          `\npglite: @electric-sql/pglite ${pkg.version}, data directories on disk (${os.tmpdir()})`,
        );
      }
      const r = await benchEngine(engine, serverUrl);
      ok &&= r.ok;
      if (server) {
        server.stop();
        server = undefined;
      }
    }
  } finally {
    stopServer();
  }
  console.log(`\nimport checks: ${ok ? 'PASSED' : 'FAILED'}`);
  return ok ? 0 : 1;
}

runMain(main);
