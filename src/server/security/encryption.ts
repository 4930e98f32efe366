import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Field-level encryption of personal data with AES-256-GCM. An envelope is
 * `v1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url parts); the additional authenticated data binds
 * it to its row and column, so a ciphertext copied onto another party does not decrypt.
 *
 * Keys form a keyring (ADR 0017): the first key encrypts, every key decrypts, so values written
 * under an older key stay readable while `oversight keys rotate` re-encrypts them.
 */
export interface FieldCipher {
  encrypt(plaintext: string, context: string): string;
  decrypt(envelope: string, context: string): string;
  /** The id of the key new envelopes are written with. */
  currentKeyId(): string;
  /** The ids of every key this cipher can decrypt with, current first. */
  keyIds(): string[];
}

/** A value was encrypted under a key that is not in the keyring (removed too early, or lost). */
export class FieldKeyMissingError extends Error {
  constructor(readonly keyId: string) {
    super(`Field was encrypted with key ${keyId}, which is not loaded.`);
  }
}

/** The short public fingerprint of a key, written into every envelope it encrypts. */
export function fieldKeyId(key: Buffer): string {
  return crypto.createHash('sha256').update(key).digest('base64url').slice(0, 8);
}

/** The key id an envelope names, without decrypting it. */
export function envelopeKeyId(envelope: string): string {
  const [version, id] = envelope.split('.');
  if (version !== 'v1' || !id) {
    throw new Error('Unrecognized encrypted field format.');
  }
  return id;
}

function checkKey(key: Buffer): Buffer {
  if (key.length !== 32) {
    throw new Error('The encryption key must be 32 bytes (AES-256).');
  }
  return key;
}

/**
 * Builds the cipher from one key or a keyring (current key first). `refresh`, when given, is asked
 * for a newer keyring before every encryption and decryption: a key file that `oversight keys
 * rotate` rewrote (or an operator pruned) takes effect without a restart.
 */
export function createFieldCipher(
  keys: Buffer | readonly Buffer[],
  opts: { refresh?: () => readonly Buffer[] | undefined } = {},
): FieldCipher {
  let ring = new Map<string, Buffer>();
  let current = '';
  const load = (list: readonly Buffer[]): void => {
    if (list.length === 0) {
      throw new Error('The field-encryption keyring is empty.');
    }
    const next = new Map<string, Buffer>();
    for (const k of list) {
      next.set(fieldKeyId(checkKey(k)), k);
    }
    ring = next;
    current = fieldKeyId(list[0]!);
  };
  load(Buffer.isBuffer(keys) ? [keys] : keys);
  const refresh = (): void => {
    const newer = opts.refresh?.();
    if (newer) {
      load(newer);
    }
  };
  return {
    encrypt(plaintext, context) {
      refresh();
      const key = ring.get(current)!;
      const iv = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [
        'v1',
        current,
        iv.toString('base64url'),
        tag.toString('base64url'),
        ct.toString('base64url'),
      ].join('.');
    },
    decrypt(envelope, context) {
      const [version, id, iv, tag, ct] = envelope.split('.');
      if (version !== 'v1' || !id || !iv || !tag || ct === undefined) {
        throw new Error('Unrecognized encrypted field format.');
      }
      refresh();
      const key = ring.get(id);
      if (!key) {
        throw new FieldKeyMissingError(id);
      }
      const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([
        decipher.update(Buffer.from(ct, 'base64url')),
        decipher.final(),
      ]).toString('utf8');
    },
    currentKeyId: () => current,
    keyIds: () => [current, ...[...ring.keys()].filter((id) => id !== current)],
  };
}

const KEY_FILE_HEADER =
  '# Oversight field-encryption keys (ADR 0017): the first key encrypts, every key decrypts.\n';

/** Reads a key file: one base64 key per line, current first; `#` lines are comments. */
export function readKeyFile(file: string): Buffer[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l, i) => {
      const key = Buffer.from(l, 'base64');
      if (key.length !== 32) {
        throw new Error(`${file} line ${i + 1}: a key must be 32 bytes, base64-encoded.`);
      }
      return key;
    });
}

/**
 * Writes a key file atomically (a temporary file renamed over it, mode 0600): a crash leaves the
 * old file or the new one, never half of either.
 */
export function writeKeyFile(file: string, keys: readonly Buffer[]): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(tmp, 'w', 0o600);
  try {
    fs.writeSync(fd, KEY_FILE_HEADER + keys.map((k) => k.toString('base64')).join('\n') + '\n');
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}

/**
 * Generates a new key and makes it the current one in the key file, keeping every older key so
 * existing values stay readable. Returns the new key's id.
 */
export function addKeyToFile(file: string): string {
  const key = crypto.randomBytes(32);
  writeKeyFile(file, [key, ...(fs.existsSync(file) ? readKeyFile(file) : [])]);
  return fieldKeyId(key);
}

/** Where the field keys come from, resolved from configuration. */
export interface FieldKeySource {
  /** Current key first. */
  keys: Buffer[];
  /** The key file, when keys are read from one (rotation rewrites it); null for environment keys. */
  file: string | null;
}

/**
 * The keyring from configuration: `OVERSIGHT_ENCRYPTION_KEY` (+ `OVERSIGHT_ENCRYPTION_OLD_KEYS`)
 * when set, otherwise the key file (`OVERSIGHT_ENCRYPTION_KEY_FILE`, default
 * `dataDir/keys/field.key`), generated once (mode 0600) for the embedded default. A server
 * database without any key is refused: a key generated on one app server would strand the data for
 * every other.
 */
export function resolveFieldKeys(opts: {
  configured: string | undefined;
  oldKeys?: readonly string[];
  keyFile: string;
  embedded: boolean;
}): FieldKeySource {
  const old = (opts.oldKeys ?? []).map((k) => checkKey(Buffer.from(k, 'base64')));
  if (opts.configured) {
    return { keys: [checkKey(Buffer.from(opts.configured, 'base64')), ...old], file: null };
  }
  if (fs.existsSync(opts.keyFile)) {
    return { keys: [...readKeyFile(opts.keyFile), ...old], file: opts.keyFile };
  }
  if (!opts.embedded) {
    throw new Error(
      'OVERSIGHT_ENCRYPTION_KEY (32 random bytes, base64: `openssl rand -base64 32`) or an existing OVERSIGHT_ENCRYPTION_KEY_FILE is required with DATABASE_URL.',
    );
  }
  fs.mkdirSync(path.dirname(opts.keyFile), { recursive: true, mode: 0o700 });
  const key = crypto.randomBytes(32);
  fs.writeFileSync(opts.keyFile, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  return { keys: [key, ...old], file: opts.keyFile };
}

/**
 * The cipher for a key source. A key file is watched cheaply (one stat per encryption or
 * decryption): when rotation replaces it, this process starts encrypting with the new key and can
 * read values already re-encrypted — no restart, no downtime.
 */
export function cipherForKeySource(source: FieldKeySource): FieldCipher {
  const file = source.file;
  if (!file) {
    return createFieldCipher(source.keys);
  }
  const extra = source.keys.slice(readKeyFile(file).length);
  const stamp = (): string => {
    const s = fs.statSync(file, { throwIfNoEntry: false });
    return s ? `${s.ino}:${s.size}:${s.mtimeMs}` : '';
  };
  let seen = stamp();
  return createFieldCipher(source.keys, {
    refresh() {
      const now = stamp();
      if (now === seen || now === '') {
        return undefined;
      }
      seen = now;
      try {
        return [...readKeyFile(file), ...extra];
      } catch {
        // a half-edited file by hand: keep the keys we have rather than fail every request
        return undefined;
      }
    },
  });
}
