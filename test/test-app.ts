import type { MailSettings } from '../src/server/letters/mailer.ts';
import crypto from 'node:crypto';
import { Writable } from 'node:stream';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/server/app.ts';
import type { PublicPortalOptions } from '../src/server/routes/public/public.routes.ts';
import { generateSigningKey, type AuditSigningKey } from '../src/server/audit/checkpoints.ts';
import type { Db } from '../src/server/db/client.ts';
import { chicagoProfile } from '../src/server/domain/profiles/chicago.ts';
import type { JurisdictionProfile } from '../src/server/domain/profiles/profile.ts';
import { createFieldCipher, type FieldCipher } from '../src/server/security/encryption.ts';
import { addUser, createToken } from '../src/server/commands/users.ts';
import type { Agency, Role } from '../src/shared/enums.ts';
import type { SessionSettings } from '../src/server/security/sessions.ts';
import type { RateLimitSetting } from '../src/server/plugins/rate-limits.ts';
import type { OidcSettings } from '../src/server/security/oidc.ts';
import { TEST_JURISDICTION, testDb } from './test-db.ts';

/** An HTTP method `inject` takes (light-my-request's list, which Fastify's route methods extend). */
export type InjectMethod = NonNullable<InjectOptions['method']>;

export interface TestUser {
  id: string;
  email: string;
  token: string;
  agency: Agency;
  roles: Role[];
}

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  /** The server database's URL (absent on PGlite): for pg_dump, or a second app instance. */
  url?: string;
  cipher: FieldCipher;
  /** Everything the app logged, for the no-personal-data-in-logs checks. */
  logs: string[];
  /** The Ed25519 key that signs and verifies audit checkpoints (outside the database). */
  auditKey: AuditSigningKey;
  /** Every route the app registered (method and URL pattern), in registration order. */
  routes: Array<{ method: InjectMethod; url: string }>;
  /** Creates a staff user and a token for them. */
  user(roles: Role | Role[], agency?: Agency, email?: string): Promise<TestUser>;
  /** app.inject with the user's bearer token. */
  as(user: TestUser | null, opts: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** The real app on a fresh database: no mocks of our own server or database. */
export async function testApp(
  opts: {
    now?: () => Date;
    sessions?: SessionSettings;
    webRoot?: string;
    publicPortal?: Partial<PublicPortalOptions>;
    signInRateLimit?: RateLimitSetting;
    oidc?: OidcSettings;
    /** The field cipher (key-rotation tests pass one on a key file); default: a random key. */
    cipher?: FieldCipher;
    /** Log level of the captured log; default info. */
    logLevel?: 'info' | 'debug' | 'trace';
    /** The jurisdiction profile; default Chicago's. */
    profile?: JurisdictionProfile;
    /** The SMTP server letters go out through (a real one the test starts); default none. */
    mail?: MailSettings;
  } = {},
): Promise<TestApp> {
  const { db, close, url } = await testDb();
  const cipher = opts.cipher ?? createFieldCipher(crypto.randomBytes(32));
  const logs: string[] = [];
  const auditKey = generateSigningKey();
  const routes: Array<{ method: InjectMethod; url: string }> = [];
  const logStream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      logs.push(chunk.toString('utf8'));
      cb();
    },
  });
  const app = await buildApp({
    checkResponses: true,
    db,
    cipher,
    profile: opts.profile ?? chicagoProfile,
    jurisdiction: TEST_JURISDICTION,
    logLevel: opts.logLevel ?? 'info',
    logStream,
    // the app reports the methods Fastify registered, which are HTTP methods by construction
    onRoute: (r) => routes.push({ method: r.method as InjectMethod, url: r.url }),
    auditKey,
    ...(opts.now ? { now: opts.now } : {}),
    ...(opts.sessions ? { sessions: opts.sessions } : {}),
    ...(opts.webRoot ? { webRoot: opts.webRoot } : {}),
    // statistics recomputed on every request, so a test sees what it just wrote
    // reads and exports are limited per address; tests that count them set their own
    publicPortal: {
      statsTtlMs: 0,
      readPerIp: { max: 100_000, windowMs: 60_000 },
      exportPerIp: { max: 10_000, windowMs: 60_000 },
      ...opts.publicPortal,
    },
    ...(opts.signInRateLimit ? { signInRateLimit: opts.signInRateLimit } : {}),
    ...(opts.oidc ? { oidc: opts.oidc } : {}),
    ...(opts.mail ? { mail: opts.mail } : {}),
  });
  const sys = { db, now: () => new Date(), jurisdiction: TEST_JURISDICTION };
  let n = 0;
  return {
    app,
    db,
    ...(url ? { url } : {}),
    cipher,
    logs,
    routes,
    auditKey,
    async user(roles, agency = 'COPA', email) {
      const list = Array.isArray(roles) ? roles : [roles];
      const address = email ?? `${list.join('-')}-${agency.toLowerCase()}-${++n}@example.gov`;
      const { id } = await addUser(sys, { email: address, agency, roles: list });
      const { token } = await createToken(sys, { email: address });
      return { id, email: address, token, agency, roles: list };
    },
    as(user, options) {
      return app.inject({
        ...options,
        headers: {
          ...(options.headers ?? {}),
          ...(user ? { authorization: `Bearer ${user.token}` } : {}),
        },
      });
    },
    async close() {
      await app.close();
      await close();
    },
  };
}
