import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PublicLanguage } from '../../shared/schemas/public.ts';

/*
 * The words of a complainant's passphrase, in their language (issue 23 item 9, ADR 0027): words a
 * person can read aloud, say on the phone and write on paper. The lists are data
 * (wordlists/README.md: sources, licences, checksums).
 */

const DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'wordlists');

/**
 * Words left out: a person who has just reported the police should not be handed "police
 * handcuff strangle" to keep. Violence, arrest and courts, death and illness, sex, slurs and
 * insults, drugs, immigration. Leaving words out lowers the entropy a little; the count is
 * computed from what remains (`passphraseBits`).
 */
const EXCLUDED: Record<PublicLanguage, readonly string[]> = {
  en: `
    alienable alienate aliens arrest baton bruising casket chokehold clubbed clubbing deport
    gangrene grope handcuff hate jailbird jailbreak jailer jailhouse judge patrol police
    prison punch punisher rage robbing siren slapping strangle threaten wound`
    .trim()
    .split(/\s+/),
  es: `
    aborto abuso acoso bomba crimen culpa desnudo detener dolor droga enfermo feo fusil
    golpe gordo guerra herir ilegal juez juicio ladrón llanto loco luto matar miedo morir
    mortal muerte multa negro odio pena policía preso puñal puño rabia sangre sexo sirena
    tonto tumor veneno`
    .trim()
    .split(/\s+/),
};

/** The file of each language and how to read a word from one of its lines. */
const LISTS: Record<PublicLanguage, { file: string; word: (line: string) => string }> = {
  // "11111\tabacus": the dice roll, a tab, the word
  en: { file: 'eff-large.txt', word: (line) => line.split('\t')[1] ?? '' },
  // one word a line, accents decomposed (NFKD); shown composed (NFC), as people write them
  es: { file: 'bip39-spanish.txt', word: (line) => line.normalize('NFC') },
};

const cache = new Map<PublicLanguage, readonly string[]>();

/** The words a passphrase in this language is drawn from (read once). */
export function passphraseWords(language: PublicLanguage): readonly string[] {
  let words = cache.get(language);
  if (!words) {
    const list = LISTS[language];
    const excluded = new Set(EXCLUDED[language].map((w) => w.normalize('NFC')));
    words = fs
      .readFileSync(path.join(DIR, list.file), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map(list.word)
      // letters only: the four hyphenated EFF words (yo-yo) would blur where words part
      .filter((w) => /^\p{L}+$/u.test(w) && !excluded.has(w));
    cache.set(language, words);
  }
  return words;
}

/**
 * At least this many bits of entropy in every passphrase: out of reach offline against its
 * argon2id hash, and online the rate limits allow 10 tries per 15 minutes per number.
 */
export const MIN_PASSPHRASE_BITS = 75;

/** How many words a passphrase in this language has: the fewest that reach the minimum. */
export function passphraseLength(language: PublicLanguage): number {
  return Math.ceil(MIN_PASSPHRASE_BITS / Math.log2(passphraseWords(language).length));
}

/** The entropy of a passphrase in this language, in bits (stated in docs/security.md). */
export function passphraseBits(language: PublicLanguage): number {
  return passphraseLength(language) * Math.log2(passphraseWords(language).length);
}
