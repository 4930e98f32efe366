import type { Command } from 'commander';
import { loadConfig } from '../../server/config/config.ts';
import { DataDirLockedError } from '../../server/db/client.ts';
import { openDatabase } from '../../server/runtime.ts';
import {
  BackupRefusedError,
  createBackup,
  restoreBackup,
  type BackupManifest,
} from '../../server/commands/backup.ts';

/*
 * `oversight backup <file>` and `oversight restore <file>` (issue 21 item 4, ADR 0039). Neither
 * needs a key: the backup holds the encrypted values as stored, and the keys are kept elsewhere
 * (docs/operations.md "Key custody").
 */

function summary(m: BackupManifest): string {
  const rows = Object.values(m.rowCounts).reduce((a, b) => a + b, 0);
  const cases = m.rowCounts.cases ?? 0;
  return `${m.engine}, jurisdiction ${m.jurisdiction}, schema ${m.schemaVersion}, taken ${m.createdAt}: ${cases} cases, ${rows} rows in ${Object.keys(m.rowCounts).length} tables, audit chain at seq ${m.auditHead?.seq ?? 0}`;
}

/** Adds `backup` and `restore` to the program. */
export function registerBackupCommands(program: Command): void {
  program
    .command('backup <file>')
    .description(
      'write a consistent snapshot of the database to a new file (PGlite data directory or pg_dump custom format, with a manifest); no key is in it',
    )
    .action(async (file: string) => {
      const config = loadConfig();
      let opened: Awaited<ReturnType<typeof openDatabase>>;
      try {
        opened = await openDatabase(config, 'oversight backup');
      } catch (err) {
        if (err instanceof DataDirLockedError) {
          // the embedded database has one owner (ADR 0002): the backup takes its lock (ADR 0039)
          throw new BackupRefusedError(
            `${err.message} A backup of the embedded database takes it for the seconds the snapshot lasts: stop the server, back up, start it again (docs/operations.md).`,
          );
        }
        throw err;
      }
      try {
        const manifest = await createBackup({
          db: opened.db,
          databaseUrl: config.databaseUrl,
          jurisdiction: config.jurisdiction,
          file,
          pgBinDir: config.pgBinDir,
          now: new Date(),
        });
        console.log(`backup written to ${file}: ${summary(manifest)}`);
        console.log('The keys are not in it: keep them apart (docs/operations.md, Key custody).');
      } finally {
        await opened.db.close();
        opened.release();
      }
    });

  program
    .command('restore <file>')
    .description(
      'restore a backup into an empty data directory (embedded) or an empty database (DATABASE_URL), then migrate it forward; refuses another jurisdiction, a newer schema, a non-empty target or a damaged file',
    )
    .action(async (file: string) => {
      const config = loadConfig();
      const { manifest, migrated } = await restoreBackup({
        file,
        jurisdiction: config.jurisdiction,
        target: config.databaseUrl
          ? { engine: 'postgres', url: config.databaseUrl }
          : { engine: 'pglite', dataDir: config.dataDir },
        pgBinDir: config.pgBinDir,
      });
      console.log(`restored ${summary(manifest)}; row counts match the manifest`);
      console.log(
        migrated.length > 0 ? `migrated forward: ${migrated.join(', ')}` : 'schema is current',
      );
    });
}
