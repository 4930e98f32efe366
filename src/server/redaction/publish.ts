import { CHICAGO_REDACTION } from '../domain/profiles/chicago-redaction.ts';
import type { LocalizedText } from '../domain/profiles/profile.ts';
import { redactNarrative, type Redaction, type RedactionJurisdiction } from './engine.ts';
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

/**
 * Redacts a narrative for the portal (PRODUCT.md §4): the engine's rules (names, phones, emails,
 * addresses to block level, dates of birth, plates, shelter location), plus every identity value
 * the case holds. Returns null when, after all that, any known value still appears (in any letter
 * case, or as the same digits for phone numbers): the narrative is then withheld rather than risk
 * publishing an identity.
 */
export function publishNarrative(
  narrative: string,
  known: KnownIdentities,
): PublishedNarrative | null {
  const engine = redactNarrative(narrative, {
    knownNames: known.names,
    shelterLocations: known.shelterLocations,
    recordNames: known.recordNames,
    ...(known.nameLexicon ? { nameLexicon: known.nameLexicon } : {}),
    ...(known.jurisdiction ? { jurisdiction: known.jurisdiction } : {}),
  });
  // Offsets into the redacted text: original offsets would disclose each removed value's length.
  let shift = 0;
  // the recognizer is the engine's working detail, not part of the published record
  const moved = engine.redactions.map(({ recognizer: _, ...r }) => {
    const start = r.start + shift;
    const end = start + r.replacement.length;
    shift += r.replacement.length - (r.end - r.start);
    return { ...r, start, end };
  });
  let text = engine.text;
  const extra: PublishedRedaction[] = [];
  for (const value of known.otherValues) {
    const v = value.trim();
    if (v.length < 3) {
      continue;
    }
    const pattern = new RegExp(escapeRegExp(v), 'giu');
    text = text.replace(pattern, () => {
      extra.push({
        start: -1,
        end: -1,
        kind: 'known_identity',
        replacement: '[redacted]',
        basis: PUBLISHED_REDACTION_BASIS.known_identity.en,
        basisEs: PUBLISHED_REDACTION_BASIS.known_identity.es,
      });
      return '[redacted]';
    });
  }
  const redactions = extra.length > 0 ? relocate(text, moved, extra) : moved;
  if (stillContains(text, known)) {
    return null;
  }
  return { text, redactions };
}

/** After the second pass the engine's offsets may have moved: find each replacement again. */
function relocate(
  text: string,
  engine: PublishedRedaction[],
  extra: PublishedRedaction[],
): PublishedRedaction[] {
  const all = [...engine, ...extra];
  const out: PublishedRedaction[] = [];
  let from = 0;
  const pending = [...all];
  // walk the text, matching replacements in order of appearance
  while (pending.length > 0) {
    let best = -1;
    let bestAt = Infinity;
    for (let i = 0; i < pending.length; i++) {
      const at = text.indexOf(pending[i]!.replacement, from);
      if (at !== -1 && at < bestAt) {
        bestAt = at;
        best = i;
      }
    }
    if (best === -1) {
      break;
    }
    const r = pending.splice(best, 1)[0]!;
    out.push({ ...r, start: bestAt, end: bestAt + r.replacement.length });
    from = bestAt + r.replacement.length;
  }
  return out;
}

function digits(s: string): string {
  return s.replace(/\D/g, '');
}

function stillContains(text: string, known: KnownIdentities): boolean {
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
