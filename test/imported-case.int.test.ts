import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp, type TestUser } from './test-app.ts';
import { CHICAGO_SAMPLES, importForTest } from './test-import.ts';

const SAMPLES = CHICAGO_SAMPLES;
let t: TestApp;
let auditor: TestUser;
let tmp: string;

beforeAll(async () => {
  t = await testApp();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ovs-imported-case-'));
  await importForTest(t.db, [SAMPLES], tmp, { now: () => new Date() });
  auditor = await t.user('auditor', 'OIG');
});
afterAll(async () => {
  await t.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('imported history on the case page', () => {
  // the releases do not say how a complaint arrived: the case page must still render them
  it('answers GET /api/v1/cases/{logNumber} for every imported case on the first pages', async () => {
    const list = await t.as(auditor, { method: 'GET', url: '/api/v1/cases?pageSize=100' });
    const items: Array<{ logNumber: string }> = list.json().items;
    expect(items.length).toBeGreaterThan(50);
    const failed: string[] = [];
    for (const { logNumber } of items) {
      const res = await t.as(auditor, { method: 'GET', url: `/api/v1/cases/${logNumber}` });
      if (res.statusCode !== 200) {
        failed.push(`${logNumber}: ${res.statusCode}`);
      }
    }
    expect(failed).toEqual([]);
    const one = await t.as(auditor, { method: 'GET', url: `/api/v1/cases/${items[0]!.logNumber}` });
    expect(one.json().channel).toBeNull();
  });

  it('shows the source history: the release file that added the case, with the fields it gave', async () => {
    const list = await t.as(auditor, { method: 'GET', url: '/api/v1/cases?pageSize=5' });
    const { logNumber } = (list.json().items as Array<{ logNumber: string }>)[0]!;
    const res = await t.as(auditor, { method: 'GET', url: `/api/v1/cases/${logNumber}` });
    const history: Array<{ file: string; kind: string; change: string; fields: string[] }> =
      res.json().sourceHistory;
    expect(history).toHaveLength(1);
    expect(history[0]!.change).toBe('added');
    expect(history[0]!.file).toMatch(/^complaints-complaints-(cms|clear)/);
    expect(history[0]!.kind).toMatch(/^complaints_/);
    expect(history[0]!.fields).toEqual(expect.arrayContaining(['received_at', 'status', 'source']));
  });
});
