import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/client.ts';
import type { Actor } from '../policies/actor.ts';
import { findUserByTokenHash } from '../repositories/users.repository.ts';
import { hashToken } from '../security/credentials.ts';
import { UnauthenticatedError } from '../errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated staff member, set by the auth hook on /api/v1 routes. */
    actor: Actor | null;
  }
}

/** `<scheme> <token>`; the scheme is compared case-insensitively (RFC 7235 §2.1). */
const CREDENTIALS = /^(\S+)[ \t]+(ovs_[A-Za-z0-9_-]{43})$/;

/**
 * Bearer-token authentication for the staff API. Tokens are looked up by SHA-256 hash; unknown,
 * expired, revoked or disabled-user tokens all answer the same 401.
 */
export function registerAuth(
  app: FastifyInstance,
  opts: { db: Db; jurisdiction: string; now: () => Date },
): void {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/v1/')) {
      return;
    }
    const header = request.headers.authorization;
    const match = header ? CREDENTIALS.exec(header) : null;
    if (!match || match[1]!.toLowerCase() !== 'bearer') {
      throw new UnauthenticatedError();
    }
    const user = await findUserByTokenHash(opts.db, hashToken(match[2]!), opts.now());
    if (!user || user.jurisdiction !== opts.jurisdiction) {
      throw new UnauthenticatedError('The bearer token is not valid.');
    }
    request.actor = {
      id: user.id,
      email: user.email,
      displayName: user.display_name,
      agency: user.agency,
      roles: user.roles,
    };
  });
}

/** The actor of an authenticated request (the hook guarantees one on /api/v1). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) {
    throw new UnauthenticatedError();
  }
  return request.actor;
}
