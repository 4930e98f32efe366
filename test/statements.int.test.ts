import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { testApp, type TestApp, type TestUser } from './test-app.ts';
import { fileCase } from './factories.ts';
import {
  caseId,
  expectAudit,
  expectBodyParsingRejected,
  expectInvalidFields,
  expectNoWrites,
  expectProblem,
  expectUnauthenticated,
} from './http.ts';

const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';
const STATEMENT = 'The allegations are under investigation by BIA and COPA.';

describe('statements and press inquiries', () => {
  let t: TestApp;
  let intake: TestUser;
  let supervisor: TestUser;
  let chief: TestUser;
  let investigator: TestUser;
  let analyst: TestUser;
  let pio: TestUser;
  let auditor: TestUser;
  let biaPio: TestUser;
  let n: string;

  async function draft(log: string, body: Record<string, unknown> = {}): Promise<string> {
    const res = await t.as(pio, {
      method: 'POST',
      url: `/api/v1/cases/${log}/statements`,
      payload: { text: STATEMENT, language: 'en', ...body },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string }>().id;
  }

  async function publish(id: string, as: TestUser = pio): Promise<void> {
    const res = await t.as(as, { method: 'POST', url: `/api/v1/statements/${id}/publish` });
    expect(res.statusCode, res.body).toBe(200);
  }

  async function inquiry(log: string): Promise<string> {
    const res = await t.as(pio, {
      method: 'POST',
      url: `/api/v1/cases/${log}/press-inquiries`,
      payload: {
        outlet: 'Chicago Sun-Times',
        question: 'Were any officers relieved of police powers?',
        receivedAt: '2023-09-20T09:00:00-05:00',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string }>().id;
  }

  beforeAll(async () => {
    t = await testApp();
    intake = await t.user('intake');
    supervisor = await t.user('supervisor');
    chief = await t.user('chief_administrator');
    investigator = await t.user('investigator');
    analyst = await t.user('analyst');
    pio = await t.user('public_information');
    auditor = await t.user('auditor', 'OIG');
    biaPio = await t.user('public_information', 'BIA');
    n = await fileCase(t, intake, { categories: ['sexual_misconduct'], officersUnknown: true });
  });
  afterAll(async () => {
    await t.close();
  });

  describe('POST /api/v1/cases/{logNumber}/statements', () => {
    const url = (log: string) => `/api/v1/cases/${log}/statements`;
    const body = { text: STATEMENT, language: 'en' };

    it('answers 401 without a valid token', async () => {
      await expectNoWrites(t.db, () => expectUnauthenticated(t, 'POST', url(n), body));
    });

    it('answers 404 to callers who may not see the case and 403 to those who do not speak for the agency', async () => {
      await expectNoWrites(t.db, async () => {
        for (const who of [analyst, biaPio, intake, investigator]) {
          // intake and an unassigned investigator do not see a restricted case at all
          expectProblem(
            await t.as(who, { method: 'POST', url: url(n), payload: body }),
            404,
            'case_not_found',
          );
        }
        for (const who of [supervisor, auditor]) {
          expectProblem(
            await t.as(who, { method: 'POST', url: url(n), payload: body }),
            403,
            'forbidden',
          );
        }
      });
    });

    it('drafts a statement and its Spanish translation, and audits both', async () => {
      const res = await t.as(pio, { method: 'POST', url: url(n), payload: body });
      expect(res.statusCode).toBe(201);
      const en = res.json<{ id: string; status: string }>();
      expect(en.status).toBe('draft');
      const enAudit = await expectAudit(t.db, 'statement.drafted', en.id, pio);
      expect(enAudit.case_id).toBe(await caseId(t.db, n));
      expect(enAudit.changes).toEqual({ language: 'en', translationOf: null });

      const es = await t.as(chief, {
        method: 'POST',
        url: url(n),
        payload: {
          text: 'Las denuncias están siendo investigadas por BIA y COPA.',
          language: 'es',
          translationOf: en.id,
          humanReviewed: false,
        },
      });
      expect(es.statusCode).toBe(201);
      const esId = es.json<{ id: string }>().id;
      const esAudit = await expectAudit(t.db, 'statement.drafted', esId, chief);
      expect(esAudit.changes).toEqual({ language: 'es', translationOf: en.id });
      const [row] = await t.db.query<Record<string, unknown>>(
        `SELECT status, language, human_reviewed, translation_of FROM statements WHERE id = $1`,
        [esId],
      );
      expect(row).toEqual({
        status: 'draft',
        language: 'es',
        human_reviewed: false,
        translation_of: en.id,
      });
    });

    it('answers 422 when translationOf names a statement of another case', async () => {
      const other = await fileCase(t, intake);
      const foreign = await draft(other);
      await expectNoWrites(t.db, async () => {
        for (const translationOf of [foreign, NO_SUCH_ID]) {
          const res = expectProblem(
            await t.as(pio, { method: 'POST', url: url(n), payload: { ...body, translationOf } }),
            422,
            'unknown_statement',
          );
          expect(res.errors?.[0]?.field).toBe('translationOf');
        }
      });
    });

    it('rejects bad bodies, unknown codes and invalid log numbers without writing', async () => {
      await expectBodyParsingRejected(t, pio, 'POST', url(n), body);
      await expectNoWrites(t.db, async () => {
        expectInvalidFields(
          await t.as(pio, {
            method: 'POST',
            url: url(n),
            payload: {
              text: '',
              language: 'english',
              translationOf: 'first',
              humanReviewed: 'yes',
            },
          }),
          ['text', 'language', 'translationOf', 'humanReviewed'],
        );
        expectInvalidFields(
          await t.as(pio, { method: 'POST', url: url('2023-0000001x'), payload: body }),
          ['params.logNumber'],
        );
        expectProblem(
          await t.as(pio, { method: 'POST', url: url('2023-9999999'), payload: body }),
          404,
          'case_not_found',
        );
      });
    });
  });

  describe('POST /api/v1/cases/{logNumber}/press-inquiries', () => {
    const url = (log: string) => `/api/v1/cases/${log}/press-inquiries`;
    const body = {
      outlet: 'WBEZ',
      question: 'Is BIA investigating too?',
      receivedAt: '2023-09-21T11:00:00-05:00',
    };

    it('answers 401 without a valid token', async () => {
      await expectNoWrites(t.db, () => expectUnauthenticated(t, 'POST', url(n), body));
    });

    it('answers 404 to callers who may not see the case and 403 to those who do not speak for the agency', async () => {
      await expectNoWrites(t.db, async () => {
        for (const who of [analyst, biaPio, intake]) {
          expectProblem(
            await t.as(who, { method: 'POST', url: url(n), payload: body }),
            404,
            'case_not_found',
          );
        }
        for (const who of [supervisor, auditor]) {
          expectProblem(
            await t.as(who, { method: 'POST', url: url(n), payload: body }),
            403,
            'forbidden',
          );
        }
      });
    });

    it('logs the inquiry and audits it', async () => {
      const res = await t.as(pio, { method: 'POST', url: url(n), payload: body });
      expect(res.statusCode).toBe(201);
      const { id } = res.json<{ id: string }>();
      const audit = await expectAudit(t.db, 'press_inquiry.logged', id, pio);
      expect(audit.entity_type).toBe('press_inquiry');
      expect(audit.changes).toEqual({ outlet: 'WBEZ', logNumbers: [n] });
      const read = await t.as(pio, { method: 'GET', url: `/api/v1/cases/${n}` });
      expect(
        read.json<{ pressInquiries: Array<{ id: string; answeredAt: null }> }>().pressInquiries,
      ).toEqual(
        expect.arrayContaining([expect.objectContaining({ id, outlet: 'WBEZ', answeredAt: null })]),
      );
    });

    it('rejects bad bodies and wrong types without writing', async () => {
      await expectBodyParsingRejected(t, pio, 'POST', url(n), body);
      await expectNoWrites(t.db, async () => {
        expectInvalidFields(
          await t.as(pio, {
            method: 'POST',
            url: url(n),
            payload: { outlet: '', question: ['?'], receivedAt: 'this morning' },
          }),
          ['outlet', 'question', 'receivedAt'],
        );
        expectInvalidFields(await t.as(pio, { method: 'POST', url: url('0000'), payload: body }), [
          'params.logNumber',
        ]);
      });
    });
  });

  describe('POST /api/v1/statements/{id}/publish', () => {
    const url = (id: string) => `/api/v1/statements/${id}/publish`;

    it('answers 401 without a valid token', async () => {
      const id = await draft(n);
      await expectNoWrites(t.db, () => expectUnauthenticated(t, 'POST', url(id)));
    });

    it('answers 404 to callers who may not see the case and 403 to those who may not approve', async () => {
      const id = await draft(n);
      await expectNoWrites(t.db, async () => {
        for (const who of [analyst, biaPio, intake, investigator]) {
          expectProblem(
            await t.as(who, { method: 'POST', url: url(id) }),
            404,
            'statement_not_found',
          );
        }
        for (const who of [supervisor, auditor]) {
          expectProblem(await t.as(who, { method: 'POST', url: url(id) }), 403, 'forbidden');
        }
      });
    });

    it('publishes (approves) a draft and audits it', async () => {
      const id = await draft(n);
      const res = await t.as(pio, { method: 'POST', url: url(id) });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ id, status: 'published' });
      const [row] = await t.db.query<{ status: string; published_by: string; published_at: Date }>(
        `SELECT status, published_by, published_at FROM statements WHERE id = $1`,
        [id],
      );
      expect(row).toMatchObject({ status: 'published', published_by: pio.id });
      expect(row?.published_at).not.toBeNull();
      const audit = await expectAudit(t.db, 'statement.published', id, pio);
      expect(audit.case_id).toBe(await caseId(t.db, n));
      expect(audit.changes).toEqual({ language: 'en' });
    });

    it('lets a chief administrator publish too', async () => {
      const id = await draft(n, { language: 'es', text: 'Bajo investigación.' });
      await publish(id, chief);
      await expectAudit(t.db, 'statement.published', id, chief);
    });

    it('answers 409 for a statement already published and 404 for one that does not exist', async () => {
      const id = await draft(n);
      await publish(id);
      await expectNoWrites(t.db, async () => {
        expectProblem(await t.as(pio, { method: 'POST', url: url(id) }), 409, 'already_published');
        expectProblem(
          await t.as(pio, { method: 'POST', url: url(NO_SUCH_ID) }),
          404,
          'statement_not_found',
        );
      });
    });

    it('rejects an invalid id, a malformed body and an oversized body without writing', async () => {
      const id = await draft(n);
      await expectNoWrites(t.db, async () => {
        expectInvalidFields(await t.as(pio, { method: 'POST', url: url('latest') }), ['params.id']);
        expectProblem(
          await t.as(pio, {
            method: 'POST',
            url: url(id),
            headers: { 'content-type': 'application/json' },
            payload: '{"publish": tru',
          }),
          400,
          'malformed_json',
        );
        expectProblem(
          await t.as(pio, {
            method: 'POST',
            url: url(id),
            headers: { 'content-type': 'application/json' },
            payload: JSON.stringify({ padding: 'x'.repeat(1_100_000) }),
          }),
          413,
          'body_too_large',
        );
      });
    });
  });

  describe('POST /api/v1/press-inquiries/{id}/answer', () => {
    const url = (id: string) => `/api/v1/press-inquiries/${id}/answer`;

    it('answers 401 without a valid token', async () => {
      const q = await inquiry(n);
      await expectNoWrites(t.db, () =>
        expectUnauthenticated(t, 'POST', url(q), { statementId: NO_SUCH_ID }),
      );
    });

    it('answers 404 to callers who may not see the case and 403 to those who do not speak for the agency', async () => {
      const q = await inquiry(n);
      const s = await draft(n);
      await publish(s);
      await expectNoWrites(t.db, async () => {
        for (const who of [analyst, biaPio, intake]) {
          expectProblem(
            await t.as(who, { method: 'POST', url: url(q), payload: { statementId: s } }),
            404,
            'press_inquiry_not_found',
          );
        }
        for (const who of [supervisor, auditor]) {
          expectProblem(
            await t.as(who, { method: 'POST', url: url(q), payload: { statementId: s } }),
            403,
            'forbidden',
          );
        }
      });
    });

    it('answers the inquiry with a published statement and audits it', async () => {
      const q = await inquiry(n);
      const s = await draft(n);
      await publish(s);
      const res = await t.as(pio, { method: 'POST', url: url(q), payload: { statementId: s } });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ id: q, state: 'answered' });
      const audit = await expectAudit(t.db, 'press_inquiry.answered', q, pio);
      expect(audit.changes).toEqual({ statementId: s });
      const read = await t.as(pio, { method: 'GET', url: `/api/v1/cases/${n}` });
      const answered = read
        .json<{
          pressInquiries: Array<{
            id: string;
            statementId: string | null;
            answeredAt: string | null;
          }>;
        }>()
        .pressInquiries.find((p) => p.id === q);
      expect(answered?.statementId).toBe(s);
      expect(answered?.answeredAt).not.toBeNull();
    });

    it('answers 422 for a draft statement or one of another case, and 404 for an unknown inquiry', async () => {
      const q = await inquiry(n);
      const drafted = await draft(n);
      const other = await fileCase(t, intake);
      const foreign = await draft(other);
      await publish(foreign);
      await expectNoWrites(t.db, async () => {
        const unpublished = expectProblem(
          await t.as(pio, { method: 'POST', url: url(q), payload: { statementId: drafted } }),
          422,
          'statement_not_published',
        );
        expect(unpublished.errors?.[0]?.field).toBe('statementId');
        for (const statementId of [foreign, NO_SUCH_ID]) {
          expectProblem(
            await t.as(pio, { method: 'POST', url: url(q), payload: { statementId } }),
            422,
            'unknown_statement',
          );
        }
        expectProblem(
          await t.as(pio, {
            method: 'POST',
            url: url(NO_SUCH_ID),
            payload: { statementId: drafted },
          }),
          404,
          'press_inquiry_not_found',
        );
      });
    });

    it('rejects bad bodies, wrong types and invalid ids without writing', async () => {
      const q = await inquiry(n);
      await expectBodyParsingRejected(t, pio, 'POST', url(q), { statementId: NO_SUCH_ID });
      await expectNoWrites(t.db, async () => {
        expectInvalidFields(
          await t.as(pio, { method: 'POST', url: url(q), payload: { statementId: 12 } }),
          ['statementId'],
        );
        expectInvalidFields(await t.as(pio, { method: 'POST', url: url(q), payload: {} }), [
          'statementId',
        ]);
        expectInvalidFields(
          await t.as(pio, {
            method: 'POST',
            url: url('q-1'),
            payload: { statementId: NO_SUCH_ID },
          }),
          ['params.id'],
        );
      });
    });
  });
});
