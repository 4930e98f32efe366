import { describe, expect, it } from 'vitest';
import type { Category, NotificationType } from '../../shared/enums.ts';
import { NOTIFICATION_TYPES } from '../../shared/enums.ts';
import type { Deadline } from './clocks.ts';
import {
  computeCaseDeadlines,
  extendDeadline,
  isVideoReleaseCase,
  materialRequestDeadline,
  owesSixMonthNotice,
  recomputeClock,
  reopeningDeadlines,
  reportDeadlines,
  sixMonthNotice,
  superintendentResponseDeadline,
  videoReleaseDeadline,
} from './clocks.ts';
import { chicagoProfile } from './profiles/chicago.ts';
import type { JurisdictionProfile } from './profiles/profile.ts';

const withClocks = (clocks: Partial<JurisdictionProfile['clocks']>): JurisdictionProfile => ({
  ...chicagoProfile,
  clocks: { ...chicagoProfile.clocks, ...clocks },
});

const complaint = (receivedAt: string, categories: Category[] = ['excessive_force']) =>
  computeCaseDeadlines(
    { receivedAt: new Date(receivedAt), caseType: 'complaint', categories },
    chicagoProfile,
  );

const byKind = (deadlines: Deadline[], kind: Deadline['kind']): Deadline => {
  const found = deadlines.find((d) => d.kind === kind);
  if (!found) {
    throw new Error(`no ${kind} deadline`);
  }
  return found;
};

describe('computeCaseDeadlines: the acceptance story', () => {
  // Received Thursday 2023-06-15 at 20:00 CDT, which is already Friday in UTC.
  const deadlines = complaint('2023-06-16T01:00:00Z', ['sexual_misconduct']);

  it('computes acknowledgement, completion benchmark and first six-month notice, in due order', () => {
    expect(deadlines).toEqual([
      {
        kind: 'acknowledgement_letter',
        dueDate: '2023-06-23',
        dueAt: '2023-06-24T04:59:59.999Z',
        anchor: { kind: 'received', date: '2023-06-15' },
        basisCode: 'acknowledgement_letter',
        basis:
          "Acknowledgement letter within 5 business days of receipt on 2023-06-15, in the complainant's language, saying which agency investigates (MCC 2-78-120; COPA Rules)",
        basisEs:
          'Carta de acuse de recibo dentro de 5 días hábiles desde la recepción del 2023-06-15, en el idioma del denunciante, que indique qué agencia investiga (MCC 2-78-120; COPA Rules)',
        clause: 'MCC 2-78-120; COPA Rules',
      },
      {
        kind: 'completion_benchmark',
        dueDate: '2023-12-12',
        dueAt: '2023-12-13T05:59:59.999Z',
        anchor: { kind: 'received', date: '2023-06-15' },
        basisCode: 'completion_benchmark',
        basis:
          'Investigation completion benchmark of 180 calendar days from receipt on 2023-06-15 (Consent Decree, Illinois v. City of Chicago, No. 17-cv-6260)',
        basisEs:
          'Plazo de referencia de 180 días calendario para concluir la investigación, contados desde la recepción del 2023-06-15 (Consent Decree, Illinois v. City of Chicago, No. 17-cv-6260)',
        clause: 'Consent Decree, Illinois v. City of Chicago, No. 17-cv-6260',
      },
      {
        kind: 'six_month_notice',
        dueDate: '2023-12-20',
        dueAt: '2023-12-21T05:59:59.999Z',
        anchor: { kind: 'received', date: '2023-06-15' },
        basisCode: 'six_month_notice',
        basis:
          'Notice to the Mayor, Superintendent, Public Safety Committee chair, complainant and accused within 5 days after the investigation passes 6 months (6-month mark 2023-12-15, counted from receipt on 2023-06-15) (MCC 2-78-135)',
        basisEs:
          'Aviso al alcalde, al Superintendente, a la presidencia del Comité de Seguridad Pública del Concejo Municipal, al denunciante y al acusado dentro de 5 días después de que la investigación cumpla 6 meses (marca de 6 meses: 2023-12-15, contada desde la recepción del 2023-06-15) (MCC 2-78-135)',
        clause: 'MCC 2-78-135',
        sequence: 1,
      },
    ]);
  });

  it('counts from the Chicago date of receipt, not the UTC date (which would give 06-26)', () => {
    expect(byKind(deadlines, 'acknowledgement_letter').dueDate).not.toBe('2023-06-26');
  });
});

describe('computeCaseDeadlines: acknowledgement letter (business days)', () => {
  it.each([
    ['Friday', '2023-11-17T15:00:00Z', '2023-11-27'],
    ['Saturday', '2023-11-18T15:00:00Z', '2023-11-27'],
    ['Sunday', '2023-11-19T15:00:00Z', '2023-11-27'],
    ['the day before Thanksgiving', '2023-11-22T15:00:00Z', '2023-11-30'],
    ['the Friday before Christmas', '2023-12-22T15:00:00Z', '2024-01-02'],
    ['Dec 30, before a New Year observed on Dec 31', '2021-12-30T15:00:00Z', '2022-01-07'],
    ['leap day, before Casimir Pulaski Day', '2024-02-29T18:00:00Z', '2024-03-08'],
    ['Friday 23:30 CST (Saturday in UTC)', '2023-11-18T05:30:00Z', '2023-11-27'],
  ])('receipt on %s → due %s', (_label, receivedAt, due) => {
    expect(byKind(complaint(receivedAt), 'acknowledgement_letter').dueDate).toBe(due);
  });

  it('is not owed for department notifications (no civilian reporter to write to)', () => {
    const deadlines = computeCaseDeadlines(
      { receivedAt: new Date('2023-06-16T15:00:00Z'), caseType: 'notification', categories: [] },
      chicagoProfile,
    );
    expect(deadlines.map((d) => d.kind)).not.toContain('acknowledgement_letter');
  });

  it('is owed for information received from a third party (miscellaneous log)', () => {
    const deadlines = computeCaseDeadlines(
      { receivedAt: new Date('2023-09-18T15:12:00Z'), caseType: 'miscellaneous', categories: [] },
      chicagoProfile,
    );
    expect(deadlines.find((d) => d.kind === 'acknowledgement_letter')?.dueDate).toBe('2023-09-25');
  });

  it('follows the profile value', () => {
    const deadlines = computeCaseDeadlines(
      {
        receivedAt: new Date('2023-06-05T15:00:00Z'),
        caseType: 'complaint',
        categories: [],
      },
      withClocks({ acknowledgementBusinessDays: 10 }),
    );
    expect(byKind(deadlines, 'acknowledgement_letter').dueDate).toBe('2023-06-20'); // skips 06-19
    expect(byKind(deadlines, 'acknowledgement_letter').basis).toContain('10 business days');
  });
});

describe('computeCaseDeadlines: completion benchmark and six-month notice (calendar days)', () => {
  it('handles a leap-day receipt', () => {
    const deadlines = complaint('2024-02-29T18:00:00Z');
    expect(byKind(deadlines, 'completion_benchmark').dueDate).toBe('2024-08-27');
    expect(byKind(deadlines, 'six_month_notice').dueDate).toBe('2024-09-03'); // 08-29 + 5
  });

  it('makes the benchmark configurable', () => {
    const deadlines = computeCaseDeadlines(
      { receivedAt: new Date('2023-06-15T15:00:00Z'), caseType: 'complaint', categories: [] },
      withClocks({ completionBenchmarkDays: 90 }),
    );
    const benchmark = byKind(deadlines, 'completion_benchmark');
    expect(benchmark.dueDate).toBe('2023-09-13');
    expect(benchmark.basis).toContain('90 calendar days');
  });

  it('anchors the six-month notice on the start of the investigation when known (Aug 31 → Feb 29)', () => {
    const deadlines = computeCaseDeadlines(
      {
        receivedAt: new Date('2023-08-20T15:00:00Z'),
        investigationStartedAt: new Date('2023-08-31T17:00:00Z'),
        caseType: 'complaint',
        categories: [],
      },
      chicagoProfile,
    );
    const notice = byKind(deadlines, 'six_month_notice');
    expect(notice.anchor).toEqual({ kind: 'investigation_started', date: '2023-08-31' });
    expect(notice.dueDate).toBe('2024-03-05'); // mark 2024-02-29 + 5
    expect(notice.basis).toContain('6-month mark 2024-02-29');
    expect(notice.basis).toContain('counted from the start of the investigation');
  });

  it('clamps Aug 31 + 6 months to Feb 28 in a common year', () => {
    const notice = byKind(complaint('2022-08-31T17:00:00Z'), 'six_month_notice');
    expect(notice.dueDate).toBe('2023-03-05');
  });

  it('does not roll a calendar-day due date off a weekend or holiday', () => {
    // 2022-06-28 + 180 days = Christmas Day 2022 (a Sunday, observed Monday 12-26).
    expect(byKind(complaint('2022-06-28T15:00:00Z'), 'completion_benchmark').dueDate).toBe(
      '2022-12-25',
    );
  });
});

describe('computeCaseDeadlines: video release (60 days from the incident)', () => {
  const firearm = (incidentAt?: string) =>
    computeCaseDeadlines(
      {
        receivedAt: new Date('2023-03-03T15:00:00Z'),
        ...(incidentAt ? { incidentAt: new Date(incidentAt) } : {}),
        caseType: 'notification',
        notificationType: 'firearm_discharge_injury',
        categories: [],
      },
      chicagoProfile,
    );

  it('counts from the local incident date, not the notification date', () => {
    // Incident 2023-02-27 21:00 CST (already 02-28 in UTC); notified 2023-03-03.
    const video = byKind(firearm('2023-02-28T03:00:00Z'), 'video_release');
    expect(video).toEqual({
      kind: 'video_release',
      dueDate: '2023-04-28',
      dueAt: '2023-04-29T04:59:59.999Z',
      anchor: { kind: 'incident', date: '2023-02-27' },
      basisCode: 'video_release',
      basis:
        'Release of video, audio and specified police reports within 60 calendar days of the incident on 2023-02-27 (City of Chicago Video Release Policy (2016))',
      basisEs:
        'Publicación de video, audio y los informes policiales especificados dentro de 60 días calendario desde el incidente del 2023-02-27 (City of Chicago Video Release Policy (2016))',
      clause: 'City of Chicago Video Release Policy (2016)',
    });
  });

  it('falls back to receipt when the incident date is unknown, and says so', () => {
    const video = byKind(firearm(), 'video_release');
    expect(video.dueDate).toBe('2023-05-02');
    expect(video.anchor).toEqual({ kind: 'received', date: '2023-03-03' });
    expect(video.basis).toContain('the incident date is unknown');
  });

  it('does not roll off a Sunday or Christmas', () => {
    expect(byKind(firearm('2023-01-04T18:00:00Z'), 'video_release').dueDate).toBe('2023-03-05');
    expect(byKind(firearm('2023-10-26T18:00:00Z'), 'video_release').dueDate).toBe('2023-12-25');
  });

  it('applies to firearm, Taser and custody cases only', () => {
    const byCategory = (category: Category) =>
      isVideoReleaseCase({ categories: [category] }, chicagoProfile);
    expect(byCategory('firearm_discharge')).toBe(true);
    expect(byCategory('taser_discharge')).toBe(true);
    expect(byCategory('death_or_injury_in_custody')).toBe(true);
    expect(byCategory('officer_involved_death')).toBe(true);
    expect(byCategory('oc_discharge')).toBe(false);
    expect(byCategory('excessive_force')).toBe(false);
    expect(byCategory('sexual_misconduct')).toBe(false);

    const covered: NotificationType[] = NOTIFICATION_TYPES.filter((n) =>
      isVideoReleaseCase({ categories: [], notificationType: n }, chicagoProfile),
    );
    expect(covered).toEqual([
      'firearm_discharge_injury',
      'firearm_discharge_at_person_no_injury',
      'firearm_discharge_unintentional_or_animal',
      'taser_discharge',
      'fatal_motor_vehicle_incident',
      'death_in_custody',
    ]);
  });

  it('is absent from an excessive-force complaint', () => {
    expect(complaint('2023-03-03T15:00:00Z').map((d) => d.kind)).not.toContain('video_release');
  });

  it('sorts all deadlines by due date', () => {
    const deadlines = computeCaseDeadlines(
      {
        receivedAt: new Date('2023-03-03T15:00:00Z'),
        incidentAt: new Date('2023-02-28T03:00:00Z'),
        caseType: 'complaint',
        categories: ['excessive_force', 'taser_discharge'],
      },
      chicagoProfile,
    );
    expect(deadlines.map((d) => [d.kind, d.dueDate])).toEqual([
      ['acknowledgement_letter', '2023-03-13'], // Casimir Pulaski Day (03-06) skipped
      ['video_release', '2023-04-28'],
      ['completion_benchmark', '2023-08-30'],
      ['six_month_notice', '2023-09-08'],
    ]);
  });
});

describe('sixMonthNotice', () => {
  const anchor = { kind: 'investigation_started' as const, date: '2023-01-10' };

  it('counts the notices of one run from the start: the first and its updates', () => {
    const notices = [1, 2, 3].map((n) => sixMonthNotice(anchor, n, chicagoProfile));
    expect(notices.map((n) => [n.sequence, n.dueDate])).toEqual([
      [1, '2023-07-15'],
      [2, '2024-01-15'],
      [3, '2024-07-15'],
    ]);
    for (const n of notices) {
      expect(n.kind).toBe('six_month_notice');
      expect(n.anchor).toEqual(anchor);
      expect(n.clause).toBe('MCC 2-78-135');
    }
    expect(notices[1]?.basis).toContain('1st update');
    expect(notices[1]?.basis).toContain('12-month mark 2024-01-10');
    expect(notices[2]?.basis).toContain('2nd update');
  });

  it('counts each mark from the start so month ends do not drift', () => {
    const notices = [1, 2, 3].map((n) =>
      sixMonthNotice({ kind: 'investigation_started', date: '2023-08-31' }, n, chicagoProfile),
    );
    expect(notices.map((n) => n.dueDate)).toEqual(['2024-03-05', '2024-09-05', '2025-03-05']);
  });
});

describe('superintendentResponseDeadline (MCC 2-78-130)', () => {
  const recommendation = new Date('2023-05-01T15:00:00Z');

  it('is 60 days after the recommendation', () => {
    const d = superintendentResponseDeadline(recommendation, false, chicagoProfile);
    expect(d).toMatchObject({
      kind: 'superintendent_response',
      dueDate: '2023-06-30',
      dueAt: '2023-07-01T04:59:59.999Z',
      anchor: { kind: 'recommendation', date: '2023-05-01' },
      clause: 'MCC 2-78-130',
    });
    expect(d.basis).toContain('within 60 days of the recommendation on 2023-05-01');
  });

  it('is 90 days when an extension was requested', () => {
    const d = superintendentResponseDeadline(recommendation, true, chicagoProfile);
    expect(d.dueDate).toBe('2023-07-30');
    expect(d.basis).toContain('extended on request by 30 days (90 at most)');
  });

  it('never exceeds the maximum', () => {
    expect(
      superintendentResponseDeadline(
        recommendation,
        true,
        withClocks({ superintendentExtensionDays: 45 }),
      ).dueDate,
    ).toBe('2023-07-30');
    expect(
      superintendentResponseDeadline(
        recommendation,
        true,
        withClocks({ superintendentMaxDays: 75 }),
      ).dueDate,
    ).toBe('2023-07-15');
  });
});

describe('materialRequestDeadline', () => {
  it('is 30 days after the request, across February', () => {
    expect(materialRequestDeadline(new Date('2023-01-31T18:00:00Z'), chicagoProfile)).toMatchObject(
      {
        kind: 'material_request',
        dueDate: '2023-03-02',
        anchor: { kind: 'request', date: '2023-01-31' },
        clause: 'COPA Rules',
      },
    );
  });
});

describe('reportDeadlines', () => {
  it('lists the annual report and three quarterly reports of a year', () => {
    const reports = reportDeadlines(2024, chicagoProfile);
    expect(reports.map((r) => [r.kind, r.dueDate, r.dueAt, r.sequence])).toEqual([
      ['annual_report', '2024-02-15', '2024-02-16T05:59:59.999Z', undefined],
      ['quarterly_report', '2024-04-15', '2024-04-16T04:59:59.999Z', 1],
      ['quarterly_report', '2024-07-15', '2024-07-16T04:59:59.999Z', 2],
      ['quarterly_report', '2024-10-15', '2024-10-16T04:59:59.999Z', 3],
    ]);
    expect(reports[0]?.basis).toBe('Annual report for 2023 due 2024-02-15 (MCC 2-78-150)');
    expect(reports[1]?.basis).toBe('Quarterly report for Q1 2024 due 2024-04-15 (MCC 2-78-150)');
    expect(reports[0]?.anchor).toEqual({ kind: 'calendar', date: '2024-02-15' });
  });

  it('keeps a fixed date that falls on a weekend (2023-04-15 is a Saturday)', () => {
    expect(reportDeadlines(2023, chicagoProfile)[1]?.dueDate).toBe('2023-04-15');
  });
});

describe('extendDeadline', () => {
  // 2023-10-18 + 30 days = Friday 2023-11-17.
  const base = materialRequestDeadline(new Date('2023-10-18T15:00:00Z'), chicagoProfile);

  it('extends by business days, skipping Thanksgiving, and notes it in the basis', () => {
    expect(base.dueDate).toBe('2023-11-17');
    const extended = extendDeadline(base, 5, 'business', chicagoProfile);
    expect(extended).toMatchObject({
      kind: 'material_request',
      dueDate: '2023-11-27',
      dueAt: '2023-11-28T05:59:59.999Z',
      anchor: base.anchor,
      clause: base.clause,
      extensions: [
        { byDays: 5, unit: 'business', previousDueDate: '2023-11-17', newDueDate: '2023-11-27' },
      ],
    });
    expect(extended.basis).toBe(`${base.basis}; extended by 5 business days to 2023-11-27`);
    expect(extended.basisEs).toBe(`${base.basisEs}; prorrogado 5 días hábiles hasta el 2023-11-27`);
  });

  it('extends by calendar days and accumulates extensions', () => {
    const once = extendDeadline(base, 30, 'calendar', chicagoProfile);
    const twice = extendDeadline(once, 1, 'calendar', chicagoProfile);
    expect(once.dueDate).toBe('2023-12-17');
    expect(twice.dueDate).toBe('2023-12-18');
    expect(twice.extensions).toEqual([
      { byDays: 30, unit: 'calendar', previousDueDate: '2023-11-17', newDueDate: '2023-12-17' },
      { byDays: 1, unit: 'calendar', previousDueDate: '2023-12-17', newDueDate: '2023-12-18' },
    ]);
    expect(twice.basis).toContain(
      'extended by 30 calendar days to 2023-12-17; extended by 1 calendar day to 2023-12-18',
    );
    expect(twice.basisEs).toContain(
      'prorrogado 30 días calendario hasta el 2023-12-17; prorrogado 1 día calendario hasta el 2023-12-18',
    );
    expect(base.extensions).toBeUndefined();
  });

  it('keeps the sequence of a repeated deadline', () => {
    const second = sixMonthNotice(
      { kind: 'investigation_started', date: '2023-01-10' },
      2,
      chicagoProfile,
    );
    expect(extendDeadline(second, 10, 'calendar', chicagoProfile).sequence).toBe(2);
  });

  it('refuses zero, negative and fractional extensions', () => {
    expect(() => extendDeadline(base, 0, 'calendar', chicagoProfile)).toThrow(RangeError);
    expect(() => extendDeadline(base, -3, 'business', chicagoProfile)).toThrow(RangeError);
    expect(() => extendDeadline(base, 2.5, 'calendar', chicagoProfile)).toThrow(RangeError);
  });
});

describe('reopeningDeadlines (issue 15 defect 3)', () => {
  // 03:00 UTC on Jan 1 is still New Year's Eve in Chicago: the clocks count from Dec 31
  const reopenedAt = new Date('2024-01-01T03:00:00Z');

  it('starts the completion benchmark and the first §2-78-135 notice from the reopening date', () => {
    const list = reopeningDeadlines(reopenedAt, 'COPA', chicagoProfile);
    expect(list.map((d) => [d.kind, d.dueDate, d.anchor])).toEqual([
      ['completion_benchmark', '2024-06-28', { kind: 'reopened', date: '2023-12-31' }],
      // 6-month mark 2024-06-30 + 5 days
      ['six_month_notice', '2024-07-05', { kind: 'reopened', date: '2023-12-31' }],
    ]);
    expect(list[0]?.basis).toBe(
      'Investigation completion benchmark of 180 calendar days from the reopening on 2023-12-31 (Consent Decree, Illinois v. City of Chicago, No. 17-cv-6260)',
    );
    expect(list[1]?.basis).toContain('counted from the reopening on 2023-12-31');
    expect(list[1]?.clause).toBe('MCC 2-78-135');
  });

  it('restarts neither the acknowledgement letter nor the video release', () => {
    const kinds = reopeningDeadlines(reopenedAt, 'COPA', chicagoProfile).map((d) => d.kind);
    expect(kinds).not.toContain('acknowledgement_letter');
    expect(kinds).not.toContain('video_release');
  });

  it('gives a BIA-led case no six-month notice, as at intake', () => {
    expect(owesSixMonthNotice('COPA', chicagoProfile)).toBe(true);
    expect(owesSixMonthNotice('BIA', chicagoProfile)).toBe(false);
    expect(reopeningDeadlines(reopenedAt, 'BIA', chicagoProfile).map((d) => d.kind)).toEqual([
      'completion_benchmark',
    ]);
  });

  it('takes the list of clocks from the profile', () => {
    const profile: JurisdictionProfile = {
      ...chicagoProfile,
      investigationClocks: ['six_month_notice'],
    };
    expect(reopeningDeadlines(reopenedAt, 'COPA', profile).map((d) => d.kind)).toEqual([
      'six_month_notice',
    ]);
    expect(
      reopeningDeadlines(reopenedAt, 'COPA', { ...chicagoProfile, investigationClocks: [] }),
    ).toEqual([]);
  });
});

describe('sixMonthNotice', () => {
  it('counts the mark from its position in the run and keeps the row sequence apart', () => {
    const n = sixMonthNotice({ kind: 'reopened', date: '2024-02-10' }, 2, chicagoProfile, 5);
    expect(n.dueDate).toBe('2025-02-15'); // 12-month mark 2025-02-10 + 5 days
    expect(n.sequence).toBe(5);
    expect(n.basis).toContain('1st update of the 6-month notice');
    expect(n.basis).toContain('counted from the reopening on 2024-02-10');
  });
});

describe('recomputeClock: a corrected fact moves the clock counted from it', () => {
  const shooting = (incidentAt?: string) =>
    videoReleaseDeadline(
      {
        receivedAt: new Date('2024-03-12T07:05:00Z'),
        ...(incidentAt ? { incidentAt: new Date(incidentAt) } : {}),
        categories: ['firearm_discharge'],
      },
      chicagoProfile,
    );
  const stored = (date: string, over: { met?: boolean; superseded?: boolean } = {}) => ({
    anchor: { kind: 'incident' as const, date },
    met: over.met ?? false,
    superseded: over.superseded ?? false,
  });

  it('replaces a running clock whose incident date moved: day 60 from the new local date', () => {
    // 23:30 on March 10 in Chicago is March 11 in UTC: the local date counts
    const next = shooting('2024-03-11T04:30:00Z');
    const r = recomputeClock([stored('2024-03-01')], next);
    expect(r).toEqual({ change: 'replace', deadline: next });
    expect(next).toMatchObject({
      dueDate: '2024-05-09',
      anchor: { kind: 'incident', date: '2024-03-10' },
    });
    // one minute earlier is the same local day: same clock; one minute later, the next day
    expect(shooting('2024-03-11T04:29:00Z')?.dueDate).toBe('2024-05-09');
    expect(shooting('2024-03-11T05:00:00Z')?.dueDate).toBe('2024-05-10');
  });

  it('keeps a running clock whose anchor did not change (a corrected time on the same day)', () => {
    expect(recomputeClock([stored('2024-03-10')], shooting('2024-03-10T15:00:00Z'))).toEqual({
      change: 'none',
    });
  });

  it('moves a clock counted from receipt to the incident once its date is known', () => {
    const fromReceipt = {
      ...stored('2024-03-12'),
      anchor: { kind: 'received' as const, date: '2024-03-12' },
    };
    expect(recomputeClock([fromReceipt], shooting('2024-03-11T04:30:00Z')).change).toBe('replace');
  });

  it('leaves a met clock alone, even when a later one was superseded before it', () => {
    expect(
      recomputeClock([stored('2024-03-01', { met: true })], shooting('2024-03-11T04:30:00Z')),
    ).toEqual({
      change: 'none',
    });
    expect(
      recomputeClock(
        [stored('2024-03-01', { superseded: true }), stored('2024-03-05', { met: true })],
        shooting('2024-03-11T04:30:00Z'),
      ),
    ).toEqual({ change: 'none' });
  });

  it('starts a clock that now applies, and never withdraws one that no longer does', () => {
    const next = shooting('2024-03-11T04:30:00Z');
    expect(recomputeClock([], next)).toEqual({ change: 'start', deadline: next });
    expect(recomputeClock([stored('2024-03-01')], null)).toEqual({ change: 'none' });
    expect(recomputeClock([], null)).toEqual({ change: 'none' });
  });
});
