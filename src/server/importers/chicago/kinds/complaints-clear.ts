import type { FieldDeclaration } from '../../mapping.ts';
import { complaintsKind } from './complaints.ts';

const keptOnly: FieldDeclaration = { keptOnly: true };

/** CPD's CLEAR complaints: about one row per case; ids are 6–7 digit numbers. */
export const complaintsClear = complaintsKind('clear', {
  kind: 'complaints_clear',
  label: 'CLEAR complaints (CPD)',
  fields: {
    category_code: { distinguishing: true, synonyms: ['cpd_category_code'] },
    category: { distinguishing: true, synonyms: ['cpd_category'] },
    narrative: { synonyms: ['complaint_narrative', 'summary'] },
    trr_no: { ...keptOnly, distinguishing: true },
    cb_no: { ...keptOnly, distinguishing: true },
    rd_no: { ...keptOnly, distinguishing: true },
    eeoc_no: keptOnly,
    biased_based_pro_i: { synonyms: ['bias_based_profiling'] },
    alcohol_related_i: keptOnly,
    violence_at_work_i: keptOnly,
  },
});
