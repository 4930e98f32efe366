import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFieldCipher, resolveEncryptionKey } from './encryption.ts';

describe('field encryption (AES-256-GCM)', () => {
  const cipher = createFieldCipher(crypto.randomBytes(32));

  it('round-trips and never contains the plaintext', () => {
    const env = cipher.encrypt('María López, 312-555-0100', 'parties.identity_enc:p1');
    expect(env).not.toContain('María');
    expect(env.startsWith('v1.')).toBe(true);
    expect(cipher.decrypt(env, 'parties.identity_enc:p1')).toBe('María López, 312-555-0100');
  });

  it('uses a fresh IV each time', () => {
    expect(cipher.encrypt('same', 'c')).not.toBe(cipher.encrypt('same', 'c'));
  });

  it('refuses a ciphertext moved to another row (AAD binds the context)', () => {
    const env = cipher.encrypt('secret', 'parties.identity_enc:p1');
    expect(() => cipher.decrypt(env, 'parties.identity_enc:p2')).toThrow();
  });

  it('refuses a tampered ciphertext', () => {
    const env = cipher.encrypt('secret', 'c');
    const parts = env.split('.');
    const ct = Buffer.from(parts[4]!, 'base64url');
    ct[0] = ct[0]! ^ 1;
    parts[4] = ct.toString('base64url');
    expect(() => cipher.decrypt(parts.join('.'), 'c')).toThrow();
  });

  it('names the key a field needs when another key is loaded', () => {
    const env = cipher.encrypt('secret', 'c');
    expect(() => createFieldCipher(crypto.randomBytes(32)).decrypt(env, 'c')).toThrow(/not loaded/);
  });

  it('rejects keys that are not 32 bytes', () => {
    expect(() => createFieldCipher(crypto.randomBytes(16))).toThrow(/32 bytes/);
  });
});

describe('resolveEncryptionKey', () => {
  it('generates a key once into the data directory for the embedded default', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ovs-key-'));
    const a = resolveEncryptionKey({ configured: undefined, dataDir: dir, embedded: true });
    const b = resolveEncryptionKey({ configured: undefined, dataDir: dir, embedded: true });
    expect(a.equals(b)).toBe(true);
    expect(fs.statSync(path.join(dir, 'keys', 'field.key')).mode & 0o777).toBe(0o600);
  });

  it('requires a configured key with a PostgreSQL server', () => {
    expect(() =>
      resolveEncryptionKey({ configured: undefined, dataDir: '/nonexistent', embedded: false }),
    ).toThrow(/OVERSIGHT_ENCRYPTION_KEY/);
  });
});
