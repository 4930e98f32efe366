import { describe, expect, it } from 'vitest';
import {
  addedSpanProblem,
  narrativeSource,
  narrativeVersion,
  reviewedSpans,
} from './narrative-review.ts';
import { applySpans, mergeSpans, type NarrativeSpan } from '../redaction/publish.ts';

const TEXT = 'Ana Ruiz called Smokey at 312-555-0100.';
const name: NarrativeSpan = { start: 0, end: 8, kind: 'person_name', replacement: '[name]' };
const phone: NarrativeSpan = { start: 26, end: 38, kind: 'phone', replacement: '[phone]' };

describe('narrative review rules (issue 17 item 5)', () => {
  it('a version is the text: any change is a new version', () => {
    expect(narrativeVersion(TEXT)).toMatch(/^[0-9a-f]{64}$/);
    expect(narrativeVersion(TEXT)).toBe(narrativeVersion(`${TEXT}`));
    expect(narrativeVersion(`${TEXT} `)).not.toBe(narrativeVersion(TEXT));
  });

  it('the latest decision on a span counts; added spans stand until withdrawn', () => {
    const smokey = {
      id: 'a1',
      decision: 'add' as const,
      start: 16,
      end: 22,
      kind: 'person_name' as const,
    };
    const spans = reviewedSpans(
      [name, phone],
      [
        { id: 'd1', decision: 'remove', proposalIndex: 1 },
        { id: 'd2', decision: 'keep', proposalIndex: 1 },
        { id: 'd3', decision: 'remove', proposalIndex: 0 },
        smokey,
        { id: 'a2', decision: 'add', start: 9, end: 15, kind: 'person_name' },
        { id: 'd4', decision: 'withdraw', withdraws: 'a2' },
      ],
    );
    expect(applySpans(TEXT, spans).text).toBe('Ana Ruiz called [redacted] at [phone].');
  });

  it('overlapping spans join, under [redacted] unless one holds the other with the same kind', () => {
    expect(mergeSpans([name, { ...name, start: 4, end: 8 }])).toEqual([name]);
    expect(
      mergeSpans([name, { start: 4, end: 15, kind: 'person_name', replacement: '[redacted]' }]),
    ).toEqual([{ start: 0, end: 15, kind: 'person_name', replacement: '[redacted]' }]);
    expect(
      mergeSpans([phone, { start: 20, end: 30, kind: 'street_address', replacement: 'x' }]),
    ).toEqual([{ start: 20, end: 38, kind: 'known_identity', replacement: '[redacted]' }]);
  });

  it('applied spans point into the published text', () => {
    const out = applySpans(TEXT, [name, phone]);
    for (const r of out.redactions) {
      expect(out.text.slice(r.start, r.end)).toBe(r.replacement);
    }
  });

  it('an added span lies inside the narrative, is not empty and does not cut a character', () => {
    expect(addedSpanProblem(TEXT, 0, 3)).toBeNull();
    expect(addedSpanProblem(TEXT, 0, TEXT.length)).toBeNull();
    expect(addedSpanProblem(TEXT, -1, 3)).not.toBeNull();
    expect(addedSpanProblem(TEXT, 0, TEXT.length + 1)).not.toBeNull();
    expect(addedSpanProblem(TEXT, 3, 3)).not.toBeNull();
    expect(addedSpanProblem('a😀b', 1, 2)).not.toBeNull();
    expect(addedSpanProblem('a😀b', 1, 3)).toBeNull();
  });

  it('the source of a publishable narrative: approved, else held, else machine for imports when chosen', () => {
    for (const importedNarratives of ['machine_redacted', 'hold_for_review'] as const) {
      expect(narrativeSource({ imported: false, approved: true, importedNarratives })).toBe(
        'approved',
      );
      expect(narrativeSource({ imported: true, approved: true, importedNarratives })).toBe(
        'approved',
      );
      expect(narrativeSource({ imported: false, approved: false, importedNarratives })).toBe(
        'held',
      );
    }
    expect(
      narrativeSource({ imported: true, approved: false, importedNarratives: 'machine_redacted' }),
    ).toBe('machine');
    expect(
      narrativeSource({ imported: true, approved: false, importedNarratives: 'hold_for_review' }),
    ).toBe('held');
  });
});
