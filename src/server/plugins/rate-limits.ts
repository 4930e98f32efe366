import type { FastifyInstance, FastifyRequest } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import { TooManyRequestsError } from '../errors.ts';

/** A limit: at most `max` requests per `windowMs` for one key (by default the client address). */
export interface RateLimitSetting {
  max: number;
  windowMs: number;
}

/** Sign-in attempts per address (OWASP authentication cheat sheet: throttle guessing). */
export const DEFAULT_SIGN_IN_LIMIT: RateLimitSetting = { max: 20, windowMs: 15 * 60_000 };

/**
 * Registers @fastify/rate-limit in `scope` (an encapsulated plugin, so other route groups — the
 * public door has its own limits — register theirs independently) for every route of the scope
 * whose method `applies` to, answering problem+json 429 with `Retry-After`. Other branches' routes
 * opt in the same way: wrap their registration in a scope and call this first.
 */
export async function limitScope(
  scope: FastifyInstance,
  setting: RateLimitSetting,
  opts: {
    applies?: (request: FastifyRequest) => boolean;
    name: string;
    /** Separate counters within the scope (default: one per address). */
    bucket?: (request: FastifyRequest) => string;
  },
): Promise<void> {
  await scope.register(rateLimit, {
    global: true,
    max: setting.max,
    timeWindow: setting.windowMs,
    // requests the limit does not apply to pass untouched (e.g. GET /session)
    allowList: (request) => (opts.applies ? !opts.applies(request) : false),
    keyGenerator: (request) =>
      `${opts.name}:${opts.bucket ? `${opts.bucket(request)}:` : ''}${request.ip}`,
    errorResponseBuilder: (_request, context) =>
      new TooManyRequestsError(
        `Too many ${opts.name} attempts. Try again in ${Math.ceil(context.ttl / 1000)} seconds.`,
        Math.ceil(context.ttl / 1000),
      ),
  });
}
