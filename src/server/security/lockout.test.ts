import { describe, expect, it } from 'vitest';
import { LOCKOUT_MAX_MINUTES, LOCKOUT_THRESHOLD, lockedUntil } from './lockout.ts';

describe('lockout backoff', () => {
  const now = new Date('2026-01-01T00:00:00Z');
  const minutes = (n: number) => {
    const until = lockedUntil(n, now);
    return until ? (until.getTime() - now.getTime()) / 60_000 : 0;
  };
  it('does not lock below the threshold', () => {
    for (let n = 0; n < LOCKOUT_THRESHOLD; n++) {
      expect(lockedUntil(n, now)).toBeNull();
    }
  });
  it('doubles from one minute and stops at the cap', () => {
    expect([5, 6, 7, 8, 9, 10, 11, 12].map(minutes)).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
    expect(minutes(100)).toBe(LOCKOUT_MAX_MINUTES);
  });
});
