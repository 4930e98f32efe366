import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Uuid } from '../../shared/schemas/common.ts';
import type { RouteContext } from './context.ts';
import { IdParams, STAFF_PROBLEMS, routeSchemas } from './schema.ts';
import { publishStatement } from '../commands/statements.ts';

const spec = routeSchemas(['statements'], STAFF_PROBLEMS);

/** Publishing statements. */
export const statementRoutes: FastifyPluginAsyncZod<{ ctx: RouteContext }> = async (
  app,
  { ctx },
) => {
  app.post(
    '/statements/:id/publish',
    spec('Publish (approve) a statement', {
      params: IdParams,
      response: { 200: z.object({ id: Uuid, status: z.literal('published') }) },
    }),
    async (request) => {
      const r = await publishStatement(ctx.deps(request), request.params.id);
      return { id: r.statementId, status: 'published' as const };
    },
  );
};
