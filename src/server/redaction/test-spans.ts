/** The tests' view of a redaction: what was taken and as what. */
import { redactNarrative, type RedactionOptions } from './engine.ts';

/** The redacted substrings of `text` with their kinds, in text order. */
export function spans(text: string, options?: RedactionOptions): string[][] {
  return redactNarrative(text, options).redactions.map((r) => [r.kind, text.slice(r.start, r.end)]);
}
