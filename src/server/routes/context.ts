import type { FastifyRequest } from 'fastify';
import type { AuditSigningKey } from '../audit/checkpoints.ts';
import type { CommandDeps } from '../commands/context.ts';
import type { JurisdictionProfile } from '../domain/profiles/profile.ts';
import { smtpMailer, type Mailer, type MailSettings } from '../letters/mailer.ts';
import { actorOf } from '../plugins/auth.ts';
import type { SignInDeps } from '../commands/sign-in.ts';
import type { SessionSettings } from '../security/sessions.ts';
import type { FieldCipher } from '../security/encryption.ts';
import { bundle, type Services } from '../services.ts';

/**
 * Per-request dependencies for commands and reads, handed to every route plugin as its `ctx`
 * option. It lives here, not in app.ts, so that routes never import the app that registers them
 * (a lint rule holds it; ADR 0044).
 */
export interface RouteContext {
  db: Services['db'];
  auditKey: AuditSigningKey | null;
  profile: JurisdictionProfile;
  jurisdiction: string;
  now: () => Date;
  /** Field cipher (the public door uses it only to redact a case's own identities). */
  cipher: FieldCipher;
  deps(request: FastifyRequest): CommandDeps;
  /** Sends email letters; null when no mail server is configured. */
  mailer: Mailer | null;
}

/** The routes' context from the app's services, audit key and mail settings. */
export function routeContext(
  services: Services & { auditKey?: AuditSigningKey; mail?: MailSettings | null },
): RouteContext {
  const now = services.now ?? (() => new Date());
  return {
    db: services.db,
    auditKey: services.auditKey ?? null,
    profile: services.profile,
    jurisdiction: services.jurisdiction,
    now,
    cipher: services.cipher,
    mailer: services.mail ? smtpMailer(services.mail) : null,
    deps: (request) => bundle({ ...services, now }, actorOf(request), request.ip),
  };
}

/**
 * What a browser sign-in (password or organization provider) needs: the caller's address and
 * browser for the session record, and the session settings.
 */
export function signInDeps(
  ctx: RouteContext,
  request: FastifyRequest,
  settings: SessionSettings,
): SignInDeps {
  return {
    db: ctx.db,
    now: ctx.now,
    jurisdiction: ctx.jurisdiction,
    ip: request.ip,
    userAgent: request.headers['user-agent'] ?? null,
    settings,
    cipher: ctx.cipher,
  };
}
