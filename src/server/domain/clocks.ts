import type {
  CaseType,
  Category,
  DeadlineBasisCode,
  DeadlineKind,
  NotificationType,
} from '../../shared/enums.ts';
import {
  addBusinessDays,
  addCalendarDays,
  addMonths,
  endOfLocalDay,
  formatDate,
  localDate,
} from '../../shared/dates.ts';
import { deadlineBasis } from './deadline-basis.ts';
import type { InvestigationClock, JurisdictionProfile } from './profiles/profile.ts';

/** What a deadline is counted from. */
export type DeadlineAnchorKind =
  | 'received'
  | 'incident'
  | 'investigation_started'
  | 'reopened'
  | 'recommendation'
  | 'request'
  | 'calendar';

/** An extension granted on a deadline (who and why are recorded by the caller). */
export interface DeadlineExtension {
  byDays: number;
  unit: 'calendar' | 'business';
  previousDueDate: string;
  /** The due date the extension moved it to. */
  newDueDate: string;
}

/** One computed due date, with the anchor and legal basis stated. */
export interface Deadline {
  kind: DeadlineKind;
  /** Local due date in the profile's time zone, 'YYYY-MM-DD'. */
  dueDate: string;
  /** End of the due day in local time, as an ISO instant (toISOString()). */
  dueAt: string;
  /** What the clock counts from. */
  anchor: { kind: DeadlineAnchorKind; date: string };
  /** Which sentence explains it; `basis` and `basisEs` are written from it (deadlineBasis). */
  basisCode: DeadlineBasisCode;
  /** Plain words with the clause, e.g. 'Acknowledgement letter within 5 business days …'. */
  basis: string;
  /** The same in Spanish (PRODUCT.md §6: a complainant may follow the case in Spanish). */
  basisEs: string;
  /** Legal source, e.g. 'MCC 2-78-135'. */
  clause: string;
  /** 1, 2, … for repeated deadlines (six-month notices, quarterly reports). */
  sequence?: number;
  /** A six-month notice's place in its run from its anchor, where it differs from `sequence`. */
  position?: number;
  /** Extensions applied, oldest first. */
  extensions?: DeadlineExtension[];
}

/** Input to the intake-time clocks. */
export interface CaseDeadlineInput {
  receivedAt: Date;
  incidentAt?: Date;
  caseType: CaseType;
  categories: Category[];
  notificationType?: NotificationType;
  investigationStartedAt?: Date;
}

/*
 * Calendar-day clocks do NOT roll forward when the due date is a weekend or holiday: the
 * ordinance and the video release policy count calendar days and say nothing of rolling, so a
 * due date on a Sunday is shown as that Sunday (work must be done by the Friday). Only
 * business-day clocks (the acknowledgement letter) skip weekends and holidays.
 */

/** Categories under the City's Video Release Policy: firearm, Taser and custody incidents. */
export const VIDEO_RELEASE_CATEGORIES: ReadonlySet<Category> = new Set<Category>([
  'firearm_discharge',
  'taser_discharge',
  'death_or_injury_in_custody',
  'officer_involved_death',
]);

/** How a clock repeats: its row number, its place in its run, and the +30 days request. */
interface DeadlineOptions {
  /** 1, 2, … among the case's rows of this kind. */
  sequence?: number;
  /** Place in the run counted from the anchor (six-month notices); defaults to `sequence`. */
  position?: number;
  /** The Superintendent's +30 days were requested (MCC 2-78-130). */
  extensionRequested?: boolean;
}

/** Whether a clock runs in the profile's jurisdiction: its law is the clock's source (ADR 0045). */
export function clockRuns(kind: DeadlineKind, profile: JurisdictionProfile): boolean {
  return profile.clockSources[kind] !== undefined;
}

/**
 * The last local date on which discipline may be started for an incident, when the profile's law
 * sets a limit (New York: "no removal or disciplinary proceeding shall be commenced more than
 * eighteen months after the occurrence of the alleged incompetency or misconduct", Civil Service
 * Law §75(4)); null when it sets none. Months are counted as "six months after" is (addMonths).
 */
export function disciplineLimitationDate(
  incidentDate: string,
  profile: JurisdictionProfile,
): string | null {
  const limit = profile.disciplineLimitation;
  return limit ? addMonths(incidentDate, limit.months) : null;
}

function deadline(
  kind: DeadlineKind,
  dueDate: string,
  anchor: Deadline['anchor'],
  profile: JurisdictionProfile,
  { sequence, position, extensionRequested = false }: DeadlineOptions = {},
): Deadline {
  // callers ask clockRuns() first; a kind without a source has no clause to cite
  const clause = profile.clockSources[kind]?.clause ?? '';
  const basis = deadlineBasis(
    {
      kind,
      anchor,
      sequence: sequence ?? 1,
      ...(position !== undefined ? { position } : {}),
      clause,
      extensionRequested,
    },
    profile,
  );
  return {
    kind,
    dueDate,
    dueAt: endOfLocalDay(dueDate, profile.timeZone).toISOString(),
    anchor,
    basisCode: basis.code,
    basis: basis.en,
    basisEs: basis.es,
    clause,
    ...(sequence !== undefined ? { sequence } : {}),
    ...(position !== undefined && position !== sequence ? { position } : {}),
  };
}

/** A clock of `days` calendar days from the local date of an instant (its anchor). */
function calendarClock(
  kind: DeadlineKind,
  anchorKind: DeadlineAnchorKind,
  at: Date,
  days: number,
  profile: JurisdictionProfile,
  options?: DeadlineOptions,
): Deadline {
  const date = localDate(at, profile.timeZone);
  return deadline(kind, addCalendarDays(date, days), { kind: anchorKind, date }, profile, options);
}

/** True when a case falls under the Video Release Policy (by category or notification type). */
export function isVideoReleaseCase(
  input: { categories: Category[]; notificationType?: NotificationType },
  profile: JurisdictionProfile,
): boolean {
  if (input.categories.some((c) => VIDEO_RELEASE_CATEGORIES.has(c))) {
    return true;
  }
  const nt = input.notificationType;
  const category = nt === undefined ? undefined : profile.notificationTypes[nt]?.category;
  return category !== undefined && VIDEO_RELEASE_CATEGORIES.has(category);
}

/**
 * The `position`-th §2-78-135 notice (1 = the first, at the first six-month mark) of the run
 * counted from `anchor`. `sequence` is the row's number among all the case's notices; it differs
 * from the position once a reopening has started a second run.
 */
export function sixMonthNotice(
  anchor: { kind: DeadlineAnchorKind; date: string },
  position: number,
  profile: JurisdictionProfile,
  sequence: number = position,
): Deadline {
  const { sixMonthNoticeMonths: months, sixMonthNoticeDueDays: dueDays } = profile.clocks;
  // Each mark is counted from the start, not chained from the previous mark, so a start on
  // Aug 31 gives Feb 28/29 and then Aug 31 again instead of drifting to the 28th.
  const mark = addMonths(anchor.date, months * position);
  return deadline('six_month_notice', addCalendarDays(mark, dueDays), anchor, profile, {
    sequence,
    position,
  });
}

/** The completion benchmark counted from `anchor` (receipt at intake, or a reopening). */
function completionBenchmark(
  anchor: { kind: DeadlineAnchorKind; date: string },
  profile: JurisdictionProfile,
): Deadline {
  return deadline(
    'completion_benchmark',
    addCalendarDays(anchor.date, profile.clocks.completionBenchmarkDays),
    anchor,
    profile,
  );
}

/** True when a case led by `leadAgency` owes the periodic §2-78-135 notices (COPA in Chicago). */
export function owesSixMonthNotice(leadAgency: string, profile: JurisdictionProfile): boolean {
  return profile.sixMonthNoticeAgencies.includes(leadAgency);
}

/**
 * The clocks a reopened investigation starts afresh, counted from the local date of the
 * reopening: the profile's investigation clocks (Chicago: the 180-day completion benchmark and,
 * for COPA-led cases, the first §2-78-135 notice six months after the reopening). Neither the
 * acknowledgement letter nor the video release runs again: they count from the receipt and from
 * the incident, which a reopening does not repeat.
 */
export function reopeningDeadlines(
  reopenedAt: Date,
  leadAgency: string,
  profile: JurisdictionProfile,
): Deadline[] {
  const anchor = { kind: 'reopened' as const, date: localDate(reopenedAt, profile.timeZone) };
  const make: Record<InvestigationClock, () => Deadline | null> = {
    completion_benchmark: () => completionBenchmark(anchor, profile),
    six_month_notice: () =>
      owesSixMonthNotice(leadAgency, profile) ? sixMonthNotice(anchor, 1, profile) : null,
  };
  return profile.investigationClocks
    .map((kind) => make[kind]())
    .filter((d): d is Deadline => d !== null);
}

/**
 * The clocks that start at intake (PRODUCT.md §4), sorted by due date:
 * - acknowledgement letter: N business days after the local date of receipt (day 0), to
 *   whoever reported (a complainant, or a third party such as a shelter volunteer, PRODUCT.md
 *   §1 step 8) — department notifications have no civilian reporter to write to;
 * - completion benchmark: N calendar days after receipt;
 * - first §2-78-135 notice: the 6-month mark after the investigation started (receipt when no
 *   start is known) plus 5 days;
 * - video release: 60 days after the incident date for firearm, Taser and custody cases
 *   (falling back to receipt, and saying so, when the incident date is unknown). Every Taser
 *   case gets the clock: whether an injury was serious is often unknown at intake, and an early
 *   deadline is safer than a missed one.
 */
export function computeCaseDeadlines(
  input: CaseDeadlineInput,
  profile: JurisdictionProfile,
): Deadline[] {
  const tz = profile.timeZone;
  const clocks = profile.clocks;
  const received = localDate(input.receivedAt, tz);
  const deadlines: Deadline[] = [];
  const runs = (kind: DeadlineKind): boolean => clockRuns(kind, profile);

  if (input.caseType !== 'notification' && runs('acknowledgement_letter')) {
    deadlines.push(
      deadline(
        'acknowledgement_letter',
        addBusinessDays(received, clocks.acknowledgementBusinessDays, profile.holidays),
        { kind: 'received', date: received },
        profile,
      ),
    );
  }

  if (runs('completion_benchmark')) {
    deadlines.push(completionBenchmark({ kind: 'received', date: received }, profile));
  }

  if (runs('six_month_notice')) {
    const anchor = input.investigationStartedAt
      ? {
          kind: 'investigation_started' as const,
          date: localDate(input.investigationStartedAt, tz),
        }
      : { kind: 'received' as const, date: received };
    deadlines.push(sixMonthNotice(anchor, 1, profile));
  }

  const video = runs('video_release') ? videoReleaseDeadline(input, profile) : null;
  if (video) {
    deadlines.push(video);
  }

  return deadlines.sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
}

/**
 * The video-release clock of a case, or null when the City's Video Release Policy does not apply
 * (firearm, Taser and custody cases only): 60 calendar days from the local date of the incident —
 * not the notification, which is how the Inspector General (2020) found COPA missed releases —
 * and from receipt, saying so, while the incident date is unknown.
 */
export function videoReleaseDeadline(
  input: Pick<CaseDeadlineInput, 'receivedAt' | 'incidentAt' | 'categories' | 'notificationType'>,
  profile: JurisdictionProfile,
): Deadline | null {
  if (!isVideoReleaseCase(input, profile)) {
    return null;
  }
  const days = profile.clocks.videoReleaseDays;
  return input.incidentAt
    ? calendarClock('video_release', 'incident', input.incidentAt, days, profile)
    : calendarClock('video_release', 'received', input.receivedAt, days, profile);
}

/** A stored deadline of one kind, as far as a recomputation needs it. */
export interface StoredClock {
  anchor: Deadline['anchor'];
  met: boolean;
  superseded: boolean;
}

/** What a correction of the facts a clock is counted from does to that clock. */
export type ClockRecomputation =
  | { change: 'none' }
  /** The running clock counted from the old fact is superseded by `deadline`. */
  | { change: 'replace'; deadline: Deadline }
  /** The clock now applies and never ran: `deadline` starts. */
  | { change: 'start'; deadline: Deadline };

/**
 * Recomputes one clock after intake facts were corrected (issue 15; docs/domain.md
 * "Corrections"), given the rows of its kind already stored and the clock the corrected facts
 * give (`recomputed`, null when it no longer applies):
 * - a clock already met is left alone: the work was done, a later correction does not undo it;
 * - a running clock whose anchor (kind and local date) is unchanged stays, with its extensions;
 * - a running clock whose anchor moved is replaced by the recomputed one;
 * - a clock that now applies and never ran starts;
 * - a clock that no longer applies is never withdrawn by a correction (like restriction, that is
 *   a person's decision: an early deadline is safer than a missed one).
 */
export function recomputeClock(
  stored: readonly StoredClock[],
  recomputed: Deadline | null,
): ClockRecomputation {
  if (!recomputed || stored.some((d) => d.met && !d.superseded)) {
    return { change: 'none' };
  }
  const running = stored.find((d) => !d.met && !d.superseded);
  if (!running) {
    return stored.length === 0 ? { change: 'start', deadline: recomputed } : { change: 'none' };
  }
  const same =
    running.anchor.kind === recomputed.anchor.kind &&
    running.anchor.date === recomputed.anchor.date;
  return same ? { change: 'none' } : { change: 'replace', deadline: recomputed };
}

/**
 * When the Superintendent must respond to COPA's recommendations (MCC §2-78-130): 60 days after
 * the recommendation, 90 when an extension was requested, never more than the profile maximum.
 */
export function superintendentResponseDeadline(
  recommendationAt: Date,
  extensionRequested: boolean,
  profile: JurisdictionProfile,
): Deadline {
  const { superintendentResponseDays, superintendentExtensionDays, superintendentMaxDays } =
    profile.clocks;
  const days = Math.min(
    superintendentResponseDays + (extensionRequested ? superintendentExtensionDays : 0),
    superintendentMaxDays,
  );
  return calendarClock(
    'superintendent_response',
    'recommendation',
    recommendationAt,
    days,
    profile,
    {
      extensionRequested,
    },
  );
}

/** Response to a complainant's request for case materials: 30 days after the request. */
export function materialRequestDeadline(requestedAt: Date, profile: JurisdictionProfile): Deadline {
  return calendarClock(
    'material_request',
    'request',
    requestedAt,
    profile.clocks.materialRequestDays,
    profile,
  );
}

/**
 * Public reporting deadlines of a year: the annual report on the profile's annual date (it
 * covers the previous year) and the quarterly reports on the quarterly dates (sequence 1–3;
 * the fourth quarter is covered by the annual report). Sorted by due date.
 */
export function reportDeadlines(year: number, profile: JurisdictionProfile): Deadline[] {
  const { annualReportDate, quarterlyReportDates } = profile.clocks;
  const annualDue = formatDate(year, annualReportDate.month, annualReportDate.day);
  const list: Deadline[] = clockRuns('annual_report', profile)
    ? [deadline('annual_report', annualDue, { kind: 'calendar', date: annualDue }, profile)]
    : [];
  (clockRuns('quarterly_report', profile) ? quarterlyReportDates : []).forEach((md, index) => {
    const due = formatDate(year, md.month, md.day);
    list.push(
      deadline('quarterly_report', due, { kind: 'calendar', date: due }, profile, {
        sequence: index + 1,
      }),
    );
  });
  return list.sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
}

/** What extending a deadline needs to know of it (a stored row gives these). */
export type ExtendableDeadline = Pick<Deadline, 'kind' | 'dueDate' | 'anchor' | 'clause'> &
  Partial<Pick<Deadline, 'sequence' | 'extensions' | 'basisCode'>> & {
    /** A six-month notice's place in its run, when it differs from its sequence. */
    position?: number;
  };

/**
 * A deadline moved later by an extension of `byDays` calendar or business days, counted from
 * the current due date. Kind, anchor, clause and sequence are kept; the basis says what changed
 * and the extension is appended to `extensions`.
 *
 * @throws RangeError unless byDays is a positive integer.
 */
export function extendDeadline(
  d: ExtendableDeadline,
  byDays: number,
  kind: 'calendar' | 'business',
  profile: JurisdictionProfile,
): Deadline {
  if (!Number.isInteger(byDays) || byDays <= 0) {
    throw new RangeError(`An extension must be a positive whole number of days, got ${byDays}`);
  }
  const dueDate =
    kind === 'calendar'
      ? addCalendarDays(d.dueDate, byDays)
      : addBusinessDays(d.dueDate, byDays, profile.holidays);
  const extensions: DeadlineExtension[] = [
    ...(d.extensions ?? []),
    { byDays, unit: kind, previousDueDate: d.dueDate, newDueDate: dueDate },
  ];
  const basis = deadlineBasis(
    {
      kind: d.kind,
      anchor: d.anchor,
      sequence: d.sequence ?? 1,
      ...(d.position !== undefined ? { position: d.position } : {}),
      clause: d.clause,
      extensions: extensions.map((e) => ({
        byDays: e.byDays,
        unit: e.unit,
        dueDate: e.newDueDate,
      })),
      extensionRequested: d.basisCode === 'superintendent_response_extended',
    },
    profile,
  );
  return {
    kind: d.kind,
    dueDate,
    dueAt: endOfLocalDay(dueDate, profile.timeZone).toISOString(),
    anchor: d.anchor,
    basisCode: basis.code,
    basis: basis.en,
    basisEs: basis.es,
    clause: d.clause,
    ...(d.sequence !== undefined ? { sequence: d.sequence } : {}),
    extensions,
  };
}
