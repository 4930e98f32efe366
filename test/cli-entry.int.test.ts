import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../src/cli/main.ts';
import { engineName, serverUrl, testDb } from './test-db.ts';

/*
 * issue 20 item 5: the CLI's entry runs in-process (no child process, no top-level parse): a
 * command through runCli on a real database, its output and its exit status, and an operator's
 * error said in one line with status 1.
 */
describe(`oversight entry, in-process (${engineName})`, () => {
  let dir: string;
  let close: () => Promise<void>;
  const saved = { ...process.env };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oversight-cli-entry-'));
    // PostgreSQL: a fresh database on the server; PGlite: the CLI's own data directory
    const t = serverUrl ? await testDb() : null;
    close = async () => {
      await t?.close();
      fs.rmSync(dir, { recursive: true, force: true });
    };
    Object.assign(process.env, {
      OVERSIGHT_DATA_DIR: path.join(dir, 'data'),
      DATABASE_URL: t?.url ?? '',
      OVERSIGHT_ENCRYPTION_KEY: crypto.randomBytes(32).toString('base64'),
    });
  }, 120_000);
  afterEach(() => {
    vi.restoreAllMocks();
    process.exitCode = undefined;
  });
  afterAll(async () => {
    process.env = saved;
    await close();
  });

  const ADD_USER = [
    'users',
    'add',
    'entry@copa.example',
    '--role',
    'investigator',
    '--agency',
    'COPA',
  ];

  /** Runs `oversight …args` through the entry; what it printed and the exit status it set. */
  async function oversight(...args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
    vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
    await runCli(['node', 'oversight', ...args]);
    const code = process.exitCode ?? 0;
    vi.restoreAllMocks();
    process.exitCode = undefined;
    return { out: out.join('\n'), err: err.join('\n'), code };
  }

  it('runs a command on the configured database and exits 0', async () => {
    const added = await oversight(...ADD_USER);
    expect(added.code).toBe(0);
    expect(added.out).toMatch(/^created user entry@copa\.example \(COPA: investigator\) id /);
    const stats = await oversight('stats', '--json');
    expect(stats.code).toBe(0);
    expect(JSON.parse(stats.out)).toMatchObject({ total: 0 });
  }, 120_000);

  it('says an error the operator caused in one line and exits 1', async () => {
    const again = await oversight(...ADD_USER);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/^oversight: .+ \(\w+\)$/);
  }, 120_000);
});
