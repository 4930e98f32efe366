import crypto from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** Bearer tokens look like `ovs_<43 base64url chars>`; only their SHA-256 is stored. */
export function generateToken(): { token: string; hash: string } {
  const token = `ovs_${crypto.randomBytes(32).toString('base64url')}`;
  return { token, hash: hashToken(token) };
}

/** Tokens have 256 bits of entropy, so a fast hash is enough (no dictionary to attack). */
export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token, 'utf8').digest('hex');
}

const ARGON2ID = 2;

/** argon2id with the library's recommended memory and time costs. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password);
}
