import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  addKeyToFile,
  cipherForKeySource,
  createFieldCipher,
  envelopeKeyId,
  fieldKeyId,
  readKeyFile,
  resolveFieldKeys,
} from './encryption.ts';

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

describe('keyrings', () => {
  it('encrypts with the first key and decrypts with every key', () => {
    const [a, b] = [crypto.randomBytes(32), crypto.randomBytes(32)];
    const old = createFieldCipher(a).encrypt('under a', 'c');
    const ring = createFieldCipher([b, a]);
    expect(ring.currentKeyId()).toBe(fieldKeyId(b));
    expect(ring.keyIds()).toEqual([fieldKeyId(b), fieldKeyId(a)]);
    expect(ring.decrypt(old, 'c')).toBe('under a');
    const fresh = ring.encrypt('under b', 'c');
    expect(envelopeKeyId(fresh)).toBe(fieldKeyId(b));
    expect(() => createFieldCipher(a).decrypt(fresh, 'c')).toThrow(/not loaded/);
  });

  it('a tampered key id or a swapped tag does not decrypt', () => {
    const [a, b] = [crypto.randomBytes(32), crypto.randomBytes(32)];
    const ring = createFieldCipher([b, a]);
    const env = ring.encrypt('secret', 'c').split('.');
    const relabeled = [env[0], fieldKeyId(a), ...env.slice(2)].join('.');
    expect(() => ring.decrypt(relabeled, 'c')).toThrow();
    const other = ring.encrypt('other', 'c').split('.');
    const swapped = [...env.slice(0, 3), other[3], env[4]].join('.');
    expect(() => ring.decrypt(swapped, 'c')).toThrow();
  });

  it('a cipher on a key file picks up a rotated file without a restart', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ovs-ring-'));
    const keyFile = path.join(dir, 'keys', 'field.key');
    const source = resolveFieldKeys({ configured: undefined, keyFile, embedded: true });
    const cipher = cipherForKeySource(source);
    const before = cipher.encrypt('x', 'c');
    const newId = addKeyToFile(keyFile);
    expect(readKeyFile(keyFile)).toHaveLength(2);
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    // a value written by the rotating process is readable here at once
    const other = cipherForKeySource(
      resolveFieldKeys({ configured: undefined, keyFile, embedded: true }),
    );
    expect(cipher.decrypt(other.encrypt('y', 'c'), 'c')).toBe('y');
    // and this process now writes with the new key, still reading the old one
    expect(envelopeKeyId(cipher.encrypt('z', 'c'))).toBe(newId);
    expect(cipher.decrypt(before, 'c')).toBe('x');
  });

  it('environment keys: the configured key first, then the old ones', () => {
    const [a, b] = [crypto.randomBytes(32), crypto.randomBytes(32)];
    const source = resolveFieldKeys({
      configured: b.toString('base64'),
      oldKeys: [a.toString('base64')],
      keyFile: '/nonexistent/field.key',
      embedded: false,
    });
    expect(source.file).toBeNull();
    expect(cipherForKeySource(source).keyIds()).toEqual([fieldKeyId(b), fieldKeyId(a)]);
  });
});

describe('resolveFieldKeys', () => {
  it('generates a key once into the data directory for the embedded default', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ovs-key-'));
    const keyFile = path.join(dir, 'keys', 'field.key');
    const a = resolveFieldKeys({ configured: undefined, keyFile, embedded: true });
    const b = resolveFieldKeys({ configured: undefined, keyFile, embedded: true });
    expect(a.keys).toHaveLength(1);
    expect(a.keys[0]!.equals(b.keys[0]!)).toBe(true);
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
  });

  it('requires a configured key with a PostgreSQL server', () => {
    expect(() =>
      resolveFieldKeys({
        configured: undefined,
        keyFile: '/nonexistent/field.key',
        embedded: false,
      }),
    ).toThrow(/OVERSIGHT_ENCRYPTION_KEY/);
  });
});
