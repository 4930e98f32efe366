import type { FieldDeclaration } from '../../mapping.ts';
import { findingFromText, penaltyCodeFromText, clean, memberFromNames } from '../values.ts';
import { findingsOf } from './findings.ts';
import { cmsCategory } from './complaints.ts';
import { CURRENT_UNIT, NAMED_MEMBER_ROW } from './fields.ts';
import type { ChicagoKind } from './kind.ts';

const keptOnly: FieldDeclaration = { keptOnly: true };

/** COPA's CMS accused officers: one row per officer × allegation, with findings and penalties. */
export const accusedCms: ChicagoKind = {
  declaration: {
    kind: 'accused_cms',
    label: 'CMS accused officers with findings',
    nameWords: ['accused'],
    fields: {
      ...NAMED_MEMBER_ROW,
      assigned_unit: keptOnly,
      current_unit: CURRENT_UNIT,
      assigned_rank: keptOnly,
      rank: { synonyms: ['position', 'current_position'] },
      duty_status: keptOnly,
      accused_arrested: keptOnly,
      injury_condition: keptOnly,
      complaint_code: {
        distinguishing: true,
        synonyms: ['allegation_category_code', 'allegation_code'],
      },
      allegation_category: {
        required: true,
        distinguishing: true,
        vocabulary: 'copa_category',
      },
      recommended_finding: { distinguishing: true, vocabulary: 'finding' },
      final_finding: { required: true, distinguishing: true, vocabulary: 'finding' },
      recommended_penalty: { distinguishing: true, vocabulary: 'penalty' },
      final_penalty: { distinguishing: true, vocabulary: 'penalty' },
    },
    ties: [
      {
        header: 'finding',
        field: 'final_finding',
        because: 'a bare finding is the final one (the recommended one is always named so)',
      },
      {
        header: 'penalty',
        field: 'final_penalty',
        because: 'a bare penalty is the final one (the recommended one is always named so)',
      },
    ],
  },
  family: 'cms',
  dedupe: true,
  normalize(v, ctx) {
    const { log } = ctx.caseOf(v);
    const member = memberFromNames(v, { rankColumn: 'rank', unitColumn: 'current_unit' });
    const categoryText = clean(v['allegation_category']);
    const code = clean(v['complaint_code']);
    const category = cmsCategory(categoryText, code);
    if (!category) {
      // 'Closed-No Allegation' / 'In Process' rows name an officer but no allegation
      ctx.out.noData++;
      return;
    }
    const who = member
      ? `${member.star ?? ''}:${member.lastName ?? ''}:${member.firstName ?? ''}`
      : 'unknown';
    const base = `cms:allegation:${log}:${who}:${code ?? ''}:${categoryText ?? ''}`;
    const key = ctx.ordinalKey(base);
    const recommendedFinding = findingFromText(v['recommended_finding'] ?? '');
    const recommendedPenalty = penaltyCodeFromText(v['recommended_penalty'] ?? '');
    const finalFinding = findingFromText(v['final_finding'] ?? '');
    const finalPenalty = penaltyCodeFromText(v['final_penalty'] ?? '');
    ctx.out.allegations.push({
      key,
      logNumber: log,
      member,
      findOnCaseByStar: null,
      category,
      sourceCategoryCode: code,
      sourceCategory: categoryText,
      summary: categoryText ?? code ?? 'Allegation',
      recommendedFinding,
      recommendedPenalty,
      finalFinding,
      finalPenalty,
      findings: findingsOf({
        recommended: {
          finding: recommendedFinding,
          penalty: recommendedPenalty,
          findingText: v['recommended_finding'],
          penaltyText: v['recommended_penalty'],
        },
        final: {
          finding: finalFinding,
          penalty: finalPenalty,
          findingText: v['final_finding'],
          penaltyText: v['final_penalty'],
        },
      }),
      source: ctx.source(),
    });
    ctx.count(key);
  },
};
