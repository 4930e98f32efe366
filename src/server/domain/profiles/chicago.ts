import {
  addCalendarDays,
  dayOfWeek,
  daysInMonth,
  formatDate,
  yearOf,
} from '../../../shared/dates.ts';
import { FINDING_DEFINITIONS } from '../findings.ts';
import { CHICAGO_LETTERS } from './chicago-letters.ts';
import { CHICAGO_REDACTION } from './chicago-redaction.ts';
import { chicagoRouting } from './chicago-routing.ts';
import type { JurisdictionProfile, LocalizedText } from './profile.ts';

/** One observed holiday of a year, with the name shown on calendars. */
export interface ObservedHoliday {
  /** Observed date, 'YYYY-MM-DD' (may differ from the nominal date, see the observance rule). */
  date: string;
  /** The nominal date the holiday commemorates, 'YYYY-MM-DD'. */
  nominalDate: string;
  name: LocalizedText;
}

/** The n-th (1-based) given weekday (0 = Sunday) of a month. */
function nthWeekday(year: number, month: number, weekday: number, n: number): string {
  const first = formatDate(year, month, 1);
  const offset = (weekday - dayOfWeek(first) + 7) % 7;
  return addCalendarDays(first, offset + (n - 1) * 7);
}

/** The last given weekday (0 = Sunday) of a month. */
function lastWeekday(year: number, month: number, weekday: number): string {
  const last = formatDate(year, month, daysInMonth(year, month));
  const offset = (dayOfWeek(last) - weekday + 7) % 7;
  return addCalendarDays(last, -offset);
}

/**
 * City rule for a fixed-date holiday that falls on a weekend: a Saturday holiday is observed
 * the Friday before, a Sunday holiday the Monday after (the same rule as 5 U.S.C. §6103(b)).
 */
function observed(date: string): string {
  const dow = dayOfWeek(date);
  if (dow === 6) {
    return addCalendarDays(date, -1);
  }
  if (dow === 0) {
    return addCalendarDays(date, 1);
  }
  return date;
}

/** Holidays of one nominal year, before filtering by the year their observed date falls in. */
function nominalHolidays(year: number): ObservedHoliday[] {
  const fixed = (month: number, day: number, name: LocalizedText): ObservedHoliday => {
    const nominalDate = formatDate(year, month, day);
    return { date: observed(nominalDate), nominalDate, name };
  };
  const floating = (date: string, name: LocalizedText): ObservedHoliday => ({
    date,
    nominalDate: date,
    name,
  });
  const list: ObservedHoliday[] = [
    fixed(1, 1, { en: "New Year's Day", es: 'Año Nuevo' }),
    floating(nthWeekday(year, 1, 1, 3), {
      en: 'Martin Luther King Jr. Day',
      es: 'Día de Martin Luther King Jr.',
    }),
    // Illinois holiday (205 ILCS 630/17) kept by the City: offices close on Feb 12.
    fixed(2, 12, { en: "Lincoln's Birthday", es: 'Natalicio de Lincoln' }),
    floating(nthWeekday(year, 2, 1, 3), {
      en: "Presidents' Day (Washington's Birthday)",
      es: 'Día de los Presidentes (Natalicio de Washington)',
    }),
    // First Monday of March: City holiday since 1986, Illinois holiday since 1977.
    floating(nthWeekday(year, 3, 1, 1), {
      en: 'Casimir Pulaski Day',
      es: 'Día de Casimir Pulaski',
    }),
    floating(lastWeekday(year, 5, 1), { en: 'Memorial Day', es: 'Día de los Caídos' }),
  ];
  // The City first observed Juneteenth as a paid holiday in 2022 (announced June 2021; before
  // that, City Council had made it a non-closing "day of observance").
  if (year >= 2022) {
    list.push(fixed(6, 19, { en: 'Juneteenth', es: 'Juneteenth (Día de la Emancipación)' }));
  }
  list.push(
    fixed(7, 4, { en: 'Independence Day', es: 'Día de la Independencia' }),
    floating(nthWeekday(year, 9, 1, 1), { en: 'Labor Day', es: 'Día del Trabajo' }),
    // The City still calls the second Monday of October Columbus Day (CPS renamed its own
    // calendar's day to Indigenous Peoples' Day in 2020); either way the same date is closed.
    floating(nthWeekday(year, 10, 1, 2), {
      en: "Columbus Day / Indigenous Peoples' Day",
      es: 'Día de Colón / Día de los Pueblos Indígenas',
    }),
    fixed(11, 11, { en: 'Veterans Day', es: 'Día de los Veteranos' }),
    floating(nthWeekday(year, 11, 4, 4), {
      en: 'Thanksgiving Day',
      es: 'Día de Acción de Gracias',
    }),
    fixed(12, 25, { en: 'Christmas Day', es: 'Navidad' }),
  );
  return list;
}

/**
 * City of Chicago observed holidays whose *observed* date falls in `year`, in date order.
 *
 * Decision (documented for the profile): the 13 City of Chicago paid holidays on which City
 * offices, including COPA, are closed — New Year's Day, Martin Luther King Jr. Day (3rd Monday
 * of January), Lincoln's Birthday (Feb 12), Presidents' Day (3rd Monday of February), Casimir
 * Pulaski Day (1st Monday of March), Memorial Day (last Monday of May), Juneteenth (June 19,
 * from 2022), Independence Day, Labor Day (1st Monday of September), Columbus Day (2nd Monday of
 * October), Veterans Day (Nov 11), Thanksgiving (4th Thursday of November) and Christmas Day.
 * The day after Thanksgiving and Christmas Eve are not City holidays and are business days.
 * Fixed-date holidays on a Saturday are observed on the Friday before, on a Sunday on the Monday
 * after; so New Year's Day 2022 (a Saturday) is observed on Friday 2021-12-31 and appears in the
 * list for 2021, not 2022.
 */
export function chicagoObservedHolidays(year: number): ObservedHoliday[] {
  return [...nominalHolidays(year - 1), ...nominalHolidays(year), ...nominalHolidays(year + 1)]
    .filter((h) => yearOf(h.date) === year)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** Observed holiday dates of `year` ('YYYY-MM-DD'), the profile's holiday calendar. */
export function chicagoHolidays(year: number): string[] {
  return chicagoObservedHolidays(year).map((h) => h.date);
}

/**
 * The Chicago jurisdiction profile: COPA and the CPD Bureau of Internal Affairs under Chapter
 * 2-78 of the Municipal Code of Chicago (MCC).
 */
export const chicagoProfile = {
  code: 'chicago',
  name: 'City of Chicago',
  timeZone: 'America/Chicago',
  // COPA's published ways to file: "call us at (312) 743-COPA, write to us at 1615 W. Chicago
  // Avenue, 4th Floor, Chicago, IL, 60622, or come into our offices Monday-Friday between the
  // hours of 9:00 a.m. and 7:00 p.m." (COPA's online complaint page, published by the City at
  // https://home.chicagopolice.org/services/file-a-complaint/). 743-COPA is 743-2672.
  office: {
    name: {
      en: 'Civilian Office of Police Accountability (COPA)',
      es: 'Oficina Civil de Rendición de Cuentas Policiales (COPA)',
    },
    address: ['1615 W. Chicago Ave., 4th Floor', 'Chicago, IL 60622'],
    phone: '(312) 743-2672',
    phoneE164: '+13127432672',
    hours: {
      en: 'Monday to Friday, 9:00 a.m. to 7:00 p.m.',
      es: 'De lunes a viernes, de 9:00 a. m. a 7:00 p. m.',
    },
    emergencyPhone: '911',
    source: 'https://home.chicagopolice.org/services/file-a-complaint/',
  },
  // MCC ch. 2-78: COPA (the oversight agency, §2-78-120), the Police Department's Bureau of
  // Internal Affairs (BIA, which investigates what §2-78-120 does not give COPA) and the City's
  // Office of Inspector General, which may take part in a case but routes none.
  agencies: {
    COPA: {
      name: {
        en: 'the Civilian Office of Police Accountability (COPA)',
        es: 'la Oficina Civil de Rendición de Cuentas Policiales (COPA)',
      },
    },
    BIA: {
      name: {
        en: 'the Chicago Police Department’s Bureau of Internal Affairs (BIA)',
        es: 'la Oficina de Asuntos Internos del Departamento de Policía de Chicago (BIA)',
      },
    },
    OIG: {
      name: {
        en: 'the City of Chicago Office of Inspector General (OIG)',
        es: 'la Oficina del Inspector General de la Ciudad de Chicago (OIG)',
      },
    },
  },
  agencyRoles: { oversight: 'COPA', internalAffairs: 'BIA', inspectorGeneral: 'OIG' },
  routing: chicagoRouting,
  findings: FINDING_DEFINITIONS,
  // legacyCodes are the COPA CMS `allegation_category` spellings found in the public data
  // (invinst/chicago-police-data, FOIA p031093), so the importer can map them verbatim.
  categories: {
    excessive_force: {
      label: { en: 'Excessive Force', es: 'Uso excesivo de la fuerza' },
      legacyCodes: ['Excessive Force'],
    },
    sexual_misconduct: {
      label: { en: 'Sexual Misconduct', es: 'Conducta sexual indebida' },
      legacyCodes: ['Sexual Misconduct'],
    },
    improper_search_seizure: {
      label: {
        en: 'Fourth Amendment / Improper Search or Seizure',
        es: 'Cuarta Enmienda / Registro o detención indebidos',
      },
      legacyCodes: ['Fourth Amendment/Improper Search'],
    },
    verbal_abuse: {
      label: { en: 'Verbal Abuse', es: 'Abuso verbal' },
      legacyCodes: ['Verbal Abuse'],
    },
    bias: {
      label: { en: 'Bias', es: 'Sesgo discriminatorio' },
      legacyCodes: ['Bias'],
    },
    domestic_violence: {
      label: { en: 'Domestic Violence', es: 'Violencia doméstica' },
      legacyCodes: ['Domestic Violence'],
    },
    coercion: {
      label: { en: 'Coercion', es: 'Coacción' },
      legacyCodes: ['Coercion'],
    },
    denial_of_counsel: {
      label: { en: 'Denial of Counsel', es: 'Denegación de acceso a un abogado' },
      legacyCodes: ['Denial of Counsel'],
    },
    operational_violation: {
      label: { en: 'Operational Violation', es: 'Infracción de procedimientos' },
      legacyCodes: ['Operational Violation', 'Proper Care', 'Traffic'],
    },
    unnecessary_display_of_weapon: {
      label: { en: 'Unnecessary Display of Weapon', es: 'Exhibición innecesaria de un arma' },
      legacyCodes: ['Unnecessary Display of Weapon'],
    },
    first_amendment: {
      label: { en: 'First Amendment', es: 'Primera Enmienda' },
      legacyCodes: ['First Amendment'],
    },
    false_report: {
      label: { en: 'False Report (Rule 14)', es: 'Informe falso (Regla 14)' },
      legacyCodes: ['Rule 14 Violation'],
    },
    abuse_of_authority: {
      label: { en: 'Abuse of Authority', es: 'Abuso de autoridad' },
      legacyCodes: ['Abuse of Authority'],
    },
    firearm_discharge: {
      label: { en: 'Firearm Discharge', es: 'Disparo de arma de fuego' },
      legacyCodes: [
        'Firearm Discharge-Injury',
        'Firearm Discharge-Fatal',
        'Firearm Discharge-No Contact',
        'Firearm Discharge-Accidental',
        'Firearm Discharge at Animal',
        'Firearm Discharge-Officer Suicide',
      ],
    },
    taser_discharge: {
      label: { en: 'Taser Discharge', es: 'Disparo de Taser' },
      legacyCodes: ['Taser Discharge'],
    },
    oc_discharge: {
      label: {
        en: 'OC Spray or Other Chemical Weapon Discharge',
        es: 'Uso de gas pimienta (OC) u otra arma química',
      },
      legacyCodes: ['OC Discharge'],
    },
    death_or_injury_in_custody: {
      label: {
        en: 'Death or Serious Injury in Custody',
        es: 'Muerte o lesión grave bajo custodia',
      },
      legacyCodes: ['Incident in Custody'],
    },
    officer_involved_death: {
      label: { en: 'Officer-Involved Death', es: 'Muerte relacionada con la actuación policial' },
      // COPA's "Motor Vehicle Incident" category holds the fatal-crash notifications.
      legacyCodes: ['Motor Vehicle Incident'],
    },
    miscellaneous: {
      label: { en: 'Miscellaneous', es: 'Otros asuntos' },
      legacyCodes: [
        'Miscellaneous Notification',
        'Legal Violation',
        'Conspiracy',
        'Murder / Manslaughter, Etc.',
      ],
    },
  },
  // The 8 incident types CPD must notify COPA of; `clause` is the MCC §2-78-120 subsection that
  // can give COPA the case (routing decides whether its condition is met).
  notificationTypes: {
    firearm_discharge_injury: {
      label: {
        en: 'Firearm discharge resulting in injury or death',
        es: 'Disparo de arma de fuego con lesiones o muerte',
      },
      category: 'firearm_discharge',
      clause: 'MCC 2-78-120(c)',
    },
    firearm_discharge_at_person_no_injury: {
      label: {
        en: 'Firearm discharge at a person, no injury',
        es: 'Disparo de arma de fuego contra una persona, sin lesiones',
      },
      category: 'firearm_discharge',
      clause: 'MCC 2-78-120(c)',
    },
    firearm_discharge_unintentional_or_animal: {
      label: {
        en: 'Unintentional firearm discharge or discharge at an animal',
        es: 'Disparo accidental de arma de fuego o disparo contra un animal',
      },
      category: 'firearm_discharge',
      clause: 'MCC 2-78-120(c)',
    },
    taser_discharge: {
      label: { en: 'Taser discharge', es: 'Disparo de Taser' },
      category: 'taser_discharge',
      clause: 'MCC 2-78-120(c)',
    },
    oc_discharge: {
      label: { en: 'OC (pepper spray) discharge', es: 'Uso de gas pimienta (OC)' },
      category: 'oc_discharge',
      clause: 'MCC 2-78-120(c)',
    },
    chemical_smoke_distraction_device: {
      label: {
        en: 'Chemical, smoke or distraction device deployment',
        es: 'Uso de dispositivo químico, de humo o de distracción',
      },
      category: 'oc_discharge',
      clause: 'MCC 2-78-120(c)',
    },
    fatal_motor_vehicle_incident: {
      label: {
        en: 'Fatal motor vehicle incident',
        es: 'Incidente vehicular con resultado de muerte',
      },
      category: 'officer_involved_death',
      clause: 'MCC 2-78-120(e)',
    },
    death_in_custody: {
      label: {
        en: 'Death, suicide or suicide attempt in custody',
        es: 'Muerte, suicidio o intento de suicidio bajo custodia',
      },
      category: 'death_or_injury_in_custody',
      clause: 'MCC 2-78-120(d)',
    },
  },
  clocks: {
    acknowledgementBusinessDays: 5,
    sixMonthNoticeMonths: 6,
    sixMonthNoticeDueDays: 5,
    completionBenchmarkDays: 180,
    superintendentResponseDays: 60,
    superintendentExtensionDays: 30,
    superintendentMaxDays: 90,
    videoReleaseDays: 60,
    materialRequestDays: 30,
    quarterlyReportDates: [
      { month: 4, day: 15 },
      { month: 7, day: 15 },
      { month: 10, day: 15 },
    ],
    annualReportDate: { month: 2, day: 15 },
  },
  // Closing stops, and reopening restarts from the reopening date, the consent decree's
  // completion benchmark and the MCC §2-78-135 notice: the ordinance counts the six months while
  // an investigation is pending, and a reopened investigation is pending again. The notice is
  // COPA's duty under the ordinance; BIA investigations do not carry it.
  investigationClocks: ['completion_benchmark', 'six_month_notice'],
  sixMonthNoticeAgencies: ['COPA'],
  clockSources: {
    acknowledgement_letter: {
      clause: 'MCC 2-78-120; COPA Rules',
      label: { en: 'Acknowledgement letter', es: 'Carta de acuse de recibo' },
    },
    six_month_notice: {
      clause: 'MCC 2-78-135',
      label: { en: 'Six-month notice', es: 'Aviso de seis meses' },
    },
    completion_benchmark: {
      clause: 'Consent Decree, Illinois v. City of Chicago, No. 17-cv-6260',
      label: { en: 'Completion benchmark', es: 'Plazo de referencia para concluir' },
    },
    superintendent_response: {
      clause: 'MCC 2-78-130',
      label: {
        en: "Superintendent's response to recommendations",
        es: 'Respuesta del Superintendente a las recomendaciones',
      },
    },
    video_release: {
      clause: 'City of Chicago Video Release Policy (2016)',
      label: { en: 'Video release', es: 'Publicación de videos' },
    },
    material_request: {
      clause: 'COPA Rules',
      label: {
        en: "Response to complainant's request for materials",
        es: 'Respuesta a la solicitud de materiales del denunciante',
      },
    },
    quarterly_report: {
      clause: 'MCC 2-78-150',
      label: { en: 'Quarterly report', es: 'Informe trimestral' },
    },
    annual_report: {
      clause: 'MCC 2-78-150',
      label: { en: 'Annual report', es: 'Informe anual' },
    },
  },
  holidays: chicagoHolidays,
  // Spellings of lieutenant-and-above ranks found in CPD's CLEAR and COPA's CMS exports. Civilian
  // exempt titles (directors, "Assistant Deputy Superintendent - Civilian") are deliberately
  // absent: the rank rule is about sworn command rank (CPD G08-01).
  lieutenantAndAboveRanks: [
    'Lieutenant',
    'Lt',
    'Captain',
    'Capt',
    'Commander',
    'Commander of Special Services',
    'Deputy Chief',
    'Dep Chief',
    'Chief',
    'Assistant Deputy Superintendent',
    'Asst Deputy Sup',
    'Asst Deputy Supt',
    'Deputy Superintendent',
    'Deputy Supt',
    'Assistant Superintendent',
    'First Deputy Superintendent',
    'First Deputy Supt',
    'Superintendent',
    'Supt',
  ],
  redaction: CHICAGO_REDACTION,
  // Held for review: whether a narrative's release would be "an unwarranted invasion of personal
  // privacy" is a judgement the Illinois FOIA puts on the public body (5 ILCS 140/7(1)(c)), and
  // COPA's practice is to publish summaries its staff have written and redacted, not raw text.
  // The machine alone misses some names (docs/redaction.md), so in doubt the history waits for
  // a person (docs/domain.md "Narrative review").
  importedNarratives: 'hold_for_review',
  letters: CHICAGO_LETTERS,
  // The department announces, without names, that officers were relieved of police powers, put
  // on desk (administrative) duty or restored, and COPA publishes its recommendations to relieve;
  // no clause of MCC ch. 2-78 requires or forbids it, so this follows that practice (docs/domain.md
  // "Duty status on the public record"). Decisions are the Superintendent's. One member of a unit
  // with fewer than 5 members on the roster would be named by it, so such an action is withheld
  // (5: the public statistics' small-cell threshold, PRODUCT.md §4; our choice).
  dutyStatusDisclosure: {
    actions: ['relieved_of_police_powers', 'administrative_duty', 'restored'],
    decidingOffice: {
      en: 'the Superintendent of Police',
      es: 'el Superintendente de Policía',
    },
    minUnitMembers: 5,
    source:
      "CPD's public announcements of relief of police powers; COPA's published recommendations (MCC ch. 2-78 practice)",
  },
} satisfies JurisdictionProfile;
