import crypto from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** Crockford base 32 without I, L, O, U: nothing to misread when copied by hand. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Lower-case letters and digits minus look-alikes (0/o, 1/l/i). */
const PASS_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

function randomString(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) {
    out += alphabet[crypto.randomInt(alphabet.length)];
  }
  return out;
}

/** `OV-XXXX-XXXX-XXXX`: 60 random bits, a lookup key that says nothing about the case. */
export function generateConfirmationNumber(): string {
  const g = (): string => randomString(CROCKFORD, 4);
  return `OV-${g()}-${g()}-${g()}`;
}

/** Four groups of five characters (about 99 bits): hard to guess even without the rate limit. */
export function generatePassphrase(): string {
  return Array.from({ length: 4 }, () => randomString(PASS_ALPHABET, 5)).join('-');
}

/** Spaces and case do not matter when the holder types the passphrase back. */
export function normalizePassphrase(p: string): string {
  return p.trim().toLowerCase().replace(/\s+/g, '-');
}

const ARGON2ID = 2;

/** argon2id of the normalized passphrase; only this is stored. */
export function hashPassphrase(passphrase: string): Promise<string> {
  return hash(normalizePassphrase(passphrase), { algorithm: ARGON2ID });
}

let dummyHash: Promise<string> | undefined;

/**
 * Verifies a passphrase. With no stored hash (unknown confirmation number) it verifies against a
 * fixed dummy hash, so an unknown number costs the same argon2id work as a wrong passphrase and
 * the two cannot be told apart by timing. argon2's own comparison is constant-time.
 */
export async function verifyPassphrase(
  storedHash: string | undefined,
  passphrase: string,
): Promise<boolean> {
  dummyHash ??= hash(generatePassphrase(), { algorithm: ARGON2ID });
  const against = storedHash ?? (await dummyHash);
  let ok = false;
  try {
    ok = await verify(against, normalizePassphrase(passphrase));
  } catch {
    ok = false;
  }
  return ok && storedHash !== undefined;
}
