import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import type { Config } from './config/config.ts';
import { openRuntime, type Runtime } from './runtime.ts';
import { writeCheckpoint } from './audit/checkpoints.ts';
import { refreshCaseListStatistics } from './repositories/case-list.repository.ts';

/** Runs `task` every `minutes` while the app serves (0: never); a failure is logged, not thrown. */
function every(
  app: FastifyInstance,
  minutes: number,
  what: string,
  task: () => Promise<void>,
): void {
  if (minutes <= 0) {
    return;
  }
  const timer = setInterval(() => {
    task().catch((err: unknown) => app.log.error({ err }, `${what} failed`));
  }, minutes * 60_000);
  timer.unref();
  app.addHook('onClose', () => clearInterval(timer));
}

/**
 * Process entry for `oversight serve`: open and migrate the database, build the app, listen, and
 * close everything in order on SIGINT/SIGTERM.
 */
export async function startServer(
  config: Config,
  existing?: Runtime,
): Promise<{ app: FastifyInstance; runtime: Runtime }> {
  const runtime = existing ?? (await openRuntime(config, 'oversight serve'));
  const app = await buildApp({
    db: runtime.db,
    cipher: runtime.cipher,
    profile: runtime.profile,
    jurisdiction: runtime.jurisdiction,
    bodyLimit: config.bodyLimit,
    logLevel: config.logLevel,
    sessions: config.sessions,
    webRoot: config.webRoot,
    publicPortal: {
      suppressionThreshold: config.suppressionThreshold,
      statsTtlMs: config.publicStatsTtlSeconds * 1000,
    },
    auditKey: runtime.auditKey,
    signInRateLimit: { max: config.signInRateLimit, windowMs: 15 * 60_000 },
    tokens: config.tokens,
    oidc: config.oidc,
    mail: config.mail,
    metricsAccess: config.metricsAccess,
  });
  // ADR 0014: sign the chain tip periodically while serving (idle logs get no new checkpoint)
  every(app, config.auditCheckpointMinutes, 'audit checkpoint', () =>
    writeCheckpoint(runtime.db, runtime.jurisdiction, runtime.auditKey, new Date()).then(
      () => undefined,
    ),
  );
  // ADR 0058: the embedded database has no autovacuum; the staff list's index-only scans and its
  // planner statistics are kept here (about a second during which requests wait, on 98,000 cases)
  if (runtime.db.engine === 'pglite') {
    every(app, config.embeddedMaintenanceMinutes, 'embedded maintenance', async () => {
      const started = performance.now();
      await refreshCaseListStatistics(runtime.db);
      app.log.info({ ms: Math.round(performance.now() - started) }, 'embedded maintenance done');
    });
  }
  let closing = false;
  const shutdown = (signal: string): void => {
    if (closing) {
      return;
    }
    closing = true;
    app.log.info({ signal }, 'shutting down');
    void app
      .close()
      .then(() => runtime.close())
      .then(() => process.exit(0))
      .catch((err: unknown) => {
        app.log.error({ err }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  await app.listen({ port: config.port, host: config.host });
  return { app, runtime };
}
