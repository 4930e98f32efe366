import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOTIFICATION_TYPES } from '../src/shared/enums.ts';
import { testApp, type TestApp, type TestUser } from './test-app.ts';
import { addMember, fileCase } from './factories.ts';

let t: TestApp;
let intake: TestUser;
let chief: TestUser;
let biaChief: TestUser;

beforeAll(async () => {
  t = await testApp();
  intake = await t.user('intake');
  chief = await t.user('chief_administrator');
  biaChief = await t.user('chief_administrator', 'BIA');
});
afterAll(async () => t.close());

describe('routing through the API', () => {
  it('routes every notification type with a clause and an explanation', async () => {
    for (const notificationType of NOTIFICATION_TYPES) {
      const res = await t.as(intake, {
        method: 'POST',
        url: '/api/v1/cases',
        payload: {
          caseType: 'notification',
          channel: 'department_notification',
          notificationType,
          receivedAt: '2024-03-11T02:05:00-05:00',
          narrative: `CPD notification: ${notificationType}`,
        },
      });
      expect(res.statusCode, res.body).toBe(201);
      const { routing } = res.json();
      expect(routing.clause).toMatch(/^MCC 2-78-120\((a|c|d|e)\)$/);
      expect(routing.explanation.length).toBeGreaterThan(40);
      expect(routing.explanationEs.length).toBeGreaterThan(40);
      expect(res.json().deadlines.map((d: { kind: string }) => d.kind)).not.toContain(
        'acknowledgement_letter',
      );
    }
  });

  it('sends a firearm discharge with injury to COPA under (c) with a video-release clock from the incident', async () => {
    const res = await t.as(intake, {
      method: 'POST',
      url: '/api/v1/cases',
      payload: {
        caseType: 'notification',
        channel: 'department_notification',
        notificationType: 'firearm_discharge_injury',
        receivedAt: '2024-03-12T02:05:00-05:00',
        incident: { occurredAt: '2024-03-10T23:30:00-05:00' },
        narrative: 'Officer-involved shooting, one person struck.',
        categories: ['firearm_discharge'],
        seriousInjuryOrDeath: true,
      },
    });
    expect(res.json().routing).toMatchObject({ agency: 'COPA', clause: 'MCC 2-78-120(c)' });
    const video = res.json().deadlines.find((d: { kind: string }) => d.kind === 'video_release');
    expect(video.anchor).toEqual({ kind: 'incident', date: '2024-03-10' });
    expect(video.dueDate).toBe('2024-05-09');
  });

  it('sends an operational violation to BIA, and a lieutenant accused keeps it at BIA headquarters', async () => {
    const log = await fileCase(t, intake, {
      categories: ['operational_violation'],
      narrative: 'Officer failed to file a required report.',
    });
    const supervisor = await t.user('supervisor', 'BIA');
    const created = await t.as(supervisor, { method: 'GET', url: `/api/v1/cases/${log}` });
    expect(created.json().routing).toMatchObject({ agency: 'BIA', rule: 'bia_residual' });
    expect(created.json().deadlines.map((d: { kind: string }) => d.kind)).not.toContain(
      'six_month_notice',
    );
    const lieutenant = await addMember(t, supervisor, { rank: 'Lieutenant' });
    const res = await t.as(supervisor, {
      method: 'POST',
      url: `/api/v1/cases/${log}/allegations`,
      payload: { memberId: lieutenant.id, category: 'operational_violation', summary: 'No report' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const after = (await t.as(supervisor, { method: 'GET', url: `/api/v1/cases/${log}` })).json();
    expect(after.routingHistory).toHaveLength(2);
    expect(after.routing.agency).toBe('BIA');
    expect(after.routing.explanation).toMatch(/lieutenant/i);
  });

  it('moves a sexual-misconduct case to BIA only by a recorded joint determination', async () => {
    const log = await fileCase(t, intake, {
      categories: ['sexual_misconduct'],
      narrative: 'Allegation of sexual misconduct during a stop.',
    });
    const refused = await t.as(chief, {
      method: 'POST',
      url: `/api/v1/cases/${log}/agencies`,
      payload: { agency: 'BIA', track: 'administrative', role: 'lead' },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('lead_change_not_allowed');
    expect((await t.as(biaChief, { method: 'GET', url: `/api/v1/cases/${log}` })).statusCode).toBe(
      404,
    );
    const moved = await t.as(chief, {
      method: 'POST',
      url: `/api/v1/cases/${log}/agencies`,
      payload: {
        agency: 'BIA',
        track: 'administrative',
        role: 'lead',
        jointDetermination: {
          reason: 'Accused is also the subject of a BIA criminal investigation',
        },
      },
    });
    expect(moved.statusCode, moved.body).toBe(201);
    expect(moved.json().leadAgency).toBe('BIA');
    expect(moved.json().routing).toMatchObject({
      agency: 'BIA',
      clause: 'MCC 2-78-120(b-5)',
      rule: 'bia_joint_determination',
    });
    expect(moved.json().routingHistory.at(-1).jointReason).toBe(
      'Accused is also the subject of a BIA criminal investigation',
    );
    expect((await t.as(biaChief, { method: 'GET', url: `/api/v1/cases/${log}` })).statusCode).toBe(
      200,
    );
  });
});
