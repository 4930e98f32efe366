import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  addCalendarDays,
  addMonths,
  dayOfWeek,
  daysBetween,
  daysInMonth,
  endOfLocalDay,
  isBusinessDay,
  isIsoDate,
  isWeekend,
  localDate,
  startOfLocalDay,
} from '../../shared/dates.ts';
import { chicagoHolidays } from './profiles/chicago.ts';

const CHICAGO = 'America/Chicago';
const noHolidays = (): string[] => [];

describe('date validation', () => {
  it('accepts real dates and rejects impossible or malformed ones', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2023-04-31')).toBe(false);
    expect(isIsoDate('2023-13-01')).toBe(false);
    expect(isIsoDate('2023-1-01')).toBe(false);
    expect(isIsoDate('2023-01-01T00:00')).toBe(false);
  });

  it('throws on a bad date or a fractional count', () => {
    expect(() => addCalendarDays('2023-02-30', 1)).toThrow(RangeError);
    expect(() => addCalendarDays('2023-02-01', 1.5)).toThrow(RangeError);
    expect(() => addMonths('20230201', 1)).toThrow(RangeError);
    expect(() => addBusinessDays('2023-02-01', 0.5, noHolidays)).toThrow(RangeError);
  });

  it('knows month lengths and weekdays', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2023, 2)).toBe(28);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(dayOfWeek('2023-11-23')).toBe(4); // Thanksgiving is a Thursday
    expect(isWeekend('2023-11-25')).toBe(true);
    expect(isWeekend('2023-11-26')).toBe(true);
    expect(isWeekend('2023-11-27')).toBe(false);
  });
});

describe('addCalendarDays', () => {
  it('crosses month, leap-day and year boundaries', () => {
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addCalendarDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addCalendarDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addCalendarDays('2023-06-15', 180)).toBe('2023-12-12');
  });

  it('is not shifted by a DST change (dates have no time zone)', () => {
    expect(addCalendarDays('2024-03-09', 1)).toBe('2024-03-10');
    expect(addCalendarDays('2024-03-10', 1)).toBe('2024-03-11');
    expect(addCalendarDays('2024-11-02', 2)).toBe('2024-11-04');
  });

  it('counts days between dates', () => {
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2023-01-01', '2024-01-01')).toBe(365);
    expect(daysBetween('2024-03-11', '2024-03-10')).toBe(-1);
  });
});

describe('addMonths', () => {
  it('clamps to the end of a shorter month', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2023-03-31', 1)).toBe('2023-04-30');
  });

  it('handles Aug 31 + 6 months in leap and common years', () => {
    expect(addMonths('2023-08-31', 6)).toBe('2024-02-29');
    expect(addMonths('2022-08-31', 6)).toBe('2023-02-28');
  });

  it('crosses years both ways', () => {
    expect(addMonths('2023-11-15', 3)).toBe('2024-02-15');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(addMonths('2024-01-15', -1)).toBe('2023-12-15');
    expect(addMonths('2024-05-20', 0)).toBe('2024-05-20');
  });
});

describe('isBusinessDay (Chicago holidays)', () => {
  it('excludes weekends and observed holidays only', () => {
    expect(isBusinessDay('2023-11-23', chicagoHolidays)).toBe(false); // Thanksgiving
    expect(isBusinessDay('2023-11-24', chicagoHolidays)).toBe(true); // day after: City is open
    expect(isBusinessDay('2023-11-25', chicagoHolidays)).toBe(false); // Saturday
    expect(isBusinessDay('2023-03-06', chicagoHolidays)).toBe(false); // Casimir Pulaski Day
    expect(isBusinessDay('2023-02-13', chicagoHolidays)).toBe(false); // Lincoln's Birthday observed
    expect(isBusinessDay('2023-02-12', chicagoHolidays)).toBe(false); // the Sunday itself
    expect(isBusinessDay('2021-12-31', chicagoHolidays)).toBe(false); // New Year 2022 observed
    expect(isBusinessDay('2023-12-26', chicagoHolidays)).toBe(true);
  });
});

describe('addBusinessDays', () => {
  it('counts the start as day 0 on a plain week', () => {
    expect(addBusinessDays('2023-06-05', 5, chicagoHolidays)).toBe('2023-06-12'); // Mon → Mon
    expect(addBusinessDays('2023-06-07', 1, chicagoHolidays)).toBe('2023-06-08');
    expect(addBusinessDays('2023-06-07', 0, chicagoHolidays)).toBe('2023-06-07');
  });

  it('gives the same due date for receipt on Friday, Saturday and Sunday', () => {
    expect(addBusinessDays('2023-06-02', 5, chicagoHolidays)).toBe('2023-06-09');
    expect(addBusinessDays('2023-06-03', 5, chicagoHolidays)).toBe('2023-06-09');
    expect(addBusinessDays('2023-06-04', 5, chicagoHolidays)).toBe('2023-06-09');
  });

  it('skips Juneteenth', () => {
    expect(addBusinessDays('2023-06-14', 5, chicagoHolidays)).toBe('2023-06-22');
    expect(addBusinessDays('2023-06-14', 5, noHolidays)).toBe('2023-06-21');
  });

  it('skips Thanksgiving but not the day after', () => {
    expect(addBusinessDays('2023-11-22', 5, chicagoHolidays)).toBe('2023-11-30');
    expect(addBusinessDays('2023-11-22', 1, chicagoHolidays)).toBe('2023-11-24');
  });

  it('skips Christmas and New Year across the year boundary', () => {
    expect(addBusinessDays('2023-12-22', 5, chicagoHolidays)).toBe('2024-01-02');
  });

  it("skips a Saturday New Year's Day observed on Friday Dec 31 of the year before", () => {
    expect(addBusinessDays('2021-12-30', 1, chicagoHolidays)).toBe('2022-01-03');
    expect(addBusinessDays('2021-12-30', 5, chicagoHolidays)).toBe('2022-01-07');
  });

  it('counts backwards for negative n', () => {
    expect(addBusinessDays('2023-11-27', -1, chicagoHolidays)).toBe('2023-11-24');
    expect(addBusinessDays('2023-11-24', -1, chicagoHolidays)).toBe('2023-11-22');
  });

  it('asks the calendar once per year', () => {
    const asked: number[] = [];
    const calendar = (year: number): string[] => {
      asked.push(year);
      return chicagoHolidays(year);
    };
    addBusinessDays('2023-12-20', 20, calendar);
    expect(asked).toEqual([2023, 2024]);
  });
});

describe('localDate', () => {
  it('uses the Chicago calendar date, not the UTC one', () => {
    expect(localDate(new Date('2023-03-01T05:59:59Z'), CHICAGO)).toBe('2023-02-28'); // CST
    expect(localDate(new Date('2023-03-01T06:00:00Z'), CHICAGO)).toBe('2023-03-01');
    expect(localDate(new Date('2023-07-01T04:59:59Z'), CHICAGO)).toBe('2023-06-30'); // CDT
    expect(localDate(new Date('2023-07-01T05:00:00Z'), CHICAGO)).toBe('2023-07-01');
    expect(localDate(new Date('2023-07-01T04:59:59Z'), 'UTC')).toBe('2023-07-01');
  });

  it('is right on both sides of the spring-forward hour', () => {
    expect(localDate(new Date('2024-03-10T07:59:59Z'), CHICAGO)).toBe('2024-03-10'); // 01:59 CST
    expect(localDate(new Date('2024-03-10T08:00:00Z'), CHICAGO)).toBe('2024-03-10'); // 03:00 CDT
  });

  it('rejects an invalid Date', () => {
    expect(() => localDate(new Date('nope'), CHICAGO)).toThrow(RangeError);
  });
});

describe('endOfLocalDay / startOfLocalDay', () => {
  it('ends the day at 23:59:59.999 Chicago time in winter and summer', () => {
    expect(endOfLocalDay('2024-01-15', CHICAGO).toISOString()).toBe('2024-01-16T05:59:59.999Z');
    expect(endOfLocalDay('2024-07-01', CHICAGO).toISOString()).toBe('2024-07-02T04:59:59.999Z');
  });

  it('is DST-correct on the days the clocks change', () => {
    // Spring forward on 2024-03-10: the day before ends in CST, the day itself in CDT.
    expect(endOfLocalDay('2024-03-09', CHICAGO).toISOString()).toBe('2024-03-10T05:59:59.999Z');
    expect(endOfLocalDay('2024-03-10', CHICAGO).toISOString()).toBe('2024-03-11T04:59:59.999Z');
    // Fall back on 2024-11-03: the day before ends in CDT, the day itself in CST.
    expect(endOfLocalDay('2024-11-02', CHICAGO).toISOString()).toBe('2024-11-03T04:59:59.999Z');
    expect(endOfLocalDay('2024-11-03', CHICAGO).toISOString()).toBe('2024-11-04T05:59:59.999Z');
  });

  it('starts the day at local midnight, DST-correct', () => {
    expect(startOfLocalDay('2024-03-10', CHICAGO).toISOString()).toBe('2024-03-10T06:00:00.000Z');
    expect(startOfLocalDay('2024-03-11', CHICAGO).toISOString()).toBe('2024-03-11T05:00:00.000Z');
    expect(startOfLocalDay('2024-11-03', CHICAGO).toISOString()).toBe('2024-11-03T05:00:00.000Z');
  });

  it('round-trips with localDate for every day of a year (25-hour and 23-hour days included)', () => {
    let date = '2024-01-01';
    while (date < '2025-01-01') {
      const end = endOfLocalDay(date, CHICAGO);
      expect(localDate(end, CHICAGO)).toBe(date);
      expect(localDate(new Date(end.getTime() + 1), CHICAGO)).toBe(addCalendarDays(date, 1));
      const start = startOfLocalDay(date, CHICAGO);
      expect(localDate(start, CHICAGO)).toBe(date);
      expect(localDate(new Date(start.getTime() - 1), CHICAGO)).toBe(addCalendarDays(date, -1));
      date = addCalendarDays(date, 1);
    }
  });

  it('works for other zones too', () => {
    expect(endOfLocalDay('2024-07-01', 'UTC').toISOString()).toBe('2024-07-01T23:59:59.999Z');
    expect(endOfLocalDay('2024-07-01', 'Europe/Madrid').toISOString()).toBe(
      '2024-07-01T21:59:59.999Z',
    );
  });
});
