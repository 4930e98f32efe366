/**
 * The words of a narrative as the name rules see them (names.ts): tokens with their letter case
 * (shape), folded key and the gap before them, whether a gap joins two words of one name, and
 * whole-word search in the text.
 */
import { TITLE_WORDS } from './names-words.ts';

/** A half-open span of UTF-16 offsets. */
export type Span = [start: number, end: number];

type Shape = 'title' | 'upper' | 'lower' | 'initial' | 'other';

export interface Token {
  text: string;
  /** lower case, accents folded, possessive and trailing period removed */
  key: string;
  start: number;
  end: number;
  shape: Shape;
  /** characters between the previous token and this one */
  gap: string;
}

export const TOKEN = /\p{L}[\p{L}\p{M}]*(?:['’-]\p{L}[\p{L}\p{M}]*)*\.?/gu;

export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function keyOf(word: string): string {
  return fold(word.replace(/\.$/u, '').replace(/['’]s$/u, ''));
}

function shapeOf(word: string): Shape {
  const w = word.replace(/\.$/u, '');
  if (/^\p{Lu}$/u.test(w)) {
    return 'initial';
  }
  if (/^\p{Lu}[\p{Lu}\p{M}'’-]+$/u.test(w)) {
    return 'upper';
  }
  if (/^\p{Lu}/u.test(w) && /\p{Ll}/u.test(w)) {
    return 'title';
  }
  if (/^\p{Ll}/u.test(w)) {
    return 'lower';
  }
  return 'other';
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let last = 0;
  for (const m of text.matchAll(TOKEN)) {
    let word = m[0];
    // A period belongs to an initial or an abbreviated title ("J.", "Sgt."), not to a word
    // that ends a sentence.
    if (word.endsWith('.') && word.length > 2 && !TITLE_WORDS.has(keyOf(word))) {
      word = word.slice(0, -1);
    }
    // Glued text ("orHanishaBesan", "fraudbyH"): lower-case letters then a capital start a new
    // word; the lower-case head is a word of its own. ("McDonough" and "iPhone" start
    // otherwise and stay whole.)
    // A word in capitals after two lower-case letters is a slip of the shift key ("puSHPA").
    const glued = /^\p{Ll}{2}\p{Lu}{3,}$/u.test(word)
      ? null
      : /^(\p{Ll}{2,})(\p{Lu}.*)$/u.exec(word);
    if (glued?.[1] !== undefined && glued[2] !== undefined) {
      const head = glued[1];
      tokens.push({
        text: head,
        key: keyOf(head),
        start: m.index,
        end: m.index + head.length,
        shape: 'lower',
        gap: text.slice(last, m.index),
      });
      last = m.index + head.length;
      word = glued[2];
      const start = last;
      tokens.push({
        text: word,
        key: keyOf(word),
        start,
        end: start + word.length,
        shape: shapeOf(word),
        gap: '',
      });
      last = start + word.length;
      continue;
    }
    tokens.push({
      text: word,
      key: keyOf(word),
      start: m.index,
      end: m.index + word.length,
      shape: shapeOf(word),
      gap: text.slice(last, m.index),
    });
    last = m.index + word.length;
  }
  return tokens;
}

/** Only spaces, or the space after an initial's period, may separate two words of one name. */
export function joins(gap: string): boolean {
  // a quoted nickname sits inside a name: Clarence "Dean" Brinson
  return /^[ \t]{1,2}$/u.test(gap) || /^[ \t]?["“”][ \t]?$/u.test(gap);
}

/** A letter or digit (a whole code point) at `text[i]`. */
function isWordCharAt(text: string, i: number): boolean {
  return (
    i >= 0 &&
    i < text.length &&
    /^[\p{L}\p{N}]$/u.test(String.fromCodePoint(text.codePointAt(i) ?? 0))
  );
}

/**
 * Where `word` stands in `text` as a whole word (no letter or digit glued on either side), left
 * to right, not overlapping: a plain search, since a compiled pattern per word and narrative
 * was most of the engine's time.
 */
export function wholeWordOccurrences(text: string, word: string): Span[] {
  const spans: Span[] = [];
  let at = text.indexOf(word);
  while (at >= 0) {
    const end = at + word.length;
    // the code point before: step back over a surrogate pair
    const pair =
      at >= 2 &&
      /[\uDC00-\uDFFF]/u.test(text[at - 1] ?? '') &&
      /[\uD800-\uDBFF]/u.test(text[at - 2] ?? '');
    const before = pair ? at - 2 : at - 1;
    if (!isWordCharAt(text, before) && !isWordCharAt(text, end)) {
      spans.push([at, end]);
      at = text.indexOf(word, end);
    } else {
      at = text.indexOf(word, at + 1);
    }
  }
  return spans;
}
