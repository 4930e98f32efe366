import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp, type TestUser } from './test-app.ts';
import { expectProblem } from './http.ts';

let dir: string;
let t: TestApp;
let user: TestUser;

beforeAll(async () => {
  // a stand-in for dist/web: the server's behaviour does not depend on what Vite put inside
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oversight-web-'));
  fs.mkdirSync(path.join(dir, 'staff'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>PUBLIC</title>');
  fs.writeFileSync(path.join(dir, 'staff', 'index.html'), '<!doctype html><title>STAFF</title>');
  fs.writeFileSync(path.join(dir, 'assets', 'staff-AbC123.js'), 'console.log(1);');
  t = await testApp({ webRoot: dir });
  user = await t.user('intake');
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the built web app', () => {
  it.each(['/', '/complaint', '/cases/2023-0000001', '/statistics?year=2023'])(
    'serves the public portal for %s',
    async (url) => {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.body).toContain('PUBLIC');
      expect(res.headers['cache-control']).toBe('no-cache');
    },
  );

  it.each(['/staff', '/staff/', '/staff/cases', '/staff/cases/2023-0000001?tab=x'])(
    'serves the staff app for %s',
    async (url) => {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('STAFF');
    },
  );

  it('serves fingerprinted assets with a long immutable cache', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/assets/staff-AbC123.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('keeps unknown API paths problem+json 404s', async () => {
    expectProblem(
      await t.as(user, { method: 'GET', url: '/api/v1/no-such-thing' }),
      404,
      'route_not_found',
    );
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/nope' }), 404, 'route_not_found');
    expectProblem(await t.app.inject({ method: 'GET', url: '/api' }), 404, 'route_not_found');
    expectProblem(
      await t.app.inject({ method: 'GET', url: '/health/deep' }),
      404,
      'route_not_found',
    );
  });

  it('does not answer unsafe methods with a page', async () => {
    expectProblem(await t.app.inject({ method: 'POST', url: '/staff/cases' }), 404);
  });

  it('leaves /health and the API alone', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/health' })).json().status).toBe('ok');
    expect((await t.as(user, { method: 'GET', url: '/api/v1/cases' })).statusCode).toBe(200);
  });

  it('serves no pages when the web app is not built', async () => {
    const bare = await testApp({ webRoot: path.join(dir, 'missing') });
    try {
      expectProblem(await bare.app.inject({ method: 'GET', url: '/staff/' }), 404);
    } finally {
      await bare.close();
    }
  });
});
