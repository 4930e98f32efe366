import crypto from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { PublicLanguage } from '../../shared/schemas/public.ts';
import { passphraseLength, passphraseWords } from './passphrase-words.ts';

/** Crockford base 32 without I, L, O, U: nothing to misread when copied by hand. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
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

/**
 * Words in the complainant's language, drawn uniformly at random and joined by hyphens
 * (`lavender-lunacy-…`, `ábaco-lince-…`): at least 75 bits (docs/security.md, ADR 0027), and a
 * person can read it aloud and write it down. Until issue 23 it was four groups of five random
 * characters; those passphrases still verify (normalizePassphrase leaves them as they were).
 */
export function generatePassphrase(language: PublicLanguage = 'en'): string {
  const words = passphraseWords(language);
  return Array.from(
    { length: passphraseLength(language) },
    () => words[crypto.randomInt(words.length)]!,
  ).join('-');
}

/**
 * Spaces, case and accents do not matter when the holder types the passphrase back: `Ábaco
 * lince` is `abaco-lince`. The character passphrases of earlier releases (a–z, 2–9, hyphens) are
 * unchanged by this, so their stored hashes still verify.
 */
export function normalizePassphrase(p: string): string {
  return p.trim().toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/\s+/g, '-');
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
