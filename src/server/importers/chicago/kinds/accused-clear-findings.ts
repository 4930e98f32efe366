import type { FieldDeclaration } from '../../mapping.ts';
import {
  clean,
  findingFromText,
  mapCpdCategory,
  numberText,
  penaltyFromOutcome,
  RowError,
} from '../values.ts';
import { CASE_CHILD } from './fields.ts';
import { findingsOf } from './findings.ts';
import type { ChicagoKind, Grouping, RowContext, RowValues } from './kind.ts';

const keptOnly: FieldDeclaration = { keptOnly: true };

interface AccusationGroup {
  lines: number[];
  subCategories: Set<string>;
}

/**
 * CLEAR accused with findings and penalties (FOIA 18-060-157, 2018-03): each allegation (case ×
 * accusation) repeated per penalty record and sub-allegation code; the `_USE` columns are
 * constant per accusation and are what is imported.
 */
export const accusedClearFindings: ChicagoKind = {
  declaration: {
    kind: 'accused_clear_findings',
    label: 'CLEAR accused with findings and penalties (2018-03)',
    nameWords: ['accused'],
    fields: {
      ...CASE_CHILD,
      accusation_id: {
        required: true,
        distinguishing: true,
        synonyms: ['allegation_id', 'accusation_no'],
      },
      allegation_category: {},
      allegation_category_code: {},
      current_investigator_category: {
        required: true,
        synonyms: ['investigator_category'],
      },
      current_investigator_category_code: { synonyms: ['investigator_category_code'] },
      unit: keptOnly,
      unit_detail: keptOnly,
      accused_arrested: keptOnly,
      duty_status: keptOnly,
      injured: keptOnly,
      final_finding: { vocabulary: 'finding' },
      finding_narrative: keptOnly,
      penalty_id: keptOnly,
      penalty_code: keptOnly,
      number_of_days: keptOnly,
      final_finding_narrative: keptOnly,
      star: { synonyms: ['star_no', 'star_number', 'badge', 'badge_number'] },
      rank: keptOnly,
      final_finding_USE: {
        required: true,
        distinguishing: true,
        vocabulary: 'finding',
        synonyms: ['finding_use', 'resolved_finding'],
      },
      final_outcome_USE: {
        required: true,
        distinguishing: true,
        vocabulary: 'outcome',
        synonyms: ['outcome_use', 'resolved_outcome', 'final_outcome'],
      },
      merge: keptOnly,
    },
    ties: [
      {
        header: 'finding',
        field: 'final_finding_USE',
        because:
          'the resolved finding is constant per accusation; the raw one changes between its penalty records',
      },
    ],
  },
  family: 'clear',
  dedupe: false,
  grouping: {
    check: checkAccusationRow,
    create: (): AccusationGroup => ({ lines: [], subCategories: new Set() }),
    add(group, values, line) {
      group.lines.push(line);
      const sub = clean(values['allegation_category']);
      if (sub) {
        group.subCategories.add(sub);
      }
    },
    lines: (group) => group.lines,
    emit(key, v, group, ctx) {
      ctx.out.allegations.push(buildClearAllegation(key, v, group, ctx));
      ctx.out.rowsPerKey.set(key, group.lines);
    },
  } satisfies Grouping<AccusationGroup>,
};

/** Validates a 2018 accused row; returns its allegation key (case × accusation). */
function checkAccusationRow(v: RowValues, ctx: RowContext): string {
  const { log } = ctx.caseOf(v);
  const accusation = numberText(v['accusation_id']);
  if (!accusation) {
    throw new RowError('accusation_id', `"${v['accusation_id']}" is not an accusation id`);
  }
  return `clear:allegation:${log}:${accusation}`;
}

/** One CLEAR 2018 allegation from its first row: the `_USE` columns are constant per accusation. */
function buildClearAllegation(key: string, v: RowValues, group: AccusationGroup, ctx: RowContext) {
  const { log } = ctx.caseOf(v);
  const code =
    clean(v['current_investigator_category_code']) ?? clean(v['allegation_category_code']);
  const text = clean(v['current_investigator_category']) ?? clean(v['allegation_category']);
  const star = numberText(v['star']);
  const source = ctx.source();
  source['_subCategories'] = [...group.subCategories];
  source['_rows'] = group.lines.length;
  const finalFinding = findingFromText(v['final_finding_USE'] ?? '');
  const finalPenalty = penaltyFromOutcome(v['final_outcome_USE'] ?? '');
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
    finalFinding,
    finalPenalty,
    findings: findingsOf({
      final: {
        finding: finalFinding,
        penalty: finalPenalty,
        // the row's raw finding where it has one, as the source value always showed
        findingText: v['final_finding'] || v['final_finding_USE'] || undefined,
        penaltyText: v['final_outcome_USE'],
      },
    }),
    source,
  };
}
