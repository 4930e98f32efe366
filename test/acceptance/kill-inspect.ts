/**
 * A restarted process, for the kill harness: opens the database the environment names exactly as
 * `oversight serve` or an import would after a crash (`openRuntime`: the embedded lock, PGlite's
 * recovery, pending migrations, the audit head), prints what it finds as JSON, and closes.
 */
import { loadConfig } from '../../src/server/config/config.ts';
import { openRuntime } from '../../src/server/runtime.ts';
import { inspect } from './kill-harness.ts';

const rt = await openRuntime(loadConfig(), 'kill harness inspection');
try {
  process.stdout.write(JSON.stringify(await inspect(rt)));
} finally {
  await rt.close();
}
