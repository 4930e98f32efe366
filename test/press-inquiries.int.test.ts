import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { testApp, type TestApp, type TestUser } from './test-app.ts';
import { addMember, fileCase, publishStatement } from './factories.ts';
import { expectAudit, expectInvalidFields, expectNoWrites, expectProblem } from './http.ts';

/*
 * The press-inquiry log across the office (issue 22 item 3, ADR 0047): inquiries about no case or
 * several, answered with a published statement or with free text a second person reviews, never
 * quoting a linked case's restricted details; overdue inquiries counted on the dashboard.
 */

const NARRATIVE =
  'A volunteer at the Lakeview family shelter reports that two officers entered the third floor dormitory after midnight and spoke with a resident.';
const CIVILIAN = 'Marisol Quintanilla';
const ADDRESS = '3900 N Sheridan Rd';

interface Inquiry {
  id: string;
  state: string;
  overdue: boolean;
  logNumbers: string[];
  otherCases: number;
  statementId: string | null;
  answerText: string | null;
  answerWrittenBy: { id: string; name: string } | null;
  reviewedBy: { id: string; name: string } | null;
  answeredBy: { id: string; name: string } | null;
  answeredAt: string | null;
}

describe('the press-inquiry log', () => {
  let t: TestApp;
  let intake: TestUser;
  let pio: TestUser;
  let pio2: TestUser;
  let chief: TestUser;
  let supervisor: TestUser;
  let investigator: TestUser;
  /** Restricted, with a named civilian, an incident address and an accused member. */
  let restricted: string;
  let open: string;
  let star: string;

  const body = (more: Record<string, unknown> = {}) => ({
    outlet: 'Chicago Sun-Times',
    reporter: 'R. Reporter',
    question: 'Were any officers relieved of police powers?',
    receivedAt: '2023-09-20T09:00:00-05:00',
    respondBy: '2099-09-20T17:00:00-05:00',
    ...more,
  });

  async function log(more: Record<string, unknown> = {}, as: TestUser = pio): Promise<string> {
    const res = await t.as(as, {
      method: 'POST',
      url: '/api/v1/press-inquiries',
      payload: body(more),
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string }>().id;
  }

  /** A statement about the case, its English version's id: drafted, or published as a reviewed pair. */
  async function statement(logNumber: string, publish: boolean): Promise<string> {
    const text = {
      en: 'The allegations are under investigation.',
      es: 'Las denuncias se investigan.',
    };
    if (publish) {
      return (
        await publishStatement(
          t,
          { author: pio, reviewer: pio2 },
          { logNumbers: [logNumber], ...text },
        )
      ).en;
    }
    const res = await t.as(pio, {
      method: 'POST',
      url: `/api/v1/cases/${logNumber}/statements`,
      payload: { text: text.en, language: 'en' },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string }>().id;
  }

  const answer = (as: TestUser, id: string, payload: Record<string, unknown>) =>
    t.as(as, { method: 'POST', url: `/api/v1/press-inquiries/${id}/answer`, payload });
  const review = (as: TestUser, id: string) =>
    t.as(as, { method: 'POST', url: `/api/v1/press-inquiries/${id}/review` });

  async function listed(state: 'open' | 'answered', as: TestUser = pio): Promise<Inquiry[]> {
    const res = await t.as(as, { method: 'GET', url: `/api/v1/press-inquiries?state=${state}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: Inquiry[] }>().items;
  }
  const find = async (id: string, state: 'open' | 'answered') =>
    (await listed(state)).find((i) => i.id === id);

  beforeAll(async () => {
    t = await testApp();
    intake = await t.user('intake');
    pio = await t.user('public_information');
    pio2 = await t.user('public_information');
    chief = await t.user('chief_administrator');
    supervisor = await t.user('supervisor');
    investigator = await t.user('investigator');
    restricted = await fileCase(t, intake, {
      categories: ['sexual_misconduct'],
      officersUnknown: true,
      narrative: NARRATIVE,
      incident: { address: ADDRESS },
      parties: [{ role: 'complainant', name: CIVILIAN, phone: '312-555-0199', language: 'es' }],
    });
    const member = await addMember(t, investigator, { firstName: 'Dariusz', lastName: 'Wolanski' });
    const allegation = await t.as(chief, {
      method: 'POST',
      url: `/api/v1/cases/${restricted}/allegations`,
      payload: { memberId: member.id, category: 'sexual_misconduct', summary: 'x' },
    });
    expect(allegation.statusCode, allegation.body).toBe(201);
    star = member.star;
    open = await fileCase(t, intake);
  });
  afterAll(async () => {
    await t.close();
  });

  describe('logging', () => {
    it('logs an inquiry about no case: an office-wide question, audited', async () => {
      const id = await log({ logNumbers: [] });
      const audit = await expectAudit(t.db, 'press_inquiry.logged', id, pio);
      expect(audit.case_id).toBeNull();
      const row = await find(id, 'open');
      expect(row).toMatchObject({ state: 'open', logNumbers: [], otherCases: 0, overdue: false });
    });

    it('logs an inquiry about several cases, each listed once, and shows it on each case', async () => {
      const id = await log({ logNumbers: [open, restricted, open] });
      expect((await find(id, 'open'))?.logNumbers).toEqual([restricted, open].sort());
      for (const c of [open, restricted]) {
        const view = await t.as(pio, { method: 'GET', url: `/api/v1/cases/${c}` });
        expect(
          view.json<{ pressInquiries: Inquiry[] }>().pressInquiries.map((p) => p.id),
        ).toContain(id);
      }
      const audit = await expectAudit(t.db, 'press_inquiry.logged', id, pio);
      expect(audit.changes).toMatchObject({ logNumbers: [open, restricted] });
    });

    it('refuses a case the caller may not see (404), a role that does not speak for the office (403) and a deadline before receipt (422), writing nothing', async () => {
      await expectNoWrites(t.db, async () => {
        expectProblem(
          await t.as(pio, {
            method: 'POST',
            url: '/api/v1/press-inquiries',
            payload: body({ logNumbers: ['2023-0999999'] }),
          }),
          404,
          'case_not_found',
        );
        expectProblem(
          await t.as(supervisor, {
            method: 'POST',
            url: '/api/v1/press-inquiries',
            payload: body(),
          }),
          403,
          'forbidden',
        );
        const early = await t.as(pio, {
          method: 'POST',
          url: '/api/v1/press-inquiries',
          payload: body({ respondBy: '2023-09-19T09:00:00-05:00' }),
        });
        expectProblem(early, 422, 'respond_by_before_received');
        expectInvalidFields(
          await t.as(pio, {
            method: 'POST',
            url: '/api/v1/press-inquiries',
            payload: body({ logNumbers: ['x'], respondBy: 'tomorrow' }),
          }),
          ['logNumbers.0', 'respondBy'],
        );
      });
    });
  });

  describe('answering with a statement', () => {
    it('answers at once with a published statement about a linked case', async () => {
      const id = await log({ logNumbers: [open] });
      const s = await statement(open, true);
      const res = await answer(pio, id, { statementId: s });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ id, state: 'answered' });
      const audit = await expectAudit(t.db, 'press_inquiry.answered', id, pio);
      expect(audit.changes).toEqual({ statementId: s });
      expect(await find(id, 'answered')).toMatchObject({
        state: 'answered',
        statementId: s,
        answeredBy: { id: pio.id },
      });
      expectProblem(await answer(pio, id, { statementId: s }), 409, 'already_answered');
    });

    it('refuses a statement not yet published, and one about a case the inquiry is not linked to', async () => {
      const id = await log({ logNumbers: [open] });
      const draft = await statement(open, false);
      const foreign = await statement(restricted, true);
      await expectNoWrites(t.db, async () => {
        const refused = expectProblem(
          await answer(pio, id, { statementId: draft }),
          422,
          'statement_not_published',
        );
        expect(refused.errors?.[0]?.field).toBe('statementId');
        expectProblem(await answer(pio, id, { statementId: foreign }), 422, 'unknown_statement');
      });
    });
  });

  describe('answering in free text', () => {
    it('counts a free-text answer only once a second person reviews it, with its own audit row', async () => {
      const id = await log({ logNumbers: [open] });
      const written = await answer(pio, id, { text: 'We do not comment on open investigations.' });
      expect(written.json()).toEqual({ id, state: 'awaiting_review' });
      await expectAudit(t.db, 'press_inquiry.answer_written', id, pio);
      const waiting = await find(id, 'open');
      expect(waiting).toMatchObject({ state: 'awaiting_review', answeredAt: null });
      expect(waiting?.answerWrittenBy?.id).toBe(pio.id);

      const reviewed = await review(pio2, id);
      expect(reviewed.statusCode, reviewed.body).toBe(200);
      const audit = await expectAudit(t.db, 'press_inquiry.answer_reviewed', id, pio2);
      expect(audit.changes).toEqual({ author: pio.id });
      expect(await find(id, 'answered')).toMatchObject({
        state: 'answered',
        reviewedBy: { id: pio2.id },
        answeredBy: { id: pio.id },
      });
    });

    it('refuses the author as reviewer, and a reviewer without the review ability, writing nothing', async () => {
      const id = await log();
      expect((await answer(pio, id, { text: 'A statement will follow.' })).statusCode).toBe(200);
      await expectNoWrites(t.db, async () => {
        const self = expectProblem(await review(pio, id), 403, 'reviewer_is_author');
        expect(self.detail).toMatch(/different person/);
        expectProblem(await review(supervisor, id), 403, 'forbidden');
      });
      expect((await review(chief, id)).statusCode).toBe(200);
    });

    it('answers 409 to a review when nothing is written', async () => {
      const id = await log();
      expectProblem(await review(pio2, id), 409, 'no_answer_to_review');
    });
  });

  describe('an answer never quotes a restricted case', () => {
    const quoted = async (text: string, cases: string[] = [restricted]) => {
      const id = await log({ logNumbers: cases });
      return { id, res: await answer(pio, id, { text }) };
    };

    it('refuses the civilian’s name, whole or in part, in any letter case and accents', async () => {
      for (const text of [
        `We spoke with ${CIVILIAN}.`,
        'Ms. QUINTANILLA was interviewed.',
        'We called 312-555-0199.',
      ]) {
        const { res } = await quoted(text);
        const problem = expectProblem(res, 422, 'answer_quotes_restricted');
        expect(problem.errors?.[0]?.field).toBe('text');
        expect(problem.detail).toContain(restricted);
      }
    });

    it('refuses the accused member’s name and star and the incident address on a restricted case, not on an unrestricted one', async () => {
      for (const text of [
        'Officer Wolanski is on desk duty.',
        `Star ${star} is on desk duty.`,
        'It happened at 3900 N. Sheridan Rd.',
      ]) {
        expectProblem((await quoted(text)).res, 422, 'answer_quotes_restricted');
        // the same words about an unrestricted case name nothing it holds
        expect((await quoted(text, [open])).res.statusCode).toBe(200);
      }
    });

    it('refuses six consecutive words of the narrative, and allows five', async () => {
      // "entered the third floor dormitory after" is six narrative words; five are common phrasing
      expectProblem(
        (await quoted('They entered the third floor dormitory after a call.')).res,
        422,
        'answer_quotes_restricted',
      );
      const five = await quoted('They entered the third floor dormitory; the case is open.');
      expect(five.res.statusCode, five.res.body).toBe(200);
    });

    it('checks again at review: a party added after the answer was written stops it', async () => {
      const { id, res } = await quoted('We are in touch with Ms. Okonkwo-Bell.', [open]);
      expect(res.statusCode, res.body).toBe(200);
      const party = await t.as(chief, {
        method: 'POST',
        url: `/api/v1/cases/${open}/parties`,
        payload: { role: 'witness', name: 'Ada Okonkwo-Bell', language: 'en' },
      });
      expect(party.statusCode, party.body).toBe(201);
      await expectNoWrites(t.db, async () => {
        expectProblem(await review(pio2, id), 422, 'answer_quotes_restricted');
      });
    });
  });

  describe('overdue', () => {
    const dashboard = async (as: TestUser) =>
      (await t.as(as, { method: 'GET', url: '/api/v1/dashboard' })).json<{
        press: { open: number; overdue: number } | null;
      }>().press;

    it('marks an unanswered inquiry past its committed deadline and counts it on the dashboard until answered', async () => {
      const before = await dashboard(pio);
      const late = await log({ respondBy: '2023-09-20T17:00:00-05:00' });
      const noDeadline = await log({ respondBy: undefined });
      const after = await dashboard(pio);
      expect(after).toEqual({ open: before!.open + 2, overdue: before!.overdue + 1 });
      expect((await find(late, 'open'))?.overdue).toBe(true);
      expect((await find(noDeadline, 'open'))?.overdue).toBe(false);
      // a written answer does not count until reviewed: still overdue
      await answer(pio, late, { text: 'The office will answer by Friday.' });
      expect(await dashboard(chief)).toEqual(after);
      await review(pio2, late);
      expect(await dashboard(chief)).toEqual({
        open: after!.open - 1,
        overdue: after!.overdue - 1,
      });
      expect((await find(late, 'answered'))?.overdue).toBe(false);
      // who does not read the press log gets no count
      expect(await dashboard(supervisor)).toBeNull();
    });

    it('lists open inquiries oldest first, to the press office only', async () => {
      const newer = await log({ receivedAt: '2023-09-22T09:00:00-05:00' });
      const older = await log({ receivedAt: '2023-09-01T09:00:00-05:00' });
      const ids = (await listed('open')).map((i) => i.id);
      expect(ids.indexOf(older)).toBeLessThan(ids.indexOf(newer));
      expect(ids.indexOf(older)).toBe(0);
      expectProblem(
        await t.as(supervisor, { method: 'GET', url: '/api/v1/press-inquiries' }),
        403,
        'forbidden',
      );
    });
  });
});
