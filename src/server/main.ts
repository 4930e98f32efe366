import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import type { Config } from './config/config.ts';
import { openRuntime, type Runtime } from './runtime.ts';
import { writeCheckpoint } from './audit/checkpoints.ts';

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
  const checkpoints =
    config.auditCheckpointMinutes > 0
      ? setInterval(() => {
          writeCheckpoint(runtime.db, runtime.jurisdiction, runtime.auditKey, new Date()).catch(
            (err: unknown) => app.log.error({ err }, 'audit checkpoint failed'),
          );
        }, config.auditCheckpointMinutes * 60_000)
      : undefined;
  checkpoints?.unref();
  app.addHook('onClose', () => clearInterval(checkpoints));
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
