import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Field-level encryption of personal data with AES-256-GCM. An envelope is
 * `v1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url parts); the additional authenticated data binds
 * it to its row and column, so a ciphertext copied onto another party does not decrypt.
 */
export interface FieldCipher {
  encrypt(plaintext: string, context: string): string;
  decrypt(envelope: string, context: string): string;
}

/** Builds the cipher from a 32-byte key. The key id is a short fingerprint, for rotation. */
export function createFieldCipher(key: Buffer): FieldCipher {
  if (key.length !== 32) {
    throw new Error('The encryption key must be 32 bytes (AES-256).');
  }
  const keyId = crypto.createHash('sha256').update(key).digest('base64url').slice(0, 8);
  return {
    encrypt(plaintext, context) {
      const iv = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [
        'v1',
        keyId,
        iv.toString('base64url'),
        tag.toString('base64url'),
        ct.toString('base64url'),
      ].join('.');
    },
    decrypt(envelope, context) {
      const [version, id, iv, tag, ct] = envelope.split('.');
      if (version !== 'v1' || !iv || !tag || ct === undefined) {
        throw new Error('Unrecognized encrypted field format.');
      }
      if (id !== keyId) {
        throw new Error(`Field was encrypted with key ${id}, which is not loaded.`);
      }
      const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([
        decipher.update(Buffer.from(ct, 'base64url')),
        decipher.final(),
      ]).toString('utf8');
    },
  };
}

/**
 * The key from configuration, or for the embedded default one generated once into
 * `dataDir/keys/field.key` (mode 0600). A server database without a configured key is refused:
 * a key generated on one app server would strand the data for every other.
 */
export function resolveEncryptionKey(opts: {
  configured: string | undefined;
  dataDir: string;
  embedded: boolean;
}): Buffer {
  if (opts.configured) {
    return Buffer.from(opts.configured, 'base64');
  }
  if (!opts.embedded) {
    throw new Error(
      'OVERSIGHT_ENCRYPTION_KEY is required with DATABASE_URL (32 random bytes, base64: `openssl rand -base64 32`).',
    );
  }
  const keyPath = path.join(opts.dataDir, 'keys', 'field.key');
  if (fs.existsSync(keyPath)) {
    return Buffer.from(fs.readFileSync(keyPath, 'utf8').trim(), 'base64');
  }
  fs.mkdirSync(path.dirname(keyPath), { recursive: true, mode: 0o700 });
  const key = crypto.randomBytes(32);
  fs.writeFileSync(keyPath, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  return key;
}
