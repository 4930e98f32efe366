import { describe, expect, it } from 'vitest';
import { CATEGORIES, DeadlineKind, NOTIFICATION_TYPES } from '../../../shared/enums.ts';
import { isWeekend } from '../../../shared/dates.ts';
import { chicagoHolidays, chicagoObservedHolidays, chicagoProfile } from './chicago.ts';

describe('City of Chicago holidays', () => {
  it('lists the 13 observed holidays of 2023 with the weekend rule applied', () => {
    expect(chicagoHolidays(2023)).toEqual([
      '2023-01-02', // New Year's Day (Sunday → Monday)
      '2023-01-16', // Martin Luther King Jr. Day
      '2023-02-13', // Lincoln's Birthday (Sunday → Monday)
      '2023-02-20', // Presidents' Day
      '2023-03-06', // Casimir Pulaski Day
      '2023-05-29', // Memorial Day
      '2023-06-19', // Juneteenth
      '2023-07-04', // Independence Day
      '2023-09-04', // Labor Day
      '2023-10-09', // Columbus Day
      '2023-11-10', // Veterans Day (Saturday → Friday)
      '2023-11-23', // Thanksgiving
      '2023-12-25', // Christmas
    ]);
  });

  it('lists 2024 (a leap year with no weekend holidays to move)', () => {
    expect(chicagoHolidays(2024)).toEqual([
      '2024-01-01',
      '2024-01-15',
      '2024-02-12',
      '2024-02-19',
      '2024-03-04',
      '2024-05-27',
      '2024-06-19',
      '2024-07-04',
      '2024-09-02',
      '2024-10-14',
      '2024-11-11',
      '2024-11-28',
      '2024-12-25',
    ]);
  });

  it("puts a Saturday New Year's Day on Friday Dec 31 of the year before", () => {
    expect(chicagoHolidays(2021)).toContain('2021-12-31');
    expect(chicagoHolidays(2022)).not.toContain('2022-01-01');
    expect(chicagoHolidays(2022)).not.toContain('2021-12-31');
    const observedNewYear = chicagoObservedHolidays(2021).find((h) => h.date === '2021-12-31');
    expect(observedNewYear?.nominalDate).toBe('2022-01-01');
    expect(observedNewYear?.name.en).toBe("New Year's Day");
  });

  it('moves Saturday holidays to Friday and Sunday holidays to Monday', () => {
    expect(chicagoHolidays(2021)).toContain('2021-12-24'); // Christmas on Saturday
    expect(chicagoHolidays(2021)).toContain('2021-07-05'); // July 4 on Sunday
    expect(chicagoHolidays(2022)).toContain('2022-12-26'); // Christmas on Sunday
    expect(chicagoHolidays(2022)).toContain('2022-02-11'); // Lincoln's Birthday on Saturday
  });

  it('observes Juneteenth from 2022 only', () => {
    const juneteenth = (year: number): string[] =>
      chicagoObservedHolidays(year)
        .filter((h) => h.name.en === 'Juneteenth')
        .map((h) => h.date);
    expect(juneteenth(2021)).toEqual([]);
    expect(juneteenth(2022)).toEqual(['2022-06-20']); // Sunday → Monday
    expect(juneteenth(2027)).toEqual(['2027-06-18']); // Saturday → Friday
  });

  it('puts Casimir Pulaski Day on the first Monday of March and Thanksgiving on the 4th Thursday', () => {
    const named = (year: number, en: string): string | undefined =>
      chicagoObservedHolidays(year).find((h) => h.name.en === en)?.date;
    expect(named(2021, 'Casimir Pulaski Day')).toBe('2021-03-01');
    expect(named(2026, 'Casimir Pulaski Day')).toBe('2026-03-02');
    expect(named(2020, 'Casimir Pulaski Day')).toBe('2020-03-02');
    expect(named(2018, 'Thanksgiving Day')).toBe('2018-11-22');
    expect(named(2024, 'Memorial Day')).toBe('2024-05-27');
    expect(named(2024, 'Martin Luther King Jr. Day')).toBe('2024-01-15');
  });

  it('never observes a holiday on a weekend, and keeps 11 to 14 per year (2000–2040)', () => {
    for (let year = 2000; year <= 2040; year += 1) {
      const list = chicagoHolidays(year);
      expect(list.length).toBeGreaterThanOrEqual(11);
      expect(list.length).toBeLessThanOrEqual(14);
      for (const date of list) {
        expect(isWeekend(date), `${date} is a weekend`).toBe(false);
        expect(date.startsWith(`${year}-`)).toBe(true);
      }
      expect([...list].sort()).toEqual(list);
      expect(new Set(list).size).toBe(list.length);
    }
  });

  it('is the calendar of the profile', () => {
    expect(chicagoProfile.holidays(2023)).toEqual(chicagoHolidays(2023));
  });
});

describe('chicagoProfile vocabulary', () => {
  it('labels every category in English and Spanish', () => {
    for (const category of CATEGORIES) {
      const { label } = chicagoProfile.categories[category];
      expect(label.en.length, category).toBeGreaterThan(0);
      expect(label.es.length, category).toBeGreaterThan(0);
      expect(label.es, category).not.toBe(label.en);
    }
  });

  it('maps every COPA legacy category spelling to exactly one category', () => {
    const seen = new Map<string, string>();
    for (const category of CATEGORIES) {
      for (const code of chicagoProfile.categories[category].legacyCodes ?? []) {
        expect(seen.has(code), `${code} mapped twice`).toBe(false);
        seen.set(code, category);
      }
    }
    expect(seen.get('Fourth Amendment/Improper Search')).toBe('improper_search_seizure');
    expect(seen.get('Rule 14 Violation')).toBe('false_report');
    expect(seen.get('Firearm Discharge at Animal')).toBe('firearm_discharge');
  });

  it('labels every notification type and ties it to a category and a clause', () => {
    for (const type of NOTIFICATION_TYPES) {
      const def = chicagoProfile.notificationTypes[type];
      expect(def.label.en.length, type).toBeGreaterThan(0);
      expect(def.label.es, type).not.toBe(def.label.en);
      expect(CATEGORIES).toContain(def.category);
      expect(def.clause, type).toMatch(/^MCC 2-78-120\([cde]\)$/);
    }
    expect(chicagoProfile.notificationTypes.fatal_motor_vehicle_incident.clause).toBe(
      'MCC 2-78-120(e)',
    );
    expect(chicagoProfile.notificationTypes.death_in_custody.clause).toBe('MCC 2-78-120(d)');
  });

  it('cites a source for every clock', () => {
    for (const kind of Object.values(DeadlineKind)) {
      expect(chicagoProfile.clockSources[kind].clause.length, kind).toBeGreaterThan(0);
    }
    expect(chicagoProfile.clockSources.six_month_notice.clause).toBe('MCC 2-78-135');
    expect(chicagoProfile.clockSources.superintendent_response.clause).toBe('MCC 2-78-130');
  });

  it('has the statutory clock values', () => {
    expect(chicagoProfile.clocks).toMatchObject({
      acknowledgementBusinessDays: 5,
      sixMonthNoticeMonths: 6,
      sixMonthNoticeDueDays: 5,
      completionBenchmarkDays: 180,
      superintendentResponseDays: 60,
      superintendentExtensionDays: 30,
      superintendentMaxDays: 90,
      videoReleaseDays: 60,
      materialRequestDays: 30,
      annualReportDate: { month: 2, day: 15 },
    });
    expect(chicagoProfile.timeZone).toBe('America/Chicago');
  });
});
