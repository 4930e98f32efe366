import { describe, expect, it } from 'vitest';
import { canonicalJson } from './audit.ts';

describe('canonicalJson', () => {
  it('sorts keys at every depth, so jsonb round trips hash the same', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[{"y":2,"z":1}]},"b":1}',
    );
  });
  it('keeps array order', () => {
    expect(canonicalJson([3, 1, 2])).toBe('[3,1,2]');
  });
});
