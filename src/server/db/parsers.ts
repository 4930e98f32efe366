/**
 * How column values come back on both engines: a date stays 'YYYY-MM-DD' text (a JS Date would
 * shift it by the process's time zone) and a bigint a number.
 */
export const DATE_OID = 1082;
export const INT8_OID = 20;
export const identity = (v: string): string => v;
