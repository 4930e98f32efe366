import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { redactNarrative } from './engine.ts';
import { publishNarrative, type KnownIdentities } from './publish.ts';

/*
 * Issue 17 "Bad input": an empty narrative, one of 200,000 characters, binary bytes,
 * right-to-left overrides and text that is all names are answered, never a crash, never an
 * unredacted publication. (The latency per kilobyte is measured, not asserted: docs/benchmarks.md.)
 */
const NONE: KnownIdentities = { names: [], otherValues: [], shelterLocations: [], recordNames: [] };

const SENTENCE =
  'On 12 May 2021 the complainant, Maria Lopez, called 312-555-0142 and said that Officer Smith stopped her at 2400 S. Pulaski Rd. near the shelter. ';

describe('redaction of bad input', () => {
  it('answers an empty narrative with an empty text', () => {
    expect(redactNarrative('')).toMatchObject({ text: '', redactions: [] });
    expect(publishNarrative('', NONE)).toMatchObject({ text: '', redactions: [] });
  });

  it('redacts every planted identifier in 200,000 characters', () => {
    const text = SENTENCE.repeat(Math.ceil(200_000 / SENTENCE.length)).slice(0, 200_000);
    const copies = text.split('Maria Lopez').length - 1;
    const out = redactNarrative(text);
    expect(out.text).not.toContain('Maria Lopez');
    expect(out.text).not.toContain('312-555-0142');
    expect(out.text).not.toContain('2400 S. Pulaski');
    // every copy's name, phone and address (the last copy may be cut mid-sentence)
    expect(out.redactions.length).toBeGreaterThanOrEqual(3 * (copies - 1));
  });

  it('survives binary bytes and keeps them text, and sees through right-to-left overrides', () => {
    for (let seed = 0; seed < 20; seed++) {
      const bytes = crypto.createHash('sha512').update(String(seed)).digest();
      const binary = Buffer.concat([bytes, Buffer.from(' call 773-555-0199 '), bytes]).toString(
        'latin1',
      );
      const out = redactNarrative(binary);
      expect(out.text).not.toContain('773-555-0199');
    }
    const rtl = 'Ms. \u202ePeña\u202c called from \u202e312-555-0100\u202c on Tuesday.';
    const published = publishNarrative(rtl, { ...NONE, otherValues: ['312-555-0100'] });
    // either the number is gone, or the narrative is withheld: never published with it
    expect(
      published === null ||
        !published.text.replace(/[\u202a-\u202e]/g, '').includes('312-555-0100'),
    ).toBe(true);
  });

  it('publishes nothing of a text that is all names the case holds', () => {
    const names = ['Maria Lopez', 'José Hernández Ruiz', 'Tanya Brooks', 'Li Wei', 'Ahmed Khan'];
    const text = names.join(', ') + '. ' + names.map((n) => n.toLowerCase()).join(' and ');
    const published = publishNarrative(text, { ...NONE, names });
    if (published !== null) {
      for (const n of names) {
        expect(published.text.toLowerCase()).not.toContain(n.toLowerCase());
      }
    }
  });
});
