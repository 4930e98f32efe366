import { execFileSync, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

/** How a measured child process went. */
export interface ChildRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Wall time from spawn to exit, measured here. */
  wallMs: number;
  /** Peak resident set size of the child (`/usr/bin/time -f %M`, kB → bytes). */
  peakRssBytes: number;
}

/**
 * Runs a command under `/usr/bin/time -f %M` (GNU time: the largest resident set of the process
 * it waits for, in kB, from the kernel's rusage) and measures its wall time. Standard output and
 * error are collected; the child's environment is `env` on top of this process's environment.
 */
export function runMeasured(
  command: string,
  args: readonly string[],
  opts: { env: Record<string, string>; cwd: string; onStderrLine?: (line: string) => void },
): Promise<ChildRun> {
  const timeFile = path.join(
    fs.mkdtempSync(path.join(os.tmpdir(), 'oversight-bench-time-')),
    'rss',
  );
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn('/usr/bin/time', ['-f', '%M', '-o', timeFile, command, ...args], {
      cwd: opts.cwd,
      env: { ...process.env, ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let partial = '';
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => {
      err.push(b);
      if (opts.onStderrLine) {
        const lines = (partial + b.toString('utf8')).split('\n');
        partial = lines.pop() ?? '';
        for (const line of lines) {
          opts.onStderrLine(line);
        }
      }
    });
    child.once('error', reject);
    child.once('close', (code) => {
      const wallMs = performance.now() - t0;
      let peakRssBytes = Number.NaN;
      try {
        // GNU time writes "Command exited with non-zero status N" before the number on failure
        const lines = fs.readFileSync(timeFile, 'utf8').trim().split('\n');
        peakRssBytes = Number(lines[lines.length - 1]) * 1024;
      } catch {
        // no measurement: reported as NaN
      }
      fs.rmSync(path.dirname(timeFile), { recursive: true, force: true });
      resolve({
        code,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        wallMs,
        peakRssBytes,
      });
    });
  });
}

/** Samples the 1-minute load average every few seconds while a measurement runs. */
export class LoadSampler {
  private readonly samples: number[] = [];
  private readonly timer: NodeJS.Timeout;
  constructor(everyMs = 5000) {
    this.samples.push(os.loadavg()[0]!);
    this.timer = setInterval(() => this.samples.push(os.loadavg()[0]!), everyMs);
    this.timer.unref();
  }
  /** Stops sampling; min / mean / max of the 1-minute load average seen. */
  stop(): { min: number; mean: number; max: number } {
    clearInterval(this.timer);
    this.samples.push(os.loadavg()[0]!);
    const min = Math.min(...this.samples);
    const max = Math.max(...this.samples);
    const mean = this.samples.reduce((a, b) => a + b, 0) / this.samples.length;
    return { min, mean, max };
  }
}

export function fmtLoad(l: { min: number; mean: number; max: number }): string {
  return `1-min load average ${l.min.toFixed(1)}–${l.max.toFixed(1)} (mean ${l.mean.toFixed(1)}) on ${os.cpus().length} cores`;
}

/**
 * The commit measured, and a fingerprint of src/'s uncommitted changes: others edit src/ while
 * benchmarks run, and each child process loads the source as it is when it starts.
 */
export function sourceState(): string {
  try {
    const git = (...args: string[]): string =>
      execFileSync('git', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const commit = git('rev-parse', '--short', 'HEAD').trim();
    // the tree of src/, not the commit: commits that touch only docs do not change what runs
    const tree = git('rev-parse', '--short', 'HEAD:src').trim();
    const diff = git('diff', 'HEAD', '--', 'src') + git('ls-files', '--others', '--', 'src');
    if (diff === '') {
      return `commit ${commit} (src/ tree ${tree}, clean)`;
    }
    const fingerprint = crypto.createHash('sha256').update(diff).digest('hex').slice(0, 8);
    return `commit ${commit} (src/ tree ${tree} + uncommitted changes, diff ${fingerprint})`;
  } catch {
    return 'commit unknown (not a git checkout)';
  }
}
