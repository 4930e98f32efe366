import type { CaseStatus, CaseType, Category, Finding } from '../../../shared/enums.ts';
import type { CsvRecord, Rejection } from '../read-csv.ts';
import type { FileKind } from './kinds/index.ts';

/*
 * What the normalization of a Chicago release yields: entities keyed for upsert, pure data.
 */

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
  /** Code of the lead agency, one of the profile's. */
  leadAgency: string;
  restricted: boolean;
  restrictionReasons: string[];
  status: CaseStatus;
  statusChangedAt: string;
  closedOn: string | null;
  /** The status as released; null when the release has no status column (unknown). */
  sourceStatus: string | null;
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
  /** The dated history rows (allegation_findings) this allegation's findings become. */
  findings: FindingImport[];
  source: Record<string, unknown>;
}

/**
 * One finding of an allegation as the release states it: the stage, the mapped finding and
 * penalty, and the source text they came from. A field the release adds per finding (a date it
 * was decided on) belongs here, filled by the kind's normalization.
 */
export interface FindingImport {
  stage: 'recommended' | 'final';
  finding: Finding | null;
  penalty: string | null;
  /** The release's own words (`Sustained | 010 - 10 DAY SUSPENSION`), '(blank)' when none. */
  sourceValue: string;
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
  /** Rows per release family of the cases they named, so far (which release a file belongs to). */
  families(): Record<Family, number>;
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
  /** Child files that carry a case status: log number → the status as written. */
  caseStatuses: Map<string, string>;
}
