import { CHICAGO_REDACTION } from '../domain/profiles/chicago-redaction.ts';
import type { LocalizedText } from '../domain/profiles/profile.ts';
import type { Redaction, RedactionJurisdiction } from './engine.ts';
import { redactNarrativeCombined } from './learned/model.ts';
import type { NameLexicon } from './names.ts';

/** The people and places a case knows, decrypted in memory for redaction only. */
export interface KnownIdentities {
  names: string[];
  /** Phones, emails, addresses, organizations: removed wherever they appear verbatim. */
  otherValues: string[];
  /** Shelter facility of a vulnerable party (name, address). */
  shelterLocations: string[];
  /** Full names the case's records hold for its members and investigators. */
  recordNames: string[];
  /** The roster's given names and surnames (docs/redaction.md rule 24). */
  nameLexicon?: NameLexicon;
  /** The jurisdiction's word lists and legal bases; Chicago's when absent. */
  jurisdiction?: RedactionJurisdiction;
}

/** A published narrative: offsets point into the redacted text, where each replacement stands. */
export interface PublishedNarrative {
  text: string;
  redactions: PublishedRedaction[];
}

/** What a published redaction removed: the engine's kinds plus `known_identity`. */
export type PublishedRedactionKind = Redaction['kind'] | 'known_identity';

/** One redaction as published, with its basis in English and Spanish. */
export interface PublishedRedaction {
  start: number;
  end: number;
  kind: PublishedRedactionKind;
  replacement: string;
  basis: string;
  basisEs: string;
}

/**
 * The basis of every kind of published redaction, in English and Spanish, citing public law
 * only: the engine's, plus removing a value the case itself holds as a party's identity.
 */
export const PUBLISHED_REDACTION_BASIS: Record<PublishedRedactionKind, LocalizedText> = {
  ...CHICAGO_REDACTION.basis,
  known_identity: {
    en: 'Private information and personal privacy: the contact details of a person on the case are never published (Illinois FOIA, 5 ILCS 140/7(1)(b) and 140/7(1)(c))',
    es: 'Información privada y privacidad personal: nunca se publican los datos de contacto de una persona del caso (Ley de Libertad de Información de Illinois (FOIA), 5 ILCS 140/7(1)(b) y 140/7(1)(c))',
  },
};

/** One redaction span in the ORIGINAL narrative (UTF-16 offsets, end exclusive). */
export interface NarrativeSpan {
  start: number;
  end: number;
  kind: PublishedRedactionKind;
  /** What stands in its place in the published text. */
  replacement: string;
}

/** What a span a person adds, or a union of overlapping spans, is replaced with. */
export const GENERIC_REPLACEMENT = '[redacted]';

/**
 * The machine's proposal for a narrative (PRODUCT.md §4): the engine's rules (names, phones,
 * emails, addresses to block level, dates of birth, plates, shelter location), plus every
 * occurrence of an identity value the case holds (`known_identity`), as spans into the original
 * text, sorted and never overlapping.
 */
export function proposeSpans(narrative: string, known: KnownIdentities): NarrativeSpan[] {
  // rules ∪ the learned tagger (ADR 0030): the model adds what no rule found
  const engine = redactNarrativeCombined(narrative, {
    knownNames: known.names,
    shelterLocations: known.shelterLocations,
    recordNames: known.recordNames,
    ...(known.nameLexicon ? { nameLexicon: known.nameLexicon } : {}),
    ...(known.jurisdiction ? { jurisdiction: known.jurisdiction } : {}),
  });
  // the recognizer is the engine's working detail, not part of the proposal or the record
  const spans: NarrativeSpan[] = engine.redactions.map((r) => ({
    start: r.start,
    end: r.end,
    kind: r.kind,
    replacement: r.replacement,
  }));
  for (const value of known.otherValues) {
    const v = value.trim();
    if (v.length < 3) {
      continue;
    }
    for (const m of narrative.matchAll(new RegExp(escapeRegExp(v), 'giu'))) {
      const start = m.index;
      const end = start + m[0].length;
      // a value the engine already removed whole (an address reduced to its block) stays so
      if (!engine.redactions.some((r) => r.start <= start && end <= r.end)) {
        spans.push({ start, end, kind: 'known_identity', replacement: GENERIC_REPLACEMENT });
      }
    }
  }
  return mergeSpans(spans);
}

/**
 * Sorts spans and joins overlapping ones: the union of two different ranges is replaced with
 * `[redacted]` (a block label or a kind's label could no longer be right for it), under the kind
 * both share, else `known_identity` (whose basis cites both privacy exemptions).
 */
export function mergeSpans(spans: readonly NarrativeSpan[]): NarrativeSpan[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: NarrativeSpan[] = [];
  for (const s of sorted) {
    const last = out.at(-1);
    if (!last || s.start >= last.end) {
      out.push({ ...s });
      continue;
    }
    if (s.end <= last.end && s.kind === last.kind) {
      continue;
    }
    last.end = Math.max(last.end, s.end);
    last.replacement = GENERIC_REPLACEMENT;
    if (s.kind !== last.kind) {
      last.kind = 'known_identity';
    }
  }
  return out;
}

/**
 * The published text of a narrative with `spans` (sorted, not overlapping) replaced. Offsets
 * point into the published text: original offsets would disclose each removed value's length.
 */
export function applySpans(narrative: string, spans: readonly NarrativeSpan[]): PublishedNarrative {
  let text = '';
  let cursor = 0;
  const redactions: PublishedRedaction[] = [];
  for (const s of spans) {
    text += narrative.slice(cursor, s.start);
    redactions.push({
      start: text.length,
      end: text.length + s.replacement.length,
      kind: s.kind,
      replacement: s.replacement,
      basis: PUBLISHED_REDACTION_BASIS[s.kind].en,
      basisEs: PUBLISHED_REDACTION_BASIS[s.kind].es,
    });
    text += s.replacement;
    cursor = s.end;
  }
  return { text: text + narrative.slice(cursor), redactions };
}

/**
 * Redacts a narrative by machine alone ({@link proposeSpans}). Returns null when, after that, any
 * known value still appears (in any letter case, or as the same digits for phone numbers): the
 * narrative is then withheld rather than risk publishing an identity.
 */
export function publishNarrative(
  narrative: string,
  known: KnownIdentities,
): PublishedNarrative | null {
  const out = applySpans(narrative, proposeSpans(narrative, known));
  return stillIdentifies(out.text, known) ? null : out;
}

function digits(s: string): string {
  return s.replace(/\D/g, '');
}

/** Whether a text still holds a value the case knows as an identity (the last check before publishing). */
export function stillIdentifies(text: string, known: KnownIdentities): boolean {
  const lower = text.toLowerCase();
  const textDigits = digits(text);
  for (const name of [...known.names, ...known.recordNames]) {
    const full = name.trim().toLowerCase();
    if (full.length >= 3 && lower.includes(full)) {
      return true;
    }
  }
  for (const value of known.otherValues) {
    const v = value.trim().toLowerCase();
    if (v.length >= 3 && lower.includes(v)) {
      return true;
    }
    const d = digits(v);
    // a phone number written with other separators is still the phone number
    if (
      d.length >= 7 &&
      d.length === digits(value).length &&
      v.replace(/[\d\s().+-]/g, '') === '' &&
      textDigits.includes(d)
    ) {
      return true;
    }
  }
  return false;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
