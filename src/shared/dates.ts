/**
 * Calendar arithmetic on local dates ('YYYY-MM-DD') and the conversions between an instant and
 * the calendar date of a jurisdiction. Pure: no clock is read, time is always passed in.
 *
 * Local dates are computed with UTC arithmetic on purpose: a 'YYYY-MM-DD' has no time zone, so
 * adding days to it must never be shifted by the server's TZ or by a DST change.
 */

/** A holiday calendar: the observed holiday dates ('YYYY-MM-DD') that fall in a given year. */
export type HolidayCalendar = (year: number) => string[];

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** Parses and validates a 'YYYY-MM-DD' string (rejects 2023-02-30 and the like). */
function parseDate(date: string): DateParts {
  const match = DATE_PATTERN.exec(date);
  if (!match) {
    throw new RangeError(`Expected a date as YYYY-MM-DD, got "${date}"`);
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`Not a calendar date: "${date}"`);
  }
  return { year, month, day };
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function formatParts(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

function toUtcMs(date: string): number {
  const { year, month, day } = parseDate(date);
  return Date.UTC(year, month - 1, day);
}

function fromUtcMs(ms: number): string {
  const d = new Date(ms);
  return formatParts(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

function assertInteger(n: number, name: string): void {
  if (!Number.isInteger(n)) {
    throw new RangeError(`${name} must be an integer, got ${n}`);
  }
}

/** True for a 'YYYY-MM-DD' string that names a real calendar date. */
export function isIsoDate(date: string): boolean {
  try {
    parseDate(date);
    return true;
  } catch {
    return false;
  }
}

/** Number of days in a month (1–12) of a year, leap years included. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Builds a 'YYYY-MM-DD' string from its parts (month 1–12). */
export function formatDate(year: number, month: number, day: number): string {
  return formatParts(year, month, day);
}

/** The year of a 'YYYY-MM-DD' date. */
export function yearOf(date: string): number {
  return parseDate(date).year;
}

/** Day of week of a local date: 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: string): number {
  return new Date(toUtcMs(date)).getUTCDay();
}

/** True on Saturday and Sunday. */
export function isWeekend(date: string): boolean {
  const dow = dayOfWeek(date);
  return dow === 0 || dow === 6;
}

/** `date` plus `n` calendar days (n may be negative). */
export function addCalendarDays(date: string, n: number): string {
  assertInteger(n, 'n');
  return fromUtcMs(toUtcMs(date) + n * DAY_MS);
}

/**
 * `date` plus `n` months, clamped to the end of the target month: Jan 31 + 1 month is Feb 28
 * (Feb 29 in a leap year), Aug 31 + 6 months is Feb 28/29. This is how "six months after" is read
 * for MCC §2-78-135: the period never spills into the following month.
 */
export function addMonths(date: string, n: number): string {
  assertInteger(n, 'n');
  const { year, month, day } = parseDate(date);
  const zeroBased = year * 12 + (month - 1) + n;
  const targetYear = Math.floor(zeroBased / 12);
  const targetMonth = (zeroBased % 12) + 1;
  return formatParts(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}

/** True when `date` is neither a Saturday, a Sunday nor a holiday of the calendar. */
export function isBusinessDay(date: string, holidays: HolidayCalendar): boolean {
  if (isWeekend(date)) {
    return false;
  }
  return !holidays(yearOf(date)).includes(date);
}

/**
 * `startDate` plus `n` business days. The start date is day 0 and is never counted, whatever it
 * is; the result is the n-th business day after it (n = 0 returns the start date unchanged).
 * A negative n counts backwards the same way.
 */
export function addBusinessDays(startDate: string, n: number, holidays: HolidayCalendar): string {
  assertInteger(n, 'n');
  parseDate(startDate);
  const step = n < 0 ? -1 : 1;
  let remaining = Math.abs(n);
  let current = startDate;
  // Cache each year's holiday list: a clock can cross New Year.
  const cache = new Map<number, string[]>();
  const calendar: HolidayCalendar = (year) => {
    let list = cache.get(year);
    if (!list) {
      list = holidays(year);
      cache.set(year, list);
    }
    return list;
  };
  while (remaining > 0) {
    current = addCalendarDays(current, step);
    if (isBusinessDay(current, calendar)) {
      remaining -= 1;
    }
  }
  return current;
}

const formatterCache = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatterCache.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatterCache.set(timeZone, formatter);
  }
  return formatter;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(instant: Date, timeZone: string): WallClock {
  if (Number.isNaN(instant.getTime())) {
    throw new RangeError('Invalid Date');
  }
  const parts = formatterFor(timeZone).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes): number => {
    const part = parts.find((p) => p.type === type);
    if (!part) {
      throw new RangeError(`Intl did not return "${type}" for ${timeZone}`);
    }
    return Number(part.value);
  };
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

/** Offset of `timeZone` from UTC at `ms`, in milliseconds (Chicago: -5 h or -6 h). */
function offsetMs(ms: number, timeZone: string): number {
  const w = wallClock(new Date(ms), timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/**
 * The calendar date of an instant in a time zone ('YYYY-MM-DD'). Clocks start from the date the
 * complainant sees on the calendar in Chicago, not from the UTC date of the server.
 */
export function localDate(instant: Date, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  return formatParts(w.year, w.month, w.day);
}

/**
 * The instant at which a local wall-clock time occurs. Two passes of the offset correction make
 * it DST-correct (the first guess may sit on the other side of a DST change).
 */
function instantOfLocalTime(date: string, timeOfDayMs: number, timeZone: string): Date {
  const wall = toUtcMs(date) + timeOfDayMs;
  let guess = wall - offsetMs(wall, timeZone);
  guess = wall - offsetMs(guess, timeZone);
  return new Date(guess);
}

/**
 * The instant of 23:59:59.999 local time on `date` in `timeZone`. A deadline "due on" a date is
 * met by anything done before the end of that day where the office is, whatever the DST offset.
 */
export function endOfLocalDay(date: string, timeZone: string): Date {
  return instantOfLocalTime(date, DAY_MS - 1, timeZone);
}

/** The instant of 00:00 local time on `date` in `timeZone` (DST-correct). */
export function startOfLocalDay(date: string, timeZone: string): Date {
  return instantOfLocalTime(date, 0, timeZone);
}

const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/;

/**
 * The instant of a wall-clock time typed in a `datetime-local` input ('2023-09-18T10:12') in
 * `timeZone` (DST-correct), or null when `local` is not such a value. The staff and public forms
 * send what the person typed as the office's local time, whatever the browser's zone.
 */
export function instantOfLocalDateTime(local: string, timeZone: string): Date | null {
  const m = LOCAL_DATE_TIME.exec(local);
  if (!m || !isIsoDate(m[1]!)) {
    return null;
  }
  return instantOfLocalTime(m[1]!, (Number(m[2]) * 60 + Number(m[3])) * 60_000, timeZone);
}

/** An instant as the `datetime-local` value that shows it in `timeZone` ('2023-09-18T10:12'). */
export function localDateTime(instant: Date, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  return `${formatParts(w.year, w.month, w.day)}T${pad(w.hour, 2)}:${pad(w.minute, 2)}`;
}
