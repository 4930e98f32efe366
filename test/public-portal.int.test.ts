import Fastify from 'fastify';
import { Window, type Document, type Element } from 'happy-dom';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ComplaintLookupResponse,
  PublicCaseListResponse,
  PublicCaseOut,
  PublicComplaintResponse,
  PublicOfficeResponse,
  PublicStatementsResponse,
  PublicStatsResponse,
} from '../src/shared/schemas/public.ts';
import { EXPORT_COLUMNS } from '../src/server/commands/export-open-data.ts';
import { listPublicCases } from '../src/server/repositories/portal-cases.repository.ts';
import { testApp, type TestApp, type TestUser } from './test-app.ts';
import { TEST_JURISDICTION } from './test-db.ts';
import { addMember, buildIntake, walk } from './factories.ts';
import { expectInvalidFields, expectProblem } from './http.ts';

let clock = new Date('2019-06-01T15:00:00Z');
let t: TestApp;
let chief: TestUser;
let biaIntake: TestUser;
let pio: TestUser;
let oldCase = '';
let restricted = '';
let biaOnly = '';

const post = (who: TestUser, url: string, payload: object) =>
  t.as(who, { method: 'POST', url, payload });
const get = (url: string) => t.app.inject({ method: 'GET', url });

async function intake(who: TestUser, overrides: Parameters<typeof buildIntake>[0]) {
  const res = await post(who, '/api/v1/cases', buildIntake(overrides));
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ logNumber: string }>().logNumber;
}

interface StatsBody {
  totalCases: { count: number | null; partial: boolean };
  casesByCategory: Array<{ key: string; count: number | null; partial: boolean }>;
  casesByYear: Array<{ key: string; count: number | null; partial: boolean }>;
  suppressedCells: number;
  threshold: number;
}

beforeAll(async () => {
  t = await testApp({ now: () => clock });
  chief = await t.user('chief_administrator', 'COPA');
  biaIntake = await t.user(['intake', 'chief_administrator'], 'BIA');
  pio = await t.user('public_information', 'COPA');
  // a 2019 case with sustained discipline, closed in 2019
  oldCase = await intake(chief, { receivedAt: '2019-05-01T10:00:00-05:00' });
  const member = await addMember(t, chief);
  const a = await post(chief, `/api/v1/cases/${oldCase}/allegations`, {
    memberId: member.id,
    category: 'excessive_force',
    summary: 'Pushed the complainant.',
  });
  expect(a.statusCode, a.body).toBe(201);
  // findings exist once the case is investigated, a final one from department review on
  // (issue 15 defect 2); they are public once the case is final
  await walk(t, chief, oldCase, [
    { to: 'preliminary' },
    { to: 'investigation' },
    { to: 'review' },
    { to: 'department_review' },
  ]);
  const f = await t.as(chief, {
    method: 'PATCH',
    url: `/api/v1/cases/${oldCase}/allegations/${a.json<{ id: string }>().id}`,
    payload: {
      recommendedFinding: 'sustained',
      recommendedPenalty: '010',
      finalFinding: 'sustained',
      finalPenalty: '010',
    },
  });
  expect(f.statusCode, f.body).toBe(200);
  await walk(t, chief, oldCase, [{ to: 'final' }]);
  clock = new Date('2023-09-20T15:00:00Z');
  restricted = await intake(chief, {
    receivedAt: '2023-09-18T10:00:00-05:00',
    categories: ['sexual_misconduct'],
  });
  biaOnly = await intake(biaIntake, {
    receivedAt: '2023-09-18T11:00:00-05:00',
    categories: ['operational_violation'],
  });
  // statistics material: 6 excessive-force cases in 2023, 2 in 2022 (a cell under 5)
  for (let i = 0; i < 6; i++) {
    await intake(chief, { receivedAt: '2023-03-01T10:00:00-06:00' });
  }
  for (let i = 0; i < 2; i++) {
    await intake(chief, { receivedAt: '2022-03-01T10:00:00-06:00' });
  }
  for (let i = 0; i < 7; i++) {
    await intake(chief, { receivedAt: '2022-04-01T10:00:00-05:00', categories: ['verbal_abuse'] });
  }
});
afterAll(async () => t.close());

describe('GET /api/public/v1/cases', () => {
  it('lists every case at its visibility level, newest log number first', async () => {
    const res = await get('/api/public/v1/cases?pageSize=100');
    expect(res.statusCode).toBe(200);
    const body = res.json<z.infer<typeof PublicCaseListResponse>>();
    expect(body.total).toBe(18);
    const byLog = new Map(body.items.map((i) => [i.logNumber, i]));
    expect(byLog.get(biaOnly)).toEqual({
      logNumber: biaOnly,
      visibility: 'status_only',
      status: 'intake',
    });
    expect(byLog.get(restricted)).toEqual({
      logNumber: restricted,
      visibility: 'category_and_status',
      status: 'intake',
      categories: ['sexual_misconduct'],
    });
    expect(byLog.get(oldCase)).toMatchObject({
      visibility: 'full',
      receivedDate: '2019-05-01',
      leadAgency: 'COPA',
    });
    const logs = body.items.map((i) => i.logNumber);
    expect(logs).toEqual([...logs].sort().reverse());
  });

  it('cuts the same pages from the index as from the matches sorted in memory', async () => {
    for (const filters of [
      {},
      { status: 'intake' },
      { year: 2023 },
      { category: 'excessive_force' },
    ]) {
      for (const page of [1, 2, 3]) {
        const q = {
          ...filters,
          page,
          pageSize: 4,
          timeZone: 'America/Chicago',
          oversightAgency: 'COPA',
        };
        const inMemory = await listPublicCases(t.db, TEST_JURISDICTION, q);
        const fromIndex = await listPublicCases(t.db, TEST_JURISDICTION, {
          ...q,
          sortInMemoryUpTo: 0,
        });
        expect(fromIndex).toEqual(inMemory);
      }
    }
    const all = await listPublicCases(t.db, TEST_JURISDICTION, {
      page: 1,
      pageSize: 100,
      timeZone: 'America/Chicago',
      oversightAgency: 'COPA',
    });
    expect(all.rows.length).toBe(18);
  });

  it('filters never reveal what a case page withholds', async () => {
    const year = (await get('/api/public/v1/cases?year=2023&pageSize=100')).json<{
      items: Array<{ logNumber: string }>;
    }>();
    // restricted and BIA-only cases do not publish their date, so a year filter cannot find them
    expect(year.items.map((i) => i.logNumber)).not.toContain(restricted);
    expect(year.items.map((i) => i.logNumber)).not.toContain(biaOnly);
    expect(year.items).toHaveLength(6);
    const cat = (await get('/api/public/v1/cases?category=operational_violation')).json<{
      total: number;
    }>();
    expect(cat.total).toBe(0); // the BIA-only case's category is not public
    const sm = (await get('/api/public/v1/cases?category=sexual_misconduct')).json<{
      total: number;
    }>();
    expect(sm.total).toBe(1);
    const prefix = (await get(`/api/public/v1/cases?logNumber=${biaOnly}`)).json<{
      total: number;
    }>();
    expect(prefix.total).toBe(1);
  });

  it('answers problem+json for bad queries and unknown cases', async () => {
    expectInvalidFields(await get('/api/public/v1/cases?pageSize=1000'), ['querystring.pageSize']);
    expectInvalidFields(await get('/api/public/v1/cases?q=name'), ['querystring.q']);
    expectInvalidFields(await get('/api/public/v1/cases?logNumber=%3Cscript%3E'), [
      'querystring.logNumber',
    ]);
    expectProblem(await get('/api/public/v1/cases/2023-9999999'), 404, 'case_not_found');
    expectInvalidFields(await get('/api/public/v1/cases/not-a-log'), ['params.logNumber']);
  });
});

describe('GET /api/public/v1/cases/{logNumber}', () => {
  it('withholds discipline older than 4 years (820 ILCS 40/8) and releases it within', async () => {
    clock = new Date('2021-01-01T15:00:00Z');
    const recent = (await get(`/api/public/v1/cases/${oldCase}`)).json<
      z.infer<typeof PublicCaseOut>
    >();
    expect(recent.allegations?.[0]).toMatchObject({
      finalFinding: 'sustained',
      penalty: '010',
      penaltyWithheld: null,
    });
    clock = new Date('2026-11-28T15:00:00Z');
    const old = (await get(`/api/public/v1/cases/${oldCase}`)).json<
      z.infer<typeof PublicCaseOut>
    >();
    expect(old.allegations?.[0]).toMatchObject({ finalFinding: 'sustained', penalty: null });
    expect(old.allegations?.[0]?.penaltyWithheld).toContain('820 ILCS 40/8');
    expect(old.allegations?.[0]?.penaltyWithheldEs).toMatch(
      /^Las sanciones disciplinarias de más de 4 años no se divulgan .*820 ILCS 40\/8/,
    );
    clock = new Date('2023-09-20T15:00:00Z');
  });

  it('publishes no narrative of an open investigation', async () => {
    const open = (await get(`/api/public/v1/cases?status=intake&year=2023&pageSize=1`)).json<{
      items: Array<{ logNumber: string }>;
    }>().items[0]!.logNumber;
    const page = (await get(`/api/public/v1/cases/${open}`)).json<z.infer<typeof PublicCaseOut>>();
    expect(page.narrative).toBeNull();
    expect(page.narrativeWithheld).toBe('open_investigation');
  });
});

describe('GET /api/public/v1/stats', () => {
  it('suppresses the 2022 excessive-force cell and a differencing attack recovers nothing', async () => {
    const all = (await get('/api/public/v1/stats')).json<StatsBody>();
    expect(all.threshold).toBe(5);
    const force = (s: StatsBody) => s.casesByCategory.find((c) => c.key === 'excessive_force')!;
    const y2023 = (await get('/api/public/v1/stats?yearFrom=2023&yearTo=2023')).json<StatsBody>();
    const y2022 = (await get('/api/public/v1/stats?yearFrom=2022&yearTo=2022')).json<StatsBody>();
    const upTo2022 = (await get('/api/public/v1/stats?yearTo=2022')).json<StatsBody>();
    const copa = (
      await get('/api/public/v1/stats?agency=COPA&category=excessive_force')
    ).json<StatsBody>();
    // the 2022 cell (2 cases) is suppressed, not shown as a number
    expect(force(y2022)).toEqual({ key: 'excessive_force', count: null, partial: true });
    expect(y2022.suppressedCells).toBeGreaterThan(0);
    // the attack: all years minus 2023 minus the rest should give the hidden 2022 count (2)
    const overall = force(all).count!;
    const recovered = overall - force(y2023).count! - (force(upTo2022).count ?? 0);
    expect(recovered).not.toBe(2);
    // published figures hold only published cells: the difference is 0, whatever is hidden
    expect(recovered).toBe(0);
    expect(copa.totalCases).toEqual({ key: 'total', count: 6, partial: true });
  });

  it('refuses bad filters with problem+json', async () => {
    expectInvalidFields(await get('/api/public/v1/stats?yearFrom=2024&yearTo=2020'), [
      'querystring.yearFrom',
    ]);
    expectInvalidFields(await get('/api/public/v1/stats?agency=OIG'), ['querystring.agency']);
    expectInvalidFields(await get('/api/public/v1/stats?groupBy=name'), ['querystring.groupBy']);
  });
});

describe('GET /api/public/v1/statements', () => {
  let en = '';
  let es = '';
  /** A reviewed, published pair about `logNumbers` (none: office-wide). */
  async function publishedPair(logNumbers: string[], english: string, spanish: string) {
    const first = await post(pio, '/api/v1/statements', {
      language: 'en',
      text: english,
      logNumbers,
    });
    expect(first.statusCode, first.body).toBe(201);
    const second = await post(pio, '/api/v1/statements', {
      language: 'es',
      text: spanish,
      translationOf: first.json<{ id: string }>().id,
    });
    expect(second.statusCode, second.body).toBe(201);
    const ids = [first, second].map((r) => r.json<{ id: string }>().id);
    for (const id of ids) {
      expect((await post(chief, `/api/v1/statements/${id}/review`, {})).statusCode).toBe(200);
    }
    const p = await post(pio, `/api/v1/statements/${ids[0]!}/publish`, {});
    expect(p.statusCode, p.body).toBe(200);
    return { en: ids[0]!, es: ids[1]! };
  }

  it('lists published statements only, newest first, by language', async () => {
    ({ en, es } = await publishedPair(
      [restricted],
      'The allegations are under investigation by BIA and COPA.',
      'Las denuncias están siendo investigadas por BIA y COPA.',
    ));
    await post(pio, `/api/v1/cases/${restricted}/statements`, { language: 'en', text: 'draft' });
    clock = new Date(clock.getTime() + 60_000);
    await publishedPair([], 'Office <policy> & "press"', 'Política de la oficina <y> & "prensa"');
    const all = (await get('/api/public/v1/statements')).json<
      z.infer<typeof PublicStatementsResponse>
    >();
    expect(all.total).toBe(4);
    expect(all.items.map((i) => i.text)).not.toContain('draft');
    // newest first: the office-wide pair, then the case's
    expect(all.items.map((i) => i.logNumbers)).toEqual([[], [], [restricted], [restricted]]);
    const spanish = (await get('/api/public/v1/statements?language=es')).json<
      z.infer<typeof PublicStatementsResponse>
    >();
    expect(spanish.items).toHaveLength(2);
    expect(spanish.items[1]).toMatchObject({
      id: es,
      logNumbers: [restricted],
      translationOf: en,
      translationId: en,
    });
    expectInvalidFields(await get('/api/public/v1/statements?language=fr'), [
      'querystring.language',
    ]);
  });

  it('filters by case, and shows a case’s statements on its page (restricted included, as before)', async () => {
    const byCase = (await get(`/api/public/v1/statements?logNumber=${restricted}`)).json<
      z.infer<typeof PublicStatementsResponse>
    >();
    expect(byCase.items.map((i) => i.id).sort()).toEqual([en, es].sort());
    const other = (await get(`/api/public/v1/statements?logNumber=${oldCase}`)).json<
      z.infer<typeof PublicStatementsResponse>
    >();
    expect(other).toEqual({ items: [], total: 0 });
    const page = (await get(`/api/public/v1/cases/${restricted}`)).json<
      z.infer<typeof PublicCaseOut>
    >();
    expect(page.statements.map((s) => s.id).sort()).toEqual([en, es].sort());
  });

  it('serves the same statements as a valid Atom 1.0 feed, text escaped, filterable', async () => {
    const res = await get('/api/public/v1/statements.atom');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect(res.body).not.toContain('<policy>');
    const feed = parseXml(res.body);
    const root = feed.documentElement;
    expect(feed.getElementsByTagName('parsererror')).toHaveLength(0);
    expect([root.localName, root.namespaceURI]).toEqual(['feed', 'http://www.w3.org/2005/Atom']);
    // RFC 4287 §4.1.1: a feed has one id, title and updated
    for (const name of ['id', 'title', 'updated']) {
      expect(childrenNamed(root, name)).toHaveLength(1);
    }
    expect(childrenNamed(root, 'id')[0]?.textContent).toBe(
      'http://localhost:80/api/public/v1/statements.atom',
    );
    const entries = childrenNamed(root, 'entry');
    expect(entries).toHaveLength(4);
    const first = entries[0]!;
    expect(first.getAttribute('xml:lang')).toBe('en');
    expect(childrenNamed(first, 'content')[0]?.textContent).toBe('Office <policy> & "press"');
    for (const entry of entries) {
      for (const name of ['id', 'title', 'updated']) {
        expect(childrenNamed(entry, name), name).toHaveLength(1);
      }
      expect(childrenNamed(entry, 'id')[0]?.textContent).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
      expect(Date.parse(childrenNamed(entry, 'updated')[0]!.textContent)).not.toBeNaN();
    }
    const filtered = parseXml(
      (await get(`/api/public/v1/statements.atom?language=es&logNumber=${restricted}`)).body,
    );
    const only = childrenNamed(filtered.documentElement, 'entry');
    expect(only.map((e) => childrenNamed(e, 'id')[0]?.textContent)).toEqual([`urn:uuid:${es}`]);
    expect(childrenNamed(only[0]!, 'category')[0]?.getAttribute('term')).toBe(restricted);
    expectInvalidFields(await get('/api/public/v1/statements.atom?language=fr'), [
      'querystring.language',
    ]);
  });
});

function parseXml(xml: string): Document {
  return new new Window().DOMParser().parseFromString(xml, 'application/xml');
}

function childrenNamed(parent: Element, name: string): Element[] {
  return [...parent.children].filter((c) => c.localName === name);
}

describe('open-data export', () => {
  it('streams CSV and JSON with the documented columns, one row per case and per allegation', async () => {
    const csv = await get('/api/public/v1/export.csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.body.trimEnd().split('\r\n');
    expect(lines[0]).toBe(EXPORT_COLUMNS.map((c) => c.name).join(','));
    expect(lines).toHaveLength(1 + 18 + 1); // header, 18 cases, 1 allegation
    const json = (await get('/api/public/v1/export.json')).json<Array<Record<string, string>>>();
    expect(json).toHaveLength(19);
    const bia = json.find((r) => r.log_number === biaOnly)!;
    expect(bia).toMatchObject({ visibility: 'status_only', categories: '', received_date: '' });
    const allegation = json.find((r) => r.record_type === 'allegation')!;
    expect(allegation).toMatchObject({
      log_number: oldCase,
      allegation_category: 'excessive_force',
    });
    const dict = (await get('/api/public/v1/export/dictionary')).json<{
      columns: Array<{ name: string; description: string; descriptionEs: string }>;
      penalties: Array<{ code: string; label: string; labelEs: string }>;
    }>();
    expect(dict.columns.map((c) => c.name)).toEqual(Object.keys(json[0]!));
    // every column in English and Spanish, code spans closed, and a legend of the penalty codes
    // (issue 23 items 12, 13)
    for (const c of dict.columns) {
      expect(c.descriptionEs, c.name).not.toBe(c.description);
      expect(c.description.split('`').length % 2, c.name).toBe(1);
      expect(c.descriptionEs.split('`').length % 2, c.name).toBe(1);
    }
    expect(dict.penalties).toContainEqual({
      code: '100',
      label: 'Reprimand',
      labelEs: 'Amonestación',
    });
    expectInvalidFields(await get('/api/public/v1/export.csv?year=abc'), ['querystring.year']);
  });
});

/** Adds an undeclared field at the top and in every nested object and array element. */
function withExtras(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(withExtras);
  }
  if (value !== null && typeof value === 'object') {
    return {
      ...Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withExtras(v)])),
      undeclaredSecret: 'Dolores Quintanilla 773-555-0187',
    };
  }
  return value;
}

describe('response schemas strip undeclared fields, per public route', () => {
  it('sends nothing a schema does not declare', async () => {
    const filed = await t.app.inject({
      method: 'POST',
      url: '/api/public/v1/complaints',
      payload: { language: 'en', narrative: 'It happened.', anonymous: true },
    });
    const receipt = filed.json<{ confirmationNumber: string; passphrase: string }>();
    const lookup = await t.app.inject({
      method: 'POST',
      url: '/api/public/v1/complaints/lookup',
      payload: { confirmationNumber: receipt.confirmationNumber, passphrase: receipt.passphrase },
    });
    expect(lookup.statusCode, lookup.body).toBe(200);
    const samples: Array<[string, z.ZodType, unknown]> = [
      ['POST /complaints', PublicComplaintResponse, filed.json()],
      ['POST /complaints/lookup', ComplaintLookupResponse, lookup.json()],
      ['GET /cases', PublicCaseListResponse, (await get('/api/public/v1/cases')).json()],
      [
        'GET /cases/{logNumber}',
        PublicCaseOut,
        (await get(`/api/public/v1/cases/${oldCase}`)).json(),
      ],
      ['GET /stats', PublicStatsResponse, (await get('/api/public/v1/stats')).json()],
      ['GET /office', PublicOfficeResponse, (await get('/api/public/v1/office')).json()],
      [
        'GET /statements',
        PublicStatementsResponse,
        (await get('/api/public/v1/statements')).json(),
      ],
    ];
    for (const [name, schema, sample] of samples) {
      const probe = Fastify();
      probe.setValidatorCompiler(validatorCompiler);
      probe.setSerializerCompiler(serializerCompiler);
      probe.get('/', { schema: { response: { 200: schema } } }, () => withExtras(sample));
      const res = await probe.inject({ method: 'GET', url: '/' });
      expect(res.statusCode, `${name}: ${res.body}`).toBe(200);
      expect(res.body, name).not.toContain('undeclaredSecret');
      expect(res.json(), name).toEqual(sample);
      await probe.close();
    }
  });
});
