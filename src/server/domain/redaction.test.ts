import { describe, expect, it } from 'vitest';
import { REDACTION_BASIS, REDACTION_KINDS, redactNarrative } from './redaction.ts';

/** The redacted substrings of `text`, with their kinds, in text order. */
function spans(text: string, options?: Parameters<typeof redactNarrative>[1]): string[][] {
  return redactNarrative(text, options).redactions.map((r) => [r.kind, text.slice(r.start, r.end)]);
}

describe('redactNarrative', () => {
  it('returns offsets into the original text, a replacement and a basis for every redaction', () => {
    const text =
      'Officer John Smith called Ms. Peña at (312) 555-0100 from 1234 W Main St, Apt 2B.';
    const result = redactNarrative(text);
    expect(result.text).toBe(
      'Officer [name] called Ms. [name] at [phone] from 1200 block of W Main St.',
    );
    expect(result.redactions.map((r) => [r.kind, text.slice(r.start, r.end)])).toEqual([
      ['person_name', 'John Smith'],
      ['person_name', 'Peña'],
      ['phone', '(312) 555-0100'],
      ['street_address', '1234 W Main St, Apt 2B'],
    ]);
    for (const r of result.redactions) {
      expect(r.basis).toBe(REDACTION_BASIS[r.kind]);
    }
  });

  it('has a basis citing its source for every kind', () => {
    for (const kind of REDACTION_KINDS) {
      expect(REDACTION_BASIS[kind]).toMatch(/5 ILCS 140\/7\(1\)\([bc]\).*PRODUCT\.md §/);
    }
  });

  it('leaves markup as text', () => {
    const text = '<script>alert("x")</script> named José Ñúñez';
    expect(redactNarrative(text).text).toBe('<script>alert("x")</script> named [name]');
    expect(spans(text)).toEqual([['person_name', 'José Ñúñez']]);
  });
});
