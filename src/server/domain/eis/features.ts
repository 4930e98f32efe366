import type { LocalizedText } from '../profiles/profile.ts';

/**
 * Member features for the early-intervention ranking (issue 19 item 3b), computed from what was
 * known at a cut-off day: complaints received on or before it, findings known on or before it
 * (docs/early-intervention.md, "What is known at the cut-off"). Pure: the history comes in as
 * arrays, nothing here reads the database.
 */

export interface HistoryMember {
  id: string;
  /** Stable across imports (the import's identity key, 'emp:46608'); null for members added here. */
  key?: string | null;
  appointedDay: number | null;
  race: string | null;
  sex: string | null;
  unit?: string | null;
}
/** A member named on a case: accused (with or without an allegation row) or CPD witness. */
export interface HistoryInvolvement {
  memberId: string;
  caseId: string;
  /** Day the complaint was received. */
  day: number;
  accused: boolean;
  /** Department-initiated (a CPD notification, not a civilian's complaint). */
  departmentInitiated: boolean;
}
export interface HistoryAllegation {
  memberId: string;
  caseId: string;
  /** Day the complaint was received. */
  day: number;
  category: string;
  /** Final finding, else the recommended one; null while undecided. */
  finding: string | null;
  /**
   * First day the finding can be taken as known: the finding row's decision day for findings
   * recorded in the app; for imported findings the day the release says the case closed. An
   * imported finding whose case has no closing date has no known day (null): migration 0013
   * back-filled its decision day with the receipt day, which would let a backtest see a finding
   * years before it was made, so such a finding is never used as known before the outcome.
   */
  knownDay: number | null;
}
export interface History {
  members: HistoryMember[];
  involvements: HistoryInvolvement[];
  allegations: HistoryAllegation[];
}

/** Categories counted separately (the most frequent in the Chicago history); the rest as "other". */
export const FEATURE_CATEGORIES = [
  'excessive_force',
  'improper_search_seizure',
  'verbal_abuse',
  'operational_violation',
] as const;

/** Words a category code (the profile's label; the code itself when there is none). */
export type CategoryLabel = (code: string) => LocalizedText;
const plainLabel: CategoryLabel = (code) => ({
  en: code.replaceAll('_', ' '),
  es: code.replaceAll('_', ' '),
});

/** Feature names in matrix order, each with a supervisor's wording of its value (EN/ES). */
export const FEATURES: readonly {
  name: string;
  say: (v: number, category?: CategoryLabel) => LocalizedText;
}[] = [
  {
    name: 'complaints_1y',
    say: (v) => ({
      en: `${v} complaint(s) in the last year`,
      es: `${v} queja(s) en el último año`,
    }),
  },
  {
    name: 'complaints_2y',
    say: (v) => ({
      en: `${v} complaint(s) in the last 2 years`,
      es: `${v} queja(s) en los últimos 2 años`,
    }),
  },
  {
    name: 'complaints_5y',
    say: (v) => ({
      en: `${v} complaint(s) in the last 5 years`,
      es: `${v} queja(s) en los últimos 5 años`,
    }),
  },
  {
    name: 'complaints_career',
    say: (v) => ({ en: `${v} complaint(s) in all`, es: `${v} queja(s) en total` }),
  },
  {
    name: 'department_initiated_5y',
    say: (v) => ({
      en: `${v} department-initiated case(s) in the last 5 years`,
      es: `${v} caso(s) iniciados por el departamento en los últimos 5 años`,
    }),
  },
  {
    name: 'sustained_5y',
    say: (v) => ({
      en: `${v} sustained allegation(s) in the last 5 years`,
      es: `${v} alegación(es) acreditada(s) en los últimos 5 años`,
    }),
  },
  {
    name: 'sustained_career',
    say: (v) => ({
      en: `${v} sustained allegation(s) in all`,
      es: `${v} alegación(es) acreditada(s) en total`,
    }),
  },
  {
    name: 'not_sustained_5y',
    say: (v) => ({
      en: `${v} allegation(s) not sustained in the last 5 years`,
      es: `${v} alegación(es) no acreditada(s) en los últimos 5 años`,
    }),
  },
  {
    name: 'unfounded_exonerated_5y',
    say: (v) => ({
      en: `${v} allegation(s) unfounded or exonerated in the last 5 years`,
      es: `${v} alegación(es) infundada(s) o exonerada(s) en los últimos 5 años`,
    }),
  },
  ...FEATURE_CATEGORIES.map((c) => ({
    name: `${c}_5y`,
    say: (v: number, category: CategoryLabel = plainLabel) => ({
      en: `${v} allegation(s) of ${category(c).en} in the last 5 years`,
      es: `${v} alegación(es) de ${category(c).es} en los últimos 5 años`,
    }),
  })),
  {
    name: 'other_category_5y',
    say: (v) => ({
      en: `${v} allegation(s) of other categories in the last 5 years`,
      es: `${v} alegación(es) de otras categorías en los últimos 5 años`,
    }),
  },
  {
    name: 'recency',
    say: (v) => ({
      en: v > 0 ? `last complaint ${Math.round(1 / v - 1)} year(s) ago` : 'no complaint on record',
      es: v > 0 ? `última queja hace ${Math.round(1 / v - 1)} año(s)` : 'ninguna queja registrada',
    }),
  },
  {
    name: 'tenure_years',
    say: (v) => ({ en: `${v} year(s) of service`, es: `${v} año(s) de servicio` }),
  },
  {
    name: 'max_in_180_days',
    say: (v) => ({
      en: `${v} complaint(s) within 180 days in the last year`,
      es: `${v} queja(s) en 180 días durante el último año`,
    }),
  },
  {
    name: 'witness_2y',
    say: (v) => ({
      en: `named as a witness ${v} time(s) in the last 2 years`,
      es: `nombrado como testigo ${v} vez/veces en los últimos 2 años`,
    }),
  },
  {
    name: 'coaccused_5y',
    say: (v) => ({
      en: `${v} different member(s) accused alongside in the last 5 years`,
      es: `${v} miembro(s) distinto(s) acusados junto a él/ella en los últimos 5 años`,
    }),
  },
  {
    name: 'coaccused_complaints',
    say: (v) => ({
      en: `co-accused members hold ${v} complaint(s) between them`,
      es: `los co-acusados suman ${v} queja(s)`,
    }),
  },
  {
    name: 'coaccused_sustained',
    say: (v) => ({
      en: `co-accused members hold ${v} sustained allegation(s) between them`,
      es: `los co-acusados suman ${v} alegación(es) acreditada(s)`,
    }),
  },
];
export const FEATURE_COUNT = FEATURES.length;
const F = Object.fromEntries(FEATURES.map((f, i) => [f.name, i])) as Record<string, number>;

const YEAR_DAYS = 365.25;

/** Day number (days since 1970-01-01) of a calendar date. */
export function dayOf(year: number, month = 1, day = 1): number {
  return Math.round(Date.UTC(year, month - 1, day) / 86_400_000);
}
/** Dec 31 of a year, the cut-off of prediction year T. */
export function cutoffOf(year: number): number {
  return dayOf(year, 12, 31);
}
export function yearOfDay(day: number): number {
  return new Date(day * 86_400_000).getUTCFullYear();
}

interface MemberIndex {
  /** accused complaints: receipt days, sorted */
  days: number[];
  cases: string[];
  departmentInitiated: boolean[];
  witnessDays: number[];
  allegations: HistoryAllegation[];
  firstDay: number;
  lastDay: number;
}

/** The history indexed by member once, so each year's features are a pass over small arrays. */
export class HistoryIndex {
  readonly members: HistoryMember[];
  readonly byMember: MemberIndex[];
  readonly position = new Map<string, number>();
  /** accused members of each case */
  readonly caseAccused = new Map<string, number[]>();

  constructor(history: History) {
    this.members = history.members;
    this.byMember = history.members.map((m) => ({
      days: [],
      cases: [],
      departmentInitiated: [],
      witnessDays: [],
      allegations: [],
      firstDay: m.appointedDay ?? Number.POSITIVE_INFINITY,
      lastDay: Number.NEGATIVE_INFINITY,
    }));
    history.members.forEach((m, i) => this.position.set(m.id, i));
    const inv = [...history.involvements].sort((a, b) => a.day - b.day);
    for (const v of inv) {
      const i = this.position.get(v.memberId);
      if (i === undefined) {
        continue;
      }
      const e = this.byMember[i]!;
      e.firstDay = Math.min(e.firstDay, v.day);
      e.lastDay = Math.max(e.lastDay, v.day);
      if (v.accused) {
        e.days.push(v.day);
        e.cases.push(v.caseId);
        e.departmentInitiated.push(v.departmentInitiated);
        const list = this.caseAccused.get(v.caseId);
        if (list) {
          list.push(i);
        } else {
          this.caseAccused.set(v.caseId, [i]);
        }
      } else {
        e.witnessDays.push(v.day);
      }
    }
    for (const a of history.allegations) {
      const i = this.position.get(a.memberId);
      if (i !== undefined) {
        this.byMember[i]!.allegations.push(a);
      }
    }
  }

  /** Members named in some case within the two years up to `cut` (the live population). */
  activeAt(cut: number): number[] {
    const out: number[] = [];
    this.byMember.forEach((e, i) => {
      if (e.firstDay <= cut && e.lastDay > cut - 2 * YEAR_DAYS) {
        out.push(i);
      }
    });
    return out;
  }

  /**
   * Members at work in year T, by the record: appointed (or first named) on or before Dec 31 of
   * T and named in some case (accused or witness) in T or later. The releases carry no roster
   * or resignation dates, so a member's span of appearances stands in for employment; every
   * method is scored on this same population.
   */
  activeIn(year: number): number[] {
    const start = dayOf(year);
    const cut = cutoffOf(year);
    const out: number[] = [];
    this.byMember.forEach((e, i) => {
      if (e.firstDay <= cut && e.lastDay >= start) {
        out.push(i);
      }
    });
    return out;
  }

  /** Career complaints received on or before the cut-off (the rank-by-prior-complaints score). */
  complaintsBy(i: number, cut: number): number {
    return countUpTo(this.byMember[i]!.days, cut);
  }

  /** Sustained allegations known by the cut-off. */
  sustainedKnownBy(i: number, cut: number): number {
    let n = 0;
    for (const a of this.byMember[i]!.allegations) {
      if (a.finding === 'sustained' && a.knownDay !== null && a.knownDay <= cut && a.day <= cut) {
        n += 1;
      }
    }
    return n;
  }

  /**
   * The outcome of prediction year T: at least one sustained allegation in a complaint received
   * in T+1..T+2, as the history knows it now (hindsight is the point of an outcome).
   */
  outcome(i: number, year: number): boolean {
    const from = dayOf(year + 1);
    const to = cutoffOf(year + 2);
    return this.byMember[i]!.allegations.some(
      (a) => a.finding === 'sustained' && a.day >= from && a.day <= to,
    );
  }

  /**
   * The same outcome as known at a later cut-off (training labels for a model used at that
   * cut-off): the complaint received and its finding known by then.
   */
  outcomeKnownBy(i: number, year: number, cut: number): boolean {
    const from = dayOf(year + 1);
    const to = Math.min(cutoffOf(year + 2), cut);
    return this.byMember[i]!.allegations.some(
      (a) =>
        a.finding === 'sustained' &&
        a.day >= from &&
        a.day <= to &&
        a.knownDay !== null &&
        a.knownDay <= cut,
    );
  }

  /** Most complaints in any 180-day window ending in the year up to the cut-off. */
  maxIn180Days(i: number, year: number): number {
    return this.maxIn180Between(i, dayOf(year), cutoffOf(year));
  }

  /** Most complaints in any 180-day window ending between `start` and `cut`. */
  maxIn180Between(i: number, start: number, cut: number): number {
    const days = this.byMember[i]!.days;
    let best = 0;
    let lo = 0;
    for (let hi = 0; hi < days.length && days[hi]! <= cut; hi++) {
      while (days[lo]! <= days[hi]! - 180) {
        lo += 1;
      }
      if (days[hi]! >= start) {
        best = Math.max(best, hi - lo + 1);
      }
    }
    return best;
  }

  /** Service years up to the cut-off within the history (at least one). */
  serviceYears(i: number, cut: number, historyStart: number): number {
    const e = this.byMember[i]!;
    const from = Math.max(e.firstDay, historyStart);
    return Math.max(1, (cut - from) / YEAR_DAYS);
  }

  /** The feature vector of member i at the end of year T (raw counts, in FEATURES order). */
  features(i: number, year: number): number[] {
    return this.featuresAt(i, cutoffOf(year), dayOf(year));
  }

  /**
   * The feature vector at any cut-off day (live scores); `yearStart` opens the window of the
   * 180-day count (Jan 1 in the backtest, a year before the cut-off live).
   */
  featuresAt(i: number, cut: number, yearStart: number): number[] {
    const e = this.byMember[i]!;
    const x = new Array<number>(FEATURE_COUNT).fill(0);
    const since = (years: number): number => cut - years * YEAR_DAYS;
    let last = Number.NEGATIVE_INFINITY;
    for (let k = 0; k < e.days.length && e.days[k]! <= cut; k++) {
      const d = e.days[k]!;
      last = d;
      x[F['complaints_career']!]! += 1;
      if (d > since(5)) {
        x[F['complaints_5y']!]! += 1;
        if (e.departmentInitiated[k]) {
          x[F['department_initiated_5y']!]! += 1;
        }
      }
      if (d > since(2)) {
        x[F['complaints_2y']!]! += 1;
      }
      if (d > since(1)) {
        x[F['complaints_1y']!]! += 1;
      }
    }
    for (const a of e.allegations) {
      if (a.day > cut) {
        continue;
      }
      const recent = a.day > since(5);
      const known = a.knownDay !== null && a.knownDay <= cut ? a.finding : null;
      if (known === 'sustained') {
        x[F['sustained_career']!]! += 1;
        if (recent) {
          x[F['sustained_5y']!]! += 1;
        }
      } else if (recent && known === 'not_sustained') {
        x[F['not_sustained_5y']!]! += 1;
      } else if (recent && (known === 'unfounded' || known === 'exonerated')) {
        x[F['unfounded_exonerated_5y']!]! += 1;
      }
      if (recent) {
        const c = F[`${a.category}_5y`];
        x[c ?? F['other_category_5y']!]! += 1;
      }
    }
    x[F['recency']!] = Number.isFinite(last) ? 1 / (1 + (cut - last) / YEAR_DAYS) : 0;
    x[F['tenure_years']!] = e.firstDay <= cut ? Math.floor((cut - e.firstDay) / YEAR_DAYS) : 0;
    x[F['max_in_180_days']!] = this.maxIn180Between(i, yearStart, cut);
    x[F['witness_2y']!] = e.witnessDays.filter((d) => d <= cut && d > since(2)).length;
    // co-accused members' histories, from complaints received by the cut-off only
    const seen = new Set<number>();
    for (let k = 0; k < e.cases.length && e.days[k]! <= cut; k++) {
      if (e.days[k]! <= since(5)) {
        continue;
      }
      for (const j of this.caseAccused.get(e.cases[k]!) ?? []) {
        if (j !== i) {
          seen.add(j);
        }
      }
    }
    x[F['coaccused_5y']!] = seen.size;
    let complaints = 0;
    let sustained = 0;
    for (const j of seen) {
      complaints += this.complaintsBy(j, cut);
      sustained += this.sustainedKnownBy(j, cut);
    }
    x[F['coaccused_complaints']!] = complaints;
    x[F['coaccused_sustained']!] = sustained;
    return x;
  }
}

/** Elements of a sorted array ≤ v. */
function countUpTo(sorted: number[], v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= v) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}
