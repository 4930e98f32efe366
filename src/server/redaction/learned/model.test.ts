import { describe, expect, it } from 'vitest';
import { tokenize } from './features.ts';
import { defaultTagger } from './load-model.ts';
import { redactNarrativeCombined, spansOfTags, unionSpans } from './model.ts';
import { emissions, trainPerceptron, viterbi } from './tagger.ts';

describe('the learned redaction tagger (ADR 0030)', () => {
  it('tokens cover every letter and digit, so a span of tokens covers whole words', () => {
    const text = "P.O. O'Brien #1234 called 312-555-0101 at 5200 W. Main St.";
    const covered = new Set(
      tokenize(text).flatMap((t) => Array.from({ length: t.end - t.start }, (_, i) => t.start + i)),
    );
    for (let i = 0; i < text.length; i++) {
      if (/[\p{L}\p{N}]/u.test(text[i] ?? '')) expect(covered.has(i), `offset ${i}`).toBe(true);
    }
  });

  it('learns a toy sequence: the word after "Officer" is a name', () => {
    // features: 0 = bias, 1 = follows "officer"; tags O, B-name, I-name
    const seq = (n: number, name: number) => ({
      feats: Array.from({ length: n }, (_, i) => Int32Array.from(i === name ? [0, 1] : [0])),
      gold: Uint8Array.from({ length: n }, (_, i) => (i === name ? 1 : 0)),
    });
    const trained = trainPerceptron([seq(5, 2), seq(4, 1), seq(6, 4)], 2, 3, {
      epochs: 5,
      seed: 1,
    });
    const feats = [Int32Array.from([0]), Int32Array.from([0, 1]), Int32Array.from([0])];
    const emit = emissions(feats, trained.weights, 3);
    expect(Array.from(viterbi(emit, trained.transitions, 3, 3))).toEqual([0, 1, 0]);
  });

  it('never lets an inside tag begin a span', () => {
    // token 0 prefers I-name (tag 2) alone; the constraint forces O or B first
    const emit = Float64Array.from([0, 1, 5, 0, 0, 0]);
    expect(viterbi(emit, new Float64Array(12), 3, 2)[0]).not.toBe(2);
  });

  it('joins consecutive tags of one kind into one span', () => {
    const tokens = tokenize('Sgt John Smith and Ann');
    expect(spansOfTags([0, 1, 2, 0, 1], tokens, ['person_name'])).toEqual([
      { start: 4, end: 14, kind: 'person_name' },
      { start: 19, end: 22, kind: 'person_name' },
    ]);
  });

  it('rules ∪ model keeps every rule redaction and adds only what the model found beyond them', () => {
    const text = 'Officer John Smith was there.';
    const rule = {
      start: 8,
      end: 12,
      kind: 'person_name' as const,
      recognizer: 'person-names',
      replacement: '[name]',
      basis: '',
      basisEs: '',
    };
    expect(unionSpans([rule], [{ start: 8, end: 18, kind: 'person_name' }], text)).toEqual([
      { start: 8, end: 12, kind: 'person_name', replacement: '[name]' },
      { start: 12, end: 18, kind: 'person_name', replacement: '[name]' },
    ]);
    // a piece with no letter or digit left is no redaction
    expect(
      unionSpans([{ ...rule, end: 18 }], [{ start: 8, end: 19, kind: 'person_name' }], text),
    ).toHaveLength(1);
  });

  it('the committed model loads from disk and finds a name, an address and a phone', () => {
    const tagger = defaultTagger();
    expect(tagger.kinds).toContain('person_name');
    const text =
      'The complainant, Marisol Okonkwo, stated that Officer Brzezinski stopped her in front of 4519 S. Kedzie Ave. Call her at 773-555-0199.';
    const spans = tagger.tag(text);
    const kindsAt = (word: string) =>
      spans
        .filter((s) => s.start <= text.indexOf(word) && text.indexOf(word) < s.end)
        .map((s) => s.kind);
    expect(kindsAt('Okonkwo')).toContain('person_name');
    expect(kindsAt('4519')).toContain('street_address');
    expect(kindsAt('0199')).toContain('phone');
  });

  it('answers bad input without a crash and never leaves a found name in the text', () => {
    const huge = 'Officer Brzezinski hit Marisol Okonkwo. '.repeat(5000);
    for (const text of ['', '\u0000\u0001\uFFFF\uD800', '\u202EOfficer Kowalczyk\u202C', huge]) {
      const out = redactNarrativeCombined(text);
      expect(typeof out.text).toBe('string');
    }
    expect(redactNarrativeCombined(huge).text).not.toMatch(/Okonkwo/u);
  });
});
