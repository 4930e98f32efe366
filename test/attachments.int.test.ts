import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '../src/server/domain/attachments.ts';
import { testApp, type TestApp, type TestUser } from './test-app.ts';
import { expectInvalidFields, expectProblem } from './http.ts';

/** A PNG signature followed by bytes of our own: enough for the format check. */
const png = (marker: string): Buffer =>
  Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.from(marker),
  ]);
const pdf = Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n');

let t: TestApp;
let chief: TestUser;
let investigator: TestUser;
let analyst: TestUser;

const complaint = (files: Array<{ name: string; data: string }>) => ({
  language: 'es',
  narrative: 'Un agente me empujó en la estación. Adjunto fotos.',
  categories: ['excessive_force'],
  anonymous: true,
  files,
});
const file = (name: string, bytes: Buffer) => ({ name, data: bytes.toString('base64') });
const countRows = async (table: string): Promise<number> =>
  (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;

beforeAll(async () => {
  t = await testApp();
  chief = await t.user('chief_administrator', 'COPA');
  investigator = await t.user('investigator', 'COPA');
  analyst = await t.user('analyst', 'COPA');
});
afterAll(async () => {
  await t.close();
});

describe('files attached to the public complaint form', () => {
  it('stores them encrypted, lists them to identity readers and downloads the same bytes', async () => {
    const photo = png('photo of the bruise');
    const res = await t.as(null, {
      method: 'POST',
      url: '/api/public/v1/complaints',
      payload: complaint([file('moretón del brazo.png', photo), file('informe médico.pdf', pdf)]),
    });
    expect(res.statusCode, res.body).toBe(201);
    const { logNumber } = res.json<{ logNumber: string }>();

    // at rest: neither the name nor the bytes are readable in the row
    const stored = await t.db.query<{ file_name_enc: string; content_enc: string }>(
      `SELECT file_name_enc, content_enc FROM attachments ORDER BY byte_size`,
    );
    expect(stored).toHaveLength(2);
    for (const r of stored) {
      expect(r.file_name_enc).not.toContain('informe');
      expect(r.file_name_enc).toMatch(/^v1\./);
      expect(Buffer.from(r.content_enc).includes(Buffer.from('%PDF'))).toBe(false);
    }

    const c = await t.as(chief, { method: 'GET', url: `/api/v1/cases/${logNumber}` });
    expect(c.statusCode, c.body).toBe(200);
    const files = c.json<{
      attachments: Array<{
        id: string;
        fileName: string;
        contentType: string;
        byteSize: number;
        sha256: string;
      }>;
    }>().attachments;
    expect(files.map((f) => [f.fileName, f.contentType, f.byteSize])).toEqual([
      ['moretón del brazo.png', 'image/png', photo.length],
      ['informe médico.pdf', 'application/pdf', pdf.length],
    ]);

    const before = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'attachment.read'`,
    );
    const d = await t.as(chief, {
      method: 'GET',
      url: `/api/v1/cases/${logNumber}/attachments/${files[0]!.id}`,
    });
    expect(d.statusCode).toBe(200);
    expect(d.rawPayload.equals(photo)).toBe(true);
    expect(d.headers['content-type']).toBe('image/png');
    expect(d.headers['content-disposition']).toMatch(/^attachment; /);
    expect(d.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('moretón del brazo.png')}`,
    );
    expect(d.headers['x-content-type-options']).toBe('nosniff');
    expect(d.headers['x-content-sha256']).toBe(
      crypto.createHash('sha256').update(photo).digest('hex'),
    );
    const after = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'attachment.read'`,
    );
    expect(after[0]!.n).toBe(before[0]!.n + 1);
  });

  it('shows no file to a viewer who may not read identities, and answers 404 to their download', async () => {
    const res = await t.as(null, {
      method: 'POST',
      url: '/api/public/v1/complaints',
      payload: complaint([file('cara.png', png('a face'))]),
    });
    const { logNumber } = res.json<{ logNumber: string }>();
    const [row] = await t.db.query<{ id: string }>(
      `SELECT a.id FROM attachments a JOIN cases c ON c.id = a.case_id WHERE c.log_number = $1`,
      [logNumber],
    );
    const id = row!.id;
    const seen = await t.as(investigator, { method: 'GET', url: `/api/v1/cases/${logNumber}` });
    expect(seen.statusCode).toBe(200);
    expect(seen.json<{ attachments?: unknown[] }>().attachments ?? []).toEqual([]);
    for (const who of [investigator, analyst]) {
      const d = await t.as(who, {
        method: 'GET',
        url: `/api/v1/cases/${logNumber}/attachments/${id}`,
      });
      expectProblem(d, 404, 'attachment_not_found');
    }
    // a real file id under another case's log number is not found either
    const other = await t.as(null, {
      method: 'POST',
      url: '/api/public/v1/complaints',
      payload: complaint([]),
    });
    const d = await t.as(chief, {
      method: 'GET',
      url: `/api/v1/cases/${other.json<{ logNumber: string }>().logNumber}/attachments/${id}`,
    });
    expectProblem(d, 404, 'attachment_not_found');
  });

  it('refuses a file whose bytes are not an accepted format, and files nothing', async () => {
    const cases = await countRows('cases');
    const receipts = await countRows('complaint_receipts');
    const res = await t.as(null, {
      method: 'POST',
      url: '/api/public/v1/complaints',
      payload: complaint([
        file('foto.png', png('fine')),
        // declared as a photo by its name, but it is a script
        file('foto2.png', Buffer.from('<script>alert(1)</script>')),
        file('empty.pdf', Buffer.alloc(0)),
      ]),
    });
    expectInvalidFields(res, ['files.1.data', 'files.2.data']);
    expect(await countRows('cases')).toBe(cases);
    expect(await countRows('complaint_receipts')).toBe(receipts);
    expect(await countRows('attachments')).toBe(3);
  });

  it('refuses a file over the size limit and a body over the route limit, filing nothing', async () => {
    const cases = await countRows('cases');
    const big = Buffer.alloc(MAX_ATTACHMENT_BYTES + 1, 1);
    pdf.copy(big);
    const res = await t.as(null, {
      method: 'POST',
      url: '/api/public/v1/complaints',
      payload: complaint([file('big.pdf', big)]),
    });
    expectInvalidFields(res, ['files.0.data']);
    const huge = await t.as(null, {
      method: 'POST',
      url: '/api/public/v1/complaints',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify(complaint([file('a.pdf', Buffer.alloc(16 * 1024 * 1024, 1))])),
    });
    expectProblem(huge, 413, 'body_too_large');
    expect(await countRows('cases')).toBe(cases);
  });
});
