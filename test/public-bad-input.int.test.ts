import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from './test-app.ts';
import { expectInvalidFields, expectNoWrites, expectProblem } from './http.ts';

/* Bad input on the public door: clear problem+json, never a 5xx, nothing stored executed or lost. */

let t: TestApp;
beforeAll(async () => {
  t = await testApp({
    publicPortal: {
      fileLimit: { max: 6, windowMs: 60_000 },
      lookupPerIp: { max: 8, windowMs: 60_000 },
      lookupPerNumber: { max: 3, windowMs: 60_000 },
    },
  });
});
afterAll(async () => t.close());

const fileComplaint = (payload: unknown, ip = '10.0.0.1') =>
  t.app.inject({
    method: 'POST',
    url: '/api/public/v1/complaints',
    payload: payload as object,
    remoteAddress: ip,
  });

describe('public complaint form: bad input', () => {
  it('stores a script, emoji and right-to-left text exactly as text', async () => {
    const narrative =
      '<script>alert("x")</script> 😡👮🏽‍♂️ شرطي دفعني في الشارع — עד ראה <img src=x onerror=alert(1)>';
    const res = await fileComplaint({ language: 'en', narrative, anonymous: true }, '10.0.0.2');
    expect(res.statusCode, res.body).toBe(201);
    const [row] = await t.db.query<{ narrative: string }>(
      `SELECT narrative FROM cases WHERE log_number = $1`,
      [res.json<{ logNumber: string }>().logNumber],
    );
    expect(row!.narrative).toBe(narrative);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
  });

  it('refuses unknown languages, immigration questions and contradictions, writing nothing', async () => {
    await expectNoWrites(t.db, async () => {
      expectInvalidFields(
        await fileComplaint({ language: 'xx', narrative: 'x', anonymous: true }, '10.0.0.3'),
        ['language'],
      );
      expectInvalidFields(
        await fileComplaint(
          { language: 'en', narrative: 'x', anonymous: true, immigrationStatus: 'x' },
          '10.0.0.3',
        ),
        ['immigrationStatus'],
      );
      expectInvalidFields(
        await fileComplaint(
          { language: 'es', narrative: 'x', anonymous: true, contact: { name: 'A B' } },
          '10.0.0.3',
        ),
        ['contact.name'],
      );
      expectInvalidFields(
        await fileComplaint({ language: 'es', narrative: '   ', anonymous: true }, '10.0.0.3'),
        ['narrative'],
      );
      expectInvalidFields(
        await fileComplaint({ language: 'es', narrative: 'a\u0000b', anonymous: true }, '10.0.0.3'),
        ['narrative'],
      );
      expectProblem(
        await t.app.inject({
          method: 'POST',
          url: '/api/public/v1/complaints',
          headers: { 'content-type': 'application/json' },
          // the form takes up to 10 MiB of files as base64, so its own limit is above that
          payload: JSON.stringify({ padding: 'x'.repeat(16 * 1024 * 1024) }),
          remoteAddress: '10.0.0.4',
        }),
        413,
        'body_too_large',
      );
      expectProblem(
        await t.app.inject({
          method: 'POST',
          url: '/api/public/v1/complaints',
          headers: { 'content-type': 'application/json' },
          payload: '{"language": "en",',
          remoteAddress: '10.0.0.4',
        }),
        400,
        'malformed_json',
      );
      expectProblem(
        await fileComplaint(
          {
            language: 'en',
            narrative: 'x',
            anonymous: true,
            incident: { occurredAt: '2099-01-01T00:00:00Z' },
          },
          '10.0.0.4',
        ),
        422,
        'incident_after_receipt',
      );
    });
  });

  it('stops a flood from one address with 429 problem+json, after keeping the real complaints', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 9; i++) {
      const res = await fileComplaint(
        { language: 'en', narrative: `spam ${i}`, anonymous: true },
        '10.9.9.9',
      );
      codes.push(res.statusCode);
      if (res.statusCode === 429) {
        expectProblem(res, 429, 'rate_limited');
        expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      }
    }
    expect(codes.slice(0, 6)).toEqual([201, 201, 201, 201, 201, 201]);
    expect(codes.slice(6)).toEqual([429, 429, 429]);
    const [n] = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM cases WHERE narrative LIKE 'spam %'`,
    );
    expect(n!.n).toBe(6);
    // another address is not affected
    expect(
      (await fileComplaint({ language: 'en', narrative: 'real', anonymous: true }, '10.1.1.1'))
        .statusCode,
    ).toBe(201);
  });
});

describe('follow-my-complaint: wrong numbers and floods', () => {
  it('limits guesses per confirmation number across addresses', async () => {
    const filed = (
      await fileComplaint(
        { language: 'es', narrative: 'real complaint', anonymous: true },
        '10.2.2.2',
      )
    ).json<{ confirmationNumber: string; passphrase: string }>();
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/public/v1/complaints/lookup',
        payload: { confirmationNumber: filed.confirmationNumber, passphrase: `guess-${i}` },
        remoteAddress: `10.3.3.${i}`,
      });
      codes.push(res.statusCode);
      expect(res.statusCode).toBeLessThan(500);
    }
    expect(codes).toEqual([404, 404, 404, 429]);
    // an unknown number is limited the same way: no difference to learn from
    const unknown: number[] = [];
    for (let i = 0; i < 4; i++) {
      unknown.push(
        (
          await t.app.inject({
            method: 'POST',
            url: '/api/public/v1/complaints/lookup',
            payload: { confirmationNumber: 'OV-ZZZZ-ZZZZ-ZZZZ', passphrase: 'x' },
            remoteAddress: `10.4.4.${i}`,
          })
        ).statusCode,
      );
    }
    expect(unknown).toEqual(codes);
  });

  it('limits lookups per address', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 9; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/public/v1/complaints/lookup',
        payload: {
          confirmationNumber: `OV-AAAA-AAAA-AA${String(i).padStart(2, '0')}`,
          passphrase: 'x',
        },
        remoteAddress: '10.5.5.5',
      });
      codes.push(res.statusCode);
    }
    expect(codes.slice(0, 8).every((c) => c === 404)).toBe(true);
    expect(codes[8]).toBe(429);
  });

  it('refuses malformed numbers and passphrases in a URL', async () => {
    expectInvalidFields(
      await t.app.inject({
        method: 'POST',
        url: '/api/public/v1/complaints/lookup',
        payload: { confirmationNumber: "OV-' OR 1=1 --", passphrase: 'x' },
        remoteAddress: '10.6.6.6',
      }),
      ['confirmationNumber'],
    );
    expectProblem(
      await t.app.inject({
        method: 'GET',
        url: '/api/public/v1/complaints/lookup?confirmationNumber=OV-AAAA-AAAA-AAAA&passphrase=x',
      }),
      404,
      'route_not_found',
    );
  });
});
