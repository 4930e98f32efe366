import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp, type TestUser } from './test-app.ts';
import { buildIntake, fileCase } from './factories.ts';
import { expectInvalidFields, expectNoWrites } from './http.ts';

/*
 * Issue 15 defect 7: an anonymous person carries no identity, and the rule is the same on every
 * door (staff intake, adding a party, the public form): one implementation in src/shared.
 */

/** What identifies a person (src/shared/schemas/common.ts ANONYMOUS_EXCLUDES says the same). */
const ANONYMOUS_EXCLUDES = ['name', 'phone', 'email', 'address', 'dateOfBirth'] as const;
const VALUES: Record<(typeof ANONYMOUS_EXCLUDES)[number], string> = {
  name: 'Ana Ejemplo',
  phone: '312-555-0199',
  email: 'ana@example.org',
  address: '1000 W Example St',
  dateOfBirth: '2006-02-01',
};

let t: TestApp;
let intake: TestUser;
let logNumber: string;

beforeAll(async () => {
  t = await testApp();
  intake = await t.user('intake');
  logNumber = await fileCase(t, intake);
});
afterAll(async () => t.close());

describe('an anonymous party with an identity is refused on every door', () => {
  it.each(ANONYMOUS_EXCLUDES)(
    'staff intake: anonymous with %s → 400, nothing written',
    async (f) => {
      await expectNoWrites(t.db, async () => {
        const res = await t.as(intake, {
          method: 'POST',
          url: '/api/v1/cases',
          payload: buildIntake({
            parties: [
              { role: 'complainant', anonymous: true, language: 'es', [f]: VALUES[f] },
              { role: 'witness', anonymous: false, name: 'Named Witness' },
            ],
          }),
        });
        const body = expectInvalidFields(res, [`parties.0.${f}`]);
        // only the contradiction is named: the named witness is fine
        expect(body.errors!.map((e) => e.field)).toEqual([`parties.0.${f}`]);
      });
    },
  );

  it.each(ANONYMOUS_EXCLUDES)(
    'adding a party: anonymous with %s → 400, nothing written',
    async (f) => {
      await expectNoWrites(t.db, async () => {
        const res = await t.as(intake, {
          method: 'POST',
          url: `/api/v1/cases/${logNumber}/parties`,
          payload: { role: 'witness', anonymous: true, [f]: VALUES[f] },
        });
        expectInvalidFields(res, [f]);
      });
    },
  );

  it.each(['name', 'phone', 'email'] as const)(
    'public form: anonymous with contact %s → 400, nothing written',
    async (f) => {
      await expectNoWrites(t.db, async () => {
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/public/v1/complaints',
          payload: { language: 'es', narrative: 'x', anonymous: true, contact: { [f]: VALUES[f] } },
          remoteAddress: `10.1.0.${ANONYMOUS_EXCLUDES.indexOf(f) + 1}`,
        });
        expectInvalidFields(res, [`contact.${f}`]);
      });
    },
  );

  it('accepts an anonymous party with only language, contact safety and vulnerabilities', async () => {
    const res = await t.as(intake, {
      method: 'POST',
      url: '/api/v1/cases',
      payload: buildIntake({
        parties: [
          {
            role: 'victim',
            anonymous: true,
            language: 'es',
            vulnerabilities: ['limited_english'],
            contactSafety: { throughIntermediaryOnly: true },
          },
        ],
      }),
    });
    expect(res.statusCode, res.body).toBe(201);
  });
});
