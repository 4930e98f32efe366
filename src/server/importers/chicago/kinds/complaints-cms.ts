import { complaintsKind } from './complaints.ts';

/** COPA's CMS complaints: one row per case × allegation code; ids `YYYY-NNNNNNN`. */
export const complaintsCms = complaintsKind('cms', {
  kind: 'complaints_cms',
  label: 'CMS complaints (COPA)',
  fields: {
    complaint_code: {
      distinguishing: true,
      synonyms: ['allegation_category_code', 'allegation_code'],
    },
    allegation_category: { distinguishing: true, vocabulary: 'copa_category' },
    // the source column NARRATIVE, which the pipeline named final_finding_narrative
    final_finding_narrative: {
      distinguishing: true,
      synonyms: ['narrative', 'complaint_narrative', 'summary'],
    },
    referred_to_agency: { keptOnly: true, distinguishing: true, synonyms: ['referred_to'] },
  },
});
