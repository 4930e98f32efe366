import crypto from 'node:crypto';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppDeps } from '../src/server/app.ts';
import type { Db } from '../src/server/db/client.ts';
import { chicagoProfile } from '../src/server/domain/profiles/chicago.ts';
import { createFieldCipher } from '../src/server/security/encryption.ts';

/**
 * The real app for a benchmark on Chicago's data: a random field key, request logging at `info`
 * (as served) into a stream that discards it.
 */
export function benchApp(db: Db, extra: Partial<AppDeps> = {}): Promise<FastifyInstance> {
  return buildApp({
    db,
    cipher: createFieldCipher(crypto.randomBytes(32)),
    profile: chicagoProfile,
    jurisdiction: 'chicago',
    logLevel: 'info',
    logStream: new Writable({ write: (_c, _e, cb) => cb() }),
    ...extra,
  });
}
