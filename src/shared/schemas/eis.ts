import { z } from 'zod';

/**
 * Early-intervention alerts and rules (issue 19 items 3a and 4): the codes both sides share.
 * An alert is advice for support and training; none of these states records discipline.
 */
export const ALERT_STATUSES = [
  'new',
  'supervisor_review',
  'intervention_planned',
  'resolved',
  'dismissed',
  'acknowledged',
] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

/** The steps of the review: new → supervisor review → intervention planned → resolved, or dismissed or acknowledged. */
export const ALERT_STEPS: Readonly<Record<AlertStatus, readonly AlertStatus[]>> = {
  new: ['supervisor_review', 'dismissed', 'acknowledged'],
  supervisor_review: ['intervention_planned', 'dismissed', 'acknowledged'],
  intervention_planned: ['resolved'],
  resolved: [],
  dismissed: [],
  acknowledged: [],
};
export const OPEN_ALERT_STATUSES: readonly AlertStatus[] = ALERT_STATUSES.filter(
  (s) => ALERT_STEPS[s].length > 0,
);

export const RULE_KINDS = [
  'count_in_days',
  'top_percentile',
  'monitor_member',
  'monitor_unit',
] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

const Code = z.string().regex(/^[a-z0-9_-]{1,60}$/, 'lower-case letters, digits, _ or -');
const Label = z.string().trim().min(1).max(200);

const Days = z.number().int().min(1).max(3650);

/** One kind of rule: the code and label every rule has, the kind's own fields, the active flag. */
function ruleOf<K extends RuleKind, F extends z.ZodRawShape>(kind: K, fields: F) {
  return z.strictObject({
    kind: z.literal(kind),
    code: Code,
    label: Label,
    ...fields,
    active: z.boolean().default(true),
  });
}

/** POST /api/v1/eis/rules and PUT /api/v1/eis/rules/{code}: one rule, by kind. */
export const RuleRequest = z.discriminatedUnion('kind', [
  ruleOf('count_in_days', {
    categories: z.array(z.string().min(1).max(60)).max(30).default([]),
    threshold: z.number().int().min(1).max(1000),
    days: Days,
  }),
  ruleOf('top_percentile', { percentile: z.number().gt(0).max(50) }),
  ruleOf('monitor_member', { memberId: z.string().uuid(), days: Days }),
  ruleOf('monitor_unit', { unitCode: z.string().trim().min(1).max(40), days: Days }),
]);
export type RuleRequest = z.infer<typeof RuleRequest>;

export const RuleOut = z.object({
  code: z.string(),
  kind: z.enum(RULE_KINDS),
  label: z.string(),
  categories: z.array(z.string()),
  threshold: z.number().nullable(),
  days: z.number().nullable(),
  percentile: z.number().nullable(),
  memberId: z.string().nullable(),
  unitCode: z.string().nullable(),
  active: z.boolean(),
  updatedAt: z.string(),
});
export type RuleOut = z.infer<typeof RuleOut>;

const Localized = z.object({ en: z.string(), es: z.string() });

export const AlertStepOut = z.object({
  from: z.enum(ALERT_STATUSES),
  to: z.enum(ALERT_STATUSES),
  note: z.string(),
  actor: z.string().nullable(),
  at: z.string(),
});

export const AlertOut = z.object({
  id: z.string(),
  member: z.object({
    id: z.string(),
    name: z.string(),
    star: z.string().nullable(),
    unit: z.string().nullable(),
  }),
  rule: z.object({ code: z.string(), kind: z.enum(RULE_KINDS), label: z.string() }),
  raisedOn: z.string(),
  score: z.number().nullable(),
  reasons: z.array(Localized),
  status: z.enum(ALERT_STATUSES),
  /** The steps the viewer may take now. */
  nextSteps: z.array(z.enum(ALERT_STATUSES)),
  steps: z.array(AlertStepOut),
});
export type AlertOut = z.infer<typeof AlertOut>;

/** POST /api/v1/eis/alerts/{id}/steps */
export const AlertStepRequest = z.strictObject({
  to: z.enum(ALERT_STATUSES),
  note: z.string().trim().min(1).max(4000),
});

const Metric = z.object({ recall: z.number(), precision: z.number() });
const BacktestMethods = z.object({
  model: Metric,
  rank_by_complaints: Metric,
  threshold_3_in_180: Metric,
  cpdp_percentile: Metric,
});
const FairnessRow = z.object({
  group: z.string(),
  members: z.number(),
  flag_rate: z.number(),
  outcome_rate: z.number(),
  recall: z.number(),
});
const FairnessByMethod = z.object({
  model: z.array(FairnessRow),
  rank_by_complaints: z.array(FairnessRow),
  threshold_3_in_180: z.array(FairnessRow),
  cpdp_percentile: z.array(FairnessRow),
});

/** GET /api/v1/eis/backtest: the latest `oversight eis backtest` run (issue 19 item 5). */
export const BacktestOut = z.object({
  ranAt: z.string(),
  seconds: z.number(),
  from: z.number(),
  to: z.number(),
  base_rate: z.number(),
  pooled: z.object({ '1%': BacktestMethods, '2%': BacktestMethods, '5%': BacktestMethods }),
  model_vs_rank_5pct: z.object({
    model: z.number(),
    rank: z.number(),
    relative: z.number(),
    ci95: z.tuple([z.number(), z.number()]),
  }),
  years: z.array(
    z.object({
      year: z.number(),
      members: z.number(),
      positives: z.number(),
      base_rate: z.number(),
      top: z.object({ '5%': BacktestMethods }),
      model_minus_rank_5pct: z.object({
        recall: z.number(),
        ci95: z.tuple([z.number(), z.number()]),
      }),
    }),
  ),
  fairness: z.object({ race: FairnessByMethod, sex: FairnessByMethod }),
});
export type BacktestOut = z.infer<typeof BacktestOut>;
