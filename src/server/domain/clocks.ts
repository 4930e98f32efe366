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
import type { InvestigationClock, JurisdictionProfile, LocalizedText } from './profiles/profile.ts';

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

function deadline(
  kind: DeadlineKind,
  dueDate: string,
  anchor: Deadline['anchor'],
  profile: JurisdictionProfile,
  { sequence, position, extensionRequested = false }: DeadlineOptions = {},
): Deadline {
  const clause = profile.clockSources[kind].clause;
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

/** What a deadline's basis is written from: a fresh clock's facts or a stored row's codes. */
export interface DeadlineBasisFacts {
  kind: DeadlineKind;
  anchor: { kind: DeadlineAnchorKind; date: string };
  /** 1 unless the clock repeats (six-month notices, quarterly reports). */
  sequence: number;
  /**
   * A six-month notice's place in its run (1 = the first notice counted from its anchor); the
   * sequence continues across runs once a reopening starts a new one. Defaults to `sequence`.
   */
  position?: number;
  /** The legal source cited, as stored with the deadline. */
  clause: string;
  /** Extensions granted, oldest first, with the due date each moved it to. */
  extensions?: ReadonlyArray<{ byDays: number; unit: 'calendar' | 'business'; dueDate: string }>;
  /** The Superintendent's +30 days were requested when the clock was computed (MCC 2-78-130). */
  extensionRequested?: boolean;
}

/** A deadline's basis: its stable code and the sentence in English and Spanish. */
export interface DeadlineBasis extends LocalizedText {
  code: DeadlineBasisCode;
}

const UNITS = {
  day: { en: ['day', 'days'], es: ['día', 'días'] },
  business_day: { en: ['business day', 'business days'], es: ['día hábil', 'días hábiles'] },
  calendar_day: {
    en: ['calendar day', 'calendar days'],
    es: ['día calendario', 'días calendario'],
  },
  month: { en: ['month', 'months'], es: ['mes', 'meses'] },
} as const;

/** "5 business days" / "5 días hábiles". */
function count(n: number, unit: keyof typeof UNITS): LocalizedText {
  const pick = (forms: readonly [string, string]) => `${n} ${n === 1 ? forms[0] : forms[1]}`;
  return { en: pick(UNITS[unit].en), es: pick(UNITS[unit].es) };
}

/** What a clock counts from, in words: "receipt" / "la recepción". */
const ANCHOR_WORDS: Record<DeadlineAnchorKind, LocalizedText> = {
  received: { en: 'receipt', es: 'la recepción' },
  incident: { en: 'the incident', es: 'el incidente' },
  investigation_started: {
    en: 'the start of the investigation',
    es: 'el inicio de la investigación',
  },
  reopened: { en: 'the reopening', es: 'la reapertura' },
  recommendation: { en: 'the recommendation', es: 'la recomendación' },
  request: { en: 'the request', es: 'la solicitud' },
  calendar: { en: 'the set date', es: 'la fecha fijada' },
};

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

/**
 * The basis of a deadline in English and Spanish, written from its codes and dates (kind, anchor,
 * repetition, clause, extensions) and the profile's clock lengths. The one place these sentences
 * are written: new clocks carry them, and a stored deadline is described again from its row, so
 * what a page shows never depends on the English text a row happens to store (issue 15 defect 8).
 * Each sentence ends with the clause: public law or the agency's published rules only.
 */
export function deadlineBasis(f: DeadlineBasisFacts, profile: JurisdictionProfile): DeadlineBasis {
  const sentence = basisSentence(f, profile);
  const extensions = f.extensions ?? [];
  const unit = (u: 'calendar' | 'business') => (u === 'calendar' ? 'calendar_day' : 'business_day');
  return {
    code: sentence.code,
    en:
      `${sentence.en} (${f.clause})` +
      extensions
        .map((e) => `; extended by ${count(e.byDays, unit(e.unit)).en} to ${e.dueDate}`)
        .join(''),
    es:
      `${sentence.es} (${f.clause})` +
      extensions
        .map((e) => `; prorrogado ${count(e.byDays, unit(e.unit)).es} hasta el ${e.dueDate}`)
        .join(''),
  };
}

function basisSentence(f: DeadlineBasisFacts, profile: JurisdictionProfile): DeadlineBasis {
  const clocks = profile.clocks;
  const date = f.anchor.date;
  // an anchor kind a newer release wrote and this one does not know still reads as words
  const from = ANCHOR_WORDS[f.anchor.kind] ?? { en: 'its start', es: 'su inicio' };
  switch (f.kind) {
    case 'acknowledgement_letter': {
      const n = count(clocks.acknowledgementBusinessDays, 'business_day');
      return {
        code: 'acknowledgement_letter',
        en: `Acknowledgement letter within ${n.en} of ${from.en} on ${date}, in the complainant's language, saying which agency investigates`,
        es: `Carta de acuse de recibo dentro de ${n.es} desde ${from.es} del ${date}, en el idioma del denunciante, que indique qué agencia investiga`,
      };
    }
    case 'completion_benchmark': {
      const n = count(clocks.completionBenchmarkDays, 'calendar_day');
      return {
        code: 'completion_benchmark',
        en: `Investigation completion benchmark of ${n.en} from ${from.en} on ${date}`,
        es: `Plazo de referencia de ${n.es} para concluir la investigación, contados desde ${from.es} del ${date}`,
      };
    }
    case 'six_month_notice': {
      const months = clocks.sixMonthNoticeMonths;
      const due = count(clocks.sixMonthNoticeDueDays, 'day');
      // each mark is counted from the start, not chained from the previous mark (sixMonthNotice)
      const position = f.position ?? f.sequence;
      const mark = addMonths(date, months * position);
      if (position <= 1) {
        const m = count(months, 'month');
        return {
          code: 'six_month_notice',
          en: `Notice to the Mayor, Superintendent, Public Safety Committee chair, complainant and accused within ${due.en} after the investigation passes ${m.en} (${months}-month mark ${mark}, counted from ${from.en} on ${date})`,
          es: `Aviso al alcalde, al Superintendente, a la presidencia del Comité de Seguridad Pública del Concejo Municipal, al denunciante y al acusado dentro de ${due.es} después de que la investigación cumpla ${m.es} (marca de ${months} meses: ${mark}, contada desde ${from.es} del ${date})`,
        };
      }
      return {
        code: 'six_month_notice_update',
        en: `${ordinal(position - 1)} update of the ${months}-month notice, within ${due.en} after the ${months * position}-month mark ${mark} (counted from ${from.en} on ${date})`,
        es: `${position - 1}.ª actualización del aviso de ${months} meses, dentro de ${due.es} después de la marca de ${months * position} meses, ${mark} (contada desde ${from.es} del ${date})`,
      };
    }
    case 'superintendent_response': {
      const n = count(clocks.superintendentResponseDays, 'day');
      const base: LocalizedText = {
        en: `Superintendent's response within ${n.en} of ${from.en} on ${date}`,
        es: `Respuesta del Superintendente dentro de ${n.es} desde ${from.es} del ${date}`,
      };
      if (!f.extensionRequested) {
        return { code: 'superintendent_response', ...base };
      }
      const more = count(clocks.superintendentExtensionDays, 'day');
      const max = clocks.superintendentMaxDays;
      return {
        code: 'superintendent_response_extended',
        en: `${base.en}, extended on request by ${more.en} (${max} at most)`,
        es: `${base.es}, prorrogada a solicitud por ${more.es} (${max} como máximo)`,
      };
    }
    case 'video_release': {
      const n = count(clocks.videoReleaseDays, 'calendar_day');
      if (f.anchor.kind === 'received') {
        return {
          code: 'video_release_incident_unknown',
          en: `Release of video, audio and specified police reports within ${n.en} of the incident; the incident date is unknown, so counted from receipt on ${date} until it is recorded`,
          es: `Publicación de video, audio y los informes policiales especificados dentro de ${n.es} desde el incidente; como se desconoce la fecha del incidente, se cuenta desde la recepción del ${date} hasta que se registre`,
        };
      }
      return {
        code: 'video_release',
        en: `Release of video, audio and specified police reports within ${n.en} of ${from.en} on ${date}`,
        es: `Publicación de video, audio y los informes policiales especificados dentro de ${n.es} desde ${from.es} del ${date}`,
      };
    }
    case 'material_request': {
      const n = count(clocks.materialRequestDays, 'day');
      return {
        code: 'material_request',
        en: `Response to the complainant's request for materials within ${n.en} of ${from.en} on ${date}`,
        es: `Respuesta a la solicitud de materiales del denunciante dentro de ${n.es} desde ${from.es} del ${date}`,
      };
    }
    case 'annual_report': {
      // the report due in February covers the year before
      const year = Number(date.slice(0, 4));
      return {
        code: 'annual_report',
        en: `Annual report for ${year - 1} due ${date}`,
        es: `Informe anual de ${year - 1}, que vence el ${date}`,
      };
    }
    case 'quarterly_report': {
      const year = date.slice(0, 4);
      return {
        code: 'quarterly_report',
        en: `Quarterly report for Q${f.sequence} ${year} due ${date}`,
        es: `Informe del ${f.sequence}.º trimestre de ${year}, que vence el ${date}`,
      };
    }
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

  if (input.caseType !== 'notification') {
    deadlines.push(
      deadline(
        'acknowledgement_letter',
        addBusinessDays(received, clocks.acknowledgementBusinessDays, profile.holidays),
        { kind: 'received', date: received },
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
      profile,
    );
  }
  const received = localDate(input.receivedAt, profile.timeZone);
  return deadline(
    'video_release',
    addCalendarDays(received, days),
    { kind: 'received', date: received },
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
  return deadline(
    'superintendent_response',
    addCalendarDays(anchorDate, days),
    { kind: 'recommendation', date: anchorDate },
    profile,
    { extensionRequested },
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
    deadline('annual_report', annualDue, { kind: 'calendar', date: annualDue }, profile),
  ];
  quarterlyReportDates.forEach((md, index) => {
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
