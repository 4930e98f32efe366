import { seededRandom } from '../../../shared/seeded-random.ts';
import { cutoffOf, dayOf, HistoryIndex, yearOfDay, type History } from './features.ts';
import {
  MODEL_SETTINGS,
  score,
  trainModel,
  type ModelSettings,
  type TrainedModel,
} from './model.ts';

/**
 * The early-intervention backtest (issue 19 item 5): for each prediction year T, every method
 * ranks the members active in T using only what was known on Dec 31 of T, and is scored against
 * "at least one sustained allegation in a complaint received in T+1..T+2". Pure: the history
 * comes in as arrays (docs/early-intervention.md).
 */

export const METHODS = [
  'model',
  'rank_by_complaints',
  'threshold_3_in_180',
  'cpdp_percentile',
] as const;
export type Method = (typeof METHODS)[number];
export const SHARES = { '1%': 0.01, '2%': 0.02, '5%': 0.05 } as const;
export type Share = keyof typeof SHARES;

export interface Metric {
  recall: number;
  precision: number;
}
export interface YearResult {
  year: number;
  members: number;
  positives: number;
  base_rate: number;
  top: Record<Share, Record<Method, Metric & { flagged: number; hits: number }>>;
  /** The rule as vendors ship it: flag whoever has 3 complaints within 180 days in the year. */
  threshold_rule: { flagged: number; share: number; recall: number; precision: number };
  /** Model minus rank-by-complaints recall in the top 5%, with a 95% bootstrap interval. */
  model_minus_rank_5pct: { recall: number; ci95: [number, number] };
}
export interface FairnessRow {
  group: string;
  members: number;
  /** share of the group in the top 5% */
  flag_rate: number;
  /** share of the group with the outcome */
  outcome_rate: number;
  /** share of the group's members with the outcome who were in the top 5% */
  recall: number;
}
export interface BacktestResult {
  from: number;
  to: number;
  years: YearResult[];
  pooled: Record<Share, Record<Method, Metric>>;
  base_rate: number;
  /** pooled model minus rank-by-complaints recall in the top 5%, relative, with interval */
  model_vs_rank_5pct: { model: number; rank: number; relative: number; ci95: [number, number] };
  /** pooled over the years, per method, for the top 5% */
  fairness: Record<'race' | 'sex', Record<Method, FairnessRow[]>>;
  settings: ModelSettings;
}

export interface BacktestOptions {
  from: number;
  to: number;
  /** bootstrap resamples for the noise estimate */
  resamples?: number;
  settings?: Partial<ModelSettings>;
  /** leave features out (validation of the feature set) */
  dropFeatures?: readonly number[];
}

/** A stable hash in [0, 1) of a text (the member's identity key): the case-control sample. */
function hashShare(id: string): number {
  let h = 2166136261;
  for (let k = 0; k < id.length; k++) {
    h = Math.imul(h ^ id.charCodeAt(k), 16777619);
  }
  return (h >>> 0) / 4294967296;
}

/**
 * Each member's share of a flag in the top n by score (index into `scores`): 1 above the cut, 0
 * below, and for the members tied at the cut the seats left divided among them — the expected
 * flag under a random order of the tied. Counting methods tie often (hundreds of members with the
 * same number of complaints straddle the 5% line); any fixed tie-break (say, by member id) would
 * move their recall by several tenths of a point from one import to the next.
 */
export function topWeights(scores: readonly number[], n: number): Float64Array {
  const w = new Float64Array(scores.length);
  if (n <= 0 || scores.length === 0) {
    return w;
  }
  const sorted = [...scores].sort((a, b) => b - a);
  const cut = sorted[Math.min(n, sorted.length) - 1]!;
  let above = 0;
  let tied = 0;
  for (const v of scores) {
    if (v > cut) {
      above += 1;
    } else if (v === cut) {
      tied += 1;
    }
  }
  const share = Math.min(1, (n - above) / tied);
  scores.forEach((v, k) => {
    w[k] = v > cut ? 1 : v === cut ? share : 0;
  });
  return w;
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) {
    return 0;
  }
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** Scores of every method for the members active in year T (only what was known on Dec 31 of T). */
export class Ranker {
  readonly index: HistoryIndex;
  readonly historyStart: number;
  private readonly featureCache = new Map<number, { members: number[]; rows: number[][] }>();
  private readonly settings: ModelSettings;
  private readonly drop: Set<number>;

  constructor(
    history: History,
    settings: Partial<ModelSettings> = {},
    dropFeatures: readonly number[] = [],
  ) {
    this.index = new HistoryIndex(history);
    let first = Number.POSITIVE_INFINITY;
    for (const v of history.involvements) {
      first = Math.min(first, v.day);
    }
    this.historyStart = Number.isFinite(first) ? first : dayOf(2000);
    this.settings = { ...MODEL_SETTINGS, ...settings };
    this.drop = new Set(dropFeatures);
  }

  get firstYear(): number {
    return new Date(this.historyStart * 86_400_000).getUTCFullYear();
  }

  /** Active members of year T and their feature rows, computed once per year. */
  featuresOf(year: number): { members: number[]; rows: number[][] } {
    const cached = this.featureCache.get(year);
    if (cached) {
      return cached;
    }
    const members = this.index.activeIn(year);
    const rows = members.map((i) =>
      this.index.features(i, year).map((v, k) => (this.drop.has(k) ? 0 : v)),
    );
    const out = { members, rows };
    this.featureCache.set(year, out);
    return out;
  }

  /**
   * The model used for prediction year T: trained on earlier years S (features at the end of S,
   * label = the outcome of S as known on Dec 31 of T), S ending `labelGap` years before T.
   */
  modelFor(year: number): TrainedModel {
    return this.modelAt(cutoffOf(year));
  }

  /** The model trained on what was known on day `cut` (live scores: the day of the run). */
  modelAt(cut: number): TrainedModel {
    const year = yearOfDay(cut);
    const rows: number[][] = [];
    const labels: number[] = [];
    const last = year - this.settings.labelGap;
    for (let s = last; s > last - this.settings.trainingYears && s > this.firstYear; s--) {
      const f = this.featuresOf(s);
      f.members.forEach((i, k) => {
        const y = this.index.outcomeKnownBy(i, s, cut) ? 1 : 0;
        // case-control sampling: every positive, a fixed share of negatives chosen by a hash of
        // member and year; the slopes stay consistent and only the intercept shifts, which a
        // ranking ignores (King & Zeng 2001); it keeps training inside the time budget
        if (
          y === 1 ||
          hashShare(`${this.index.members[i]!.key ?? this.index.members[i]!.id}:${s}`) <
            this.settings.negativeShare
        ) {
          rows.push(f.rows[k]!);
          labels.push(y);
        }
      });
    }
    return trainModel(rows, labels, this.settings);
  }

  /** Every method's score for each active member of year T. */
  scores(year: number): { members: number[]; byMethod: Record<Method, number[]> } {
    const cut = cutoffOf(year);
    const { members, rows } = this.featuresOf(year);
    const model = this.modelFor(year);
    return {
      members,
      byMethod: {
        model: rows.map((x) => score(model, x)),
        rank_by_complaints: members.map((i) => this.index.complaintsBy(i, cut)),
        threshold_3_in_180: members.map((i) => this.index.maxIn180Days(i, year)),
        cpdp_percentile: members.map(
          (i) =>
            this.index.complaintsBy(i, cut) / this.index.serviceYears(i, cut, this.historyStart),
        ),
      },
    };
  }
}

/** Runs the backtest over prediction years `from`..`to`. */
export function runBacktest(history: History, opts: BacktestOptions): BacktestResult {
  const ranker = new Ranker(history, opts.settings, opts.dropFeatures);
  const resamples = opts.resamples ?? 200;
  // seeded, so the bootstrap gives the same interval every run
  const random = seededRandom(19);
  const years: YearResult[] = [];
  const pooledHits = {} as Record<Share, Record<Method, { hits: number; flagged: number }>>;
  for (const s of Object.keys(SHARES) as Share[]) {
    pooledHits[s] = {} as Record<Method, { hits: number; flagged: number }>;
    for (const m of METHODS) {
      pooledHits[s][m] = { hits: 0, flagged: 0 };
    }
  }
  let pooledMembers = 0;
  let pooledPositives = 0;
  const bootPooled = new Array<{ diff: number; pos: number }>(resamples)
    .fill({ diff: 0, pos: 0 })
    .map(() => ({ diff: 0, pos: 0 }));
  const fairnessCounts = {
    race: new Map<
      string,
      Record<Method, { n: number; flagged: number; pos: number; hit: number }>
    >(),
    sex: new Map<
      string,
      Record<Method, { n: number; flagged: number; pos: number; hit: number }>
    >(),
  };

  for (let year = opts.from; year <= opts.to; year++) {
    const { members, byMethod } = ranker.scores(year);
    const outcome = members.map((i) => ranker.index.outcome(i, year));
    const positives = outcome.filter(Boolean).length;
    const top = {} as YearResult['top'];
    const flags5 = {} as Record<Method, Float64Array>;
    for (const [s, share] of Object.entries(SHARES) as [Share, number][]) {
      const n = Math.ceil(share * members.length);
      top[s] = {} as YearResult['top'][Share];
      for (const m of METHODS) {
        const weights = topWeights(byMethod[m], n);
        if (s === '5%') {
          flags5[m] = weights;
        }
        let hits = 0;
        weights.forEach((wk, k) => {
          hits += outcome[k] ? wk : 0;
        });
        top[s][m] = {
          recall: positives > 0 ? hits / positives : 0,
          precision: n > 0 ? hits / n : 0,
          flagged: n,
          hits,
        };
        pooledHits[s][m].hits += hits;
        pooledHits[s][m].flagged += n;
      }
    }
    const ruleFlagged = byMethod.threshold_3_in_180
      .map((v, k) => (v >= 3 ? k : -1))
      .filter((k) => k >= 0);
    const ruleHits = ruleFlagged.filter((k) => outcome[k]).length;

    // bootstrap over members: the rankings stay as they were, the population is resampled
    const diffs: number[] = [];
    const delta = members.map(
      (_, k) => (outcome[k] ? 1 : 0) * (flags5.model[k]! - flags5.rank_by_complaints[k]!),
    );
    for (let b = 0; b < resamples; b++) {
      let d = 0;
      let p = 0;
      for (let r = 0; r < members.length; r++) {
        const k = Math.floor(random() * members.length);
        d += delta[k]!;
        p += outcome[k] ? 1 : 0;
      }
      diffs.push(p > 0 ? d / p : 0);
      bootPooled[b]!.diff += d;
      bootPooled[b]!.pos += p;
    }
    diffs.sort((a, b) => a - b);

    for (const attr of ['race', 'sex'] as const) {
      members.forEach((i, k) => {
        const group = ranker.index.members[i]![attr] ?? 'unknown';
        let row = fairnessCounts[attr].get(group);
        if (!row) {
          row = {} as Record<Method, { n: number; flagged: number; pos: number; hit: number }>;
          for (const m of METHODS) {
            row[m] = { n: 0, flagged: 0, pos: 0, hit: 0 };
          }
          fairnessCounts[attr].set(group, row);
        }
        for (const m of METHODS) {
          const c = row[m];
          const f = flags5[m][k]!;
          c.n += 1;
          c.flagged += f;
          c.pos += outcome[k] ? 1 : 0;
          c.hit += outcome[k] ? f : 0;
        }
      });
    }

    years.push({
      year,
      members: members.length,
      positives,
      base_rate: members.length > 0 ? positives / members.length : 0,
      top,
      threshold_rule: {
        flagged: ruleFlagged.length,
        share: members.length > 0 ? ruleFlagged.length / members.length : 0,
        recall: positives > 0 ? ruleHits / positives : 0,
        precision: ruleFlagged.length > 0 ? ruleHits / ruleFlagged.length : 0,
      },
      model_minus_rank_5pct: {
        recall: top['5%'].model.recall - top['5%'].rank_by_complaints.recall,
        ci95: [quantile(diffs, 0.025), quantile(diffs, 0.975)],
      },
    });
    pooledMembers += members.length;
    pooledPositives += positives;
  }

  const pooled = {} as BacktestResult['pooled'];
  for (const s of Object.keys(SHARES) as Share[]) {
    pooled[s] = {} as Record<Method, Metric>;
    for (const m of METHODS) {
      const h = pooledHits[s][m];
      pooled[s][m] = {
        recall: pooledPositives > 0 ? h.hits / pooledPositives : 0,
        precision: h.flagged > 0 ? h.hits / h.flagged : 0,
      };
    }
  }
  const model = pooled['5%'].model.recall;
  const rank = pooled['5%'].rank_by_complaints.recall;
  // the interval of the pooled gain: each resample's recall difference over the observed
  // baseline recall (the ratio of two resampled recalls is unstable when outcomes are this few)
  const relBoot = bootPooled
    .map((b) => (b.pos > 0 && rank > 0 ? b.diff / b.pos / rank : 0))
    .sort((a, b) => a - b);
  const fairness = { race: {}, sex: {} } as BacktestResult['fairness'];
  for (const attr of ['race', 'sex'] as const) {
    for (const m of METHODS) {
      fairness[attr][m] = [...fairnessCounts[attr].entries()]
        .map(([group, row]) => ({
          group,
          members: row[m].n,
          flag_rate: row[m].n > 0 ? row[m].flagged / row[m].n : 0,
          outcome_rate: row[m].n > 0 ? row[m].pos / row[m].n : 0,
          recall: row[m].pos > 0 ? row[m].hit / row[m].pos : 0,
        }))
        .sort((a, b) => b.members - a.members);
    }
  }
  return {
    from: opts.from,
    to: opts.to,
    years,
    pooled,
    base_rate: pooledMembers > 0 ? pooledPositives / pooledMembers : 0,
    model_vs_rank_5pct: {
      model,
      rank,
      relative: rank > 0 ? model / rank - 1 : 0,
      ci95: [quantile(relBoot, 0.025), quantile(relBoot, 0.975)],
    },
    fairness,
    settings: { ...MODEL_SETTINGS, ...opts.settings },
  };
}
