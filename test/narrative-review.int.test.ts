import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { chicagoProfile } from '../src/server/domain/profiles/chicago.ts';
import type { NarrativeReviewOut } from '../src/shared/schemas/narrative-review.ts';
import { fileCase, publishStatement } from './factories.ts';
import { auditRows, caseId, expectAudit, expectNoWrites, expectProblem } from './http.ts';
import { testApp, type TestApp, type TestUser } from './test-app.ts';
import { TEST_JURISDICTION } from './test-db.ts';
import { complaintRow, COMPLAINTS_HEADER, importForTest } from './test-import.ts';

/*
 * A person approves what is published (issue 17 item 5): an app-taken narrative reaches the
 * portal only as the text a public-information officer approved for its current version; imported
 * history follows the profile's setting. Real app, real database, both engines.
 */

type Review = z.output<typeof NarrativeReviewOut>;

// "Smokey" is a nickname no rule finds; the address is one no party holds (the reviewer may
// decide to keep it); "purple umbrella" marks the narrative in every public response.
const NARRATIVE =
  'Dolores Quintanilla states that a man called Smokey pushed her at 4821 S Kedzie Ave. ' +
  'She dropped her purple umbrella and called 773-555-0187.';
const MARKER = 'purple umbrella';

let t: TestApp;
let staff: Record<'intake' | 'sup' | 'pio' | 'chief' | 'investigator' | 'bia', TestUser>;
let closed: string;
let older: string;
let open: string;

const get = (who: TestUser, url: string) => t.as(who, { method: 'GET', url });
const post = (who: TestUser, url: string, payload: object) =>
  t.as(who, { method: 'POST', url, payload });
const reviewUrl = (log: string) => `/api/v1/cases/${log}/narrative-review`;

async function review(who: TestUser, log: string): Promise<Review> {
  const res = await get(who, reviewUrl(log));
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Review>();
}

async function decide(who: TestUser, log: string, body: object): Promise<Review> {
  const res = await post(who, `${reviewUrl(log)}/decisions`, body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Review>();
}

async function portal(log: string): Promise<Record<string, unknown>> {
  const res = await t.app.inject({ method: 'GET', url: `/api/public/v1/cases/${log}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function conclude(log: string): Promise<void> {
  for (const step of [
    { to: 'preliminary' },
    { to: 'closed_no_finding', reason: 'no_victim_or_witness_identified' },
  ]) {
    const res = await post(staff.sup, `/api/v1/cases/${log}/transitions`, step);
    expect(res.statusCode, res.body).toBe(200);
  }
}

/** Every public response a visitor can get: pages, list, search, statements, stats, exports. */
async function everyPublicBody(): Promise<string> {
  const urls = [
    '/api/public/v1/cases?pageSize=100',
    `/api/public/v1/cases?logNumber=${closed}`,
    '/api/public/v1/cases?status=closed_no_finding',
    ...[closed, older, open].map((l) => `/api/public/v1/cases/${l}`),
    '/api/public/v1/statements',
    '/api/public/v1/stats',
    '/api/public/v1/export.csv',
    '/api/public/v1/export.json',
  ];
  let all = '';
  for (const url of urls) {
    const res = await t.app.inject({ method: 'GET', url });
    expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
    all += res.body;
  }
  return all;
}

beforeAll(async () => {
  t = await testApp();
  staff = {
    intake: await t.user('intake', 'COPA'),
    sup: await t.user('supervisor', 'COPA'),
    pio: await t.user('public_information', 'COPA'),
    chief: await t.user('chief_administrator', 'COPA'),
    investigator: await t.user('investigator', 'COPA'),
    bia: await t.user('public_information', 'BIA'),
  };
  const parties = [
    { role: 'complainant' as const, name: 'Dolores Quintanilla', phone: '773-555-0187' },
  ];
  older = await fileCase(t, staff.intake, {
    narrative: `An older complaint about the ${MARKER} of Dolores Quintanilla.`,
    receivedAt: '2023-01-10T10:00:00-06:00',
    parties,
  });
  closed = await fileCase(t, staff.intake, { narrative: NARRATIVE, parties });
  open = await fileCase(t, staff.intake, { narrative: NARRATIVE, parties });
  await conclude(older);
  await conclude(closed);
  // a published statement, so the statements feed is not empty
  await publishStatement(
    t,
    { author: staff.pio, reviewer: staff.chief },
    {
      logNumbers: [closed],
      en: 'COPA concluded this investigation.',
      es: 'COPA concluyó esta investigación.',
    },
  );
});
afterAll(async () => t.close());

describe('an app-taken narrative before review', () => {
  it('is not published anywhere: the page says it is not yet reviewed, in both languages', async () => {
    const page = await portal(closed);
    expect(page.narrative).toBeNull();
    expect(page.narrativeWithheld).toBe('not_reviewed');
    expect(page.narrativeWithheldBasis).toMatch(/^Narrative not yet reviewed for publication/);
    expect(page.narrativeWithheldBasisEs).toMatch(/^Relato aún no revisado para su publicación/);
    const all = (await everyPublicBody()).toLowerCase();
    for (const fragment of [MARKER, 'smokey', 'kedzie', 'pushed her', '[name]', '[phone]']) {
      expect(all.includes(fragment), `a public response carries "${fragment}"`).toBe(false);
    }
  });

  it('waits in the review queue, oldest first; an open case does not', async () => {
    const res = await get(staff.pio, '/api/v1/narrative-reviews');
    expect(res.statusCode, res.body).toBe(200);
    const queue = res.json<{ items: Array<{ logNumber: string; imported: boolean }> }>();
    expect(queue.items.map((i) => i.logNumber)).toEqual([older, closed]);
    expect(queue.items.every((i) => !i.imported)).toBe(true);
  });
});

describe('review and approval', () => {
  let r: Review;
  let rowsCase = '';

  it("opens with the machine's spans, each with its kind and basis, audited once", async () => {
    r = await review(staff.pio, closed);
    expect(r.narrative).toBe(NARRATIVE);
    expect(r.version).toMatch(/^[0-9a-f]{64}$/);
    const kinds = r.proposed.map((s) => s.kind);
    expect(kinds).toContain('person_name');
    expect(kinds).toContain('street_address');
    expect(kinds).toContain('phone');
    for (const s of r.proposed) {
      expect(s.basis).toMatch(/ILCS/);
      expect(s.basisEs).toMatch(/ILCS/);
      expect(s.removed).toBe(false);
    }
    // the machine misses the nickname: the preview still shows it
    expect(r.preview.text).toContain('Smokey');
    expect(r.approved).toBeNull();
    const again = await review(staff.chief, closed);
    expect(again.proposed).toEqual(r.proposed);
  });

  it('records one proposal audit row by the reviewer who opened it', async () => {
    rowsCase = await caseId(t.db, closed);
    const rows = (await auditRows(t.db, 'narrative.proposed')).filter(
      (a) => a.case_id === rowsCase,
    );
    expect(rows).toHaveLength(1);
    await expectAudit(t.db, 'narrative.proposed', rows[0]!.entity_id, staff.pio);
    // each opening of the unredacted text is recorded, by whom
    const opened = (await auditRows(t.db, 'narrative.review_opened')).filter(
      (a) => a.case_id === rowsCase,
    );
    expect(opened.map((a) => a.actor_id)).toEqual([staff.pio.id, staff.chief.id]);
  });

  it('refuses an approval that would still show an identity the case holds', async () => {
    const name = r.proposed.findIndex(
      (s) => s.kind === 'person_name' && NARRATIVE.slice(s.start, s.end).includes('Quintanilla'),
    );
    expect(name).toBeGreaterThanOrEqual(0);
    await decide(staff.pio, closed, {
      version: r.version,
      decision: 'remove',
      proposalIndex: name,
    });
    expectProblem(
      await post(staff.pio, `${reviewUrl(closed)}/approve`, { version: r.version }),
      422,
      'narrative_still_identifies',
    );
    const kept = await decide(staff.pio, closed, {
      version: r.version,
      decision: 'keep',
      proposalIndex: name,
    });
    expect(kept.proposed[name]!.removed).toBe(false);
  });

  it('takes span decisions: remove a machine span, add one, withdraw an added one', async () => {
    const address = r.proposed.findIndex((s) => s.kind === 'street_address');
    await decide(staff.pio, closed, {
      version: r.version,
      decision: 'remove',
      proposalIndex: address,
    });
    const smokey = NARRATIVE.indexOf('Smokey');
    const withAdded = await decide(staff.pio, closed, {
      version: r.version,
      decision: 'add',
      start: smokey,
      end: smokey + 'Smokey'.length,
      kind: 'person_name',
    });
    const umbrella = NARRATIVE.indexOf('umbrella');
    const mistaken = await decide(staff.pio, closed, {
      version: r.version,
      decision: 'add',
      start: umbrella,
      end: umbrella + 'umbrella'.length,
      kind: 'person_name',
    });
    expect(mistaken.added).toHaveLength(2);
    const wrong = mistaken.added.find((a) => a.start === umbrella)!;
    const after = await decide(staff.pio, closed, {
      version: r.version,
      decision: 'withdraw',
      withdraws: wrong.id,
    });
    expect(after.added.map((a) => a.start)).toEqual([smokey]);
    expect(after.proposed[address]!.removed).toBe(true);
    expect(after.preview.text).not.toContain('Smokey');
    expect(after.preview.text).toContain('4821 S Kedzie Ave');
    expect(after.preview.text).toContain(MARKER);
    expect(withAdded.decisions.at(-1)!.decidedBy).toBe(staff.pio.email);
    // every decision audited: offsets and kind, never the words
    const rows = (await auditRows(t.db, 'narrative.span_decided')).filter(
      (a) => a.case_id === rowsCase,
    );
    expect(rows).toHaveLength(after.decisions.length);
    expect(rows.map((a) => (a.changes as { decision: string }).decision)).toEqual([
      'remove',
      'keep',
      'remove',
      'add',
      'add',
      'withdraw',
    ]);
    expect(JSON.stringify(rows)).not.toMatch(/Smokey|Quintanilla|umbrella/);
  });

  it('refuses bad decisions with problem+json', async () => {
    const url = `${reviewUrl(closed)}/decisions`;
    const v = r.version;
    expectProblem(
      await post(staff.pio, url, { version: v, decision: 'remove', proposalIndex: 999 }),
      422,
      'unknown_span',
    );
    expectProblem(
      await post(staff.pio, url, {
        version: v,
        decision: 'add',
        start: 5,
        end: 99_999,
        kind: 'person_name',
      }),
      422,
      'invalid_span',
    );
    expectProblem(
      await post(staff.pio, url, {
        version: v,
        decision: 'add',
        start: 0,
        end: 3,
        kind: 'immigration',
      }),
      422,
      'unknown_kind',
    );
    expectProblem(
      await post(staff.pio, url, { version: 'f'.repeat(64), decision: 'keep', proposalIndex: 0 }),
      409,
      'narrative_changed',
    );
    // an open case's narrative is not published, so not reviewed (the grant is for concluded cases)
    expectProblem(await get(staff.pio, reviewUrl(open)), 403, 'forbidden');
  });

  it('approves: the portal then serves exactly the approved text, marked as reviewed', async () => {
    const res = await post(staff.pio, `${reviewUrl(closed)}/approve`, { version: r.version });
    expect(res.statusCode, res.body).toBe(200);
    const approved = res.json<Review>();
    expect(approved.approved?.approvedBy).toBe(staff.pio.email);
    const text = approved.approved!.text;
    expect(text).toBe(approved.preview.text);
    expect(text).not.toMatch(/Smokey|Quintanilla|773-555-0187/);
    const page = await portal(closed);
    const narrative = page.narrative as {
      text: string;
      redactions: Array<{ start: number; end: number; replacement: string }>;
    };
    expect(narrative.text).toBe(text);
    for (const x of narrative.redactions) {
      expect(narrative.text.slice(x.start, x.end)).toBe(x.replacement);
    }
    expect(page.narrativeWithheld).toBeNull();
    expect(page.narrativeReview).toBe('office_reviewed');
    expect(page.narrativeReviewNote).toMatch(/reviewed by the office/);
    expect(page.narrativeReviewNoteEs).toMatch(/revisado por la oficina/);
    const audit = (await auditRows(t.db, 'narrative.approved')).filter(
      (a) => a.case_id === rowsCase,
    );
    expect(audit).toHaveLength(1);
    await expectAudit(t.db, 'narrative.approved', audit[0]!.entity_id, staff.pio);
    expectProblem(
      await post(staff.pio, `${reviewUrl(closed)}/approve`, { version: r.version }),
      409,
      'narrative_already_approved',
    );
    const queue = (await get(staff.pio, '/api/v1/narrative-reviews')).json<{
      items: Array<{ logNumber: string }>;
    }>();
    expect(queue.items.map((i) => i.logNumber)).toEqual([older]);
  });

  it('a changed narrative is no longer approved: back to the queue, off the portal', async () => {
    const before = (await portal(closed)).narrative as { text: string };
    await t.db.query(
      `UPDATE cases SET narrative = narrative || ' Amended.' WHERE log_number = $1`,
      [closed],
    );
    const page = await portal(closed);
    expect(page.narrative).toBeNull();
    expect(page.narrativeWithheld).toBe('not_reviewed');
    expect(JSON.stringify(page)).not.toContain(before.text.slice(0, 20));
    const queue = (await get(staff.pio, '/api/v1/narrative-reviews')).json<{
      items: Array<{ logNumber: string; approvedBefore: boolean }>;
    }>();
    expect(queue.items.find((i) => i.logNumber === closed)?.approvedBefore).toBe(true);
    // a decision about the old text is not applied to the new one
    expectProblem(
      await post(staff.pio, `${reviewUrl(closed)}/decisions`, {
        version: r.version,
        decision: 'keep',
        proposalIndex: 0,
      }),
      409,
      'narrative_changed',
    );
    const fresh = await review(staff.pio, closed);
    expect(fresh.version).not.toBe(r.version);
    expect(fresh.decisions).toHaveLength(0);
    expect(fresh.approved).toBeNull();
  });
});

describe('who may review', () => {
  it('refuses roles without the ability (403) and hides cases the actor cannot see (404), writing nothing', async () => {
    await expectNoWrites(t.db, async () => {
      for (const who of [staff.intake, staff.sup, staff.investigator]) {
        expectProblem(await get(who, reviewUrl(older)), 403, 'forbidden');
        expectProblem(
          await post(who, `${reviewUrl(older)}/approve`, { version: 'a'.repeat(64) }),
          403,
          'forbidden',
        );
        expectProblem(await get(who, '/api/v1/narrative-reviews'), 403, 'forbidden');
      }
      // BIA public information has no track on a COPA-only case: it does not exist for them
      expectProblem(await get(staff.bia, reviewUrl(older)), 404, 'case_not_found');
      const res = await t.app.inject({ method: 'GET', url: reviewUrl(older) });
      expect(res.statusCode).toBe(401);
    });
  });
});

describe('imported history follows the profile', () => {
  const IMPORTED = 'The complainant alleged that an officer took her purple umbrella at the park.';
  let tmp: string;

  async function importOne(app: TestApp): Promise<string> {
    fs.writeFileSync(
      path.join(tmp, 'complaints.csv'),
      `${[COMPLAINTS_HEADER, complaintRow(1, '2021-0000001', IMPORTED)].join('\n')}\n`,
    );
    const result = await importForTest(app.db, [tmp], path.join(tmp, 'reports'));
    for (const f of result.files) {
      expect(f.error, f.file).toBeUndefined();
    }
    const [row] = await app.db.query<{ log_number: string }>(
      `SELECT log_number FROM cases WHERE jurisdiction = $1 AND narrative = $2`,
      [TEST_JURISDICTION, IMPORTED],
    );
    return row!.log_number;
  }

  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ovs-narrative-review-'));
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('hold for review (Chicago default): withheld until approved, and in the queue', async () => {
    expect(chicagoProfile.importedNarratives).toBe('hold_for_review');
    const log = await importOne(t);
    const page = await portal(log);
    expect(page.narrative).toBeNull();
    expect(page.narrativeWithheld).toBe('not_reviewed');
    const queue = (await get(staff.pio, '/api/v1/narrative-reviews?pageSize=200')).json<{
      items: Array<{ logNumber: string; imported: boolean }>;
    }>();
    expect(queue.items.find((i) => i.logNumber === log)?.imported).toBe(true);
    const r = await review(staff.pio, log);
    const ok = await post(staff.pio, `${reviewUrl(log)}/approve`, { version: r.version });
    expect(ok.statusCode, ok.body).toBe(200);
    const after = await portal(log);
    expect((after.narrative as { text: string }).text).toBe(IMPORTED);
    expect(after.narrativeReview).toBe('office_reviewed');
  });

  it('publish machine-redacted: shown at once, marked as not reviewed, not queued', async () => {
    const other = await testApp({
      profile: { ...chicagoProfile, importedNarratives: 'machine_redacted' },
    });
    try {
      const log = await importOne(other);
      const res = await other.app.inject({ method: 'GET', url: `/api/public/v1/cases/${log}` });
      const page = res.json<Record<string, unknown>>();
      expect((page.narrative as { text: string }).text).toBe(IMPORTED);
      expect(page.narrativeReview).toBe('machine_redacted');
      expect(page.narrativeReviewNote).toBe('Redacted by machine, not reviewed by a person');
      expect(page.narrativeReviewNoteEs).toBe('Suprimido por máquina, sin revisión de una persona');
      const pio = await other.user('public_information', 'COPA');
      const queue = (
        await other.as(pio, { method: 'GET', url: '/api/v1/narrative-reviews' })
      ).json<{
        items: unknown[];
      }>();
      expect(queue.items).toHaveLength(0);
      // an app-taken case on the same profile is still held
      const intake = await other.user('intake', 'COPA');
      const sup = await other.user('supervisor', 'COPA');
      const taken = await fileCase(other, intake, { narrative: NARRATIVE });
      for (const step of [
        { to: 'preliminary' },
        { to: 'closed_no_finding', reason: 'no_victim_or_witness_identified' },
      ]) {
        await other.as(sup, {
          method: 'POST',
          url: `/api/v1/cases/${taken}/transitions`,
          payload: step,
        });
      }
      const held = (
        await other.app.inject({ method: 'GET', url: `/api/public/v1/cases/${taken}` })
      ).json<Record<string, unknown>>();
      expect(held.narrativeWithheld).toBe('not_reviewed');
      expect(held.narrative).toBeNull();
    } finally {
      await other.close();
    }
  });
});
