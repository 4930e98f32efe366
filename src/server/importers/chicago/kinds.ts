/**
 * The files of the Chicago complaint family, recognized by their header names (not their file
 * names), so other releases of the same family import too. `required` columns must be present;
 * `known` columns are read when present; anything else is reported as unknown, never fatal.
 */
export const FILE_KINDS = {
  complaints_cms: {
    label: 'CMS complaints (COPA)',
    required: [
      'cr_id',
      'complaint_date',
      'case_type',
      'current_status',
      'complaint_code',
      'allegation_category',
    ],
    known: [
      'row_id',
      'incident_date',
      'incident_time',
      'closed_date',
      'apartment_number',
      'city',
      'state',
      'zip',
      'beat',
      'location_code',
      'final_finding_narrative',
      'days_to_closure',
      'civil_suit_no',
      'suit_settled_date',
      'biased_language_i',
      'pursuit_related_i',
      'domestic_violence_i',
      'police_shooting',
      'complainant_type',
      'referred_to_agency',
      'investigating_agency',
    ],
  },
  complaints_clear: {
    label: 'CLEAR complaints (CPD)',
    required: [
      'cr_id',
      'complaint_date',
      'case_type',
      'current_status',
      'category_code',
      'category',
      'investigating_agency',
    ],
    known: [
      'row_id',
      'incident_date',
      'incident_time',
      'closed_date',
      'apartment_number',
      'city',
      'state',
      'zip',
      'beat',
      'location_code',
      'narrative',
      'days_to_closure',
      'trr_no',
      'cb_no',
      'rd_no',
      'eeoc_no',
      'civil_suit_no',
      'suit_settled_date',
      'biased_language_i',
      'biased_based_pro_i',
      'alcohol_related_i',
      'pursuit_related_i',
      'violence_at_work_i',
      'domestic_violence_i',
      'police_shooting',
      'complainant_type',
    ],
  },
  accused_cms: {
    label: 'CMS accused officers with findings',
    required: [
      'cr_id',
      'complaint_code',
      'allegation_category',
      'recommended_finding',
      'final_finding',
      'first_name',
      'last_name',
    ],
    known: [
      'row_id',
      'race',
      'gender',
      'star',
      'birth_year',
      'assigned_unit',
      'current_unit',
      'assigned_rank',
      'rank',
      'duty_status',
      'accused_arrested',
      'injury_condition',
      'recommended_penalty',
      'final_penalty',
      'first_name_NS',
      'last_name_NS',
      'middle_initial',
      'middle_initial2',
      'suffix_name',
    ],
  },
  accused_clear_findings: {
    label: 'CLEAR accused with findings and penalties (2018-03)',
    required: [
      'cr_id',
      'accusation_id',
      'final_finding_USE',
      'final_outcome_USE',
      'current_investigator_category',
    ],
    known: [
      'row_id',
      'allegation_category',
      'allegation_category_code',
      'current_investigator_category_code',
      'unit',
      'unit_detail',
      'accused_arrested',
      'duty_status',
      'injured',
      'final_finding',
      'finding_narrative',
      'penalty_id',
      'penalty_code',
      'number_of_days',
      'final_finding_narrative',
      'star',
      'rank',
      'merge',
    ],
  },
  accused_clear_profiles: {
    label: 'CLEAR accused officers per case (profiles)',
    required: ['cr_id', 'employee_number', 'first_name', 'last_name', 'current_rank'],
    known: [
      'first_name_NS',
      'last_name_NS',
      'middle_initial',
      'middle_initial2',
      'suffix_name',
      'birth_year',
      'race',
      'gender',
      'appointed_date',
      'current_unit',
      'rank',
      'star',
      'merge',
    ],
  },
  cpd_witnesses: {
    label: 'CPD witness officers',
    required: ['cr_id', 'first_name', 'last_name', 'assigned_rank'],
    known: [
      'row_id',
      'star',
      'employee_number',
      'race',
      'gender',
      'birth_year',
      'appointed_date',
      'assigned_unit',
      'current_unit',
      'rank',
      'first_name_NS',
      'last_name_NS',
      'middle_initial',
      'middle_initial2',
      'suffix_name',
    ],
  },
  investigators: {
    label: 'investigators',
    required: ['cr_id', 'investigating_agency', 'first_name', 'last_name'],
    known: [
      'row_id',
      'star',
      'race',
      'gender',
      'birth_year',
      'assigned_unit',
      'current_unit',
      'investigator_type',
      'rank',
      'appointed_date',
      'assigned_datetime',
      'assign_date',
      'first_name_NS',
      'last_name_NS',
      'middle_initial',
      'middle_initial2',
      'suffix_name',
    ],
  },
  victims: {
    label: 'victims (demographics)',
    required: ['cr_id', 'race', 'gender', 'birth_year', 'injury_condition'],
    known: ['row_id'],
  },
  civilian_witnesses: {
    label: 'civilian witnesses (demographics)',
    required: ['cr_id', 'race', 'gender', 'birth_year', 'current_age'],
    known: ['row_id'],
  },
  complainants: {
    label: 'complainants (demographics)',
    required: ['cr_id', 'race', 'gender', 'birth_year'],
    known: ['row_id'],
  },
} as const;

export type FileKind = keyof typeof FILE_KINDS;

/** Detection order: most specific header first (complainants' columns are a subset of others'). */
const DETECTION_ORDER: FileKind[] = [
  'complaints_cms',
  'complaints_clear',
  'accused_clear_findings',
  'accused_cms',
  'accused_clear_profiles',
  'cpd_witnesses',
  'investigators',
  'victims',
  'civilian_witnesses',
  'complainants',
];

/** Import order: cases first, then the roster, then what hangs off cases and members. */
export const IMPORT_ORDER: FileKind[] = [
  'complaints_cms',
  'complaints_clear',
  'accused_clear_profiles',
  'accused_clear_findings',
  'accused_cms',
  'cpd_witnesses',
  'investigators',
  'complainants',
  'victims',
  'civilian_witnesses',
];

/** Columns that are Invisible Institute per-file person ids (`<file name>_ID`): known, not used as keys. */
const PIPELINE_ID = /_ID$/;

export interface Detected {
  kind: FileKind;
  unknownColumns: string[];
}

/** The kind of a file from its header, or the reason it is not one of the family. */
export function detectKind(header: readonly string[]): Detected | { reason: string } {
  const present = new Set(header);
  for (const kind of DETECTION_ORDER) {
    const spec = FILE_KINDS[kind];
    if (spec.required.every((c) => present.has(c))) {
      const known = new Set<string>([...spec.required, ...spec.known]);
      return { kind, unknownColumns: header.filter((h) => !known.has(h) && !PIPELINE_ID.test(h)) };
    }
  }
  return {
    reason: `not a file of the Chicago complaint family: its header (${header.slice(0, 6).join(', ')}${header.length > 6 ? ', …' : ''}) lacks the columns of every known kind`,
  };
}
