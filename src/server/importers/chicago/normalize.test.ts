import crypto from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../audit/audit.ts';
import { clean, contentHash, importCanonicalJson } from './normalize.ts';

// Import hashes are stored: the faster serialization must give canonicalJson's text byte for byte,
// or a re-import of an existing database would report every row updated.
const value = fc.letrec((tie) => ({
  any: fc.oneof(
    { depthSize: 'small' },
    fc.string(),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.date({ noInvalidDate: false }),
    fc.array(tie('any'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('10', '9', '01', 'toJSON')), tie('any'), {
      maxKeys: 5,
    }),
  ),
})).any;

describe('importCanonicalJson', () => {
  it('gives the same text as canonicalJson for any JSON-like value', () => {
    fc.assert(
      fc.property(value, (v) => {
        expect(importCanonicalJson(v)).toBe(canonicalJson(v));
      }),
      { numRuns: 2000 },
    );
  });

  it('sorts keys at every depth and drops undefined members, as canonicalJson does', () => {
    const v = { b: 1, a: { d: [{ z: 1, y: undefined }], c: null }, e: undefined };
    expect(importCanonicalJson(v)).toBe('{"a":{"c":null,"d":[{"z":1}]},"b":1}');
  });

  it('leaves values it does not serialize itself (a Map, a Buffer) to canonicalJson', () => {
    const v = { m: new Map([[1, 2]]), b: Buffer.from('ab') };
    expect(importCanonicalJson(v)).toBe(canonicalJson(v));
  });

  it('hashes as SHA-1 of the canonical text', () => {
    const v = { narrative: 'Officer said “stop”', n: 3 };
    expect(contentHash(v)).toBe(crypto.createHash('sha1').update(canonicalJson(v)).digest('hex'));
  });
});

describe('clean', () => {
  it('returns plain values unchanged and normalizes whitespace, zero-width spaces and mojibake', () => {
    expect(clean('JOHN SMITH')).toBe('JOHN SMITH');
    expect(clean('  JOHN \t SMITH\n')).toBe('JOHN SMITH');
    expect(clean('A\u200BB')).toBe('AB');
    expect(clean('DIDNâ\u0080\u0099T')).toBe('DIDN’T');
    expect(clean('   ')).toBeNull();
    expect(clean('')).toBeNull();
    expect(clean(undefined)).toBeNull();
  });
});
