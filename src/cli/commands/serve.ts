import type { Command } from 'commander';
import { loadConfig } from '../../server/config/config.ts';
import { startServer } from '../../server/main.ts';
import { parsePort } from '../runtime.ts';

/** `oversight serve`: migrate the database and serve the API. */
export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('migrate the database and serve the API')
    .option('--port <n>', 'port (default $PORT or 3000)', parsePort)
    .option('--host <h>', 'interface (default $HOST or 127.0.0.1)')
    .action(async (opts: { port?: number; host?: string }) => {
      const config = loadConfig();
      await startServer({
        ...config,
        ...(opts.port !== undefined ? { port: opts.port } : {}),
        ...(opts.host ? { host: opts.host } : {}),
      });
    });
}
