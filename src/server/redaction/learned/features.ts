/**
 * Tokens and features for the learned redaction tagger (ADR 0030). The features are those the
 * de-identification taggers of the i2b2 shared tasks used beside their rules: the word itself,
 * its shape and case, its prefixes and suffixes, the words two either side, membership of the
 * word lists (given names, surnames, streets, the dictionary, the roster of members the records
 * hold, the case's own record names) and where the word stands relative to cue words ("Officer",
 * "P.O.", "Sgt.", "at", "block of", "phone").
 */

import { CHICAGO_REDACTION } from '../../domain/profiles/chicago-redaction.ts';
import { COMMON_SURNAMES, GIVEN_NAMES, SURNAME_WORDS, isEnglishWord } from '../lexicon.ts';
import type { NameLexicon } from '../names.ts';

/** One token: UTF-16 offsets into the text, end exclusive. */
export interface Token {
  start: number;
  end: number;
  text: string;
}

/** What the case and the jurisdiction know that the text alone does not. */
export interface TaggerContext {
  /** The roster's given names and surnames (docs/redaction.md rule 24). */
  nameLexicon?: NameLexicon;
  /** The case's record names ("Tim West"): their words, any case. */
  recordNames?: readonly string[];
}

// A run of letters, a run of digits, or one other visible character: every letter and digit of
// the text lies in exactly one token, so a span of tokens covers whole words.
const TOKEN = /[\p{L}\p{M}]+|\p{N}+|[^\s\p{L}\p{M}\p{N}]/gu;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return out;
}

export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

// English and Spanish cue words (folded: lower case, no accents): a complaint may be written in
// either language (issue 17 item 4).
const RANK_CUES = new Set(
  (
    'officer officers po p o sgt sergeant det detective lt lieutenant capt captain cmdr commander chief investigator inv agent deputy supt superintendent mr mrs ms miss dr partner ' +
    'oficial oficiales agente agentes sargento teniente capitan comandante investigador investigadora detective senor senora senorita sr sra srta don dona lic'
  ).split(' '),
);
const PHONE_CUES = new Set(
  (
    'phone telephone tel cell number call called ph mobile contact ' +
    'telefono celular numero llamar llame llamo movil contacto whatsapp'
  ).split(' '),
);
const STREET_SUFFIXES = new Set(
  'st street ave av avenue blvd boulevard rd road dr drive pl place ct court pkwy parkway way ln lane ter terrace hwy highway expy'.split(
    ' ',
  ),
);
// words before a street name in Spanish ("calle Kedzie", "avenida Pulaski")
const STREET_PREFIXES = new Set('calle avenida av ave bulevar boulevard carretera'.split(' '));
const DIRECTIONS = new Set('n s e w north south east west norte sur este oeste'.split(' '));

function shape(word: string): string {
  return word
    .replace(/\p{Lu}/gu, 'X')
    .replace(/\p{Ll}/gu, 'x')
    .replace(/\p{N}/gu, 'd')
    .replace(/(.)\1+/gu, '$1$1');
}

function shortShape(word: string): string {
  return word
    .replace(/\p{Lu}+/gu, 'X')
    .replace(/\p{Ll}+/gu, 'x')
    .replace(/\p{N}+/gu, 'd');
}

const CLAUSE_START = new Set(['.', '!', '?', ':', ';', '"', '(', '[']);

/**
 * How each word of the narrative is written across it: after a rank or title cue somewhere
 * ("Officer Wencher … Wencher tased"), with a capital inside a sentence, in lower case, before a
 * star number, more than once. A word a writer puts in lower case elsewhere is rarely a name; one
 * they put after "Officer" usually is (document-level features, as in Krishnan and Manning 2006).
 */
function documentFacts(
  tokens: readonly Token[],
  facts: readonly TokenFacts[],
): Map<string, Set<string>> {
  const letters = tokens.filter((t) => /^\p{L}/u.test(t.text));
  const upper = letters.filter((t) => /^\p{Lu}+$/u.test(t.text)).length;
  const mixedCase = upper * 2 < letters.length;
  const out = new Map<string, Set<string>>();
  const count = new Map<string, number>();
  let previousWord: TokenFacts | undefined;
  tokens.forEach((token, i) => {
    if (!/^\p{L}/u.test(token.text)) return;
    const f = facts[i] as TokenFacts;
    let set = out.get(f.lower);
    if (set === undefined) {
      set = new Set();
      out.set(f.lower, set);
    }
    count.set(f.lower, (count.get(f.lower) ?? 0) + 1);
    if (count.get(f.lower) === 2) set.add('again');
    if (previousWord?.flags.includes('rank') === true) set.add('titled');
    const before = tokens[i - 1];
    if (mixedCase && before !== undefined && !CLAUSE_START.has(before.text)) {
      set.add(/^\p{Lu}/u.test(token.text) ? 'capital' : 'lower');
    }
    const next = tokens[i + 1];
    if (next !== undefined && (next.text === '#' || /^\p{N}{3,6}$/u.test(next.text))) {
      set.add('starred');
    }
    previousWord = f;
  });
  return out;
}

/** Per-token facts computed once and read by the neighbours' features. */
interface TokenFacts {
  lower: string;
  short: string;
  flags: string[];
}

function factsOf(
  token: Token,
  context: TaggerContext,
  recordWords: ReadonlySet<string>,
): TokenFacts {
  const lower = fold(token.text);
  const flags: string[] = [];
  const isLetters = /^\p{L}/u.test(token.text);
  if (isLetters) {
    if (GIVEN_NAMES.has(lower)) flags.push('given');
    if (COMMON_SURNAMES.has(lower) || SURNAME_WORDS.has(lower)) flags.push('surname');
    if (CHICAGO_REDACTION.streets.has(lower) || CHICAGO_REDACTION.moreStreets.has(lower)) {
      flags.push('street');
    }
    if (isEnglishWord(lower)) flags.push('eng');
    if (context.nameLexicon?.given.has(lower)) flags.push('rgiven');
    if (context.nameLexicon?.surnames.has(lower)) flags.push('rsurname');
    if (recordWords.has(lower)) flags.push('record');
    if (RANK_CUES.has(lower)) flags.push('rank');
    if (STREET_SUFFIXES.has(lower)) flags.push('suffix');
    if (STREET_PREFIXES.has(lower)) flags.push('streetword');
    if (DIRECTIONS.has(lower)) flags.push('dir');
  }
  return { lower, short: shortShape(token.text), flags };
}

// Shapes that generic patterns recognise, written from the formats themselves (not from the
// labelled narratives): the tokens a match overlaps get the pattern's feature, and the tagger
// learns how far to trust it.
const PATTERNS: ReadonlyArray<readonly [string, RegExp]> = [
  ['phone', /(?:\+?1[\s.-]*)?\(?\d{3}\)?[\s.-]*\d{3}[\s.-]*\d{4}(?!\d)/gu],
  ['email', /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu],
  [
    'address',
    /(?<!\d)\d{1,6}\s+(?:(?:[NSEW]\.?|north|south|east|west)\s+)?(?:[\p{L}\d'.-]+\s+){1,3}?(?:st|street|ave|av|avenue|blvd|boulevard|rd|road|dr|drive|pl|place|ct|court|pkwy|parkway|ln|lane|ter|terrace|way|hwy)\b\.?/giu,
  ],
  ['housedir', /(?<!\d)\d{2,6}\s+(?:[NSEW]\.?|north|south|east|west)\s+\p{L}+/giu],
  ['date', /(?<!\d)\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}(?!\d)/gu],
];

function patternFlags(text: string, tokens: readonly Token[]): string[][] {
  const out = tokens.map((): string[] => []);
  for (const [name, pattern] of PATTERNS) {
    for (const m of text.matchAll(pattern)) {
      const end = m.index + m[0].length;
      tokens.forEach((t, i) => {
        if (t.start < end && m.index < t.end) out[i]?.push(`pat=${name}`);
      });
    }
  }
  return out;
}

/** The feature strings of each token of `text` (`tokens` = tokenize(text)). */
export function featuresOf(
  text: string,
  tokens: readonly Token[],
  context: TaggerContext = {},
): string[][] {
  const patterns = patternFlags(text, tokens);
  const recordWords = new Set<string>();
  for (const name of context.recordNames ?? []) {
    for (const w of fold(name).split(/[^\p{L}]+/u)) {
      if (w.length >= 2) recordWords.add(w);
    }
  }
  const facts = tokens.map((t) => factsOf(t, context, recordWords));
  const at = (i: number): TokenFacts | undefined => facts[i];
  const inText = documentFacts(tokens, facts);
  return tokens.map((token, i) => {
    const f = facts[i] as TokenFacts;
    const w = token.text;
    const lower = f.lower;
    const out = [
      'b',
      `w=${lower}`,
      `sh=${shape(w)}`,
      `ss=${f.short}`,
      `len=${Math.min(w.length, 12)}`,
    ];
    for (const p of patterns[i] ?? []) out.push(p, `${p}|${f.short}`);
    if (/^\p{L}/u.test(w)) {
      out.push(`p1=${lower.slice(0, 1)}`, `p2=${lower.slice(0, 2)}`, `p3=${lower.slice(0, 3)}`);
      out.push(`s1=${lower.slice(-1)}`, `s2=${lower.slice(-2)}`, `s3=${lower.slice(-3)}`);
    }
    for (const flag of f.flags) {
      out.push(flag, `${flag}|${f.short}`);
    }
    // what the rest of the narrative says about the same word
    const elsewhere = inText.get(lower);
    if (elsewhere !== undefined && /^\p{L}/u.test(w)) {
      const seen = [...elsewhere].sort().join(',');
      out.push(`doc=${seen}|${f.short}`);
      for (const fact of elsewhere) out.push(`doc-${fact}`);
    }
    // the word's lists and shape together ("Xx, a given name, not a dictionary word")
    out.push(`fl=${f.flags.join(',')}|${f.short}`);
    out.push(
      `fl-1=${at(i - 1)?.flags.join(',') ?? '_'}`,
      `fl+1=${at(i + 1)?.flags.join(',') ?? '_'}`,
    );
    // a capital after a full stop says less than one inside a sentence
    const before = tokens[i - 1]?.text;
    if (
      before === undefined ||
      before === '.' ||
      before === '!' ||
      before === '?' ||
      before === ':'
    ) {
      out.push(`bos|${f.short}`);
    }
    for (const d of [-2, -1, 1, 2]) {
      const n = at(i + d);
      out.push(`w${d}=${n?.lower ?? '_'}`, `ss${d}=${n?.short ?? '_'}`);
      if (d === -1 || d === 1) {
        for (const flag of n?.flags ?? []) out.push(`${flag}${d}`);
      }
    }
    out.push(
      `w-1|w=${at(i - 1)?.lower ?? '_'}|${lower}`,
      `w|w+1=${lower}|${at(i + 1)?.lower ?? '_'}`,
    );
    out.push(`w-2|w-1=${at(i - 2)?.lower ?? '_'}|${at(i - 1)?.lower ?? '_'}`);
    out.push(`w+1|w+2=${at(i + 1)?.lower ?? '_'}|${at(i + 2)?.lower ?? '_'}`);
    out.push(`ss-2..2=${[-2, -1, 0, 1, 2].map((d) => at(i + d)?.short ?? '_').join('|')}`);
    out.push(`ss-1|ss|ss+1=${at(i - 1)?.short ?? '_'}|${f.short}|${at(i + 1)?.short ?? '_'}`);
    // cue words before (up to 3 words back, punctuation skipped: "P.O. Smith", "Sgt. Jones")
    let words = 0;
    for (let j = i - 1; j >= 0 && words < 3; j--) {
      const p = facts[j] as TokenFacts;
      if (!/^\p{L}/u.test(tokens[j]?.text ?? '')) continue;
      words++;
      if (p.flags.includes('rank')) out.push(`rank<${words}`);
      if (p.lower === 'at' || p.lower === 'on' || p.lower === 'en') out.push(`at<${words}`);
      if (
        (p.lower === 'of' && at(j - 1)?.lower === 'block') ||
        (p.lower === 'de' && (at(j - 1)?.lower === 'cuadra' || at(j - 1)?.lower === 'bloque'))
      ) {
        out.push(`blockof<${words}`);
      }
    }
    for (let j = Math.max(0, i - 8); j < i; j++) {
      if (PHONE_CUES.has((facts[j] as TokenFacts).lower)) {
        out.push('phone<');
        break;
      }
    }
    for (let j = i + 1; j < Math.min(tokens.length, i + 5); j++) {
      if ((facts[j] as TokenFacts).flags.includes('suffix')) {
        out.push(`suffix>${j - i}`);
        break;
      }
    }
    return out;
  });
}
