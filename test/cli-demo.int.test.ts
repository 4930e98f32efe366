import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
});
