import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from './test-app.ts';
import { auditRows, expectInvalidFields, expectProblem } from './http.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  await t.close();
});

interface Filed {
  confirmationNumber: string;
  passphrase: string;
  logNumber: string;
  language: string;
  investigatingAgency: string;
  acknowledgement: string;
  receivesLetters: boolean;
}

async function lookup(filed: Filed): Promise<{
  nextClock: { kind: string } | null;
  receivesLetters: boolean;
}> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/public/v1/complaints/lookup',
    payload: { confirmationNumber: filed.confirmationNumber, passphrase: filed.passphrase },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function file(payload: Record<string, unknown>): Promise<Filed> {
  const res = await t.app.inject({ method: 'POST', url: '/api/public/v1/complaints', payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Filed>();
}

describe('POST /api/public/v1/complaints', () => {
  it('files a Spanish complaint by an intermediary through the staff intake', async () => {
    const filed = await file({
      language: 'es',
      narrative: 'Un oficial tocó a una mujer que dormía en el vestíbulo de la estación.',
      categories: ['sexual_misconduct'],
      anonymous: true,
      aboutPerson: { shelterResident: true, limitedEnglish: true },
      filedBy: 'intermediary',
      intermediary: {
        organization: 'Refugio Esperanza',
        name: 'Ana Voluntaria',
        consentScope: 'presentar la queja y recibir noticias',
        phone: '312-555-0142',
      },
    });
    expect(filed.confirmationNumber).toMatch(/^OV-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    // seven Spanish words a person can read aloud (ADR 0027), e.g. "ábaco-lince-…"
    expect(filed.passphrase).toMatch(/^\p{Ll}+(-\p{Ll}+){6}$/u);
    expect(filed.investigatingAgency).toBe('COPA');
    expect(filed.acknowledgement).toContain('Recibimos su queja');
    expect(filed.acknowledgement).toContain('COPA');
    const [c] = await t.db.query<{
      id: string;
      channel: string;
      restricted: boolean;
      created_by: string | null;
    }>(`SELECT id, channel, restricted, created_by FROM cases WHERE log_number = $1`, [
      filed.logNumber,
    ]);
    expect(c).toMatchObject({ channel: 'intermediary', restricted: true, created_by: null });
    const parties = await t.db.query<{
      role: string;
      identity_enc: string | null;
      consent_scope: string | null;
    }>(`SELECT role, identity_enc, consent_scope FROM parties WHERE case_id = $1 ORDER BY role`, [
      c!.id,
    ]);
    expect(parties.map((p) => p.role)).toEqual(['complainant', 'intermediary']);
    expect(parties[1]!.identity_enc).not.toContain('Ana');
    const [receipt] = await t.db.query<{ passphrase_hash: string }>(
      `SELECT passphrase_hash FROM complaint_receipts WHERE case_id = $1`,
      [c!.id],
    );
    expect(receipt!.passphrase_hash).toMatch(/^\$argon2id\$/);
    expect(receipt!.passphrase_hash).not.toContain(filed.passphrase);
    const audit = await auditRows(t.db, 'case.filed', filed.logNumber);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor_name).toBe('system');
    expect(audit[0]!.changes).toMatchObject({ source: 'public_form' });
    const deadlines = await t.db.query(`SELECT kind FROM deadlines WHERE case_id = $1`, [c!.id]);
    expect(deadlines.length).toBeGreaterThan(0);
  });

  it('follows the complaint with the passphrase and adds information', async () => {
    const filed = await file({
      language: 'en',
      narrative: 'An officer pushed me at a traffic stop.',
      categories: ['excessive_force'],
      anonymous: false,
      contact: { name: 'Pat Example', email: 'pat@example.org' },
    });
    const lookup = await t.app.inject({
      method: 'POST',
      url: '/api/public/v1/complaints/lookup',
      payload: {
        confirmationNumber: filed.confirmationNumber.toLowerCase(),
        passphrase: filed.passphrase,
      },
    });
    expect(lookup.statusCode, lookup.body).toBe(200);
    const body = lookup.json<Record<string, unknown>>();
    expect(body).toMatchObject({
      logNumber: filed.logNumber,
      status: 'intake',
      investigatingAgency: 'COPA',
    });
    expect(body.nextClock).toMatchObject({ kind: 'acknowledgement_letter' });
    expect(lookup.body).not.toContain('Pat');
    const add = await t.app.inject({
      method: 'POST',
      url: '/api/public/v1/complaints/information',
      payload: {
        ...{ confirmationNumber: filed.confirmationNumber, passphrase: filed.passphrase },
        text: 'The car was #1234.',
      },
    });
    expect(add.statusCode, add.body).toBe(201);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/public/v1/complaints/lookup',
      payload: { confirmationNumber: filed.confirmationNumber, passphrase: filed.passphrase },
    });
    expect(again.json<{ informationAdded: number }>().informationAdded).toBe(1);
    // six English words; typed back with spaces and capitals, they still open the complaint
    expect(filed.passphrase).toMatch(/^[a-z]+(-[a-z]+){5}$/);
    const typed = await t.app.inject({
      method: 'POST',
      url: '/api/public/v1/complaints/lookup',
      payload: {
        confirmationNumber: filed.confirmationNumber,
        passphrase: ` ${filed.passphrase.replaceAll('-', ' ').toUpperCase()} `,
      },
    });
    expect(typed.statusCode, typed.body).toBe(200);
    expect(filed.receivesLetters).toBe(true);
    expect(again.json<{ receivesLetters: boolean }>().receivesLetters).toBe(true);
  });

  // issue 23 item 8: MCC 2-78-120's acknowledgement is a letter; with no email or postal address
  // on the case nobody can receive it, so neither the receipt nor the follow page promises one
  it('promises no letter to a complainant the office cannot write to', async () => {
    const anonymous = await file({
      language: 'es',
      narrative: 'Un agente me insultó en la estación.',
      categories: ['verbal_abuse'],
      anonymous: true,
    });
    const byPhone = await file({
      language: 'en',
      narrative: 'An officer shouted at me.',
      anonymous: false,
      contact: { name: 'Lee Example', phone: '773-555-0100' },
    });
    const viaOrganization = await file({
      language: 'en',
      narrative: 'An officer shoved my client.',
      anonymous: true,
      filedBy: 'intermediary',
      intermediary: {
        organization: 'Legal Aid',
        name: 'Sam Advocate',
        consentScope: 'file and receive news',
        email: 'sam@legal-aid.example',
      },
    });
    for (const [filed, letters] of [
      [anonymous, false],
      [byPhone, false],
      [viaOrganization, true],
    ] as const) {
      expect(filed.receivesLetters, filed.logNumber).toBe(letters);
      const view = await lookup(filed);
      expect(view.receivesLetters, filed.logNumber).toBe(letters);
      // the letter's clock still runs for staff (it is the office's duty to record), but the
      // complainant is shown the next clock that can concern them
      const [ack] = await t.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM deadlines d JOIN cases c ON c.id = d.case_id
          WHERE c.log_number = $1 AND d.kind = 'acknowledgement_letter'`,
        [filed.logNumber],
      );
      expect(ack?.n).toBe(1);
      if (letters) {
        expect(view.nextClock?.kind).toBe('acknowledgement_letter');
      } else {
        expect(view.nextClock?.kind).not.toBe('acknowledgement_letter');
        expect(JSON.stringify(view)).not.toMatch(/acknowledgement|acuse de recibo/i);
      }
    }
  });

  // issue 23 item 9: one name for the log number on a page, in each language
  it('names the log number as the receipt page does', async () => {
    const es = await file({ language: 'es', narrative: 'Pasó algo.', anonymous: true });
    expect(es.acknowledgement).toContain(`Su número de registro es ${es.logNumber}.`);
    expect(es.acknowledgement).not.toMatch(/número de caso/);
    const en = await file({ language: 'en', narrative: 'Something happened.', anonymous: true });
    expect(en.acknowledgement).toContain(`Your log number is ${en.logNumber}.`);
    expect(en.acknowledgement).not.toMatch(/case number/);
  });
});

// issue 23 item 10: the office's own door, from the jurisdiction profile
describe('GET /api/public/v1/office', () => {
  it("answers COPA's published address, phone, hours and the emergency number", async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/public/v1/office' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      name: 'Civilian Office of Police Accountability (COPA)',
      nameEs: 'Oficina Civil de Rendición de Cuentas Policiales (COPA)',
      address: ['1615 W. Chicago Ave., 4th Floor', 'Chicago, IL 60622'],
      phone: '(312) 743-2672',
      phoneE164: '+13127432672',
      hours: 'Monday to Friday, 9:00 a.m. to 7:00 p.m.',
      hoursEs: 'De lunes a viernes, de 9:00 a. m. a 7:00 p. m.',
      emergencyPhone: '911',
      source: 'https://home.chicagopolice.org/services/file-a-complaint/',
    });
  });

  it('answers a wrong passphrase and an unknown number identically', async () => {
    const filed = await file({ language: 'en', narrative: 'x happened', anonymous: true });
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/public/v1/complaints/lookup',
      payload: { confirmationNumber: filed.confirmationNumber, passphrase: 'not-it' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/public/v1/complaints/lookup',
      payload: { confirmationNumber: 'OV-0000-0000-0000', passphrase: 'not-it' },
    });
    const a = expectProblem(wrong, 404, 'complaint_not_found');
    const b = expectProblem(unknown, 404, 'complaint_not_found');
    expect(a).toEqual(b);
    expectInvalidFields(
      await t.app.inject({
        method: 'POST',
        url: '/api/public/v1/complaints/lookup',
        payload: { confirmationNumber: '12345', passphrase: 'x' },
      }),
      ['confirmationNumber'],
    );
  });
});

describe('OpenAPI', () => {
  it('documents every public route, tagged public, with no credentials required', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, { tags?: string[]; security?: unknown[] }>>;
    }>();
    const publicPaths = Object.keys(spec.paths).filter((p) => p.startsWith('/api/public/v1/'));
    expect(publicPaths.sort()).toEqual(
      [
        '/api/public/v1/cases',
        '/api/public/v1/cases/{logNumber}',
        '/api/public/v1/complaints',
        '/api/public/v1/complaints/information',
        '/api/public/v1/complaints/lookup',
        '/api/public/v1/export.csv',
        '/api/public/v1/export.json',
        '/api/public/v1/export/dictionary',
        '/api/public/v1/office',
        '/api/public/v1/statements',
        '/api/public/v1/statements.atom',
        '/api/public/v1/stats',
      ].sort(),
    );
    for (const p of publicPaths) {
      for (const op of Object.values(spec.paths[p]!)) {
        expect(op.tags, p).toEqual(['public']);
        expect(op.security, p).toEqual([]);
      }
    }
    const body = JSON.stringify(spec);
    expect(body.toLowerCase()).not.toContain('immigration');
  });
});
