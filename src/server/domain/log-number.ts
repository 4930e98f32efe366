/**
 * Log numbers (PRODUCT.md §3): always text, never a number. Two shapes exist:
 * - modern `YYYY-NNNNNNN` (COPA CMS since 2019: the year logged and a 7-digit sequence);
 * - legacy CLEAR integers. The brief names the 7-digit form (`1053951`), but the public CLEAR
 *   exports also hold 6-digit numbers (`258959`, 56,389 of 96,530 cases), so 6 or 7 digits are
 *   accepted; leading zeros are kept as written.
 * Allocation of the next sequence happens in SQL; this module only formats and parses.
 */

/**
 * The shape of a log number: legacy 6–7 digits or modern `YYYY-NNNNNNN` (for SQL CHECKs and
 * route params). `isLogNumber` is slightly stricter: it also rejects sequence 0000000.
 */
export const LOG_NUMBER_PATTERN = /^(?:\d{6,7}|\d{4}-\d{7})$/;

/** Largest sequence a modern log number can hold (7 digits). */
export const MAX_LOG_SEQUENCE = 9_999_999;

/** A parsed log number. */
export type ParsedLogNumber =
  { kind: 'modern'; year: number; seq: number } | { kind: 'legacy'; value: string };

const MODERN = /^(\d{4})-(\d{7})$/;
const LEGACY = /^\d{6,7}$/;

/** True for a well-formed log number (modern or legacy). */
export function isLogNumber(s: string): boolean {
  return parseLogNumber(s) !== null;
}

/**
 * Formats a modern log number: (2023, 1234) → '2023-0001234'.
 *
 * @throws RangeError when the year is not a 4-digit year or the sequence is not 1…9,999,999.
 */
export function formatLogNumber(year: number, seq: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new RangeError(`Log number year must be a 4-digit year, got ${year}`);
  }
  if (!Number.isInteger(seq) || seq < 1 || seq > MAX_LOG_SEQUENCE) {
    throw new RangeError(`Log number sequence must be 1…${MAX_LOG_SEQUENCE}, got ${seq}`);
  }
  return `${year}-${String(seq).padStart(7, '0')}`;
}

/**
 * Parses a log number exactly as written (no trimming): modern → year and sequence, legacy →
 * the digits as text. Returns null for anything else, including a modern number with sequence 0.
 */
export function parseLogNumber(s: string): ParsedLogNumber | null {
  const modern = MODERN.exec(s);
  if (modern) {
    const year = Number(modern[1]);
    const seq = Number(modern[2]);
    if (year < 1000 || seq < 1) {
      return null;
    }
    return { kind: 'modern', year, seq };
  }
  if (LEGACY.test(s)) {
    return { kind: 'legacy', value: s };
  }
  return null;
}
