import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/server/db/client.ts';
import { copyText, type CopyColumn } from '../src/server/db/copy-text.ts';
import { testDb } from './test-db.ts';

/**
 * The import's bulk path (ADR 0025): rows loaded with `copyFrom` in COPY text arrive as the same
 * column values the same rows sent as one jsonb array (`jsonb_to_recordset`, the path it replaced)
 * do — backslashes, tabs, line breaks, quotes, NULLs, arrays and nested JSON included.
 */
const COLUMNS: CopyColumn[] = [
  { name: 'k', type: 'integer' },
  { name: 't', type: 'text' },
  { name: 'u', type: 'uuid' },
  { name: 'at', type: 'timestamptz' },
  { name: 'd', type: 'date' },
  { name: 'b', type: 'boolean' },
  { name: 'a', type: 'text[]' },
  { name: 'j', type: 'jsonb' },
];

const ROWS: Array<Record<string, unknown>> = [
  {
    k: 1,
    t: 'back\\slash\ttab\nline\r\nCRLF "quoted" \\N',
    u: '6a1f8e2c-0d4b-4c1e-9b7a-3f2d1c0b9a8e',
    at: '2019-03-04T05:06:07.000Z',
    d: '2020-02-29',
    b: true,
    a: ['plain', 'with "quote"', 'back\\slash', 'comma,brace{}', '', 'NULL', 'tab\there'],
    j: { _kind: 'complaints_clear', note: 'a\\b\t"c"\nd', n: 3, nested: { list: [1, 'x', null] } },
  },
  { k: 2, t: null, u: null, at: null, d: null, b: false, a: [], j: {} },
  { k: 3, t: '', u: null, at: null, d: null, b: null, a: null, j: null },
];

let db: Db;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ db, close } = await testDb());
});
afterAll(async () => close());

describe('copyFrom', () => {
  it('loads rows as jsonb_to_recordset reads the same rows, in a transaction and outside one', async () => {
    const record = COLUMNS.map((c) => `${c.name} ${c.type}`).join(', ');
    const names = COLUMNS.map((c) => c.name);
    const viaJson = await db.query(
      `SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(${record}) ORDER BY k`,
      [JSON.stringify(ROWS)],
    );
    const viaCopy = await db.transaction(async (tx) => {
      await tx.query(`CREATE TEMP TABLE copy_probe (${record}) ON COMMIT DROP`);
      await tx.copyFrom('copy_probe', names, copyText(COLUMNS, ROWS));
      return tx.query(`SELECT * FROM copy_probe ORDER BY k`);
    });
    expect(viaCopy).toEqual(viaJson);
    expect(viaCopy).toHaveLength(3);
    expect((viaCopy[0] as { t: string }).t).toBe(ROWS[0]!['t']);

    await db.query(`CREATE TABLE copy_probe_outside (${record})`);
    await db.copyFrom('copy_probe_outside', names, copyText(COLUMNS, ROWS));
    expect(await db.query(`SELECT * FROM copy_probe_outside ORDER BY k`)).toEqual(viaJson);
  });
});
