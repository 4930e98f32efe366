import net from 'node:net';
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app.ts';
import { chicagoProfile } from '../src/server/domain/profiles/chicago.ts';
import { createFieldCipher } from '../src/server/security/encryption.ts';
import { testApp, type TestApp } from './test-app.ts';
import { TEST_JURISDICTION } from './test-db.ts';
import { expectProblem } from './http.ts';

/*
 * Abuse stays cheap (issue 21 item 2, ADR 0037): the public door's reads have a per-address
 * bucket of their own, apart from complaint filing, so one client cannot take the door and the
 * people behind one shelter's shared address are not locked out of reading by a flood of filings;
 * a client that sends its request too slowly is cut off. No clock in the assertions.
 */

let t: TestApp;

beforeAll(async () => {
  t = await testApp({
    publicPortal: {
      readPerIp: { max: 5, windowMs: 60_000 },
      exportPerIp: { max: 1, windowMs: 60_000 },
      fileLimit: { max: 1, windowMs: 60_000 },
    },
  });
});

afterAll(async () => {
  await t.close();
});

const read = (ip: string, url = '/api/public/v1/cases') =>
  t.app.inject({ method: 'GET', url, remoteAddress: ip });

describe('per-address limits on the public door', () => {
  it('one address over its read share gets 429 with Retry-After; another address is still served', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await read('10.9.0.1', i % 2 ? '/api/public/v1/stats' : undefined)).statusCode).toBe(
        200,
      );
    }
    const over = await read('10.9.0.1', '/api/public/v1/cases/2020-0000001');
    expectProblem(over, 429, 'rate_limited');
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    expect((await read('10.9.0.2')).statusCode).toBe(200);
  });

  it('a shared address that used up complaint filing still reads every page', async () => {
    const ip = '10.9.0.3';
    // the filing bucket: the first request counts whatever its body, the second is refused
    const file = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/public/v1/complaints',
        payload: {},
        remoteAddress: ip,
      });
    expect((await file()).statusCode).not.toBe(429);
    expectProblem(await file(), 429, 'rate_limited');
    for (const url of ['/api/public/v1/cases', '/api/public/v1/stats', '/api/public/v1/office']) {
      expect((await read(ip, url)).statusCode, url).toBe(200);
    }
  });

  it('the whole-history export has its own, smaller bucket', async () => {
    const ip = '10.9.0.4';
    const first = await read(ip, '/api/public/v1/export.json');
    expect(first.statusCode).toBe(200);
    expectProblem(await read(ip, '/api/public/v1/export.csv'), 429, 'rate_limited');
    expect((await read(ip, '/api/public/v1/cases')).statusCode).toBe(200);
  });
});

describe('time limits on a client', () => {
  it('a client that never finishes its headers is answered 408 and disconnected', async () => {
    const app = await buildApp({
      checkResponses: true,
      db: t.db,
      cipher: createFieldCipher(crypto.randomBytes(32)),
      profile: chicagoProfile,
      jurisdiction: TEST_JURISDICTION,
      logLevel: 'silent',
      timeouts: { headersMs: 200, requestMs: 200, checkEveryMs: 50 },
    });
    try {
      await app.listen({ host: '127.0.0.1', port: 0 });
      const { port } = app.server.address() as net.AddressInfo;
      const socket = net.connect(port, '127.0.0.1');
      let received = '';
      socket.on('data', (d: Buffer) => {
        received += d.toString('latin1');
      });
      // slowloris: a request line and one header, then nothing
      socket.write('GET /api/public/v1/office HTTP/1.1\r\nHost: localhost\r\n');
      await new Promise<void>((resolve) => socket.on('close', () => resolve()));
      expect(received).toMatch(/^HTTP\/1\.1 408/);
    } finally {
      await app.close();
    }
  });
});
