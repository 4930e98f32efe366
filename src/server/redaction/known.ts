/**
 * Finding values the case already knows (its parties' names, a shelter's name or address, the
 * names its records hold) wherever they appear, in any letter case and with or without accents.
 * Used by `recognizers/shelter-location.ts`, `case-names.ts` and `record-names.ts`.
 */
import { candidate, type Candidate, type RedactionKind } from './kinds.ts';
import { COMMON_WORDS } from './lexicon.ts';

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Letters without accents, lower case: "Peña" and "PENA" are the same name to a reader. */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** A text folded for matching ("Peña" → "pena"), with each folded index's original offset. */
interface FoldedText {
  folded: string;
  map: number[];
}

function foldText(text: string): FoldedText {
  // Fold per character so offsets stay those of the original text.
  const folded = Array.from(text, (ch) => fold(ch)).join('');
  const map: number[] = [];
  let i = 0;
  for (const ch of text) {
    const f = fold(ch);
    for (let k = 0; k < f.length; k++) {
      map.push(i);
    }
    i += ch.length;
  }
  map.push(text.length);
  return { folded, map };
}

/** Whole-word, case- and accent-insensitive occurrences of `needle` in the folded text. */
function findLiteral(text: FoldedText, needle: string): Array<[number, number]> {
  const trimmed = needle.trim();
  if (trimmed.length === 0) {
    return [];
  }
  const words = fold(trimmed).split(/\s+/u);
  if (!text.folded.includes(words[0] ?? '')) {
    return [];
  }
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])${words.map(escapeRegExp).join('\\s+')}(?![\\p{L}\\p{N}])`,
    'gu',
  );
  const found: Array<[number, number]> = [];
  for (const m of text.folded.matchAll(pattern)) {
    const start = text.map[m.index] ?? 0;
    const end = text.map[m.index + m[0].length] ?? text.map.at(-1) ?? 0;
    found.push([start, end]);
  }
  return found;
}

export function findKnown(
  recognizer: string,
  text: string,
  names: readonly string[],
  kind: RedactionKind,
  parts: boolean,
): Candidate[] {
  const out: Candidate[] = [];
  const needles = new Set<string>();
  for (const name of names) {
    needles.add(name);
    // a record's whole name is also written surname first: "Assigned to Corso, Paul (111604)"
    const words = name.split(/\s+/u);
    if (!parts && words.length >= 2) {
      const rest = words.slice(0, -1).join(' ');
      needles.add(`${words[words.length - 1] ?? ''}, ${rest}`);
      needles.add(`${words[words.length - 1] ?? ''} ${rest}`);
    }
    if (parts) {
      for (const part of name.split(/[\s,]+/u)) {
        if (part.replace(/\P{L}/gu, '').length >= 3 && !COMMON_WORDS.has(fold(part))) {
          needles.add(part);
        }
      }
    }
  }
  if (needles.size === 0) {
    return out;
  }
  const folded = foldText(text);
  for (const needle of needles) {
    for (const [start, end] of findLiteral(folded, needle)) {
      out.push(candidate(recognizer, kind, start, end));
    }
  }
  return out;
}
