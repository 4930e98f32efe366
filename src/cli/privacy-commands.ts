import { InvalidArgumentError, type Command } from 'commander';
import { loadConfig } from '../server/config/config.ts';
import { openRuntime, type Runtime } from '../server/runtime.ts';
import {
  fieldKeyStatus,
  pruneFieldKeys,
  rotateFieldKeys,
  type KeyStatus,
} from '../server/commands/rotate-keys.ts';
import { exportSubjectAccess } from '../server/commands/subject-access.ts';
import { applyRetention, changeLegalHold } from '../server/commands/retention.ts';

/*
 * The personal-data commands (ADR 0017): `keys`, `subject-access`, `retention`. They run as the
 * system (whoever can run the CLI holds the keys and the database already); every one of them is
 * audited.
 */

async function withRuntime<T>(purpose: string, fn: (rt: Runtime) => Promise<T>): Promise<T> {
  const rt = await openRuntime(loadConfig(), purpose);
  try {
    return await fn(rt);
  } finally {
    await rt.close();
  }
}

function positiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) {
    throw new InvalidArgumentError('must be a positive whole number');
  }
  return n;
}

function printStatus(s: KeyStatus): void {
  console.log(`current key: ${s.currentKeyId}; loaded: ${s.loadedKeyIds.join(', ')}`);
  for (const f of s.fields) {
    console.log(`${f.field}:`);
    if (f.byKey.length === 0) {
      console.log('  (no values)');
    }
    for (const k of f.byKey) {
      const note = k.current ? 'current' : k.loaded ? 'older, to re-encrypt' : 'KEY NOT LOADED';
      console.log(`  ${k.keyId}: ${k.values} value(s) (${note})`);
    }
  }
  console.log(`to re-encrypt: ${s.toReencrypt}; unreadable (key not loaded): ${s.unreadable}`);
}

/** Adds the personal-data commands to the program. */
export function registerPrivacyCommands(program: Command): void {
  const keys = program.command('keys').description('field-encryption keys (ADR 0017)');
  keys
    .command('status')
    .description('how many encrypted values each key id holds')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      const s = await withRuntime('oversight keys status', (rt) =>
        fieldKeyStatus({
          db: rt.db,
          cipher: rt.cipher,
          jurisdiction: rt.jurisdiction,
          now: () => new Date(),
        }),
      );
      if (opts.json) {
        console.log(JSON.stringify(s, null, 2));
      } else {
        printStatus(s);
      }
      process.exitCode = s.unreadable > 0 ? 1 : 0;
    });
  keys
    .command('rotate')
    .description(
      'make a new key current (in the key file) and re-encrypt every value in batches; run again after a crash to continue',
    )
    .option('--batch-size <n>', 'values per transaction', positiveInt, 500)
    .action(async (opts: { batchSize: number }) => {
      const r = await withRuntime('oversight keys rotate', (rt) =>
        rotateFieldKeys(
          {
            db: rt.db,
            jurisdiction: rt.jurisdiction,
            now: () => new Date(),
            keySource: rt.keySource,
          },
          {
            batchSize: opts.batchSize,
            onBatch: (b) => console.error(`  batch ${b.batch}: ${b.reencrypted} ${b.field}`),
          },
        ),
      );
      console.log(
        r.newKey
          ? `new key ${r.keyId} is current in ${r.file}`
          : `continuing the rotation to key ${r.keyId}`,
      );
      console.log(
        `re-encrypted ${r.reencrypted} value(s) in ${r.batches} batch(es); left on older keys: ${r.toReencrypt}`,
      );
      if (r.toReencrypt > 0) {
        console.log('some rows were busy; run `oversight keys rotate` again to finish');
      }
      process.exitCode = r.toReencrypt > 0 ? 1 : 0;
    });
  keys
    .command('prune')
    .description('remove from the key file the older keys no value uses any more')
    .action(async () => {
      const r = await withRuntime('oversight keys prune', (rt) =>
        pruneFieldKeys({
          db: rt.db,
          jurisdiction: rt.jurisdiction,
          now: () => new Date(),
          keySource: rt.keySource,
        }),
      );
      console.log(
        r.removed.length > 0
          ? `removed ${r.removed.join(', ')}; kept ${r.kept.join(', ')}`
          : `nothing to remove; kept ${r.kept.join(', ')}`,
      );
    });

  program
    .command('subject-access <party-ids...>')
    .description(
      'print (JSON) everything held about one person, by their party ids; other people only by role; audited',
    )
    .action(async (partyIds: string[]) => {
      for (const id of partyIds) {
        if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) {
          throw new InvalidArgumentError(`not a party id (UUID): ${id}`);
        }
      }
      const out = await withRuntime('oversight subject-access', (rt) =>
        exportSubjectAccess(
          {
            db: rt.db,
            now: () => new Date(),
            actor: 'system',
            ip: null,
            cipher: rt.cipher,
            jurisdiction: rt.jurisdiction,
          },
          partyIds,
        ),
      );
      console.log(JSON.stringify(out, null, 2));
    });

  const retention = program
    .command('retention')
    .description('retention of civilian identities on closed cases');
  retention
    .command('run')
    .description(
      'purge the identity fields of cases closed longer than OVERSIGHT_IDENTITY_RETENTION_YEARS (never open or held cases)',
    )
    .option('--dry-run', 'only count what would be purged')
    .action(async (opts: { dryRun?: boolean }) => {
      const config = loadConfig();
      if (config.identityRetentionYears === undefined) {
        throw new InvalidArgumentError(
          'no retention period is configured: set OVERSIGHT_IDENTITY_RETENTION_YEARS (years after closure)',
        );
      }
      const years = config.identityRetentionYears;
      const r = await withRuntime('oversight retention run', (rt) =>
        applyRetention(
          { db: rt.db, now: () => new Date(), jurisdiction: rt.jurisdiction },
          { years, dryRun: Boolean(opts.dryRun) },
        ),
      );
      console.log(
        `${r.dryRun ? 'DRY RUN: would purge' : 'purged'} the identities of ${r.parties} part(y/ies) on ${r.cases} case(s) closed before ${r.closedBefore} (${r.years} years); ${r.heldCases} case(s) kept by a legal hold`,
      );
    });
  retention
    .command('hold <log-number>')
    .description('put a case under a legal hold (never purged), or --release it')
    .option('--release', 'release the hold')
    .action(async (logNumber: string, opts: { release?: boolean }) => {
      const hold = !opts.release;
      const r = await withRuntime('oversight retention hold', (rt) =>
        changeLegalHold(
          { db: rt.db, now: () => new Date(), jurisdiction: rt.jurisdiction },
          logNumber,
          hold,
        ),
      );
      console.log(
        `${logNumber}: legal hold ${hold ? 'on' : 'off'}${r.changed ? '' : ' (unchanged)'}`,
      );
    });
}
