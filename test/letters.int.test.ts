import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from './http.ts';
import { testApp, type TestApp, type TestUser } from './test-app.ts';
import { addMember, fileCase } from './factories.ts';
import { startSmtp, type TestSmtp } from './smtp.ts';
import { embeddedFonts, pdfText } from './pdf-text.ts';
import type { LetterOut } from '../src/shared/schemas/letters.ts';

/**
 * Letters and notices (issue 18 items 1–4): drafted in the recipient's language, approved, sent
 * by email through a real SMTP server started here on loopback, or printed (PDFs read back);
 * sending closes the clock the letter answers; a refusal or a hang leaves it open and says why.
 */
let t: TestApp;
let smtp: TestSmtp;
let intake: TestUser;
let sup: TestUser;
let inv: TestUser;
let clock = new Date('2023-09-19T15:00:00Z');

beforeAll(async () => {
  // long enough for the requests a held send must not block (the hang test waits it out once)
  smtp = await startSmtp(2000);
  t = await testApp({ now: () => clock, mail: smtp.settings });
  intake = await t.user('intake');
  sup = await t.user('supervisor');
  inv = await t.user('investigator');
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const post = (who: TestUser | null, url: string, payload: object = {}) =>
  t.as(who, { method: 'POST', url, payload });
const get = (who: TestUser | null, url: string) => t.as(who, { method: 'GET', url });

async function spanishComplaint(
  contact: { email?: string; address?: string; anonymous?: boolean } = {},
): Promise<string> {
  return fileCase(t, intake, {
    receivedAt: '2023-09-18T10:00:00-05:00',
    parties: [
      contact.anonymous
        ? { role: 'complainant', anonymous: true, language: 'es' }
        : {
            role: 'complainant',
            name: 'María Peña',
            language: 'es',
            ...(contact.email ? { email: contact.email } : {}),
            ...(contact.address ? { address: contact.address } : {}),
          },
    ],
  });
}

async function draft(log: string, payload: object): Promise<LetterOut[]> {
  const res = await post(sup, `/api/v1/cases/${log}/letters`, payload);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ items: LetterOut[] }>().items;
}

async function deadline(log: string, kind: string) {
  const c = (await get(sup, `/api/v1/cases/${log}`)).json<{
    deadlines: Array<{
      id: string;
      kind: string;
      metAt: string | null;
      sequence: number;
      dueDate: string;
    }>;
  }>();
  return c.deadlines.filter((d) => d.kind === kind);
}

describe('the acknowledgement by email (issue 18 items 1–3)', () => {
  it('goes out in Spanish to the complainant’s address, with the server’s id, and meets the clock', async () => {
    smtp.mode = 'accept';
    const log = await spanishComplaint({ email: 'maria.pena@example.org' });
    const [letter] = await draft(log, { kind: 'acknowledgement' });
    expect(letter).toMatchObject({
      kind: 'acknowledgement',
      language: 'es',
      channel: 'email',
      recipientKind: 'complainant',
      status: 'queued',
      recipient: { name: 'María Peña', email: 'maria.pena@example.org' },
    });
    expect(letter!.body).toContain('Recibimos su queja el 18 de septiembre de 2023');
    // approval comes first
    const early = await post(sup, `/api/v1/letters/${letter!.id}/send`);
    expect(early.statusCode).toBe(409);
    expect(early.headers['content-type']).toContain('application/problem+json');
    expect(early.json().code).toBe('letter_not_approved');
    expect((await post(sup, `/api/v1/letters/${letter!.id}/approve`)).statusCode).toBe(200);
    const sent = await post(sup, `/api/v1/letters/${letter!.id}/send`);
    expect(sent.statusCode, sent.body).toBe(200);
    const mail = smtp.received.at(-1)!;
    expect(mail.to).toEqual(['maria.pena@example.org']);
    expect(mail.subject).toBe(`Recibimos su queja (número de registro ${log})`);
    expect(mail.text).toContain('Por favor, conserve este número');
    expect(mail.text).toContain('Oficina Civil de Rendición de Cuentas Policiales');
    expect(mail.headers).toMatch(/content-language: es/i);
    expect(sent.json()).toMatchObject({ status: 'sent', messageId: mail.id });
    const [ack] = await deadline(log, 'acknowledgement_letter');
    expect(ack!.metAt).toBe(clock.toISOString());
    // the address is ciphertext at rest; the audit names the steps and the evidence
    const raw = JSON.stringify(
      await t.db.query(`SELECT * FROM letters WHERE id = $1`, [letter!.id]),
    );
    expect(raw).not.toContain('maria.pena');
    expect(raw).not.toContain('Peña');
    const audit = await t.db.query<{ action: string; changes: Record<string, unknown> }>(
      `SELECT action, changes FROM audit_events WHERE entity_id IN ($1, $2) ORDER BY seq`,
      [letter!.id, ack!.id],
    );
    expect(audit.map((a) => a.action)).toEqual([
      'letter.drafted',
      'letter.approved',
      'letter.sent',
      'deadline.met',
    ]);
    expect(audit.at(-1)!.changes['evidence']).toEqual({ letters: [letter!.id] });
    expect(JSON.stringify(audit)).not.toContain('maria.pena');
    // a subject-access export gives María the letters written to her, as addressed (ADR 0017)
    const party = (await get(sup, `/api/v1/cases/${log}`)).json<{
      parties: Array<{ id: string }>;
    }>().parties[0]!;
    const sar = await post(sup, '/api/v1/privacy/subject-access', { partyIds: [party.id] });
    expect(sar.statusCode, sar.body).toBe(200);
    expect(sar.json().records[0].letters).toEqual([
      expect.objectContaining({
        kind: 'acknowledgement',
        status: 'sent',
        recipient: { name: 'María Peña', email: 'maria.pena@example.org' },
        subject: letter!.subject,
      }),
    ]);
  });

  it('a server that refuses (550) leaves the letter failed with its answer and the clock open; retry sends it', async () => {
    const log = await spanishComplaint({ email: 'nobody@example.org' });
    const [letter] = await draft(log, { kind: 'acknowledgement' });
    await post(sup, `/api/v1/letters/${letter!.id}/approve`);
    smtp.mode = 'refuse';
    const before = smtp.received.length;
    const res = await post(sup, `/api/v1/letters/${letter!.id}/send`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'failed', failure: 'refused', messageId: null });
    expect(res.json().failureDetail).toContain('550');
    expect(smtp.received.length).toBe(before);
    expect((await deadline(log, 'acknowledgement_letter'))[0]!.metAt).toBeNull();
    // the dashboard says why the clock is still open
    const dash = (await get(sup, '/api/v1/dashboard')).json<{
      deadlines: Array<{ logNumber: string; kind: string; letterProblem: unknown }>;
    }>();
    expect(
      dash.deadlines.find((d) => d.logNumber === log && d.kind === 'acknowledgement_letter'),
    ).toMatchObject({ letterProblem: { failure: 'refused' } });
    // a failed letter is retried, not sent again as it is
    expect((await post(sup, `/api/v1/letters/${letter!.id}/send`)).json().code).toBe(
      'letter_failed',
    );
    smtp.mode = 'accept';
    const retried = await post(sup, `/api/v1/letters/${letter!.id}/retry`);
    expect(retried.json()).toMatchObject({ status: 'queued', attempts: 1 });
    const again = await post(sup, `/api/v1/letters/${letter!.id}/send`);
    expect(again.json()).toMatchObject({ status: 'sent', attempts: 2 });
    expect((await deadline(log, 'acknowledgement_letter'))[0]!.metAt).not.toBeNull();
  });

  it('a server that hangs times out: failed, nothing recorded sent, the clock open', async () => {
    const log = await spanishComplaint({ email: 'slow@example.org' });
    const [letter] = await draft(log, { kind: 'acknowledgement' });
    await post(sup, `/api/v1/letters/${letter!.id}/approve`);
    smtp.mode = 'hang';
    const res = await post(sup, `/api/v1/letters/${letter!.id}/send`);
    smtp.mode = 'accept';
    expect(res.json()).toMatchObject({ status: 'failed', failure: 'timeout', sentAt: null });
    const [row] = await t.db.query<{ status: string; message_id: string | null }>(
      `SELECT status, message_id FROM letters WHERE id = $1`,
      [letter!.id],
    );
    expect(row).toEqual({ status: 'failed', message_id: null });
    expect((await deadline(log, 'acknowledgement_letter'))[0]!.metAt).toBeNull();
  });

  it('a send in flight holds neither the database nor a second send: the server is asked between transactions', async () => {
    const log = await spanishComplaint({ email: 'held@example.org' });
    const [letter] = await draft(log, { kind: 'acknowledgement' });
    await post(sup, `/api/v1/letters/${letter!.id}/approve`);
    const held = smtp.hold();
    let settled = false;
    const sending = post(sup, `/api/v1/letters/${letter!.id}/send`).then((r) => {
      settled = true;
      return r;
    });
    const release = await held;
    // the mail server has the message and has not answered: the office goes on working …
    expect((await get(sup, `/api/v1/cases/${log}`)).statusCode).toBe(200);
    // … and the same letter is not sent twice
    expectProblem(await post(sup, `/api/v1/letters/${letter!.id}/send`), 409, 'letter_sending');
    expect(settled).toBe(false);
    release();
    expect((await sending).json()).toMatchObject({ status: 'sent', attempts: 1 });
    expect((await deadline(log, 'acknowledgement_letter'))[0]!.metAt).not.toBeNull();
  });

  it('an anonymous complainant who cannot be written to: the letter fails at once and the clock stays open', async () => {
    const log = await spanishComplaint({ anonymous: true });
    const [letter] = await draft(log, { kind: 'acknowledgement' });
    expect(letter).toMatchObject({ status: 'failed', failure: 'anonymous', channel: null });
    const dash = (await get(sup, '/api/v1/dashboard')).json<{
      deadlines: Array<{ logNumber: string; kind: string; letterProblem: unknown }>;
    }>();
    expect(
      dash.deadlines.find((d) => d.logNumber === log && d.kind === 'acknowledgement_letter'),
    ).toMatchObject({ letterProblem: { failure: 'anonymous' } });
  });
});

describe('the §2-78-135 six-month notice on paper (issue 18 items 1–3)', () => {
  it('goes to the complainant, the accused member and the three officials; PDFs carry the Spanish text', async () => {
    const log = await spanishComplaint({ address: '123 W. Calle Ejemplo; Chicago, IL 60608' });
    const member = await addMember(t, sup, { lastName: 'Núñez' });
    const added = await post(sup, `/api/v1/cases/${log}/allegations`, {
      star: member.star,
      category: 'excessive_force',
      summary: 'Pushed the complainant.',
    });
    expect(added.statusCode, added.body).toBe(201);
    clock = new Date('2024-03-20T15:00:00Z');
    // MCC 2-78-135 asks for the reasons: a notice without them is refused, naming the field
    const bare = await post(sup, `/api/v1/cases/${log}/letters`, { kind: 'six_month_notice' });
    expect(bare.statusCode).toBe(422);
    expect(bare.json()).toMatchObject({ code: 'letter_value_missing' });
    expect(bare.json().errors[0].field).toBe('reasons');
    const letters = await draft(log, {
      kind: 'six_month_notice',
      reasons: ['witnesses_not_yet_interviewed'],
    });
    expect(
      letters.map((l) => `${l.recipientKind}:${l.officialCode ?? ''}:${l.language}:${l.channel}`),
    ).toEqual([
      'complainant::es:print',
      'accused::en:print',
      'official:mayor:en:print',
      'official:superintendent:en:print',
      'official:public_safety_chair:en:print',
    ]);
    for (const l of letters) {
      expect((await post(sup, `/api/v1/letters/${l.id}/approve`)).statusCode).toBe(200);
    }
    const pdf = await get(sup, `/api/v1/letters/${letters[0]!.id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const [page] = await pdfText(pdf.rawPayload);
    expect(page).toContain('Oficina Civil de Rendición de Cuentas Policiales (COPA)');
    expect(page).toContain('María Peña');
    expect(page).toContain('123 W. Calle Ejemplo');
    expect(page).toContain(`Estado de la investigación, número de registro ${log}`);
    expect(page).toContain('aún no se ha entrevistado a todos los testigos');
    expect(page).toContain('20 de marzo de 2024');
    expect(embeddedFonts(pdf.rawPayload).some((f) => f.includes('DejaVuSans'))).toBe(true);
    // the day's mail: every print letter approved today, one after another
    const batch = await get(sup, '/api/v1/outbox/print.pdf?date=2024-03-20');
    expect(batch.statusCode).toBe(200);
    const pages = await pdfText(batch.rawPayload);
    expect(pages.filter((p) => p.includes(log))).toHaveLength(5);
    expect(pages.some((p) => p.includes('The Superintendent of Police'))).toBe(true);
    // printed and posted: the notice is met when the last of them is recorded sent
    const [notice] = await deadline(log, 'six_month_notice');
    for (const [i, l] of letters.entries()) {
      expect((await post(sup, `/api/v1/letters/${l.id}/send`)).json().status).toBe('sent');
      const [d] = await deadline(log, 'six_month_notice');
      expect(d!.metAt === null).toBe(i < letters.length - 1);
    }
    // and the next notice is scheduled at once (MCC 2-78-135: every six months thereafter)
    const notices = await deadline(log, 'six_month_notice');
    expect(notices.map((d) => [d.sequence, d.metAt === null])).toEqual([
      [notice!.sequence, false],
      [notice!.sequence + 1, true],
    ]);
    clock = new Date('2023-09-19T15:00:00Z');
  });
});

describe('the doors (issue 18 item 6)', () => {
  it('refuses the unauthenticated, the wrong role and bad input with problem+json', async () => {
    const log = await spanishComplaint({ email: 'x@example.org' });
    expect((await get(null, `/api/v1/cases/${log}/letters`)).statusCode).toBe(401);
    // an investigator not assigned to the case neither writes nor approves its letters
    const byInv = await post(inv, `/api/v1/cases/${log}/letters`, { kind: 'acknowledgement' });
    expect(byInv.statusCode).toBe(403);
    const [letter] = await draft(log, { kind: 'acknowledgement' });
    const assigned = await post(sup, `/api/v1/cases/${log}/assignments`, {
      email: inv.email,
      role: 'investigator',
    });
    expect(assigned.statusCode, assigned.body).toBe(201);
    expect((await post(inv, `/api/v1/letters/${letter!.id}/approve`)).statusCode).toBe(403);
    const bad = await post(sup, `/api/v1/cases/${log}/letters`, { kind: 'postcard' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    // an outcome letter waits for the outcome
    const early = await post(sup, `/api/v1/cases/${log}/letters`, { kind: 'outcome' });
    expect(early.json()).toMatchObject({ code: 'letter_not_for_stage' });
    expect((await get(inv, '/api/v1/outbox')).statusCode).toBe(403);
    // MCC 2-78-135 binds COPA: a BIA-led case owes no six-month notice
    const bia = await fileCase(t, intake, { categories: ['operational_violation'] });
    const biaSup = await t.user('supervisor', 'BIA');
    const notice = await post(biaSup, `/api/v1/cases/${bia}/letters`, {
      kind: 'six_month_notice',
      reasons: ['awaiting_records'],
    });
    expect(notice.json()).toMatchObject({ status: 409, code: 'no_six_month_notice' });
    const outbox = (await get(sup, '/api/v1/outbox')).json<{ items: LetterOut[] }>().items;
    // failures first
    const firstOther = outbox.findIndex((l) => l.status !== 'failed');
    expect(outbox.slice(firstOther).every((l) => l.status !== 'failed')).toBe(true);
    expect(outbox.every((l) => l.recipient === null)).toBe(true);
  });
});

describe('people without an address (issue 18 item 4)', () => {
  async function filePublic(payload: Record<string, unknown>) {
    const res = await t.app.inject({ method: 'POST', url: '/api/public/v1/complaints', payload });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ confirmationNumber: string; passphrase: string; logNumber: string }>();
  }
  const lookup = async (f: { confirmationNumber: string; passphrase: string }) =>
    (
      await t.app.inject({
        method: 'POST',
        url: '/api/public/v1/complaints/lookup',
        payload: { confirmationNumber: f.confirmationNumber, passphrase: f.passphrase },
      })
    ).json<{ notices: Array<{ kind: string; language: string; subject: string; body: string }> }>();

  it('an anonymous shelter resident reads the same notice on the follow page after the passphrase', async () => {
    const filed = await filePublic({
      language: 'es',
      narrative: 'Un oficial me empujó en el vestíbulo de la estación.',
      categories: ['excessive_force'],
      anonymous: true,
      aboutPerson: { shelterResident: true },
      filedBy: 'self',
    });
    expect((await lookup(filed)).notices).toEqual([]);
    const chief = await t.user('chief_administrator');
    const res = await post(chief, `/api/v1/cases/${filed.logNumber}/letters`, {
      kind: 'acknowledgement',
    });
    const [letter] = res.json<{ items: LetterOut[] }>().items;
    expect(letter).toMatchObject({ channel: 'portal', language: 'es', status: 'queued' });
    await post(chief, `/api/v1/letters/${letter!.id}/approve`);
    expect((await post(chief, `/api/v1/letters/${letter!.id}/send`)).json().status).toBe('sent');
    const { notices } = await lookup(filed);
    expect(notices).toEqual([
      expect.objectContaining({
        kind: 'acknowledgement',
        language: 'es',
        subject: `Recibimos su queja (número de registro ${filed.logNumber})`,
      }),
    ]);
    expect(notices[0]!.body).toBe(letter!.body);
  });

  it('an intermediary holding the passphrase sees only what the consent scope allows', async () => {
    const filed = await filePublic({
      language: 'es',
      narrative: 'Un oficial tocó a una mujer que dormía en el vestíbulo de la estación.',
      categories: ['excessive_force'],
      anonymous: true,
      aboutPerson: { shelterResident: true },
      filedBy: 'intermediary',
      intermediary: {
        organization: 'Refugio Esperanza',
        name: 'Ana Voluntaria',
        // presenting the complaint only: no news passed on
        consentScope: 'presentar la queja',
        phone: '312-555-0142',
      },
    });
    const chief = await t.user('chief_administrator');
    const [letter] = (
      await post(chief, `/api/v1/cases/${filed.logNumber}/letters`, { kind: 'acknowledgement' })
    ).json<{ items: LetterOut[] }>().items;
    expect(letter).toMatchObject({ channel: 'portal', recipientKind: 'complainant' });
    await post(chief, `/api/v1/letters/${letter!.id}/approve`);
    await post(chief, `/api/v1/letters/${letter!.id}/send`);
    expect((await lookup(filed)).notices).toEqual([]);
  });
});
