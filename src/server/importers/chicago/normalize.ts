import crypto from 'node:crypto';
import type { CaseStatus, CaseType, Category, Finding } from '../../../shared/enums.ts';
import {
  findingFromText as findingFromTextUncached,
  penaltyCodeFromText as penaltyCodeFromTextUncached,
} from '../../domain/findings.ts';
import { restrictionFor } from '../../domain/restriction.ts';
import { routeCase } from '../../domain/routing.ts';
import { startOfLocalDay } from '../../domain/business-days.ts';
import {
  COPA_CATEGORY,
  mapCaseType as mapCaseTypeUncached,
  mapCpdCategory as mapCpdCategoryUncached,
  mapHistoricalAgency,
  mapSourceStatus as mapSourceStatusUncached,
  penaltyFromOutcome as penaltyFromOutcomeUncached,
} from '../../domain/profiles/chicago-legacy.ts';
import type { JurisdictionProfile } from '../../domain/profiles/profile.ts';
import { canonicalJson } from '../../audit/audit.ts';
import type { CsvRecord, Rejection } from '../read-csv.ts';
import type { FileKind } from './kinds.ts';

export type Family = 'cms' | 'clear';

/** A case as the release describes it, mapped, with its source values. */
export interface CaseImport {
  key: string; // log number
  logNumber: string;
  family: Family;
  caseType: CaseType;
  receivedAt: string;
  incidentOccurredAt: string | null;
  incidentBeat: string | null;
  narrative: string;
  categories: Category[];
  flags: string[];
  leadAgency: 'COPA' | 'BIA';
  restricted: boolean;
  restrictionReasons: string[];
  status: CaseStatus;
  statusChangedAt: string;
  closedOn: string | null;
  sourceStatus: string;
  historicalAgency: string;
  source: Record<string, unknown>;
  hash: string;
}

/** Who a member is, as far as one release can tell. */
export interface MemberRef {
  /** `emp:<employee number>` when the release has one. */
  employeeKey: string | null;
  star: string | null;
  firstName: string | null;
  lastName: string | null;
  middleInitial: string | null;
  suffix: string | null;
  rank: string | null;
  unit: string | null;
  appointedDate: string | null;
  race: string | null;
  sex: string | null;
  birthYear: number | null;
}

export interface CaseMemberImport {
  key: string;
  logNumber: string;
  role: 'accused' | 'witness';
  member: MemberRef | null;
  rankAtIncident: string | null;
  unitAtIncident: string | null;
  starAtIncident: string | null;
  source: Record<string, unknown>;
}

export interface AllegationImport {
  key: string;
  logNumber: string;
  /** A member from the release's own names, or (2018 file) to be found on the case by star. */
  member: MemberRef | null;
  findOnCaseByStar: string | null;
  category: Category;
  sourceCategoryCode: string | null;
  sourceCategory: string | null;
  summary: string;
  recommendedFinding: Finding | null;
  recommendedPenalty: string | null;
  finalFinding: Finding | null;
  finalPenalty: string | null;
  source: Record<string, unknown>;
}

export interface PartyImport {
  key: string;
  logNumber: string;
  role: 'complainant' | 'victim' | 'witness';
  race: string | null;
  sex: string | null;
  birthYear: number | null;
  age: number | null;
  injury: string | null;
  source: Record<string, unknown>;
}

export interface InvestigatorImport {
  key: string;
  logNumber: string;
  firstName: string | null;
  lastName: string | null;
  agency: string | null;
  investigatorType: string | null;
  rank: string | null;
  star: string | null;
  unit: string | null;
  assignedOn: string | null;
  source: Record<string, unknown>;
}

/**
 * Maps records to entities as they stream by: `drain()` hands over what is ready (every kind but
 * the two whose rows must be grouped first), `finish()` the rest. Pure: no database.
 */
export interface Normalizer {
  /** For kinds whose rows must be grouped: call on every record first, then `push` them again. */
  prepass: ((record: CsvRecord) => void) | null;
  push(record: CsvRecord): void;
  drain(): NormalizedFile;
  finish(): NormalizedFile;
}

/** What a file (or a chunk of it) yields: entities keyed for upsert, and which rows fed each key. */
export interface NormalizedFile {
  kind: FileKind;
  cases: CaseImport[];
  caseMembers: CaseMemberImport[];
  allegations: AllegationImport[];
  parties: PartyImport[];
  investigators: InvestigatorImport[];
  /** Source lines per entity key (several rows can describe one case or one allegation). */
  rowsPerKey: Map<string, number[]>;
  /** Rows that carry no information (placeholder rows of the demographic tables). */
  noData: number;
  /** Exact duplicates of an earlier row of the same file. */
  duplicates: number;
  rejected: Rejection[];
  /** Values mapped by a fallback rule rather than an exact table entry, for the summary. */
  notes: string[];
}

/** Stable content hash of mapped values: equal content, equal hash, whatever the key order. */
export function contentHash(value: unknown): string {
  return sha1(importCanonicalJson(value), 'hex');
}

/** `crypto.hash` (Node ≥ 20.12): a one-shot digest, several times faster than a Hash object. */
const oneShotHash = (
  crypto as { hash?: (algorithm: string, data: string, encoding: 'hex' | 'base64') => string }
).hash;

/** SHA-1 of a text's UTF-8 bytes; the same digest either way, the faster way when available. */
function sha1(text: string, encoding: 'hex' | 'base64'): string {
  return oneShotHash
    ? oneShotHash('sha1', text, encoding)
    : crypto.createHash('sha1').update(text).digest(encoding);
}

/** Thrown by `canonicalText` for a value it does not serialize itself (see importCanonicalJson). */
class NotPlain extends Error {}
const NOT_PLAIN = new NotPlain('not a plain value'); // one instance: thrown only to bail out
const INDEX_KEY = /^(?:0|[1-9]\d*)$/;

/**
 * The same text as `canonicalJson` (audit.ts), built in one pass without copying every object:
 * import hashes are stored, so the text must stay byte-identical or a re-import would report
 * every row updated. Values other than plain objects, arrays, dates and primitives (and objects
 * with index-like or `toJSON` keys, which `canonicalJson` orders or serializes differently) are
 * left to `canonicalJson` itself.
 */
export function importCanonicalJson(value: unknown): string {
  try {
    const text = canonicalText(value);
    if (text !== undefined) {
      return text;
    }
  } catch (err) {
    if (err !== NOT_PLAIN) {
      throw err;
    }
  }
  return canonicalJson(value);
}

function canonicalText(value: unknown): string | undefined {
  if (value === null) {
    return 'null';
  }
  switch (typeof value) {
    case 'string':
    case 'number':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    case 'object':
      break;
    case 'bigint':
      throw NOT_PLAIN;
  }
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) {
        out += ',';
      }
      out += canonicalText(value[i]) ?? 'null';
    }
    return `${out}]`;
  }
  if (value instanceof Date) {
    return JSON.stringify(value);
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    throw NOT_PLAIN;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = '{';
  let first = true;
  for (const k of keys) {
    if (k === 'toJSON' || INDEX_KEY.test(k)) {
      throw NOT_PLAIN;
    }
    const text = canonicalText(record[k]);
    if (text === undefined) {
      continue;
    }
    out += `${first ? '' : ','}${JSON.stringify(k)}:${text}`;
    first = false;
  }
  return `${out}}`;
}

/** Caches of pure functions of a text: a release repeats a few thousand distinct values. */
const CACHE_LIMIT = 100_000;

/**
 * `compute` memoized on two texts: `outer` (a time zone, a date, a code: few) and `key` (the
 * value: a few thousand). Each inner cache is bounded: a file of junk values must not grow it
 * without end.
 */
function memoize2<T>(
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
function memoText<T>(fn: (text: string) => T): (text: string) => T {
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

const mapCaseType = memoText(mapCaseTypeUncached);
const mapSourceStatus = memoText(mapSourceStatusUncached);
const penaltyFromOutcome = memoText(penaltyFromOutcomeUncached);
const findingFromText = memoText(findingFromTextUncached);
const penaltyCodeFromText = memoText(penaltyCodeFromTextUncached);
const mapCpdCategory = memoize2(mapCpdCategoryUncached);

/** Local midnight of a calendar date, memoized: a release has a few thousand distinct dates. */
const midnightMs = memoize2((timeZone, date) => startOfLocalDay(date, timeZone).getTime());
function localMidnightMs(date: string, timeZone: string): number {
  return midnightMs(timeZone, date);
}
const midnightText = memoize2((timeZone, date) =>
  new Date(localMidnightMs(date, timeZone)).toISOString(),
);
function localMidnight(date: string, timeZone: string): string {
  return midnightText(timeZone, date);
}

const MODERN_LOG = /^\d{4}-\d{7}$/;
const LEGACY_LOG = /^\d{6,7}$/;

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
function intOf(value: string | undefined): number | null {
  const v = clean(value);
  if (v === null) {
    return null;
  }
  const n = Number(v);
  return Number.isFinite(n) ? Math.trunc(n) : null;
}

/** Star, employee and unit numbers are written as floats in CLEAR ('5167.0'). */
function numberText(value: string | undefined): string | null {
  const n = intOf(value);
  return n === null || n <= 0 ? null : String(n);
}

function unitOf(value: string | undefined): string | null {
  const n = numberText(value);
  return n === null ? clean(value) : n.padStart(3, '0');
}

/** Names the release fills with 'UNKNOWN' are no name at all. */
function nameOf(value: string | undefined): string | null {
  const v = clean(value);
  return v === null || /^(UNKNOWN|NONE|N\/A)$/i.test(v) ? null : v;
}

class RowError extends Error {
  constructor(
    readonly column: string,
    message: string,
  ) {
    super(message);
  }
}

/** A calendar date `YYYY-MM-DD` that exists and is not in the future; blank → null. */
function dateOf(
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
function dmyOf(value: string | undefined, today: string): string | null {
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

function familyOf(logNumber: string): Family | null {
  return MODERN_LOG.test(logNumber) ? 'cms' : LEGACY_LOG.test(logNumber) ? 'clear' : null;
}

function logOf(values: Record<string, string>, expected?: Family): { log: string; family: Family } {
  const v = clean(values['cr_id']);
  const family = v === null ? null : familyOf(v);
  if (v === null || family === null) {
    throw new RowError('cr_id', `"${v ?? ''}" is not a log number (YYYY-NNNNNNN or 6-7 digits)`);
  }
  if (expected && family !== expected) {
    throw new RowError(
      'cr_id',
      `"${v}" is a ${family.toUpperCase()} log number in a ${expected.toUpperCase()} file`,
    );
  }
  return { log: v, family };
}

function yes(value: string | undefined): boolean {
  const v = clean(value)?.toUpperCase();
  return v === 'Y' || v === 'YES';
}

/** The source row without the pipeline's per-file row counter and person ids. */
function sourceOf(kind: FileKind, values: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = { _kind: kind };
  for (const k in values) {
    const v = values[k]!;
    if (v !== '' && keptInSource(k)) {
      out[k] = v;
    }
  }
  return out;
}

/** Per column name: whether `sourceOf` keeps it (a file has a few dozen names). */
const keptColumns = new Map<string, boolean>();
function keptInSource(column: string): boolean {
  let kept = keptColumns.get(column);
  if (kept === undefined) {
    kept = column !== 'row_id' && !column.endsWith('_ID');
    keptColumns.set(column, kept);
  }
  return kept;
}

function memberFromNames(
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

/** Maps one file's records to entities. Pure: no database. */
export function createNormalizer(
  kind: FileKind,
  file: string,
  profile: JurisdictionProfile,
  today: string,
): Normalizer {
  const fresh = (): NormalizedFile => ({
    kind,
    cases: [],
    caseMembers: [],
    allegations: [],
    parties: [],
    investigators: [],
    rowsPerKey: new Map(),
    noData: 0,
    duplicates: 0,
    rejected: [],
    notes: [],
  });
  let out = fresh();
  const seenRows = new Set<string>();
  const ordinals = new Map<string, number>();
  const nextOrdinal = (prefix: string): number => {
    const n = (ordinals.get(prefix) ?? 0) + 1;
    ordinals.set(prefix, n);
    return n;
  };
  let currentLine = 0;
  const count = (key: string): void => {
    const lines = out.rowsPerKey.get(key);
    if (lines) {
      lines.push(currentLine);
    } else {
      out.rowsPerKey.set(key, [currentLine]);
    }
  };
  const dedupe =
    kind === 'complaints_cms' ||
    kind === 'complaints_clear' ||
    kind === 'accused_cms' ||
    kind === 'investigators';
  // grouped kinds: a pre-pass over the file collects each group (small aggregates, not rows)
  const caseGroups = new Map<string, CaseGroup>();
  const accusationGroups = new Map<string, { lines: number[]; subCategories: Set<string> }>();
  const emitted = new Set<string>();
  const prepassSeen = new Set<string>();
  // the main pass sees the same records again: their digests are computed once, here
  const prepassDigests = new Map<number, string>();
  // … and their validation: the key a row checked to in the pre-pass, or why it was refused
  const prepassChecks = new Map<number, string | RowError>();
  const checkOnce = (line: number, check: () => string): string => {
    try {
      const key = check();
      prepassChecks.set(line, key);
      return key;
    } catch (err) {
      if (err instanceof RowError) {
        prepassChecks.set(line, err);
      }
      throw err;
    }
  };
  const checked = (line: number, check: () => string): string => {
    const known = prepassChecks.get(line);
    if (known === undefined) {
      return check();
    }
    prepassChecks.delete(line);
    if (known instanceof RowError) {
      throw known;
    }
    return known;
  };
  const prepare = (rec: CsvRecord): void => {
    const v = rec.values;
    if (dedupe) {
      const digest = fingerprintOf(v);
      prepassDigests.set(rec.line, digest);
      if (prepassSeen.has(digest)) {
        return;
      }
      prepassSeen.add(digest);
    }
    try {
      if (kind === 'complaints_cms' || kind === 'complaints_clear') {
        const log = checkOnce(rec.line, () => checkCaseRow(v, kind, today));
        const group = caseGroups.get(log) ?? newCaseGroup();
        addToCaseGroup(group, kind === 'complaints_cms' ? 'cms' : 'clear', rec);
        caseGroups.set(log, group);
      } else if (kind === 'accused_clear_findings') {
        const key = checkOnce(rec.line, () => checkAccusationRow(v));
        const group = accusationGroups.get(key) ?? { lines: [], subCategories: new Set<string>() };
        group.lines.push(rec.line);
        const sub = clean(v['allegation_category']);
        if (sub) {
          group.subCategories.add(sub);
        }
        accusationGroups.set(key, group);
      }
    } catch (err) {
      if (!(err instanceof RowError)) {
        throw err;
      }
      // rejected in the main pass, with its reason
    }
  };
  const fallbackStatuses = new Set<string>();

  const push = (rec: CsvRecord): void => {
    const v = rec.values;
    currentLine = rec.line;
    if (dedupe) {
      // a digest, not the row, is remembered: files run to 200,000+ rows
      let digest = prepassDigests.get(rec.line);
      if (digest === undefined) {
        digest = fingerprintOf(v);
      } else {
        prepassDigests.delete(rec.line);
      }
      if (seenRows.has(digest)) {
        out.duplicates++;
        return;
      }
      seenRows.add(digest);
    }
    try {
      switch (kind) {
        case 'complaints_cms':
        case 'complaints_clear': {
          const log = checked(rec.line, () => checkCaseRow(v, kind, today));
          const status = mapSourceStatus(v['current_status'] ?? '')!;
          if (!status.exact) {
            fallbackStatuses.add(clean(v['current_status']) ?? '');
          }
          if (!emitted.has(log)) {
            // the first row of a case carries its case-level fields; the pre-pass grouped the rest
            emitted.add(log);
            const group = caseGroups.get(log)!;
            out.cases.push(
              buildCase(kind === 'complaints_cms' ? 'cms' : 'clear', log, v, group, profile),
            );
            out.rowsPerKey.set(log, group.lines);
          }
          break;
        }
        case 'accused_clear_findings': {
          const key = checked(rec.line, () => checkAccusationRow(v));
          if (!emitted.has(key)) {
            emitted.add(key);
            const group = accusationGroups.get(key)!;
            out.allegations.push(buildClearAllegation(key, v, group));
            out.rowsPerKey.set(key, group.lines);
          }
          break;
        }
        case 'accused_cms': {
          const { log } = logOf(v, 'cms');
          const member = memberFromNames(v, { rankColumn: 'rank', unitColumn: 'current_unit' });
          const categoryText = clean(v['allegation_category']);
          const mapped = categoryText ? COPA_CATEGORY[categoryText] : undefined;
          const code = clean(v['complaint_code']);
          // a known placeholder ('Closed-No Allegation') is no allegation; an unknown text falls
          // back to the CPD code
          const category =
            mapped === undefined
              ? code
                ? mapCpdCategory(code, categoryText ?? '')
                : null
              : mapped;
          if (!category) {
            // 'Closed-No Allegation' / 'In Process' rows name an officer but no allegation
            out.noData++;
            break;
          }
          const who = member
            ? `${member.star ?? ''}:${member.lastName ?? ''}:${member.firstName ?? ''}`
            : 'unknown';
          const base = `cms:allegation:${log}:${who}:${code ?? ''}:${categoryText ?? ''}`;
          const key = `${base}#${nextOrdinal(base)}`;
          out.allegations.push({
            key,
            logNumber: log,
            member,
            findOnCaseByStar: null,
            category,
            sourceCategoryCode: code,
            sourceCategory: categoryText,
            summary: categoryText ?? code ?? 'Allegation',
            recommendedFinding: findingFromText(v['recommended_finding'] ?? ''),
            recommendedPenalty: penaltyCodeFromText(v['recommended_penalty'] ?? ''),
            finalFinding: findingFromText(v['final_finding'] ?? ''),
            finalPenalty: penaltyCodeFromText(v['final_penalty'] ?? ''),
            source: sourceOf(kind, v),
          });
          count(key);
          break;
        }
        case 'accused_clear_profiles': {
          const { log } = logOf(v, 'clear');
          const member = memberFromNames(v, {
            rankColumn: 'current_rank',
            unitColumn: 'current_unit',
          });
          if (!member?.employeeKey) {
            throw new RowError(
              'employee_number',
              'is blank: the profile cannot be tied to a member',
            );
          }
          const key = `clear:accused:${log}:${member.employeeKey}`;
          if (out.rowsPerKey.has(key)) {
            out.duplicates++;
            break;
          }
          out.caseMembers.push({
            key,
            logNumber: log,
            role: 'accused',
            member,
            rankAtIncident: clean(v['rank']),
            unitAtIncident: null,
            starAtIncident: member.star,
            source: sourceOf(kind, v),
          });
          count(key);
          break;
        }
        case 'cpd_witnesses': {
          const { log, family } = logOf(v);
          const member = memberFromNames(v, { rankColumn: 'rank', unitColumn: 'current_unit' });
          if (!member) {
            out.noData++;
            break;
          }
          const base = `${family}:witness:${log}:${member.employeeKey ?? `${member.star ?? ''}:${member.lastName ?? ''}:${member.firstName ?? ''}`}`;
          const key = `${base}#${nextOrdinal(base)}`;
          out.caseMembers.push({
            key,
            logNumber: log,
            role: 'witness',
            member,
            rankAtIncident: clean(v['assigned_rank']),
            unitAtIncident: unitOf(v['assigned_unit']),
            starAtIncident: member.star,
            source: sourceOf(kind, v),
          });
          count(key);
          break;
        }
        case 'investigators': {
          const { log, family } = logOf(v);
          const assignedOn =
            v['assigned_datetime'] !== undefined
              ? dmyOf(v['assigned_datetime'], today)
              : dateOf(v, 'assign_date', today);
          const firstName = clean(v['first_name']);
          const lastName = clean(v['last_name']);
          const agency = clean(v['investigating_agency']);
          if (!firstName && !lastName && !agency) {
            out.noData++;
            break;
          }
          const base = `${family}:investigator:${log}`;
          const key = `${base}#${nextOrdinal(base)}`;
          out.investigators.push({
            key,
            logNumber: log,
            firstName,
            lastName,
            agency,
            investigatorType: clean(v['investigator_type']),
            rank: clean(v['rank']),
            star: numberText(v['star']),
            unit: unitOf(v['assigned_unit'] ?? v['current_unit']),
            assignedOn,
            source: sourceOf(kind, v),
          });
          count(key);
          break;
        }
        case 'complainants':
        case 'victims':
        case 'civilian_witnesses': {
          const { log, family } = logOf(v);
          const race = clean(v['race']);
          const sex = clean(v['gender']);
          const birthYear = intOf(v['birth_year']);
          const age = intOf(v['current_age']);
          const injury = clean(v['injury_condition']);
          if (
            race === null &&
            sex === null &&
            birthYear === null &&
            age === null &&
            injury === null
          ) {
            out.noData++;
            break;
          }
          const role =
            kind === 'complainants' ? 'complainant' : kind === 'victims' ? 'victim' : 'witness';
          const base = `${family}:${role}:${log}`;
          // demographic rows have no key: two people alike are still two people
          const key = `${base}#${nextOrdinal(base)}`;
          out.parties.push({
            key,
            logNumber: log,
            role,
            race,
            sex,
            birthYear,
            age,
            injury,
            source: sourceOf(kind, v),
          });
          count(key);
          break;
        }
      }
    } catch (err) {
      if (err instanceof RowError) {
        out.rejected.push({ file, line: rec.line, column: err.column, reason: err.message });
      } else {
        throw err;
      }
    }
  };

  const finish = (): NormalizedFile => {
    if (fallbackStatuses.size > 0) {
      out.notes.push(`statuses mapped by prefix rule: ${[...fallbackStatuses].join('; ')}`);
    }
    return drain();
  };

  const drain = (): NormalizedFile => {
    const chunk = out;
    out = fresh();
    return chunk;
  };

  return {
    prepass:
      kind === 'complaints_cms' || kind === 'complaints_clear' || kind === 'accused_clear_findings'
        ? prepare
        : null,
    push,
    drain,
    finish,
  };
}

/** What the pre-pass keeps of a case's rows: lines, categories and flags, not the rows. */
interface CaseGroup {
  lines: number[];
  categories: Set<Category>;
  sourceCategories: string[];
  domesticViolence: boolean;
  bias: boolean;
  shooting: boolean;
  pursuit: boolean;
}

function newCaseGroup(): CaseGroup {
  return {
    lines: [],
    categories: new Set(),
    sourceCategories: [],
    domesticViolence: false,
    bias: false,
    shooting: false,
    pursuit: false,
  };
}

function addToCaseGroup(group: CaseGroup, family: Family, rec: CsvRecord): void {
  const values = rec.values;
  group.lines.push(rec.line);
  if (family === 'cms') {
    const text = clean(values['allegation_category']);
    const code = clean(values['complaint_code']);
    const mapped = text ? COPA_CATEGORY[text] : undefined;
    const category =
      mapped === undefined ? (code ? mapCpdCategory(code, text ?? '') : null) : mapped;
    if (category) {
      group.categories.add(category);
    }
    group.sourceCategories.push(`${code ?? ''} ${text ?? ''}`.trim());
  } else {
    group.categories.add(mapCpdCategory(values['category_code'] ?? '', values['category'] ?? ''));
    group.sourceCategories.push(
      `${clean(values['category_code']) ?? ''} ${clean(values['category']) ?? ''}`.trim(),
    );
  }
  group.domesticViolence ||= yes(values['domestic_violence_i']);
  group.bias ||= yes(values['biased_language_i']) || yes(values['biased_based_pro_i']);
  group.shooting ||= yes(values['police_shooting']);
  group.pursuit ||= yes(values['pursuit_related_i']);
}

/** Validates a complaints row on its own (so a bad row is rejected alone); returns its log number. */
function checkCaseRow(v: Record<string, string>, kind: FileKind, today: string): string {
  const { log } = logOf(v, kind === 'complaints_cms' ? 'cms' : 'clear');
  dateOf(v, 'complaint_date', today, true);
  dateOf(v, 'incident_date', today);
  dateOf(v, 'closed_date', today);
  if (!mapCaseType(v['case_type'] ?? '')) {
    throw new RowError('case_type', `"${v['case_type']}" is not a known case type`);
  }
  if (!mapSourceStatus(v['current_status'] ?? '')) {
    throw new RowError('current_status', `"${v['current_status']}" is not a known status`);
  }
  return log;
}

/** Validates a 2018 accused row; returns its allegation key (case × accusation). */
function checkAccusationRow(v: Record<string, string>): string {
  const { log } = logOf(v, 'clear');
  const accusation = numberText(v['accusation_id']);
  if (!accusation) {
    throw new RowError('accusation_id', `"${v['accusation_id']}" is not an accusation id`);
  }
  return `clear:allegation:${log}:${accusation}`;
}

/** A digest of a row without its row counter, to recognize exact duplicates. */
function fingerprintOf(v: Record<string, string>): string {
  let fingerprint = '';
  for (const k in v) {
    if (k !== 'row_id') {
      fingerprint += `${v[k]}\u0001`;
    }
  }
  return sha1(fingerprint, 'base64');
}

/** One case: case-level fields from its first row, categories and flags from all its rows. */
function buildCase(
  family: Family,
  log: string,
  first: Record<string, string>,
  group: CaseGroup,
  profile: JurisdictionProfile,
): CaseImport {
  const caseType = mapCaseType(first['case_type'] ?? '')!;
  const received = clean(first['complaint_date'])!;
  const incident = clean(first['incident_date']);
  const time = clean(first['incident_time']);
  const closed = clean(first['closed_date']);
  const status = mapSourceStatus(first['current_status'] ?? '')!.status;
  const agencyText = clean(first['investigating_agency']) ?? (family === 'cms' ? 'COPA' : '');
  const cats = [...group.categories].sort();
  const sourceCategories = group.sourceCategories;
  const flags = new Set<string>();
  if (group.domesticViolence || cats.includes('domestic_violence')) {
    flags.add('domestic_violence');
  }
  if (group.bias || cats.includes('bias')) {
    flags.add('bias');
  }
  if (group.shooting) {
    flags.add('police_shooting');
  }
  if (group.pursuit) {
    flags.add('pursuit');
  }
  if (cats.includes('sexual_misconduct')) {
    flags.add('sexual_misconduct');
  }
  const lead =
    mapHistoricalAgency(agencyText) ?? routeCase({ caseType, categories: cats }, profile).agency;
  const restriction = restrictionFor({ categories: cats, vulnerabilities: [] });
  const tz = profile.timeZone;
  const incidentAt =
    incident === null
      ? null
      : time && time !== '00:00:00'
        ? new Date(localMidnightMs(incident, tz) + secondsOf(time) * 1000).toISOString()
        : localMidnight(incident, tz);
  const beat = numberText(first['beat']);
  const mapped = {
    caseType,
    receivedAt: localMidnight(received, tz),
    incidentOccurredAt: incidentAt,
    incidentBeat: beat ? beat.padStart(4, '0') : null,
    narrative:
      clean(family === 'cms' ? first['final_finding_narrative'] : first['narrative']) ?? '',
    categories: cats,
    flags: [...flags].sort(),
    leadAgency: lead,
    restricted: restriction.restricted,
    restrictionReasons: restriction.reasons,
    status,
    statusChangedAt: localMidnight(closed ?? received, tz),
    closedOn: closed,
    sourceStatus: clean(first['current_status'])!,
    historicalAgency: agencyText,
  };
  // the verbatim row with what the grouping adds, built in place (this runs for every case)
  const source = sourceOf(family === 'cms' ? 'complaints_cms' : 'complaints_clear', first);
  source['_categories'] = sourceCategories;
  source['_rows'] = group.lines.length;
  const hash = contentHash({ ...mapped, source });
  return { key: log, logNumber: log, family, ...mapped, source, hash };
}

function secondsOf(time: string): number {
  const [h, m, s] = time.split(':').map(Number);
  return (h ?? 0) * 3600 + (m ?? 0) * 60 + (s ?? 0);
}

/** One CLEAR 2018 allegation from its first row: the `_USE` columns are constant per accusation. */
function buildClearAllegation(
  key: string,
  v: Record<string, string>,
  group: { lines: number[]; subCategories: Set<string> },
): AllegationImport {
  const log = clean(v['cr_id'])!;
  const code =
    clean(v['current_investigator_category_code']) ?? clean(v['allegation_category_code']);
  const text = clean(v['current_investigator_category']) ?? clean(v['allegation_category']);
  const star = numberText(v['star']);
  const source = sourceOf('accused_clear_findings', v);
  source['_subCategories'] = [...group.subCategories];
  source['_rows'] = group.lines.length;
  return {
    key,
    logNumber: log,
    member: null,
    findOnCaseByStar: star,
    category: mapCpdCategory(code ?? '', text ?? ''),
    sourceCategoryCode: code,
    sourceCategory: text,
    summary: text ?? 'Allegation',
    recommendedFinding: null,
    recommendedPenalty: null,
    finalFinding: findingFromText(v['final_finding_USE'] ?? ''),
    finalPenalty: penaltyFromOutcome(v['final_outcome_USE'] ?? ''),
    source,
  };
}
