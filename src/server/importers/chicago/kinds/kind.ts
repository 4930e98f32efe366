import type { JurisdictionProfile } from '../../../domain/profiles/profile.ts';
import type { KindDeclaration } from '../../mapping.ts';
import type { Family, NormalizedFile } from '../entities.ts';

/** Values of one row by canonical field name; a field the file lacks is absent. */
export type RowValues = Record<string, string>;

/** What a kind's normalization may use while it maps one row (the pipeline provides it). */
export interface RowContext {
  file: string;
  profile: JurisdictionProfile;
  /** Today, local to the profile: dates after it are refused. */
  today: string;
  /** The chunk being filled. */
  readonly out: NormalizedFile;
  /** Records that the current row feeds the entity `key` (read = written accounting). */
  count(key: string): void;
  /** `prefix#1`, `prefix#2`, …: keys for rows that have no key of their own. */
  ordinalKey(prefix: string): string;
  /**
   * The case a row names, by the case's own log number: the id as written when a case has it,
   * else the known case of the kind's family whose id has the same number (a plain `258959` for
   * `2000-0258959`, `2020-0002188` for `2020-2188`). An id that names no known case comes back as
   * written: a new case in a complaints file, an orphan in a child file.
   */
  caseOf(values: RowValues): { log: string; family: Family };
  /** Collects a value for a summary note (`topic: value; value`) written after the last row. */
  noteValue(topic: string, value: string): void;
  /** The current row verbatim, as the file names its columns (row counter and person ids aside). */
  source(): Record<string, unknown>;
}

/** Rows of one group (a case's rows, an accusation's rows), gathered by a pre-pass. */
export interface Grouping<G> {
  /** Validates a row on its own (a bad row is rejected alone); returns its group key. */
  check(values: RowValues, ctx: RowContext): string;
  create(): G;
  add(group: G, values: RowValues, line: number): void;
  lines(group: G): number[];
  /** Builds the group's entity from its first row, when that row comes by in the main pass. */
  emit(key: string, first: RowValues, group: G, ctx: RowContext): void;
}

/** A Chicago file kind: its declaration (data) and its normalization (code), one module each. */
export interface ChicagoKind {
  declaration: KindDeclaration;
  /** The release family whose ids it holds, when only one. */
  family: Family | null;
  /** Whether exact duplicate rows are skipped (tables where a repeated row is the same fact). */
  dedupe: boolean;
  /** Grouped kinds: rows gathered per group first, one entity per group. */
  grouping?: Grouping<unknown>;
  /** Ungrouped kinds: maps one row into `ctx.out`. */
  normalize?(values: RowValues, ctx: RowContext): void;
}
