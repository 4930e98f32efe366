import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { approveNarrative, publishStatement } from './factories.ts';
import { testApp, type TestApp, type TestUser } from './test-app.ts';

/*
 * The leak test (issue 5 item 8): cases with every sensitive field filled are pushed through
 * every public route and both exports; none of the sensitive values may appear in any public
 * response, in any letter case.
 */

let t: TestApp;
let staff: Record<'intake' | 'sup' | 'chief' | 'pio' | 'admin' | 'biaIntake', TestUser>;
const logs: Record<'open' | 'closed' | 'restricted' | 'bia' | 'form', string> = {
  open: '',
  closed: '',
  restricted: '',
  bia: '',
  form: '',
};
let formReceipt: { confirmationNumber: string; passphrase: string };

/** Every value that identifies a person or a vulnerable group's location. */
const SENSITIVE = [
  'Dolores Quintanilla',
  'Quintanilla',
  '773-555-0187',
  '7735550187',
  'dolores.q@example.net',
  '4821 S Kedzie Ave',
  '1990-03-14',
  '03/14/1990',
  'Marisol Etxeberria',
  'Etxeberria',
  '312-555-0166',
  'marisol.e@example.org',
  'Refugio Luz del Norte',
  'Hermana Clotilde Arrieta',
  'Arrieta',
  '872-555-0123',
  'clotilde@refugioluz.example',
  'file and follow on her behalf only',
  'Leave no voicemail, she shares the phone',
  '10th District (Ogden)',
  '3315 W Ogden Ave',
  'Lobby used as a temporary shelter site',
  // the restricted case's narrative never leaves the staff side
  'sleeping on the lobby benches',
  'IL plate ZX 4471',
  // vulnerability flags and restriction reasons of individuals
  'shelter_resident',
  'limited_english',
  'vulnerable_party',
  'minor_party',
  'Pat Formfiler',
  'pat.formfiler@example.com',
  '708-555-0144',
  // an attached file's name and a marker inside its bytes
  'pat-formfiler-id-card.png',
  'ATTACHED-SECRET-7Q2',
];

const post = (who: TestUser, url: string, payload: object) =>
  t.as(who, { method: 'POST', url, payload });

async function ok(res: LightMyRequestResponse, status = 201): Promise<Record<string, unknown>> {
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
}

const fullParties = [
  {
    role: 'complainant',
    name: 'Dolores Quintanilla',
    phone: '773-555-0187',
    email: 'dolores.q@example.net',
    address: '4821 S Kedzie Ave',
    dateOfBirth: '1990-03-14',
    language: 'es',
    contactChannel: 'phone',
    contactSafety: { voicemailOk: false, notes: 'Leave no voicemail, she shares the phone' },
    vulnerabilities: ['limited_english', 'disability'],
  },
  {
    role: 'witness',
    name: 'Marisol Etxeberria',
    phone: '312-555-0166',
    email: 'marisol.e@example.org',
  },
  {
    role: 'intermediary',
    name: 'Hermana Clotilde Arrieta',
    organization: 'Refugio Luz del Norte',
    phone: '872-555-0123',
    email: 'clotilde@refugioluz.example',
    consentScope: 'file and follow on her behalf only',
  },
];

const narrative =
  'Dolores Quintanilla (773-555-0187, dolores.q@example.net, DOB 03/14/1990) of 4821 S Kedzie Ave ' +
  'states an officer pushed her. Her neighbor Marisol Etxeberria (312-555-0166) saw it. ' +
  'Hermana Clotilde Arrieta of Refugio Luz del Norte called 872-555-0123 to report it.';

beforeAll(async () => {
  t = await testApp();
  staff = {
    intake: await t.user('intake', 'COPA'),
    sup: await t.user('supervisor', 'COPA'),
    chief: await t.user('chief_administrator', 'COPA'),
    pio: await t.user('public_information', 'COPA'),
    admin: await t.user('admin', 'COPA'),
    biaIntake: await t.user('intake', 'BIA'),
  };
  await ok(
    await post(staff.admin, '/api/v1/facilities', {
      code: 'D010',
      name: '10th District (Ogden)',
      kind: 'district_station',
      district: '010',
      address: '3315 W Ogden Ave',
    }),
  );
  await ok(
    await post(staff.sup, '/api/v1/facilities/D010/shelter-periods', {
      startsOn: '2023-05-01',
      endsOn: '2023-11-15',
      note: 'Lobby used as a temporary shelter site',
    }),
  );
  const intake = (extra: Record<string, unknown>) =>
    post(staff.intake, '/api/v1/cases', {
      caseType: 'complaint',
      channel: 'intermediary',
      receivedAt: '2023-09-18T10:12:00-05:00',
      narrative,
      incident: {
        occurredAt: '2023-09-16T23:00:00-05:00',
        address: '4821 S Kedzie Ave',
        district: '010',
        facilityCode: 'D010',
      },
      categories: ['excessive_force'],
      parties: fullParties,
      ...extra,
    });
  logs.open = (await ok(await intake({}))).logNumber as string;
  logs.closed = (await ok(await intake({}))).logNumber as string;
  // concluded: its narrative is published, redacted
  for (const step of [
    { to: 'preliminary' },
    { to: 'closed_no_finding', reason: 'no_victim_or_witness_identified' },
  ]) {
    await ok(await post(staff.sup, `/api/v1/cases/${logs.closed}/transitions`, step), 200);
  }
  // published only once a person approved the proposed redaction (issue 17 item 5)
  await approveNarrative(t, staff.pio, logs.closed);
  logs.restricted = (
    await ok(
      await intake({
        categories: ['sexual_misconduct'],
        narrative:
          'A woman sleeping on the lobby benches was approached by an officer; a car with IL plate ZX 4471 was seen. ' +
          narrative,
        parties: [
          {
            ...fullParties[0],
            vulnerabilities: ['shelter_resident', 'minor', 'limited_english'],
          },
          ...fullParties.slice(1),
        ],
      }),
    )
  ).logNumber as string;
  logs.bia = (
    await ok(
      await intake({
        categories: ['operational_violation'],
        parties: fullParties,
      }),
    )
  ).logNumber as string;
  for (const log of [logs.open, logs.closed, logs.restricted]) {
    await publishStatement(
      t,
      { author: staff.pio, reviewer: staff.chief },
      {
        logNumbers: [log],
        en: 'The allegations are under investigation by COPA.',
        es: 'Las denuncias están siendo investigadas por COPA.',
      },
    );
  }
  // a draft must not be published
  await ok(
    await post(staff.pio, `/api/v1/cases/${logs.open}/statements`, {
      language: 'en',
      text: 'DRAFT about Dolores Quintanilla',
    }),
  );
  const filed = await t.app.inject({
    method: 'POST',
    url: '/api/public/v1/complaints',
    payload: {
      language: 'es',
      narrative: 'Pat Formfiler fue detenido. Llamar al 708-555-0144.',
      categories: ['verbal_abuse'],
      anonymous: false,
      contact: { name: 'Pat Formfiler', email: 'pat.formfiler@example.com', phone: '708-555-0144' },
      aboutPerson: { shelterResident: true },
      filedBy: 'intermediary',
      intermediary: {
        organization: 'Refugio Luz del Norte',
        name: 'Hermana Clotilde Arrieta',
        consentScope: 'file and follow on her behalf only',
        phone: '872-555-0123',
      },
      files: [
        {
          name: 'pat-formfiler-id-card.png',
          data: Buffer.concat([
            Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
            Buffer.from('ATTACHED-SECRET-7Q2'),
          ]).toString('base64'),
        },
      ],
    },
  });
  const f = await ok(filed);
  logs.form = f.logNumber as string;
  formReceipt = {
    confirmationNumber: f.confirmationNumber as string,
    passphrase: f.passphrase as string,
  };
});
afterAll(async () => t.close());

/** Every public response a visitor can get about these cases. */
async function everyPublicResponse(): Promise<Array<{ url: string; body: string }>> {
  const urls = [
    '/api/public/v1/cases',
    '/api/public/v1/cases?pageSize=100',
    '/api/public/v1/cases?year=2023',
    '/api/public/v1/cases?category=sexual_misconduct',
    '/api/public/v1/cases?category=excessive_force',
    '/api/public/v1/cases?status=intake',
    '/api/public/v1/cases?logNumber=2023',
    ...Object.values(logs).map((l) => `/api/public/v1/cases/${l}`),
    '/api/public/v1/stats',
    '/api/public/v1/stats?yearFrom=2023&yearTo=2023',
    '/api/public/v1/stats?agency=COPA',
    '/api/public/v1/stats?category=sexual_misconduct',
    '/api/public/v1/statements',
    '/api/public/v1/statements?language=en',
    '/api/public/v1/export.csv',
    '/api/public/v1/export.json',
    '/api/public/v1/export.csv?year=2023',
    '/api/public/v1/export/dictionary',
  ];
  const out: Array<{ url: string; body: string }> = [];
  for (const url of urls) {
    const res = await t.app.inject({ method: 'GET', url });
    expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
    out.push({ url, body: res.body });
  }
  const lookup = await t.app.inject({
    method: 'POST',
    url: '/api/public/v1/complaints/lookup',
    payload: formReceipt,
  });
  expect(lookup.statusCode, lookup.body).toBe(200);
  out.push({ url: 'POST /complaints/lookup', body: lookup.body });
  return out;
}

describe('public leak test', () => {
  it('no sensitive value appears in any public response or export', async () => {
    const responses = await everyPublicResponse();
    const ciphertexts = (
      await t.db.query<{ identity_enc: string }>(
        `SELECT identity_enc FROM parties WHERE identity_enc IS NOT NULL`,
      )
    ).map((r) => r.identity_enc);
    expect(ciphertexts.length).toBeGreaterThan(10);
    const hashes = (
      await t.db.query<{ passphrase_hash: string }>(
        `SELECT passphrase_hash FROM complaint_receipts`,
      )
    ).map((r) => r.passphrase_hash);
    for (const { url, body } of responses) {
      const lower = body.toLowerCase();
      for (const value of [...SENSITIVE, ...ciphertexts, ...hashes, formReceipt.passphrase]) {
        expect(lower.includes(value.toLowerCase()), `${url} leaks "${value}"`).toBe(false);
      }
    }
  });

  it('the responses did carry the cases (the test would see a leak if there were one)', async () => {
    const closed = (
      await t.app.inject({ method: 'GET', url: `/api/public/v1/cases/${logs.closed}` })
    ).json<{
      visibility: string;
      narrative: { text: string; redactions: Array<{ kind: string; basis: string }> } | null;
      district: string | null;
      statements: unknown[];
    }>();
    expect(closed.visibility).toBe('full');
    expect(closed.narrative?.text).toContain('states an officer pushed her');
    expect(closed.narrative?.redactions.length).toBeGreaterThanOrEqual(6);
    expect(closed.narrative?.redactions.every((r) => r.basis.length > 20)).toBe(true);
    // a vulnerable party is on the case: not even the district
    expect(closed.district).toBeNull();
    expect(closed.statements).toHaveLength(2);
    const restricted = (
      await t.app.inject({ method: 'GET', url: `/api/public/v1/cases/${logs.restricted}` })
    ).json<Record<string, unknown>>();
    expect(Object.keys(restricted).sort()).toEqual(
      [
        'agencies',
        'categories',
        'dutyStatus',
        'logNumber',
        'statements',
        'status',
        'visibility',
      ].sort(),
    );
    expect(restricted.categories).toEqual(['sexual_misconduct']);
    const bia = (
      await t.app.inject({ method: 'GET', url: `/api/public/v1/cases/${logs.bia}` })
    ).json<Record<string, unknown>>();
    expect(Object.keys(bia).sort()).toEqual(
      ['logNumber', 'statements', 'status', 'visibility'].sort(),
    );
    const csv = (await t.app.inject({ method: 'GET', url: '/api/public/v1/export.csv' })).body;
    expect(csv).toContain(logs.closed);
    expect(csv).toContain(logs.form);
  });
});
