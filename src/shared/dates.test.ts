import { describe, expect, it } from 'vitest';
import { instantOfLocalDateTime, localDateTime } from './dates.ts';

const ZONE = 'America/Chicago';

describe('the wall clock of a datetime-local input in the office zone', () => {
  it('reads a local time as the instant it names, daylight saving included', () => {
    expect(instantOfLocalDateTime('2023-09-18T10:12', ZONE)?.toISOString()).toBe(
      '2023-09-18T15:12:00.000Z',
    );
    expect(instantOfLocalDateTime('2023-01-18T10:12', ZONE)?.toISOString()).toBe(
      '2023-01-18T16:12:00.000Z',
    );
    // the hour skipped in spring is read with the offset before the change, as the web always did
    expect(instantOfLocalDateTime('2023-03-12T02:30', ZONE)?.toISOString()).toBe(
      '2023-03-12T07:30:00.000Z',
    );
    // the hour repeated in autumn is read as its first (daylight) occurrence
    expect(instantOfLocalDateTime('2023-11-05T01:30', ZONE)?.toISOString()).toBe(
      '2023-11-05T06:30:00.000Z',
    );
  });

  it('refuses what is not a local date and time', () => {
    expect(instantOfLocalDateTime('2023-02-30T10:00', ZONE)).toBeNull();
    expect(instantOfLocalDateTime('2023-09-18', ZONE)).toBeNull();
  });

  it('shows an instant as the local value that round-trips', () => {
    expect(localDateTime(new Date('2023-09-18T15:12:40Z'), ZONE)).toBe('2023-09-18T10:12');
    expect(localDateTime(new Date('2023-11-05T07:30:00Z'), ZONE)).toBe('2023-11-05T01:30');
    expect(
      instantOfLocalDateTime(
        localDateTime(new Date('2024-07-04T23:05:00Z'), ZONE),
        ZONE,
      )?.toISOString(),
    ).toBe('2024-07-04T23:05:00.000Z');
  });
});
