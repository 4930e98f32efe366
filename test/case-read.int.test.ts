import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { testApp, type TestApp, type TestUser } from './test-app.ts';
import { fileCase } from './factories.ts';
import { readCase } from '../src/server/commands/read-case.ts';
import type { CommandDeps } from '../src/server/commands/context.ts';
import { recording } from './recording.ts';
import type { FieldCipher } from '../src/server/security/encryption.ts';
import { chicagoProfile } from '../src/server/domain/profiles/chicago.ts';
import { readTogether, type Read } from '../src/server/repositories/sql.ts';

/**
 * The staff case read on the real database, counted (issue 24 item 2, ADR 0057): the page's lists
 * come in one statement, and an identity the viewer gets masked is never decrypted.
 */
describe('the staff case read', () => {
  let t: TestApp;
  let intake: TestUser;
  let chief: TestUser;
  let investigator: TestUser;
  let pio: TestUser;
  let logNumber: string;

  beforeAll(async () => {
    t = await testApp();
    intake = await t.user('intake');
    chief = await t.user('chief_administrator');
    investigator = await t.user('investigator');
    pio = await t.user('public_information');
    logNumber = await fileCase(t, intake);
  });
  afterAll(async () => t.close());

  /** The statements `db` is sent (audit transactions included), and its cipher's decryptions. */
  function counted(user: TestUser): { deps: CommandDeps; sent: string[]; decrypted: string[] } {
    const sent: string[] = [];
    const decrypted: string[] = [];
    const cipher: FieldCipher = {
      encrypt: (plain, context) => t.cipher.encrypt(plain, context),
      currentKeyId: () => t.cipher.currentKeyId(),
      keyIds: () => t.cipher.keyIds(),
      decrypt: (envelope, context) => {
        decrypted.push(context);
        return t.cipher.decrypt(envelope, context);
      },
    };
    const deps: CommandDeps = {
      db: recording(t.db, (s) => sent.push(s.text)),
      now: () => new Date(),
      actor: { ...user, displayName: user.email },
      ip: null,
      cipher,
      profile: chicagoProfile,
      jurisdiction: 'chicago',
    };
    return { deps, sent, decrypted };
  }

  const reads = (sent: string[]) => sent.filter((s) => /^\s*SELECT/i.test(s));

  it('reads everything the full view shows in one statement after the case itself', async () => {
    const { deps, sent, decrypted } = counted(chief);
    const detail = await readCase(deps, logNumber);
    expect(detail.view).toBe('full');
    expect(detail.parties.some((p) => p.identity !== null)).toBe(true);
    expect(decrypted.length).toBeGreaterThan(0);
    // the case (with what authorizes the read), then one statement for all its lists; the rest
    // is the audit of the identities shown
    expect(reads(sent).length).toBeLessThanOrEqual(3);
    expect(sent.some((s) => s.includes('json_agg(q)'))).toBe(true);
  });

  it('decrypts no identity for a viewer who gets them masked', async () => {
    const { deps, decrypted } = counted(investigator);
    const detail = await readCase(deps, logNumber);
    expect(detail.view).toBe('full');
    expect(detail.parties.length).toBeGreaterThan(0);
    expect(detail.parties.every((p) => p.identity === null)).toBe(true);
    expect(decrypted).toEqual([]);
  });

  it('reads only what public fields show for the public-information officer', async () => {
    const { deps, sent, decrypted } = counted(pio);
    const detail = await readCase(deps, logNumber);
    expect(detail.view).toBe('public_fields');
    expect(reads(sent).length).toBeLessThanOrEqual(2);
    expect(sent.join('\n')).not.toMatch(/FROM parties|FROM attachments|FROM allegations a LEFT/);
    expect(decrypted).toEqual([]);
  });
});

describe('readTogether', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(async () => t.close());

  it('gives each read the rows it returns alone: order, dates, timestamps, numbers, parameters', async () => {
    const series: Read<{ n: number; at: Date; day: string; big: number; tags: string[] }> = {
      sql: `SELECT n, $1::timestamptz + n * interval '1 day' AS at, ($2::date + n) AS day,
                   (n * 10000000000)::bigint AS big, ARRAY[$3::text, n::text] AS tags
              FROM generate_series(1, 3) n ORDER BY n DESC`,
      params: ['2024-03-10T06:07:08.123Z', '2024-02-28', 'x'],
      times: ['at'],
    };
    const empty: Read<{ n: number }> = {
      sql: `SELECT n FROM generate_series(1, 3) n WHERE n > $1`,
      params: [5],
      times: [],
    };
    const alone = await t.db.query(series.sql, series.params);
    const together = await readTogether(t.db, { series, empty, none: null, again: series });
    expect(together.series).toEqual(alone);
    expect(together.again).toEqual(alone);
    expect(together.series[0]!.at).toBeInstanceOf(Date);
    expect(together.series.map((r) => r.n)).toEqual([3, 2, 1]);
    expect(together.empty).toEqual([]);
    expect(together.none).toEqual([]);
  });
});
