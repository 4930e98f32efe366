import { execFile, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../e2e/server.ts';
import { engineName, testDb } from './test-db.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const run = promisify(execFile);

/*
 * The real `oversight demo` command, as a newcomer runs it (issue 15 defect 9): the banner's links
 * point where the server will answer, whatever --port, --host or PORT say.
 */
describe(`oversight demo banner (${engineName})`, () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let close: () => Promise<void>;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oversight-cli-demo-'));
    // on a server, a fresh database the CLI migrates and fills; on PGlite, the data directory
    const t = await testDb();
    close = async () => {
      await t.close();
      fs.rmSync(dir, { recursive: true, force: true });
    };
    const { PORT: _port, HOST: _host, ...rest } = process.env;
    env = {
      ...rest,
      OVERSIGHT_DATA_DIR: path.join(dir, 'data'),
      DATABASE_URL: t.url ?? '',
      OVERSIGHT_ENCRYPTION_KEY: crypto.randomBytes(32).toString('base64'),
      TZ: 'UTC',
    };
  });
  afterAll(async () => {
    await close();
  });

  const demo = async (args: string[], extra: NodeJS.ProcessEnv = {}): Promise<string> => {
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', 'demo', '--samples', path.join(dir, 'none'), ...args],
      { cwd: ROOT, env: { ...env, ...extra }, timeout: 120_000 },
    );
    return stdout;
  };

  it('prints the port given with --port', async () => {
    const out = await demo(['--port', '4567']);
    expect(out).toContain('http://127.0.0.1:4567/staff/');
    expect(out).toContain('http://127.0.0.1:4567/api/v1/cases');
    expect(out).not.toContain(':3000');
  });

  it('prints the PORT variable and the host, a wildcard through loopback', async () => {
    const out = await demo([], { PORT: '4999', HOST: '0.0.0.0' });
    expect(out).toContain('http://127.0.0.1:4999/staff/');
    const named = await demo(['--host', 'localhost', '--port', '5001']);
    expect(named).toContain('http://localhost:5001/staff/');
    expect(named).not.toContain(':3000');
  });
  /*
   * Issue 23 item 15: with --serve, the secret and tokens were printed before start-up and then
   * scrolled away under one request-log line per request. Once listening, the demo prints them
   * again, last, and (without LOG_LEVEL) logs no request.
   */
  it('with --serve, prints the sign-in details again once listening and logs no requests', async () => {
    const port = await freePort();
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli/main.ts',
        'demo',
        '--serve',
        '--port',
        String(port),
        '--samples',
        path.join(dir, 'none'),
      ],
      { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    try {
      const deadline = Date.now() + 50_000;
      while (
        !out.includes('Oversight is listening at') &&
        Date.now() < deadline &&
        child.exitCode === null
      ) {
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(out).toContain(`Oversight is listening at http://127.0.0.1:${port}`);
      // a few requests, then the screen must still end with the details
      for (const url of ['/health', '/api/public/v1/cases', '/api/v1/cases']) {
        await fetch(`http://127.0.0.1:${port}${url}`);
      }
      await new Promise((r) => setTimeout(r, 500));
      const afterListening = out.slice(out.indexOf('Oversight is listening at'));
      expect(afterListening).toMatch(/demo TOTP secret: [A-Z2-7]+/);
      expect(afterListening).toContain('intake@copa.example');
      expect(out).not.toMatch(/"req":|incoming request|request completed/);
    } finally {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
  });
});
