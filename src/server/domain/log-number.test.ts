import { describe, expect, it } from 'vitest';
import {
  LOG_NUMBER_PATTERN,
  MAX_LOG_SEQUENCE,
  formatLogNumber,
  isLogNumber,
  parseLogNumber,
} from './log-number.ts';

describe('formatLogNumber', () => {
  it('pads the sequence to 7 digits', () => {
    expect(formatLogNumber(2023, 1234)).toBe('2023-0001234');
    expect(formatLogNumber(2019, 1)).toBe('2019-0000001');
    expect(formatLogNumber(2024, MAX_LOG_SEQUENCE)).toBe('2024-9999999');
  });

  it('throws RangeError beyond 9,999,999 or below 1', () => {
    expect(() => formatLogNumber(2023, 10_000_000)).toThrow(RangeError);
    expect(() => formatLogNumber(2023, 0)).toThrow(RangeError);
    expect(() => formatLogNumber(2023, -5)).toThrow(RangeError);
    expect(() => formatLogNumber(2023, 1.5)).toThrow(RangeError);
  });

  it('throws RangeError for a year that is not 4 digits', () => {
    expect(() => formatLogNumber(999, 1)).toThrow(RangeError);
    expect(() => formatLogNumber(10_000, 1)).toThrow(RangeError);
    expect(() => formatLogNumber(2023.5, 1)).toThrow(RangeError);
  });
});

describe('parseLogNumber / isLogNumber', () => {
  it('parses modern numbers', () => {
    expect(parseLogNumber('2023-0001234')).toEqual({ kind: 'modern', year: 2023, seq: 1234 });
    expect(parseLogNumber('2019-0000001')).toEqual({ kind: 'modern', year: 2019, seq: 1 });
  });

  it('keeps legacy CLEAR numbers as text (6 or 7 digits)', () => {
    expect(parseLogNumber('1053951')).toEqual({ kind: 'legacy', value: '1053951' });
    expect(parseLogNumber('258959')).toEqual({ kind: 'legacy', value: '258959' });
    expect(parseLogNumber('0258959')).toEqual({ kind: 'legacy', value: '0258959' });
  });

  it.each([
    '',
    '12345',
    '12345678',
    '2023-001234',
    '2023-00012345',
    '2023-0000000',
    '23-0001234',
    ' 2023-0001234',
    '2023-0001234 ',
    '2023_0001234',
    '2023-000123a',
    '１０５３９５１', // full-width digits
    'C1053951',
  ])('rejects %j', (s) => {
    expect(parseLogNumber(s)).toBeNull();
    expect(isLogNumber(s)).toBe(false);
  });

  it('round-trips with formatLogNumber', () => {
    for (const [year, seq] of [
      [2023, 1234],
      [2030, 9_999_999],
      [2019, 42],
    ] as const) {
      expect(parseLogNumber(formatLogNumber(year, seq))).toEqual({ kind: 'modern', year, seq });
    }
  });

  it('exposes the shape as a pattern', () => {
    expect(LOG_NUMBER_PATTERN.test('2023-0001234')).toBe(true);
    expect(LOG_NUMBER_PATTERN.test('1053951')).toBe(true);
    expect(LOG_NUMBER_PATTERN.test('258959')).toBe(true);
    expect(LOG_NUMBER_PATTERN.test('2023-1234')).toBe(false);
    expect(LOG_NUMBER_PATTERN.test('x2023-0001234')).toBe(false);
  });
});
