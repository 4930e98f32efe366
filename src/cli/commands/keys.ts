import type { Command } from 'commander';
import {
  fieldKeyStatus,
  pruneFieldKeys,
  rotateFieldKeys,
  type KeyStatus,
} from '../../server/commands/rotate-keys.ts';
import { bundle } from '../../server/services.ts';
import { wholeNumber, withRuntime } from '../runtime.ts';

const positiveInt = wholeNumber(1, Infinity, 'must be a positive whole number');

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

/**
 * `oversight keys status|rotate|prune`: the field-encryption keys (ADR 0017). They run as the system (whoever can run the CLI holds the keys and the
 * database already); every one of them is audited.
 */
export function registerKeysCommand(program: Command): void {
  const keys = program.command('keys').description('field-encryption keys (ADR 0017)');
  keys
    .command('status')
    .description('how many encrypted values each key id holds')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      const s = await withRuntime('oversight keys status', (rt) => fieldKeyStatus(bundle(rt)));
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
          { ...bundle(rt), keySource: rt.keySource },
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
        pruneFieldKeys({ ...bundle(rt), keySource: rt.keySource }),
      );
      console.log(
        r.removed.length > 0
          ? `removed ${r.removed.join(', ')}; kept ${r.kept.join(', ')}`
          : `nothing to remove; kept ${r.kept.join(', ')}`,
      );
    });
}
