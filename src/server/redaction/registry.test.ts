import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chicagoProfile } from '../domain/profiles/chicago.ts';
import { CHICAGO_REDACTION } from '../domain/profiles/chicago-redaction.ts';
import { redactNarrative, type RedactionJurisdiction } from './engine.ts';
import { RECOGNIZERS } from './registry.ts';
import { resolveOverlaps } from './resolve.ts';
import { candidate } from './kinds.ts';

describe('the recognizer registry', () => {
  it('has one file per recognizer, named by its id, and every file is registered', () => {
    const files = fs
      .readdirSync(path.join(import.meta.dirname, 'recognizers'))
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .map((f) => f.replace(/\.ts$/u, ''))
      .sort();
    expect(RECOGNIZERS.map((r) => r.id).sort()).toEqual(files);
  });

  it('names each recognizer in docs/redaction.md', () => {
    const spec = fs.readFileSync(
      path.join(import.meta.dirname, '../../../docs/redaction.md'),
      'utf8',
    );
    for (const r of RECOGNIZERS) {
      expect(spec, r.id).toContain(`\`${r.id}\``);
    }
  });

  it('records which recognizer found each redaction', () => {
    const text = 'Ms. Peña (312) 555-0100, jdoe@example.com, lives at 1234 W Main St.';
    expect(redactNarrative(text).redactions.map((r) => [r.kind, r.recognizer])).toEqual([
      ['person_name', 'person-names'],
      ['phone', 'phone'],
      ['email', 'email'],
      ['street_address', 'street-address'],
    ]);
  });
});

describe('the jurisdiction profile', () => {
  it('is where the engine reads the street grid and the legal basis', () => {
    expect(chicagoProfile.redaction).toBe(CHICAGO_REDACTION);
    const elsewhere: RedactionJurisdiction = {
      streets: new Set(['sesame']),
      moreStreets: new Set(),
      streetPairs: new Set(),
      basis: Object.fromEntries(
        Object.keys(CHICAGO_REDACTION.basis).map((k) => [k, { en: `law ${k}`, es: `ley ${k}` }]),
      ) as RedactionJurisdiction['basis'],
    };
    const text = 'He lives at 1234 Sesame and at 1234 Garland.';
    // both are dictionary words: Chicago knows Garland as a street, not Sesame; elsewhere the
    // reverse
    expect(redactNarrative(text).text).toBe(
      'He lives at 1234 Sesame and at 1200 block of Garland.',
    );
    const there = redactNarrative(text, { jurisdiction: elsewhere });
    expect(there.text).toBe('He lives at 1200 block of Sesame and at 1234 Garland.');
    expect(there.redactions[0]).toMatchObject({
      basis: 'law street_address',
      basisEs: 'ley street_address',
    });
  });
});

describe('resolveOverlaps', () => {
  it('keeps the higher kind, then the longer span, then the earlier, then the first proposed', () => {
    const kept = resolveOverlaps([
      candidate('a', 'person_name', 0, 20),
      candidate('b', 'phone', 5, 10),
      candidate('c', 'street_address', 12, 18, 'first'),
      candidate('d', 'street_address', 12, 18, 'second'),
      candidate('e', 'street_address', 11, 19),
      candidate('f', 'email', 30, 40),
      candidate('g', 'email', 32, 45),
      candidate('h', 'licence_plate', 50, 50),
    ]);
    expect(kept.map((c) => c.recognizer)).toEqual(['b', 'e', 'g']);
    expect(
      resolveOverlaps([
        candidate('c', 'street_address', 12, 18, 'first'),
        candidate('d', 'street_address', 12, 18, 'second'),
      ]).map((c) => c.replacement),
    ).toEqual(['first']);
  });

  it('drops the block label of an address whose word is also found as a name', () => {
    const kept = resolveOverlaps([
      candidate('u', 'street_address', 0, 10, '0 block of Justine', { labelMayName: true }),
      candidate('n', 'person_name', 3, 10),
    ]);
    expect(kept.map((c) => c.replacement)).toEqual(['[address]']);
  });
});
