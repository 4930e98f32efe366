import type { Command } from 'commander';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { verifyAuditTrail, writeCheckpoint } from '../../server/audit/checkpoints.ts';
import { withRuntime } from '../runtime.ts';

/** `oversight audit verify|checkpoint`: the audit trail's hash chain and signed checkpoints. */
export function registerAuditCommand(program: Command): void {
  const audit = program.command('audit').description('the audit trail');
  audit
    .command('verify')
    .description(
      'verify the hash chain and the signed checkpoints; exit status 0 only when both hold',
    )
    .option('--json', 'print the result as JSON')
    .option(
      '--public-key <file>',
      'check checkpoints with this public key (PEM) instead of the key file',
    )
    .action(async (opts: { json?: boolean; publicKey?: string }) => {
      const result = await withRuntime('oversight audit verify', (rt) =>
        verifyAuditTrail(
          rt.db,
          rt.jurisdiction,
          opts.publicKey
            ? crypto.createPublicKey(fs.readFileSync(opts.publicKey, 'utf8'))
            : rt.auditKey.publicKey,
        ),
      );
      if (opts.json) {
        console.log(JSON.stringify(result, null, 2));
      } else if (result.ok) {
        console.log(
          `audit chain OK: ${result.checked} events, last seq ${result.lastSeq}; ${result.checkpoints.checked} signed checkpoint(s) hold (key ${result.checkpoints.keyId}), latest at seq ${result.checkpoints.latestSeq}`,
        );
      } else {
        console.log(
          `audit chain BROKEN: ${result.problems.length} problem(s) in ${result.checked} events`,
        );
        for (const p of result.problems.slice(0, 20)) {
          console.log(`  seq ${p.seq}: ${p.problem} (${p.detail})`);
        }
      }
      process.exitCode = result.ok ? 0 : 1;
    });
  audit
    .command('checkpoint')
    .description('sign the current chain tip now (the server also does it periodically)')
    .action(async () => {
      const r = await withRuntime('oversight audit checkpoint', (rt) =>
        writeCheckpoint(rt.db, rt.jurisdiction, rt.auditKey, new Date()),
      );
      console.log(
        r.written
          ? `signed checkpoint at seq ${r.seq}`
          : `nothing new to sign (latest checkpoint is at seq ${r.seq})`,
      );
    });
}
