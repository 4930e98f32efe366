import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PressAnswerRequest } from '../../shared/schemas/statements.ts';
import { Uuid } from '../../shared/schemas/common.ts';
import type { RouteContext } from './context.ts';
import { IdParams, STAFF_PROBLEMS, routeSchemas } from './schema.ts';
import { answerPressInquiryWithStatement, publishStatement } from '../commands/statements.ts';

const spec = routeSchemas(['statements'], STAFF_PROBLEMS);

/** Publishing statements and answering the press. */
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

  app.post(
    '/press-inquiries/:id/answer',
    spec('Answer a press inquiry with a published statement', {
      params: IdParams,
      body: PressAnswerRequest,
      response: { 200: z.object({ id: Uuid, statementId: Uuid }) },
    }),
    async (request) => {
      await answerPressInquiryWithStatement(ctx.deps(request), {
        pressInquiryId: request.params.id,
        statementId: request.body.statementId,
      });
      return { id: request.params.id, statementId: request.body.statementId };
    },
  );
};
