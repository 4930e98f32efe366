import type { Db } from '../db/client.ts';
import { AuditAction, recordAudit } from '../audit/audit.ts';
import { UnprocessableError } from '../errors.ts';
import {
  countValuesByKey,
  lockValuesToReencrypt,
  replaceValues,
} from '../repositories/encrypted-fields.repository.ts';
import { ENCRYPTED_FIELDS } from '../security/encrypted-fields.ts';
import {
  addKeyToFile,
  cipherForKeySource,
  readKeyFile,
  fieldKeyId,
  writeKeyFile,
  type FieldCipher,
  type FieldKeySource,
} from '../security/encryption.ts';
import { systemAuditContext } from './context.ts';

/** What key maintenance needs: no actor (it runs from the CLI as the system), a clock. */
export interface KeyDeps {
  db: Db;
  cipher: FieldCipher;
  jurisdiction: string;
  now: () => Date;
}

/** How many values each key id encrypts, per encrypted column (`oversight keys status`). */
export interface KeyStatus {
  currentKeyId: string;
  loadedKeyIds: string[];
  fields: Array<{
    field: string;
    byKey: Array<{ keyId: string; values: number; current: boolean; loaded: boolean }>;
  }>;
  /** Values under an older key that is loaded: what `keys rotate` still has to re-encrypt. */
  toReencrypt: number;
  /** Values under a key that is not loaded: unreadable until that key is put back. */
  unreadable: number;
}

/** Counts the values per key id of every encrypted column. */
export async function fieldKeyStatus(deps: KeyDeps): Promise<KeyStatus> {
  const current = deps.cipher.currentKeyId();
  const loaded = deps.cipher.keyIds();
  const fields: KeyStatus['fields'] = [];
  let toReencrypt = 0;
  let unreadable = 0;
  for (const field of ENCRYPTED_FIELDS) {
    const counts = await countValuesByKey(deps.db, deps.jurisdiction, field);
    fields.push({
      field: field.name,
      byKey: counts.map((c) => ({
        ...c,
        current: c.keyId === current,
        loaded: loaded.includes(c.keyId),
      })),
    });
    for (const c of counts) {
      if (!loaded.includes(c.keyId)) {
        unreadable += c.values;
      } else if (c.keyId !== current) {
        toReencrypt += c.values;
      }
    }
  }
  return { currentKeyId: current, loadedKeyIds: loaded, fields, toReencrypt, unreadable };
}

/** One committed batch, as progress reports and tests see it. */
export interface BatchReport {
  field: string;
  batch: number;
  reencrypted: number;
}

/** The outcome of a re-encryption run. */
export interface ReencryptResult {
  keyId: string;
  reencrypted: number;
  batches: number;
  /** Values still under a loaded older key (rows a live transaction held through every pass). */
  toReencrypt: number;
  /** Values under keys that are not loaded, which no run can re-encrypt. */
  unreadable: number;
}

const MAX_PASSES = 5;

/**
 * Re-encrypts every value under an older key with the current key, in batches: each batch is one
 * short transaction that locks its rows (`FOR UPDATE SKIP LOCKED`, in id order after the previous
 * batch), rewrites them, and records one audit row naming the column, the key ids and the count —
 * never a value. The server keeps reading (every key still decrypts) and writing (with the current
 * key) meanwhile. A crash loses at most the batch in flight; running again continues, because
 * what is left is exactly the values not yet under the current key. A pass is repeated while rows
 * were skipped or written under an old key behind the cursor (a server that had not yet seen the
 * new key file).
 */
export async function reencryptFields(
  deps: KeyDeps,
  opts: { batchSize?: number; onBatch?: (b: BatchReport) => Promise<void> | void } = {},
): Promise<ReencryptResult> {
  const batchSize = opts.batchSize ?? 500;
  const current = deps.cipher.currentKeyId();
  const older = deps.cipher.keyIds().filter((id) => id !== current);
  let reencrypted = 0;
  let batches = 0;
  for (const field of ENCRYPTED_FIELDS) {
    for (let pass = 0; pass < MAX_PASSES && older.length > 0; pass++) {
      let after: string | null = null;
      let passCount = 0;
      for (;;) {
        const done: number | null = await deps.db.transaction(async (tx) => {
          const rows = await lockValuesToReencrypt(
            tx,
            deps.jurisdiction,
            field,
            older,
            after,
            Math.min(batchSize, field.maxBatch),
          );
          if (rows.length === 0) {
            return null;
          }
          after = rows.at(-1)!.id;
          const from: Record<string, number> = {};
          const changes = rows.map((r) => {
            const context = field.context(r.id);
            const keyId = r.value.split('.')[1]!;
            from[keyId] = (from[keyId] ?? 0) + 1;
            let plaintext: string;
            try {
              plaintext = deps.cipher.decrypt(r.value, context);
            } catch (err) {
              // loud, and naming only the row: the value itself is never printed
              throw new Error(
                `${field.name} of row ${r.id} does not decrypt (${(err as Error).message}); rotation stopped, nothing of this batch was written.`,
              );
            }
            return { id: r.id, from: r.value, to: deps.cipher.encrypt(plaintext, context) };
          });
          const n = await replaceValues(tx, field, changes);
          await recordAudit(tx, systemAuditContext(deps.jurisdiction, deps.now()), {
            action: AuditAction.key_rotated,
            entityType: 'encryption_key',
            entityId: current,
            changes: { field: field.name, reencrypted: n, fromKeys: from, batch: batches + 1 },
          });
          return n;
        });
        if (done === null) {
          break;
        }
        batches++;
        reencrypted += done;
        passCount += done;
        await opts.onBatch?.({ field: field.name, batch: batches, reencrypted: done });
      }
      if (passCount === 0) {
        break;
      }
    }
  }
  const status = await fieldKeyStatus(deps);
  return {
    keyId: current,
    reencrypted,
    batches,
    toReencrypt: status.toReencrypt,
    unreadable: status.unreadable,
  };
}

/** The outcome of `oversight keys rotate`. */
export interface RotationResult extends ReencryptResult {
  /** True when this run generated the key; false when it continued an unfinished rotation. */
  newKey: boolean;
  /** The key file written, or null when keys come from the environment. */
  file: string | null;
  /** The cipher with the keyring after rotation (the caller's old one may predate the new key). */
  cipher: FieldCipher;
}

/**
 * `oversight keys rotate`: when every value is already under the current key, generates a new key
 * and makes it current in the key file (older keys kept, ADR 0017), then re-encrypts. When values
 * under an older loaded key remain — a rotation that crashed, or keys changed in the environment —
 * it generates nothing and continues re-encrypting them.
 */
export async function rotateFieldKeys(
  deps: Omit<KeyDeps, 'cipher'> & { keySource: FieldKeySource },
  opts: { batchSize?: number; onBatch?: (b: BatchReport) => Promise<void> | void } = {},
): Promise<RotationResult> {
  let source = deps.keySource;
  let cipher = cipherForKeySource(source);
  const before = await fieldKeyStatus({ ...deps, cipher });
  if (before.unreadable > 0) {
    const missing = before.fields
      .flatMap((f) => f.byKey)
      .filter((k) => !k.loaded)
      .map((k) => `${k.keyId} (${k.values})`);
    throw new UnprocessableError(
      'field_keys_missing',
      `${before.unreadable} value(s) are under keys that are not loaded: ${missing.join(', ')}. Put those keys back in the key file (or OVERSIGHT_ENCRYPTION_OLD_KEYS) first; nothing was changed.`,
    );
  }
  let newKey = false;
  if (before.toReencrypt === 0) {
    if (!source.file) {
      throw new UnprocessableError(
        'keys_in_environment',
        'The field keys come from OVERSIGHT_ENCRYPTION_KEY: put a new key there (`openssl rand -base64 32`), the old one in OVERSIGHT_ENCRYPTION_OLD_KEYS, restart the servers, then run `oversight keys rotate` again to re-encrypt.',
      );
    }
    const extra = source.keys.slice(readKeyFile(source.file).length);
    addKeyToFile(source.file);
    source = { keys: [...readKeyFile(source.file), ...extra], file: source.file };
    cipher = cipherForKeySource(source);
    newKey = true;
  }
  const result = await reencryptFields({ ...deps, cipher }, opts);
  return { ...result, newKey, file: source.file, cipher };
}

/**
 * `oversight keys prune`: removes from the key file every older key that no value uses any more.
 * A key still encrypting a value is kept, so pruning never makes data unreadable.
 */
export async function pruneFieldKeys(
  deps: Omit<KeyDeps, 'cipher'> & { keySource: FieldKeySource },
): Promise<{ removed: string[]; kept: string[] }> {
  const file = deps.keySource.file;
  if (!file) {
    throw new UnprocessableError(
      'keys_in_environment',
      'The field keys come from the environment: remove unused keys from OVERSIGHT_ENCRYPTION_OLD_KEYS yourself (`oversight keys status` shows which are unused).',
    );
  }
  const status = await fieldKeyStatus({ ...deps, cipher: cipherForKeySource(deps.keySource) });
  const used = new Set(status.fields.flatMap((f) => f.byKey.map((k) => k.keyId)));
  const keys = readKeyFile(file);
  const keep = keys.filter((k, i) => i === 0 || used.has(fieldKeyId(k)));
  const removed = keys.filter((k) => !keep.includes(k)).map(fieldKeyId);
  if (removed.length > 0) {
    writeKeyFile(file, keep);
  }
  return { removed, kept: keep.map(fieldKeyId) };
}
