import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, openPostgres, type Db } from '../src/server/db/client.ts';
import { migrate } from '../src/server/db/migrate.ts';
import { freshServerDatabase, serverUrl, TEST_JURISDICTION } from './test-db.ts';

/*
 * Migration 0030 (issue 22 item 2, ADR 0046) on statements written before it: each keeps its
 * case as a link; the `human_reviewed` flag gives way to a review record that keeps its meaning —
 * a published statement was approved by its publisher (publishing was the approval), a draft's
 * flag was only its author's word and leaves it unreviewed.
 */

let db: Db;
let drop: () => Promise<void> = () => Promise.resolve();
const id = () => crypto.randomUUID();
const [author, publisher, caseId, published, draft, general] = [id(), id(), id(), id(), id(), id()];
const AT = new Date('2023-09-29T15:00:00Z');

beforeAll(async () => {
  if (serverUrl) {
    const fresh = await freshServerDatabase(serverUrl);
    db = openPostgres(fresh.url, 2);
    drop = fresh.drop;
  } else {
    db = await openPglite(undefined);
  }
  await migrate(db, { through: '0029_agency_codes_from_profile.sql' });
  for (const [user, email] of [
    [author, 'author@example.org'],
    [publisher, 'publisher@example.org'],
  ] as const) {
    await db.query(
      `INSERT INTO users (id, jurisdiction, email, display_name, agency, roles, created_at)
       VALUES ($1, $2, $3, $3, 'COPA', '{public_information}', $4)`,
      [user, TEST_JURISDICTION, email, AT],
    );
  }
  await db.query(
    `INSERT INTO cases (id, jurisdiction, log_number, case_type, channel, received_at, narrative,
                        categories, flags, officers_unknown, lead_agency, restricted,
                        restriction_reasons, status, status_changed_at, created_at)
     VALUES ($1, $2, '2023-0000001', 'complaint', 'phone', $3, 'n', '{}', '{}', true, 'COPA',
             false, '{}', 'intake', $3, $3)`,
    [caseId, TEST_JURISDICTION, AT],
  );
  const insert = (
    sid: string,
    c: string | null,
    reviewed: boolean,
    status: string,
    translationOf: string | null,
  ) =>
    db.query(
      `INSERT INTO statements (id, jurisdiction, case_id, language, text, human_reviewed,
                               translation_of, status, created_at, created_by, published_at, published_by)
       VALUES ($1, $2, $3, 'en', 'text', $4, $5, $6, $7, $8, $9, $10)`,
      [
        sid,
        TEST_JURISDICTION,
        c,
        reviewed,
        translationOf,
        status,
        AT,
        author,
        status === 'published' ? AT : null,
        status === 'published' ? publisher : null,
      ],
    );
  // the flag defaulted to true: a published statement flagged false was still approved by its
  // publisher, and a draft flagged true was reviewed by no one
  await insert(published, caseId, false, 'published', null);
  await insert(draft, caseId, true, 'draft', published);
  await insert(general, null, true, 'draft', null);
  await migrate(db);
});
afterAll(async () => {
  await db.close();
  await drop();
});

describe('migration 0030: statements beyond one case', () => {
  it('keeps each statement’s case as its one link, and an office-wide one with none', async () => {
    const links = await db.query<{ statement_id: string; case_id: string }>(
      `SELECT statement_id, case_id FROM statement_cases ORDER BY statement_id`,
    );
    expect(links).toEqual(
      [
        { statement_id: published, case_id: caseId },
        { statement_id: draft, case_id: caseId },
      ].sort((a, b) => a.statement_id.localeCompare(b.statement_id)),
    );
  });

  it('records a published statement’s publisher as its reviewer, and leaves drafts unreviewed', async () => {
    const rows = await db.query<{
      id: string;
      status: string;
      reviewed_by: string | null;
      reviewed_at: Date | null;
    }>(`SELECT id, status, reviewed_by, reviewed_at FROM statements`);
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(byId[published]).toMatchObject({ status: 'published', reviewed_by: publisher });
    expect(new Date(byId[published]!.reviewed_at!).toISOString()).toBe(AT.toISOString());
    for (const d of [draft, general]) {
      expect(byId[d]).toMatchObject({ status: 'draft', reviewed_by: null, reviewed_at: null });
    }
    const columns = await db.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'statements'`,
    );
    expect(columns.map((c) => c.column_name)).not.toContain('human_reviewed');
    expect(columns.map((c) => c.column_name)).not.toContain('case_id');
  });

  it('refuses a reviewed state without its review record', async () => {
    await expect(
      db.query(`UPDATE statements SET status = 'reviewed' WHERE id = $1`, [general]),
    ).rejects.toThrow(/statements_review_recorded/);
  });
});
