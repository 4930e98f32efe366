import type { CaseType, Category, DeadlineKind, NotificationType } from '../../shared/enums.ts';
import {
  addBusinessDays,
  addCalendarDays,
  addMonths,
  endOfLocalDay,
  formatDate,
  localDate,
} from './business-days.ts';
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

/** How a basis names what an investigation clock counts from. */
const INVESTIGATION_ANCHOR_WORDS: Partial<Record<DeadlineAnchorKind, string>> = {
  received: 'receipt',
  investigation_started: 'the start of the investigation',
  reopened: 'the reopening',
};

/** An extension granted on a deadline (who and why are recorded by the caller). */
export interface DeadlineExtension {
  byDays: number;
  unit: 'calendar' | 'business';
  previousDueDate: string;
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
  /** Plain words with the clause, e.g. 'Acknowledgement letter within 5 business days …'. */
  basis: string;
  /** Legal source, e.g. 'MCC 2-78-135'. */
  clause: string;
  /** 1, 2, … for repeated deadlines (six-month notices, quarterly reports). */
  sequence?: number;
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

function deadline(
  kind: DeadlineKind,
  dueDate: string,
  anchor: Deadline['anchor'],
  basis: string,
  profile: JurisdictionProfile,
  sequence?: number,
): Deadline {
  const clause = profile.clockSources[kind].clause;
  return {
    kind,
    dueDate,
    dueAt: endOfLocalDay(dueDate, profile.timeZone).toISOString(),
    anchor,
    basis: `${basis} (${clause})`,
    clause,
    ...(sequence !== undefined ? { sequence } : {}),
  };
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

function ordinal(n: number): string {
  const mod100 = n % 100;
  if (mod100 >= 11 && mod100 <= 13) {
    return `${n}th`;
  }
  switch (n % 10) {
    case 1:
      return `${n}st`;
    case 2:
      return `${n}nd`;
    case 3:
      return `${n}rd`;
    default:
      return `${n}th`;
  }
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
  return nt !== undefined && VIDEO_RELEASE_CATEGORIES.has(profile.notificationTypes[nt].category);
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
  const startDate = anchor.date;
  // Each mark is counted from the start, not chained from the previous mark, so a start on
  // Aug 31 gives Feb 28/29 and then Aug 31 again instead of drifting to the 28th.
  const mark = addMonths(startDate, months * position);
  const dueDate = addCalendarDays(mark, dueDays);
  const from = INVESTIGATION_ANCHOR_WORDS[anchor.kind] ?? 'the start of the investigation';
  const basis =
    position === 1
      ? `Notice to the Mayor, Superintendent, Public Safety Committee chair, complainant and accused within ${plural(dueDays, 'day')} after the investigation passes ${plural(months, 'month')} (${months}-month mark ${mark}, counted from ${from} on ${startDate})`
      : `${ordinal(position - 1)} update of the ${months}-month notice, within ${plural(dueDays, 'day')} after the ${months * position}-month mark ${mark} (counted from ${from} on ${startDate})`;
  return deadline(
    'six_month_notice',
    dueDate,
    { kind: anchor.kind, date: startDate },
    basis,
    profile,
    sequence,
  );
}

/** The completion benchmark counted from `anchor` (receipt at intake, or a reopening). */
function completionBenchmark(
  anchor: { kind: DeadlineAnchorKind; date: string },
  profile: JurisdictionProfile,
): Deadline {
  const days = profile.clocks.completionBenchmarkDays;
  const from = INVESTIGATION_ANCHOR_WORDS[anchor.kind] ?? anchor.kind;
  return deadline(
    'completion_benchmark',
    addCalendarDays(anchor.date, days),
    anchor,
    `Investigation completion benchmark of ${plural(days, 'calendar day')} from ${from} on ${anchor.date}`,
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

  if (input.caseType !== 'notification') {
    const n = clocks.acknowledgementBusinessDays;
    deadlines.push(
      deadline(
        'acknowledgement_letter',
        addBusinessDays(received, n, profile.holidays),
        { kind: 'received', date: received },
        `Acknowledgement letter within ${plural(n, 'business day')} of receipt on ${received}, in the complainant's language, saying which agency investigates`,
        profile,
      ),
    );
  }

  deadlines.push(completionBenchmark({ kind: 'received', date: received }, profile));

  if (input.investigationStartedAt) {
    deadlines.push(
      sixMonthNotice(
        { kind: 'investigation_started', date: localDate(input.investigationStartedAt, tz) },
        1,
        profile,
      ),
    );
  } else {
    deadlines.push(sixMonthNotice({ kind: 'received', date: received }, 1, profile));
  }

  const video = videoReleaseDeadline(input, profile);
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
  if (input.incidentAt) {
    const incident = localDate(input.incidentAt, profile.timeZone);
    return deadline(
      'video_release',
      addCalendarDays(incident, days),
      { kind: 'incident', date: incident },
      `Release of video, audio and specified police reports within ${plural(days, 'calendar day')} of the incident on ${incident}`,
      profile,
    );
  }
  const received = localDate(input.receivedAt, profile.timeZone);
  return deadline(
    'video_release',
    addCalendarDays(received, days),
    { kind: 'received', date: received },
    `Release of video, audio and specified police reports within ${plural(days, 'calendar day')} of the incident; the incident date is unknown, so counted from receipt on ${received} until it is recorded`,
    profile,
  );
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
  const anchorDate = localDate(recommendationAt, profile.timeZone);
  const basis = extensionRequested
    ? `Superintendent's response within ${plural(superintendentResponseDays, 'day')} of the recommendation on ${anchorDate}, extended on request by ${plural(superintendentExtensionDays, 'day')} (${superintendentMaxDays} at most)`
    : `Superintendent's response within ${plural(superintendentResponseDays, 'day')} of the recommendation on ${anchorDate}`;
  return deadline(
    'superintendent_response',
    addCalendarDays(anchorDate, days),
    { kind: 'recommendation', date: anchorDate },
    basis,
    profile,
  );
}

/** Response to a complainant's request for case materials: 30 days after the request. */
export function materialRequestDeadline(requestedAt: Date, profile: JurisdictionProfile): Deadline {
  const days = profile.clocks.materialRequestDays;
  const anchorDate = localDate(requestedAt, profile.timeZone);
  return deadline(
    'material_request',
    addCalendarDays(anchorDate, days),
    { kind: 'request', date: anchorDate },
    `Response to the complainant's request for materials within ${plural(days, 'day')} of the request on ${anchorDate}`,
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
  const list: Deadline[] = [
    deadline(
      'annual_report',
      annualDue,
      { kind: 'calendar', date: annualDue },
      `Annual report for ${year - 1} due ${annualDue}`,
      profile,
    ),
  ];
  quarterlyReportDates.forEach((md, index) => {
    const due = formatDate(year, md.month, md.day);
    list.push(
      deadline(
        'quarterly_report',
        due,
        { kind: 'calendar', date: due },
        `Quarterly report for Q${index + 1} ${year} due ${due}`,
        profile,
        index + 1,
      ),
    );
  });
  return list.sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
}

/**
 * A deadline moved later by an extension of `byDays` calendar or business days, counted from
 * the current due date. Kind, anchor, clause and sequence are kept; the basis says what changed
 * and the extension is appended to `extensions`.
 *
 * @throws RangeError unless byDays is a positive integer.
 */
export function extendDeadline(
  d: Deadline,
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
  const unit = kind === 'calendar' ? 'calendar day' : 'business day';
  return {
    ...d,
    dueDate,
    dueAt: endOfLocalDay(dueDate, profile.timeZone).toISOString(),
    basis: `${d.basis}; extended by ${plural(byDays, unit)} from ${d.dueDate} to ${dueDate}`,
    extensions: [...(d.extensions ?? []), { byDays, unit: kind, previousDueDate: d.dueDate }],
  };
}
