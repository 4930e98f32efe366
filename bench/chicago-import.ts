import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { runMeasured, type ChildRun } from './child-process.ts';

/** The Chicago releases every import benchmark reads (15 `.csv.gz` files, ~1.3 M rows). */
export const CHICAGO_DATA = process.env.BENCH_CHICAGO_DIR ?? '/work/shared/data/chicago';

/** One file line of `oversight import chicago`'s summary. */
export interface ImportedFile {
  file: string;
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  seconds: number;
}

export interface ImportRun extends ChildRun {
  files: ImportedFile[];
  /** `✗ file: reason` lines: files that could not be read at all. */
  failed: string[];
}

const FILE_LINE =
  /^(\S+) \[[^\]]*\] read ([\d,]+) = inserted ([\d,]+) \+ updated ([\d,]+) \+ unchanged ([\d,]+) \+ rejected ([\d,]+)\s+\(([\d.]+) s\)$/;

const num = (s: string): number => Number(s.replace(/,/g, ''));

/** Reads the per-file lines of the CLI's summary (the format of printImport in src/cli/commands/import.ts). */
export function parseImportOutput(stdout: string): { files: ImportedFile[]; failed: string[] } {
  const files: ImportedFile[] = [];
  const failed: string[] = [];
  for (const line of stdout.split('\n')) {
    const m = FILE_LINE.exec(line.trim());
    if (m) {
      files.push({
        file: m[1]!,
        read: num(m[2]!),
        inserted: num(m[3]!),
        updated: num(m[4]!),
        unchanged: num(m[5]!),
        rejected: num(m[6]!),
        seconds: Number(m[7]),
      });
    } else if (line.startsWith('✗ ')) {
      failed.push(line);
    }
  }
  return { files, failed };
}

/** Where an import writes: an embedded data directory, or a PostgreSQL database. */
export type ImportTarget =
  | { engine: 'pglite'; dataDir: string }
  | { engine: 'postgres'; url: string; workDir: string; encryptionKey: string };

/**
 * Runs the real command, `node bin/oversight.js import chicago <folder>`, as a child process
 * measured by runMeasured (wall time, peak RSS). LOG_LEVEL=warn, as an operator would run a
 * bulk import. The rejected-rows report lands next to the data directory (a temporary folder).
 */
export async function runImportCli(
  target: ImportTarget,
  opts: { folder?: string; onStderrLine?: (line: string) => void } = {},
): Promise<ImportRun> {
  const env: Record<string, string> =
    target.engine === 'pglite'
      ? { OVERSIGHT_DATA_DIR: target.dataDir, DATABASE_URL: '' }
      : {
          DATABASE_URL: target.url,
          OVERSIGHT_ENCRYPTION_KEY: target.encryptionKey,
          // the reports folder is derived from the data directory even on PostgreSQL
          OVERSIGHT_DATA_DIR: path.join(target.workDir, 'data'),
        };
  const run = await runMeasured(
    process.execPath,
    // the import alone: the member figures' rerun after it is measured by bench:member
    ['bin/oversight.js', 'import', 'chicago', opts.folder ?? CHICAGO_DATA, '--no-network'],
    {
      cwd: process.cwd(),
      env: { ...env, LOG_LEVEL: 'warn', TZ: 'UTC' },
      ...(opts.onStderrLine ? { onStderrLine: opts.onStderrLine } : {}),
    },
  );
  return { ...run, ...parseImportOutput(run.stdout) };
}

/** A PostgreSQL database created for one measurement, and how to drop it. */
export interface FreshDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

export async function createDatabase(serverUrl: string, prefix: string): Promise<FreshDatabase> {
  const name = `${prefix}_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** A fresh temporary folder (removed by the caller). */
export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A random 32-byte key, base64, for OVERSIGHT_ENCRYPTION_KEY. */
export function randomKey(): string {
  return crypto.randomBytes(32).toString('base64');
}

/**
 * Imports the Chicago history into the embedded data directory `dir` unless it already holds a
 * database (benchmarks keep and reuse it); says which.
 */
export async function ensureImportedPglite(dir: string): Promise<string> {
  if (fs.existsSync(path.join(dir, 'pgdata', 'PG_VERSION'))) {
    return 'reused';
  }
  console.log(`importing the Chicago history into ${dir} first (child process)…`);
  const run = await runImportCli({ engine: 'pglite', dataDir: dir });
  if (run.code !== 0 || run.failed.length > 0) {
    throw new Error(`the import failed (exit ${run.code}):\n${run.stderr.slice(-3000)}`);
  }
  return `imported in ${(run.wallMs / 1000).toFixed(0)} s`;
}
