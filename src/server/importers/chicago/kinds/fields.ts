import type { FieldDeclaration } from '../../mapping.ts';

/*
 * Field declarations several Chicago kinds share: the case id, the pipeline's row counter, and
 * the columns that describe a person. Adding a header spelling is a one-line change here or in
 * the kind's own module.
 */

/** The complaint log number, the key every file of a release joins on. */
export const CR_ID: FieldDeclaration = {
  required: true,
  synonyms: ['log_no', 'log_number', 'crid', 'cr_no', 'cr_number', 'log_id'],
};

/** The Invisible Institute pipeline's row counter (1..n per file): never a key, never kept. */
export const ROW_ID: FieldDeclaration = { keptOnly: true, synonyms: ['row_no', 'row_number'] };

/**
 * A case's status as a child file of the release may carry it (a release whose complaints file
 * has none): it fills the status of the cases the complaints file left unknown.
 */
export const CASE_STATUS: FieldDeclaration = {
  vocabulary: 'case_status',
  synonyms: ['status', 'case_status', 'complaint_status'],
};

/** The columns every file that hangs off a case has: its row, its case and the case's status. */
export const CASE_CHILD = {
  row_id: ROW_ID,
  cr_id: CR_ID,
  current_status: CASE_STATUS,
} satisfies Record<string, FieldDeclaration>;

const keptOnly: FieldDeclaration = { keptOnly: true };

/** Demographics as the releases publish them. */
export const DEMOGRAPHICS = {
  race: { synonyms: ['ethnicity'] },
  gender: { synonyms: ['sex'] },
  birth_year: { synonyms: ['year_of_birth', 'yob', 'birth_yr'] },
} satisfies Record<string, FieldDeclaration>;

/** A department member named in a file: names, star, rank, unit. */
export const PERSON = {
  first_name: { synonyms: ['first', 'given_name'] },
  last_name: { synonyms: ['last', 'surname', 'family_name'] },
  first_name_NS: keptOnly,
  last_name_NS: keptOnly,
  middle_initial: { synonyms: ['middle_name', 'mi'] },
  middle_initial2: keptOnly,
  suffix_name: { synonyms: ['suffix', 'name_suffix'] },
  star: { synonyms: ['star_no', 'star_number', 'badge', 'badge_number', 'badge_no'] },
  ...DEMOGRAPHICS,
} satisfies Record<string, FieldDeclaration>;

/** A person named on every row (members, investigators): first and last name required. */
export const NAMED_PERSON = {
  ...PERSON,
  first_name: { ...PERSON.first_name, required: true },
  last_name: { ...PERSON.last_name, required: true },
} satisfies Record<string, FieldDeclaration>;

/** A department member named on a case's rows (accused, witness officers, investigators). */
export const NAMED_MEMBER_ROW = {
  ...CASE_CHILD,
  ...NAMED_PERSON,
} satisfies Record<string, FieldDeclaration>;

/** A member's employee number, as the roster files spell it. */
export const EMPLOYEE_NUMBER: FieldDeclaration = {
  synonyms: ['employee_no', 'employee_id', 'emp_no', 'emp_number'],
};

/** The day a member was appointed to the department. */
export const APPOINTED_DATE: FieldDeclaration = {
  synonyms: ['appointment_date', 'date_appointed', 'hire_date'],
};

/** A member's unit now (the release's date), not at the incident. */
export const CURRENT_UNIT: FieldDeclaration = { synonyms: ['unit_now'] };

/**
 * The columns every civilian party file has (complainants, victims, civilian witnesses): its row,
 * its case and the case's status, and the party's demographics, required.
 */
export const PARTY_FIELDS: Record<string, FieldDeclaration> = {
  ...CASE_CHILD,
  race: { ...DEMOGRAPHICS.race, required: true },
  gender: { ...DEMOGRAPHICS.gender, required: true },
  birth_year: { ...DEMOGRAPHICS.birth_year, required: true },
};
