import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startServer } from './server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The demo users' TOTP secret, as `oversight demo` printed it. */
    totpSecret: string;
    /** Where the journeys keep the last TOTP step used per user (see e2e/totp.ts). */
    totpState: string;
  }
}

/** One real server with demo data for the whole e2e run; journeys make their own cases. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startServer();
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oversight-e2e-totp-'));
  project.provide('baseUrl', server.baseUrl);
  project.provide('totpSecret', server.totpSecret);
  project.provide('totpState', path.join(stateDir, 'steps.json'));
  return async () => {
    await server.stop();
    fs.rmSync(stateDir, { recursive: true, force: true });
  };
}
