import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app.ts';
import { openPostgres, type Db } from '../src/server/db/client.ts';
import { chicagoProfile } from '../src/server/domain/profiles/chicago.ts';
import { approveNarrative, fileCase, walk } from './factories.ts';
import { testApp, type TestApp, type TestUser } from './test-app.ts';
import { TEST_JURISDICTION } from './test-db.ts';

/*
 * The public door at spike speed (issue 21 item 1, ADR 0037): answers are computed once per change
 * of what is public and carry ETag and Cache-Control; the stored answers are forgotten the moment
 * publication changes, on this app server and on another sharing the database. Both engines: on
 * PostgreSQL the second instance has its own connections and hears the change through LISTEN.
 */

const MARKER = 'teal bicycle';

let t: TestApp;
let intake: TestUser;
let sup: TestUser;
let pio: TestUser;
let log = '';
/** A second app server on the same database. */
let other: FastifyInstance;
let otherDb: Db | undefined;

const page = (app: FastifyInstance, logNumber: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'GET', url: `/api/public/v1/cases/${logNumber}`, headers });

beforeAll(async () => {
  // statistics kept a minute, as a server keeps them (the tests' default recomputes each time)
  t = await testApp({ publicPortal: { statsTtlMs: 60_000 } });
  intake = await t.user('intake', 'COPA');
  sup = await t.user('supervisor', 'COPA');
  pio = await t.user('public_information', 'COPA');
  log = await fileCase(t, intake, {
    narrative: `The complainant states an officer knocked over her ${MARKER} on the sidewalk.`,
  });
  await walk(t, sup, log, [
    { to: 'preliminary' },
    { to: 'closed_no_finding', reason: 'no_victim_or_witness_identified' },
  ]);
  await approveNarrative(t, pio, log);
  otherDb = t.url ? openPostgres(t.url) : undefined;
  other = await buildApp({
    checkResponses: true,
    db: otherDb ?? t.db,
    cipher: t.cipher,
    profile: chicagoProfile,
    jurisdiction: TEST_JURISDICTION,
    logLevel: 'silent',
    publicPortal: { statsTtlMs: 60_000 },
  });
});

afterAll(async () => {
  await other.close();
  await otherDb?.close();
  await t.close();
});

describe('public answers for browsers and CDNs', () => {
  const urls = () => [
    `/api/public/v1/cases/${log}`,
    '/api/public/v1/cases',
    `/api/public/v1/cases?logNumber=${log}`,
    '/api/public/v1/stats',
    '/api/public/v1/statements',
    '/api/public/v1/statements.atom',
  ];

  it('carry an ETag and a public, short Cache-Control; a matching If-None-Match gets 304', async () => {
    for (const url of urls()) {
      const first = await t.app.inject({ method: 'GET', url });
      expect(first.statusCode, `${url}: ${first.body}`).toBe(200);
      expect(first.headers['content-type']).toMatch(
        url.endsWith('.atom') ? /^application\/atom\+xml/ : /^application\/json/,
      );
      expect(first.headers['cache-control']).toBe('public, max-age=10, stale-while-revalidate=20');
      const etag = String(first.headers.etag);
      expect(etag, url).toMatch(/^"[\w-]+"$/);
      const again = await t.app.inject({
        method: 'GET',
        url,
        headers: { 'if-none-match': `W/"other", ${etag}` },
      });
      expect(again.statusCode, url).toBe(304);
      expect(again.body).toBe('');
      expect(again.headers.etag).toBe(etag);
      const stale = await t.app.inject({
        method: 'GET',
        url,
        headers: { 'if-none-match': '"not-this-one"' },
      });
      expect(stale.statusCode, url).toBe(200);
    }
  });

  it('are computed once and then served from the store, the same bytes on every app server', async () => {
    const first = await page(t.app, log);
    const before = t.app.publication.stats();
    const second = await page(t.app, log);
    expect(t.app.publication.stats().hits).toBe(before.hits + 1);
    expect(second.body).toBe(first.body);
    expect(first.json<{ narrative: { text: string } }>().narrative.text).toContain(MARKER);
    const elsewhere = await page(other, log);
    expect(elsewhere.headers.etag).toBe(first.headers.etag);
  });

  it('an unknown case is a 404 problem, not a stored answer', async () => {
    const res = await page(t.app, '1999-0000001');
    expect(res.statusCode).toBe(404);
    expect(res.headers['cache-control']).toBeUndefined();
  });
});

describe('a change of what is public is seen at once', () => {
  it('a narrative changed outside any command (an import) withdraws the approved text everywhere', async () => {
    // both servers hold the page with the approved narrative
    for (const app of [t.app, other]) {
      expect((await page(app, log)).body).toContain(MARKER);
      expect((await page(app, log)).body).toContain(MARKER);
    }
    const heard = other.publication.nextChange();
    await t.db.query(
      `UPDATE cases SET narrative = narrative || ' Updated by the source.' WHERE log_number = $1`,
      [log],
    );
    // this server: the very next request
    const here = await page(t.app, log);
    expect(here.body).not.toContain(MARKER);
    expect(here.json<{ narrativeWithheld: string }>().narrativeWithheld).toBe('not_reviewed');
    // the other server, once the database has told it (no clock involved)
    await heard;
    const there = await page(other, log);
    expect(there.body).not.toContain(MARKER);
    expect(there.headers.etag).toBe(here.headers.etag);
  });

  it('a case turning restricted leaves the page, the list and the search at once, on both servers', async () => {
    await approveNarrative(t, pio, log);
    const search = `/api/public/v1/cases?logNumber=${log}`;
    for (const app of [t.app, other]) {
      expect((await page(app, log)).body).toContain(MARKER);
      const listed = await app.inject({ method: 'GET', url: search });
      expect(listed.json<{ items: Array<{ visibility: string }> }>().items[0]?.visibility).toBe(
        'full',
      );
    }
    const heard = other.publication.nextChange();
    // a shelter resident makes the case restricted (docs/domain.md "Restriction")
    const added = await t.as(intake, {
      method: 'POST',
      url: `/api/v1/cases/${log}/parties`,
      payload: {
        role: 'victim',
        name: 'Rosalind Shelterperson',
        vulnerabilities: ['shelter_resident'],
      },
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json<{ restricted: boolean }>().restricted).toBe(true);
    const check = async (app: FastifyInstance): Promise<void> => {
      const res = await page(app, log);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.body).not.toContain(MARKER);
      expect(res.json<{ visibility: string }>().visibility).not.toBe('full');
      const listed = await app.inject({ method: 'GET', url: search });
      expect(listed.body).not.toContain(MARKER);
      expect(listed.json<{ items: Array<{ visibility: string }> }>().items[0]?.visibility).not.toBe(
        'full',
      );
    };
    await check(t.app);
    await heard;
    await check(other);
  });

  it('a new case reaches the statistics and the list on the next request', async () => {
    const count = async (app: FastifyInstance): Promise<number> =>
      (await app.inject({ method: 'GET', url: '/api/public/v1/cases' })).json<{ total: number }>()
        .total;
    const before = await count(t.app);
    expect(await count(other)).toBe(before);
    const heard = other.publication.nextChange();
    await fileCase(t, intake, {});
    expect(await count(t.app)).toBe(before + 1);
    await heard;
    expect(await count(other)).toBe(before + 1);
  });
});
