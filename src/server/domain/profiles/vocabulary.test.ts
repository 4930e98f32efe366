import { describe, expect, it } from 'vitest';
import { findingFromText } from '../findings.ts';
import { mapCaseType, mapSourceStatus, penaltyFromOutcome } from './chicago-legacy.ts';
import { vocabulary, wordsOf } from './vocabulary.ts';

describe('values matched on words', () => {
  it('splits on case changes, separators and letter-digit boundaries', () => {
    expect(wordsOf('final_finding_USE')).toEqual(['final', 'finding', 'use']);
    expect(wordsOf('finalFinding')).toEqual(['final', 'finding']);
    expect(wordsOf('Category-Allegation')).toEqual(['category', 'allegation']);
    expect(wordsOf('middle_initial2')).toEqual(['middle', 'initial', '2']);
  });

  it.each(['Not Sustained', 'NOT SUSTAINED', 'not-sustained', 'not_sustained', ' Not  Sustained '])(
    'finding %j is not_sustained',
    (text) => {
      expect(findingFromText(text)).toBe('not_sustained');
    },
  );

  it('statuses, case types and outcomes too', () => {
    expect(mapSourceStatus('closed-no finding')).toEqual({
      status: 'closed_no_finding',
      exact: true,
    });
    expect(mapCaseType('information complaint')).toBe('complaint');
    expect(penaltyFromOutcome('30-day suspension')).toBe('030');
    expect(penaltyFromOutcome('violation_noted')).toBe('000');
  });

  it('refuses two spellings with the same words meaning different values', () => {
    expect(() => vocabulary({ 'A-B': 1, 'a b': 2 })).toThrow(/has the words of another spelling/);
  });
});
