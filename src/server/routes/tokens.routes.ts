import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { TokenOut } from '../../shared/schemas/tokens.ts';
import { TokenCreatedOut, TokenCreateRequest, TokenList } from '../../shared/schemas/tokens.ts';
import { createOwnToken } from '../commands/tokens/create-own-token.ts';
import { listOwnTokens } from '../commands/tokens/list-own-tokens.ts';
import { revokeOwnToken } from '../commands/tokens/revoke-own-token.ts';
import type { RouteContext } from './context.ts';
import { routeGroup } from './group.ts';
import { IdParams } from '../../shared/api/params.ts';
import { problemsOf, routeSchemas } from './schema.ts';
import {
  type OwnTokenDeps,
  type TokenSettings,
  type TokenSummary,
} from '../commands/tokens/token-lifecycle.ts';
import { actorOf } from '../plugins/auth.ts';
import { ForbiddenError } from '../errors.ts';

const spec = routeSchemas(['tokens'], problemsOf(400, 401, 403, 404));

function present(t: TokenSummary): TokenOut {
  return {
    id: t.id,
    label: t.label,
    scopes: t.scopes,
    createdAt: t.createdAt.toISOString(),
    expiresAt: t.expiresAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
  };
}

/**
 * A signed-in staff member's own API tokens (ADR 0016). Only a browser session manages tokens:
 * a token never makes, lists or revokes tokens, so a leaked one cannot mint a longer-lived twin.
 */
export const tokenRoutes = routeGroup<{
  ctx: RouteContext;
  tokens: TokenSettings;
}>(spec, (route, { ctx, tokens }) => {
  const deps = (request: FastifyRequest): OwnTokenDeps => {
    if (!request.session) {
      throw new ForbiddenError(
        'session_required',
        'API tokens are managed from a signed-in browser session, not with a token.',
      );
    }
    return {
      db: ctx.db,
      now: ctx.now,
      actor: actorOf(request),
      ip: request.ip,
      jurisdiction: ctx.jurisdiction,
      tokens,
    };
  };

  route.get(
    '/tokens',
    'Your API tokens (never the secrets)',
    { response: { 200: TokenList } },
    async (request) => ({ items: (await listOwnTokens(deps(request))).map(present) }),
  );

  route.post(
    '/tokens',
    'Create an API token for yourself: the secret is in this answer only (audited)',
    { body: TokenCreateRequest, response: { 201: TokenCreatedOut } },
    async (request) => {
      const t = await createOwnToken(deps(request), request.body);
      return { ...present(t), token: t.token };
    },
  );

  route.delete(
    '/tokens/:id',
    'Revoke one of your API tokens (audited)',
    { params: IdParams, response: { 204: z.null() } },
    async (request) => {
      await revokeOwnToken(deps(request), request.params.id);
      return null;
    },
  );
});
