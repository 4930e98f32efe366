import { describe, expect, it } from 'vitest';
import {
  PRESS_QUOTE_WORDS,
  quotedRestrictedDetail,
  quotesWords,
  type AnswerGuard,
} from './press-answer.ts';

const guard = (over: Partial<AnswerGuard> = {}): AnswerGuard => ({
  logNumber: '2023-0000001',
  restricted: true,
  civilianNames: ['Inés Peña'],
  civilianValues: ['312-555-0142'],
  recordNames: ['Paul Corso'],
  stars: ['10231'],
  incidentAddress: '1200 W Harrison St',
  narrative: 'The resident says two officers came to the shelter lobby late at night.',
  ...over,
});

describe('quotedRestrictedDetail', () => {
  it('finds a civilian’s name by a part, without accents, on any linked case', () => {
    for (const restricted of [true, false]) {
      expect(quotedRestrictedDetail('Ms. PENA declined.', [guard({ restricted })])).toEqual({
        logNumber: '2023-0000001',
        detail: 'identity',
      });
    }
  });

  it('withholds record names, stars, the address and the narrative only of a restricted case', () => {
    const texts: Array<[string, string]> = [
      ['Officer Corso is on desk duty.', 'record_name'],
      ['Star 10231 is relieved.', 'record_name'],
      ['It happened at 1200 W. Harrison St.', 'incident_address'],
      ['Two officers came to the shelter lobby late, we hear.', 'narrative'],
    ];
    for (const [text, detail] of texts) {
      expect(quotedRestrictedDetail(text, [guard()])?.detail, text).toBe(detail);
      expect(quotedRestrictedDetail(text, [guard({ restricted: false })])).toBeNull();
    }
  });

  it('allows an answer that names nothing of the case', () => {
    expect(
      quotedRestrictedDetail('The matter is under investigation; a statement will follow.', [
        guard(),
      ]),
    ).toBeNull();
  });
});

describe('quotesWords', () => {
  const source = 'one two three four five six seven';
  it(`is a quotation at ${PRESS_QUOTE_WORDS} consecutive words, not at one fewer`, () => {
    expect(quotesWords('x one two three four five six y', source, PRESS_QUOTE_WORDS)).toBe(true);
    expect(quotesWords('x one two three four five y six', source, PRESS_QUOTE_WORDS)).toBe(false);
  });
  it('ignores case, accents and punctuation', () => {
    expect(quotesWords('ONE, two; thrée — four five six', source, PRESS_QUOTE_WORDS)).toBe(true);
  });
});
