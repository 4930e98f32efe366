import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** A free loopback port (the OS picks one, we release it, the server takes it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** Stops a server process: SIGTERM (a graceful close), SIGKILL if it is still there after 6 s. */
export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 6_000))]);
    if (child.exitCode === null) {
      child.kill('SIGKILL');
    }
  }
}

/** A running `oversight demo --serve` on its own data directory. */
export interface E2eServer {
  baseUrl: string;
  dataDir: string;
  /** The demo TOTP secret the demo printed (README: the second factor of the demo users). */
  totpSecret: string;
  stop(): Promise<void>;
}

/**
 * Starts the real server as the README does (`oversight demo --serve`): a fresh temporary PGlite
 * data directory (or `dataDir`, e.g. a fully imported one), demo users and data, the built web
 * app from dist/web, on a free loopback port. Resolves when /health answers.
 */
export async function startServer(
  opts: { dataDir?: string; samples?: boolean } = {},
): Promise<E2eServer> {
  if (!fs.existsSync(path.join(ROOT, 'dist/web/staff/index.html'))) {
    throw new Error('dist/web is not built: run `npm run build` first.');
  }
  const owned = !opts.dataDir;
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'oversight-e2e-'));
  const port = await freePort();
  const args = ['--import', 'tsx', 'src/cli/main.ts', 'demo', '--serve', '--port', String(port)];
  if (opts.samples === false) {
    args.push('--samples', path.join(dataDir, 'no-samples'));
  }
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      OVERSIGHT_DATA_DIR: dataDir,
      OVERSIGHT_WEB_ROOT: path.join(ROOT, 'dist/web'),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      // every journey signs in from this one address: the per-address sign-in limit (20 per
      // 15 minutes by default, tested in test/abuse.int.test.ts) would stop the run half-way
      OVERSIGHT_SIGN_IN_RATE_LIMIT: '200',
      DATABASE_URL: '',
      TZ: 'UTC',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 240_000;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`the server exited (${child.exitCode}):\n${output.slice(-3000)}`);
    }
    try {
      const res = await fetch(`${baseUrl}/health`);
      if (res.ok) {
        break;
      }
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`the server did not start in time:\n${output.slice(-3000)}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  const totpSecret = /demo TOTP secret: ([A-Z2-7]+)/.exec(output)?.[1];
  if (!totpSecret) {
    child.kill('SIGTERM');
    throw new Error(`the demo printed no TOTP secret:\n${output.slice(-3000)}`);
  }
  return {
    baseUrl,
    dataDir,
    totpSecret,
    async stop() {
      await stopProcess(child);
      child.stdout?.destroy();
      child.stderr?.destroy();
      child.unref();
      if (owned) {
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}
