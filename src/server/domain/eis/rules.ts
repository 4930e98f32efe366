import type { RuleKind } from '../../../shared/schemas/eis.ts';
import type { LocalizedText } from '../profiles/profile.ts';
import type { CategoryLabel } from './features.ts';
import type { Ranker } from './backtest.ts';
import { explain, score } from './model.ts';

/**
 * Early-warning rules as data (issue 19 item 3a): each jurisdiction's administrator keeps its
 * rules in `eis_rules`; `evaluateRules` says which members each active rule flags on a day.
 * Pure: the history comes in through the Ranker. An alert is advice for support and training,
 * never a finding (docs/early-intervention.md).
 */
export interface RuleDefinition {
  id: string;
  code: string;
  kind: RuleKind;
  label: string;
  categories: readonly string[];
  threshold: number | null;
  days: number | null;
  percentile: number | null;
  memberId: string | null;
  unitCode: string | null;
}

export interface RaisedAlert {
  ruleId: string;
  memberId: string;
  /** The ranking's log-odds (top_percentile only). */
  score: number | null;
  reasons: LocalizedText[];
}

/** Complaints (or allegations of the given categories) received in (asOf − days, asOf]. */
function countInWindow(
  ranker: Ranker,
  i: number,
  asOf: number,
  days: number,
  categories: readonly string[],
): number {
  const e = ranker.index.byMember[i]!;
  const from = asOf - days;
  if (categories.length === 0) {
    return e.days.filter((d) => d > from && d <= asOf).length;
  }
  return e.allegations.filter(
    (a) => a.day > from && a.day <= asOf && categories.includes(a.category),
  ).length;
}

/**
 * The alerts the rules raise on day `asOf` (a day number), over the members active then.
 * `categoryLabel` words a category code for the reasons.
 */
export function evaluateRules(
  rules: readonly RuleDefinition[],
  ranker: Ranker,
  asOf: number,
  categoryLabel: CategoryLabel,
): RaisedAlert[] {
  // counting and monitoring rules look at every member (a complaint in the window is activity
  // enough); the ranking ranks those active in the last two years
  const everyone = ranker.index.members.map((_, i) => i);
  const out: RaisedAlert[] = [];
  const idOf = (i: number): string => ranker.index.members[i]!.id;
  for (const rule of rules) {
    switch (rule.kind) {
      case 'count_in_days': {
        const days = rule.days ?? 180;
        const threshold = rule.threshold ?? 3;
        const what: LocalizedText =
          rule.categories.length === 0
            ? { en: 'complaint(s)', es: 'queja(s)' }
            : {
                en: `allegation(s) of ${rule.categories.map((c) => categoryLabel(c).en).join(', ')}`,
                es: `alegación(es) de ${rule.categories.map((c) => categoryLabel(c).es).join(', ')}`,
              };
        for (const i of everyone) {
          const n = countInWindow(ranker, i, asOf, days, rule.categories);
          if (n >= threshold) {
            out.push({
              ruleId: rule.id,
              memberId: idOf(i),
              score: null,
              reasons: [
                {
                  en: `${n} ${what.en} in the last ${days} days (rule: ${threshold} in ${days} days)`,
                  es: `${n} ${what.es} en los últimos ${days} días (regla: ${threshold} en ${days} días)`,
                },
              ],
            });
          }
        }
        break;
      }
      case 'top_percentile': {
        const model = ranker.modelAt(asOf);
        const yearStart = asOf - 365;
        const scored = ranker.index.activeAt(asOf).map((i) => {
          const x = ranker.index.featuresAt(i, asOf, yearStart);
          return { i, x, s: score(model, x) };
        });
        scored.sort((a, b) => b.s - a.s);
        const n = Math.ceil(((rule.percentile ?? 5) / 100) * scored.length);
        for (const { i, x, s } of scored.slice(0, n)) {
          out.push({
            ruleId: rule.id,
            memberId: idOf(i),
            score: s,
            reasons: [
              {
                en: `in the top ${rule.percentile}% of the risk ranking`,
                es: `entre el ${rule.percentile}% más alto de la clasificación de riesgo`,
              },
              ...explain(model, x, categoryLabel),
            ],
          });
        }
        break;
      }
      case 'monitor_member':
      case 'monitor_unit': {
        const days = rule.days ?? 30;
        for (const i of everyone) {
          const m = ranker.index.members[i]!;
          const watched =
            rule.kind === 'monitor_member' ? m.id === rule.memberId : m.unit === rule.unitCode;
          const n = watched ? countInWindow(ranker, i, asOf, days, []) : 0;
          if (n > 0) {
            out.push({
              ruleId: rule.id,
              memberId: m.id,
              score: null,
              reasons: [
                {
                  en: `${n} complaint(s) in the last ${days} days while under monitoring (${rule.label})`,
                  es: `${n} queja(s) en los últimos ${days} días bajo seguimiento (${rule.label})`,
                },
              ],
            });
          }
        }
        break;
      }
    }
  }
  return out;
}
