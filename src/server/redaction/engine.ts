/**
 * Narrative redaction for the public portal (PRODUCT.md §4 Publication): personal names, phone
 * numbers, emails, exact street addresses (reduced to block level), dates of birth, licence
 * plates and the shelter location of a vulnerable party. Pure: text in, redacted text and the
 * list of redactions (with the recognizer that found each and its legal basis) out. Every
 * recognizer in `registry.ts` proposes spans; `resolve.ts` settles overlaps; the jurisdiction
 * profile supplies street lists and the legal basis. Specification: docs/redaction.md.
 */
import { CHICAGO_REDACTION } from '../domain/profiles/chicago-redaction.ts';
import type { RecognizerContext, Redaction, RedactionOptions, RedactionResult } from './kinds.ts';
import { RECOGNIZERS } from './registry.ts';
import { resolveOverlaps } from './resolve.ts';

export {
  REDACTION_KINDS,
  RedactionKind,
  type Redaction,
  type RedactionJurisdiction,
  type RedactionOptions,
  type RedactionResult,
} from './kinds.ts';

/**
 * Redacts a narrative for publication (PRODUCT.md §4). Text stays text: nothing is interpreted
 * as markup, so `<script>` comes back as the same characters for the presenter to escape.
 * Names that the case knows (`options.knownNames`) and the shelter of a vulnerable party
 * (`options.shelterLocations`) are redacted wherever they appear; everything else is found by
 * patterns and context, so a bare name with no cue can be missed (measured in docs/redaction.md).
 * Without `options.jurisdiction`, Chicago's (the one profile the product ships).
 */
export function redactNarrative(text: string, options: RedactionOptions = {}): RedactionResult {
  const context: RecognizerContext = {
    options,
    jurisdiction: options.jurisdiction ?? CHICAGO_REDACTION,
  };
  const kept = resolveOverlaps(RECOGNIZERS.flatMap((r) => r.find(text, context)));
  let result = '';
  let cursor = 0;
  const redactions: Redaction[] = [];
  for (const c of kept) {
    result += text.slice(cursor, c.start) + c.replacement;
    cursor = c.end;
    const basis = context.jurisdiction.basis[c.kind];
    redactions.push({
      start: c.start,
      end: c.end,
      kind: c.kind,
      recognizer: c.recognizer,
      replacement: c.replacement,
      basis: basis.en,
      basisEs: basis.es,
    });
  }
  result += text.slice(cursor);
  return { text: result, redactions };
}
