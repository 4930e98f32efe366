import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { testApp, type TestApp, type TestUser } from './test-app.ts';
import { buildIntake, fileCase } from './factories.ts';
import { expectProblem, snapshot } from './http.ts';

/**
 * Text PostgreSQL cannot store as sent: a NUL character (rejected in text and jsonb) and a lone
 * UTF-16 surrogate (not valid Unicode: rejected in jsonb, silently replaced by U+FFFD in text).
 * PRODUCT.md §6: bad input never produces a 5xx, a partial write or silently altered data.
 *
 * BUG (src/shared/schemas/*.ts): free-text fields are plain z.string(); nothing rejects these
 * characters, so the database does, and the error handler answers 500 internal_error.
 * Suggested fix: one shared text schema in src/shared/schemas/common.ts that refuses '\u0000'
 * and strings that are not well-formed (String.prototype.isWellFormed), used for every
 * free-text field — an answer of 400 validation_failed naming the field.
 */
const NUL = 'before\u0000after';
const LONE_SURROGATE = 'before\ud800after';

describe('text the database cannot store is refused as bad input', () => {
  let t: TestApp;
  let intake: TestUser;
  let supervisor: TestUser;
  let pio: TestUser;

  beforeAll(async () => {
    t = await testApp();
    intake = await t.user('intake');
    supervisor = await t.user('supervisor');
    pio = await t.user('public_information');
  });
  afterAll(async () => {
    await t.close();
  });

  /** One free-text field per route family: [label, field, caller, url, body]. */
  async function attempts(
    bad: string,
  ): Promise<Array<[string, string, TestUser, string, Record<string, unknown>]>> {
    const n = await fileCase(t, intake);
    return [
      [
        'POST /cases narrative',
        'narrative',
        intake,
        '/api/v1/cases',
        buildIntake({ narrative: bad }),
      ],
      [
        'POST /members lastName',
        'lastName',
        supervisor,
        '/api/v1/members',
        { star: '9001', firstName: 'Test', lastName: bad },
      ],
      [
        'POST /cases/{n}/transitions note',
        'note',
        supervisor,
        `/api/v1/cases/${n}/transitions`,
        { to: 'preliminary', note: bad },
      ],
      [
        'POST /cases/{n}/activities summary',
        'summary',
        supervisor,
        `/api/v1/cases/${n}/activities`,
        { kind: 'note', occurredAt: '2023-09-20T10:00:00Z', summary: bad },
      ],
      [
        'POST /cases/{n}/press-inquiries outlet',
        'outlet',
        pio,
        `/api/v1/cases/${n}/press-inquiries`,
        { outlet: bad, question: 'Any news?', receivedAt: '2023-09-20T10:00:00Z' },
      ],
      [
        'POST /facilities name',
        'name',
        supervisor,
        '/api/v1/facilities',
        { code: 'D099', name: bad, kind: 'other' },
      ],
    ];
  }

  it.each([
    ['a NUL character', NUL],
    ['a lone surrogate', LONE_SURROGATE],
  ])(
    '%s in any free-text field answers 400 naming the field, and writes nothing',
    async (_label, bad) => {
      const routes = await attempts(bad);
      const answers: Record<string, string> = {};
      const expected: Record<string, string> = {};
      const before = await snapshot(t.db);
      for (const [label, field, who, url, body] of routes) {
        const res = await t.as(who, { method: 'POST', url, payload: body });
        const fields =
          res.statusCode === 400
            ? (res.json<{ errors?: Array<{ field: string }> }>().errors ?? []).map((e) => e.field)
            : [];
        answers[label] = `${res.statusCode} ${fields.includes(field) ? field : '-'}`;
        expected[label] = `400 ${field}`;
      }
      expect(answers).toEqual(expected);
      expect(await snapshot(t.db)).toEqual(before);
    },
  );

  it('a NUL in a path parameter or a search answers 400 naming it', async () => {
    for (const [url, field] of [
      ['/api/v1/facilities/D%00', 'params.code'],
      ['/api/v1/cases?q=a%00b', 'querystring.q'],
      ['/api/v1/members?q=a%00b', 'querystring.q'],
    ] as const) {
      const body = expectProblem(
        await t.as(supervisor, { method: 'GET', url }),
        400,
        'validation_failed',
      );
      expect(body.errors?.map((e) => e.field)).toEqual([field]);
    }
  });

  it('ordinary Unicode (accents, emoji, right-to-left) is stored and returned verbatim', async () => {
    const narrative = 'Señora Muñoz dijo: «¡Auxilio!» 🚓 — مرحبا — 你好';
    const logNumber = await fileCase(t, intake, { narrative });
    const res = await t.as(intake, { method: 'GET', url: `/api/v1/cases/${logNumber}` });
    expect(res.json<{ narrative: string }>().narrative).toBe(narrative);
    const member = await t.as(supervisor, {
      method: 'POST',
      url: '/api/v1/members',
      payload: { star: '9002', firstName: 'José', lastName: 'Núñez-O’Brien' },
    });
    expect(member.statusCode).toBe(201);
    expectProblem(
      await t.as(supervisor, { method: 'GET', url: '/api/v1/members/not-a-uuid' }),
      400,
      'validation_failed',
    );
  });
});
