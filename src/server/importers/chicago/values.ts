import {
  findingFromText as findingFromTextUncached,
  penaltyCodeFromText as penaltyCodeFromTextUncached,
} from '../../domain/findings.ts';
import { startOfLocalDay } from '../../../shared/dates.ts';
import {
  mapCaseType as mapCaseTypeUncached,
  mapCpdCategory as mapCpdCategoryUncached,
  mapSourceStatus as mapSourceStatusUncached,
  penaltyFromOutcome as penaltyFromOutcomeUncached,
} from '../../domain/profiles/chicago-legacy.ts';
import type { Family, MemberRef } from './entities.ts';

/*
 * Value helpers every Chicago kind's normalization shares: cleaning, numbers written as floats,
 * dates, log numbers, member references; the vocabularies' lookups memoized per distinct value.
 */

/** Caches of pure functions of a text: a release repeats a few thousand distinct values. */
const CACHE_LIMIT = 100_000;

/**
 * `compute` memoized on two texts: `outer` (a time zone, a date, a code: few) and `key` (the
 * value: a few thousand). Each inner cache is bounded: a file of junk values must not grow it
 * without end.
 */
export function memoize2<T>(
  compute: (outer: string, key: string) => T,
): (outer: string, key: string) => T {
  const caches = new Map<string, Map<string, T>>();
  return (outer, key) => {
    let cache = caches.get(outer);
    if (cache === undefined) {
      cache = new Map();
      caches.set(outer, cache);
    }
    let v = cache.get(key);
    if (v === undefined) {
      if (cache.size >= CACHE_LIMIT) {
        cache.clear();
      }
      v = compute(outer, key);
      cache.set(key, v);
    }
    return v;
  };
}

/** Memoizes a pure mapping of one text; results are shared, so callers must not mutate them. */
export function memoText<T>(fn: (text: string) => T): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    let v = cache.get(text);
    if (v === undefined && !cache.has(text)) {
      v = fn(text);
      if (cache.size >= CACHE_LIMIT) {
        cache.clear();
      }
      cache.set(text, v);
    }
    return v as T;
  };
}

export const mapCaseType = memoText(mapCaseTypeUncached);
export const mapSourceStatus = memoText(mapSourceStatusUncached);
export const penaltyFromOutcome = memoText(penaltyFromOutcomeUncached);
export const findingFromText = memoText(findingFromTextUncached);
export const penaltyCodeFromText = memoText(penaltyCodeFromTextUncached);
export const mapCpdCategory = memoize2(mapCpdCategoryUncached);

/** Local midnight of a calendar date, memoized: a release has a few thousand distinct dates. */
const midnightMs = memoize2((timeZone, date) => startOfLocalDay(date, timeZone).getTime());
export function localMidnightMs(date: string, timeZone: string): number {
  return midnightMs(timeZone, date);
}
const midnightText = memoize2((timeZone, date) =>
  new Date(localMidnightMs(date, timeZone)).toISOString(),
);
export function localMidnight(date: string, timeZone: string): string {
  return midnightText(timeZone, date);
}

export const MODERN_LOG = /^\d{4}-\d{7}$/;
export const LEGACY_LOG = /^\d{6,7}$/;

/**
 * What `clean` would change: a zero-width space, whitespace other than a single inner space, or a
 * C1 control character. Most values have none, and are returned as they are.
 */
const NEEDS_CLEANING = /[\u200B\u0080-\u009F]|[^\S ]|\s\s|^\s|\s$/;

/** Trimmed, inner whitespace collapsed, C1 mojibake repaired; '' → null. */
export function clean(value: string | undefined): string | null {
  if (value === undefined || value === '') {
    return null;
  }
  if (!NEEDS_CLEANING.test(value)) {
    return value;
  }
  let v = value
    .replace(/\u200B/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (/[\u0080-\u009F]/.test(v)) {
    // text that was UTF-8 decoded twice (e.g. 'DIDNÂ\x80\x99T'): decode it once more
    const repaired = Buffer.from(v, 'latin1').toString('utf8');
    if (!repaired.includes('\uFFFD')) {
      v = repaired;
    }
  }
  return v === '' ? null : v;
}

/** '1982.0' → 1982; blank or non-numeric → null. */
export function intOf(value: string | undefined): number | null {
  const v = clean(value);
  if (v === null) {
    return null;
  }
  const n = Number(v);
  return Number.isFinite(n) ? Math.trunc(n) : null;
}

/** Star, employee and unit numbers are written as floats in CLEAR ('5167.0'). */
export function numberText(value: string | undefined): string | null {
  const n = intOf(value);
  return n === null || n <= 0 ? null : String(n);
}

export function unitOf(value: string | undefined): string | null {
  const n = numberText(value);
  return n === null ? clean(value) : n.padStart(3, '0');
}

/** Names the release fills with 'UNKNOWN' are no name at all. */
export function nameOf(value: string | undefined): string | null {
  const v = clean(value);
  return v === null || /^(UNKNOWN|NONE|N\/A)$/i.test(v) ? null : v;
}

export class RowError extends Error {
  constructor(
    readonly column: string,
    message: string,
  ) {
    super(message);
  }
}

/** A calendar date `YYYY-MM-DD` that exists and is not in the future; blank → null. */
export function dateOf(
  values: Record<string, string>,
  column: string,
  today: string,
  required = false,
): string | null {
  const v = clean(values[column]);
  if (v === null) {
    if (required) {
      throw new RowError(column, 'is required and blank');
    }
    return null;
  }
  switch (dateVerdict(v, today)) {
    case 'invalid':
      throw new RowError(column, `"${v}" is not a valid date (YYYY-MM-DD)`);
    case 'future':
      throw new RowError(column, `"${v}" is in the future`);
    case 'before1900':
      throw new RowError(column, `"${v}" is before 1900`);
    case 'ok':
      return v;
  }
}

type DateVerdict = 'ok' | 'invalid' | 'future' | 'before1900';

/** Verdicts per today and value, memoized: a release repeats a few thousand distinct dates. */
const dateVerdictOf = memoize2((today, v): DateVerdict => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !d || d.toISOString().slice(0, 10) !== v) {
    return 'invalid';
  }
  if (v > today) {
    return 'future';
  }
  return Number(m[1]) < 1900 ? 'before1900' : 'ok';
});

function dateVerdict(v: string, today: string): DateVerdict {
  return dateVerdictOf(today, v);
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/** CLEAR investigators' 'D-Mon-YY' ('26-Sep-00'); two-digit years pivot at the current year. */
export function dmyOf(value: string | undefined, today: string): string | null {
  const v = clean(value);
  if (v === null) {
    return null;
  }
  // memoized per today and value, a refusal included: 219,000 rows share a few thousand dates
  const result = dmyResult(today, v);
  if (result instanceof RowError) {
    throw result;
  }
  return result;
}
const dmyResult = memoize2((today, v): string | null | RowError => {
  try {
    return dmyOfClean(v, today);
  } catch (err) {
    if (!(err instanceof RowError)) {
      throw err;
    }
    return err;
  }
});

function dmyOfClean(v: string, today: string): string | null {
  const m = /^(\d{1,2})-([A-Za-z]{3})-(\d{2})$/.exec(v);
  if (!m) {
    return dateOf({ v }, 'v', today);
  }
  const month = MONTHS.indexOf(m[2]!.toUpperCase());
  const yy = Number(m[3]);
  const pivot = Number(today.slice(2, 4));
  const year = yy <= pivot ? 2000 + yy : 1900 + yy;
  const d = new Date(Date.UTC(year, month, Number(m[1])));
  if (month < 0 || d.getUTCDate() !== Number(m[1])) {
    throw new RowError('assigned_datetime', `"${v}" is not a valid date`);
  }
  return d.toISOString().slice(0, 10);
}

export function familyOf(logNumber: string): Family | null {
  return MODERN_LOG.test(logNumber) ? 'cms' : LEGACY_LOG.test(logNumber) ? 'clear' : null;
}

export function yes(value: string | undefined): boolean {
  const v = clean(value)?.toUpperCase();
  return v === 'Y' || v === 'YES';
}

export function memberFromNames(
  values: Record<string, string>,
  opts: { rankColumn: string; unitColumn: string },
): MemberRef | null {
  const firstName = nameOf(values['first_name']);
  const lastName = nameOf(values['last_name']);
  const employee = numberText(values['employee_number']);
  if (!firstName && !lastName && !employee) {
    return null;
  }
  return {
    employeeKey: employee ? `emp:${employee}` : null,
    star: numberText(values['star']),
    firstName,
    lastName,
    middleInitial: clean(values['middle_initial']),
    suffix: clean(values['suffix_name']),
    rank: clean(values[opts.rankColumn]),
    unit: unitOf(values[opts.unitColumn]),
    appointedDate: clean(values['appointed_date']),
    race: clean(values['race']),
    sex: clean(values['gender']),
    birthYear: intOf(values['birth_year']),
  };
}
