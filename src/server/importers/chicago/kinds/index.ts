import type { KindDeclaration } from '../../mapping.ts';
import { accusedClearFindings } from './accused-clear-findings.ts';
import { accusedClearProfiles } from './accused-clear-profiles.ts';
import { accusedCms } from './accused-cms.ts';
import { civilianWitnesses } from './civilian-witnesses.ts';
import { complainants } from './complainants.ts';
import { complaintsClear } from './complaints-clear.ts';
import { complaintsCms } from './complaints-cms.ts';
import { cpdWitnesses } from './cpd-witnesses.ts';
import { investigators } from './investigators.ts';
import type { ChicagoKind } from './kind.ts';
import { victims } from './victims.ts';

/*
 * The files of a Chicago release, one module per kind (declaration + normalization). A file is
 * recognised by scoring its header against every declaration (mapping.ts), never by its name
 * alone; the name only refuses a header that reads as another kind.
 */

/** Every kind, in import order: cases first, then the roster, then what hangs off them. */
export const CHICAGO_KINDS = {
  complaints_cms: complaintsCms,
  complaints_clear: complaintsClear,
  accused_clear_profiles: accusedClearProfiles,
  accused_clear_findings: accusedClearFindings,
  accused_cms: accusedCms,
  cpd_witnesses: cpdWitnesses,
  investigators,
  complainants,
  victims,
  civilian_witnesses: civilianWitnesses,
} satisfies Record<string, ChicagoKind>;

export type FileKind = keyof typeof CHICAGO_KINDS;

/** Import order: cases first, then the roster, then what hangs off cases and members. */
export const IMPORT_ORDER = Object.keys(CHICAGO_KINDS) as FileKind[];

/** The declarations, for recognition and `inspect`. */
export const CHICAGO_DECLARATIONS: KindDeclaration[] = IMPORT_ORDER.map(
  (k) => CHICAGO_KINDS[k].declaration,
);

/** Whether a kind's file defines cases (the others hang off them). */
export function isComplaintsKind(kind: FileKind): kind is 'complaints_cms' | 'complaints_clear' {
  return kind === 'complaints_cms' || kind === 'complaints_clear';
}

export function isFileKind(kind: string): kind is FileKind {
  return kind in CHICAGO_KINDS;
}
