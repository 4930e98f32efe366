import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from './test-app.ts';
import {
  castShelterStory,
  get,
  investigate,
  openParallelTrack,
  post,
  shelterIntake,
  type Staff,
  type Story,
} from './shelter-story.ts';
import { startSmtp, type TestSmtp } from './smtp.ts';
import { pdfText } from './pdf-text.ts';
import type { LetterOut } from '../src/shared/schemas/letters.ts';

/**
 * Issue 18 "Done when": the seed story's acknowledgement and six-month notice go out on time in
 * Spanish, by email (through a real SMTP server started here) and on paper (the PDFs read back),
 * and sending them closes their deadlines. The woman is anonymous and may not be written to at
 * the shelter; the volunteer who reported it consented to relay contact, so the letters go to
 * her, in the woman's language.
 */
let t: TestApp;
let smtp: TestSmtp;
let staff: Staff;
let story: Story;
let clock = new Date('2023-09-18T15:12:00Z');
const VEE = 'vee@lobby-volunteers.example';

beforeAll(async () => {
  smtp = await startSmtp();
  t = await testApp({ now: () => clock, mail: smtp.settings });
  staff = await castShelterStory(t);
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

interface Deadline {
  id: string;
  kind: string;
  sequence: number;
  dueDate: string;
  metAt: string | null;
}

const deadlines = async (kind: string): Promise<Deadline[]> =>
  (await get(t, staff.chief, `/api/v1/cases/${story.log}`))
    .json<{ deadlines: Deadline[] }>()
    .deadlines.filter((d) => d.kind === kind);

/** Approves and sends every letter; returns them as sent. */
async function approveAndSend(letters: LetterOut[]): Promise<LetterOut[]> {
  const sent: LetterOut[] = [];
  for (const l of letters) {
    expect((await post(t, staff.chief, `/api/v1/letters/${l.id}/approve`, {})).statusCode).toBe(
      200,
    );
    const res = await post(t, staff.chief, `/api/v1/letters/${l.id}/send`, {});
    expect(res.statusCode, res.body).toBe(200);
    sent.push(res.json<LetterOut>());
  }
  return sent;
}

async function spanishPdf(letter: LetterOut): Promise<string> {
  const res = await get(t, staff.chief, `/api/v1/letters/${letter.id}/pdf`);
  expect(res.statusCode).toBe(200);
  return (await pdfText(res.rawPayload)).join(' ');
}

describe('issue 18 done when: the shelter story’s letters go out on time, in Spanish, by both channels', () => {
  it('registers the story’s intake, the volunteer reachable by email and by post', async () => {
    const res = await post(
      t,
      staff.intake,
      '/api/v1/cases',
      shelterIntake({
        email: VEE,
        address: 'Lobby Volunteers; 100 W. Example St.; Chicago, IL 60612',
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    story = { t, staff, log: res.json<{ logNumber: string }>().logNumber, members: {} };
  });

  it('the acknowledgement goes out within the 5 business days, by email and on paper, and meets its clock', async () => {
    clock = new Date('2023-09-20T16:00:00Z');
    const drafted = await post(t, staff.chief, `/api/v1/cases/${story.log}/letters`, {
      kind: 'acknowledgement',
      paperCopy: true,
    });
    expect(drafted.statusCode, drafted.body).toBe(201);
    const letters = drafted.json<{ items: LetterOut[] }>().items;
    expect(letters.map((l) => `${l.recipientKind}:${l.language}:${l.channel}`)).toEqual([
      'intermediary:es:email',
      'intermediary:es:print',
    ]);
    const sent = await approveAndSend(letters);
    expect(sent.map((l) => l.status)).toEqual(['sent', 'sent']);
    const mail = smtp.received.find((m) => m.id === sent[0]!.messageId)!;
    expect(mail.to).toEqual([VEE]);
    expect(mail.subject).toBe(`Recibimos su queja (número de registro ${story.log})`);
    expect(mail.text).toContain('Recibimos su queja el 18 de septiembre de 2023');
    expect(mail.text).toContain('Oficina Civil de Rendición de Cuentas Policiales (COPA)');
    const paper = await spanishPdf(sent[1]!);
    expect(paper).toContain('Volunteer Vee');
    expect(paper).toContain('100 W. Example St.');
    expect(paper).toContain('Por favor, conserve este número');
    const [ack] = await deadlines('acknowledgement_letter');
    expect(ack!.dueDate).toBe('2023-09-25');
    expect(ack!.metAt).toBe(clock.toISOString());
    expect(ack!.metAt! <= `${ack!.dueDate}T23:59:59`).toBe(true);
  });

  it('the §2-78-135 notice goes to the volunteer in Spanish and to the accused and the officials, and meets its clock on time', async () => {
    clock = new Date('2023-10-02T15:00:00Z');
    await openParallelTrack(story);
    await investigate(story);
    const [notice] = await deadlines('six_month_notice');
    expect(notice!.dueDate).toBe('2024-03-23');
    clock = new Date('2024-03-21T15:00:00Z');
    const drafted = await post(t, staff.chief, `/api/v1/cases/${story.log}/letters`, {
      kind: 'six_month_notice',
      reasons: ['witnesses_not_yet_interviewed', 'parallel_criminal_proceeding'],
      paperCopy: true,
    });
    expect(drafted.statusCode, drafted.body).toBe(201);
    const letters = drafted.json<{ items: LetterOut[] }>().items;
    expect(
      letters.map((l) => `${l.recipientKind}:${l.officialCode ?? ''}:${l.language}:${l.channel}`),
    ).toEqual([
      'intermediary::es:email',
      'intermediary::es:print',
      'accused::en:print',
      'accused::en:print',
      'official:mayor:en:print',
      'official:superintendent:en:print',
      'official:public_safety_chair:en:print',
    ]);
    // until the last is sent, the clock stays open
    const sent = await approveAndSend(letters);
    expect(sent.every((l) => l.status === 'sent')).toBe(true);
    const mail = smtp.received.find((m) => m.id === sent[0]!.messageId)!;
    expect(mail.to).toEqual([VEE]);
    expect(mail.subject).toBe(`Estado de la investigación, número de registro ${story.log}`);
    expect(mail.text).toContain(
      'La investigación aún no ha concluido porque: aún no se ha entrevistado a todos los testigos; hay una investigación penal relacionada en curso.',
    );
    expect(mail.text).toContain('Conducta sexual indebida');
    const paper = await spanishPdf(sent[1]!);
    expect(paper).toContain('Estado de la investigación');
    expect(paper).toContain('21 de marzo de 2024');
    // the day's mail holds the six paper letters
    const batch = await get(t, staff.chief, '/api/v1/outbox/print.pdf?date=2024-03-21');
    expect((await pdfText(batch.rawPayload)).filter((p) => p.includes(story.log))).toHaveLength(6);
    const notices = await deadlines('six_month_notice');
    expect(notices[0]).toMatchObject({ id: notice!.id, metAt: clock.toISOString() });
    expect(notices[0]!.metAt! <= `${notices[0]!.dueDate}T23:59:59`).toBe(true);
    // the next notice is scheduled at once, six months on
    expect(notices[1]).toMatchObject({ sequence: notice!.sequence + 1, metAt: null });
    expect(notices[1]!.dueDate > notice!.dueDate).toBe(true);
  });

  it('keeps the volunteer’s address out of the letters table and the audit log', async () => {
    const dump = JSON.stringify(await t.db.query(`SELECT * FROM letters`));
    expect(dump).not.toContain(VEE);
    expect(dump).not.toContain('Volunteer Vee');
    const audit = JSON.stringify(await t.db.query(`SELECT * FROM audit_events`));
    expect(audit).not.toContain(VEE);
    expect((await get(t, staff.auditor, '/api/v1/audit/verify')).json().ok).toBe(true);
  });
});
