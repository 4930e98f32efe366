/**
 * What the read benchmarks share: settings from the environment, latency percentiles, number
 * formatting, and a forked load process that keeps N clients busy.
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** A positive integer setting from the environment, or `fallback` when unset. */
export function intSetting(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') {
    return fallback;
  }
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`${name} must be a positive integer, got ${raw}`);
  }
  return value;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) {
    return Number.NaN;
  }
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export interface Stats {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function stats(latencies: readonly number[]): Stats {
  const s = [...latencies].sort((a, b) => a - b);
  return {
    n: s.length,
    p50: percentile(s, 50),
    p95: percentile(s, 95),
    p99: percentile(s, 99),
    max: s[s.length - 1] ?? Number.NaN,
  };
}

export const fmt = (n: number, digits = 1): string =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/**
 * A load process (`fork` of a module in this folder) that takes one job at a time over IPC and
 * answers with its result, or `{ error }`.
 */
export class ForkedLoad<Job, Result> {
  private readonly child: ChildProcess;
  constructor(module: string) {
    const file = path.join(path.dirname(fileURLToPath(import.meta.url)), module);
    this.child = fork(file, [], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  }
  run(job: Job): Promise<Result> {
    return new Promise((resolve, reject) => {
      const onExit = (code: number | null): void =>
        reject(new Error(`load process exited (${code})`));
      this.child.once('exit', onExit);
      this.child.once('message', (msg: Result | { error: string }) => {
        this.child.off('exit', onExit);
        if (msg && typeof msg === 'object' && 'error' in msg) {
          reject(new Error(msg.error));
        } else {
          resolve(msg);
        }
      });
      this.child.send(job as object);
    });
  }
  close(): void {
    this.child.disconnect();
  }
}

/** Runs a benchmark's `main` and exits with its code (1 on an error, printed). */
export function runMain(main: () => Promise<number>): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
