import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { REDACTION_KINDS, redactNarrative } from './engine.ts';
import { CHICAGO_REDACTION } from '../domain/profiles/chicago-redaction.ts';

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
      expect(r.basis).toBe(CHICAGO_REDACTION.basis[r.kind].en);
      expect(r.basisEs).toBe(CHICAGO_REDACTION.basis[r.kind].es);
    }
  });

  it('has a basis citing its statute, in English and Spanish, for every kind', () => {
    for (const kind of REDACTION_KINDS) {
      expect(CHICAGO_REDACTION.basis[kind].en).toMatch(/Illinois FOIA, 5 ILCS 140\/7\(1\)\([bc]\)/);
      expect(CHICAGO_REDACTION.basis[kind].es).toMatch(/\(FOIA\), 5 ILCS 140\/7\(1\)\([bc]\)/);
    }
  });

  it('leaves text without personal data untouched', () => {
    const text =
      'The reporting party alleges the accused officers stopped him without justification. Was it in a School?: No';
    expect(redactNarrative(text)).toEqual({ text, redactions: [] });
  });

  describe('shelter locations', () => {
    it('redacts the shelter of a vulnerable party wherever it is named', () => {
      const result = redactNarrative(
        'She was living in the lobby of the 10th District Station with other residents.',
        { shelterLocations: ['10th district station'] },
      );
      expect(result.text).toBe(
        'She was living in the lobby of the [shelter location] with other residents.',
      );
      expect(result.redactions[0]?.basis).toMatch(/vulnerable party/);
    });
  });

  describe('bad input', () => {
    it('keeps markup, emoji and right-to-left text as text', () => {
      const text = '<script>alert("x")</script> 🙂🙂 named José Ñúñez — שלום <b>hi</b>';
      expect(redactNarrative(text).text).toBe(
        '<script>alert("x")</script> 🙂🙂 named [name] — שלום <b>hi</b>',
      );
    });

    it('never splits a surrogate pair and always returns consistent spans', () => {
      fc.assert(
        fc.property(
          fc.array(
            fc.constantFrom(
              'Officer ',
              'Smith ',
              'María ',
              '🙂',
              'שלום ',
              '312-555-0100 ',
              '1234 W Main St ',
              'DOB 1/2/90 ',
              'plate AB 1234 ',
              '<script>',
              '\n',
              ', ',
              'a@b.co ',
              'x',
            ),
            { maxLength: 30 },
          ),
          (parts) => {
            const text = parts.join('');
            const result = redactNarrative(text, { knownNames: ['María Smith'] });
            let cursor = 0;
            let rebuilt = '';
            for (const r of result.redactions) {
              expect(r.start).toBeGreaterThanOrEqual(cursor);
              expect(r.end).toBeGreaterThan(r.start);
              // a span never starts or ends inside a surrogate pair
              expect(/[\uDC00-\uDFFF]/.test(text[r.start] ?? '')).toBe(false);
              expect(/[\uD800-\uDBFF]/.test(text[r.end - 1] ?? '')).toBe(false);
              rebuilt += text.slice(cursor, r.start) + r.replacement;
              cursor = r.end;
            }
            expect(rebuilt + text.slice(cursor)).toBe(result.text);
          },
        ),
      );
    });

    it('is fast on a long narrative', () => {
      const text = 'Officer Smith called 312-555-0100 from 1234 W Main St. '.repeat(2000);
      const started = performance.now();
      const result = redactNarrative(text);
      expect(result.redactions.length).toBe(6000);
      // 110 kB in about 0.6 s on a loaded 2-core machine; the bound catches quadratic blow-ups
      expect(performance.now() - started).toBeLessThan(5000);
    });
  });
});
