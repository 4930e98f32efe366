import crypto from 'node:crypto';
import fs from 'node:fs';
import { hash } from '@node-rs/argon2';
import { describe, expect, it } from 'vitest';
import {
  generatePassphrase,
  hashPassphrase,
  normalizePassphrase,
  verifyPassphrase,
} from './complaint-secrets.ts';
import {
  MIN_PASSPHRASE_BITS,
  passphraseBits,
  passphraseLength,
  passphraseWords,
} from './passphrase-words.ts';

const sha256 = (file: string): string =>
  crypto
    .createHash('sha256')
    .update(fs.readFileSync(new URL(`./wordlists/${file}`, import.meta.url)))
    .digest('hex');

describe('passphrase words (ADR 0027)', () => {
  it('are the published lists, unchanged (wordlists/README.md)', () => {
    expect(sha256('eff-large.txt')).toBe(
      'addd35536511597a02fa0a9ff1e5284677b8883b83e986e43f15a3db996b903e',
    );
    expect(sha256('bip39-spanish.txt')).toBe(
      '46846a5a0139d1e3cb77293e521c2865f7bcdb82c44e8d0a06a2cd0ecba48c0b',
    );
  });

  it('hold distinct words, none unfit for a complainant, with the entropy docs/security.md states', () => {
    for (const lang of ['en', 'es'] as const) {
      const words = passphraseWords(lang);
      expect(new Set(words).size, lang).toBe(words.length);
      // typed back without accents, no two words become one
      expect(new Set(words.map(normalizePassphrase)).size, lang).toBe(words.length);
      expect(words, lang).not.toContain('police');
      expect(words, lang).not.toContain('policía');
      expect(passphraseBits(lang)).toBeGreaterThanOrEqual(MIN_PASSPHRASE_BITS);
    }
    // the numbers docs/security.md gives
    expect([passphraseWords('en').length, passphraseLength('en')]).toEqual([7740, 6]);
    expect([passphraseWords('es').length, passphraseLength('es')]).toEqual([2004, 7]);
    expect(passphraseBits('en').toFixed(1)).toBe('77.5');
    expect(passphraseBits('es').toFixed(1)).toBe('76.8');
  });

  it('are drawn in the complainant’s language', () => {
    const en = generatePassphrase('en').split('-');
    const es = generatePassphrase('es').split('-');
    expect(en).toHaveLength(6);
    expect(es).toHaveLength(7);
    for (const w of en) {
      expect(passphraseWords('en')).toContain(w);
    }
    for (const w of es) {
      expect(passphraseWords('es')).toContain(w);
    }
  });
});

describe('verifying a passphrase', () => {
  it('ignores case, spaces and accents', async () => {
    const stored = await hashPassphrase('ábaco-lince-ñandú');
    expect(await verifyPassphrase(stored, '  Abaco lince  ÑANDU ')).toBe(true);
    expect(await verifyPassphrase(stored, 'abaco-lince')).toBe(false);
  });

  it('still accepts a passphrase of the earlier releases, hashed as they stored it', async () => {
    // four groups of five characters, argon2id of the text as typed then (trimmed, lower case)
    const old = 'k7mqz-4rtwp-h9xca-3nbve';
    const stored = await hash(old, { algorithm: 2 });
    expect(await verifyPassphrase(stored, old)).toBe(true);
    expect(await verifyPassphrase(stored, ' K7MQZ 4RTWP H9XCA 3NBVE ')).toBe(true);
    expect(await verifyPassphrase(stored, 'k7mqz-4rtwp-h9xca-3nbvf')).toBe(false);
  });
});
