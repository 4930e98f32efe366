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
const SPANISH = 'Las denuncias están siendo investigadas por BIA y COPA.';

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

  async function review(id: string, as: TestUser = chief): Promise<void> {
    const res = await t.as(as, { method: 'POST', url: `/api/v1/statements/${id}/review` });
    expect(res.statusCode, res.body).toBe(200);
  }

  /** An English statement and its Spanish translation, both reviewed by a second person. */
  async function reviewedPair(log: string): Promise<{ en: string; es: string }> {
    const en = await draft(log);
    const es = await draft(log, { language: 'es', text: SPANISH, translationOf: en });
    await review(en);
    await review(es);
    return { en, es };
  }

  async function publish(id: string, as: TestUser = pio): Promise<void> {
    const res = await t.as(as, { method: 'POST', url: `/api/v1/statements/${id}/publish` });
    expect(res.statusCode, res.body).toBe(200);
  }

  /** A published pair; returns the English version's id. */
  async function published(log: string): Promise<string> {
    const { en } = await reviewedPair(log);
    await publish(en);
    return en;
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
      expect(enAudit.changes).toEqual({ language: 'en', translationOf: null, cases: 1 });

      const es = await t.as(chief, {
        method: 'POST',
        url: url(n),
        payload: { text: SPANISH, language: 'es', translationOf: en.id },
      });
      expect(es.statusCode).toBe(201);
      const esId = es.json<{ id: string }>().id;
      const esAudit = await expectAudit(t.db, 'statement.drafted', esId, chief);
      expect(esAudit.changes).toEqual({ language: 'es', translationOf: en.id, cases: 1 });
      const [row] = await t.db.query<Record<string, unknown>>(
        `SELECT s.status, s.language, s.translation_of, s.reviewed_at, sc.case_id
           FROM statements s JOIN statement_cases sc ON sc.statement_id = s.id WHERE s.id = $1`,
        [esId],
      );
      expect(row).toEqual({
        status: 'draft',
        language: 'es',
        translation_of: en.id,
        reviewed_at: null,
        case_id: await caseId(t.db, n),
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
            payload: { text: '', language: 'english', translationOf: 'first' },
          }),
          ['text', 'language', 'translationOf'],
        );
        // statements are published in the portal's two languages only
        expectInvalidFields(
          await t.as(pio, { method: 'POST', url: url(n), payload: { ...body, language: 'fr' } }),
          ['language'],
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

    it('publishes (approves) a reviewed pair together, at one time, and audits each version', async () => {
      const { en, es } = await reviewedPair(n);
      const res = await t.as(pio, { method: 'POST', url: url(es) });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ id: es, status: 'published' });
      expect(res.json<{ published: string[] }>().published.sort()).toEqual([en, es].sort());
      const rows = await t.db.query<{ status: string; published_by: string; published_at: Date }>(
        `SELECT status, published_by, published_at FROM statements WHERE id IN ($1, $2)`,
        [en, es],
      );
      expect(rows).toHaveLength(2);
      for (const row of rows) {
        expect(row).toMatchObject({ status: 'published', published_by: pio.id });
      }
      expect(rows[0]?.published_at).toEqual(rows[1]?.published_at);
      for (const [id, language] of [
        [en, 'en'],
        [es, 'es'],
      ] as const) {
        const audit = await expectAudit(t.db, 'statement.published', id, pio);
        expect(audit.case_id).toBe(await caseId(t.db, n));
        expect(audit.changes).toEqual({ language });
      }
    });

    it('lets a chief administrator publish too', async () => {
      const { en } = await reviewedPair(n);
      await publish(en, chief);
      await expectAudit(t.db, 'statement.published', en, chief);
    });

    it('refuses a statement in one language only, with nothing published (422 translation_missing)', async () => {
      const en = await draft(n);
      await review(en);
      await expectNoWrites(t.db, async () => {
        const p = expectProblem(
          await t.as(pio, { method: 'POST', url: url(en) }),
          422,
          'translation_missing',
        );
        expect(p.detail).toContain('Spanish');
      });
    });

    it('refuses an unreviewed statement, and publishes no version of the pair half-way (422 statement_not_reviewed)', async () => {
      const en = await draft(n);
      const es = await draft(n, { language: 'es', text: SPANISH, translationOf: en });
      await review(en);
      await expectNoWrites(t.db, async () => {
        for (const id of [en, es]) {
          const p = expectProblem(
            await t.as(pio, { method: 'POST', url: url(id) }),
            422,
            'statement_not_reviewed',
          );
          expect(p.detail).toContain('Spanish');
        }
      });
      await review(es);
      await publish(en);
    });

    it('answers 409 for a statement already published and 404 for one that does not exist', async () => {
      const id = await published(n);
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

  describe('POST /api/v1/statements/{id}/review', () => {
    const url = (id: string) => `/api/v1/statements/${id}/review`;

    it("records a second person's review and audits it", async () => {
      const id = await draft(n);
      const res = await t.as(chief, { method: 'POST', url: url(id) });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ id, status: 'reviewed' });
      const audit = await expectAudit(t.db, 'statement.reviewed', id, chief);
      expect(audit.case_id).toBe(await caseId(t.db, n));
      expect(audit.changes).toEqual({ language: 'en', author: pio.id });
      const read = await t.as(pio, { method: 'GET', url: `/api/v1/cases/${n}` });
      const shown = read
        .json<{ statements: Array<Record<string, unknown>> }>()
        .statements.find((s) => s.id === id);
      expect(shown).toMatchObject({
        status: 'reviewed',
        authorId: pio.id,
        author: expect.any(String),
        reviewer: expect.any(String),
        reviewedAt: expect.any(String),
      });
      expect(shown?.author).not.toBe(shown?.reviewer);
    });

    it('refuses the author as reviewer (403 reviewer_is_author), whoever the author is', async () => {
      const byPio = await draft(n);
      const byChief = await t.as(chief, {
        method: 'POST',
        url: `/api/v1/cases/${n}/statements`,
        payload: { text: STATEMENT, language: 'en' },
      });
      expect(byChief.statusCode).toBe(201);
      const own = byChief.json<{ id: string }>().id;
      await expectNoWrites(t.db, async () => {
        for (const [id, author] of [
          [byPio, pio],
          [own, chief],
        ] as const) {
          const p = expectProblem(
            await t.as(author, { method: 'POST', url: url(id) }),
            403,
            'reviewer_is_author',
          );
          expect(p.detail).toBe('The reviewer must be a different person from the author.');
        }
      });
      await review(own, pio);
      await review(byPio, chief);
    });

    it('answers 404 to callers who may not see the case, 403 to those who may not review, 409 when reviewed', async () => {
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
        expectProblem(
          await t.as(chief, { method: 'POST', url: url(NO_SUCH_ID) }),
          404,
          'statement_not_found',
        );
        expectInvalidFields(await t.as(chief, { method: 'POST', url: url('first') }), [
          'params.id',
        ]);
      });
      await review(id);
      await expectNoWrites(t.db, async () => {
        expectProblem(await t.as(chief, { method: 'POST', url: url(id) }), 409, 'already_reviewed');
      });
    });
  });

  describe('POST /api/v1/statements: several cases, or none', () => {
    const url = '/api/v1/statements';

    it('drafts an office-wide statement (no case) and publishes it with its translation', async () => {
      const res = await t.as(pio, {
        method: 'POST',
        url,
        payload: { text: 'The office publishes its policy on press inquiries.', language: 'en' },
      });
      expect(res.statusCode, res.body).toBe(201);
      const en = res.json<{ id: string }>().id;
      expect((await expectAudit(t.db, 'statement.drafted', en, pio)).case_id).toBeNull();
      const es = await t.as(pio, {
        method: 'POST',
        url,
        payload: { text: 'La oficina publica su política.', language: 'es', translationOf: en },
      });
      expect(es.statusCode, es.body).toBe(201);
      await review(en);
      await review(es.json<{ id: string }>().id);
      await publish(en);
      const office = await t.as(chief, { method: 'GET', url });
      expect(office.statusCode).toBe(200);
      const items = office.json<{
        items: Array<{ id: string; logNumbers: string[]; status: string }>;
      }>().items;
      expect(items.find((i) => i.id === en)).toMatchObject({ logNumbers: [], status: 'published' });
    });

    it('links one statement to several cases; its translation is about the same cases', async () => {
      const other = await fileCase(t, intake);
      const res = await t.as(pio, {
        method: 'POST',
        url,
        payload: { text: STATEMENT, language: 'en', logNumbers: [other, n, n] },
      });
      expect(res.statusCode, res.body).toBe(201);
      const en = res.json<{ id: string }>().id;
      const es = await t.as(pio, {
        method: 'POST',
        url,
        payload: { text: SPANISH, language: 'es', translationOf: en },
      });
      expect(es.statusCode, es.body).toBe(201);
      const esId = es.json<{ id: string }>().id;
      for (const log of [n, other]) {
        const read = await t.as(pio, { method: 'GET', url: `/api/v1/cases/${log}` });
        const mine = read
          .json<{
            statements: Array<{ id: string; logNumbers: string[]; translationId: string }>;
          }>()
          .statements.filter((s) => s.id === en || s.id === esId);
        expect(mine).toHaveLength(2);
        expect(mine[0]?.logNumbers).toEqual([n, other].sort());
        expect(mine.find((s) => s.id === en)?.translationId).toBe(esId);
      }
    });

    it('lists a statement only to those who may see every case it is about', async () => {
      // an operational violation is BIA's (MCC 2-78-120(a)); the sexual-misconduct case n is COPA's
      const biaLog = await fileCase(t, intake, {
        categories: ['operational_violation'],
        narrative: 'The officer did not file the required report.',
      });
      const aboutN = await draft(n);
      const created = await t.as(biaPio, {
        method: 'POST',
        url,
        payload: { text: STATEMENT, language: 'en', logNumbers: [biaLog] },
      });
      expect(created.statusCode, created.body).toBe(201);
      const aboutBia = created.json<{ id: string }>().id;
      const listed = new Map<TestUser, string[]>();
      for (const who of [chief, pio, biaPio]) {
        const res = await t.as(who, { method: 'GET', url });
        expect(res.statusCode, res.body).toBe(200);
        const ids = res.json<{ items: Array<{ id: string }> }>().items.map((i) => i.id);
        listed.set(who, ids);
        for (const [id, log] of [
          [aboutN, n],
          [aboutBia, biaLog],
        ] as const) {
          const sees = (await t.as(who, { method: 'GET', url: `/api/v1/cases/${log}` })).statusCode;
          expect(ids.includes(id), `${who.email} reads ${log}: ${sees}`).toBe(sees === 200);
        }
      }
      // the check tells the two agencies apart
      expect(listed.get(chief)).toContain(aboutN);
      expect(listed.get(chief)).not.toContain(aboutBia);
      expect(listed.get(biaPio)).toContain(aboutBia);
      expect(listed.get(biaPio)).not.toContain(aboutN);
    });

    it('refuses an office-wide statement to those without the grant, and cases they may not see', async () => {
      await expectNoWrites(t.db, async () => {
        for (const who of [supervisor, auditor, investigator]) {
          expectProblem(
            await t.as(who, { method: 'POST', url, payload: { text: STATEMENT, language: 'en' } }),
            403,
            'forbidden',
          );
        }
        expectProblem(
          await t.as(biaPio, {
            method: 'POST',
            url,
            payload: { text: STATEMENT, language: 'en', logNumbers: [n] },
          }),
          404,
          'case_not_found',
        );
        expectProblem(await t.as(supervisor, { method: 'GET', url }), 403, 'forbidden');
      });
    });

    it('refuses a translation in the same language, a second one, and a translation of a translation', async () => {
      const en = await draft(n);
      const es = await draft(n, { language: 'es', text: SPANISH, translationOf: en });
      await expectNoWrites(t.db, async () => {
        const same = expectProblem(
          await t.as(pio, {
            method: 'POST',
            url,
            payload: { text: STATEMENT, language: 'en', translationOf: en },
          }),
          422,
          'same_language',
        );
        expect(same.errors?.[0]?.field).toBe('translationOf');
        expectProblem(
          await t.as(pio, {
            method: 'POST',
            url,
            payload: { text: SPANISH, language: 'es', translationOf: en },
          }),
          409,
          'translation_exists',
        );
        expectProblem(
          await t.as(pio, {
            method: 'POST',
            url,
            payload: { text: STATEMENT, language: 'en', translationOf: es },
          }),
          422,
          'translation_of_translation',
        );
        expectInvalidFields(
          await t.as(pio, {
            method: 'POST',
            url,
            payload: { text: STATEMENT, language: 'en', logNumbers: ['yesterday'] },
          }),
          ['logNumbers.0'],
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
      const s = await published(n);
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
      const s = await published(n);
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
      const foreign = await published(other);
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
